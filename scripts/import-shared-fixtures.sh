#!/usr/bin/env bash
# Rebuilds the committed offline data (data/observations/*.json) from the real recorded payloads in
# ../shared/fixtures and Epoch's CSVs in ../shared/reference/epoch, using the project's own parsers through
# `tracker collect --from`. Capture dates and original URLs come from ../shared/fixtures/PROVENANCE.md.
# Left out: the four seed benchmark pages (synthetic, made by the original system) and the LLM-parsed Arena
# JSON of 2026-04-19 (its provenance says not to treat it as ground truth).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED_DIR:-../shared}
[ -d "$shared/fixtures" ] || { echo "error: $shared/fixtures not found (set SHARED_DIR)" >&2; exit 1; }
tracker() { node apps/cli/dist/bin.js "$@" --quiet --data-dir "${DATA_DIR:-data}" >/dev/null; }
f="$shared/fixtures"
arena_site=https://lmarena.ai/leaderboard/text

tracker collect --source openrouter --from "$f/openrouter/api_v1_models_2025-12-02_compact.json" --retrieved-at 2025-12-02 \
  --source-url https://openrouter.ai/api/v1/models
tracker collect --source openrouter --from "$f/openrouter/api_v1_models_2026-05.json" --retrieved-at 2026-05-22 \
  --source-url https://openrouter.ai/api/v1/models
tracker collect --source lmarena --from "$f/lmarena/hf-space-derived_lmarena_text_2025-08-04.csv" --retrieved-at 2025-08-06 \
  --source-url https://huggingface.co/spaces/lmarena-ai/lmarena-leaderboard
tracker collect --source lmarena --from "$f/lmarena/site-table_lmarena-leaderboard-text_2026-02-03.csv" --retrieved-at 2026-02-03 \
  --source-url "$arena_site"
tracker collect --source lmarena --from "$f/lmarena/site-table_lmarena-leaderboard-text_2026-03-29.csv" --retrieved-at 2026-03-29 \
  --source-url "$arena_site"
for file in "$f"/huggingface-hub/*.json; do
  repo=$(basename "$file" .json | sed -e 's/^api_models_//' -e 's/_expand-.*$//' -e 's/__/\//')
  tracker collect --source huggingface --from "$file" --retrieved-at 2025-03-21 \
    --source-url "https://huggingface.co/api/models/$repo"
done
tracker collect --source epoch --retrieved-at 2026-08-19 \
  --from "$shared/reference/epoch/all_ai_models_2026-03-30.csv" \
  --from "$shared/reference/epoch/frontier_ai_models_2026-05-02.csv" \
  --from "$shared/reference/epoch/large_scale_ai_models_2026-08-19.csv" \
  --from "$shared/reference/epoch/notable_ai_models_2026-08-19.csv"
# Each LiveBench file keeps its own URL (table_<date>.csv → https://livebench.ai/table_<date>.csv, the site table →
# https://livebench.ai/) and its scores the date in its name; --retrieved-at is the capture (commit) date.
tracker collect --source livebench --from "$f/livebench/table_2026_01_08.csv" --retrieved-at 2026-08-22
tracker collect --source livebench --from "$f/livebench/table_2026_06_25.csv" --from "$f/livebench/categories_2026_06_25.json" \
  --retrieved-at 2026-08-22
tracker collect --source livebench --from "$f/livebench/site-table_livebench_2026-03-24.csv" --retrieved-at 2026-03-24
tracker collect --source artificial-analysis --from "$f/artificial-analysis/site-table_leaderboards-models_2026-03-30.csv" \
  --retrieved-at 2026-03-30 --source-url "https://artificialanalysis.ai/leaderboards/models?deprecation=all"
tracker collect --source openlm-arena --from "$f/openlm-arena/openlm-derived_chatbot_arena_leaderboard_with_cost_2026-08-22.csv" \
  --retrieved-at 2026-08-22 --source-url https://openlm.ai/chatbot-arena/
echo "data/observations rebuilt from $shared" >&2
