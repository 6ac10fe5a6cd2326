"""Answering employees' questions from the policy pack."""

from bot.answer.types import Answer, Source

__all__ = ["Answer", "Source"]
