#pragma once

#include <string>

#include "backends/artifact_context.h"
#include "backends/intent.h"

// The az back-end: deploy.sh (SPEC §5).
namespace aksc::az {

/// A bash script that deploys `deployment` with the az CLI, one commented step per command,
/// `set -euo pipefail`, every spec value single-quoted by shell_quote().
std::string deploy_script(const intent::Deployment& deployment, const ArtifactContext& context);

}  // namespace aksc::az
