#!/usr/bin/env bash
# Writes what GitHub says about pull request NUMBER into the folder DIR: pull.json (the pull
# request), reviews.json (who reviewed which commit, and how: every page of reviews, without
# their texts, so that no flood of long reviews can make the file too large to read) and, for a
# pull request an app opened on a branch ngo-form/issue-<n> of the repository itself (the issue
# form's workflow), issue.json (that issue, whose author is then the author). Values are written
# to files, never into a command: `ngo-directory check-pr` reads and checks them.
#
#   GH_TOKEN=... REPOSITORY=owner/name pull-request-data.sh NUMBER DIR
set -euo pipefail
number=$1
dir=$2
if [[ ! $number =~ ^[1-9][0-9]{0,9}$ ]]; then
  echo "not a pull request number: $number" >&2
  exit 2
fi
mkdir -p "$dir"
gh api "repos/$REPOSITORY/pulls/$number" > "$dir/pull.json"
gh api --paginate --slurp "repos/$REPOSITORY/pulls/$number/reviews?per_page=100" |
  jq '[.[][] | {state, commit_id, user: {login: .user.login}}]' > "$dir/reviews.json"
rm -f "$dir/issue.json"
ref=$(jq -r '.head.ref // ""' "$dir/pull.json")
author=$(jq -r '.user.login // ""' "$dir/pull.json")
from=$(jq -r '.head.repo.full_name // ""' "$dir/pull.json")
if [[ $ref =~ ^ngo-form/issue-([1-9][0-9]{0,8})$ && $author == *"[bot]" && ${from,,} == "${REPOSITORY,,}" ]]; then
  # A deleted issue leaves no issue.json: check-pr then says what is missing.
  gh api "repos/$REPOSITORY/issues/${BASH_REMATCH[1]}" > "$dir/issue.json" || rm -f "$dir/issue.json"
fi
