// User-facing errors. An InputError is bad input (exit code 2); the message is printed after
// "limner: error: " and must name the file and, for a scene value, its key path.
#pragma once
#include <stdexcept>
#include <string>

namespace limner {

class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& message) : std::runtime_error(message) {}
};

// "scene.json: objects[2].material: unknown material 'gold'"
inline InputError input_error(const std::string& file, const std::string& key,
                              const std::string& what) {
  std::string msg = file;
  if (!key.empty()) msg += ": " + key;
  msg += ": " + what;
  return InputError(msg);
}

}  // namespace limner
