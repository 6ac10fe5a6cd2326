"""The answering engine on small packs built here: retrieval, typos, synonyms, names, escalation."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from bot.answer.engine import AnswerEngine
from bot.policy import CONTRACT_SECTION_IDS, load_pack
from bot.text.lang import detect_language

COMPANY = {
    "name": "Zonnebloem Bakkerij B.V.",
    "aliases": ["Zonnebloem"],
    "products": ["Kruimelkoek"],
    "confidential_terms": ["Project Meel"],
    "competitors": ["Bakkerij Maan"],
    "social_media_manager": {"name": "Piet Bakker", "contact": "social@zonnebloem.example"},
    "languages": ["nl", "en"],
}

SECTIONS = {
    "working-hours": {
        "nl": ("Social media onder werktijd", ["werktijd", "pauze", "laptop van de zaak"],
               "Kort privégebruik van social media onder werktijd mag, zolang je werk er niet onder lijdt.\n\n"
               "Langer gebruik bewaar je voor je pauze."),
        "en": ("Social media during working hours", ["working hours", "break", "company laptop"],
               "Brief personal use of social media during working hours is fine as long as your work does "
               "not suffer.\n\nSave longer use for your break."),
    },
    "account-security": {
        "nl": ("Beveiliging van accounts", ["wachtwoord", "tweestapsverificatie", "nepaccount"],
               "Gebruik voor elk account een sterk wachtwoord en zet tweestapsverificatie aan.\n\n"
               "Zie je een nepaccount dat zich voordoet als {company}? Meld het bij {smm_name}."),
        "en": ("Account security", ["password", "two-factor authentication", "fake account"],
               "Use a strong password for every account and turn on two-factor authentication.\n\n"
               "Do you see a fake account pretending to be {company}? Report it to {smm_name}."),
    },
    "confidential-information": {
        "nl": ("Vertrouwelijke informatie", ["vertrouwelijk", "codenaam", "onaangekondigde producten"],
               "Deel nooit iets over onaangekondigde producten of codenamen zoals {confidential_terms}."),
        "en": ("Confidential information", ["confidential", "code name", "unreleased products"],
               "Never share anything about unreleased products or code names such as {confidential_terms}."),
    },
}

FAQ = {
    "account-security": [{
        "question": {"nl": ["Hoe beveilig ik mijn account?"], "en": ["How do I secure my account?"]},
        "answer": {"nl": "Met een sterk wachtwoord en tweestapsverificatie.",
                   "en": "With a strong password and two-factor authentication."},
    }],
}


def make_pack(root: Path, *, company: dict | None = None, synonyms: dict | None = None) -> Path:
    """Write a small valid pack: three sections, the other contract sections disabled."""
    (root / "sections").mkdir(parents=True)
    (root / "company.yaml").write_text(yaml.safe_dump(company or COMPANY, allow_unicode=True), encoding="utf-8")
    disabled = [s for s in CONTRACT_SECTION_IDS if s not in SECTIONS]
    (root / "pack.yaml").write_text(yaml.safe_dump({"version": "1.0.0", "disabled_sections": disabled}))
    for section_id, texts in SECTIONS.items():
        folder = root / "sections" / section_id
        folder.mkdir()
        for lang, (title, keywords, body) in texts.items():
            front = yaml.safe_dump({"title": title, "keywords": keywords}, allow_unicode=True)
            (folder / f"{lang}.md").write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")
        if section_id in FAQ:
            (folder / "faq.yaml").write_text(yaml.safe_dump(FAQ[section_id], allow_unicode=True), encoding="utf-8")
    if synonyms is not None:
        (root / "synonyms.yaml").write_text(yaml.safe_dump(synonyms, allow_unicode=True), encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def _private_index_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own index cache folder, so tests neither share nor leave cached indexes."""
    monkeypatch.setenv("SMM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SMM_INDEX_CACHE", raising=False)


@pytest.fixture
def engine(tmp_path: Path) -> AnswerEngine:
    return AnswerEngine(load_pack(make_pack(tmp_path / "pack")))


@pytest.mark.parametrize(("question", "section", "lang"), [
    ("Mag ik onder werktijd op Instagram kijken?", "working-hours", "nl"),
    ("Can I check Instagram during working hours?", "working-hours", "en"),
    ("Hoe sterk moet mijn wachtwoord zijn?", "account-security", "nl"),
    ("Should I turn on two-factor authentication?", "account-security", "en"),
    ("Mag ik iets vertellen over onaangekondigde producten?", "confidential-information", "nl"),
    ("Can I talk about unreleased products?", "confidential-information", "en"),
])
def test_questions_find_their_section_in_the_askers_language(
    engine: AnswerEngine, question: str, section: str, lang: str
) -> None:
    answer = engine.answer(question)
    assert not answer.escalate, answer.details
    assert answer.language == lang
    assert answer.sources[0].id == section
    assert answer.sources[0].title == SECTIONS[section][lang][0]
    assert 0.0 <= answer.confidence <= 1.0


def test_a_strong_faq_match_leads_with_the_faq_answer(engine: AnswerEngine) -> None:
    answer = engine.answer("How can I secure my account?")
    assert answer.text.startswith("With a strong password and two-factor authentication.")
    assert "Account security" in answer.text


def test_typos_and_dutch_compounds_still_find_the_section(engine: AnswerEngine) -> None:
    assert engine.answer("Hoe sterk moet mijn wachtwoort zijn?").sources[0].id == "account-security"
    assert engine.answer("Should I use two-factor autentication?").sources[0].id == "account-security"
    assert engine.answer("Hoe zit het met werktijdgebruik van Instagram?").sources[0].id == "working-hours"


def test_the_companys_names_are_neutral(engine: AnswerEngine) -> None:
    plain = engine.answer("Can I talk about Project Meel online?")
    assert plain.sources[0].id == "confidential-information"
    with_name = engine.answer("Can I check Instagram at Zonnebloem during working hours?")
    without = engine.answer("Can I check Instagram during working hours?")
    assert with_name.sources[0].id == without.sources[0].id == "working-hours"


def test_a_question_in_one_language_finds_text_written_in_the_other(engine: AnswerEngine) -> None:
    answer = engine.answer("Mag ik two-factor authentication gebruiken?", language="nl")
    assert answer.sources[0].id == "account-security"
    assert answer.sources[0].title == "Beveiliging van accounts"


def test_synonyms_declared_by_the_pack_expand_the_question(tmp_path: Path) -> None:
    question = "Is a flurbinator safe for my account?"
    bare = AnswerEngine(load_pack(make_pack(tmp_path / "bare")))
    with_synonyms = AnswerEngine(load_pack(make_pack(
        tmp_path / "syn", synonyms={"en": [["flurbinator", "two-factor authentication"]]})))
    found = with_synonyms.answer(question)
    assert found.sources[0].id == "account-security"
    assert found.confidence > bare.answer(question).confidence


@pytest.mark.parametrize(("question", "lang"), [
    ("Hoeveel vakantiedagen heb ik nog over dit jaar?", "nl"),
    ("Wat staat er deze week op het menu in de kantine?", "nl"),
    ("De printer op de tweede verdieping is kapot, wie repareert die?", "nl"),
    ("When will my salary be paid this month?", "en"),
    ("How do I book a meeting room for Friday?", "en"),
    ("Where can I park my car at the office?", "en"),
])
def test_questions_the_pack_does_not_cover_go_to_the_social_media_manager(
    engine: AnswerEngine, question: str, lang: str
) -> None:
    answer = engine.answer(question)
    assert answer.escalate, answer.details
    assert answer.language == lang
    assert "Piet Bakker" in answer.text and "social@zonnebloem.example" in answer.text
    assert answer.to_json()["escalate"] is True


@pytest.mark.parametrize("question", ["", "   ", "???", "de het een"])
def test_questions_without_content_escalate_instead_of_failing(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.escalate
    assert answer.sources == ()
    assert "Piet Bakker" in answer.text


def test_the_language_can_be_forced(engine: AnswerEngine) -> None:
    answer = engine.answer("Can I check Instagram during working hours?", language="nl")
    assert answer.language == "nl"
    assert answer.sources[0].title == "Social media onder werktijd"
    assert "Social media onder werktijd" in answer.text


@pytest.mark.parametrize(("text", "lang"), [
    ("Mag ik dit op LinkedIn zetten?", "nl"),
    ("Wat gebeurt er als ik een fout maak?", "nl"),
    ("Can I post this on LinkedIn?", "en"),
    ("What happens if I make a mistake?", "en"),
])
def test_language_detection_picks_dutch_or_english(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_ties_in_language_detection_go_to_the_pack_vocabulary(engine: AnswerEngine) -> None:
    assert engine.detect_language("tweestapsverificatie?") == "nl"
    assert engine.detect_language("authentication?") == "en"


def test_json_shape_follows_the_contract(engine: AnswerEngine) -> None:
    data = engine.answer("Mag ik onder werktijd op Instagram?").to_json()
    assert set(data) == {"answer", "language", "sources", "confidence", "escalate"}
    assert all(set(s) == {"id", "title"} for s in data["sources"])
    assert isinstance(data["confidence"], float)


def test_answers_are_a_few_plain_sentences(engine: AnswerEngine) -> None:
    text = engine.answer("Can I check Instagram during working hours?").text
    assert "#" not in text and "\n" not in text
    assert 1 <= text.count(". ") + 1 <= 5
    assert textwrap.shorten(text, 600) == text


def test_the_built_index_is_cached_per_pack_and_gives_the_same_answers(tmp_path: Path) -> None:
    pack = load_pack(make_pack(tmp_path / "pack"))
    first = AnswerEngine(pack)
    second = AnswerEngine(pack)
    assert not first.index.from_cache and second.index.from_cache
    for question in ("Hoe sterk moet mijn wachtwoort zijn?", "Can I talk about Project Meel online?",
                     "How do I book a meeting room for Friday?"):
        assert second.answer(question) == first.answer(question)
    other = load_pack(make_pack(tmp_path / "other", synonyms={"en": [["flurbinator", "password"]]}))
    assert not AnswerEngine(other).index.from_cache  # another pack's content is another cache entry


def test_the_cache_can_be_turned_off_and_an_unusable_folder_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = load_pack(make_pack(tmp_path / "pack"))
    monkeypatch.setenv("SMM_INDEX_CACHE", "0")
    AnswerEngine(pack)
    assert not AnswerEngine(pack).index.from_cache
    monkeypatch.delenv("SMM_INDEX_CACHE")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("SMM_CACHE_DIR", str(blocker / "cache"))
    assert AnswerEngine(pack).answer("Should I turn on two-factor authentication?").sources[0].id == "account-security"
    assert not AnswerEngine(pack).index.from_cache
