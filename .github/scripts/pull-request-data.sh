#!/usr/bin/env bash
# Writes what GitHub says about pull request NUMBER into the folder DIR: pull.json (the pull
# request), reviews.json (its reviews, every page of them) and, for a pull request the issue
# form's workflow opened on a branch ngo-form/issue-<n>, issue.json (that issue, whose author is
# then the author). Values are written to files, never into a command: `ngo-directory check-pr`
# reads and checks them.
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
gh api --paginate --slurp "repos/$REPOSITORY/pulls/$number/reviews?per_page=100" > "$dir/reviews.json"
rm -f "$dir/issue.json"
ref=$(jq -r '.head.ref // ""' "$dir/pull.json")
if [[ $ref =~ ^ngo-form/issue-([1-9][0-9]{0,8})$ ]]; then
  gh api "repos/$REPOSITORY/issues/${BASH_REMATCH[1]}" > "$dir/issue.json"
fi
