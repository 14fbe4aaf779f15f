#!/usr/bin/env bash
# Dependency audit (issue 4, "A strict page").
#
#   bash scripts/audit.sh
#
# 1. The lockfile is committed and matches what is installed.
# 2. `npm audit --omit=dev --audit-level=high`: what ships in the built app (react, react-dom,
#    @tanstack/react-query, vis-timeline, vis-data and their dependencies) has no high or critical
#    advisory. This decides the exit code.
# 3. The full `npm audit`, dev tools included, for information only: dev tools never reach the
#    browser (the build bundles only what src/ imports).
#
# Exit codes: 0 = no high/critical advisory in what ships; 1 = there is one (or the lockfile is not
# in order); 2 = the advisory service could not be asked (an unknown result is not a pass).
set -uo pipefail
cd "$(dirname "$0")/.."

summary() {
  # Reads `npm audit --json` on stdin; prints one line; exits 0 (answered) or 2 (no answer).
  node -e '
    let raw = "";
    process.stdin.on("data", (d) => (raw += d)).on("end", () => {
      let report;
      try { report = JSON.parse(raw); } catch { console.log("no JSON from npm audit"); process.exit(2); }
      const v = report.metadata && report.metadata.vulnerabilities;
      if (!v) {
        const why = (report.error && (report.error.summary || report.error.code)) || report.message || "no report";
        console.log(`the advisory service did not answer: ${String(why).split("\n")[0]}`);
        process.exit(2);
      }
      const names = Object.entries(report.vulnerabilities || {})
        .map(([name, x]) => `${name} (${x.severity})`).join(", ");
      console.log(`critical ${v.critical}, high ${v.high}, moderate ${v.moderate}, low ${v.low}, info ${v.info}${names ? ": " + names : ""}`);
    });
  '
}

status=0

echo "== lockfile"
if git ls-files --error-unmatch package-lock.json >/dev/null 2>&1; then
  echo "package-lock.json is committed"
else
  echo "package-lock.json is NOT committed"
  status=1
fi
if npm ls --omit=dev --all >/dev/null 2>&1; then
  echo "installed production dependencies match the lockfile:"
  node -e '
    const lock = require("./package-lock.json");
    const shipped = Object.entries(lock.packages)
      .filter(([path, p]) => path !== "" && !p.dev && !p.devOptional)
      .map(([path, p]) => `  ${path.replace(/^.*node_modules\//, "")}@${p.version}`);
    console.log([...new Set(shipped)].sort().join("\n"));
  '
else
  echo "npm ls reports missing or invalid production dependencies"
  status=1
fi

echo "== what ships: npm audit --omit=dev --audit-level=high"
shipped_json="$(npm audit --omit=dev --json 2>/dev/null)"
shipped_line="$(printf '%s' "$shipped_json" | summary)"
answered=$?
echo "$shipped_line"
if [ "$answered" -ne 0 ]; then
  echo "RESULT: unknown (the advisory service could not be reached); not a pass"
  [ "$status" -eq 0 ] && status=2
else
  npm audit --omit=dev --audit-level=high >/dev/null 2>&1
  if [ $? -ne 0 ]; then
    echo "RESULT: FAIL, high or critical advisory in what ships"
    status=1
  else
    echo "RESULT: pass, no high or critical advisory in what ships"
  fi
fi

echo "== everything, dev tools included (information only)"
printf '%s' "$(npm audit --json 2>/dev/null)" | summary || true

exit "$status"
