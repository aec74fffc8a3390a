// Tabulated whole-blood absorption for the skin presets (generated: gen_skin_data.py).
#pragma once

namespace limner {

constexpr int kSkinDataSamples = 48;  // 360, 370, ..., 830 nm
constexpr float kSkinDataLambda0 = 360.0f, kSkinDataStep = 10.0f;
extern const float kBloodHbO2PerMm[kSkinDataSamples];  // oxyhaemoglobin, whole blood, per mm
extern const float kBloodHbPerMm[kSkinDataSamples];    // deoxyhaemoglobin, whole blood, per mm

}  // namespace limner
