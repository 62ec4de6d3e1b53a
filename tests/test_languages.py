"""Any language kept: an article is cleaned against its own script and language, dated from dates
printed its way, and listed as having no claims until claims support its language."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from consilience.clean.script import dominant_script, words_of
from consilience.clean.stopwords import stopwords
from consilience.clean.text import cleaned_text
from consilience.meta.article import article_from
from consilience.meta.printed_date import declared_day, printed_date
from consilience.records import RawDocument

LANGS = Path(__file__).parent / "fixtures" / "languages"

# file, language, script, a body sentence that must stay, furniture that must go, printed date
CASES = [
    ("ru.txt", "ru", "CYRILLIC", "из зоны подтопления вывезли более 400 человек", "Поделиться", date(2025, 2, 4)),
    ("uk.txt", "uk", "CYRILLIC", "зможе одночасно приймати до 200 військових", "Поділитися", date(2025, 2, 5)),
    ("ko.txt", "ko", "HANGUL", "주민 120여 명이 긴급 대피했다고", "공유하기", date(2025, 2, 4)),
    ("zh.txt", "zh", "CJK", "北海道东部海域发生6.1级地震", "分享到", date(2025, 2, 4)),
    ("ar.txt", "ar", "ARABIC", "الإبقاء على أسعار الفائدة دون تغيير", "شارك", date(2025, 2, 4)),
    ("de.txt", "de", "LATIN", "zu einem ganztägigen Warnstreik im Regionalverkehr", "6. Februar 2023", date(2023, 2, 6)),
]


@pytest.mark.parametrize(("name", "lang", "script", "sentence", "furniture", "printed"), CASES)
def test_each_script_keeps_its_body_and_its_printed_date(name: str, lang: str, script: str, sentence: str,
                                                         furniture: str, printed: date) -> None:
    body = (LANGS / name).read_text(encoding="utf-8")
    a = article_from(RawDocument(source=name, kind="text", body=body))
    assert a.language == lang and dominant_script(body) == script
    assert sentence in a.text
    assert furniture not in a.text and furniture in a.removed
    assert " > " not in a.text  # the breadcrumb went
    assert a.title is not None and a.title not in a.text
    assert "Читайте также" not in a.text  # a teaser of another story (Russian "Read also:")
    assert a.published.date == printed and a.published.basis == "text"
    last = [ln for ln in body.splitlines() if len(ln) > 30 and ln.rstrip()[-1] in ".。"][-1]
    assert last in a.text.split("\n\n")  # the closing paragraph, not only the first


def test_a_line_in_another_script_than_the_article_is_furniture_either_way() -> None:
    english = ("The city council approved the new budget on Tuesday after a long debate over school funding.\n"
               "Русский | Українська | 한국어 | 中文\n"
               "The mayor said the vote showed that the council could still agree on the essentials.")
    c = cleaned_text(english, stop=stopwords("en"))
    assert "Русский | Українська | 한국어 | 中文" in c.removed and "The mayor said" in c.text
    russian = ("Городской совет во вторник утвердил новый бюджет после долгих споров о том, как и на что "
               "финансировать школы.\n"
               "English | Deutsch | Français\n"
               "Мэр заявил, что голосование показало: совет всё ещё способен договориться о главном.")
    c = cleaned_text(russian, stop=stopwords("ru"))
    assert "English | Deutsch | Français" in c.removed and "Мэр заявил" in c.text and "Городской совет" in c.text


def test_words_are_counted_by_characters_where_the_script_has_no_spaces() -> None:
    assert len(words_of("据日本气象厅消息北海道发生地震", "CJK")) == 8
    assert words_of("Tokyo 東京都", "CJK") == ["Tokyo", "東京", "都"]
    assert len(words_of("부산 해운대 화재로 주민 대피", "HANGUL")) == 5


SANTINI = ('Tottenham manager Jacques Santini has resigned for "personal reasons".\n\n'
           "The former France manager moved to the club this summer but now wants to return home. Santini said: "
           '"My time here has been memorable and it is with deep regret that I take my leave. I wish the club and '
           'the supporters all the best. "Private issues in my personal life have arisen which caused my decision. '
           'I very much hope that the fans will respect my decision." He added: "I should like to thank the '
           'chairman for his understanding." His assistant has been put in temporary charge.\n\n'
           'The sporting director said the club were sad to see Santini go: "We are obviously disappointed. We '
           'fully respect his decision. "I can assure you that we will act swiftly. "Our priority is to ensure that '
           'this season remains unaffected. We wish him well."')


def test_a_short_quote_heavy_sports_story_is_kept_whole() -> None:
    a = article_from(RawDocument(source="spurs.txt", kind="text", body=SANTINI))
    for part in ["has resigned for", "My time here has been memorable", "Private issues in my personal life",
                 "We wish him well", "put in temporary charge"]:
        assert part in a.text
    assert a.removed == ()


@pytest.mark.parametrize("brief", [
    'Coach Maria Lopez quit on Friday. "I gave this club everything I had, and I leave with my head high," she said.',
    '"We did not see this coming," the club\'s president said of the resignation. "I wish her well."',
    'Storm closes port. "We have no choice but to wait," harbour master says.',
])
def test_quote_heavy_english_briefs_are_kept(brief: str) -> None:
    assert article_from(RawDocument(source="b.txt", kind="text", body=brief)).text == brief


def test_us_the_country_is_no_appeal_to_the_reader_and_a_score_no_counter() -> None:
    lines = ["US crude prices have soared to fresh four-month highs above $53 in the US as refinery problems "
             "propelled petrol prices to an all-time high.",
             "Moya beat four-times finalist Srichaphan 3-6 6-4 7-6 (7/5) to defend the Chennai Open title.",
             "By early 2005 the net could have two new domain names, the body that runs it said on Monday."]
    assert cleaned_text("\n".join(lines), stop=stopwords("en")).removed == ()


@pytest.mark.parametrize(("value", "day"), [
    ("2025-02-04", date(2025, 2, 4)), ("2025-02-04T23:30:00-05:00", date(2025, 2, 4)),
    ("Feb 4, 2025", date(2025, 2, 4)), ("February 4, 2025", date(2025, 2, 4)), ("4 February 2025", date(2025, 2, 4)),
    ("Tue, 04 Feb 2025 23:30:00 -0500", date(2025, 2, 4)), ("Tue, 4 Feb 2025 10:00:00 GMT", date(2025, 2, 4)),
    ("6. Februar 2023", date(2023, 2, 6)), ("4 février 2025", date(2025, 2, 4)),
    ("13/04/2025", date(2025, 4, 13)),
    ("02/04/2025", None), ("yesterday", None), ("3 days ago", None), ("February 2025", None), ("soon", None),
])
def test_a_declared_publication_date_in_any_common_form(value: str, day: date | None) -> None:
    language = {"6. Februar 2023": "de", "4 février 2025": "fr"}.get(value, "en")
    assert declared_day(value, language) == day


def test_a_jsonl_published_date_is_read_not_lost(tmp_path: Path) -> None:
    from consilience import ingest, open_store

    rows = ['{"text": "The council approved 40 new buses for the northern routes, the transport office said.", '
            '"published": "Feb 4, 2025"}',
            '{"text": "Floods closed 12 schools in the eastern district on Tuesday, officials said in a statement.", '
            '"published": "Tue, 04 Feb 2025 10:00:00 GMT"}']
    (tmp_path / "a.jsonl").write_text("\n".join(rows), encoding="utf-8")
    store = open_store(tmp_path / "s.db")
    result = ingest([str(tmp_path / "a.jsonl")], store=store)
    assert [(a.published.date, a.published.basis) for a in store.articles(result.ids)] == [
        (date(2025, 2, 4), "metadata"), (date(2025, 2, 4), "metadata")]


@pytest.mark.parametrize(("line", "lang", "day"), [
    ("Veröffentlicht am 6. Februar 2023, 14:05 Uhr", "de", date(2023, 2, 6)),
    ("Опубликовано 4 февраля 2025 года в 10:15", "ru", date(2025, 2, 4)),
    ("Publié le 4 février 2025 à 10h15", "fr", date(2025, 2, 4)),
    ("Actualizado el 4 de febrero de 2025", "es", date(2025, 2, 4)),
    ("2025年2月4日 10時15分", "ja", date(2025, 2, 4)),
    ("Vor 3 Tagen aktualisiert", "de", None),
])
def test_a_printed_date_in_the_articles_language(line: str, lang: str, day: date | None) -> None:
    assert printed_date([line], lang) == day


def test_a_non_english_article_is_kept_and_noted_as_having_no_claims(tmp_path: Path) -> None:
    from consilience import analyze, open_store

    for name in ("ru.txt", "ko.txt"):
        (tmp_path / name).write_text((LANGS / name).read_text(encoding="utf-8"), encoding="utf-8")
    dossier = analyze([str(tmp_path)], store=open_store(tmp_path.parent / f"{tmp_path.name}.db"))
    assert sorted(a.language for a in dossier.articles) == ["ko", "ru"] and not dossier.failures
    assert not dossier.claims
    for a in dossier.articles:
        assert any(a.id in note and f"'{a.language}'" in note and "no claims" in note for note in dossier.notes)
