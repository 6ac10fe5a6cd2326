"""The Typer application objects; command modules attach their commands to these."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="smm",
    help="The virtual social media manager: answers questions about the social media protocol, "
    "reviews draft posts and profiles, and runs the chat bot for Slack, Teams and the terminal.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
policy_app = typer.Typer(help="Check, show and version the policy pack.", no_args_is_help=True)
export_app = typer.Typer(help="Export records as CSV: acknowledgements, and the question log (`export questions`).",
                         no_args_is_help=True)
app.add_typer(policy_app, name="policy")
app.add_typer(export_app, name="export")
