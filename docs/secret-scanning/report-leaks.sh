#!/usr/bin/env bash
# Reports the Keyward app passwords a secret scanner found to Keyward's POST /leaks.
#   gitleaks detect --config docs/secret-scanning/gitleaks.toml --report-format json --report-path - | report-leaks.sh https://keyward.example
#   trufflehog filesystem . --config docs/secret-scanning/trufflehog.yaml --json | report-leaks.sh https://keyward.example
# Reads gitleaks' JSON array or trufflehog's JSON lines on standard input; takes each finding's
# Secret (gitleaks) or Raw (trufflehog) that looks like an app password, each once, and sends
# them 1,000 to a request. The passwords go through a pipe, never on a command line (ps shows those).
set -euo pipefail
base_url="${1:?usage: report-leaks.sh KEYWARD_BASE_URL < findings.json}"
jq -s -c '
  [ .[] | if type == "array" then .[] else . end | (.Secret // .Raw // empty) | strings
    | select(test("^kw[a-km-np-z2-9 -]{30,37}$"; "i")) ]
  | unique | select(length > 0) | _nwise(1000) | {appPasswords: .}' |
  while IFS= read -r body; do
    printf '%s' "$body" | curl --silent --show-error --fail -H 'Content-Type: application/json' --data-binary @- "${base_url%/}/leaks"
    echo
  done
