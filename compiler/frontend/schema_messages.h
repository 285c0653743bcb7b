#pragma once

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace aksc {

class Schema;

/// One schema failure explained for a person.
struct SchemaProblem {
  std::string pointer;  ///< The node it is about.
  bool at_key = false;  ///< Point at the node's key rather than its value.
  std::string message;
  std::string help;
};

/// Turns valijson's (path, description) errors into plain messages, dropping the wrappers
/// ("failed to validate against schema associated with property ...") that only repeat a
/// more precise error.
/// `plain_text` gives the written text of plain scalars typed as numbers or booleans.
std::vector<SchemaProblem> explain_schema_errors(
    const nlohmann::json& instance, const Schema& schema,
    const std::vector<std::pair<std::string, std::string>>& errors,
    const std::unordered_map<std::string, std::string>& plain_text = {});

/// Adds a problem for every present property whose `x-aksc-modes` excludes the document's mode.
void append_mode_problems(const nlohmann::json& instance, const Schema& schema,
                          std::vector<SchemaProblem>& problems);

/// "cluster.facts.node_pools[0].vm_size" for "/cluster/facts/node_pools/0/vm_size".
std::string display_path(const std::string& pointer);

}  // namespace aksc
