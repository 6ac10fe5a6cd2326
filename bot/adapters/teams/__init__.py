"""The Microsoft Teams adapter (Bot Framework, botbuilder 4.17).

Kept thin on purpose — translation and rendering only — so it can move to the Microsoft 365 Agents SDK
(botbuilder-python is archived) by replacing `component.py`, `bot.py` and `translate.py`; `cards.py`,
`auth.py` and `outbound.py` import no botbuilder and carry over as they are.

- `cards`: neutral replies as Adaptive Cards 1.5 (pure).
- `translate`: activities to neutral requests, replies to activities.
- `bot`: the turn logic (`TeamsBot.on_turn`), used by CloudAdapter and by botbuilder's TestAdapter.
- `auth`: the Bot Framework token check that never blocks the event loop and fails closed.
- `outbound`: per-conversation pacing and retries on 429/412/502/504.
- `component`: `POST /api/messages` and the `teams` sender for proactive messages.
- `package`: the Teams app package (manifest and icons) for `smm teams-package`.
"""

from __future__ import annotations
