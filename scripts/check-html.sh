#!/usr/bin/env bash
# Looks at appendix.html as a person would: headless Chromium renders it to a PNG screenshot, and its
# DOM (after rendering) must hold the report's sections, tables and figures, every figure embedded as a
# data URI. Chromium runs with networking disabled: the page must be self-contained.
#
# Usage: bash scripts/check-html.sh REPORT_DIR [SCREENSHOT.png]
#   REPORT_DIR  folder with appendix.html (from: dotnet run --project reports -- --logs ... --out REPORT_DIR)
#   SCREENSHOT  where to write the screenshot (default: REPORT_DIR/screenshot.png)
# Needs Debian's chromium package (apt-get install -y chromium). Exit codes: 0 ok, 1 check failed, 2 usage/tooling.
set -euo pipefail

report="${1:?usage: check-html.sh REPORT_DIR [SCREENSHOT.png]}"
html="$(cd "$report" && pwd)/appendix.html"
shot="${2:-$report/screenshot.png}"
[ -f "$html" ] || { echo "check-html: $html not found" >&2; exit 2; }
browser="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$browser" ] || { echo "check-html: chromium not installed (apt-get install -y chromium)" >&2; exit 2; }

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --disable-extensions --hide-scrollbars --mute-audio
       --proxy-server=127.0.0.1:9 --user-data-dir="$profile")

# 1. The rendered DOM, serialised by Chromium: headings, tables, figure images as data URIs.
dom="$profile/dom.html"
timeout 120 "$browser" "${flags[@]}" --virtual-time-budget=5000 --dump-dom "file://$html" > "$dom" 2>"$profile/dom.log" || {
  echo "check-html: chromium failed to load the page" >&2; tail -5 "$profile/dom.log" >&2; exit 2; }

fail=0
count() { { grep -o "$1" "$dom" || true; } | wc -l; }
tables=$(count '<table>')
images=$(count '<img src="data:image/png;base64,')
external=$({ grep -Eo '(src|href)="(https?:)?//[^"]*"' "$dom" || true; } | wc -l)
linked=$({ grep -Eo '<img src="[^d][^"]*"' "$dom" || true; } | wc -l)
for heading in 'id="methods"' 'id="results"' 'id="spec-outcomes"' 'id="provenance"' 'id="integrity"'; do
  grep -q "$heading" "$dom" || { echo "check-html: heading $heading missing"; fail=1; }
done
[ "$tables" -ge 5 ] || { echo "check-html: expected at least 5 tables, found $tables"; fail=1; }
[ "$images" -ge 1 ] || { echo "check-html: no embedded figure found"; fail=1; }
[ "$linked" -eq 0 ] || { echo "check-html: $linked figure(s) linked instead of embedded"; fail=1; }
[ "$external" -eq 0 ] || { echo "check-html: $external reference(s) to the network"; fail=1; }

# 2. Links to the report's own files (the tables' CSV and LaTeX) resolve beside the page.
for target in $({ grep -Eo 'href="tables/[^"]*"' "$dom" || true; } | sed 's/^href="//; s/"$//' | sort -u); do
  [ -f "$(dirname "$html")/$target" ] || { echo "check-html: link $target has no file beside the page"; fail=1; }
done

# 3. Layout, measured in the rendered page at the screenshot's width: every spec-outcomes table fits inside the
#    page (a reader once found its log column cut off at the right edge), and no reason cell is squeezed narrow
#    (it was ~100 px wide, a 15-line block per skip). A copy of the page with a measuring script reports both.
probe="$(dirname "$html")/.appendix-layout-probe.html"
trap 'rm -rf "$profile" "$probe"' EXIT
sed 's#</body>#<script>addEventListener("load",()=>{const m=document.querySelector("main").getBoundingClientRect().right;const t=[...document.querySelectorAll("h3[id^=outcomes-] + table")];const o=t.filter(x=>x.scrollWidth>x.clientWidth+1||x.getBoundingClientRect().right>m+1).length;const n=t.flatMap(x=>[...x.querySelectorAll("td:nth-child(6)")]).filter(c=>c.textContent.trim().length>80\&\&c.getBoundingClientRect().width<240).length;const d=document.createElement("div");d.id="layout-probe";d.textContent="tables="+t.length+" overflowing="+o+" narrow="+n;document.body.appendChild(d);});</script></body>#' "$html" > "$probe"
timeout 120 "$browser" "${flags[@]}" --virtual-time-budget=5000 --window-size=1280,1700 --dump-dom "file://$probe" > "$profile/probe.html" 2>"$profile/probe.log" || {
  echo "check-html: chromium failed to load the layout probe" >&2; exit 2; }
layout=$(grep -o 'id="layout-probe">[^<]*' "$profile/probe.html" | sed 's/.*>//' || true)
[ -n "$layout" ] || { echo "check-html: the layout probe did not run"; fail=1; }
case "$layout" in *" overflowing=0 narrow=0") ;; *) echo "check-html: spec-outcomes layout: $layout (want overflowing=0 narrow=0)"; fail=1 ;; esac

# 4. The screenshot. Headless Chromium ignores a #fragment when it screenshots, so it shoots a view of
#    the page without the Methods section (same file, same style sheet, same embedded figures) to show
#    the title, the first results table and its figures in one window.
view="$(dirname "$html")/.appendix-results-view.html"
sed '/<h2 id="methods">/,/<h2 id="results">/{/<h2 id="results">/!d}' "$html" > "$view"
trap 'rm -rf "$profile" "$view" "$probe"' EXIT
timeout 120 "$browser" "${flags[@]}" --virtual-time-budget=5000 --window-size=1280,1700 --screenshot="$shot" "file://$view" \
  >"$profile/shot.log" 2>&1 || { echo "check-html: chromium failed to take a screenshot" >&2; tail -5 "$profile/shot.log" >&2; exit 2; }
[ -s "$shot" ] && [ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || { echo "check-html: no PNG screenshot written"; fail=1; }

echo "check-html: $tables tables, $images embedded figures, $external network references; outcomes layout: $layout; screenshot $shot"
[ "$fail" -eq 0 ] && echo "check-html: OK" || echo "check-html: FAILED"
exit "$fail"
