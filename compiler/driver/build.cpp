#include "driver/build.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "backends/intent.h"
#include "diag/text_util.h"
#include "driver/atomic_write.h"
#include "driver/existing_computes.h"
#include "driver/output_folder.h"
#include "driver/output_tree.h"

namespace aksc {
namespace fs = std::filesystem;

namespace {

// Blocking findings: unsuppressed errors, the ones that fail `aksc lint`.
bool blocks(const Finding& finding) {
  return !finding.suppressed_because && finding.severity == Severity::kError;
}

// Error counts per spec (by index in lint.specs) and per file that holds no spec. A finding
// belongs to the spec whose document starts last at or before its line; a finding before the
// first spec or without a line belongs to every spec of its file.
struct ErrorCounts {
  std::map<std::size_t, int> by_spec;
  std::map<std::string, int> outside_specs;
};

ErrorCounts count_errors(const LintResult& lint) {
  ErrorCounts counts;
  std::unordered_map<std::string_view, std::vector<std::size_t>> specs_by_file;
  for (std::size_t i = 0; i < lint.specs.size(); ++i)
    specs_by_file[lint.specs[i].file].push_back(i);
  static const std::vector<std::size_t> kNone;
  for (const Finding& finding : lint.findings) {
    if (!blocks(finding)) continue;
    auto found = specs_by_file.find(finding.location.file);
    const std::vector<std::size_t>& in_file = found == specs_by_file.end() ? kNone : found->second;
    if (in_file.empty()) {
      ++counts.outside_specs[finding.location.file];
      continue;
    }
    std::optional<std::size_t> owner;
    int line = finding.location.range.begin.line;
    for (std::size_t i : in_file) {
      if (line > 0 && lint.specs[i].range.begin.line <= line) owner = i;
    }
    if (owner) {
      ++counts.by_spec[*owner];
    } else {
      for (std::size_t i : in_file)
        ++counts.by_spec[i];
    }
  }
  return counts;
}

std::string spec_label(const ir::Spec& spec) {
  if (spec.name.usable() && !spec.name.value.empty()) {
    return fmt::format("{}: compute '{}'", spec.file, spec.name.value);
  }
  return fmt::format("{}: the spec of document {}", spec.file, spec.document + 1);
}

std::string plural(int count, std::string_view word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

// The spec's folder as seen from its artifact folder; both made absolute the same way, so the
// relative path does not depend on the current folder.
fs::path spec_dir_from(const fs::path& artifact_dir, const std::string& spec_file) {
  fs::path spec_dir = fs::absolute(fs::path(spec_file)).parent_path().lexically_normal();
  return spec_dir.lexically_relative(fs::absolute(artifact_dir).lexically_normal());
}

// A spec that lowered to a deployment, waiting for its folder to be known unique.
struct Candidate {
  const ir::Spec* spec;
  intent::Deployment deployment;
  std::string folder_key;  ///< Lower-case "<workspace>/<name>": Azure names ignore case.
};

std::optional<std::string> folder_problem(const intent::Deployment& d) {
  if (auto problem = folder_name_problem(d.workspace.name)) {
    return fmt::format("workspace name '{}' cannot be a folder name: {}", d.workspace.name,
                       *problem);
  }
  if (auto problem = folder_name_problem(d.compute.name)) {
    return fmt::format("compute name '{}' cannot be a folder name: {}", d.compute.name, *problem);
  }
  return std::nullopt;
}

std::vector<Candidate> lower_candidates(const LintResult& lint, const ErrorCounts& errors,
                                        BuildPlan& plan) {
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < lint.specs.size(); ++i) {
    const ir::Spec& spec = lint.specs[i];
    if (auto it = errors.by_spec.find(i); it != errors.by_spec.end()) {
      plan.refusals.push_back(
          fmt::format("{} has {}, so nothing is built for it ('aksc lint {}' "
                      "shows them)",
                      spec_label(spec), plural(it->second, "error"), spec.file));
      continue;
    }
    intent::Existing existing;
    if (auto inventory = lint.inventories.find(spec.file); inventory != lint.inventories.end()) {
      existing = existing_computes(spec, *inventory->second);
    }
    intent::Lowering lowering = intent::lower_deployment(spec, existing);
    if (!lowering.deployment) {
      plan.refusals.push_back(fmt::format("{} cannot be built: {}", spec_label(spec),
                                          fmt::join(lowering.problems, "; ")));
      continue;
    }
    if (auto problem = folder_problem(*lowering.deployment)) {
      plan.refusals.push_back(fmt::format("{} cannot be built: {}", spec_label(spec), *problem));
      continue;
    }
    std::string key =
        to_lower(lowering.deployment->workspace.name + "/" + lowering.deployment->compute.name);
    candidates.push_back({&spec, std::move(*lowering.deployment), key});
  }
  return candidates;
}

// What the inventory changed in the steps, said on stderr as the scripts say it in comments.
void note_existing(const ir::Spec& spec, const intent::Deployment& d, BuildPlan& plan) {
  if (d.exists_already) {
    plan.notes.push_back(fmt::format(
        "{} exists already (the inventory lists it in workspace '{}'): creating a compute is "
        "not idempotent, so deploy.sh has no create step and azuredeploy.json deploys nothing",
        spec_label(spec), d.workspace.name));
  }
  if (!d.has_step(intent::Step::kDetachCompute)) return;
  std::vector<std::string> names;
  for (const std::string& name : d.detach)
    names.push_back("'" + name + "'");
  plan.notes.push_back(
      d.detach_from_inventory
          ? fmt::format("{}: reattach detaches {}, which the inventory records as holding the "
                        "AKS cluster; delete the azureml-fe resources on the cluster before the "
                        "attach step",
                        spec_label(spec), fmt::join(names, ", "))
          : fmt::format("{}: reattach detaches {} (its own name): no inventory records which "
                        "compute holds the AKS cluster; delete the azureml-fe resources on the "
                        "cluster before the attach step",
                        spec_label(spec), fmt::join(names, ", ")));
}

}  // namespace

BuildPlan plan_build(const LintResult& lint, const BuildRequest& request) {
  BuildPlan plan;
  ErrorCounts errors = count_errors(lint);
  if (!errors.outside_specs.empty()) {
    for (const auto& [file, count] : errors.outside_specs) {
      plan.refusals.push_back(fmt::format(
          "{} has {}, so nothing is built until they are fixed ('aksc lint' shows them)", file,
          plural(count, "error")));
    }
    return plan;
  }
  std::vector<Candidate> candidates = lower_candidates(lint, errors, plan);
  std::map<std::string, std::vector<const ir::Spec*>> by_folder;
  for (const Candidate& candidate : candidates)
    by_folder[candidate.folder_key].push_back(candidate.spec);
  for (const Candidate& candidate : candidates) {
    const auto& sharing = by_folder[candidate.folder_key];
    const intent::Deployment& d = candidate.deployment;
    std::string folder = d.workspace.name + "/" + d.compute.name;
    if (sharing.size() > 1) {
      std::vector<std::string> files;
      for (const ir::Spec* spec : sharing)
        files.push_back(spec->file);
      plan.refusals.push_back(
          fmt::format("{} cannot be built: {} specs would write the same folder {} ({})",
                      spec_label(*candidate.spec), sharing.size(), folder, fmt::join(files, ", ")));
      continue;
    }
    fs::path artifact_dir = request.out_dir / d.workspace.name / d.compute.name;
    ArtifactContext context{spec_dir_from(artifact_dir, candidate.spec->file)};
    for (Artifact& artifact : render_artifacts(d, request.target, context)) {
      fs::path relative = fs::path(d.workspace.name) / d.compute.name / artifact.file_name;
      plan.files.push_back({artifact_dir / artifact.file_name, std::move(artifact.content),
                            artifact.executable, std::move(relative)});
    }
    plan.built.push_back(folder);
    note_existing(*candidate.spec, d, plan);
  }
  // Reported and written in path order, whatever order the specs came in.
  std::sort(plan.files.begin(), plan.files.end(),
            [](const PlannedFile& a, const PlannedFile& b) { return a.path < b.path; });
  return plan;
}

namespace {

std::string shown(const fs::path& path) {
  return path.lexically_normal().generic_string();
}

// A symlink below OUTDIR could send a write, or a --check read, elsewhere: refused, each
// one once, before anything is read or written.
bool refuse_symlinks(const fs::path& out_dir, BuildResult& result) {
  std::set<fs::path> links;
  for (const PlannedFile& file : result.plan.files) {
    std::optional<fs::path> link = symlink_below(out_dir, file.relative);
    if (link && links.insert(*link).second) {
      result.errors.push_back(fmt::format(
          "{} is a symbolic link below OUTDIR; aksc build never writes or reads through one, so "
          "nothing was written (replace it with a folder, or remove it)",
          shown(*link)));
    }
  }
  return links.empty();
}

void check_plan(const fs::path& out_dir, BuildResult& result) {
  for (const PlannedFile& file : result.plan.files) {
    OutputFolder folder(out_dir, file.relative.parent_path(), false);
    std::optional<std::string> existing;
    if (folder.is_open()) existing = read_existing_file_at(folder.fd(), file.relative.filename());
    if (!existing) {
      result.stale.push_back("missing: " + shown(file.path));
    } else if (*existing != file.content) {
      result.stale.push_back("differs: " + shown(file.path));
    } else {
      result.unchanged.push_back(shown(file.path));
    }
  }
}

void write_plan(const fs::path& out_dir, BuildResult& result) {
  if (result.plan.files.empty()) return;
  std::error_code error;
  fs::create_directories(out_dir, error);  // OUTDIR itself: the user's path, as given
  if (error) {
    result.errors.push_back(
        fmt::format("cannot create folder {}: {}", shown(out_dir), error.message()));
    return;
  }
  for (const PlannedFile& file : result.plan.files) {
    OutputFolder folder(out_dir, file.relative.parent_path(), true);
    if (!folder.is_open()) {
      result.errors.push_back(fmt::format("cannot create folder {}: {}",
                                          shown(file.path.parent_path()),
                                          std::strerror(folder.error())));
      return;
    }
    std::string name = file.relative.filename();
    std::optional<std::string> existing = read_existing_file_at(folder.fd(), name);
    if (existing && *existing == file.content) {
      result.unchanged.push_back(shown(file.path));
      continue;
    }
    try {
      write_file_atomically_at(folder.fd(), name, file.path.string(), file.content,
                               file.executable);
    } catch (const WriteError& failure) {
      result.errors.push_back(failure.what());
      return;
    }
    result.written.push_back(shown(file.path));
  }
}

}  // namespace

BuildResult run_build(const BuildRequest& request) {
  BuildResult result;
  result.lint = run_lint(LintRequest{request.paths, request.config_path, request.jobs,
                                     request.max_file_size, false, request.allowed_paths});
  std::error_code error;
  if (fs::exists(request.out_dir, error) && !fs::is_directory(request.out_dir, error)) {
    result.errors.push_back(shown(request.out_dir) + ": is not a folder");
    return result;
  }
  result.plan = plan_build(result.lint, request);
  if (!refuse_symlinks(request.out_dir, result)) return result;
  if (request.check) {
    check_plan(request.out_dir, result);
  } else {
    write_plan(request.out_dir, result);
  }
  return result;
}

}  // namespace aksc
