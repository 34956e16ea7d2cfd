#!/usr/bin/env bash
# For each pull request number on standard input: read it from GitHub (pull-request-data.sh),
# fetch the merge GitHub made of it as git objects (nothing of it is checked out or run), judge
# it with this checkout's `ngo-directory check-pr`, keep its comment up to date, and turn on
# GitHub's auto-merge (squash, for its head commit only) when it changes records and press
# releases alone: GitHub then merges it once validate, build, test and ownership pass, and
# ownership passes only when every file is its author's or approved by one who may approve it.
#
#   GH_TOKEN=... REPOSITORY=owner/name auto-merge.sh < numbers
set -euo pipefail
here=$(dirname "$0")
while read -r number; do
  if [[ ! $number =~ ^[1-9][0-9]{0,9}$ ]]; then
    continue
  fi
  dir=$(mktemp -d)
  "$here/pull-request-data.sh" "$number" "$dir"
  head=$(jq -r '.head.sha // ""' "$dir/pull.json")
  if [[ ! $head =~ ^[0-9a-f]{40}$ ]]; then
    continue
  fi
  if ! git fetch --quiet --no-tags origin "+refs/pull/$number/merge:refs/judged/$number"; then
    echo "#$number: GitHub has no merge of it (it conflicts with the base branch): nothing to do"
    continue
  fi
  issue=()
  if [ -f "$dir/issue.json" ]; then
    issue=(--issue "$dir/issue.json")
  fi
  status=0
  .venv/bin/ngo-directory check-pr --repo . --base "refs/judged/$number^1" --head "refs/judged/$number" \
    --pull "$dir/pull.json" --reviews "$dir/reviews.json" "${issue[@]}" \
    --format json --comment "$dir/comment.md" --lang az > "$dir/verdict.json" || status=$?
  if [ "$status" -gt 1 ]; then
    echo "#$number: not judged this time (exit $status); the next run tries again"
    continue
  fi
  echo "#$number: $(jq -r '.outcome' "$dir/verdict.json")"
  "$here/keep-comment.sh" "$number" "$dir/comment.md"
  if [ "$(jq -r '.auto_merge' "$dir/verdict.json")" = true ] && [ "$(jq -r '.auto_merge == null' "$dir/pull.json")" = true ]; then
    gh pr merge "$number" --repo "$REPOSITORY" --auto --squash --match-head-commit "$head" ||
      echo "#$number: auto-merge could not be turned on (is it allowed in the repository's settings?)"
  fi
done
