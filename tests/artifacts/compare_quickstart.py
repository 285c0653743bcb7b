#!/usr/bin/env python3
"""The managedClusters that aksc emits (every provision-and-attach golden template) agree with
the one of the Azure quickstart template (../shared/data/arm/quickstart-aks-azml/) on every
property both set: the same JSON type everywhere, and the same value where neither is an ARM
expression, except for the values a spec decides (SPEC_DRIVEN), which only keep their type.
Exit 77 (ctest skip) with a message when ../shared is absent."""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
QUICKSTART = ROOT.parent / "shared/data/arm/quickstart-aks-azml/azuredeploy.json"
# Values that come from the spec (or that aksc sets on purpose where the quickstart differs:
# the Standard load balancer SKU, which authorized ranges and outbound types need).
SPEC_DRIVEN = {"location", "kubernetesVersion", "dnsPrefix", "count", "vmSize",
               "orchestratorVersion", "loadBalancerSku", "outboundType", "serviceCidr",
               "dnsServiceIP", "dockerBridgeCidr", "apiVersion", "name"}


def is_expression(value):
    return isinstance(value, str) and value.startswith("[") and value.endswith("]")


def leaves(node, path=()):
    """(path, value) of every scalar; array items are matched by position."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from leaves(value, path + (index,))
    else:
        yield path, node


def kind(value):
    return "number" if isinstance(value, (int, float)) and not isinstance(value, bool) else \
        type(value).__name__


def managed_clusters(template):
    """Those of the template and of its nested deployments (a cluster in another group)."""
    found = []
    for resource in template["resources"]:
        kind_of = resource["type"].lower()
        if kind_of == "microsoft.containerservice/managedclusters":
            found.append(resource)
        elif kind_of == "microsoft.resources/deployments":
            found += managed_clusters(resource["properties"]["template"])
    return found


def compare(emitted, reference, shown):
    problems, shared = [], 0
    ours = dict(leaves(emitted))
    for path, theirs in leaves(reference):
        if path not in ours:
            continue
        shared += 1
        mine, where = ours[path], "/".join(map(str, path))
        if is_expression(mine) or is_expression(theirs):
            continue  # a parameter or resourceId() on one side: its type is the schema test's
        if kind(mine) != kind(theirs):
            problems.append(f"{shown}: {where} is a {kind(mine)}, the quickstart's a {kind(theirs)}")
        elif path[-1] not in SPEC_DRIVEN and str(mine).lower() != str(theirs).lower():
            problems.append(f"{shown}: {where} is {mine!r}, the quickstart's {theirs!r}")
    return problems, shared


def main():
    if not QUICKSTART.exists():
        print(f"SKIP: {QUICKSTART} not found; emitted clusters not compared with the quickstart")
        return 77
    reference = managed_clusters(json.loads(QUICKSTART.read_text()))[0]
    templates = sorted(ROOT.glob("tests/golden-build/*/expected/*/*/azuredeploy.json"))
    compared, problems = 0, []
    for template in templates:
        for cluster in managed_clusters(json.loads(template.read_text())):
            found, shared = compare(cluster, reference, template.relative_to(ROOT))
            problems += found
            compared += 1
            print(f"{template.relative_to(ROOT)}: {shared} properties set by both")
            if shared < 15:
                problems.append(f"{template.relative_to(ROOT)}: only {shared} shared properties")
    if compared < 2:
        problems.append(f"{compared} golden templates have a managedClusters resource, not 2 or more")
    for problem in problems:
        print("FAIL:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
