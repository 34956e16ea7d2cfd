"""Records for the search tests: the sample has no NGO in Gəncə or İsmayıllı, so these add
some, each in a region the issue's queries name, and two easily mistaken for Gəncə's. Test data
only; not part of the sample."""

from __future__ import annotations

from pathlib import Path

from sitetools import build, copy_project

RECORDS = {
    # Named without its town: only the region (and its exonyms) can find it.
    "youth-house": """\
name:
  az: Gənclər Evi
  ru: Дом молодёжи
  en: Youth House
description:
  az: Gənclər üçün axşam kursları və kitabxana.
  ru: Вечерние курсы и библиотека для молодёжи.
  en: Evening courses and a library for young people.
regions: [ganja]
themes: [youth]
""",
    "ismayilli-women": """\
name:
  az: İsmayıllı Qadın Təşəbbüsləri Mərkəzi
  ru: Центр женских инициатив Исмаиллы
  en: Ismayilli Women's Initiatives Centre
description:
  az: Kəndlərdə qadınlar üçün kompüter kursları təşkil edir.
  ru: Проводит компьютерные курсы для женщин в сёлах.
  en: Runs computer courses for women in the villages.
regions: [ismayilli]
themes: [gender-equality, digital-literacy]
""",
    "kur-riverside": """\
name:
  az: Kür Sahili Ekoloji Birliyi
  ru: Экологический союз «Берег Куры»
  en: Kura Riverside Ecology Union
description:
  az: Su anbarının sahillərini təmizləyən könüllülər.
  ru: Добровольцы, которые очищают берега водохранилища.
  en: Volunteers who clean the shores of the reservoir.
regions: [mingachevir]
themes: [civil-society]
""",
    # Not in Gəncə, but its name and its theme begin like it: the English index stems "gence" to
    # "genc", the start of "genclik" (its name) and "gencler" (the youth theme's).
    "sumqayit-youth": """\
name:
  az: Sumqayıt Gənclik Mərkəzi
  ru: Молодёжный центр Сумгаита
  en: Sumgait Youth Centre
description:
  az: Gənclər üçün idman və incəsənət dərnəkləri.
  ru: Спортивные и художественные кружки для молодёжи.
  en: Sports and arts clubs for young people.
regions: [sumgait]
themes: [youth]
""",
    # Named after Gəncə and about it, but in Bakı.
    "ganja-friends": """\
name:
  az: Gəncə Dostları
  ru: Друзья Гянджи
  en: Friends of Ganja
description:
  az: Bakıda yaşayan gəncəlilərin birliyi; Gəncədə doğulanları bir araya gətirir, Gəncəyə səfərlər edir.
  ru: Землячество уроженцев Гянджи в Баку; организует поездки в Гянджу.
  en: People from Ganja living in Baku; organises trips to Ganja.
regions: [baku]
themes: [civil-society]
""",
    # Written without Azerbaijani letters, as many records are typed: "Şəki" must still find it.
    "seki-crafts": """\
name: Seki Craft Union
description: Craft courses in Seki for young people.
regions: [sheki]
themes: [youth]
""",
}
COMMON = """\
maintainers: [search-tests]
last_verified: "2026-11-01"
added: "2026-01-01"
"""


def build_search_site(tmp: Path) -> Path:
    """The sample with the records above, built with real Pelican and indexed by Pagefind."""
    data, content = copy_project(tmp)
    for slug, text in RECORDS.items():
        (data / "ngos" / f"{slug}.yaml").write_text(text + COMMON, "utf-8")
    return build(tmp / "output", data, content)
