#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder image (base image: Ubuntu
# 24.04). The autograder zip holds this file, run_autograder and the grader's package,
# made with `npm pack` in the grader's folder (socket-grader-<version>.tgz).
set -euo pipefail
apt-get update
apt-get install -y --no-install-recommends python3 nodejs npm
# Ubuntu's own Node is older than the grader needs (20 or later); npm's `node` package
# brings Node 20 onto the PATH.
if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)'; then
  npm install --global node@20
  hash -r
fi
npm install --global --no-audit --no-fund /autograder/source/socket-grader-*.tgz
socket-grader --version
