#!/usr/bin/env bash
# Starts the publish workflow when the default branch has moved since its latest run. A merge
# GitHub's auto-merge makes for this workflow's account starts no workflow by itself (GitHub does
# not let a workflow's token start others, but for `workflow_dispatch`), so a merged record would
# otherwise wait for the nightly build.
#
#   GH_TOKEN=... REPOSITORY=owner/name DEFAULT_BRANCH=main publish-if-behind.sh
set -euo pipefail
head=$(gh api "repos/$REPOSITORY/commits/$DEFAULT_BRANCH" --jq '.sha')
published=$(gh run list --repo "$REPOSITORY" --workflow publish.yml --branch "$DEFAULT_BRANCH" --limit 1 \
  --json headSha --jq '.[0].headSha // ""')
if [[ $head =~ ^[0-9a-f]{40}$ ]] && [ "$head" != "$published" ]; then
  echo "Publishing ${head:0:12} (last published: ${published:0:12})"
  gh workflow run publish.yml --repo "$REPOSITORY" --ref "$DEFAULT_BRANCH"
fi
