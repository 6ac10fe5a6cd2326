"""A structural validator for Adaptive Cards 1.5, for the element types the bot emits.

Written from the rules of the published schema (adaptivecards.io/schemas/1.5.0/adaptive-card.json): the
allowed properties of each type, required properties, enum values (the schema accepts them in any case),
property types, and which versions introduced what. It is deliberately strict — an unknown property or
element type is an error even where the schema would tolerate it — so anything new the renderer emits must
be added here after checking the spec. `validate_card(card)` returns a list of problems (empty when valid).
"""

from __future__ import annotations

from typing import Any

SCHEMA_URLS = {"http://adaptivecards.io/schemas/adaptive-card.json",
               "https://adaptivecards.io/schemas/adaptive-card.json",
               "http://adaptivecards.io/schemas/1.5.0/adaptive-card.json"}

SPACING = {"default", "none", "small", "medium", "large", "extralarge", "padding"}
COLORS = {"default", "dark", "light", "accent", "good", "warning", "attention"}
SIZES = {"default", "small", "medium", "large", "extralarge"}
WEIGHTS = {"default", "lighter", "bolder"}
H_ALIGN = {"left", "center", "right"}
FONT_TYPES = {"default", "monospace"}
CONTAINER_STYLES = {"default", "emphasis", "good", "attention", "warning", "accent"}
TEXTBLOCK_STYLES = {"default", "heading"}  # 1.5
ACTION_STYLES = {"default", "positive", "destructive"}
ACTION_MODES = {"primary", "secondary"}  # 1.5
ASSOCIATED_INPUTS = {"auto", "none"}
HEIGHTS = {"auto", "stretch"}

# Properties every element may have (schema: Extendable.Element / Extendable.Item).
ELEMENT_COMMON: dict[str, Any] = {
    "type": str, "id": str, "isVisible": bool, "separator": bool, "spacing": SPACING, "height": HEIGHTS,
    "requires": dict, "fallback": (str, dict),
}
ACTION_COMMON: dict[str, Any] = {
    "type": str, "id": str, "title": str, "iconUrl": str, "style": ACTION_STYLES, "fallback": (str, dict),
    "tooltip": str, "isEnabled": bool, "mode": ACTION_MODES, "requires": dict,
}

ELEMENTS: dict[str, dict[str, Any]] = {
    "TextBlock": {**ELEMENT_COMMON, "text": str, "color": COLORS, "fontType": FONT_TYPES,
                  "horizontalAlignment": H_ALIGN, "isSubtle": bool, "maxLines": int, "size": SIZES,
                  "weight": WEIGHTS, "wrap": bool, "style": TEXTBLOCK_STYLES},
    "Container": {**ELEMENT_COMMON, "items": list, "selectAction": dict, "style": CONTAINER_STYLES,
                  "verticalContentAlignment": {"top", "center", "bottom"}, "bleed": bool,
                  "backgroundImage": (str, dict), "minHeight": str, "rtl": bool},
    "FactSet": {**ELEMENT_COMMON, "facts": list},
    "ActionSet": {**ELEMENT_COMMON, "actions": list},
}
REQUIRED_ELEMENT = {"TextBlock": ("text",), "Container": ("items",), "FactSet": ("facts",),
                    "ActionSet": ("actions",)}

ACTIONS: dict[str, dict[str, Any]] = {
    "Action.Submit": {**ACTION_COMMON, "data": (str, dict), "associatedInputs": ASSOCIATED_INPUTS},
    "Action.Execute": {**ACTION_COMMON, "verb": str, "data": (str, dict), "associatedInputs": ASSOCIATED_INPUTS},
}

CARD: dict[str, Any] = {
    "type": str, "version": str, "$schema": str, "body": list, "actions": list, "fallbackText": str,
    "speak": str, "lang": str, "minHeight": str, "rtl": bool, "selectAction": dict,
    "verticalContentAlignment": {"top", "center", "bottom"}, "backgroundImage": (str, dict),
    "refresh": dict, "authentication": dict, "metadata": dict,
}


def _check_props(obj: dict[str, Any], allowed: dict[str, Any], where: str, problems: list[str]) -> None:
    for key, value in obj.items():
        if key not in allowed:
            problems.append(f"{where}: property {key!r} is not allowed")
            continue
        rule = allowed[key]
        if isinstance(rule, set):
            if not isinstance(value, str) or value.lower() not in rule:
                problems.append(f"{where}: {key}={value!r} is not one of {sorted(rule)}")
        elif rule is bool:
            if not isinstance(value, bool):
                problems.append(f"{where}: {key} must be a boolean")
        elif rule is int:
            if not isinstance(value, int) or isinstance(value, bool):
                problems.append(f"{where}: {key} must be an integer")
        elif not isinstance(value, rule):
            problems.append(f"{where}: {key} has the wrong type ({type(value).__name__})")


def _check_action(action: Any, where: str, problems: list[str]) -> None:
    if not isinstance(action, dict):
        problems.append(f"{where}: an action must be an object")
        return
    kind = action.get("type")
    if kind not in ACTIONS:
        problems.append(f"{where}: unknown action type {kind!r}")
        return
    _check_props(action, ACTIONS[kind], f"{where}<{kind}>", problems)
    data = action.get("data")
    if kind == "Action.Execute" and not action.get("verb") and data is None:
        problems.append(f"{where}: Action.Execute needs a verb or data")
    if kind == "Action.Submit" and isinstance(data, dict) and "msteams" in data:
        msteams = data["msteams"]
        if not isinstance(msteams, dict) or msteams.get("type") not in {"messageBack", "imBack", "invoke",
                                                                         "signin", "task/fetch"}:
            problems.append(f"{where}: data.msteams has an unknown type")
    if "title" not in action or not str(action.get("title", "")).strip():
        problems.append(f"{where}: a button needs a title")


def _check_element(element: Any, where: str, problems: list[str]) -> None:
    if not isinstance(element, dict):
        problems.append(f"{where}: an element must be an object")
        return
    kind = element.get("type")
    if kind not in ELEMENTS:
        problems.append(f"{where}: unknown element type {kind!r}")
        return
    here = f"{where}<{kind}>"
    _check_props(element, ELEMENTS[kind], here, problems)
    for required in REQUIRED_ELEMENT[kind]:
        if required not in element:
            problems.append(f"{here}: missing required {required!r}")
    if kind == "TextBlock":
        if not element.get("wrap"):
            problems.append(f"{here}: wrap must be true (long answers would be cut to one line)")
        if isinstance(element.get("text"), str) and not element["text"].strip():
            problems.append(f"{here}: empty text")
    elif kind == "Container":
        items = element.get("items", [])
        if not items:
            problems.append(f"{here}: items must not be empty")
        for i, item in enumerate(items):
            _check_element(item, f"{here}.items[{i}]", problems)
    elif kind == "FactSet":
        for i, fact in enumerate(element.get("facts", [])):
            if not isinstance(fact, dict) or set(fact) != {"title", "value"} or not all(
                    isinstance(v, str) for v in fact.values()):
                problems.append(f"{here}.facts[{i}]: a fact is exactly {{title, value}} strings")
    elif kind == "ActionSet":
        actions = element.get("actions", [])
        if not actions:
            problems.append(f"{here}: actions must not be empty")
        for i, action in enumerate(actions):
            _check_action(action, f"{here}.actions[{i}]", problems)


def validate_card(card: Any) -> list[str]:
    """Problems with `card` as an Adaptive Card 1.5 for Teams; an empty list when it is valid."""
    problems: list[str] = []
    if not isinstance(card, dict):
        return ["a card must be an object"]
    if card.get("type") != "AdaptiveCard":
        problems.append("type must be 'AdaptiveCard'")
    if card.get("version") != "1.5":
        problems.append(f"version must be '1.5' (Teams' newest), not {card.get('version')!r}")
    if card.get("$schema") not in SCHEMA_URLS:
        problems.append(f"$schema {card.get('$schema')!r} is not the Adaptive Card schema")
    _check_props(card, CARD, "card", problems)
    for i, element in enumerate(card.get("body", [])):
        _check_element(element, f"body[{i}]", problems)
    for i, action in enumerate(card.get("actions", [])):
        _check_action(action, f"actions[{i}]", problems)
    return problems
