"""The interface's names for the values of a record's fields (a meeting's status, a role, a kind
of phone...), by table: one definition of each, in the catalogs' words.

A template shows one with the ``label`` filter (``m.status|label('meeting_status')``), which
looks up the one translation it needs; a dictionary of ``_()`` calls in the template would
translate every name of the table each time it shows one."""

from __future__ import annotations

from typing import Final

from ..i18n import N_

LABELS: Final[dict[str, dict[str, str]]] = {
    "partner_type": {
        "donor": N_("Donor"),
        "intergovernmental": N_("Intergovernmental organisation"),
        "international-ngo": N_("International NGO"),
        "government-agency": N_("Government agency"),
        "company": N_("Company"),
        "foundation": N_("Foundation"),
    },
    "meeting_status": {
        "scheduled": N_("Scheduled"),
        "postponed": N_("Postponed"),
        "cancelled": N_("Cancelled"),
        "held": N_("Held"),
    },
    "role": {
        "organiser": N_("Organiser"),
        "co-organiser": N_("Co-organiser"),
        "host": N_("Host"),
        "funder": N_("Funder"),
        "presenter": N_("Presenter"),
        "participant": N_("Participant"),
        "observer": N_("Observer"),
    },
    "roles": {
        "organiser": N_("Organisers"),
        "co-organiser": N_("Co-organisers"),
        "host": N_("Hosts"),
        "funder": N_("Funded by"),
        "presenter": N_("Presenters"),
        "participant": N_("Participants"),
        "observer": N_("Observers"),
    },
    "programme_role": {
        "funding": N_("Funder"),
        "accountable": N_("Accountable"),
        "extending": N_("Managing the funds"),
        "implementing": N_("Implementer"),
    },
    "programme_roles": {
        "funding": N_("Funded by"),
        "accountable": N_("Accountable"),
        "extending": N_("Managing the funds"),
        "implementing": N_("Implemented by"),
    },
    "programme_status": {
        "planned": N_("Planned"),
        "active": N_("Active"),
        "completed": N_("Completed"),
    },
    "phone": {
        "office": N_("Office"),
        "mobile": N_("Mobile"),
        "fax": N_("Fax"),
        "whatsapp": N_("WhatsApp"),
    },
}
