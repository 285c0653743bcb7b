// AKS206 vm-size-below-aks-minimum — rules/AKS206-vm-size-below-aks-minimum.md

#include <fmt/format.h>

#include "diag/text_util.h"
#include "rules/sizing_rules.h"

namespace aksc::rules {
namespace {

// A size of the same family with enough vCPUs, checked against the catalog: the unconstrained
// original of a constrained-core size (Standard_DS11-1_v2 → Standard_DS11_v2), else the name
// with its vCPU number raised (Standard_DS1_v2 → Standard_DS2_v2).
const VmSize* larger_sibling(const VmSize& size, int minimum, const Catalog& catalog) {
  const std::string name(size.name);
  auto usable = [&](const std::string& candidate) -> const VmSize* {
    const VmSize* found = catalog.find_vm_size(candidate);
    return found && found->vcpus_available >= minimum ? found : nullptr;
  };
  std::size_t underscore = name.find('_');
  if (underscore == std::string::npos) return nullptr;
  std::size_t first = underscore + 1;
  while (first < name.size() && !is_ascii_digit(name[first]))
    ++first;
  std::size_t last = first;
  while (last < name.size() && is_ascii_digit(name[last]))
    ++last;
  if (first == last) return nullptr;
  if (last < name.size() && name[last] == '-') {  // constrained: "<vcpus>-<available>"
    std::size_t after = last + 1;
    while (after < name.size() && is_ascii_digit(name[after]))
      ++after;
    if (const VmSize* base = usable(name.substr(0, last) + name.substr(after))) return base;
  }
  for (int count : {minimum, minimum * 2}) {
    std::string candidate = name.substr(0, first) + std::to_string(count) + name.substr(last);
    if (const VmSize* sibling = usable(candidate)) return sibling;
  }
  return nullptr;
}

}  // namespace

void check_vm_size_below_aks_minimum(const ir::Spec& spec, const RuleContext& context,
                                     RuleReporter& out) {
  // The sizes aksc asks AKS to create; an attached cluster's pools already exist.
  if (!spec.mode.usable() || spec.mode.value == ir::Mode::kAttach) return;
  if (!spec.vm_size.usable()) return;
  const VmSize* size = context.catalog.find_vm_size(spec.vm_size.value);
  if (!size) return;  // AKS204
  const int minimum = context.catalog.attach_policy().aks_node_min_vcpus;
  // A constrained-core size counts its usable vCPUs: the disabled ones are not available to the
  // node (rules/AKS206-vm-size-below-aks-minimum.md).
  if (size->vcpus_available >= minimum) return;
  std::string has = size->vcpus_available == size->vcpus
                        ? fmt::format("has {}", vcpus_text(size->vcpus))
                        : fmt::format(
                              "has {} usable vCPU{} (a constrained-core size: {} of its {} are "
                              "disabled)",
                              size->vcpus_available, size->vcpus_available == 1 ? "" : "s",
                              size->vcpus - size->vcpus_available, size->vcpus);
  const VmSize* sibling = larger_sibling(*size, minimum, context.catalog);
  out.report(spec.vm_size.range,
             fmt::format("{} {}; AKS nodes need at least {} (vCPUs from {})", size->name, has,
                         vcpus_text(minimum), table_note(context.catalog, "vm-sizes")),
             sibling ? fmt::format("use {} ({}) or another size with at least {}", sibling->name,
                                   vcpus_text(sibling->vcpus_available), vcpus_text(minimum))
                     : fmt::format("choose a VM size with at least {}", vcpus_text(minimum)));
}

}  // namespace aksc::rules
