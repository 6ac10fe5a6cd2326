"""Strings for asking, reviewing, profiles, help and errors."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # errors
    "error.internal": {
        "nl": "Sorry, daar ging bij mij iets mis. Probeer het zo nog eens; blijft het misgaan, noem dan code {request_id}.",
        "en": "Sorry, something went wrong on my side. Please try again; if it keeps happening, mention code {request_id}.",
    },
    "error.admin_only": {
        "nl": ("Alleen beheerders mogen `{command}` gebruiken. Jouw id is {user}; zet die in SMM_ADMINS "
               "(met komma's tussen de ids, bijvoorbeeld SMM_ADMINS={user}) en start de bot opnieuw. "
               "Vraag het de social media manager als je denkt dat dit niet klopt."),
        "en": ("Only administrators may use `{command}`. Your id is {user}; add it to SMM_ADMINS "
               "(comma-separated, e.g. SMM_ADMINS={user}) and restart the bot. "
               "Ask the social media manager if you think this is wrong."),
    },
    "error.unknown_action": {
        "nl": "Deze knop werkt niet meer. Stel je vraag gerust opnieuw.",
        "en": "This button no longer works. Feel free to ask again.",
    },
    # ask
    "ask.empty": {
        "nl": "Wat wil je weten over het social media protocol? Bijvoorbeeld: `mag ik onder werktijd op LinkedIn?`",
        "en": "What would you like to know about the social media protocol? For example: `can I use LinkedIn at work?`",
    },
    "ask.too_long": {
        "nl": "Je vraag is {length} tekens lang; houd het onder de {limit}. Wil je een bericht laten nakijken? Gebruik dan `review`.",
        "en": "Your question is {length} characters long; keep it under {limit}. Want a post checked? Use `review` instead.",
    },
    "ask.sources": {"nl": "Bronnen", "en": "Sources"},
    "ask.helpful": {"nl": "👍 Nuttig", "en": "👍 Helpful"},
    "ask.not_helpful": {"nl": "👎 Niet nuttig", "en": "👎 Not helpful"},
    "ask.escalate_button": {"nl": "Vraag het de social media manager", "en": "Ask the social media manager"},
    "ask.feedback_thanks": {
        "nl": "Dank je voor je feedback! Daarmee wordt het protocol beter.",
        "en": "Thanks for your feedback! It helps improve the protocol.",
    },
    "ask.feedback_changed": {
        "nl": "Aangepast: je stem is nu {vote}. Je telt één keer mee, met je laatste keuze.",
        "en": "Changed: your vote is now {vote}. You count once, with your latest choice.",
    },
    "ask.feedback_same": {
        "nl": "Je stem ({vote}) staat al genoteerd; hij telt één keer mee.",
        "en": "Your vote ({vote}) is already noted; it counts once.",
    },
    "ask.feedback_not_asker": {
        "nl": "Alleen wie de vraag stelde kan dit antwoord beoordelen. Stel je eigen vraag gerust, dan kun je dat antwoord beoordelen.",
        "en": "Only the person who asked can rate this answer. Feel free to ask it yourself and rate that answer.",
    },
    "ask.feedback_unknown": {
        "nl": "Ik kan die vraag niet meer terugvinden, maar bedankt!",
        "en": "I can no longer find that question, but thank you!",
    },
    "ask.escalated": {
        "nl": "Ik heb je vraag doorgezet naar {name}. Je hoort zo snel mogelijk van hen.",
        "en": "I have passed your question on to {name}. They will get back to you as soon as they can.",
    },
    "ask.escalate_no_channel": {
        "nl": "Neem rechtstreeks contact op met {name}: {contact}.",
        "en": "Please contact {name} directly: {contact}.",
    },
    "ask.escalation_post": {
        "nl": "Vraag van <{user}> die het protocol niet (goed) beantwoordt:",
        "en": "Question from <{user}> that the protocol does not (fully) answer:",
    },
    "ask.escalated_already": {
        "nl": "Deze vraag ligt al bij {name}. Wil je iets toevoegen? Mail dan naar {contact}.",
        "en": "This question is already with {name}. Want to add something? Write to {contact}.",
    },
    "ask.looks_like_post": {
        "nl": "Dit lijkt op een bericht dat je wilt plaatsen. Zal ik het nakijken? Stuur dan `review` gevolgd door je tekst. (Ik heb je tekst niet bewaard.)",
        "en": "This looks like a post you want to publish. Shall I check it? Send `review` followed by your text. (I have not kept your text.)",
    },
    "ask.escalation_link": {"nl": "Naar het gesprek: {link}", "en": "Go to the conversation: {link}"},
    # review
    "review.empty": {
        "nl": "Plak het bericht dat je wilt laten nakijken achter `review`, bijvoorbeeld: `review Trots op ons team!`",
        "en": "Paste the post you want checked after `review`, for example: `review Proud of our team!`",
    },
    "review.too_long": {
        "nl": "Dit bericht is {length} tekens lang; ik kijk berichten tot {limit} tekens na.",
        "en": "This post is {length} characters long; I review posts of up to {limit} characters.",
    },
    "review.verdict.ok": {"nl": "✅ Prima om te plaatsen", "en": "✅ Fine to post"},
    "review.verdict.caution": {"nl": "⚠️ Let op voordat je dit plaatst", "en": "⚠️ Take care before posting this"},
    "review.verdict.block": {"nl": "⛔ Plaats dit zo niet", "en": "⛔ Don't post this as it is"},
    "review.verdict_label": {"nl": "Oordeel", "en": "Verdict"},
    "review.suggestion": {"nl": "Beter", "en": "Instead"},
    "review.private_note": {
        "nl": "Alleen jij ziet dit oordeel. Ik bewaar de tekst van je bericht niet.",
        "en": "Only you can see this review. I do not keep the text of your post.",
    },
    "review.rule.confidential-information": {"nl": "Vertrouwelijke informatie", "en": "Confidential information"},
    "review.rule.personal-data": {"nl": "Persoonsgegevens van anderen", "en": "Other people's personal data"},
    "review.rule.insulting-language": {"nl": "Beledigend taalgebruik", "en": "Insulting language"},
    "review.rule.discrimination": {"nl": "Discriminatie", "en": "Discrimination"},
    "review.rule.profanity": {"nl": "Grof taalgebruik", "en": "Profanity"},
    "review.rule.undisclosed-promotion": {"nl": "Reclame zonder te zeggen dat je hier werkt",
                                          "en": "Promotion without disclosing you work here"},
    "review.rule.speaking-on-behalf": {"nl": "Klinkt als een officiële verklaring",
                                       "en": "Sounds like an official statement"},
    "review.rule.sensitive-topic": {"nl": "Gevoelig onderwerp", "en": "Sensitive topic"},
    "review.severity.high": {"nl": "hoog", "en": "high"},
    "review.severity.medium": {"nl": "middel", "en": "medium"},
    "review.severity.low": {"nl": "laag", "en": "low"},
    # profile
    "profile.usage": {
        "nl": "Gebruik: `profile <accountnaam> [bio]`, bijvoorbeeld `profile KarelFransen_{company} Marketeer bij {company}`.",
        "en": "Usage: `profile <handle> [bio]`, for example `profile KarelFransen_{company} Marketer at {company}`.",
    },
    "profile.reads_as": {"nl": "Dit account leest als", "en": "This account reads as"},
    "profile.kind.private": {"nl": "privé", "en": "private"},
    "profile.kind.corporate": {"nl": "zakelijk", "en": "corporate"},
    "profile.kind.company": {"nl": "een officieel bedrijfsaccount", "en": "an official company account"},
    "profile.needs": {"nl": "Wat je profiel nodig heeft", "en": "What your profile needs"},
    # language preference
    "language.current": {
        "nl": "Je taal is nu `{code}`. Kies een andere met `taal nl` of `taal en`.",
        "en": "Your language is `{code}`. Choose another with `language nl` or `language en`.",
    },
    "language.unset": {
        "nl": "Ik volg de taal waarin je schrijft. Kies er vast een met `taal nl` of `taal en` ({choices}).",
        "en": "I follow the language you write in. Pick one for good with `language nl` or `language en` ({choices}).",
    },
    "language.unknown": {
        "nl": "`{code}` ken ik niet als taal; kies uit {choices}.",
        "en": "I don't know `{code}` as a language; choose from {choices}.",
    },
    "language.set": {
        "nl": "Goed, ik spreek je voortaan in het Nederlands aan, ook in aankondigingen en tips.",
        "en": "Done: from now on I'll use English with you, in announcements and tips too.",
    },
    "help.cmd.language": {"nl": "`taal nl|en`: de taal voor aankondigingen, herinneringen en tips",
                          "en": "`language nl|en`: the language for announcements, reminders and tips"},
    # help
    "help.title": {"nl": "Ik ben de virtuele social media manager van {company}.",
                   "en": "I am {company}'s virtual social media manager."},
    "help.intro": {
        "nl": "Stel me gerust een vraag over het social media protocol, of laat een bericht nakijken voordat je het plaatst.",
        "en": "Ask me anything about the social media protocol, or have a post checked before you publish it.",
    },
    "help.cmd.ask": {"nl": "`<vraag>` of `ask <vraag>`: antwoord uit het protocol, met bronnen",
                     "en": "`<question>` or `ask <question>`: an answer from the protocol, with sources"},
    "help.cmd.review": {"nl": "`review <bericht>`: ik kijk je concepttekst na (alleen jij ziet het oordeel)",
                        "en": "`review <post>`: I check your draft post (only you see the verdict)"},
    "help.cmd.profile": {"nl": "`profile <accountnaam> [bio]`: leest je account als privé of zakelijk?",
                         "en": "`profile <handle> [bio]`: does your account read as private or corporate?"},
    "help.cmd.help": {"nl": "`help`: dit overzicht", "en": "`help`: this overview"},
    "help.admin": {"nl": "Voor beheerders", "en": "For administrators"},
    "help.contact": {
        "nl": "Kom je er niet uit? {name} helpt je graag: {contact}.",
        "en": "Stuck? {name} is happy to help: {contact}.",
    },
}
