"""The sentences synthetic records and press releases are made of, in Azerbaijani, Russian and
English. Placeholders: {org} and {partner} (organisation names), {region}, {theme}, {meeting},
{n} (a number) and {year}. Every organisation they name is a synthetic one."""

from __future__ import annotations

from typing import Final

# A press release's body: one opening, then sentences drawn from BODY, with a subheading, a list
# and a quote now and then.
OPENING: Final = {
    "en": [
        "{org} held a series of training sessions for local volunteers in {region} this year.",
        "{org} has opened a new community centre in {region}, with free courses for adults.",
        "{org} finished its programme on “{theme}” in {region} this month.",
        "Staff of {org} met representatives of other NGOs in {region} to agree on joint work.",
        "{org} has published the results of its work in {region} in {year}.",
    ],
    "az": [
        "{org} bu il {region} bölgəsində yerli könüllülər üçün bir sıra təlimlər keçirdi.",
        "{org} {region} bölgəsində böyüklər üçün pulsuz kursları olan yeni icma mərkəzi açıb.",
        "{org} bu ay {region} bölgəsində «{theme}» mövzusunda proqramını başa çatdırdı.",
        "{org} əməkdaşları birgə işi razılaşdırmaq üçün {region} bölgəsindəki QHT-lərin "
        "nümayəndələri ilə görüşdülər.",
        "{org} {region} bölgəsində gördüyü işin nəticələrini dərc edib.",
    ],
    "ru": [
        "Организация «{org}» провела серию тренингов для местных волонтёров в регионе {region}.",
        "Организация «{org}» открыла в регионе {region} новый общественный центр с бесплатными "
        "курсами для взрослых.",
        "Организация «{org}» завершила в этом месяце программу по теме «{theme}» в регионе {region}.",
        "Сотрудники организации «{org}» встретились с представителями других НПО региона {region}, "
        "чтобы договориться о совместной работе.",
        "Организация «{org}» опубликовала итоги своей работы в регионе {region} за {year} год.",
    ],
}

BODY: Final = {
    "en": [
        "More than {n} people took part in the programme, most of them young people from small towns.",
        "The sessions covered project planning, reporting to donors and working with local government.",
        "Participants said the practical exercises were the most useful part of the course.",
        "The organisation plans to repeat the course in two more districts next spring.",
        "Local schools and libraries offered their rooms free of charge.",
        "{partner} supported the work with a small grant and advice on monitoring.",
        "A report on the results will be published on the organisation's website.",
        "Volunteers visited {n} villages to talk to families about the services on offer.",
        "The work focused on the theme “{theme}”, which remains a priority for the region.",
        "The meeting ended with a list of next steps and a date for the next gathering.",
        "Several participants asked for materials in Azerbaijani and Russian, which the team is "
        "now preparing.",
        "The project has reached {n} households since it started in {year}.",
        "Women made up more than half of the participants.",
        "The organisers thanked the municipality for its help with transport.",
        "Questions about the programme can be sent to the organisation's office in {region}.",
        "An evaluation showed that most graduates found work or went on studying within a year.",
        "The team also trained {n} trainers who will run the course in their own communities.",
        "The materials used in the course are free to download and reuse.",
        "Young people from {region} presented their own small projects at the end of the week.",
        "The next round of applications opens in the autumn.",
        "Travel costs were covered for participants from mountain villages.",
        "A separate session dealt with health and safety at work.",
        "Representatives of {partner} attended the final session as observers.",
        "The organisation keeps a list of all the groups it has worked with since {year}.",
    ],
    "az": [
        "Proqramda {n} nəfərdən çox adam iştirak etdi, onların çoxu kiçik şəhərlərdən olan gənclər idi.",
        "Təlimlərdə layihələrin planlaşdırılması, donorlara hesabat vermək və yerli hakimiyyət "
        "orqanları ilə iş öyrədildi.",
        "İştirakçılar praktiki tapşırıqları kursun ən faydalı hissəsi adlandırdılar.",
        "Təşkilat gələn yaz kursu daha iki rayonda təkrarlamağı planlaşdırır.",
        "Yerli məktəblər və kitabxanalar otaqlarını pulsuz təqdim etdilər.",
        "{partner} işi kiçik qrantla və monitorinq üzrə məsləhətlərlə dəstəklədi.",
        "Nəticələr barədə hesabat təşkilatın saytında dərc olunacaq.",
        "Könüllülər {n} kəndə baş çəkərək ailələrlə təklif olunan xidmətlər haqqında söhbət etdilər.",
        "İş «{theme}» mövzusuna həsr olunmuşdu; bu mövzu bölgə üçün hələ də önəmlidir.",
        "Görüş növbəti addımların siyahısı və gələcək toplantının tarixi ilə başa çatdı.",
        "Bir neçə iştirakçı materialların Azərbaycan və rus dillərində hazırlanmasını xahiş etdi; "
        "komanda indi onları hazırlayır.",
        "Layihə başlayandan bəri {n} ailəyə çatıb.",
        "İştirakçıların yarıdan çoxu qadınlar idi.",
        "Təşkilatçılar nəqliyyatla bağlı köməyə görə bələdiyyəyə təşəkkür etdilər.",
        "Proqramla bağlı suallar təşkilatın {region} ofisinə göndərilə bilər.",
        "Qiymətləndirmə göstərdi ki, məzunların çoxu bir il ərzində iş tapıb və ya təhsilini davam etdirib.",
        "Komanda həmçinin öz icmalarında kursu aparacaq {n} təlimçi hazırladı.",
        "Kursda istifadə olunan materiallar pulsuz yüklənə və yenidən istifadə oluna bilər.",
        "Həftənin sonunda {region} gəncləri öz kiçik layihələrini təqdim etdilər.",
        "Növbəti müraciət mərhələsi payızda açılır.",
        "Dağ kəndlərindən gələn iştirakçıların yol xərcləri ödənildi.",
        "Sağlamlıq və iş yerində təhlükəsizlik mövzusunda ayrıca söhbət də keçirildi.",
        "{partner} nümayəndələri yekun sessiyada müşahidəçi kimi iştirak etdilər.",
        "Təşkilat birgə işlədiyi bütün qrupların siyahısını aparır.",
    ],
    "ru": [
        "Число участников программы превысило {n}, в основном это молодёжь из небольших городов.",
        "На занятиях говорили о планировании проектов, отчётности перед донорами и работе с "
        "местными органами власти.",
        "Участники назвали практические упражнения самой полезной частью курса.",
        "Следующей весной организация планирует повторить курс ещё в двух районах.",
        "Местные школы и библиотеки бесплатно предоставили свои помещения.",
        "Организация «{partner}» поддержала работу небольшим грантом и советами по мониторингу.",
        "Отчёт о результатах будет опубликован на сайте организации.",
        "Волонтёры побывали во многих сёлах и рассказали семьям о доступных услугах.",
        "Основной темой работы была тема «{theme}», которая остаётся приоритетной для региона.",
        "Встреча завершилась списком дальнейших шагов и датой следующего собрания.",
        "Несколько участников попросили материалы на азербайджанском и русском языках, и команда "
        "их сейчас готовит.",
        "С начала проекта в {year} году число семей, получивших помощь, достигло {n}.",
        "Женщины составили больше половины участников.",
        "Организаторы поблагодарили муниципалитет за помощь с транспортом.",
        "Вопросы о программе можно направлять в офис организации в регионе {region}.",
        "Оценка показала, что большинство выпускников в течение года нашли работу или продолжили учёбу.",
        "Команда также подготовила тренеров, которые будут вести курс в своих общинах; их число — {n}.",
        "Материалы курса можно бесплатно скачать и использовать повторно.",
        "В конце недели молодые люди из региона {region} представили свои небольшие проекты.",
        "Следующий приём заявок откроется осенью.",
        "Участникам из горных сёл оплатили дорогу.",
        "Отдельное занятие было посвящено охране здоровья и безопасности на работе.",
        "Представители организации «{partner}» присутствовали на заключительной сессии как наблюдатели.",
        "Организация ведёт список всех групп, с которыми работает с {year} года.",
    ],
}

QUOTE: Final = {
    "en": "“We want every community in {region} to have a place where people can learn and meet,” "
    "said a coordinator of {org}.",
    "az": "«{region} bölgəsindəki hər icmanın insanların öyrənə və görüşə biləcəyi bir yeri olsun "
    "istəyirik», — deyə {org} koordinatoru bildirdi.",
    "ru": "«Мы хотим, чтобы в каждой общине региона {region} было место, где люди могут учиться и "
    "встречаться», — сказал координатор организации «{org}».",
}

MEETING_LINE: Final = {
    "en": "This release follows the meeting “{meeting}”.",
    "az": "Bu xəbər «{meeting}» görüşü ilə bağlıdır.",
    "ru": "Этот пресс-релиз посвящён встрече «{meeting}».",
}

SUBHEADINGS: Final = {
    "en": ["What happened", "Next steps", "Results", "About the project"],
    "az": ["Nə baş verdi", "Növbəti addımlar", "Nəticələr", "Layihə haqqında"],
    "ru": ["Что произошло", "Следующие шаги", "Результаты", "О проекте"],
}

LIST_INTRO: Final = {
    "en": "The programme included:",
    "az": "Proqrama bunlar daxil idi:",
    "ru": "В программу вошли:",
}

LIST_ITEMS: Final = {
    "en": [
        "training for volunteers",
        "a small grants competition",
        "consultations for new NGOs",
        "a summer school for students",
        "an online course on digital skills",
        "a public discussion with local authorities",
    ],
    "az": [
        "könüllülər üçün təlim",
        "kiçik qrant müsabiqəsi",
        "yeni QHT-lər üçün məsləhətlər",
        "tələbələr üçün yay məktəbi",
        "rəqəmsal bacarıqlar üzrə onlayn kurs",
        "yerli hakimiyyətlə ictimai müzakirə",
    ],
    "ru": [
        "тренинги для волонтёров",
        "конкурс малых грантов",
        "консультации для новых НПО",
        "летняя школа для студентов",
        "онлайн-курс по цифровым навыкам",
        "общественное обсуждение с местными властями",
    ],
}

TITLES: Final = {
    "en": [
        "{org}: training for volunteers in {region}",
        "{org} opens a community centre in {region}",
        "{org} completes its programme on “{theme}”",
        "{org} meets local NGOs in {region}",
        "{org} publishes its results for {year}",
    ],
    "az": [
        "{org}: {region} bölgəsində könüllülər üçün təlim",
        "{org} {region} bölgəsində icma mərkəzi açır",
        "{org} «{theme}» proqramını başa çatdırdı",
        "{org} {region} bölgəsinin QHT-ləri ilə görüşdü",
        "{org} illik nəticələrini dərc etdi",
    ],
    "ru": [
        "«{org}»: тренинги для волонтёров в регионе {region}",
        "«{org}» открывает общественный центр в регионе {region}",
        "«{org}» завершает программу по теме «{theme}»",
        "«{org}» встречается с местными НПО региона {region}",
        "«{org}» публикует итоги {year} года",
    ],
}

# Record texts.
NGO_INTRO: Final = {
    "en": "{org} is a non-governmental organisation working in {region} since {year}.",
    "az": "{org} {region} bölgəsində fəaliyyət göstərən qeyri-hökumət təşkilatıdır. Yaranma ili: {year}.",
    "ru": "«{org}» — неправительственная организация, которая с {year} года работает в регионе {region}.",
}

PARTNER_INTRO: Final = {
    "en": "{org} supports local NGOs in Azerbaijan, mostly on “{theme}”.",
    "az": "{org} Azərbaycanda yerli QHT-lərə əsasən «{theme}» sahəsində dəstək göstərir.",
    "ru": "«{org}» поддерживает местные НПО в Азербайджане, в основном по теме «{theme}».",
}

OFFERS: Final = {
    "en": "Grants of up to {n} manat a year, and help with writing applications.",
    "az": "İldə {n} manata qədər qrantlar və müraciətlərin yazılmasında köməklik.",
    "ru": "Гранты до {n} манатов в год и помощь в подготовке заявок.",
}

MEETING_TITLE: Final = {
    "en": "Synthetic meeting {number}: “{theme}” in {region}",
    "az": "Sintetik görüş {number}: {region} bölgəsində «{theme}»",
    "ru": "Синтетическая встреча {number}: «{theme}» в регионе {region}",
}

AGENDA: Final = {
    "en": [
        "Opening and introductions.",
        "Reports from the NGOs of {region}.",
        "What the partners offer local NGOs.",
        "Work in groups on “{theme}”.",
        "Questions and next steps.",
    ],
    "az": [
        "Açılış və tanışlıq.",
        "{region} bölgəsinin QHT-lərinin məruzələri.",
        "Tərəfdaşların yerli QHT-lərə təklifləri.",
        "«{theme}» mövzusunda qrup işi.",
        "Suallar və növbəti addımlar.",
    ],
    "ru": [
        "Открытие и знакомство.",
        "Доклады НПО региона {region}.",
        "Что партнёры предлагают местным НПО.",
        "Работа в группах по теме «{theme}».",
        "Вопросы и дальнейшие шаги.",
    ],
}

OUTCOME: Final = {
    "en": "Participants agreed to meet again and to share a list of contacts.",
    "az": "İştirakçılar yenidən görüşməyə və əlaqə siyahısını bölüşməyə razılaşdılar.",
    "ru": "Участники договорились встретиться снова и обменяться списком контактов.",
}

CHANGE_NOTES: Final = {
    "postponed": {
        "en": "Postponed: a new date will be announced.",
        "az": "Təxirə salındı: yeni tarix elan olunacaq.",
        "ru": "Перенесена: новая дата будет объявлена.",
    },
    "cancelled": {
        "en": "Cancelled by the organisers.",
        "az": "Təşkilatçılar tərəfindən ləğv edildi.",
        "ru": "Отменена организаторами.",
    },
    "moved": {
        "en": "The venue has changed.",
        "az": "Görüşün keçiriləcəyi yer dəyişib.",
        "ru": "Место проведения изменилось.",
    },
}

PARTICIPANT_GROUP: Final = {
    "en": "About {n} representatives of community groups",
    "az": "İcma qruplarının təxminən {n} nümayəndəsi",
    "ru": "Около {n} представителей общественных групп",
}

OBSERVER: Final = {
    "en": "Local media",
    "az": "Yerli media",
    "ru": "Местные СМИ",
}

SYNTHETIC_NGO: Final = {
    "en": "Synthetic NGO {number}",
    "az": "Sintetik QHT {number}",
    "ru": "Синтетическая НПО {number}",
}
SYNTHETIC_PARTNER: Final = {
    "en": "Synthetic Partner {number}",
    "az": "Sintetik Tərəfdaş {number}",
    "ru": "Синтетический партнёр {number}",
}
OFFICE: Final = {"en": "Main office", "az": "Baş ofis", "ru": "Главный офис"}
ADDRESS: Final = {
    "en": "{n} Synthetic Street",
    "az": "Sintetik küçəsi {n}",
    "ru": "Синтетическая улица, {n}",
}
HOURS: Final = {
    "en": "Monday to Friday, 09:00-18:00",
    "az": "Bazar ertəsi - cümə, 09:00-18:00",
    "ru": "Понедельник - пятница, 09:00-18:00",
}
SERVICES: Final = [
    {"en": "Internet access", "az": "İnternetə çıxış", "ru": "Доступ в интернет"},
    {"en": "Computer courses", "az": "Kompüter kursları", "ru": "Компьютерные курсы"},
    {"en": "Legal advice", "az": "Hüquqi məsləhət", "ru": "Юридические консультации"},
]

# The national shape's extra vocabulary entries and records: themes past the sample's, series of
# meetings and programmes.
SYNTHETIC_THEME: Final = {
    "en": "Synthetic theme {number}",
    "az": "Sintetik mövzu {number}",
    "ru": "Синтетическая тема {number}",
}
SERIES_NAME: Final = {
    "en": "Synthetic meeting series {number}",
    "az": "Sintetik görüşlər silsiləsi {number}",
    "ru": "Синтетическая серия встреч {number}",
}
PROGRAMME_TITLE: Final = {
    "en": "Synthetic programme {number}: {theme} in {region}",
    "az": "Sintetik proqram {number}: {region} bölgəsində {theme}",
    "ru": "Синтетическая программа {number}: {theme}, регион {region}",
}
PROGRAMME_INTRO: Final = {
    "en": "{org} funds this programme on “{theme}” in {region}.",
    "az": "{org} {region} bölgəsində «{theme}» mövzusunda bu proqramı maliyyələşdirir.",
    "ru": "«{org}» финансирует эту программу по теме «{theme}» в регионе {region}.",
}
RESULT_UNIT: Final = {"en": "participants", "az": "iştirakçı", "ru": "участников"}
REGISTRATION_COST: Final = {
    "en": "Free of charge; the organisers pay for travel.",
    "az": "Pulsuzdur; yol xərclərini təşkilatçılar ödəyir.",
    "ru": "Бесплатно; дорогу оплачивают организаторы.",
}
