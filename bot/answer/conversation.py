"""What a chat message is besides a standalone question: small talk, a follow-up on the previous question,
or a question about the protocol itself (what changed, which topics it has).

Every matcher here is deliberately small and anchored to the whole message, so a real question that happens
to start with "hoi" or "and" is still answered as a question.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from typing import Literal

FOLLOW_UP_SECONDS = 5 * 60   # a follow-up refers to a question asked at most this long ago
FOLLOW_UP_MAX_WORDS = 6       # longer messages are questions of their own
FOLLOW_UP_MAX_CONTENT = 2     # words besides platforms and filler a follow-up may add ("als het privé is")
MEMORY_CONVERSATIONS = 1000   # conversations remembered at once (least recently used dropped first)
MAX_REMEMBERED_CHARS = 1000   # a remembered question is cut to this length

SmallTalkKind = Literal["greeting", "thanks", "ack", "bye"]
Intent = Literal["small_talk", "changes", "sections"]

# Phrase -> (kind, language or None when it says nothing about the language).
_SMALL_TALK: dict[str, tuple[SmallTalkKind, str | None]] = {}


def _add(kind: SmallTalkKind, language: str | None, *phrases: str) -> None:
    for phrase in phrases:
        _SMALL_TALK[phrase] = (kind, language)


_add("greeting", "nl", "hoi", "hallo", "hai", "hee", "heej", "hoihoi", "goedemorgen", "goedemiddag",
     "goedenavond", "goede morgen", "goede middag", "goedenmiddag", "goeiemorgen", "goeiemiddag", "moi")
_add("greeting", "en", "hi", "hello", "hiya", "howdy", "good morning", "good afternoon", "good evening",
     "hi there", "hello there", "hey there")
_add("greeting", None, "hey", "yo")
_add("thanks", "nl", "bedankt", "dank je", "dankje", "dank u", "dankjewel", "dank je wel", "dank u wel",
     "dankuwel", "hartelijk dank", "heel erg bedankt", "heel veel dank", "super bedankt", "top bedankt",
     "alvast bedankt", "thanks alvast", "merci")
_add("thanks", "en", "thanks", "thank you", "thx", "ty", "cheers", "many thanks", "thanks a lot",
     "thank you very much", "thanks so much", "thank you so much", "much appreciated", "thanks again")
_add("ack", "nl", "oke", "oké", "okee", "prima", "top", "helder", "duidelijk", "goed", "mooi", "fijn",
     "begrepen", "ik snap het", "oke dan", "ok dan", "goed zo", "klopt")
_add("ack", "en", "okay", "great", "nice", "got it", "understood", "perfect", "alright", "all right",
     "fine", "sure", "ok then", "sounds good")
_add("ack", None, "ok", "k", "cool", "super")
_add("bye", "nl", "doei", "dag", "tot ziens", "tot later", "fijne dag", "doeg", "later", "tot de volgende keer",
     "fijne avond", "fijn weekend", "houdoe")
_add("bye", "en", "bye", "goodbye", "bye bye", "see you", "see ya", "cya", "have a nice day", "have a good day",
     "take care")

_KIND_ORDER: tuple[SmallTalkKind, ...] = ("thanks", "bye", "greeting", "ack")
_MAX_PHRASE_WORDS = max(len(p.split()) for p in _SMALL_TALK)
_ADDRESSEES = frozenset({"bot", "smm", "allemaal", "all", "team", "again", "weer", "nog", "even", "hoor", "wel"})


@dataclass(frozen=True)
class SmallTalk:
    """A message that is only a greeting, thanks, acknowledgement or goodbye (and in which language, if it says)."""

    kind: SmallTalkKind
    language: str | None


def _words(text: str) -> list[str]:
    """Lower-case words with punctuation, symbols and emoji dropped (apostrophes join: "you're")."""
    cleaned = []
    for char in unicodedata.normalize("NFC", text.lower()):
        category = unicodedata.category(char)
        if category[0] in "LN":
            cleaned.append(char)
        elif char in "'’":
            continue
        else:
            cleaned.append(" ")
    return "".join(cleaned).split()


def small_talk(text: str) -> SmallTalk | None:
    """The small talk `text` is, or None when it is (or contains) anything else, such as a question.

    The whole message must be small-talk phrases once punctuation and emoji are dropped ("Thanks! 👍",
    "hoi bot", "ok, bedankt"); a message of emoji only ("👍") is an acknowledgement.
    """
    stripped = text.strip()
    if not stripped or len(stripped) > 80 or "?" in stripped:
        return None
    words = _words(stripped)
    if not words:
        # Only symbols: emoji such as 👍 🙏 😊 are small talk; plain punctuation ("...", "?") is not.
        has_symbol = any(unicodedata.category(c) == "So" for c in stripped)
        return SmallTalk("ack", None) if has_symbol else None
    kinds: list[SmallTalkKind] = []
    languages: list[str] = []
    position = 0
    while position < len(words):
        for size in range(min(_MAX_PHRASE_WORDS, len(words) - position), 0, -1):
            phrase = " ".join(words[position:position + size])
            if phrase in _SMALL_TALK:
                kind, language = _SMALL_TALK[phrase]
                kinds.append(kind)
                if language is not None:
                    languages.append(language)
                position += size
                break
        else:
            if words[position] in _ADDRESSEES and kinds:
                position += 1
                continue
            return None
    kind = next(k for k in _KIND_ORDER if k in kinds)
    language = max(set(languages), key=languages.count) if languages else None
    if languages and languages.count("nl") == languages.count("en"):
        language = languages[-1]
    return SmallTalk(kind, language)


# -- questions about the protocol itself --------------------------------------------------------------------

_PROTOCOL = r"(?:(?:het|de|dit|ons|onze|the|this|our)\s+)?(?:social[- ]?media[- ]?)?" \
            r"(?:protocol|beleid|richtlijnen|richtlijn|regels|policy|guidelines|rules)"
_CHANGES = re.compile(
    r"^(?:"
    r"wat\s+(?:is|zijn)\s+(?:er\s+)?(?:(?:onlangs|recent|laatst|net)\s+)?(?:veranderd|gewijzigd|nieuw|anders|aangepast)"
    r"(?:\s+(?:in|aan|van)\s+" + _PROTOCOL + r")?(?:\s+(?:sinds|na)\s+.{0,30})?"
    r"|wat\s+(?:zijn|waren)\s+de\s+(?:laatste\s+|recente\s+|nieuwe\s+)?(?:wijzigingen|veranderingen|aanpassingen)"
    r"(?:\s+(?:in|aan|van)\s+" + _PROTOCOL + r")?"
    r"|(?:is|zijn)\s+er\s+(?:iets\s+)?(?:veranderd|gewijzigd|wijzigingen|veranderingen|nieuw)"
    r"(?:\s+(?:in|aan|van)\s+" + _PROTOCOL + r")?"
    r"|wat\s+is\s+er\s+nieuw\s+in\s+" + _PROTOCOL +
    r"|what(?:'s|’s|\s+is|\s+has)?\s+(?:(?:recently|just)\s+)?(?:changed|new|different)"
    r"(?:\s+(?:in|to|about|with)\s+" + _PROTOCOL + r")?(?:\s+(?:since|recently|lately).{0,30})?"
    r"|what\s+(?:are|were)\s+the\s+(?:latest\s+|recent\s+|last\s+|new\s+)?(?:changes|updates)"
    r"(?:\s+(?:in|to|of)\s+" + _PROTOCOL + r")?"
    r"|(?:has|have)\s+(?:anything|something|there\s+been\s+any\s+changes?)\s*(?:changed)?"
    r"(?:\s+(?:in|to)\s+" + _PROTOCOL + r")?"
    r"|(?:did|has)\s+" + _PROTOCOL + r"\s+change(?:d)?"
    r"|(?:is|zijn)\s+" + _PROTOCOL + r"\s+(?:veranderd|gewijzigd|aangepast)"
    r")$"
)
_SECTIONS = re.compile(
    r"^(?:"
    r"(?:mag|kan)\s+ik\s+" + _PROTOCOL + r"\s+(?:helemaal\s+)?(?:lezen|inzien|zien|bekijken|downloaden)"
    r"|(?:mag|kan)\s+ik\s+(?:het|de)\s+(?:hele|gehele|volledige|complete)\s+(?:social[- ]?media[- ]?)?"
    r"(?:protocol|beleid|richtlijnen|regels|tekst)(?:\s+\w+){0,2}\s+(?:lezen|inzien|zien|bekijken|downloaden)"
    r"|(?:waar|hoe)\s+(?:kan|vind|lees)\s+ik\s+(?:het\s+(?:hele\s+)?)?(?:protocol|beleid)(?:\s+\w+){0,2}"
    r"|welke\s+(?:onderwerpen|onderdelen|hoofdstukken|secties|thema'?s)\s+(?:staan|zitten|komen)\s+"
    r"(?:er\s+)?(?:in\s+" + _PROTOCOL + r"|erin)(?:\s+aan\s+bod)?"
    r"|welke\s+(?:onderwerpen|onderdelen|hoofdstukken|secties|thema'?s)\s+(?:heeft|behandelt|bevat|kent)\s+"
    + _PROTOCOL +
    r"|wat\s+staat\s+er\s+(?:allemaal\s+)?in\s+" + _PROTOCOL +
    r"|(?:geef|toon|laat)\s+(?:me|mij)\s+(?:alle\s+onderwerpen|het\s+(?:hele\s+)?(?:protocol|beleid)|de\s+inhoud)"
    r"(?:\s+(?:van|uit)\s+" + _PROTOCOL + r")?(?:\s+zien)?"
    r"|inhoudsopgave(?:\s+(?:van\s+)?" + _PROTOCOL + r")?"
    r"|(?:can|may)\s+i\s+(?:read|see|view|download)\s+(?:the\s+)?(?:whole|entire|full|complete)\s+"
    r"(?:social[- ]?media\s+)?(?:protocol|policy|guidelines|rules|text)"
    r"|(?:can|may)\s+i\s+(?:read|see|view|download)\s+" + _PROTOCOL +
    r"|where\s+(?:can|do)\s+i\s+(?:find|read|see)\s+" + _PROTOCOL +
    r"|what\s+(?:topics|sections|subjects|parts|chapters)\s+(?:are\s+(?:there\s+)?in|does)\s+" + _PROTOCOL +
    r"(?:\s+(?:cover|have|contain|include))?"
    r"|which\s+(?:topics|sections|subjects|parts|chapters)\s+(?:are\s+(?:there\s+)?in|does)\s+" + _PROTOCOL +
    r"(?:\s+(?:cover|have|contain|include))?"
    r"|what(?:'s|’s|\s+is)\s+in\s+" + _PROTOCOL +
    r"|what\s+does\s+" + _PROTOCOL + r"\s+(?:cover|contain|say)"
    r"|(?:show|list|give)\s+(?:me\s+)?(?:all\s+)?(?:the\s+)?(?:topics|sections|contents|table\s+of\s+contents|"
    r"whole\s+(?:protocol|policy))(?:\s+(?:of|in)\s+" + _PROTOCOL + r")?"
    r"|table\s+of\s+contents"
    r")$"
)


def _normalised(text: str) -> str:
    """Lower case, single spaces, without the closing punctuation and a leading "hoi,"/"hi," or "please"."""
    value = re.sub(r"\s+", " ", text.strip().lower())
    value = re.sub(r"[\s?!.]+$", "", value)
    value = re.sub(r"^(?:hoi|hallo|hi|hello|hey)[,!\s]+", "", value)
    value = re.sub(r"^(?:please|alsjeblieft|graag)[,\s]+|[,\s]+(?:please|alsjeblieft|graag)$", "", value)
    return value.strip()


def intent(text: str) -> Intent | None:
    """"small_talk", "changes" (what changed in the protocol), "sections" (which topics it has), or None for an
    ordinary question."""
    if small_talk(text) is not None:
        return "small_talk"
    value = _normalised(text)
    if len(value) > 120:
        return None
    if _CHANGES.match(value):
        return "changes"
    if _SECTIONS.match(value):
        return "sections"
    return None


# -- follow-ups -------------------------------------------------------------------------------------------

PLATFORMS: tuple[str, ...] = (
    "linkedin", "facebook", "instagram", "insta", "tiktok", "twitter", "x", "teams", "slack", "whatsapp",
    "youtube", "snapchat", "threads", "mastodon", "reddit", "bluesky", "pinterest", "telegram", "discord",
    "twitch", "glassdoor", "yammer", "viva engage", "signal", "github", "medium",
)
_PLATFORM_RE = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in PLATFORMS) + r")(?![\w-])", re.I)
_LEADING = re.compile(
    r"^(?:en|and|ook|also|maar|but|what\s+about|how\s+about|and\s+what\s+about|and\s+how\s+about|wat\s+als|"
    r"en\s+wat\s+als|what\s+if|and\s+if|en\s+als|geldt\s+dat\s+(?:ook\s+)?voor|does\s+that\s+(?:also\s+)?apply\s+to|"
    r"same\s+for|hetzelfde\s+voor|idem\s+voor|zelfde\s+voor|en\s+voor|and\s+for)\b", re.I)
_TRAILING = re.compile(r"\b(?:dan|then|too|ook|as\s+well|also)\s*\?*\s*$", re.I)
# Words a follow-up uses to point back that say nothing about the topic.
_FILLER = frozenset({
    "en", "and", "ook", "also", "maar", "but", "what", "about", "how", "wat", "als", "if", "dan", "then", "too",
    "op", "on", "in", "via", "voor", "for", "met", "with", "bij", "at", "het", "de", "een", "the", "a", "an",
    "is", "it", "that", "dat", "dit", "this", "geldt", "apply", "applies", "does", "same", "hetzelfde",
    "zelfde", "idem", "well", "as", "er", "there", "mijn", "my", "je", "you", "ik", "i", "mag", "can", "kan",
    "zo", "so", "nou", "geval", "case", "van", "of", "to", "naar", "was", "zijn", "are",
})


def is_follow_up(text: str) -> bool:
    """Whether `text` reads as a follow-up on the previous question ("en op tiktok?", "what about Teams?",
    "en als het privé is?"): at most a few words, pointing back at its start or end, adding little of its own."""
    words = _words(text)
    if not words or len(words) > FOLLOW_UP_MAX_WORDS:
        return False
    stripped = text.strip()
    if not (_LEADING.match(stripped) or _TRAILING.search(stripped)):
        return False
    rest = _PLATFORM_RE.sub(" ", " ".join(words))
    content = [w for w in rest.split() if w not in _FILLER]
    return len(content) <= FOLLOW_UP_MAX_CONTENT


def resolve_follow_up(previous: str, follow_up: str) -> str:
    """The question a follow-up asks, for retrieval: the previous question with its platform replaced when both
    name one ("mag ik onder werktijd op Instagram?" + "en op tiktok?"), else both texts together."""
    new_platforms = _PLATFORM_RE.findall(follow_up)
    if new_platforms and _PLATFORM_RE.search(previous):
        first = iter(new_platforms)
        replaced = _PLATFORM_RE.sub(lambda _m: next(first, new_platforms[-1]), previous)
        remainder = _PLATFORM_RE.sub(" ", " ".join(_words(follow_up)))
        extra = [w for w in remainder.split() if w not in _FILLER]
        resolved = f"{replaced} {' '.join(extra)}".strip()
    else:
        resolved = f"{previous.rstrip()} {follow_up.strip()}"
    return resolved[-MAX_REMEMBERED_CHARS:]


class ConversationMemory:
    """The last question per conversation (platform, user, conversation), for follow-ups.

    Questions only, never post texts (those are not questions and never reach here); bounded in size (least
    recently used dropped first) and in time (a question older than `ttl` seconds is forgotten).
    """

    def __init__(self, *, capacity: int = MEMORY_CONVERSATIONS, ttl: float = FOLLOW_UP_SECONDS,
                 clock: object = None) -> None:
        self.capacity = capacity
        self.ttl = ttl
        self._clock = clock if callable(clock) else time.monotonic
        self._items: OrderedDict[tuple[str, str, str], tuple[float, str]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def recall(self, key: tuple[str, str, str]) -> str | None:
        """The conversation's last question when it was asked less than `ttl` seconds ago."""
        item = self._items.get(key)
        if item is None:
            return None
        asked, question = item
        if self._clock() - asked > self.ttl:
            del self._items[key]
            return None
        self._items.move_to_end(key)
        return question

    def remember(self, key: tuple[str, str, str], question: str) -> None:
        """Store the conversation's latest question (cut to `MAX_REMEMBERED_CHARS`)."""
        self._items[key] = (self._clock(), question[:MAX_REMEMBERED_CHARS])
        self._items.move_to_end(key)
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)

    def forget(self, key: tuple[str, str, str]) -> None:
        self._items.pop(key, None)
