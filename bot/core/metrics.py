"""Prometheus metrics, held in a registry owned by the composition root (no global collectors)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest


class Metrics:
    """The bot's counters and timings; `render()` gives the text exposition for `GET /metrics`."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "smm_requests_total", "Requests handled, by platform, handler and outcome",
            ["platform", "handler", "outcome"], registry=self.registry,
        )
        self.latency = Histogram(
            "smm_request_seconds", "Time to handle a request", ["platform", "handler"], registry=self.registry,
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
        )
        self.duplicates = Counter(
            "smm_duplicate_events_total", "Platform retries dropped as duplicates", ["platform"],
            registry=self.registry,
        )
        self.escalations = Counter(
            "smm_escalations_total", "Questions the policy did not cover", ["platform"], registry=self.registry,
        )
        self.outbox_sent = Counter(
            "smm_outbox_sent_total", "Scheduled messages delivered", ["platform"], registry=self.registry,
        )
        self.outbox_pending = Gauge(
            "smm_outbox_pending", "Scheduled messages waiting to be delivered", registry=self.registry,
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)
