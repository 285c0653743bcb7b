#include "frontend/inventory.h"

#include "frontend/load.h"
#include "frontend/schema.h"

namespace aksc {
namespace {

ir::Field<std::string> text_at(const YamlDocument& doc, const std::string& pointer) {
  ir::Field<std::string> field;
  nlohmann::json::json_pointer json_pointer(pointer);
  if (!doc.root.contains(json_pointer) || !doc.root[json_pointer].is_string()) return field;
  field.value = doc.root[json_pointer].get<std::string>();
  field.range = doc.locate(pointer);
  field.origin = ir::Origin::kWritten;
  return field;
}

}  // namespace

std::vector<InventoryEntry> parse_inventory(const SourceFile& source, FindingSink& sink) {
  std::vector<InventoryEntry> entries;
  std::vector<YamlDocument> documents = load_yaml(source, sink);
  if (documents.empty()) return entries;
  YamlDocument& doc = documents.front();
  InvalidPointers invalid = validate_document(doc, Schema::embedded("aksc-inventory.schema.json"),
                                              source.path(), "AKS002", sink);
  if (!doc.root.is_array()) return entries;
  for (std::size_t i = 0; i < doc.root.size(); ++i) {
    std::string pointer = "/" + std::to_string(i);
    bool entry_invalid = false;
    for (const std::string& bad : invalid) {
      if (bad == pointer || bad.rfind(pointer + "/", 0) == 0) entry_invalid = true;
    }
    if (entry_invalid || !doc.root[i].is_object()) continue;
    InventoryEntry entry;
    entry.file = source.path();
    entry.range = doc.locate(pointer);
    entry.workspace = text_at(doc, pointer + "/workspace");
    entry.name = text_at(doc, pointer + "/name");
    entry.location = text_at(doc, pointer + "/location");
    entry.resource_id = text_at(doc, pointer + "/resource_id");
    entry.vm_size = text_at(doc, pointer + "/vm_size");
    const nlohmann::json& count = doc.root[i].value("agent_count", nlohmann::json());
    if (count.is_number_integer()) {
      entry.agent_count.value = count.get<std::int64_t>();
      entry.agent_count.range = doc.locate(pointer + "/agent_count");
      entry.agent_count.origin = ir::Origin::kWritten;
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace aksc
