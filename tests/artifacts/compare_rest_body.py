#!/usr/bin/env python3
"""deploy.sh and azuredeploy.json deploy the same compute.

Each golden deploy.sh (tests/golden-build/*/expected/) runs with an `az` stub first on PATH that
records every call and the body of each `az rest --method put`. The test then checks that

- each PUT goes to workspaces/<workspaceName>/computes/<computeName> of the template's
  parameters, at the template's apiVersion, and the script PUTs exactly the computes the
  template deploys;
- the PUT body equals the template's compute resource (location, tags, properties) property
  for property, once the template's expressions are evaluated: parameters() from
  azuredeploy.parameters.json, the TLS certificate and key from the PEM files the securestring
  parameters name, resourceId() in the workspace's subscription and group, and `[[` literals;
  so both back-ends send the same sslConfiguration for every TLS shape of the goldens;
- after a PUT the script stops, naming the compute and the state, when provisioningState ends
  Failed or Canceled or stays non-terminal past AKSC_COMPUTE_WAIT_SECONDS.

Usage: compare_rest_body.py [PROJECT_ROOT]"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

ROOT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else
                    pathlib.Path(__file__).resolve().parents[2]).resolve()
COMPUTE_TYPE = "microsoft.machinelearningservices/workspaces/computes"
# The TLS shapes the goldens must cover, each compared between the two back-ends: a custom
# certificate, a Microsoft one (leaf domain label), TLS disabled, and no ssl block.
TLS_SHAPES = {"cert,cname,key,status", "leafDomainLabel,overwriteExistingDomain,status", "status",
              "none"}

# The az stub: one JSON line per call in $AZ_STUB_LOG; a PUT's body (@file or @/dev/stdin) is
# recorded with it. provisioningState is $AZ_STUB_STATE (Succeeded unless set).
STUB = r'''#!/usr/bin/env python3
import json, os, sys
args = sys.argv[1:]
def option(name):
    return args[args.index(name) + 1] if name in args else None
call = {"args": args}
body = option("--body")
if body is not None and body.startswith("@"):
    with open(body[1:], encoding="utf-8") as stream:
        body = stream.read()
if body is not None:
    call["body"] = body
with open(os.environ["AZ_STUB_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(call) + "\n")
query = option("--query") or ""
if args[:2] == ["aks", "show"] and query == "id":
    print("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.ContainerService/"
          "managedClusters/%s" % (option("--subscription"), option("--resource-group"),
                                  option("--name")))
elif args[:1] == ["rest"] and "provisioningState" in query:
    print(os.environ.get("AZ_STUB_STATE", "Succeeded"))
'''


class Failure(Exception):
    pass


# --- ARM expressions: the few functions aksc's templates use ------------------------------

class Expression:
    def __init__(self, text, scope):
        self.text, self.pos, self.scope = text, 0, scope

    def parse(self):
        value = self.value()
        if self.pos != len(self.text):
            raise Failure(f"cannot evaluate ARM expression [{self.text}]")
        return value

    def skip_spaces(self):
        while self.pos < len(self.text) and self.text[self.pos] == " ":
            self.pos += 1

    def value(self):
        self.skip_spaces()
        if self.text.startswith("'", self.pos):
            end, out = self.pos + 1, ""
            while True:
                quote = self.text.index("'", end)
                out += self.text[end:quote]
                if self.text.startswith("''", quote):
                    out, end = out + "'", quote + 2
                    continue
                self.pos = quote + 1
                return out
        match = re.compile(r"[A-Za-z]+\(").match(self.text, self.pos)
        if not match:
            raise Failure(f"cannot evaluate ARM expression [{self.text}]")
        self.pos = match.end()
        args = []
        while True:
            self.skip_spaces()
            if self.text.startswith(")", self.pos):
                self.pos += 1
                break
            args.append(self.value())
            self.skip_spaces()
            if self.text.startswith(",", self.pos):
                self.pos += 1
        return self.call(match.group()[:-1], args)

    def call(self, name, args):
        if name == "parameters":
            return self.scope["parameters"][args[0]]
        if name == "concat":
            return "".join(args)
        if name == "resourceId":
            group = args.pop(0) if "/" not in args[0] else self.scope["resourceGroup"]
            namespace, *types = args[0].split("/")
            names = args[1:]
            if len(types) != len(names):
                raise Failure(f"resourceId() with {len(names)} names for type {args[0]}")
            path = "/".join(f"{t}/{n}" for t, n in zip(types, names))
            return (f"/subscriptions/{self.scope['subscription']}/resourceGroups/{group}/"
                    f"providers/{namespace}/{path}")
        raise Failure(f"unexpected ARM function {name}()")


def evaluate(node, scope):
    if isinstance(node, dict):
        return {key: evaluate(value, scope) for key, value in node.items()}
    if isinstance(node, list):
        return [evaluate(value, scope) for value in node]
    if isinstance(node, str) and node.startswith("[") and node.endswith("]"):
        return node[1:] if node.startswith("[[") else Expression(node[1:-1], scope).parse()
    return node


# --- one artifact folder ------------------------------------------------------------------

def parameter_values(folder):
    """The parameters file's values, and each securestring's PEM file read from its path."""
    template = json.loads((folder / "azuredeploy.json").read_text())
    values = {name: entry["value"] for name, entry in json.loads(
        (folder / "azuredeploy.parameters.json").read_text())["parameters"].items()}
    for name, declared in template["parameters"].items():
        if declared["type"] != "securestring":
            continue
        found = re.search(r"the PEM file (\S+) \(relative to this folder\)",
                          declared["metadata"]["description"])
        if not found:
            raise Failure(f"{name}: the description names no PEM file")
        values[name] = (folder / found.group(1)).read_text()
    return template, values


def run_script(folder, stub_dir, state="Succeeded", wait_seconds=None):
    log = folder / "az-calls.jsonl"
    log.unlink(missing_ok=True)
    env = dict(os.environ, PATH=f"{stub_dir}:{os.environ['PATH']}", AZ_STUB_LOG=str(log),
               AZ_STUB_STATE=state)
    if wait_seconds is not None:
        env["AKSC_COMPUTE_WAIT_SECONDS"] = str(wait_seconds)
    done = subprocess.run(["bash", str(folder / "deploy.sh")], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    calls = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    return done, calls


def put_target(url):
    """subscription, resourceGroup, workspace, compute and api-version of a computes URL."""
    parsed = urllib.parse.urlsplit(url)
    # subscriptions/S/resourceGroups/G/providers/NS/workspaces/W/computes/C
    parts = [urllib.parse.unquote(p) for p in parsed.path.strip("/").split("/")]
    keys = [p.lower() for p in parts[0::2]]
    if parsed.scheme != "https" or parsed.netloc != "management.azure.com" or \
            keys != ["subscriptions", "resourcegroups", "providers", "workspaces", "computes"] \
            or parts[5].lower() != "microsoft.machinelearningservices":
        raise Failure(f"PUT to {url}: not a workspaces/computes URL of management.azure.com")
    query = urllib.parse.parse_qs(parsed.query)
    return {"subscription": parts[1], "resourceGroup": parts[3], "workspace": parts[7],
            "compute": parts[9], "api-version": query.get("api-version", [None])[0]}


def differences(expected, actual, path="body"):
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = []
        for key in sorted(set(expected) | set(actual)):
            if key not in actual:
                found.append(f"{path}.{key}: in the template, not in the PUT body")
            elif key not in expected:
                found.append(f"{path}.{key}: in the PUT body, not in the template")
            else:
                found += differences(expected[key], actual[key], f"{path}.{key}")
        return found
    if expected != actual or type(expected) is not type(actual):
        return [f"{path}: template {json.dumps(expected)}, PUT body {json.dumps(actual)}"]
    return []


def check_folder(folder, stub_dir):
    """The PUTs of one deploy.sh against its template: their count and TLS shapes."""
    template, values = parameter_values(folder)
    done, calls = run_script(folder, stub_dir)
    if done.returncode != 0:
        raise Failure(f"deploy.sh exited {done.returncode}: {done.stderr.strip()}")
    puts = [c for c in calls if c["args"][:3] == ["rest", "--method", "put"]]
    computes = [r for r in template["resources"] if r["type"].lower() == COMPUTE_TYPE]
    if len(puts) != len(computes):
        raise Failure(f"the script PUTs {len(puts)} computes, the template deploys "
                      f"{len(computes)}")
    shapes = set()
    for put, resource in zip(puts, computes):
        target = put_target(put["args"][put["args"].index("--url") + 1])
        if target["api-version"] != resource["apiVersion"]:
            raise Failure(f"api-version {target['api-version']}, template "
                          f"{resource['apiVersion']}")
        if (target["workspace"], target["compute"]) != (values["workspaceName"],
                                                        values["computeName"]):
            raise Failure(f"PUT to {target['workspace']}/{target['compute']}, template "
                          f"{values['workspaceName']}/{values['computeName']}")
        scope = {"parameters": values, "subscription": target["subscription"],
                 "resourceGroup": target["resourceGroup"]}
        expected = {key: evaluate(resource[key], scope)
                    for key in ("location", "tags", "properties") if key in resource}
        problems = differences(expected, json.loads(put["body"]))
        if problems:
            raise Failure("; ".join(problems))
        ssl = expected["properties"]["properties"].get("sslConfiguration")
        shapes.add("none" if ssl is None else ",".join(sorted(ssl)))
    return len(puts), shapes


def check_stops(folder, stub_dir, compute):
    """A PUT that does not reach Succeeded stops the script with a message naming both."""
    for state, wait in (("Failed", None), ("Canceled", None), ("Creating", 0)):
        done, _ = run_script(folder, stub_dir, state, wait)
        if done.returncode == 0:
            raise Failure(f"deploy.sh exits 0 when provisioningState is {state}")
        if f"'{compute}'" not in done.stderr or state not in done.stderr:
            raise Failure(f"with provisioningState {state}, stderr names not both the compute "
                          f"and the state: {done.stderr.strip()!r}")


def self_test():
    """The comparison fails on a body that differs from the template."""
    template = {"properties": {"properties": {"sslConfiguration": {"status": "Enabled"}}}}
    body = {"properties": {"properties": {"sslConfiguration": {"status": "Disabled"}}}}
    if not differences(template, body) or not differences(template, {"properties": {}}):
        raise Failure("self-test: differences() accepts a body that differs")
    scope = {"parameters": {"clusterName": "c"}, "subscription": "s", "resourceGroup": "g"}
    got = evaluate("[resourceId('g2', 'Microsoft.Network/virtualNetworks/subnets', 'v', 's''1')]",
                   scope)
    if got != ("/subscriptions/s/resourceGroups/g2/providers/Microsoft.Network/"
               "virtualNetworks/v/subnets/s'1") or evaluate("[[x]", scope) != "[x]":
        raise Failure(f"self-test: ARM expressions evaluate wrongly ({got})")


def stage_case(case, work):
    """The golden's expected/ as out/, beside its inputs as spec/ (as refresh.sh builds it)."""
    shutil.copytree(case / "expected", work / "out")
    spec = work / "spec"
    samples = case / "samples"
    if samples.exists():
        listed = samples.read_text().split()
        base = pathlib.Path(listed[0]).parent
        for sample in listed:
            target = spec / pathlib.Path(sample).relative_to(base)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / sample, target)
    for entry in case.iterdir():
        if entry.name not in ("expected", "samples"):
            (spec / entry.name).parent.mkdir(parents=True, exist_ok=True)
            copy = shutil.copytree if entry.is_dir() else shutil.copy
            copy(entry, spec / entry.name)


def main():
    self_test()
    cases = sorted(p.parent for p in (ROOT / "tests/golden-build").glob("*/expected"))
    if len(cases) < 8:
        print(f"FAIL: expected at least 8 golden-build cases, found {len(cases)}")
        return 1
    failed, puts_checked, stops_checked, shapes_seen = 0, 0, 0, set()
    with tempfile.TemporaryDirectory() as tmp:
        stub_dir = pathlib.Path(tmp) / "bin"
        stub_dir.mkdir()
        (stub_dir / "az").write_text(STUB)
        (stub_dir / "az").chmod(0o755)
        for case in cases:
            work = pathlib.Path(tmp) / case.name
            stage_case(case, work)
            for script in sorted((work / "out").glob("*/*/deploy.sh")):
                folder = script.parent
                shown = f"{case.name}/{folder.relative_to(work / 'out')}"
                if (folder / "compute.yml").exists():
                    print(f"skip: {shown}: KubernetesCompute has no az rest PUT "
                          "(check_kubernetes_artifacts.py compares its back-ends)")
                    continue
                try:
                    puts, shapes = check_folder(folder, stub_dir)
                    if puts:
                        puts_checked += 1
                        if stops_checked == 0:
                            check_stops(folder, stub_dir, folder.name)
                            stops_checked += 1
                    shapes_seen |= shapes
                    print(f"ok: {shown}: {puts} PUT(s) match the template (sslConfiguration: "
                          f"{'; '.join(sorted(shapes)) or '-'})")
                except Failure as problem:
                    print(f"FAIL: {shown}: {problem}")
                    failed += 1
    if puts_checked == 0 or stops_checked == 0:
        print("FAIL: no golden deploy.sh PUTs a compute")
        return 1
    if TLS_SHAPES - shapes_seen:
        print(f"FAIL: no golden covers the TLS shapes {sorted(TLS_SHAPES - shapes_seen)}")
        return 1
    print(f"ok: both back-ends send the same sslConfiguration for each TLS shape: "
          f"{sorted(TLS_SHAPES)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
