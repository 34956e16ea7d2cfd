#!/usr/bin/env bash
# For each pull request number on standard input: read it from GitHub (pull-request-data.sh),
# fetch the merge GitHub made of it as git objects (nothing of it is checked out or run), judge
# it with this checkout's `ngo-directory check-pr`, keep its comment up to date, and, when it may
# merge now (every file its author's or approved by one who may approve it, records and press
# releases only, into the default branch), turn on GitHub's auto-merge (squash, for the head
# commit judged): GitHub then merges it once validate, build, test and ownership pass. A pull
# request that may not merge (any more) has auto-merge, if a bot turned it on, turned off.
# One pull request that cannot be judged (an error, a timeout) never stops the others.
#
#   GH_TOKEN=... REPOSITORY=owner/name DEFAULT_BRANCH=main auto-merge.sh < numbers
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

judge() {
  local number=$1 dir head status=0
  dir=$(mktemp -d)
  "$here/pull-request-data.sh" "$number" "$dir"
  head=$(jq -r '.head.sha // ""' "$dir/pull.json")
  if [[ ! $head =~ ^[0-9a-f]{40}$ ]]; then
    echo "#$number: no head commit"
    return 0
  fi
  if ! git fetch --quiet --no-tags origin "+refs/pull/$number/merge:refs/judged/$number"; then
    echo "#$number: GitHub has no merge of it (it conflicts with the base branch): nothing to do"
    return 0
  fi
  local issue=()
  if [ -f "$dir/issue.json" ]; then
    issue=(--issue "$dir/issue.json")
  fi
  timeout 600 .venv/bin/ngo-directory check-pr --repo . --base "refs/judged/$number^1" --head "refs/judged/$number" \
    --pull "$dir/pull.json" --reviews "$dir/reviews.json" "${issue[@]}" --base-branch "$DEFAULT_BRANCH" \
    --format json --comment "$dir/comment.md" --lang az > "$dir/verdict.json" || status=$?
  if [ "$status" -gt 1 ] || ! jq -e '.outcome' "$dir/verdict.json" > /dev/null 2>&1; then
    echo "#$number: not judged this time (exit $status); the next run tries again"
    return 0
  fi
  local outcome armed_by
  outcome=$(jq -r '.outcome' "$dir/verdict.json")
  armed_by=$(jq -r '.auto_merge.enabled_by.login // ""' "$dir/pull.json")
  echo "#$number: $outcome"
  "$here/keep-comment.sh" "$number" "$dir/comment.md" || echo "#$number: the comment could not be written"
  if [ "$outcome" = merge ] && [ "$(jq -r '.auto_merge' "$dir/verdict.json")" = true ]; then
    if [ -z "$armed_by" ]; then
      gh pr merge "$number" --repo "$REPOSITORY" --auto --squash --match-head-commit "$head" ||
        echo "#$number: auto-merge could not be turned on (is it allowed in the repository's settings?)"
    fi
  elif [[ $armed_by == *"[bot]" ]]; then
    gh pr merge "$number" --repo "$REPOSITORY" --disable-auto || echo "#$number: auto-merge could not be turned off"
  fi
}

while read -r number; do
  if [[ $number =~ ^[1-9][0-9]{0,9}$ ]]; then
    # In a subshell of its own, outside any condition, so that `set -e` stops this pull
    # request's judging at its first error and nothing else.
    set +e
    (
      set -e
      judge "$number"
    )
    code=$?
    set -e
    if [ "$code" -ne 0 ]; then
      echo "#$number: not judged this time (exit $code); the next run tries again"
    fi
  fi
done
