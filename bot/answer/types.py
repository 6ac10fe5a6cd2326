"""What an answer is, independent of how it was found or where it is shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Source:
    """A policy section an answer is based on."""

    id: str
    title: str
    score: float = 0.0


@dataclass(frozen=True)
class Answer:
    """An answer to a question, in the asker's language, with its sources best first.

    `escalate` is true when the pack does not cover the question: `text` then points to the
    human social media manager instead of guessing.
    """

    text: str
    language: str
    sources: tuple[Source, ...]
    confidence: float
    escalate: bool
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON shape (product contract, section 3; README "JSON output")."""
        return {
            "answer": self.text,
            "language": self.language,
            "sources": [{"id": s.id, "title": s.title} for s in self.sources],
            "confidence": round(max(0.0, min(1.0, self.confidence)), 3),
            "escalate": self.escalate,
        }
