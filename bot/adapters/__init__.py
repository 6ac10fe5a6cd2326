"""Adapters: translate a platform's payloads into neutral requests and neutral replies back. Nothing else."""
