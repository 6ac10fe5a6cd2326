"""The policy pack: the bundled pack validates, renders for any company, and `smm policy check`
reports each kind of problem with file, line and what to do."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.policy import CONTRACT_SECTION_IDS, PolicyError, check_pack, load_pack

OTHER_COMPANY = """\
name: Brouwerij De Gouden Hop
aliases: [Gouden Hop]
products: [Hopblond]
confidential_terms: [Project Mout]
competitors: [Bierhuis Zuid]
social_media_manager:
  name: Ruben Bakker
  contact: online@goudenhop.example
timezone: Europe/Brussels
languages: [nl, en]
"""


@pytest.fixture
def pack_copy(tmp_path: Path, policy_dir: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(policy_dir, target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return target


def run_check(root: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["policy", "check", "--policy-dir", str(root)])
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes is not None else "")


def test_bundled_pack_is_valid_and_complete(policy_dir: Path) -> None:
    assert check_pack(policy_dir) == []
    pack = load_pack(policy_dir)
    assert set(CONTRACT_SECTION_IDS) <= set(pack.sections)
    for section in pack.sections.values():
        for lang in ("nl", "en"):
            text = section.texts[lang]
            assert text.title and len(text.body.split()) > 80, f"{section.id}/{lang} is too thin"
            assert "{" not in text.body.replace("{{", ""), f"unrendered placeholder in {section.id}/{lang}"
        assert section.faqs, f"{section.id} has no FAQ"


def test_version_has_human_number_and_content_hash(pack_copy: Path) -> None:
    before = load_pack(pack_copy)
    assert before.version_label.startswith(before.version + "+")
    body = pack_copy / "sections" / "working-hours" / "en.md"
    body.write_text(body.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    after = load_pack(pack_copy)
    assert after.content_hash != before.content_hash
    assert after.version == before.version


def test_placeholders_render_for_another_company(pack_copy: Path) -> None:
    (pack_copy / "company.yaml").write_text(OTHER_COMPANY, encoding="utf-8")
    pack = load_pack(pack_copy)
    manager = pack.sections["social-media-manager"]
    for lang in ("nl", "en"):
        body = manager.texts[lang].body
        assert "Ruben Bakker" in body and "online@goudenhop.example" in body
    everything = "\n".join(t.body for s in pack.sections.values() for t in s.texts.values())
    assert "Noordlicht" not in everything  # nothing of the bundled example company leaks through
    assert "Eva Jansen" not in everything


def test_check_reports_unknown_company_key_with_line(pack_copy: Path) -> None:
    (pack_copy / "company.yaml").write_text(OTHER_COMPANY + "website: https://example.org\n", encoding="utf-8")
    code, output = run_check(pack_copy)
    assert code != 0
    assert "company.yaml:11: unknown key `website`" in output


def test_check_reports_missing_required_company_key(pack_copy: Path) -> None:
    text = "\n".join(line for line in OTHER_COMPANY.splitlines() if not line.startswith(("social_media_manager", "  ")))
    (pack_copy / "company.yaml").write_text(text + "\n", encoding="utf-8")
    code, output = run_check(pack_copy)
    assert code != 0
    assert "missing required key `social_media_manager`" in output


def test_check_reports_bad_yaml_with_line(pack_copy: Path) -> None:
    faq = pack_copy / "sections" / "working-hours" / "faq.yaml"
    faq.write_text("- question:\n    nl: [Mag ik?, ja]\n    en: Can I?\n  answer: {nl: ja, en: yes\n", encoding="utf-8")
    code, output = run_check(pack_copy)
    assert code != 0
    assert "sections/working-hours/faq.yaml:" in output and "invalid YAML" in output


def test_check_reports_missing_language(pack_copy: Path) -> None:
    (pack_copy / "sections" / "consequences" / "nl.md").unlink()
    code, output = run_check(pack_copy)
    assert code != 0
    assert "section `consequences` has no nl text" in output


def test_check_reports_unknown_section_id_with_suggestion(pack_copy: Path) -> None:
    shutil.copytree(pack_copy / "sections" / "working-hours", pack_copy / "sections" / "working-hour")
    code, output = run_check(pack_copy)
    assert code != 0
    assert "unknown section id `working-hour`" in output and "working-hours" in output


def test_custom_section_is_accepted_and_disabled_section_is_dropped(pack_copy: Path) -> None:
    custom = pack_copy / "sections" / "events"
    custom.mkdir()
    for lang, title in (("nl", "Evenementen"), ("en", "Events")):
        (custom / f"{lang}.md").write_text(
            f"---\ntitle: {title}\ncustom: true\n---\n"
            "Posting from company events is welcome; ask {smm_name} first.\n",
            encoding="utf-8")
    pack_yaml = pack_copy / "pack.yaml"
    pack_yaml.write_text(pack_yaml.read_text(encoding="utf-8").replace(
        "disabled_sections: []", "disabled_sections: [legal-background]"), encoding="utf-8")
    pack = load_pack(pack_copy)
    assert "events" in pack.sections and "legal-background" not in pack.sections
    assert pack.company.social_media_manager.name in pack.sections["events"].texts["en"].body


def test_check_reports_unknown_and_empty_placeholders(pack_copy: Path) -> None:
    (pack_copy / "company.yaml").write_text(OTHER_COMPANY.replace("products: [Hopblond]", "products: []"),
                                            encoding="utf-8")
    target = pack_copy / "sections" / "promoting-the-company" / "en.md"
    target.write_text(target.read_text(encoding="utf-8") + "\nTry {products} and {ceo_name}.\n", encoding="utf-8")
    code, output = run_check(pack_copy)
    assert code != 0
    assert "placeholder `{products}` has no value" in output
    assert "unknown placeholder `{ceo_name}`" in output
    assert "promoting-the-company/en.md:" in output


def test_broken_pack_never_starts_a_bot(pack_copy: Path) -> None:
    (pack_copy / "company.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        load_pack(pack_copy)
    assert any("invalid YAML" in p.message for p in info.value.problems)
    result = CliRunner().invoke(app, ["ask", "--policy-dir", str(pack_copy), "mag ik op LinkedIn?"])
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_check_ok_prints_summary(policy_dir: Path) -> None:
    code, output = run_check(policy_dir)
    assert code == 0, output
    assert "OK:" in output and "version:" in output
