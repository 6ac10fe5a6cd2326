"""The answering engine on the bundled policy pack, and on a copy of it for another company."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from functools import cache

import pytest
import yaml

from bot.answer.engine import AnswerEngine
from bot.config import bundled_policy_dir
from bot.policy import CONTRACT_SECTION_IDS, PolicyPack, load_pack


@pytest.fixture(scope="module", autouse=True)
def _private_index_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Cached indexes go to a temporary folder, not the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SMM_CACHE_DIR", str(tmp_path_factory.mktemp("index-cache")))
        yield

OTHER_COMPANY = {
    "name": "Zonnebloem Bakkerij B.V.",
    "aliases": ["Zonnebloem"],
    "products": ["Kruimelkoek", "Zonnebrood"],
    "confidential_terms": ["Project Meel", "Korrel"],
    "competitors": ["Bakkerij Maan"],
    "social_media_manager": {"name": "Piet Bakker", "contact": "social@zonnebloem.example"},
    "timezone": "Europe/Amsterdam",
    "languages": ["nl", "en"],
}


@cache
def bundled() -> tuple[PolicyPack, AnswerEngine]:
    pack = load_pack(bundled_policy_dir())
    return pack, AnswerEngine(pack)


def _questions(section_id: str, lang: str) -> list[str]:
    """Questions about a section taken from the pack itself: its FAQ phrasings, or its title.

    A phrasing whose content words equal those of another section's FAQ phrasing is left out: the pack
    itself cannot tell those two apart ("Can I be fired over a post?" / "Has anyone been fired over a post?").
    """
    pack, engine = bundled()
    section = pack.sections[section_id]
    elsewhere = {q.stems for q in engine.index.languages[lang].faq_questions if q.faq.section_id != section_id}
    questions = [q.text for q in engine.index.languages[lang].faq_questions
                 if q.faq.section_id == section_id and q.stems not in elsewhere]
    return questions or [section.title(lang) + "?"]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("section_id", CONTRACT_SECTION_IDS)
def test_every_section_answers_a_question_about_itself(section_id: str, lang: str) -> None:
    pack, engine = bundled()
    if section_id not in pack.sections:
        pytest.skip(f"{section_id} is disabled in this pack")
    for question in _questions(section_id, lang):
        answer = engine.answer(question)
        assert not answer.escalate, (question, answer.details)
        assert answer.language == lang, question
        assert answer.sources[0].id == section_id, (question, answer.details["ranking"])


@pytest.fixture(scope="module")
def other_company_engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    root = tmp_path_factory.mktemp("other") / "policy_data"
    shutil.copytree(bundled_policy_dir(), root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    (root / "company.yaml").write_text(yaml.safe_dump(OTHER_COMPANY, allow_unicode=True), encoding="utf-8")
    return AnswerEngine(load_pack(root))


@pytest.mark.parametrize(("question", "lang"), [
    ("Hoeveel vakantiedagen heb ik nog?", "nl"),
    ("Is the printer on the second floor broken again?", "en"),
])
def test_escalation_names_the_other_companys_social_media_manager(
    other_company_engine: AnswerEngine, question: str, lang: str
) -> None:
    answer = other_company_engine.answer(question)
    assert answer.escalate
    assert answer.language == lang
    assert "Piet Bakker" in answer.text
    assert "social@zonnebloem.example" in answer.text


def test_answers_for_another_company_never_name_the_bundled_company(other_company_engine: AnswerEngine) -> None:
    pack, _ = bundled()
    original = {pack.company.name, *pack.company.aliases, pack.company.social_media_manager.name}
    for section in other_company_engine.pack.sections.values():
        for lang in ("nl", "en"):
            for question in [q for faq in section.faqs for q in faq.questions.get(lang, ())][:1]:
                text = other_company_engine.answer(question).text
                assert not any(name in text for name in original), text
