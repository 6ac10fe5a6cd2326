"""What a review is: findings with offsets, and the verdict that follows from them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["low", "medium", "high"]
Verdict = Literal["ok", "caution", "block"]

SEVERITY_RANK: dict[str, int] = {"low": 0, "medium": 1, "high": 2}

# The review rule ids fixed by the product contract (section 2; README "JSON output"), with their usual severity.
RULES: dict[str, Severity] = {
    "confidential-information": "high",
    "personal-data": "high",
    "insulting-language": "high",
    "discrimination": "high",
    "profanity": "medium",
    "undisclosed-promotion": "medium",
    "speaking-on-behalf": "medium",
    "sensitive-topic": "medium",
}


@dataclass(frozen=True)
class Finding:
    """One problem in a post: which rule, where (`text[start:end]`), why, and what to write instead."""

    rule: str
    severity: Severity
    start: int
    end: int
    excerpt: str
    message: str
    suggestion: str
    section: str

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "message": self.message,
            "suggestion": self.suggestion,
            "section": self.section,
        }


def verdict_for(findings: tuple[Finding, ...] | list[Finding]) -> Verdict:
    """`block` for any high finding, `caution` for medium at most, `ok` otherwise (README "JSON output")."""
    worst = max((SEVERITY_RANK[f.severity] for f in findings), default=0)
    if worst >= SEVERITY_RANK["high"]:
        return "block"
    if worst >= SEVERITY_RANK["medium"]:
        return "caution"
    return "ok"


@dataclass(frozen=True)
class Review:
    """The result of reviewing one post. `summary` is a short, kind lead-in in the post's language."""

    verdict: Verdict
    language: str
    findings: tuple[Finding, ...]
    summary: str = ""

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON shape (product contract, section 3; README "JSON output")."""
        return {
            "verdict": self.verdict,
            "language": self.language,
            "findings": [f.to_json() for f in self.findings],
        }
