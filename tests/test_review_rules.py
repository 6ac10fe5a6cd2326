"""Review rules as data: a company adds a rule in YAML without Python; broken rules and examples are reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from pack_support import pack_for_company

from bot.adapters.console import ConsoleAdapter
from bot.app import build_core
from bot.cli.policy import all_pack_problems
from bot.config import Settings
from bot.policy import load_pack
from bot.review.engine import ReviewEngine
from bot.review.rules import RulesError, load_rules

HOSPITAL = """\
name: Ziekenhuis Duinzicht
aliases: [Duinzicht]
products: []
confidential_terms: []
competitors: []
social_media_manager:
  name: Lot Verbeek
  contact: communicatie@duinzicht.example
timezone: Europe/Amsterdam
languages: [nl, en]
"""

PATIENT_RULE = """\
rules:
  patient-on-ward:
    kind: phrases-near
    severity: high
    section: privacy-of-others
    phrases: {nl: [patiënt, patiënte, meneer, mevrouw], en: [patient, mr, mrs]}
    near: {nl: [afdeling, kamer, ic, spoedeisende hulp], en: [ward, room, icu, "a&e"]}
    window: 6
    title: {nl: Patiënt herkenbaar, en: Identifiable patient}
    message: {nl: "Een patiënt is herkenbaar met afdeling of kamer (“{excerpt}”).",
              en: "A patient can be identified by ward or room (“{excerpt}”)."}
    suggestion: {nl: Noem nooit patiënten met hun afdeling of kamer., en: Never name patients with their ward or room.}
"""


@pytest.fixture
def hospital(tmp_path: Path) -> Path:
    pack = pack_for_company(tmp_path / "pack", HOSPITAL)
    (pack / "review" / "rules.yaml").write_text(PATIENT_RULE, encoding="utf-8")
    return pack


def test_a_rule_added_in_yaml_flags_a_post(hospital: Path) -> None:
    engine = ReviewEngine(load_pack(hospital))
    post = "Vandaag lag mevrouw De Wit weer op afdeling 4 bij ons, sterkte!"
    review = engine.review(post)
    found = [f for f in review.findings if f.rule == "patient-on-ward"]
    assert found and review.verdict == "block"
    assert post[found[0].start:found[0].end] == found[0].excerpt
    assert engine.review("De afdeling 4 heeft een nieuwe koffieautomaat").verdict == "ok"


async def test_the_chat_names_the_company_rule(hospital: Path, tmp_path: Path) -> None:
    settings = Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / 'r.db'}",  # type: ignore[call-arg]
                        policy_dir=hospital, admins="console:admin-1")
    app = build_core(settings)
    adapter = ConsoleAdapter(app.dispatcher, user_id="nurse")
    app.services.messenger.register(adapter)
    try:
        reply = await adapter.say("review Patient Mrs Jones in room 12 was so brave today")
    finally:
        app.services.db.dispose()
    assert "Identifiable patient" in reply and "⛔" in reply, reply


def test_built_in_thresholds_can_be_overridden(tmp_path: Path) -> None:
    pack = pack_for_company(tmp_path / "pack", HOSPITAL)
    (pack / "review" / "rules.yaml").write_text("rules:\n  profanity:\n    learned: {flag: 0.99}\n", encoding="utf-8")
    rules = load_rules(pack)
    assert rules["profanity"].learned is not None and rules["profanity"].learned.flag == 0.99
    assert rules["profanity"].severity == "medium"  # the rest comes from the bundled file


@pytest.mark.parametrize(("yaml_text", "message"), [
    ("rules:\n  x-rule:\n    severity: high\n", "needs `kind: phrases`"),
    ("rules:\n  discrimination:\n    kind: phrases\n", "is built in"),
    ("rules:\n  profanity:\n    severity: extreme\n", "severity must be"),
    ("rules:\n  profanity:\n    section: nowhere\n", "unknown section `nowhere`"),
    ("rules:\n  profanity:\n    learned: {flag: 0.2, caution: 0.5}\n", "veto <= caution <= flag"),
    ("rules:\n  profanity:\n    colour: red\n", "unknown setting `colour`"),
    ("rules:\n  my-rule:\n    kind: phrases\n    severity: low\n    section: core-values\n"
     "    phrases: {nl: [foo]}\n", "needs `title`, `message`"),
    ("rules: [1, 2]\n", "one mapping `rules:`"),
])
def test_broken_rules_are_reported_with_file_and_line(tmp_path: Path, yaml_text: str, message: str) -> None:
    pack = pack_for_company(tmp_path / "pack", HOSPITAL)
    (pack / "review" / "rules.yaml").write_text(yaml_text, encoding="utf-8")
    problems = all_pack_problems(pack)
    assert any(message in p.message and p.file.name == "rules.yaml" for p in problems), problems
    with pytest.raises(RulesError):
        load_rules(pack, frozenset(load_pack(pack).sections) if "section" not in message else None) \
            if "unknown section" not in message else load_rules(pack, frozenset({"core-values"}))


def test_company_examples_teach_the_bot(tmp_path: Path) -> None:
    pack = pack_for_company(tmp_path / "pack", HOSPITAL)
    before = ReviewEngine(load_pack(pack))
    post = "De nieuwe MRI-scanner draait al op halve kracht sinds de storing van dinsdag"
    (pack / "review" / "examples.yaml").write_text(
        "examples:\n"
        f"  - text: \"{post}\"\n"
        "    labels: [confidential-information]\n", encoding="utf-8")
    after = ReviewEngine(load_pack(pack))
    assert "confidential-information" in {f.rule for f in after.review(post).findings}
    assert before.learned is not None and after.learned is not None


@pytest.mark.parametrize(("yaml_text", "message"), [
    ("examples:\n  - text: hoi\n    labels: [rude]\n", "unknown rule id `rude`"),
    ("examples:\n  - labels: []\n", "needs a non-empty `text`"),
    ("examples:\n  - text: hoi {boss}\n", "unknown placeholder {boss}"),
    ("voorbeelden: []\n", "one list `examples:`"),
])
def test_broken_examples_are_reported(tmp_path: Path, yaml_text: str, message: str) -> None:
    pack = pack_for_company(tmp_path / "pack", HOSPITAL)
    (pack / "review" / "examples.yaml").write_text(yaml_text, encoding="utf-8")
    assert any(message in p.message for p in all_pack_problems(pack))
