#!/usr/bin/env python3
"""Rewrites the outputs of a walkthrough (docs/migrate.md, docs/policies.md) from the current
binary, as tests/cli/walkthrough_doc_test.cpp checks them: each `<!-- aksc-NAME-doc: run ARGS [|
tail -N | head -N | grep WORD] -->` is followed by a fenced block holding what `aksc ARGS` prints
(filtered), and each `<!-- aksc-NAME-doc: file PATH -->` by a block holding that file; the
commands run in order in one fresh copy of samples/. Usage: refresh_doc.py ROOT AKSC NAME"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

root = pathlib.Path(sys.argv[1])
aksc = sys.argv[2]
name = sys.argv[3]
doc = root / "docs" / (name + ".md")
lines = doc.read_text().split("\n")
marker = re.compile(r"^<!-- aksc-" + re.escape(name) + r"-doc: (run|file) (.*) -->$")

with tempfile.TemporaryDirectory() as work:
    cwd = pathlib.Path(work) / "samples"
    shutil.copytree(root / "samples", cwd)
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        found = marker.match(line)
        i += 1
        if not found:
            continue
        kind, what = found.groups()
        if kind == "file":
            text = (cwd / what).read_text()
        else:
            command, *filters = [part.strip() for part in what.split("|")]
            text = subprocess.run([aksc] + command.split(), cwd=cwd, capture_output=True,
                                  text=True).stdout
            for f in filters:
                name, arg = f.split(" ", 1)
                kept = text.splitlines()
                if name == "tail":
                    kept = kept[-int(arg.lstrip("-")):]
                elif name == "head":
                    kept = kept[:int(arg.lstrip("-"))]
                else:
                    kept = [k for k in kept if arg in k]
                text = "".join(k + "\n" for k in kept)
        out.append(lines[i])  # the opening fence
        i += 1
        while lines[i] != "```":
            i += 1
        out.extend(text.rstrip("\n").split("\n") if text else [])
    doc.write_text("\n".join(out))
