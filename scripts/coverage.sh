#!/usr/bin/env bash
# Unit-test coverage rendered as HTML with ReportGenerator (a local dotnet tool: .config/dotnet-tools.json).
# Usage: bash scripts/coverage.sh [extra 'dotnet test' arguments, e.g. --no-build or --filter ...]
# Writes coverage/html/index.html and prints coverage/html/Summary.txt. coverage/ is git-ignored.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
rm -rf coverage/raw coverage/html
dotnet test tests --collect:"XPlat Code Coverage" --results-directory coverage/raw "$@"
dotnet tool restore
dotnet tool run reportgenerator \
  "-reports:coverage/raw/**/coverage.cobertura.xml" \
  "-targetdir:coverage/html" \
  "-reporttypes:Html;TextSummary" \
  "-assemblyfilters:+ReproSpecs.*;-ReproSpecs.Tests"
cat coverage/html/Summary.txt
