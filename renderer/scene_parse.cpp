#include "renderer/scene_parse.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace limner {

namespace {

std::string line_column(const std::string& text, size_t byte) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

// nlohmann's message starts "[json.exception.parse_error.101] parse error at line ..., ": keep
// only the part that describes the problem.
std::string short_parse_message(const std::string& what) {
  size_t p = what.find(": ");
  return p == std::string::npos ? what : what.substr(p + 2);
}

}  // namespace

std::string resolve_path(const std::string& folder, const std::string& path) {
  if (path.empty() || path[0] == '/' || folder.empty()) return path;
  return folder + "/" + path;
}

Json read_json_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw input_error(path, "", std::string("cannot read scene: ") + std::strerror(errno));
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& e) {
    throw input_error(path, line_column(text, e.byte > 0 ? e.byte - 1 : 0),
                      "invalid JSON: " + short_parse_message(e.what()));
  } catch (const Json::out_of_range& e) {  // a number beyond double, e.g. 1e400
    std::string what = e.what();
    throw input_error(path, "", "invalid JSON: " + what.substr(what.find("] ") + 2));
  }
}

namespace {

Json parse_override_value(const std::string& text, const std::string& file,
                          const std::string& key) {
  try {
    return Json::parse(text);
  } catch (const Json::parse_error&) {
    return Json(text);
  } catch (const Json::out_of_range&) {  // valid JSON syntax, but a number beyond double
    throw input_error(file, key, "--set: number out of range '" + text + "'");
  }
}

bool is_index(const std::string& s) {
  return !s.empty() && s.size() < 10 && s.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

void apply_override(Json& doc, const std::string& assignment, const std::string& file) {
  size_t eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    throw InputError("--set '" + assignment + "': expected KEY.PATH=VALUE");
  std::string key = assignment.substr(0, eq);
  Json* node = &doc;
  std::stringstream ss(key);
  std::string part, walked;
  while (std::getline(ss, part, '.')) {
    walked += (walked.empty() ? "" : ".") + part;
    if (part.empty()) throw InputError("--set '" + assignment + "': empty key in path");
    if (node->is_array()) {
      if (!is_index(part)) throw input_error(file, walked, "--set: expected an array index");
      size_t i = std::stoul(part);
      if (i > node->size()) throw input_error(file, walked, "--set: index out of range");
      if (i == node->size()) node->push_back(Json::object());
      node = &(*node)[i];
    } else if (node->is_object() || node->is_null()) {
      node = &(*node)[part];
    } else {
      throw input_error(file, walked, "--set: cannot descend into a " +
                                          std::string(node->type_name()));
    }
  }
  *node = parse_override_value(assignment.substr(eq + 1), file, key);
}

}  // namespace limner
