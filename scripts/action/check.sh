#!/usr/bin/env bash
# The work of the GitHub Action (action.yml at the repository root), as a
# script that also runs outside GitHub (tests/package/integrations.test.ts):
# installs the CLI into a private prefix, writes the SARIF report, prints the
# diagnostics as workflow annotations, and hands the exit code to the next
# steps. It never fails itself, so the SARIF upload runs before the verdict.
# Inputs (environment): INPUT_PATH, INPUT_ARGS, INPUT_PACKAGE, INPUT_SARIF_FILE,
# GITHUB_ACTION_PATH, GITHUB_OUTPUT, RUNNER_TEMP.
set -uo pipefail

action_path=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}
output=${GITHUB_OUTPUT:-/dev/null}
package=${INPUT_PACKAGE:-}
if [[ -z $package ]]; then
  # The action's own version, so a workflow pinned to a tag runs that release.
  version=$(node -p "require(process.argv[1]).version" "$action_path/package.json")
  package="atelier-compose@$version"
fi

prefix=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/atelier-compose.XXXXXX")
if ! npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "$package"; then
  echo "::error title=atelier-compose::Installation impossible de $package."
  echo "exit-code=2" >> "$output"
  exit 0
fi
cli="$prefix/node_modules/.bin/atelier-compose"

read -r -a paths <<< "${INPUT_PATH:-.}"
read -r -a args <<< "${INPUT_ARGS:-}"
sarif=${INPUT_SARIF_FILE:-atelier-compose.sarif}

"$cli" check --format sarif "${args[@]}" "${paths[@]}" > "$sarif"
code=$?
# The same diagnostics as annotations on the pull request's lines.
"$cli" check --format github "${args[@]}" "${paths[@]}"

echo "exit-code=$code" >> "$output"
# Exit 2 is a usage or reading problem: the report is then empty, not uploaded.
if [[ $code -ne 2 && -s $sarif ]]; then echo "sarif-file=$sarif" >> "$output"; fi
exit 0
