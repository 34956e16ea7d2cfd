#!/usr/bin/env bash
# Keeps one comment of this workflow's account on issue or pull request NUMBER holding the text
# of FILE: the comment that starts with FILE's first line (a marker) is edited when its text
# differs, or created when there is none. Nothing is posted twice, so a scheduled run that finds
# nothing new says nothing new.
#
#   GH_TOKEN=... REPOSITORY=owner/name keep-comment.sh NUMBER FILE
set -euo pipefail
number=$1
file=$2
marker=$(head -n 1 "$file")
found=$(
  gh api --paginate --slurp "repos/$REPOSITORY/issues/$number/comments?per_page=100" |
    jq -c --arg marker "$marker" \
      '[.[][] | select(.user.login == "github-actions[bot]" and ((.body // "") | startswith($marker)))] | last // empty'
)
if [ -z "$found" ]; then
  gh api --silent -X POST "repos/$REPOSITORY/issues/$number/comments" -F "body=@$file"
elif [ "$(jq -r '.body' <<< "$found" | tr -d '\r')" != "$(tr -d '\r' < "$file")" ]; then
  id=$(jq -r '.id' <<< "$found")
  [[ $id =~ ^[0-9]+$ ]]
  gh api --silent -X PATCH "repos/$REPOSITORY/issues/comments/$id" -F "body=@$file"
fi
