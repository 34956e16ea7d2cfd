"""A stand-in for GitHub's `gh` command, for running the workflows' scripts without GitHub.

It answers the calls the scripts in .github/scripts make, from a folder of JSON files laid out
like GitHub's REST API (``<state>/api/repos/OWNER/NAME/pulls/5.json`` answers
``gh api repos/OWNER/NAME/pulls/5``), and writes down every call, in order, in
``<state>/calls.jsonl``; what a call changes on GitHub (a comment, auto-merge turned on, a pull
request opened) it changes in that folder, so the next call sees it. ``gh api --jq`` and
``--json ... --jq`` go through the real jq. Anything it does not know fails loudly, so a script
calling GitHub in a new way fails its test until this file learns the call.

Install with ``install(bin_folder, state_folder)``: a ``gh`` executable on the PATH the tests
give the scripts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.parse
from pathlib import Path
from typing import Any

BOT = {"login": "github-actions[bot]", "type": "Bot"}


def install(bin_folder: Path, state: Path) -> None:
    bin_folder.mkdir(parents=True, exist_ok=True)
    (state / "api").mkdir(parents=True, exist_ok=True)
    gh = bin_folder / "gh"
    gh.write_text(
        f"#!/bin/sh\nFAKE_GH_STATE='{state}' exec '{sys.executable}' '{Path(__file__).resolve()}' \"$@\"\n",
        "utf-8",
    )
    gh.chmod(0o755)


def calls(state: Path) -> list[list[str]]:
    """Every call made so far, as its arguments."""
    path = state / "calls.jsonl"
    if not path.exists():
        return []
    return [json.loads(line)["argv"] for line in path.read_text("utf-8").splitlines()]


def write_api(state: Path, path: str, value: Any) -> None:
    target = state / "api" / f"{path}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(value, ensure_ascii=False), "utf-8")


def read_api(state: Path, path: str) -> Any:
    target = state / "api" / f"{path}.json"
    return json.loads(target.read_text("utf-8")) if target.exists() else None


class _Args:
    def __init__(self, argv: list[str]):
        self.argv = list(argv)

    def flag(self, name: str) -> bool:
        if name in self.argv:
            self.argv.remove(name)
            return True
        return False

    def value(self, name: str) -> str | None:
        if name in self.argv:
            index = self.argv.index(name)
            value = self.argv[index + 1]
            del self.argv[index : index + 2]
            return value
        return None

    def values(self, name: str) -> list[str]:
        found = []
        while (value := self.value(name)) is not None:
            found.append(value)
        return found


def _out(value: Any, jq: str | None) -> None:
    text = json.dumps(value, ensure_ascii=False)
    if jq is None:
        sys.stdout.write(text + "\n")
        return
    result = subprocess.run(["jq", "-r", jq], input=text, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"fake gh: jq failed: {result.stderr}")
    sys.stdout.write(result.stdout)


def _fields(args: _Args) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for item in [
        *args.values("-F"),
        *args.values("-f"),
        *args.values("--field"),
        *args.values("--raw-field"),
    ]:
        key, _, value = item.partition("=")
        if value.startswith("@"):
            value = Path(value[1:]).read_text("utf-8")
        fields[key] = value
    return fields


def _filtered(pulls: list[dict[str, Any]], query: dict[str, list[str]]) -> list[dict[str, Any]]:
    """The pull requests GitHub's list gives for these parameters: state, base, head
    (owner:branch), newest first."""
    found = []
    for pull in sorted(pulls, key=lambda p: -int(p["number"])):
        if query.get("state", ["open"])[0] not in ("all", pull["state"]):
            continue
        if "base" in query and pull["base"]["ref"] != query["base"][0]:
            continue
        if "head" in query:
            owner, _, branch = query["head"][0].partition(":")
            full_name = (pull["head"].get("repo") or {}).get("full_name", "")
            if pull["head"]["ref"] != branch or full_name.split("/")[0] != owner:
                continue
        found.append(pull)
    return found


def api(state: Path, args: _Args) -> None:
    method = (args.value("-X") or args.value("--method") or "GET").upper()
    paginate, slurp = args.flag("--paginate"), args.flag("--slurp")
    args.flag("--silent")
    jq = args.value("--jq") or args.value("-q")
    fields = _fields(args)
    (path,) = args.argv
    path, _, query = path.partition("?")
    if method == "GET":
        value = read_api(state, path)
        if isinstance(value, list) and path.endswith("/pulls"):
            value = _filtered(value, urllib.parse.parse_qs(query))
        if value is None and path.endswith("/comments"):
            value = []  # an issue nobody has commented on yet
        if value is None:
            sys.stderr.write(f"gh: Not Found (HTTP 404) {path}\n")
            sys.exit(1)
        if paginate and slurp:
            value = [value]
        _out(value, jq)
        return
    if method == "POST" and path.endswith("/comments"):
        comments = read_api(state, path) or []
        counter = state / "next-id"
        next_id = int(counter.read_text()) if counter.exists() else 1000
        counter.write_text(str(next_id + 1))
        comments.append({"id": next_id, "user": BOT, "body": fields["body"]})
        write_api(state, path, comments)
        return
    if method == "PATCH" and "/issues/comments/" in path:
        repository, _, comment_id = path.partition("/issues/comments/")
        for found in (state / "api" / repository / "issues").glob("*/comments.json"):
            comments = json.loads(found.read_text("utf-8"))
            for comment in comments:
                if str(comment["id"]) == comment_id:
                    comment["body"] = fields["body"]
                    found.write_text(json.dumps(comments, ensure_ascii=False), "utf-8")
                    return
        sys.exit(f"fake gh: no comment {comment_id}")
    sys.exit(f"fake gh: cannot {method} {path}")


def pr(state: Path, args: _Args) -> None:
    command = args.argv.pop(0)
    repository = args.value("--repo") or os.environ["REPOSITORY"]
    if command == "create":
        draft = args.flag("--draft")
        fields = {"base": args.value("--base"), "head": args.value("--head"), "title": args.value("--title")}
        body = Path(args.value("--body-file") or "/dev/null").read_text("utf-8")
        pulls = read_api(state, f"repos/{repository}/pulls") or []
        number = int((state / "next-pull").read_text()) if (state / "next-pull").exists() else 100
        (state / "next-pull").write_text(str(number + 1))
        pulls.append(
            {
                "number": number,
                "state": "open",
                "draft": draft,
                "title": fields["title"],
                "body": body,
                "user": BOT,
                "head": {"ref": fields["head"], "repo": {"full_name": repository}},
                "base": {"ref": fields["base"], "repo": {"full_name": repository}},
            }
        )
        write_api(state, f"repos/{repository}/pulls", pulls)
        sys.stdout.write(f"https://github.com/{repository}/pull/{number}\n")
    elif command == "ready":
        undo = args.flag("--undo")
        (ready,) = [a for a in args.argv if not a.startswith("-")][:1]
        pulls = read_api(state, f"repos/{repository}/pulls") or []
        for listed in pulls:
            if str(listed["number"]) == ready:
                listed["draft"] = undo
        write_api(state, f"repos/{repository}/pulls", pulls)
        pull = read_api(state, f"repos/{repository}/pulls/{ready}")
        if pull is not None:
            pull["draft"] = undo
            write_api(state, f"repos/{repository}/pulls/{ready}", pull)
    elif command == "merge":
        expected = args.value("--match-head-commit")
        auto, disable = args.flag("--auto"), args.flag("--disable-auto")
        (merged,) = [a for a in args.argv if not a.startswith("-")][:1]
        pull = read_api(state, f"repos/{repository}/pulls/{merged}")
        if pull is None:
            sys.exit(f"gh: no pull request {merged}")
        if expected is not None and pull["head"]["sha"] != expected:
            sys.exit("GraphQL: Head branch was modified. Review and try the merge again.")
        if disable:
            pull["auto_merge"] = None
        elif auto:
            pull["auto_merge"] = {"merge_method": "squash", "enabled_by": BOT}
        write_api(state, f"repos/{repository}/pulls/{merged}", pull)
    else:
        sys.exit(f"fake gh: cannot pr {command}")


def main(argv: list[str]) -> None:
    state = Path(os.environ["FAKE_GH_STATE"])
    with (state / "calls.jsonl").open("a", encoding="utf-8") as log:
        log.write(json.dumps({"argv": argv}, ensure_ascii=False) + "\n")
    args = _Args(argv)
    command = args.argv.pop(0)
    if command == "api":
        api(state, args)
    elif command == "pr":
        pr(state, args)
    elif (command, args.argv[:1]) in (("auth", ["setup-git"]), ("workflow", ["run"])):
        return  # written down in calls.jsonl; nothing to answer
    elif command == "run" and args.argv[:1] == ["list"]:
        args.argv.pop(0)
        args.value("--repo")
        args.value("--workflow")
        args.value("--branch")
        args.value("--limit")
        args.value("--json")
        _out(read_api(state, "runs") or [], args.value("--jq"))
    else:
        sys.exit(f"fake gh: cannot {' '.join(argv)}")


if __name__ == "__main__":
    main(sys.argv[1:])
