"""The virtual social media manager: answers, reviews and reminders for Slack, Teams and the terminal."""

__version__ = "0.1.0"
