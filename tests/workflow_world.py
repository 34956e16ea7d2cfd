"""A repository on GitHub, played without GitHub, for the workflows' scenario tests.

``World`` holds an "origin" git repository (a bare one, with ``refs/pull/N/head`` and
``refs/pull/N/merge`` as GitHub keeps them), the state of a fake ``gh`` (tests/fake_gh.py:
the pull requests, reviews, issues and comments its API returns) and the webhook payloads of the
events that happen, taken from ``@octokit/webhooks-examples`` (real payloads GitHub sent) and
edited for the scenario, each checked against ``@octokit/webhooks-schemas``.

It then runs what the workflows run, with the files the workflows give them:

- ``ownership(...)``: the two steps of .github/workflows/ownership.yml that read GitHub and
  judge, their ``run:`` scripts taken from the workflow file, in a folder laid out as the job's
  (``base/``, the checker, and ``merged/``, the merge being judged);
- ``sweep()``: what .github/workflows/auto-merge.yml runs, .github/scripts/auto-merge.sh, in a
  checkout of the default branch;
- ``issue_form(...)``: .github/scripts/issue-form.sh for an ``issues`` event.

The checker is this checkout's code (its ``.venv``), standing for the base branch's.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator

import fake_gh
from issue_forms import render_issue_body

ROOT = Path(__file__).resolve().parent.parent
OCTOKIT = ROOT / "node_modules" / "@octokit"
REPOSITORY = "ngo-network/directory"
TEAM = "dir-keeper"
OWNERSHIP = ROOT / ".github/workflows/ownership.yml"
AUTO_MERGE = ROOT / ".github/workflows/auto-merge.yml"


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: run `npm ci`)")
    pytest.skip(reason)


@cache
def _examples() -> dict[tuple[str, str | None], Any]:
    path = OCTOKIT / "webhooks-examples/api.github.com/index.json"
    if not path.is_file():
        _missing("needs node_modules/@octokit/webhooks-examples (run `npm ci`)")
    found: dict[tuple[str, str | None], Any] = {}
    for event in json.loads(path.read_text("utf-8")):
        for example in event["examples"]:
            found.setdefault((event["name"], example.get("action")), example)
    return found


@cache
def _schema() -> dict[str, Any]:
    path = OCTOKIT / "webhooks-schemas/schema.json"
    if not path.is_file():
        _missing("needs node_modules/@octokit/webhooks-schemas (run `npm ci`)")
    schema: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return schema


def example(event: str, action: str | None) -> dict[str, Any]:
    """A fresh copy of GitHub's example payload for ``event``/``action``."""
    payload: dict[str, Any] = copy.deepcopy(_examples()[event, action])
    return payload


def _errors(event: str, action: str | None, payload: dict[str, Any]) -> set[str]:
    schema = _schema()
    name = f"{event}${action}" if action else f"{event}_event"
    validator = Draft7Validator({"$ref": f"#/definitions/{name}", "definitions": schema["definitions"]})
    # By where and which rule, not by message: a message quotes the (edited) value.
    return {
        f"{list(e.absolute_path)}: {e.validator} {list(e.absolute_schema_path)}"
        for e in validator.iter_errors(payload)
    }


def check_payload(event: str, action: str | None, payload: dict[str, Any]) -> None:
    """The edited payload follows GitHub's schema for that event as well as GitHub's own
    example did (the examples predate a few fields the schemas now require): an edit that
    breaks the shape of a payload fails here."""
    new = _errors(event, action, payload) - _errors(event, action, example(event, action))
    assert not new, sorted(new)[:5]


def git(repo: Path, *args: str, text_input: str | None = None) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2026-12-01T10:00:00Z",
        "GIT_COMMITTER_DATE": "2026-12-01T10:00:00Z",
    }
    result = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True, env=env, input=text_input
    )
    return result.stdout.strip()


def clone(origin: Path, target: Path) -> None:
    subprocess.run(["git", "clone", "-q", str(origin), str(target)], check=True, capture_output=True)


def _identity(repo: Path) -> None:
    git(repo, "config", "user.name", "Test")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "config", "commit.gpgsign", "false")


def maintained(slug: str, logins: str) -> str:
    """A sample NGO record with its maintainers replaced."""
    text = (ROOT / "ngo_data/ngos" / f"{slug}.yaml").read_text("utf-8")
    assert "maintainers: [directory-editors]" in text
    return text.replace("maintainers: [directory-editors]", f"maintainers: [{logins}]")


@dataclass
class Judged:
    """What the workflows made of a pull request at one moment."""

    ownership: int  # the ownership check's exit code: 0 green
    summary: str  # its job summary (Azerbaijani)
    lines: str  # its output (Azerbaijani, then English when something is left)
    armed: bool  # auto-merge on for the head commit
    outcome: str  # what the auto-merge sweep decided
    comment: str  # the comment the sweep keeps on the pull request

    @property
    def merged(self) -> bool:
        """GitHub merges it (once validate, build and test pass): ownership green, auto-merge on."""
        return self.ownership == 0 and self.armed


class World:
    def __init__(self, tmp: Path, files: dict[str, str]):
        self.tmp = tmp
        self.origin = tmp / "origin.git"
        self.work = tmp / "work"
        self.state = tmp / "gh"
        self.bin = tmp / "bin"
        fake_gh.install(self.bin, self.state)
        subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(self.origin)], check=True)
        subprocess.run(
            ["git", "clone", "-q", str(self.origin), str(self.work)], check=True, capture_output=True
        )
        _identity(self.work)
        shutil.copytree(ROOT / "ngo_data", self.work / "ngo_data")
        shutil.copytree(ROOT / "content", self.work / "content")
        shutil.copytree(ROOT / "theme", self.work / "theme")
        shutil.copytree(ROOT / ".github/scripts", self.work / ".github/scripts")
        settings = (ROOT / "pelicanconf.py").read_text("utf-8")
        team = f'\nNGO_DIRECTORY_MAINTAINERS_TEAM = ["{TEAM}"]\n'
        (self.work / "pelicanconf.py").write_text(settings + team, "utf-8")
        self._write(files)
        git(self.work, "add", "-A")
        git(self.work, "commit", "-q", "-m", "base")
        git(self.work, "push", "-q", "origin", "HEAD:refs/heads/main")
        self.base = git(self.work, "rev-parse", "HEAD")
        self.payloads: dict[int, dict[str, Any]] = {}
        self.pulls: dict[int, dict[str, Any]] = {}
        self.reviews: dict[int, list[dict[str, Any]]] = {}
        fake_gh.write_api(self.state, f"repos/{REPOSITORY}/pulls", [])

    def _write(self, files: dict[str, str]) -> None:
        for name, text in files.items():
            path = self.work / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")

    def env(self, **extra: str) -> dict[str, str]:
        return {
            **os.environ,
            "PATH": f"{self.bin}:{os.environ['PATH']}",
            "GH_TOKEN": "not-a-token",
            "REPOSITORY": REPOSITORY,
            "DEFAULT_BRANCH": "main",
            **extra,
        }

    # GitHub's side: pull requests, their merges, reviews.

    def _merge(self, number: int, head: str) -> None:
        """refs/pull/N/head and refs/pull/N/merge, as GitHub makes them."""
        git(self.work, "push", "-q", "-f", "origin", f"{head}:refs/pull/{number}/head")
        git(self.work, "checkout", "-q", "--detach", "origin/main")
        git(self.work, "merge", "-q", "--no-ff", "-m", f"Merge {head} into main", head)
        git(self.work, "push", "-q", "-f", "origin", f"HEAD:refs/pull/{number}/merge")

    def _pull(self, number: int) -> dict[str, Any]:
        """The pull request as GitHub's API gives it now."""
        return self.pulls[number]

    def _publish(self, number: int) -> None:
        pull = self._pull(number)
        fake_gh.write_api(self.state, f"repos/{REPOSITORY}/pulls/{number}", pull)
        pulls = [
            p for p in fake_gh.read_api(self.state, f"repos/{REPOSITORY}/pulls") if p["number"] != number
        ]
        fake_gh.write_api(self.state, f"repos/{REPOSITORY}/pulls", [*pulls, pull])
        fake_gh.write_api(self.state, f"repos/{REPOSITORY}/pulls/{number}/reviews", self.reviews[number])

    def _armed_now(self, number: int) -> Any:
        stored = fake_gh.read_api(self.state, f"repos/{REPOSITORY}/pulls/{number}")
        return stored.get("auto_merge") if stored else None

    def _event(self, event: str, action: str, number: int) -> dict[str, Any]:
        """GitHub's example payload with the pull request's facts written into its own copy of
        the pull request (each event has its own shape of it)."""
        payload = example(event, action)
        rest = self._pull(number)
        pull = payload["pull_request"]
        pull["number"] = rest["number"]
        pull["user"]["login"] = rest["user"]["login"]
        for side in ("head", "base"):
            pull[side]["sha"] = rest[side]["sha"]
            pull[side]["ref"] = rest[side]["ref"]
            pull[side]["repo"]["full_name"] = rest[side]["repo"]["full_name"]
        pull["state"] = "open"
        if "number" in payload:
            payload["number"] = number
        payload["repository"]["full_name"] = REPOSITORY
        return payload

    def open_pull_request(
        self, number: int, author: str, files: dict[str, str], branch: str | None = None
    ) -> dict[str, Any]:
        """A contributor's fork opens a pull request: the `pull_request` `opened` event."""
        git(self.work, "fetch", "-q", "origin")
        git(self.work, "checkout", "-q", "-B", f"pr-{number}", "origin/main")
        self._write(files)
        git(self.work, "add", "-A")
        git(self.work, "commit", "-q", "-m", f"Change from {author}")
        head = git(self.work, "rev-parse", "HEAD")
        self._merge(number, head)
        rest = example("pull_request", "opened")["pull_request"]
        rest["number"] = number
        rest["user"]["login"] = author
        rest["head"].update(sha=head, ref=branch or f"pr-{number}")
        rest["head"]["repo"]["full_name"] = f"{author}/directory"
        rest["base"].update(sha=self.base, ref="main")
        rest["base"]["repo"]["full_name"] = REPOSITORY
        rest.update(state="open", draft=False, merged=False, auto_merge=None)
        self.pulls[number] = rest
        self.reviews[number] = []
        payload = self._event("pull_request", "opened", number)
        check_payload("pull_request", "opened", payload)
        self.payloads[number] = payload
        self._publish(number)
        return payload

    def push(self, number: int, files: dict[str, str]) -> dict[str, Any]:
        """The author pushes a new commit: the `synchronize` event. GitHub turns auto-merge off
        for a push from someone without write access."""
        git(self.work, "checkout", "-q", f"pr-{number}")
        self._write(files)
        git(self.work, "add", "-A")
        git(self.work, "commit", "-q", "-m", "Another change")
        head = git(self.work, "rev-parse", "HEAD")
        self._merge(number, head)
        rest = self._pull(number)
        before = rest["head"]["sha"]
        rest["head"]["sha"], rest["auto_merge"] = head, None
        payload = self._event("pull_request", "synchronize", number)
        payload["before"], payload["after"] = before, head
        check_payload("pull_request", "synchronize", payload)
        self.payloads[number] = payload
        self._publish(number)
        return payload

    def review(self, number: int, login: str, state: str = "approved") -> dict[str, Any]:
        """Someone submits a review of the head commit: the `pull_request_review` event; the
        API lists it (REST writes the state in capitals)."""
        self.pulls[number]["auto_merge"] = self._armed_now(number)
        payload = self._event("pull_request_review", "submitted", number)
        review = payload["review"]
        review["id"] = 5000 + sum(len(r) for r in self.reviews.values())
        review["user"]["login"] = login
        review["state"] = state
        review["commit_id"] = self._pull(number)["head"]["sha"]
        check_payload("pull_request_review", "submitted", payload)
        self.reviews[number].append({**review, "state": state.upper()})
        self.payloads[number] = payload
        self._publish(number)
        return payload

    def dismiss(self, number: int, login: str) -> dict[str, Any]:
        """A maintainer dismisses someone's review: the `dismissed` event."""
        self.pulls[number]["auto_merge"] = self._armed_now(number)
        listed = [r for r in self.reviews[number] if r["user"]["login"] == login][-1]
        listed["state"] = "DISMISSED"
        payload = self._event("pull_request_review", "dismissed", number)
        review = payload["review"]
        review.update(id=listed["id"], commit_id=listed["commit_id"], state="dismissed")
        review["user"]["login"] = login
        check_payload("pull_request_review", "dismissed", payload)
        self.payloads[number] = payload
        self._publish(number)
        return payload

    def issue(self, number: int, author: str, body: str = "") -> dict[str, Any]:
        """An issue opened with the NGO form: the `issues` `opened` event; the API lists it."""
        payload = example("issues", "opened")
        issue = payload["issue"]
        issue.pop("pull_request", None)
        issue.update(number=number, body=body, state="open")
        issue["user"]["login"] = author
        issue["labels"] = [{**issue["labels"][0], "name": "ngo-record"}] if issue.get("labels") else []
        payload["repository"]["full_name"] = REPOSITORY
        check_payload("issues", "opened", payload)
        fake_gh.write_api(self.state, f"repos/{REPOSITORY}/issues/{number}", issue)
        return payload

    def issue_form(
        self, number: int, author: str, values: dict[str, str], action: str = "opened", app: bool = False
    ) -> str:
        """Someone opens (or edits) an issue with the NGO form: issue-form.yml runs
        issue-form.sh. Then GitHub's side follows: the pull request it opened gets its head and
        merge refs, as GitHub makes them. Returns the script's output."""
        payload = self.issue(number, author, render_issue_body(values))
        if action != "opened":
            edited = example("issues", action)
            edited["issue"] = payload["issue"]
            edited["repository"]["full_name"] = REPOSITORY
            check_payload("issues", action, edited)
            payload = edited
        checkout = self.tmp / f"issue-{number}-{len(list(self.tmp.glob('issue-*')))}"
        clone(self.origin, checkout)
        _identity(checkout)
        (checkout / ".venv").symlink_to(ROOT / ".venv")
        event = checkout.parent / f"{checkout.name}.json"
        event.write_text(json.dumps(payload), "utf-8")
        result = subprocess.run(
            ["bash", ".github/scripts/issue-form.sh"],
            cwd=checkout,
            env=self.env(
                NUMBER=str(number),
                AUTHOR=author,
                GITHUB_EVENT_PATH=str(event),
                APP_TOKEN="app-token" if app else "",
            ),
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        branch = f"ngo-form/issue-{number}"
        for listed in fake_gh.read_api(self.state, f"repos/{REPOSITORY}/pulls"):
            if not self._is_form_pull(listed, branch):
                continue
            head = git(self.work, "ls-remote", "origin", f"refs/heads/{branch}").split()[0]
            pull_number = listed["number"]
            known = self.pulls.get(pull_number)
            rest = example("pull_request", "opened")["pull_request"]
            rest["number"] = pull_number
            rest["user"]["login"] = "directory-app[bot]" if app else "github-actions[bot]"
            rest["head"].update(sha=head, ref=branch)
            rest["head"]["repo"]["full_name"] = rest["base"]["repo"]["full_name"] = REPOSITORY
            main = git(self.work, "ls-remote", "origin", "refs/heads/main").split()[0]
            rest["base"].update(sha=main, ref="main")
            stored = fake_gh.read_api(self.state, f"repos/{REPOSITORY}/pulls/{pull_number}") or {}
            # A push by an account with write access leaves auto-merge as it was.
            rest.update(
                state="open",
                draft=listed.get("draft", False),
                merged=False,
                auto_merge=stored.get("auto_merge"),
            )
            self.pulls[pull_number] = rest
            self.reviews.setdefault(pull_number, [])
            git(self.work, "fetch", "-q", "origin", branch)
            self._merge(pull_number, head)
            self._publish(pull_number)
            if app:
                # Opened or pushed with the app's token: GitHub sends the pull request's events.
                action_name = "opened" if known is None else "synchronize"
                event_payload = self._event("pull_request", action_name, pull_number)
                check_payload("pull_request", action_name, event_payload)
                self.payloads[pull_number] = event_payload
            else:
                dispatch = example("workflow_dispatch", None)
                dispatch["inputs"] = {"pull_request": str(pull_number)}
                dispatch["ref"] = f"refs/heads/{branch}"
                dispatch["repository"]["full_name"] = REPOSITORY
                self.payloads[pull_number] = dispatch
            # The listing keeps the draft flag the script set.
            pulls = fake_gh.read_api(self.state, f"repos/{REPOSITORY}/pulls")
            for entry in pulls:
                if entry["number"] == pull_number:
                    entry["draft"] = listed.get("draft", False)
            fake_gh.write_api(self.state, f"repos/{REPOSITORY}/pulls", pulls)
        return result.stdout + result.stderr

    def form_pull(self, issue: int) -> int | None:
        """The open pull request the issue form's workflow made for ``issue``."""
        branch = f"ngo-form/issue-{issue}"
        for listed in fake_gh.read_api(self.state, f"repos/{REPOSITORY}/pulls"):
            if self._is_form_pull(listed, branch):
                number: int = listed["number"]
                return number
        return None

    @staticmethod
    def _is_form_pull(listed: dict[str, Any], branch: str) -> bool:
        """An open pull request from ``branch`` of the repository itself (not a fork's)."""
        repo = (listed["head"].get("repo") or {}).get("full_name")
        return bool(listed["head"]["ref"] == branch and listed["state"] == "open" and repo == REPOSITORY)

    def branch_file(self, issue: int, path: str) -> str:
        """A file as the issue form's branch holds it."""
        return git(self.work, "show", f"origin/ngo-form/issue-{issue}:{path}")

    # The workflows' side.

    def ownership(
        self, number: int, dispatched: bool = False, sha: str | None = None
    ) -> tuple[int, str, str]:
        """Run ownership.yml's steps for the latest event of pull request ``number`` (or as
        started by hand, `workflow_dispatch`): exit code, job summary, output."""
        workflow = yaml.safe_load(OWNERSHIP.read_text("utf-8"))
        steps = {step["name"]: step for step in workflow["jobs"]["ownership"]["steps"]}
        read = steps["Read the pull request, its reviews and, for one the issue form opened, the issue"]
        judge = steps["Check who may change what, and who has approved"]
        assert set(read["env"]) == {"GH_TOKEN", "REPOSITORY", "NUMBER"}
        assert set(judge["env"]) == {"EVENT", "DEFAULT_BRANCH"}
        job = self.tmp / f"ownership-{number}-{len(list(self.tmp.glob('ownership-*')))}"
        job.mkdir()
        # base/: the checker at the base revision, with the installed package standing for it.
        subprocess.run(
            ["git", "clone", "-q", str(self.origin), str(job / "base")], check=True, capture_output=True
        )
        (job / "base/.venv").symlink_to(ROOT / ".venv")
        subprocess.run(
            ["git", "clone", "-q", str(self.origin), str(job / "merged")], check=True, capture_output=True
        )
        git(job / "merged", "fetch", "-q", "origin", f"refs/pull/{number}/merge")
        git(job / "merged", "checkout", "-q", "--detach", "FETCH_HEAD")
        event = job / "event.json"
        event.write_text(json.dumps(self.payloads[number]), "utf-8")
        summary = job / "summary.md"
        summary.touch()
        merge = git(job / "merged", "rev-parse", "HEAD")
        env = self.env(
            NUMBER=str(number),
            EVENT="workflow_dispatch" if dispatched else "pull_request",
            # The commit the check is recorded on: a dispatched run's branch head, else the merge.
            GITHUB_SHA=sha or (self._pull(number)["head"]["sha"] if dispatched else merge),
            GITHUB_EVENT_PATH=str(event),
            GITHUB_STEP_SUMMARY=str(summary),
        )
        subprocess.run(["bash", "-e", "-c", read["run"]], cwd=job, env=env, check=True, capture_output=True)
        result = subprocess.run(
            ["bash", "-e", "-c", judge["run"]], cwd=job, env=env, capture_output=True, text=True
        )
        return result.returncode, summary.read_text("utf-8"), result.stdout + result.stderr

    def sweep(self) -> dict[int, str]:
        """Run auto-merge.yml's steps (the list of open pull requests into the default branch,
        then auto-merge.sh on each) in a checkout of the default branch: what it decided."""
        workflow = yaml.safe_load(AUTO_MERGE.read_text("utf-8"))
        job = workflow["jobs"]["merge"]
        steps = {step["name"]: step for step in job["steps"]}
        listing = steps["List the open pull requests into the default branch"]
        judging = steps["Judge each one and turn on auto-merge where it may merge by itself"]
        assert set(job["env"]) == {"GH_TOKEN", "REPOSITORY", "DEFAULT_BRANCH"}
        checkout = self.tmp / f"sweep-{len(list(self.tmp.glob('sweep-*')))}"
        clone(self.origin, checkout)
        (checkout / ".venv").symlink_to(ROOT / ".venv")
        runner = checkout.parent / f"{checkout.name}-runner"
        runner.mkdir()
        env = self.env(RUNNER_TEMP=str(runner), GITHUB_OUTPUT=str(runner / "output"))
        listed = subprocess.run(
            ["bash", "-e", "-c", listing["run"]],
            cwd=checkout,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert listed.returncode == 0, listed.stdout + listed.stderr
        result = subprocess.run(
            ["bash", "-e", "-c", judging["run"]],
            cwd=checkout,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        decided = {}
        for line in result.stdout.splitlines():
            if line.startswith("#") and ": " in line:
                number, _, outcome = line[1:].partition(": ")
                decided[int(number)] = outcome
        return decided

    def armed(self, number: int) -> bool:
        """Whether auto-merge is on, for the head commit as it is now."""
        head = self._pull(number)["head"]["sha"]
        pull = fake_gh.read_api(self.state, f"repos/{REPOSITORY}/pulls/{number}")
        asked = [
            argv
            for argv in fake_gh.calls(self.state)
            if argv[:3] == ["pr", "merge", str(number)] and "--auto" in argv
        ]
        return pull.get("auto_merge") is not None and bool(asked) and asked[-1][-1] == head

    def comment(self, number: int) -> str:
        comments = fake_gh.read_api(self.state, f"repos/{REPOSITORY}/issues/{number}/comments") or []
        mine = [c["body"] for c in comments if c["user"]["login"] == "github-actions[bot]"]
        assert len(mine) <= 1, "one comment, kept up to date"
        return mine[0] if mine else ""

    def judge(self, number: int, dispatched: bool = False) -> Judged:
        """The ownership check for the latest event, then a sweep of the auto-merge workflow."""
        code, summary, lines = self.ownership(number, dispatched)
        outcome = self.sweep().get(number, "")
        return Judged(code, summary, lines, self.armed(number), outcome, self.comment(number))
