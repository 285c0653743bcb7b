// AKS204 unknown-vm-size — rules/AKS204-unknown-vm-size.md
#include <fmt/format.h>

#include "diag/spellcheck.h"
#include "rules/sizing_rules.h"

namespace aksc::rules {
namespace {

void check_size(const ir::Field<std::string>& field, std::string_view what, const Catalog& catalog,
                RuleReporter& out) {
  if (!field.written() || catalog.find_vm_size(field.value)) return;
  out.report(field.range,
             fmt::format("{} '{}' is not a VM size in {}{}", what, field.value,
                         table_note(catalog, "vm-sizes"),
                         did_you_mean(field.value, catalog.vm_size_names())),
             "write the size as Azure names it (`az vm list-skus --location <region> "
             "--resource-type virtualMachines --query \"[].name\" -o tsv`); a size newer than "
             "the table can be added in aksc.yaml under data: vm_sizes");
}

}  // namespace

void check_unknown_vm_size(const ir::Spec& spec, const RuleContext& context, RuleReporter& out) {
  check_size(spec.vm_size, "vm_size", context.catalog, out);
  if (!spec.cluster->facts.node_pools.usable()) return;
  for (const ir::NodePool& pool : spec.cluster->facts.node_pools.value) {
    std::string what = pool.name.usable() ? fmt::format("node pool '{}': vm_size", pool.name.value)
                                          : std::string("node pool: vm_size");
    check_size(pool.vm_size, what, context.catalog, out);
  }
}

}  // namespace aksc::rules
