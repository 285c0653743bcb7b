#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aksc {

/// Edit distance between `a` and `b` compared case-insensitively, where inserting, deleting or
/// replacing a character or swapping two adjacent ones is one edit (optimal string alignment),
/// giving up (returning max_distance + 1) once it exceeds `max_distance`.
int edit_distance(std::string_view a, std::string_view b, int max_distance);

/// The candidate closest to `word` when it is close enough to be a plausible typo, as in
/// "did you mean 'agent_count'?". Ties go to the earliest candidate.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" or "" — the suffix every did-you-mean message uses.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace aksc
