#!/bin/sh
# Lints the committed API documents with Spectral's spectral:oas ruleset (api/.spectral.yaml); fails on any error,
# shows warnings. Skips, and says so, where Spectral is not installed: it is never fetched from the network.
#   npm install -g @stoplight/spectral-cli   (or set SPECTRAL=/path/to/spectral)
cd "$(dirname "$0")" || exit 1
if [ -n "$SPECTRAL" ]; then
    run="$SPECTRAL"
elif command -v spectral >/dev/null 2>&1; then
    run=spectral
elif command -v npx >/dev/null 2>&1 && npx --no-install @stoplight/spectral-cli --version >/dev/null 2>&1; then
    run="npx --no-install @stoplight/spectral-cli"
else
    echo "SKIPPED: Spectral is not installed (npm install -g @stoplight/spectral-cli, or SPECTRAL=/path/to/spectral)"
    exit 0
fi
exec $run lint --ruleset .spectral.yaml --fail-severity error request-service.yaml feedback-service.yaml improvement-service.yaml hrloop.yaml
