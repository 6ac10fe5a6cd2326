"""`check_profile`: private or corporate, what the profile needs, in the bio's language."""

from __future__ import annotations

import pytest
from test_review_engine import make_review_pack

from bot.policy import PolicyPack, load_pack
from bot.review.profile import check_profile, handle_parts


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> PolicyPack:
    return load_pack(make_review_pack(tmp_path_factory.mktemp("profile") / "pack"))


def test_nickname_reads_private(pack: PolicyPack) -> None:
    result = check_profile(pack, "Fietsfreak_88")
    assert result.kind == "private" and not result.handle_names_employer
    assert "private-vs-corporate-accounts" in result.sections


def test_person_plus_company_reads_corporate(pack: PolicyPack) -> None:
    for handle in ("IlseBakker_Kompas", "@ilse.bakker.kompas", "kompas-ilsebakker", "IlseBakkerKompasFietsen"):
        result = check_profile(pack, handle, language="en")
        assert result.kind == "corporate", handle
        assert result.matched_name is not None


def test_fuzzy_and_case_insensitive(pack: PolicyPack) -> None:
    assert check_profile(pack, "JanKOMPASS").kind in {"corporate", "company"}


def test_handle_that_looks_like_the_company_is_impersonation(pack: PolicyPack) -> None:
    for handle in ("Kompas", "kompas_official", "KompasNL", "kompas_support"):
        result = check_profile(pack, handle, language="nl")
        assert result.kind == "company", handle
        assert "account-security" in result.sections


def test_bio_naming_the_employer_needs_the_disclaimer(pack: PolicyPack) -> None:
    result = check_profile(pack, "Fietsfreak_88", bio="Monteur bij Kompas. Dol op racefietsen.")
    assert result.bio_names_employer and not result.has_disclaimer
    assert result.language == "nl"
    assert any("persoonlijke titel" in a.text for a in result.advice)


def test_disclaimer_is_recognised(pack: PolicyPack) -> None:
    result = check_profile(pack, "ilse_rides", bio="Mechanic at Kompas. Opinions are my own.")
    assert result.bio_names_employer and result.has_disclaimer
    assert result.language == "en"
    assert any("already" in a.text for a in result.advice)


def test_to_json_shape(pack: PolicyPack) -> None:
    data = check_profile(pack, "IlseBakker_Kompas", bio="Sales at Kompas").to_json()
    assert data["kind"] == "corporate"
    assert {"handle", "language", "kind", "summary", "advice", "sections", "has_disclaimer"} <= set(data)
    assert all({"text", "section"} == set(a) for a in data["advice"])


def test_handle_parts() -> None:
    assert handle_parts("KarelFransen_Acme") == ["karel", "fransen", "acme"]
    assert handle_parts("@Fransie_69") == ["fransie", "69"]
