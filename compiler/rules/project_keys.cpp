#include "rules/project_keys.h"

#include <fmt/format.h>

#include "diag/text_util.h"

namespace aksc::rules {
namespace {

// The field's text, when it has some: a view, since keys are built from several of them.
std::optional<std::string_view> usable_text(const ir::Field<std::string>& field) {
  if (!field.usable() || trim(field.value).empty()) return std::nullopt;
  return field.value;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == separator) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

}  // namespace

std::optional<std::string> region_key(const Catalog& catalog, std::string_view region) {
  const Region* known = catalog.find_region(region);
  if (!known) return std::nullopt;
  return to_lower(known->name);
}

std::string join_key(std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (std::string_view part : parts)
    size += part.size() + 1;
  std::string key;
  key.reserve(size);  // one allocation: the rules build a key or two per spec
  for (std::string_view part : parts) {
    append_lower(key, part);
    key += '\n';
  }
  return key;
}

std::optional<std::string> workspace_key(const ir::Spec& spec) {
  auto name = usable_text(spec.workspace.name);
  auto group = usable_text(spec.workspace.resource_group);
  auto subscription = usable_text(spec.workspace.subscription_id);
  if (!name || !group || !subscription) return std::nullopt;
  return join_key({*subscription, *group, *name});
}

std::optional<std::string> workspace_name_key(const ir::Spec& spec) {
  auto name = usable_text(spec.workspace.name);
  if (!name) return std::nullopt;
  return to_lower(*name);
}

std::optional<std::string> compute_name_key(const ir::Spec& spec) {
  auto name = usable_text(spec.name);
  if (!name) return std::nullopt;
  return to_lower(*name);
}

const ir::Field<std::string>* compute_region(const ir::Spec& spec) {
  if (usable_text(spec.location)) return &spec.location;
  if (usable_text(spec.workspace.location)) return &spec.workspace.location;
  return nullptr;
}

std::string describe_workspace(const ir::Spec& spec) {
  return fmt::format("'{}' (resource group '{}', subscription {})", spec.workspace.name.value,
                     spec.workspace.resource_group.value, spec.workspace.subscription_id.value);
}

std::optional<std::string> managed_cluster_key(std::string_view resource_id) {
  std::vector<std::string_view> parts = split(resource_id, '/');
  // "", subscriptions, S, resourceGroups, G, providers, Microsoft.ContainerService,
  // managedClusters, N
  if (parts.size() != 9 || !parts[0].empty()) return std::nullopt;
  if (!iequals(parts[1], "subscriptions") || !iequals(parts[3], "resourceGroups") ||
      !iequals(parts[5], "providers") || !iequals(parts[6], "Microsoft.ContainerService") ||
      !iequals(parts[7], "managedClusters")) {
    return std::nullopt;
  }
  for (std::size_t i : {2, 4, 8}) {
    if (trim(parts[i]).empty() || trim(parts[i]).size() != parts[i].size()) return std::nullopt;
  }
  return join_key({parts[2], parts[4], parts[8]});
}

namespace {

// The fields that name the cluster of a spec that names it by parts: attach without a
// resource_id, or provision-and-attach (the cluster it creates).
struct ClusterParts {
  const ir::Field<std::string>& subscription;
  const ir::Field<std::string>& group;
  const ir::Field<std::string>& name;
};

std::optional<ClusterParts> cluster_parts(const ir::Spec& spec) {
  if (spec.mode.value == ir::Mode::kAttach) {
    const ir::Cluster& cluster = spec.cluster;
    return ClusterParts{cluster.subscription_id, cluster.resource_group, cluster.name};
  }
  if (spec.mode.value == ir::Mode::kProvisionAndAttach) {
    return ClusterParts{spec.workspace.subscription_id, spec.cluster_resource_group,
                        spec.cluster_name};
  }
  return std::nullopt;
}

bool by_resource_id(const ir::Spec& spec) {
  return spec.mode.value == ir::Mode::kAttach && spec.cluster->resource_id.usable();
}

}  // namespace

std::optional<std::string> attached_cluster_key(const ir::Spec& spec) {
  if (!spec.mode.usable()) return std::nullopt;
  if (by_resource_id(spec)) return managed_cluster_key(spec.cluster->resource_id.value);
  auto parts = cluster_parts(spec);
  if (!parts) return std::nullopt;
  auto subscription = usable_text(parts->subscription);
  auto group = usable_text(parts->group);
  auto name = usable_text(parts->name);
  if (!subscription || !group || !name) return std::nullopt;
  return join_key({*subscription, *group, *name});
}

std::optional<ClusterRef> attached_cluster(const ir::Spec& spec) {
  auto key = attached_cluster_key(spec);
  if (!key) return std::nullopt;
  if (by_resource_id(spec)) {
    return ClusterRef{std::move(*key), spec.cluster->resource_id.value,
                      spec.cluster->resource_id.range};
  }
  ClusterParts parts = *cluster_parts(spec);
  return ClusterRef{std::move(*key),
                    fmt::format("/subscriptions/{}/resourceGroups/{}/providers/"
                                "Microsoft.ContainerService/managedClusters/{}",
                                parts.subscription.value, parts.group.value, parts.name.value),
                    parts.name.range};
}

RelatedLocation related_at(const ir::Spec& spec, SourceRange range, std::string message) {
  return {{spec.file, range.known() ? range : spec.range}, std::move(message)};
}

RelatedLocation related_at(const InventoryEntry& entry, SourceRange range, std::string message) {
  return {{entry.file, range.known() ? range : entry.range}, std::move(message)};
}

std::string where(const std::string& file, SourceRange range) {
  if (!range.known()) return file;
  return fmt::format("{}:{}", file, range.begin.line);
}

void FindingPlan::add(const ir::Spec& spec, SourceRange range, std::string message,
                      std::string help, RelatedLocation related) {
  auto [found, inserted] = index_.try_emplace(&spec, planned_.size());
  if (inserted) {
    planned_.push_back({&spec, range, std::move(message), std::move(help), {}, {}});
  }
  Planned& planned = planned_[found->second];
  const SourcePosition& at = related.location.range.begin;
  if (planned.related_places.emplace(related.location.file, at.line, at.column).second) {
    planned.related.push_back(std::move(related));
  }
}

void FindingPlan::clash(const ir::Spec& later, SourceRange later_range, const ir::Spec& first,
                        SourceRange first_range,
                        const std::function<ClashText(bool on_later)>& text) {
  if (reported(later)) {
    ClashText t = text(true);
    add(later, later_range, std::move(t.message), std::move(t.help),
        related_at(first, first_range, std::move(t.related)));
  } else if (reported(first)) {
    ClashText t = text(false);
    add(first, first_range, std::move(t.message), std::move(t.help),
        related_at(later, later_range, std::move(t.related)));
  }
}

void FindingPlan::report(ProjectReporter& out) {
  for (Planned& planned : planned_) {
    Finding* finding = out.report(*planned.spec, planned.range, std::move(planned.message),
                                  std::move(planned.help));
    if (finding) finding->related = std::move(planned.related);
  }
}

InventoryIndex::InventoryIndex(const std::vector<InventoryEntry>& inventory) {
  for (const InventoryEntry& entry : inventory) {
    if (!entry.workspace.usable() || !entry.name.usable()) continue;
    by_key_.try_emplace({keys_.lower(entry.workspace.value), keys_.lower(entry.name.value)},
                        &entry);
  }
}

const InventoryEntry* InventoryIndex::find(const ProjectKeys& keys) const {
  if (keys.workspace_name.empty() || keys.name.empty()) return nullptr;
  auto found = by_key_.find({keys.workspace_name, keys.name});
  return found == by_key_.end() ? nullptr : found->second;
}

}  // namespace aksc::rules
