#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "backends/artifact_context.h"
#include "backends/az/shell_quote.h"

// The text of deploy.sh: az commands one option per line, and numbered, commented steps.
namespace aksc::az {

/// One az command, rendered one option per line so that reviews and diffs stay readable.
class Command {
 public:
  explicit Command(std::string words) : words_(std::move(words)) {}

  /// An option with a spec value: always quoted.
  Command& value(std::string_view option, std::string_view value) {
    return word(option, shell_quote(value));
  }
  /// An option whose value is already a shell-safe word (a quoted value or "$variable").
  Command& word(std::string_view option, std::string word) {
    lines_.push_back(fmt::format("{} {}", option, word));
    return *this;
  }
  /// A switch without a value.
  Command& flag(std::string_view option) {
    lines_.emplace_back(option);
    return *this;
  }

  /// The command, its continuation lines indented by `indent` more (inside an `if`).
  std::string text(std::string_view indent = "") const {
    std::string out = words_;
    for (const std::string& line : lines_)
      out += fmt::format(" \\\n  {}{}", indent, line);
    return out;
  }

 private:
  std::string words_;
  std::vector<std::string> lines_;
};

/// The script text: a header, then numbered steps with their comments.
class Script {
 public:
  void line(std::string_view text) { text_ += std::string(text) + "\n"; }
  void step(std::string_view title, const std::vector<std::string>& notes, std::string_view body) {
    text_ += fmt::format("\n# Step {}: {}\n", ++count_, comment_text(title));
    for (const std::string& note : notes)
      text_ += "# " + comment_text(note) + "\n";
    text_ += std::string(body) + "\n";
  }
  void raw(std::string_view text) { text_ += text; }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  int count_ = 0;
};

/// The first lines of every deploy.sh: the shebang, then (right after it, so that it covers the
/// whole file) ShellCheck's SC2016 off, because every value is single-quoted on purpose and a
/// '$' or '`' in it stays literal; `title` and `about` as comments; strict mode; and `here`,
/// the script's folder, for the files it reads beside it or relative to it.
inline void start_script(Script& script, std::string_view title,
                         std::initializer_list<std::string_view> about, bool needs_here) {
  script.line("#!/usr/bin/env bash");
  script.line(
      "# shellcheck disable=SC2016  # values are single-quoted on purpose: literal $ and `");
  script.line(comment_text(fmt::format("# {}", title)));
  for (std::string_view line : about)
    script.line(fmt::format("# {}", line));
  script.line("set -euo pipefail");
  if (needs_here) script.line("here=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)\"");
}

/// A path of the spec (a certificate) as a shell word: relative ones are anchored at the
/// script's folder, so that the script works from any current folder.
inline std::string file_word(const std::string& written, const ArtifactContext& context) {
  std::string path = path_from_artifacts(context, written);
  return is_absolute_path(written) ? shell_quote(path) : "\"$here\"/" + shell_quote(path);
}

}  // namespace aksc::az
