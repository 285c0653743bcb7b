#pragma once

#include "diag/finding_sink.h"
#include "frontend/config.h"

namespace aksc {

/// The config of a folder whose aksc.yaml (`child`, as parsed) lies below another one
/// (`parent`, already resolved with its own chain): the parent's, added to and tightened by the
/// child (SPEC §2). Severities may rise, ignore entries are added, policy.deny_public_ip may
/// turn on. What would loosen the parent — a lower severity or `off`, deny_public_ip false, a
/// data override — is refused with an AKS009 finding at the child's key and left out, unless
/// the project's top aksc.yaml allows it with `nested: may_relax:`; `inventory:` and `nested:`
/// belong to the top aksc.yaml alone. `top` is the parent's chain top.
Config inherit_config(const Config& parent, Config child, FindingSink& sink);

}  // namespace aksc
