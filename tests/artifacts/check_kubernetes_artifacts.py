#!/usr/bin/env python3
"""The artifacts of every KubernetesCompute golden build (tests/golden-build/*/expected/, the
folders with a compute.yml) agree with each other and with the formats they target:

- compute.yml validates against the CLI v2 schema derived from the SDK
  (../shared/data/azureml/kubernetesCompute.schema.derived.json; skipped visibly without it);
- instance-types.yaml is an InstanceTypeList (amlarc.azureml.com/v1alpha1) holding the
  template's instanceTypes, plus `defaultinstancetype` as a copy of its defaultInstanceType;
- deploy.sh, run with a recording az stub, gives `az k8s-extension create --config` exactly the
  template's configurationSettings of the same keys, and `az ml compute attach` the name,
  namespace and cluster of compute.yml.
Exit 77 (ctest skip) when no KubernetesCompute golden exists yet."""
import json
import os
import pathlib
import subprocess
import sys
import tempfile

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMA = ROOT.parent / "shared/data/azureml/kubernetesCompute.schema.derived.json"

# Records each call's argv as one JSON line; the extension does not exist yet; kubectl on the
# cluster succeeds; a cluster lookup answers the ID of the cluster it names.
STUB = r'''#!/usr/bin/env python3
import json, os, sys
args = sys.argv[1:]
with open(os.environ["AZ_STUB_LOG"], "a") as log:
    log.write(json.dumps(args) + "\n")
if args[:2] == ["k8s-extension", "show"]:
    sys.exit(3)
if "[exitCode, logs]" in args:
    print("0\tapplied")
if args[:2] == ["aks", "show"]:
    value = lambda option: args[args.index(option) + 1]
    print(f"/subscriptions/{value('--subscription')}/resourceGroups/{value('--resource-group')}"
          f"/providers/Microsoft.ContainerService/managedClusters/{value('--name')}")
'''


class Failure(Exception):
    pass


def values_after(argv, option):
    if option not in argv:
        return []
    values = []
    for value in argv[argv.index(option) + 1:]:
        if value.startswith("--"):
            break
        values.append(value)
    return values


def find(resources, kind):
    for resource in resources:
        if resource["type"] == kind:
            return resource
        if resource["type"] == "Microsoft.Resources/deployments":
            inner = find(resource["properties"]["template"]["resources"], kind)
            if inner:
                return inner
    return None


def check_compute_yaml(folder, validator):
    document = yaml.safe_load((folder / "compute.yml").read_text())
    if validator:
        errors = sorted(validator.iter_errors(document), key=str)
        if errors:
            raise Failure(f"compute.yml: {errors[0].message}")
    return document


def unescaped(value):
    """A literal string of the template as ARM reads it: '[[' stands for '['."""
    return value[1:] if isinstance(value, str) and value.startswith("[[") else value


def check_compute_fields(document, compute):
    """compute.yml and the template carry the same description and tags, read back by a YAML
    parser and as ARM reads them (the nasty values of k8s-quoting among them)."""
    expected = {"description": unescaped(compute["properties"].get("description")),
                "tags": {key: unescaped(value) for key, value in compute.get("tags", {}).items()}
                or None}
    actual = {"description": document.get("description"), "tags": document.get("tags")}
    if actual != expected:
        raise Failure(f"compute.yml {actual} differs from the template's {expected}")


def check_instance_types(folder, compute):
    properties = compute["properties"]["properties"]
    expected = {name: {"nodeSelector": spec.get("nodeSelector"), "resources": spec["resources"]}
                for name, spec in properties.get("instanceTypes", {}).items()}
    default = properties.get("defaultInstanceType")
    if default and default != "defaultinstancetype":
        expected["defaultinstancetype"] = expected[default]
    path = folder / "instance-types.yaml"
    if not expected:
        if path.exists():
            raise Failure("instance-types.yaml without instance types")
        return
    listing = yaml.safe_load(path.read_text())
    if (listing["apiVersion"], listing["kind"]) != ("amlarc.azureml.com/v1alpha1",
                                                   "InstanceTypeList"):
        raise Failure("instance-types.yaml is not an InstanceTypeList of amlarc.azureml.com")
    actual = {item["metadata"]["name"]: {"nodeSelector": item["spec"].get("nodeSelector"),
                                         "resources": item["spec"]["resources"]}
              for item in listing["items"]}
    if actual != expected:
        raise Failure(f"instance-types.yaml {actual} differs from the template's {expected}")


def check_script(folder, stub_dir, settings, document):
    log = folder / "az.log"
    env = dict(os.environ, PATH=f"{stub_dir}:{os.environ['PATH']}", AZ_STUB_LOG=str(log))
    done = subprocess.run(["bash", str(folder / "deploy.sh")], env=env, capture_output=True,
                          text=True, timeout=60)
    if done.returncode != 0:
        raise Failure(f"deploy.sh exited {done.returncode}: {done.stderr.strip()}")
    calls = [json.loads(line) for line in log.read_text().splitlines()]
    create = [call for call in calls if call[:2] == ["k8s-extension", "create"]]
    attach = [call for call in calls if call[:3] == ["ml", "compute", "attach"]]
    if len(create) != 1 or len(attach) != 1:
        raise Failure("deploy.sh does not create the extension and attach the compute once")
    config = dict(item.split("=", 1) for item in values_after(create[0], "--config"))
    literal = {key: unescaped(value) for key, value in settings.items()}
    template = {key: literal[key] for key in config if key in literal}
    if config != template:
        raise Failure(f"--config {config} differs from configurationSettings {template}")
    wanted = {"--name": document["name"], "--namespace": document.get("namespace", "default"),
              "--resource-id": document["resource_id"]}
    for option, value in wanted.items():
        if values_after(attach[0], option) != [value]:
            raise Failure(f"az ml compute attach {option} is not compute.yml's {value!r}")


def main():
    folders = sorted(path.parent for path in (ROOT / "tests/golden-build").glob(
        "*/expected/*/*/compute.yml"))
    if not folders:
        print("SKIP: no KubernetesCompute golden build (no compute.yml)")
        return 77
    validator = None
    if SCHEMA.is_file():
        import jsonschema
        validator = jsonschema.Draft7Validator(json.loads(SCHEMA.read_text()))
    else:
        print(f"SKIP (part): {SCHEMA} not found; compute.yml was not validated against the "
              "CLI v2 schema")
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        stub_dir = pathlib.Path(tmp) / "bin"
        stub_dir.mkdir()
        (stub_dir / "az").write_text(STUB)
        (stub_dir / "az").chmod(0o755)
        for folder in folders:
            shown = folder.relative_to(ROOT / "tests/golden-build")
            work = pathlib.Path(tmp) / str(shown).replace("/", "_")
            subprocess.run(["cp", "-R", str(folder), str(work)], check=True)
            template = json.loads((folder / "azuredeploy.json").read_text())
            compute = find(template["resources"],
                           "Microsoft.MachineLearningServices/workspaces/computes")
            extension = find(template["resources"], "Microsoft.KubernetesConfiguration/extensions")
            try:
                document = check_compute_yaml(folder, validator)
                check_compute_fields(document, compute)
                check_instance_types(folder, compute)
                check_script(work, stub_dir, extension["properties"]["configurationSettings"],
                             document)
                print(f"ok: {shown}")
            except Failure as problem:
                print(f"FAIL: {shown}: {problem}")
                failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
