#!/usr/bin/env bash
# The one test command (`npm test`): installs what the tests need from Debian when it is missing,
# then type-check, lint, format check, unit + integration tests (real redis-server), the production
# build, and end-to-end tests in Debian's Chromium. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
if ((${#need[@]})); then
	if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
		echo "==> installing from Debian: ${need[*]}"
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null ||
			{ echo "could not install ${need[*]}; run: apt-get update && apt-get install -y ${need[*]}"; exit 1; }
	else
		echo "missing: ${need[*]}. Run as root: apt-get update && apt-get install -y ${need[*]}"
		exit 1
	fi
fi

if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
	echo "==> npm ci"
	npm ci --no-audit --no-fund || exit 1
fi

failed_steps=()
step() {
	local name=$1
	shift
	echo "==> $name"
	if ! "$@"; then failed_steps+=("$name"); fi
}

step "svelte-check" npm run -s check
step "prettier + eslint" npm run -s lint
# The build comes first: integration and end-to-end tests run the production server from build/.
step "build" npm run -s build
step "vitest (unit + integration)" npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json
if [[ -f build/index.js ]]; then
	step "playwright (e2e, Chromium)" env PLAYWRIGHT_JSON_OUTPUT_NAME=.tmp/playwright.json npx playwright test --reporter=list,json
else
	failed_steps+=("playwright (skipped: no build)")
fi

node scripts/summarize-tests.mjs .tmp/vitest.json .tmp/playwright.json "${failed_steps[@]}"
