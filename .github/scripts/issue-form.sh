#!/usr/bin/env bash
# Turns the issue this workflow runs for (an "Add or update an NGO" form) into a pull request:
# this checkout's `ngo-directory from-issue` writes the record from the issue's body, which goes
# on the branch ngo-form/issue-<number> (one commit on the default branch, pushed again whenever
# an edit of the issue changes the record), whose pull request is opened once. Pushed and opened
# with the directory's GitHub App's token (APP_TOKEN), the pull request's checks start as for any
# pull request; without one, with the workflow's token, which starts no workflow, so the checks
# are started by hand here (GitHub may not count those for branch protection: README). Answers
# with problems give a draft, which waits for an edit of the issue. The auto-merge workflow then
# judges it, with the issue's author as the author. Last, `ngo-directory issue-reply` answers on
# the issue, in the language of its answers. A refused issue (too large, not the form...) gets
# only the answer: nothing is written.
#
# The issue's body and author reach commands as files and checked values only.
#
#   GH_TOKEN=... [APP_TOKEN=...] REPOSITORY=owner/name DEFAULT_BRANCH=main NUMBER=42 \
#   AUTHOR=login GITHUB_EVENT_PATH=event.json issue-form.sh
set -euo pipefail
if [[ ! $NUMBER =~ ^[1-9][0-9]{0,8}$ ]]; then
  echo "not an issue number: $NUMBER" >&2
  exit 2
fi
work=$(mktemp -d)
jq -r '.issue.body // ""' "$GITHUB_EVENT_PATH" > "$work/body.md"
branch="ngo-form/issue-$NUMBER"
status=0
.venv/bin/ngo-directory from-issue "$work/body.md" --author "$AUTHOR" --report "$work/report.json" || status=$?
if [ ! -f "$work/report.json" ]; then
  echo "from-issue wrote no report (exit $status)" >&2
  exit 1
fi
url=""
if [ "$(jq -r '.outcome' "$work/report.json")" != refused ]; then
  file=$(jq -r '.file' "$work/report.json")
  if [[ ! $file =~ ^ngo_data/ngos/[a-z0-9]+(-[a-z0-9]+)*\.yaml$ ]]; then
    echo "unexpected record path: $file" >&2
    exit 1
  fi
  slug=${file#ngo_data/ngos/}
  slug=${slug%.yaml}
  git config user.name "github-actions[bot]"
  git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
  git checkout --quiet -B "$branch"
  git add -- "$file"
  git commit --quiet --allow-empty -m "Record $slug from issue #$NUMBER" -m "From the issue form, answered by @$AUTHOR."
  # An edit that leaves the record as it was pushes nothing: a new commit would take back the
  # approvals the pull request has.
  # What pushes and opens the pull request: the app's token when there is one.
  writer=${APP_TOKEN:-$GH_TOKEN}
  if ! git fetch --quiet --no-tags origin "+refs/heads/$branch:refs/remotes/origin/$branch" 2> /dev/null ||
    [ "$(git rev-parse "refs/remotes/origin/$branch^{tree}")" != "$(git rev-parse "HEAD^{tree}")" ]; then
    GH_TOKEN=$writer git push --quiet --force origin "HEAD:refs/heads/$branch"
  fi
  # The repository's own branch: a fork's pull request from a branch of the same name is not it.
  pr=$(gh api "repos/$REPOSITORY/pulls?head=${REPOSITORY%%/*}:$branch&state=open" --jq '.[0].number // ""')
  # Answers with problems (exit 1) open the pull request as a draft, which nothing merges: the
  # contributor edits the issue, and a clean answer makes it ready.
  draft=()
  if [ "$status" -ne 0 ]; then
    draft=(--draft)
  fi
  if [ -z "$pr" ]; then
    printf 'From the issue form: #%s, answered by @%s, who is the author of this change for the ownership check.\n' \
      "$NUMBER" "$AUTHOR" > "$work/pull-request.md"
    url=$(GH_TOKEN=$writer gh pr create --repo "$REPOSITORY" --base "$DEFAULT_BRANCH" --head "$branch" \
      "${draft[@]}" --title "Record $slug (issue #$NUMBER)" --body-file "$work/pull-request.md")
    pr=${url##*/}
  else
    url="https://github.com/$REPOSITORY/pull/$pr"
  fi
  if [[ ! $pr =~ ^[1-9][0-9]{0,9}$ ]]; then
    echo "no pull request number: $pr" >&2
    exit 1
  fi
  if [ -z "${APP_TOKEN:-}" ]; then
    gh workflow run pull-request.yml --repo "$REPOSITORY" --ref "$branch"
    gh workflow run ownership.yml --repo "$REPOSITORY" --ref "$branch" -f "pull_request=$pr"
  fi
  if [ "$status" -eq 0 ]; then
    GH_TOKEN=$writer gh pr ready "$pr" --repo "$REPOSITORY" || true
  else
    GH_TOKEN=$writer gh pr ready "$pr" --repo "$REPOSITORY" --undo || true
  fi
fi
reply=(.venv/bin/ngo-directory issue-reply "$work/report.json")
if [ -n "$url" ]; then
  reply+=(--pull-request "$url")
fi
{
  echo "<!-- ngo-directory: issue form -->"
  "${reply[@]}"
} > "$work/reply.md"
"$(dirname "$0")/keep-comment.sh" "$NUMBER" "$work/reply.md"
exit 0
