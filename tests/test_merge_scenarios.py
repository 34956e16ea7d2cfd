"""An NGO keeps its record alone: each case ends merged, waiting (with who may approve) or refused.

Every case is played with GitHub's own webhook payloads (npm @octokit/webhooks-examples),
edited for the case and checked against GitHub's schemas (@octokit/webhooks-schemas), through the
workflows' real scripts (workflow_world.py): ownership.yml's steps for each event, then a sweep
of auto-merge.yml. "Merged" means what GitHub then does by itself: the ownership check is green
and auto-merge is on for the head commit, so the pull request merges once validate, build and
test pass.

In the repository: alice maintains iearn-azerbaijan, bob madad-azerbaijan; dir-keeper is the
directory's maintainer."""

from __future__ import annotations

from pathlib import Path

import pytest

from workflow_world import TEAM, World, maintained

ALPHA = "ngo_data/ngos/iearn-azerbaijan.yaml"
BETA = "ngo_data/ngos/madad-azerbaijan.yaml"


@pytest.fixture
def world(tmp_path: Path) -> World:
    return World(
        tmp_path,
        {ALPHA: maintained("iearn-azerbaijan", "alice"), BETA: maintained("madad-azerbaijan", "bob")},
    )


def edited(path: str, old: str, new: str, world: World) -> dict[str, str]:
    text = (world.work / path).read_text("utf-8") if (world.work / path).exists() else ""
    assert old in text
    return {path: text.replace(old, new, 1)}


def own_edit(world: World) -> dict[str, str]:
    return edited(ALPHA, "themes: [education, ict]", "themes: [education, ict, youth]", world)


def others_edit(world: World) -> dict[str, str]:
    return edited(BETA, "themes: [education]", "themes: [education, youth]", world)


def test_own_record_is_merged(world: World) -> None:
    world.open_pull_request(7, "alice", own_edit(world))
    judged = world.judge(7)
    assert judged.merged, judged
    assert judged.outcome == "merge"
    assert "**Birləşdirilə bilər:**" in judged.summary
    assert "ngo\\_data/ngos/iearn\\-azerbaijan.yaml | redaktə edilib | birləşdirilə bilər | \\- | \\- |" in (
        judged.summary
    )


def test_another_ngos_record_waits_for_its_maintainers(world: World) -> None:
    world.open_pull_request(8, "alice", others_edit(world))
    judged = world.judge(8)
    assert not judged.merged and judged.ownership == 1
    # Auto-merge is on already: GitHub merges the moment bob approves and the check turns green.
    assert judged.armed and judged.outcome == "wait"
    assert (
        "ngo_data/ngos/madad-azerbaijan.yaml: not-a-maintainer: edits a record alice does not maintain "
        "on the base revision (may approve: @bob)"
    ) in judged.lines
    # The comment names who may approve, and mentions them so that GitHub tells them.
    assert judged.comment.splitlines()[-1] == "cc @bob"


def test_approved_by_that_ngos_maintainer_is_merged(world: World) -> None:
    world.open_pull_request(9, "alice", others_edit(world))
    assert not world.judge(9).merged
    world.review(9, "bob")
    judged = world.judge(9)
    assert judged.merged, judged
    bob = "@&#8203;bob"  # no mention in a table: GitHub would notify bob at every update
    row = f"ngo\\_data/ngos/madad\\-azerbaijan.yaml | redaktə edilib | {bob} təsdiqləyib | {bob} | \\- |"
    assert row in judged.summary
    assert (
        "ngo_data/ngos/madad-azerbaijan.yaml: not-a-maintainer: əsas reviziyada alice tərəfindən aparılmayan "
        "qeydi redaktə edir (təsdiq edib: @bob)"
    ) in judged.lines


def test_an_approval_then_a_new_commit_waits_again(world: World) -> None:
    world.open_pull_request(10, "alice", others_edit(world))
    world.review(10, "bob")
    assert world.judge(10).merged
    world.push(10, edited(BETA, "themes: [education, youth]", "themes: [education, youth, ict]", world))
    judged = world.judge(10)
    assert not judged.merged and judged.ownership == 1 and judged.outcome == "wait"
    assert judged.armed  # turned on again for the new head, which still needs bob's approval


def test_a_dismissed_review_waits_again(world: World) -> None:
    world.open_pull_request(11, "alice", others_edit(world))
    world.review(11, "bob")
    assert world.judge(11).merged
    world.dismiss(11, "bob")
    judged = world.judge(11)
    assert not judged.merged and judged.ownership == 1 and judged.outcome == "wait"


def test_an_approval_by_someone_who_is_not_a_maintainer_waits(world: World) -> None:
    world.open_pull_request(12, "alice", others_edit(world))
    world.review(12, "mallory")
    judged = world.judge(12)
    assert not judged.merged and judged.outcome == "wait"
    assert "(may approve: @bob)" in judged.lines
    # Changes requested by the maintainer count for nothing either.
    world.review(12, "bob", "changes_requested")
    assert not world.judge(12).merged


def test_a_directory_maintainer_may_approve_any_record(world: World) -> None:
    world.open_pull_request(13, "alice", others_edit(world))
    world.review(13, TEAM)
    assert world.judge(13).merged


def test_code_needs_a_directory_maintainer_and_is_never_merged_by_the_workflow(world: World) -> None:
    world.open_pull_request(
        14, "alice", {**own_edit(world), "theme/templates/base.html": "<!doctype html>\n"}
    )
    judged = world.judge(14)
    assert judged.ownership == 1 and not judged.armed
    assert "(may approve: a maintainer of the directory)" in judged.lines
    world.review(14, TEAM)
    judged = world.judge(14)
    assert judged.ownership == 0 and not judged.armed and judged.outcome == "maintainer"


def test_a_record_the_validator_refuses_is_refused(world: World) -> None:
    text = (world.work / ALPHA).read_text("utf-8")
    world.open_pull_request(15, "alice", {"ngo_data/ngos/IEARN-Azerbaijan.yaml": text})
    judged = world.judge(15)
    assert judged.outcome == "refused" and judged.ownership == 1 and not judged.armed
    world.review(15, TEAM)
    assert world.judge(15).ownership == 1  # no approval passes it


def test_a_fork_branch_named_like_the_issue_forms_is_judged_as_its_author(world: World) -> None:
    """Only the workflow's own account, on a branch of the repository itself, opens pull requests
    for an issue: a fork naming its branch ngo-form/issue-1 is judged as its author."""
    world.issue(1, "bob")
    world.open_pull_request(16, "mallory", others_edit(world), branch="ngo-form/issue-1")
    judged = world.judge(16)
    assert judged.outcome == "wait" and "mallory does not maintain" in judged.lines


def test_the_comment_is_kept_not_repeated(world: World) -> None:
    world.open_pull_request(17, "alice", others_edit(world))
    first = world.judge(17).comment
    world.sweep()
    assert world.comment(17) == first
    world.review(17, "bob")
    assert world.judge(17).comment != first
