// Reads a JSON object while tracking its key path, so every error names the file and key, and
// any key that was never read is reported as unknown (typos must not pass silently).
#pragma once
#include <glm/glm.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "renderer/errors.h"

namespace limner {

using Json = nlohmann::json;

constexpr float kMaxLightScale = 1e15f;

class JsonReader {
 public:
  // `path` is the key path of `value` ("" for the document root).
  JsonReader(const Json& value, std::string file, std::string path);

  const Json& json() const { return value_; }
  const std::string& path() const { return path_; }
  const std::string& file() const { return file_; }
  std::string child_path(const std::string& key) const;
  std::string index_path(size_t index) const;

  bool has(const std::string& key) const;
  const Json& get(const std::string& key);  // required; marks the key as read
  JsonReader object(const std::string& key);

  float number(const std::string& key);
  float number(const std::string& key, float fallback);
  float positive(const std::string& key);               // > 0
  float positive(const std::string& key, float fallback);
  float non_negative(const std::string& key, float fallback);
  // A light's `scale`: >= 0 and at most kMaxLightScale (beyond, radiance overflows single
  // precision in the renderer: samples turn to NaN and are dropped, leaving a black image).
  float light_scale(const std::string& key);
  int positive_int(const std::string& key, int fallback);
  std::string string(const std::string& key);
  std::string string(const std::string& key, const std::string& fallback);
  glm::vec3 vec3(const std::string& key);
  glm::vec3 vec3(const std::string& key, const glm::vec3& fallback);
  glm::vec2 positive_vec2(const std::string& key);

  // Throws for the first key of the object that no call above has read.
  void reject_unknown() const;

  [[noreturn]] void fail(const std::string& key, const std::string& what) const;
  [[noreturn]] void fail_here(const std::string& what) const;

 private:
  const Json& value_;
  std::string file_, path_;
  std::set<std::string> read_;
};

// Checks a JSON value is a finite number (for values read outside a JsonReader).
float json_number(const Json& v, const std::string& file, const std::string& path);

}  // namespace limner
