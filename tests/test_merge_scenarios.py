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

import fake_gh
from workflow_world import REPOSITORY, TEAM, World, git, maintained

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
    # Auto-merge stays off until bob approves: a green check alone, even an old one, merges nothing.
    assert not judged.armed and judged.outcome == "wait"
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
    row = f"ngo\\_data/ngos/madad\\-azerbaijan.yaml | redaktə edilib | təsdiqləyib: {bob} | {bob} | \\- |"
    assert row in judged.summary
    assert (
        "ngo_data/ngos/madad-azerbaijan.yaml: not-a-maintainer: əsas reviziyada alice tərəfindən aparılmayan "
        "qeydi redaktə edir (təsdiqləyib: @bob)"
    ) in judged.lines


def test_an_approval_then_a_new_commit_waits_again(world: World) -> None:
    world.open_pull_request(10, "alice", others_edit(world))
    world.review(10, "bob")
    assert world.judge(10).merged
    world.push(10, edited(BETA, "themes: [education, youth]", "themes: [education, youth, ict]", world))
    judged = world.judge(10)
    assert not judged.merged and judged.ownership == 1 and judged.outcome == "wait"
    assert not judged.armed  # GitHub turned it off at the push; the new head needs bob again


def test_a_dismissed_review_waits_again(world: World) -> None:
    world.open_pull_request(11, "alice", others_edit(world))
    world.review(11, "bob")
    assert world.judge(11).merged
    world.dismiss(11, "bob")
    judged = world.judge(11)
    assert not judged.merged and judged.ownership == 1 and judged.outcome == "wait"
    assert not judged.armed  # the workflow turned off the auto-merge it had turned on


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


# Without git: an issue in, a pull request out, judged with the issue's author as the author.

NEW_NGO = {
    "language": "az",
    "name": "Gəncə Gənclər Mərkəzi",
    "description_az": "Gənclər üçün kompüter kursları keçirir.",
    "regions": "Gəncə",
    "themes": "Gənclər, education",
    "phones": "+994 22 256 00 00 (office)",
}


def test_a_new_ngo_through_the_issue_form_is_merged(world: World) -> None:
    output = world.issue_form(41, "erin", NEW_NGO)
    number = world.form_pull(41)
    assert number is not None, output
    record = world.branch_file(41, "ngo_data/ngos/gence-gencler-merkezi.yaml")
    assert "maintainers: [erin]" in record and "regions: [ganja]" in record
    # Its checks are started, since a pull request the workflow's token opens starts none.
    calls = [" ".join(argv) for argv in fake_gh.calls(world.state)]
    assert f"workflow run pull-request.yml --repo {REPOSITORY} --ref ngo-form/issue-41" in calls
    dispatched = f"workflow run ownership.yml --repo {REPOSITORY} --ref ngo-form/issue-41"
    assert f"{dispatched} -f pull_request={number}" in calls
    judged = world.judge(number, dispatched=True)
    assert judged.merged, judged
    assert "erin" in judged.summary  # judged as erin's, not the workflow's account's
    reply = world.comment(41)
    assert reply.startswith("<!-- ngo-directory: issue form -->")
    assert f"https://github.com/{REPOSITORY}/pull/{number}" in reply


def test_an_update_of_another_ngo_through_the_issue_form_waits_for_its_maintainers(world: World) -> None:
    world.issue_form(
        42,
        "alice",
        {"language": "ru", "existing": "madad-azerbaijan", "name": "Madad Azerbaijan", "themes": "youth"},
    )
    number = world.form_pull(42)
    assert number is not None
    record = world.branch_file(42, BETA)
    assert "maintainers: [bob]" in record  # the issue's author is never added
    assert "themes: [education, youth]" in record
    judged = world.judge(number, dispatched=True)
    assert not judged.merged and judged.outcome == "wait"
    assert "(may approve: @bob)" in judged.lines
    assert "@bob" in world.comment(42)  # the reply says whose approval it waits for
    world.review(number, "bob")
    assert world.judge(number, dispatched=True).merged


def test_answers_with_problems_give_a_draft_until_the_issue_is_fixed(world: World) -> None:
    world.issue_form(43, "erin", {**NEW_NGO, "remove": "favourite colour"})
    number = world.form_pull(43)
    assert number is not None
    judged = world.judge(number, dispatched=True)
    assert not judged.armed and judged.outcome == ""  # a draft: the sweep leaves it alone
    world.issue_form(43, "erin", NEW_NGO, action="edited")
    assert world.form_pull(43) == number
    assert world.judge(number, dispatched=True).merged


def test_an_edit_that_changes_nothing_pushes_nothing(world: World) -> None:
    world.issue_form(44, "erin", NEW_NGO)
    number = world.form_pull(44)
    assert number is not None
    head = world.pulls[number]["head"]["sha"]
    world.review(number, "dir-keeper")  # an approval an unchanged record must keep
    world.issue_form(44, "erin", NEW_NGO, action="edited")
    assert world.pulls[number]["head"]["sha"] == head


def test_a_refused_issue_writes_nothing_and_says_why(world: World) -> None:
    phones = "\n".join(f"+994 12 555 {i:02d} 00" for i in range(99))  # over the cap of 30
    world.issue_form(45, "erin", {**NEW_NGO, "phones": phones})
    assert world.form_pull(45) is None
    assert "ngo-form/issue-45" not in git(world.work, "ls-remote", "origin")
    assert world.comment(45).startswith("<!-- ngo-directory: issue form -->")


def test_hostile_answers_stay_data(world: World, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    hostile = {
        **NEW_NGO,
        "name": f"$(touch {marker}) `touch {marker}` ; touch {marker}",
        "description_az": f"::error file=README.md::x\n<script>alert(1)</script> @torvalds $(touch {marker})",
        "existing": "",
    }
    world.issue_form(46, "erin", hostile)
    assert not marker.exists()
    number = world.form_pull(46)
    assert number is not None
    reply = world.comment(46)
    assert "<script>" not in reply and "@torvalds" not in reply


def test_a_pull_request_into_another_branch_is_not_judged_for_main(world: World) -> None:
    """One moved onto another base branch, or opened into one, is not merged by the workflow:
    ownership answers that it is not for the default branch, and the sweep lists only pull
    requests into it."""
    world.open_pull_request(18, "alice", own_edit(world))
    world.pulls[18]["base"]["ref"] = "ngo-form/issue-5"
    world.payloads[18]["pull_request"]["base"]["ref"] = "ngo-form/issue-5"
    world._publish(18)
    judged = world.judge(18)
    assert judged.ownership == 2 and "merges into 'ngo-form/issue-5', not 'main'" in judged.lines
    assert judged.outcome == "" and not judged.armed


def test_one_pull_request_that_cannot_be_judged_stops_no_other(world: World) -> None:
    world.open_pull_request(19, "alice", own_edit(world))
    world.open_pull_request(20, "bob", edited(BETA, "themes: [education]", "themes: [education, ict]", world))
    git(world.work, "push", "-q", "origin", ":refs/pull/19/merge")  # a conflict: GitHub makes no merge
    decided = world.sweep()
    assert decided[19].startswith("GitHub has no merge of it")
    assert decided[20] == "merge" and world.armed(20)


def test_reviews_reach_the_checker_without_their_texts(world: World) -> None:
    """A flood of long reviews cannot make the reviews file too large to read."""
    world.open_pull_request(21, "alice", others_edit(world))
    for index in range(3):
        world.review(21, f"spammer{index}", "commented")
        world.reviews[21][-1]["body"] = "x" * 100_000
    world.review(21, "bob")
    world._publish(21)
    assert world.judge(21).merged


def test_the_issue_form_never_takes_a_forks_pull_request_for_its_own(world: World) -> None:
    world.open_pull_request(22, "mallory", others_edit(world), branch="ngo-form/issue-47")
    world.issue_form(47, "erin", NEW_NGO)
    number = world.form_pull(47)
    assert number is not None and number != 22
    assert f"https://github.com/{REPOSITORY}/pull/{number}" in world.comment(47)
    # Started on the branch ngo-form/issue-47 but naming the fork's pull request, the check
    # refuses: it would be recorded on Erin's commit while judging Mallory's.
    erin = git(world.work, "ls-remote", "origin", "refs/heads/ngo-form/issue-47").split()[0]
    code, _, lines = world.ownership(22, dispatched=True, sha=erin)
    assert code == 2 and "the commit this check is for" in lines


def test_with_the_directorys_app_the_pull_request_is_checked_like_anyones(world: World) -> None:
    world.issue_form(48, "erin", NEW_NGO, app=True)
    number = world.form_pull(48)
    assert number is not None
    calls = [" ".join(argv) for argv in fake_gh.calls(world.state)]
    assert not [call for call in calls if call.startswith("workflow run")]  # its checks start by themselves
    judged = world.judge(number)  # on the pull_request event
    assert judged.merged, judged
