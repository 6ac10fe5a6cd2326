"""Reviewing draft posts and profiles against the policy."""

from bot.review.types import SEVERITY_RANK, Finding, Review, verdict_for

__all__ = ["SEVERITY_RANK", "Finding", "Review", "verdict_for"]
