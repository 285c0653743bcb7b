#!/usr/bin/env python3
"""Writes a corpus of N aksc specs for the benchmarks.

The corpus looks like a monorepo of a platform team: one aksc.yaml and inventory.json at the
top, specs in 50 team folders, the three modes mixed (half create, a quarter attach with inline
cluster facts, a quarter provision-and-attach), and about one spec in five with a finding:
too few vCPUs, a bad name, authorized IP ranges that miss the Azure ML control plane, an
attach cluster on a Kubernetes version outside the attach window, or a compute name that
clashes with another spec of the same workspace. With --kubernetes-share F, that share of the
specs (every spec whose index falls in it, spread evenly) is kind KubernetesCompute instead:
attach or provision-and-attach with the Azure ML extension's inference router, TLS by a Secret
and two instance types, with the same kinds of flaws plus an instance type too big for the
nodes. With --policies P, aksc.yaml names P organisation policies (kind: Policy) written to
policies/: the kinds of rule a platform team writes (regions, VM families, tags, names, sizes,
the load balancer and TLS of production, the extension's train), the templates taken in turn,
each with an ID of its own. Deterministic for a given N, --seed, --kubernetes-share and
--policies.

usage: bench/gen_corpus.py N OUTDIR [--seed S] [--kubernetes-share F] [--policies P]
"""

import argparse
import json
import pathlib
import random
import shutil

# Regions whose Azure ML service tags and pairs are in rules/data (checked by AKS004/AKS304).
REGIONS = ["eastus", "westus2", "westeurope", "northeurope", "southeastasia", "uksouth"]
# Sizes with 4 vCPUs (3 nodes = 12 vCPUs, the production floor) and 2 vCPUs (dev-test).
PRODUCTION_SIZES = ["Standard_D3_v2", "Standard_D4s_v3", "Standard_DS3_v2"]
DEV_SIZES = ["Standard_D2s_v3", "Standard_DS2_v2"]
SUBSCRIPTION = "0b1f6471-1bf0-4dda-aec3-cb9272f09590"
FLAWS = ["vcpus", "name", "ranges", "version", "clash"]


def workspace_block(rng, workspace, region):
    return (f"workspace:\n  name: {workspace}\n  resource_group: {workspace}-rg\n"
            f"  subscription_id: {SUBSCRIPTION}\n  location: {region}\n")


def create_spec(index, name, region, purpose, flaw, rng):
    size = rng.choice(PRODUCTION_SIZES if purpose == "production" else DEV_SIZES)
    count = 1 if flaw == "vcpus" else 3
    network = ""
    if rng.random() < 0.5:
        network = ("network:\n  vnet_resource_group: net-rg\n  vnet_name: spoke-vnet\n"
                   f"  subnet_name: aks-{index}\n  subnet_prefix: 10.240.0.0/16\n"
                   "  service_cidr: 10.0.0.0/16\n  dns_service_ip: 10.0.0.10\n"
                   "  docker_bridge_cidr: 172.17.0.1/16\n")
    return (f"mode: create\npurpose: {purpose}\nlocation: {region}\nagent_count: {count}\n"
            f"vm_size: {size}\naccelerator: none\n"
            "load_balancer:\n  sku: basic\n  type: public-ip\n" + network)


def provision_spec(index, name, region, purpose, flaw, rng):
    size = rng.choice(PRODUCTION_SIZES if purpose == "production" else DEV_SIZES)
    count = 1 if flaw == "vcpus" else 3
    ranges = ""
    if flaw == "ranges":
        ranges = "api_server_authorized_ip_ranges:\n  - 85.10.16.0/28\n"
    return (f"mode: provision-and-attach\npurpose: {purpose}\nlocation: {region}\n"
            f'kubernetes_version: "1.35"\nagent_count: {count}\nvm_size: {size}\n'
            "accelerator: none\nload_balancer:\n  sku: standard\n  type: public-ip\n" + ranges +
            f"cluster_name: {name}-aks\ncluster_resource_group: {name}-rg\n")


def cluster_block(index, name, region, size, count, version, identity):
    """The attached cluster with inline facts; `identity` adds the facts KubernetesCompute uses."""
    identity_facts = ("    identity_type: system-assigned\n"
                      "    local_accounts_disabled: false\n") if identity else ""
    return ("cluster:\n"
            f"  resource_id: /subscriptions/{SUBSCRIPTION}/resourcegroups/{name}-rg/providers/"
            f"Microsoft.ContainerService/managedClusters/{name}-aks-{index}\n"
            "  facts:\n"
            f"    location: {region}\n"
            f'    kubernetes_version: "{version}"\n'
            "    load_balancer_sku: standard\n"
            "    private_cluster: false\n"
            "    authorized_ip_ranges: []\n" + identity_facts +
            "    node_pools:\n"
            f"      - {{name: agentpool, mode: system, vm_size: {size}, count: {count}}}\n")


def attach_spec(index, name, region, purpose, flaw, rng):
    size = rng.choice(PRODUCTION_SIZES if purpose == "production" else DEV_SIZES)
    count = 1 if flaw == "vcpus" else 3
    version = "1.24.3" if flaw == "version" else "1.35.0"
    return ("mode: attach\n" f"purpose: {purpose}\naccelerator: none\nreattach: false\n" +
            cluster_block(index, name, region, size, count, version, identity=False))


def kubernetes_body(index, name, region, purpose, flaw, rng):
    """The KubernetesCompute fields after the shared header, attach or provision-and-attach."""
    count = 1 if flaw == "vcpus" else 3
    size = rng.choice(PRODUCTION_SIZES)
    cpu = "6" if flaw == "fit" else "1"
    common = (f"namespace: team-{index % 50:02d}\n"
              "extension:\n  inference:\n    enabled: true\n"
              "    router_service_type: load-balancer\n"
              f"    ssl: {{cname: {name}.scoring.contoso.com, secret: azureml-tls}}\n"
              "instance_types:\n"
              "  - {name: small, requests: {cpu: 500m, memory: 1Gi}, "
              "limits: {cpu: \"1\", memory: 2Gi}}\n"
              f"  - {{name: large, requests: {{cpu: \"{cpu}\", memory: 4Gi}}, "
              f"limits: {{cpu: \"{cpu}\", memory: 8Gi}}}}\n"
              "default_instance_type: small\n")
    if index % 2:
        return (f"mode: provision-and-attach\npurpose: {purpose}\nlocation: {region}\n"
                f'kubernetes_version: "1.35"\nagent_count: {count}\nvm_size: {size}\n'
                "load_balancer:\n  sku: standard\n  type: public-ip\n"
                f"cluster_name: {name}-aks\ncluster_resource_group: {name}-rg\n" + common)
    version = "1.24.3" if flaw == "version" else "1.35.0"
    return ("mode: attach\n" f"purpose: {purpose}\n" + common +
            cluster_block(index, name, region, size, count, version, identity=True))


MODES = [("create", create_spec)] * 2 + [("attach", attach_spec),
                                         ("provision-and-attach", provision_spec)]


def workspace_of(index):
    """Twenty specs per workspace, at most 500 workspaces."""
    return f"ws-{(index // 20) % 500:03d}"


def is_kubernetes(index, share):
    """Spreads the KubernetesCompute specs evenly: index i is one when floor(i*share) steps."""
    return int((index + 1) * share) > int(index * share)


def spec_text(index, rng, names_by_workspace, share):
    workspace = workspace_of(index)
    region = REGIONS[index % len(REGIONS)]
    kubernetes = is_kubernetes(index, share)
    mode, render = MODES[index % len(MODES)]
    if kubernetes:
        mode, render = "kubernetes", kubernetes_body
    flaw = rng.choice(FLAWS) if rng.random() < 0.2 else None
    if kubernetes and flaw == "ranges": flaw = "fit"
    if flaw == "version" and mode not in ("attach", "kubernetes"): flaw = "vcpus"
    if flaw == "ranges" and mode != "provision-and-attach": flaw = "name"
    name = f"c{index:05d}"
    if flaw == "name":
        name = f"{index}-cluster-with-a-long-name"
    elif flaw == "clash" and names_by_workspace.get(workspace):
        name = rng.choice(names_by_workspace[workspace])
    names_by_workspace.setdefault(workspace, []).append(name)
    purpose = "production" if index % 3 else "dev-test"
    header = (f"# Generated by bench/gen_corpus.py (spec {index}).\napiVersion: aksc/v1\n"
              f"kind: {'KubernetesCompute' if kubernetes else 'AksCompute'}\nname: {name}\n"
              + workspace_block(rng, workspace, region) +
              f'description: "benchmark spec {index}"\ntags: {{team: t{index % 50:02d}}}\n')
    return header + render(index, name, region, purpose, flaw, rng)


# The bodies of the benchmark's policies; a policy's ID is ORG-BENCH-<n>.
POLICY_TEMPLATES = [
    "title: Contracted regions\nseverity: error\nrequire:\n  properties:\n"
    "    workspace: {properties: {location: {enum: [%s]}}}\n    location: {enum: [%s]}\n"
    % (", ".join(REGIONS), ", ".join(REGIONS)),
    "title: Reserved VM families\nseverity: warning\nrequire:\n  properties:\n"
    "    vm_size: {pattern: \"^Standard_DS?[0-9]+s?_v[2-5]$\"}\n",
    "title: A team tag\nseverity: error\nrequire:\n  properties:\n"
    "    tags: {properties: {team: {pattern: \"^t[0-9]+$\"}}, required: [team]}\n"
    "  required: [tags]\n",
    "title: Names in lower case\nseverity: note\nrequire:\n  properties:\n"
    "    name: {pattern: \"^[a-z][a-z0-9-]*$\"}\n",
    "title: At most 20 nodes\nseverity: warning\nrequire:\n  properties:\n"
    "    agent_count: {maximum: 20}\n",
    "title: Provisioned production clusters have a Standard load balancer\nseverity: error\n"
    "applies_to: {modes: [provision-and-attach]}\n"
    "when: {properties: {purpose: {const: production}}}\nrequire:\n  properties:\n"
    "    load_balancer: {properties: {sku: {const: standard}}, required: [sku]}\n",
    "title: HTTPS only in production\nseverity: note\napplies_to: {kinds: [KubernetesCompute]}\n"
    "when: {properties: {purpose: {const: production}}}\nrequire:\n  properties:\n"
    "    extension: {properties: {inference: {properties: {allow_insecure_connections: "
    "{const: false}}}}}\n",
    "title: The stable train\nseverity: warning\napplies_to: {kinds: [KubernetesCompute]}\n"
    "require:\n  properties:\n    extension: {properties: {release_train: {const: stable}}}\n",
    "title: A description\nseverity: note\nrequire:\n  required: [description]\n",
    "title: Attached clusters in the workspace's regions\nseverity: warning\n"
    "applies_to: {modes: [attach]}\nrequire:\n  properties:\n    cluster:\n"
    "      properties: {facts: {properties: {location: {enum: [%s]}}}}\n" % ", ".join(REGIONS),
]


def write_policies(root, count):
    folder = root / "policies"
    folder.mkdir()
    for n in range(count):
        body = POLICY_TEMPLATES[n % len(POLICY_TEMPLATES)]
        (folder / f"policy-{n:02d}.yaml").write_text(
            f"apiVersion: aksc/v1\nkind: Policy\nid: ORG-BENCH-{n:02d}\n{body}"
            f"message: \"benchmark policy {n}\"\n")


def write_corpus(count, outdir, seed, share, policies=0):
    rng = random.Random(seed)
    root = pathlib.Path(outdir)
    if root.exists(): shutil.rmtree(root)
    root.mkdir(parents=True)
    config = "# benchmark corpus\ninventory: inventory.json\n"
    if policies:
        config += 'policies: ["policies/*.yaml"]\n'
        write_policies(root, policies)
    (root / "aksc.yaml").write_text(config)
    inventory = [{"workspace": workspace_of(i), "name": f"c{i:05d}", "location": REGIONS[i % 6],
                  "vm_size": "Standard_D3_v2", "agent_count": 3} for i in range(0, count, 97)]
    (root / "inventory.json").write_text(json.dumps(inventory, indent=2) + "\n")
    names_by_workspace = {}
    for index in range(count):
        folder = root / f"t{index % 50:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"spec-{index:05d}.yaml").write_text(spec_text(index, rng, names_by_workspace, share))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("outdir")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kubernetes-share", type=float, default=0.0,
                        help="share of KubernetesCompute specs, 0 to 1 (default 0)")
    parser.add_argument("--policies", type=int, default=0,
                        help="organisation policies named by aksc.yaml (default 0)")
    args = parser.parse_args()
    if not 0.0 <= args.kubernetes_share <= 1.0:
        parser.error("--kubernetes-share must be between 0 and 1")
    if not 0 <= args.policies <= 99:
        parser.error("--policies must be between 0 and 99")
    write_corpus(args.count, args.outdir, args.seed, args.kubernetes_share, args.policies)


if __name__ == "__main__":
    main()
