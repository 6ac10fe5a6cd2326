"""The policy knowledge base: loading, validating and versioning the pack in `policy_data/`."""

from bot.policy.loader import PolicyError, Problem, check_pack, load_company, load_pack
from bot.policy.model import CONTRACT_SECTION_IDS, LANGUAGES, Company, Faq, PolicyPack, Section, SectionText

__all__ = [
    "CONTRACT_SECTION_IDS",
    "LANGUAGES",
    "Company",
    "Faq",
    "PolicyError",
    "PolicyPack",
    "Problem",
    "Section",
    "SectionText",
    "check_pack",
    "load_company",
    "load_pack",
]
