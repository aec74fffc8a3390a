#include "renderer/json_reader.h"

#include <cmath>

namespace limner {

namespace {

std::string type_name(const Json& v) { return v.type_name(); }

}  // namespace

JsonReader::JsonReader(const Json& value, std::string file, std::string path)
    : value_(value), file_(std::move(file)), path_(std::move(path)) {
  if (!value_.is_object()) fail_here("expected an object, got " + type_name(value_));
}

std::string JsonReader::child_path(const std::string& key) const {
  return path_.empty() ? key : path_ + "." + key;
}

std::string JsonReader::index_path(size_t index) const {
  return path_ + "[" + std::to_string(index) + "]";
}

bool JsonReader::has(const std::string& key) const { return value_.contains(key); }

const Json& JsonReader::get(const std::string& key) {
  auto it = value_.find(key);
  if (it == value_.end()) fail(key, "missing required key");
  read_.insert(key);
  return *it;
}

JsonReader JsonReader::object(const std::string& key) {
  return JsonReader(get(key), file_, child_path(key));
}

float json_number(const Json& v, const std::string& file, const std::string& path) {
  if (!v.is_number()) throw input_error(file, path, "expected a number, got " + type_name(v));
  double d = v.get<double>();
  if (!std::isfinite(d) || std::fabs(d) > 3.0e38)
    throw input_error(file, path, "number out of range");
  return static_cast<float>(d);
}

float JsonReader::number(const std::string& key) {
  return json_number(get(key), file_, child_path(key));
}

float JsonReader::number(const std::string& key, float fallback) {
  return has(key) ? number(key) : fallback;
}

float JsonReader::positive(const std::string& key) {
  float v = number(key);
  if (!(v > 0.0f)) fail(key, "must be greater than 0 (got " + get(key).dump() + ")");
  return v;
}

float JsonReader::positive(const std::string& key, float fallback) {
  return has(key) ? positive(key) : fallback;
}

float JsonReader::non_negative(const std::string& key, float fallback) {
  if (!has(key)) return fallback;
  float v = number(key);
  if (v < 0.0f) fail(key, "must not be negative (got " + get(key).dump() + ")");
  return v;
}

float JsonReader::light_scale(const std::string& key) {
  float v = non_negative(key, 1.0f);
  if (v > kMaxLightScale) fail(key, "must be at most 1e15 (got " + get(key).dump() + ")");
  return v;
}

int JsonReader::positive_int(const std::string& key, int fallback) {
  if (!has(key)) return fallback;
  const Json& v = get(key);
  if (!v.is_number_integer() && !(v.is_number() && std::floor(v.get<double>()) == v.get<double>()))
    fail(key, "expected a whole number, got " + v.dump());
  double d = v.get<double>();
  if (d < 1) fail(key, "must be at least 1 (got " + v.dump() + ")");
  if (d > 2147483647.0) fail(key, "too large (got " + v.dump() + ")");
  return static_cast<int>(d);
}

std::string JsonReader::string(const std::string& key) {
  const Json& v = get(key);
  if (!v.is_string()) fail(key, "expected a string, got " + type_name(v));
  return v.get<std::string>();
}

std::string JsonReader::string(const std::string& key, const std::string& fallback) {
  return has(key) ? string(key) : fallback;
}

glm::vec3 JsonReader::vec3(const std::string& key) {
  const Json& v = get(key);
  if (!v.is_array() || v.size() != 3) fail(key, "expected an array of 3 numbers");
  glm::vec3 r;
  for (int i = 0; i < 3; ++i)
    r[i] = json_number(v[i], file_, child_path(key) + "[" + std::to_string(i) + "]");
  return r;
}

glm::vec3 JsonReader::vec3(const std::string& key, const glm::vec3& fallback) {
  return has(key) ? vec3(key) : fallback;
}

glm::vec2 JsonReader::positive_vec2(const std::string& key) {
  const Json& v = get(key);
  if (!v.is_array() || v.size() != 2) fail(key, "expected an array of 2 numbers");
  glm::vec2 r;
  for (int i = 0; i < 2; ++i) {
    r[i] = json_number(v[i], file_, child_path(key) + "[" + std::to_string(i) + "]");
    if (!(r[i] > 0.0f)) fail(key, "sizes must be greater than 0 (got " + v.dump() + ")");
  }
  return r;
}

void JsonReader::reject_unknown() const {
  for (auto it = value_.begin(); it != value_.end(); ++it)
    if (!read_.count(it.key())) fail(it.key(), "unknown key '" + it.key() + "'");
}

void JsonReader::fail(const std::string& key, const std::string& what) const {
  throw input_error(file_, child_path(key), what);
}

void JsonReader::fail_here(const std::string& what) const {
  throw input_error(file_, path_, what);
}

}  // namespace limner
