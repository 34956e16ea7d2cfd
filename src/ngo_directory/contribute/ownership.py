"""Who may change what: whether a pull request may merge without a maintainer's review.

Every record lists the GitHub logins that maintain it. A change may merge without review when
its author maintains every record it touches, on the *base* revision (never the pull request's
own copy, which the author wrote), names only organisations the author maintains as a meeting's
organisers or a press release's organisation, and touches nothing but records and press
releases. Anything else (code, templates, settings, workflows, vocabularies, the directory's own
pages, links and submodules) needs a maintainer of the directory, whose logins are the
``NGO_DIRECTORY_MAINTAINERS_TEAM`` setting; they may change anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..content.checks import metadata_line
from ..content.reading import read_markdown
from ..i18n import N_
from ..problems import Message, Problem, printable
from ..records.confusables import CONFUSABLE, NameIndex
from ..records.loader import DEFAULT_MAX_BYTES, Document, load_bytes
from ..records.models import PROGRAMME_ROLES, ROLE_FIELDS
from ..text.translit import SLUG
from .approvals import AUTHOR, NO_APPROVALS, Approvals
from .gitrepo import REGULAR, SUBMODULE, SYMLINK, Change, GitError, Repository
from .head_records import new_problems
from .team import SettingsProblem, check_team, logins_of, team_from_settings
from .verdict import TEAM, Finding, Verdict

RECORD_FOLDERS = {
    "ngo_data/ngos/": "ngo",
    "ngo_data/partners/": "partner",
    "ngo_data/meetings/": "meeting",
    "ngo_data/programmes/": "programme",
}
ORGANISATION_FOLDERS = ("ngo_data/ngos/", "ngo_data/partners/")
MEETING_FOLDERS = ("ngo_data/meetings/",)
PRESS_FOLDER = "content/press/"
VOCABULARIES = ("ngo_data/regions.yaml", "ngo_data/themes.yaml")
# The fields that name organisations without making them organisers: a meeting's roles
# (records.models.ROLE_FIELDS) and an organisation's partners and funders.
NAMED = {
    "co_organisers": N_("names %(slug)s among the co-organisers"),
    "hosts": N_("names %(slug)s among the hosts"),
    "funders": N_("names %(slug)s among the funders"),
    "presenters": N_("names %(slug)s among the presenters"),
    "participants": N_("names %(slug)s among the participants"),
    "observers": N_("names %(slug)s among the observers"),
    "partners": N_("names %(slug)s among the partners"),
    "funding": N_("names %(slug)s among the programme's funders"),
    "accountable": N_("names %(slug)s as accountable for the programme"),
    "extending": N_("names %(slug)s among those managing the programme's funds"),
    "implementing": N_("names %(slug)s among the programme's implementers"),
}
MEETING_ROLES = ("organisers", *(field for field in ROLE_FIELDS.values() if field != "organisers"))
# Why a press release's copy names no organisation (its text was read).
NO_ORGANISATION = "no-organisation"


def same_login(a: str, b: str) -> bool:
    """GitHub logins are case-insensitive."""
    return a.casefold() == b.casefold()


# What records nobody has claimed list as their maintainers: it stands for the directory's
# maintainers, so it never matches an author (anyone could register that login on GitHub).
EDITORS = "directory-editors"


def _includes(logins: Iterable[str], login: str) -> bool:
    return any(same_login(x, login) for x in logins if not same_login(x, EDITORS))


def _approvers(logins: Iterable[str]) -> tuple[str, ...]:
    """Who may approve: the logins given, but the editors' placeholder means the directory's
    maintainers, whom an empty tuple names."""
    return tuple(x for x in logins if not same_login(x, EDITORS))


@dataclass(frozen=True)
class _Copy:
    """One revision's copy of a file: its text, or why it cannot be read."""

    raw: bytes | None
    reason: str = ""


@dataclass(frozen=True)
class _Owner:
    """Whether the author maintains an organisation, and who else may approve naming it."""

    known: bool
    theirs: bool
    approvers: tuple[str, ...]


class Checker:
    """Judges the changes between two commits for one author."""

    def __init__(
        self, repo: Repository, base: str, head: str, author: str, max_bytes: int = DEFAULT_MAX_BYTES
    ):
        self.repo = repo
        self.base = base
        self.head = head
        self.author = author
        self.max_bytes = max_bytes
        self.changes = repo.changes(base, head)
        self.added = {c.path: c for c in self.changes if c.status == "A"}
        self.findings: list[Finding] = []
        self.notes: list[Finding] = []
        self._owners: dict[tuple[str, tuple[str, ...]], _Owner] = {}
        self._releases: dict[str, list[tuple[str, str]]] | None = None
        self._organisation_data: dict[str, tuple[str, object]] | None = None
        # Logins read from the base revision's records: the only ones a comment may mention.
        self.base_logins: dict[str, None] = {}

    def run(self, team: Iterable[str], approvals: Approvals = NO_APPROVALS) -> Verdict:
        team = tuple(team)
        in_team = _includes(team, self.author)
        verdict = Verdict(
            self.author,
            self.base,
            self.head,
            in_team,
            self.changes,
            approvals=approvals,
            team=_approvers(team),
            data_only=all(is_data(change) for change in self.changes),
        )
        if not in_team:
            for change in self.changes:
                self._judge(change)
        self._validate()
        verdict.findings = self.findings
        verdict.notes = self.notes
        verdict.mentionable = tuple(self.base_logins)
        return verdict

    def _validate(self) -> None:
        """A record the validator refuses after the change is never "may merge": no approval
        makes an invalid file valid. Team members are held to it too."""
        found = new_problems(self.repo, self.base, self.head, self.changes, max_bytes=self.max_bytes)
        for path, problems in sorted(found.items()):
            for problem in problems:
                message = Message(
                    N_("the validator refuses it at line %(line)s: %(problem)s"),
                    line=problem.line,
                    problem=_problem_text(problem),
                )
                self.findings.append(Finding(path, "invalid-record", message, (), problem.line, refused=True))

    # What each change is.

    def _judge(self, change: Change) -> None:
        path = change.path
        if change.new_mode == SYMLINK:
            self._fail(path, "symlink", Message(N_("adds a symbolic link, which may point anywhere")))
        elif change.new_mode == SUBMODULE:
            self._fail(path, "submodule", Message(N_("adds a submodule, a link to another repository")))
        elif _record_kind(path):
            self._record(change, _record_kind(path) == "meeting")
        elif path.startswith(PRESS_FOLDER) and path.endswith(".md"):
            self._press_release(change)
        else:
            rule, what = _directory_file(path)
            self._fail(path, rule, Message(N_("%(what)s; only %(who)s may change it"), what=what, who=TEAM))

    def _record(self, change: Change, meeting: bool) -> None:
        path = change.path
        before = self._base_copy(change)
        if change.status != "A":
            maintainers, reason = self._maintainers(before, path)
            self.base_logins.update(dict.fromkeys(maintainers or ()))
            deletes = change.status == "D"
            if maintainers is None:
                self._fail(
                    path,
                    "unreadable-base",
                    Message(
                        N_("deletes a record whose base copy cannot be read (%(reason)s)")
                        if deletes
                        else N_("edits a record whose base copy cannot be read (%(reason)s)"),
                        reason=reason,
                    ),
                )
            elif not _includes(maintainers, self.author):
                self._fail(
                    path,
                    "not-a-maintainer",
                    Message(
                        N_("deletes a record %(author)s does not maintain on the base revision")
                        if deletes
                        else N_("edits a record %(author)s does not maintain on the base revision"),
                        author=self.author,
                    ),
                    maintainers,
                )
        if change.status == "D":
            return
        after = self._head_copy(change)
        doc, reason = self._document(after, path)
        if change.status == "A":
            maintainers = logins_of(doc.data.get("maintainers")) if doc else None
            if doc is not None and path.startswith(ORGANISATION_FOLDERS):
                self._confusable(path, doc)
            if doc is None:
                self._fail(
                    path,
                    "unreadable-head",
                    Message(N_("adds a record that cannot be read (%(reason)s)"), reason=reason),
                )
            elif not maintainers or not _includes(maintainers, self.author):
                self._fail(
                    path,
                    "new-record-maintainers",
                    Message(
                        N_("adds a record that does not list its author %(author)s among its maintainers"),
                        author=self.author,
                    ),
                )
        if meeting:
            if doc is None and change.status != "A":
                self._fail(
                    path,
                    "unreadable-head",
                    Message(N_("its new copy cannot be read (%(reason)s)"), reason=reason),
                )
            elif doc is not None:
                self._meeting(path, doc, self._document(before, path)[0] if change.status != "A" else None)
        elif doc is not None:
            before_doc = self._document(before, path)[0] if change.status != "A" else None
            if _record_kind(path) == "programme":
                # A programme naming an organisation in a role puts itself on its page.
                self._named(path, doc, before_doc, PROGRAMME_ROLES)
            else:
                # An organisation naming its funders and partners puts itself on their pages.
                self._named(path, doc, before_doc, ("funders", "partners"))

    def _meeting(self, path: str, doc: Document, before: Document | None) -> None:
        """Organisers must be the author's; other organisations named are noted for review.
        Names the base copy already held were accepted with it and are not judged again."""
        self._named(path, doc, before, MEETING_ROLES)

    def _named(self, path: str, doc: Document, before: Document | None, keys: Iterable[str]) -> None:
        """Judge the organisations a record newly names under ``keys``: an organiser must be
        the author's; any other is noted for its maintainers' review."""
        for key in keys:
            names = doc.data.get(key)
            if not isinstance(names, list):
                continue
            old = before.data.get(key) if before is not None else None
            already = {x for x in old if isinstance(x, str)} if isinstance(old, list) else set()
            for index, slug in enumerate(names):
                if not isinstance(slug, str) or slug in already:
                    continue
                owner = self._owner(slug)
                line = doc.mark((key, index)).line
                if owner.theirs:
                    continue
                if key == "organisers":
                    message = Message(
                        N_("names %(slug)s as an organiser, %(whose)s"),
                        slug=printable(slug),
                        whose=self._not_theirs(owner),
                    )
                    self._fail(path, "organiser", message, owner.approvers, line)
                else:
                    message = Message(NAMED[key], slug=printable(slug))
                    self._note(path, key, message, owner.approvers, line)

    def _press_release(self, change: Change) -> None:
        path = change.path
        judged = None
        linked = None
        if change.status != "A":
            text, reason = self._text(self._base_copy(change))
            metadata = _metadata(text)
            slug, reason = _organisation_of(metadata, reason)
            linked = (metadata or {}).get("meeting", "").strip() or None
            if slug is None:
                deletes = change.status == "D"
                if reason == NO_ORGANISATION:
                    message = Message(
                        N_(
                            "deletes a press release whose base copy names no organisation "
                            "(an 'Organization:' line)"
                        )
                        if deletes
                        else N_(
                            "edits a press release whose base copy names no organisation "
                            "(an 'Organization:' line)"
                        )
                    )
                else:
                    message = Message(
                        N_("deletes a press release whose base copy cannot be read (%(reason)s)")
                        if deletes
                        else N_("edits a press release whose base copy cannot be read (%(reason)s)"),
                        reason=reason,
                    )
                self._fail(path, "unreadable-base", message)
            else:
                judged = slug
                owner = self._owner(slug)
                if not owner.theirs:
                    self._fail(
                        path,
                        "press-organisation",
                        Message(
                            N_("deletes a press release of %(slug)s, %(whose)s")
                            if change.status == "D"
                            else N_("edits a press release of %(slug)s, %(whose)s"),
                            slug=printable(slug),
                            whose=self._not_theirs(owner),
                        ),
                        owner.approvers,
                    )
        if change.status == "D":
            return
        text, reason = self._text(self._head_copy(change))
        metadata = _metadata(text)
        slug, reason = _organisation_of(metadata, reason)
        meeting = (metadata or {}).get("meeting", "").strip() or None
        if meeting is not None and meeting != linked:
            owner = self._owner(meeting, MEETING_FOLDERS)
            if not owner.theirs:
                message = Message(
                    N_("links the meeting %(slug)s, which %(author)s does not maintain"),
                    slug=printable(meeting),
                    author=self.author,
                )
                line = metadata_line(text or "", "meeting")
                self._note(path, "meeting", message, owner.approvers, line)
        if slug is not None:
            self._shared_slug(path, (metadata or {}).get("slug", "").strip(), slug, text or "")
        if slug is None:
            if reason == NO_ORGANISATION:
                message = Message(N_("the new copy names no organisation (an 'Organization:' line)"))
            else:
                message = Message(N_("the new copy cannot be read (%(reason)s)"), reason=reason)
            self._fail(path, "unreadable-head", message)
        elif slug != judged:
            owner = self._owner(slug)
            if not owner.theirs:
                self._fail(
                    path,
                    "press-organisation",
                    Message(
                        N_("publishes for %(slug)s, %(whose)s"),
                        slug=printable(slug),
                        whose=self._not_theirs(owner),
                    ),
                    owner.approvers,
                    metadata_line(text or "", "organization"),
                )

    def _shared_slug(self, path: str, release: str, organisation: str, text: str) -> None:
        """Files sharing a slug are language versions of one release: a release may not join
        another organisation's, or its text would be published as theirs."""
        for other, other_organisation in self._base_releases().get(release, []):
            if other == path or other_organisation == organisation:
                continue
            owner = self._owner(other_organisation)
            if not owner.theirs:
                message = Message(
                    N_("shares the slug %(release)s with %(file)s, a press release of %(slug)s, %(whose)s"),
                    release=printable(release),
                    file=printable(other),
                    slug=printable(other_organisation),
                    whose=self._not_theirs(owner),
                )
                line = metadata_line(text, "slug")
                self._fail(path, "press-organisation", message, owner.approvers, line)

    def _base_releases(self) -> dict[str, list[tuple[str, str]]]:
        """(file, organisation) of every press release on the base revision, by slug."""
        if self._releases is None:
            self._releases = {}
            for path, entry in sorted(self.repo.files(self.base, PRESS_FOLDER).items()):
                if not path.endswith(".md"):
                    continue
                metadata = _metadata(self._text(self._copy(entry.mode, entry.object_id))[0])
                slug = (metadata or {}).get("slug", "").strip()
                organisation = (metadata or {}).get("organization", "").strip()
                if slug and organisation:
                    self._releases.setdefault(slug, []).append((path, organisation))
        return self._releases

    def _confusable(self, path: str, doc: Document) -> None:
        """A new organisation whose name can be taken for another's (records/confusables.py):
        a directory maintainer looks at both before merging, whoever the author is."""
        others = {slug: found for slug, found in self._organisations().items() if found[0] != path}
        index = NameIndex()
        for slug, (_, data) in sorted(others.items()):
            index.add(slug, data)
        match = index.find(doc.data)
        if match is None:
            return
        field, name, slug, other_name = match
        message = Message(CONFUSABLE, name=name, other=other_name, slug=slug, file=others[slug][0])
        line = doc.mark(field).line
        self.notes.append(Finding(path, "confusable-name", message, (), line, note=True, maintainer=True))

    def _organisations(self) -> dict[str, tuple[str, object]]:
        """(file, data) of every NGO and partner on the head revision (as the change leaves
        them: a record it deletes or renames is gone), by slug; read once."""
        if self._organisation_data is None:
            found: dict[str, tuple[str, object]] = {}
            for folder in ORGANISATION_FOLDERS:
                for file, entry in sorted(self.repo.files(self.head, folder).items()):
                    if _record_kind(file) is None:
                        continue
                    doc = self._document(self._copy(entry.mode, entry.object_id), file)[0]
                    if doc is not None:
                        found[file.rsplit("/", 1)[1].removesuffix(".yaml")] = (file, doc.data)
            self._organisation_data = found
        return self._organisation_data

    def _not_theirs(self, owner: _Owner) -> str:
        if owner.known:
            return Message(N_("an organisation %(author)s does not maintain"), author=self.author)
        return Message(N_("which is not an organisation in the directory"))

    # Reading copies of files.

    def _fail(self, path: str, rule: str, message: str, approvers: Iterable[str] = (), line: int = 1) -> None:
        self.findings.append(Finding(path, rule, message, _approvers(approvers), line))

    def _note(self, path: str, rule: str, message: str, approvers: Iterable[str], line: int) -> None:
        self.notes.append(Finding(path, rule, message, _approvers(approvers), line, note=True))

    def _copy(self, mode: str, object_id: str) -> _Copy:
        if mode == SYMLINK:
            return _Copy(None, Message(N_("it is a symbolic link")))
        if mode == SUBMODULE:
            return _Copy(None, Message(N_("it is a submodule")))
        if mode not in REGULAR:
            return _Copy(None, Message(N_("it is not a file")))
        raw = self.repo.blob(object_id, self.max_bytes)
        if raw is None:
            return _Copy(
                None, Message(N_("it is over the size limit of %(limit)s bytes"), limit=f"{self.max_bytes:,}")
            )
        return _Copy(raw)

    def _base_copy(self, change: Change) -> _Copy:
        return self._copy(change.old_mode, change.old_id)

    def _head_copy(self, change: Change) -> _Copy:
        return self._copy(change.new_mode, change.new_id)

    def _document(self, copy: _Copy, path: str) -> tuple[Document | None, str]:
        if copy.raw is None:
            return None, copy.reason
        doc, problems = load_bytes(copy.raw, path, max_bytes=self.max_bytes)
        if doc is None:
            if problems:
                return None, problems[0].message_id or problems[0].message
            return None, Message(N_("it is not a record"))
        if not isinstance(doc.data, dict):
            return None, Message(N_("it is not a map of fields"))
        return doc, ""

    def _maintainers(self, copy: _Copy, path: str) -> tuple[tuple[str, ...] | None, str]:
        doc, reason = self._document(copy, path)
        if doc is None:
            return None, reason
        logins = logins_of(doc.data.get("maintainers"))
        if not logins:
            return None, Message(N_("it lists no maintainers"))
        return logins, ""

    def _text(self, copy: _Copy) -> tuple[str | None, str]:
        """A press release's text, or why it cannot be read."""
        if copy.raw is None:
            return None, copy.reason
        try:
            return copy.raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8"), ""  # as Pelican reads it
        except UnicodeDecodeError:
            return None, Message(N_("it is not UTF-8 text"))

    def _owner(self, slug: str, folders: tuple[str, ...] = ORGANISATION_FOLDERS) -> _Owner:
        """Whether the author maintains the organisation (or meeting) ``slug``: on the base
        revision, or, for one this change adds, on its new copy. All its maintainers may approve
        naming it."""
        if (slug, folders) not in self._owners:
            self._owners[slug, folders] = self._find_owner(slug, folders)
        return self._owners[slug, folders]

    def _find_owner(self, slug: str, folders: tuple[str, ...]) -> _Owner:
        if not SLUG.fullmatch(slug):
            return _Owner(False, False, ())
        lists = []
        for folder in folders:
            path = f"{folder}{slug}.yaml"
            entry = self.repo.entry(self.base, path)
            if entry is not None:
                found = self._maintainers(self._copy(entry.mode, entry.object_id), path)[0] or ()
                self.base_logins.update(dict.fromkeys(found))
                lists.append(found)
        if not lists:
            for folder in folders:
                change = self.added.get(f"{folder}{slug}.yaml")
                if change is not None:
                    lists.append(self._maintainers(self._head_copy(change), change.path)[0] or ())
        if not lists:
            return _Owner(False, False, ())
        approvers = tuple(dict.fromkeys(login for logins in lists for login in logins))
        return _Owner(True, all(_includes(logins, self.author) for logins in lists), approvers)


def _metadata(text: str | None) -> dict[str, str] | None:
    """A press release's metadata, read as Pelican reads it; None when it has no text."""
    # The header alone: rendering a hostile body can take minutes, and the metadata is all
    # that is judged here.
    return read_markdown(text, body=False)[0] if text is not None else None


def _organisation_of(metadata: dict[str, str] | None, reason: str) -> tuple[str | None, str]:
    """A press release's organisation slug, or why there is none: why its text cannot be
    read, or NO_ORGANISATION."""
    if metadata is None:
        return None, reason
    slug = metadata.get("organization", "").strip()
    if not slug:
        return None, NO_ORGANISATION
    return slug, ""


class _ProblemText(Message):
    """A validator problem as 'field: message (hint)', translated with its parts."""

    problem: Problem

    def localized(self, language: str | None) -> str:
        return self.problem.text(language)


def _problem_text(problem: Problem) -> Message:
    text = _ProblemText(problem.text(None))
    text.problem = problem
    return text


def is_data(change: Change) -> bool:
    """Whether a change is to a record or a press release, as plain files: what may merge
    without a directory maintainer's hand once its owners have approved it."""
    if change.new_mode in (SYMLINK, SUBMODULE) or change.old_mode in (SYMLINK, SUBMODULE):
        return False
    return bool(_record_kind(change.path)) or (
        change.path.startswith(PRESS_FOLDER) and change.path.endswith(".md")
    )


def _record_kind(path: str) -> str | None:
    for folder, kind in RECORD_FOLDERS.items():
        name = path.removeprefix(folder)
        if name != path and "/" not in name and name.endswith(".yaml"):
            return kind
    return None


def _directory_file(path: str) -> tuple[str, str]:
    """The rule and a description for a file that is not a record or a press release."""
    name = path.rsplit("/", 1)[-1]
    if path.startswith("content/pages/"):
        return "directory-page", Message(N_("one of the directory's own pages"))
    if path.startswith("content/"):
        return "directory-content", Message(N_("content that is not a press release (content/press/*.md)"))
    if path in VOCABULARIES:
        return "vocabulary", Message(N_("a vocabulary every record uses"))
    if path.startswith("ngo_data/"):
        return "not-a-record", Message(N_("not a record (ngo_data/ngos, partners or meetings/<slug>.yaml)"))
    if path.startswith(".github/") or name == "CODEOWNERS":
        return "repository-setting", Message(N_("a workflow or setting of the repository"))
    return "directory-code", Message(N_("the directory's code, templates, settings or documentation"))


def check_pull_request(
    repo: Repository,
    base: str,
    head: str,
    author: str,
    team: Iterable[str],
    approvals: Approvals = NO_APPROVALS,
) -> Verdict:
    """Judge the changes from ``base`` to ``head`` (commit ids) by ``author``, with the
    approvals the head commit has."""
    return Checker(repo, base, head, author).run(team, approvals)


__all__ = [
    "AUTHOR",
    "Checker",
    "Finding",
    "GitError",
    "SettingsProblem",
    "Verdict",
    "check_pull_request",
    "check_team",
    "team_from_settings",
]
