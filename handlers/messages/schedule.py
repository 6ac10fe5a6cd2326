"""Strings for reminders, tips, policy versions, announcements, acknowledgements and reports."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # help lines
    "help.cmd.tips": {"nl": "`tips off` / `tips on`: geen tips meer ontvangen, of weer wel",
                      "en": "`tips off` / `tips on`: stop receiving tips, or start again"},
    "help.cmd.remind": {"nl": "`remind add|list|pause|resume|delete …`: herinneringen en tips inplannen (`remind` voor de uitleg)",
                        "en": "`remind add|list|pause|resume|delete …`: schedule reminders and tips (`remind` explains)"},
    "help.cmd.announce": {"nl": "`announce [to C1,C2] [nudge N] <tekst>`: mededeling aan iedereen of aan kanalen, met leesbevestiging",
                          "en": "`announce [to C1,C2] [nudge N] <text>`: announcement to everyone or to channels, with read receipts"},
    "help.cmd.policy": {"nl": "`policy` / `policy publish`: huidige protocolversie, of een nieuwe versie publiceren en aankondigen",
                        "en": "`policy` / `policy publish`: current policy version, or publish and announce a new one"},
    "help.cmd.report": {"nl": "`report` / `report acknowledgements`: cijfers, en wie een versie nog niet heeft gelezen",
                        "en": "`report` / `report acknowledgements`: figures, and who has not yet read a version"},
    # tips opt-out
    "tips.off": {"nl": "Goed, je krijgt geen tips meer. Met `tips on` zet je ze weer aan.",
                 "en": "OK, you will no longer receive tips. `tips on` turns them back on."},
    "tips.on": {"nl": "Leuk! Je krijgt weer tips. Met `tips off` zet je ze uit.",
                "en": "Great, you will receive tips again. `tips off` turns them off."},
    "tips.usage": {"nl": "Gebruik `tips off` om geen tips meer te krijgen of `tips on` om ze weer te ontvangen.",
                   "en": "Use `tips off` to stop receiving tips or `tips on` to receive them again."},
    # messages the scheduler sends
    "tip.title": {"nl": "💡 Tip over het social media protocol", "en": "💡 Social media protocol tip"},
    "tip.more": {"nl": "Meer hierover", "en": "More on this"},
    "tip.opt_out": {"nl": "Geen tips meer? Stuur me `tips off`.", "en": "No more tips? Send me `tips off`."},
    "reminder.title": {"nl": "⏰ Herinnering", "en": "⏰ Reminder"},
    "announce.policy.title": {"nl": "Het social media protocol is bijgewerkt (versie {version})",
                              "en": "The social media protocol has been updated (version {version})"},
    "announce.policy.intro": {"nl": "Lees de wijzigingen even door en laat weten dat je ze hebt gelezen.",
                              "en": "Please read the changes and let us know you have read them."},
    "announce.free.title": {"nl": "📣 Mededeling van {name}", "en": "📣 Announcement from {name}"},
    "announce.ack_button": {"nl": "✅ Ik heb het gelezen", "en": "✅ I have read it"},
    "announce.nudge": {"nl": "Herinnering: je hebt dit nog niet als gelezen gemarkeerd.",
                       "en": "Reminder: you have not yet marked this as read."},
    "announce.questions": {"nl": "Vragen? Stel ze mij gerust, of neem contact op met {name} ({contact}).",
                           "en": "Questions? Ask me, or contact {name} ({contact})."},
    "change.added": {"nl": "Nieuw", "en": "New"},
    "change.changed": {"nl": "Gewijzigd", "en": "Changed"},
    "change.removed": {"nl": "Vervallen", "en": "Removed"},
    "change.detail.added": {"nl": "nieuw", "en": "added"},
    "change.detail.removed": {"nl": "geschrapt", "en": "removed"},
    "change.detail.faq_added": {"nl": "nieuwe vraag", "en": "new FAQ"},
    "change.detail.faq_removed": {"nl": "vraag vervallen", "en": "FAQ removed"},
    "change.detail.more": {"nl": "en nog {count}", "en": "and {count} more"},
    "change.none": {"nl": "Geen inhoudelijke wijzigingen in de secties.", "en": "No changes to the content of the sections."},
    "change.first": {"nl": "Eerste vastgelegde versie: {count} secties.", "en": "First recorded version: {count} sections."},
    # acknowledgements
    "ack.thanks": {"nl": "Dank je, genoteerd dat je het hebt gelezen.", "en": "Thank you, noted that you have read it."},
    "ack.already": {"nl": "Je had dit al als gelezen gemarkeerd. Dank je!", "en": "You had already marked this as read. Thank you!"},
    "ack.not_found": {
        "nl": ("Ik ken geen verstuurde mededeling of gepubliceerde protocolversie bij deze knop, dus ik heb niets "
               "genoteerd. Vragen? Neem contact op met {name} ({contact})."),
        "en": ("I don't know of a sent announcement or a published policy version for this button, so I have not "
               "recorded anything. Questions? Please contact {name} ({contact}).")},
    "ack.not_recipient": {
        "nl": ("Deze mededeling is niet aan jou gestuurd, dus ik kan je leesbevestiging niet noteren. Vragen? "
               "Neem contact op met {name} ({contact})."),
        "en": ("This announcement was not sent to you, so I can't record your acknowledgement. Questions? "
               "Please contact {name} ({contact}).")},
    # reminders
    "remind.usage": {
        "nl": ("Zo plan je herinneringen:\n"
               "• `remind add <doel> \"<cron>\" tip` — de volgende tip uit de tiplijst\n"
               "• `remind add <doel> \"<cron>\" text <tekst>` — een vaste tekst\n"
               "• `remind list`, `remind pause <nr>`, `remind resume <nr>`, `remind delete <nr>`\n"
               "<doel> is `users` (iedereen die met mij heeft gepraat) of een kanaal-id. <cron> is minuut uur dag maand weekdag "
               "in {timezone}, bijvoorbeeld \"0 9 * * 1\" = elke maandag om 09:00 (weekdag 0 of 7 = zondag)."),
        "en": ("How to schedule reminders:\n"
               "• `remind add <target> \"<cron>\" tip` — the next tip from the tip list\n"
               "• `remind add <target> \"<cron>\" text <text>` — a fixed text\n"
               "• `remind list`, `remind pause <id>`, `remind resume <id>`, `remind delete <id>`\n"
               "<target> is `users` (everyone who has talked to me) or a channel id. <cron> is minute hour day month weekday "
               "in {timezone}, e.g. \"0 9 * * 1\" = every Monday at 09:00 (weekday 0 or 7 = Sunday)."),
    },
    "remind.error": {"nl": "Dat begrijp ik niet: {problem}.", "en": "I don't understand that: {problem}."},
    "remind.err.subcommand": {"nl": "`{word}` is geen remind-opdracht (add, list, pause, resume, delete)",
                              "en": "`{word}` is not a remind command (add, list, pause, resume, delete)"},
    "remind.err.target": {"nl": "na `add` komt het doel: `users` of een kanaal-id",
                          "en": "`add` needs a target first: `users` or a channel id"},
    "remind.err.cron_missing": {"nl": "na het doel komt het schema tussen aanhalingstekens, bijvoorbeeld \"0 9 * * 1\"",
                                "en": "after the target comes the schedule in quotes, e.g. \"0 9 * * 1\""},
    "remind.err.cron": {"nl": "het schema \"{cron}\" klopt niet ({reason})", "en": "the schedule \"{cron}\" is not valid ({reason})"},
    "remind.err.kind": {"nl": "na het schema komt `tip` of `text <tekst>`", "en": "after the schedule comes `tip` or `text <text>`"},
    "remind.err.text": {"nl": "`text` heeft een tekst nodig", "en": "`text` needs the text to send"},
    "remind.err.id": {"nl": "geef het nummer van de herinnering (zie `remind list`)", "en": "give the reminder's number (see `remind list`)"},
    "remind.err.no_tips": {"nl": "er staan nog geen tips in tips.yaml", "en": "tips.yaml has no tips yet"},
    "remind.not_found": {"nl": "Herinnering {id} bestaat niet. `remind list` toont ze.", "en": "Reminder {id} does not exist. `remind list` shows them."},
    "remind.created": {"nl": "Herinnering {id} staat ingepland: {what} aan {target}, {when}. Volgende keer: {next}.",
                       "en": "Reminder {id} is scheduled: {what} to {target}, {when}. Next time: {next}."},
    "remind.what.tip": {"nl": "de volgende tip", "en": "the next tip"},
    "remind.what.text": {"nl": "een vaste tekst", "en": "a fixed text"},
    "remind.target.users": {"nl": "alle gebruikers", "en": "all users"},
    "remind.target.channel": {"nl": "kanaal {channel}", "en": "channel {channel}"},
    "remind.list.empty": {"nl": "Er zijn geen herinneringen. `remind` legt uit hoe je er een maakt.",
                          "en": "There are no reminders. `remind` explains how to make one."},
    "remind.list.title": {"nl": "Herinneringen", "en": "Reminders"},
    "remind.list.item": {"nl": "#{id}: {what}{text} aan {target}, {when}; volgende keer: {next}",
                         "en": "#{id}: {what}{text} to {target}, {when}; next run: {next}"},
    "remind.list.paused": {"nl": "— (gepauzeerd)", "en": "— (paused)"},
    "remind.reach.no_users": {
        "nl": ("Let op: nu bereikt deze herinnering niemand. Er zijn nog geen bekende gebruikers; wie mij een "
               "bericht stuurt, komt op de lijst."),
        "en": ("Note: this reminder reaches nobody right now. There are no known users yet; people are added when "
               "they first message me.")},
    "remind.reach.tips_off.one": {
        "nl": "Let op: nu bereikt deze tip niemand: de enige bekende gebruiker heeft tips uitgezet (`tips off`).",
        "en": "Note: this tip reaches nobody right now: the one known user has turned tips off (`tips off`)."},
    "remind.reach.tips_off.many": {
        "nl": "Let op: nu bereikt deze tip niemand: alle {count} bekende gebruikers hebben tips uitgezet (`tips off`).",
        "en": "Note: this tip reaches nobody right now: all {count} known users have turned tips off (`tips off`)."},
    "remind.err.channel.console": {
        "nl": ("in de terminal bestaat kanaal `{channel}` niet: hier zijn alleen gesprekken die ik ken, zoals "
               "`{own}`, of gebruik `users`"),
        "en": ("channel `{channel}` does not exist in the terminal: only conversations I know, such as `{own}`, or "
               "use `users`")},
    "remind.err.channel.slack": {
        "nl": ("`{channel}` is geen Slack-kanaal-id; een kanaal-id begint met C of G, bijvoorbeeld C0123ABCD "
               "(in Slack: kanaalnaam > Kanaaldetails, onderaan). Nodig mij eerst uit in het kanaal"),
        "en": ("`{channel}` is not a Slack channel id; channel ids start with C or G, e.g. C0123ABCD (in Slack: "
               "channel name > channel details, at the bottom). Invite me to the channel first")},
    "remind.err.channel.teams": {
        "nl": ("`{channel}` is geen Teams-kanaal dat ik ken; een kanaal-id ziet eruit als "
               "19:…@thread.tacv2. Noem mij eerst een keer in dat kanaal"),
        "en": ("`{channel}` is not a Teams channel I know; a channel id looks like 19:…@thread.tacv2. Mention me "
               "in that channel once first")},
    "remind.err.channel.other": {"nl": "kanaal `{channel}` ken ik niet", "en": "I don't know channel `{channel}`"},
    "remind.paused": {"nl": "Herinnering {id} is gepauzeerd.", "en": "Reminder {id} is paused."},
    "remind.resumed": {"nl": "Herinnering {id} loopt weer. Volgende keer: {next}.", "en": "Reminder {id} is running again. Next time: {next}."},
    "remind.deleted": {"nl": "Herinnering {id} is verwijderd.", "en": "Reminder {id} is deleted."},
    # announcements
    "announce.usage": {
        "nl": ("Gebruik: `announce [to <kanaal-id,kanaal-id>] [nudge <dagen>] <tekst>`. Zonder `to` gaat de mededeling "
               "naar iedereen die met mij heeft gepraat; `nudge 3` herinnert wie na 3 dagen nog niet op ‘gelezen’ drukte."),
        "en": ("Usage: `announce [to <channel-id,channel-id>] [nudge <days>] <text>`. Without `to` the announcement goes "
               "to everyone who has talked to me; `nudge 3` reminds those who have not pressed ‘read’ after 3 days."),
    },
    "announce.err.nudge": {"nl": "`nudge` heeft een aantal dagen nodig (1-60)", "en": "`nudge` needs a number of days (1-60)"},
    "announce.err.to": {"nl": "`to` heeft een of meer kanaal-id's nodig, met komma's ertussen",
                        "en": "`to` needs one or more channel ids, separated by commas"},
    "announce.err.text": {"nl": "de tekst van de mededeling ontbreekt", "en": "the text of the announcement is missing"},
    "announce.preview": {"nl": "Zo ziet de mededeling eruit. Versturen naar {audience}?",
                         "en": "This is how the announcement looks. Send it to {audience}?"},
    "announce.audience.users.zero": {"nl": "niemand: er zijn nog geen bekende gebruikers (iemand die met mij heeft "
                                           "gepraat)", "en": "nobody: there are no known users yet (people who "
                                                             "have talked to me)"},
    "announce.audience.users.one": {"nl": "de 1 bekende gebruiker", "en": "the 1 known user"},
    "announce.audience.users.many": {"nl": "alle {count} bekende gebruikers", "en": "all {count} known users"},
    "announce.audience.channels": {"nl": "kanaal/kanalen {channels}", "en": "channel(s) {channels}"},
    "announce.confirm": {"nl": "Versturen", "en": "Send"},
    "announce.cancel": {"nl": "Annuleren", "en": "Cancel"},
    "announce.sent.zero": {"nl": "Mededeling {id} is verstuurd, maar er was niemand om hem naar te sturen.",
                           "en": "Announcement {id} is sent, but there was nobody to send it to."},
    "announce.sent.one": {"nl": "Mededeling {id} gaat de deur uit: 1 bericht in de wachtrij.",
                          "en": "Announcement {id} is on its way: 1 message queued."},
    "announce.sent.many": {"nl": "Mededeling {id} gaat de deur uit: {count} berichten in de wachtrij.",
                           "en": "Announcement {id} is on its way: {count} messages queued."},
    "announce.cancelled": {"nl": "Mededeling geannuleerd; er is niets verstuurd.", "en": "Announcement cancelled; nothing was sent."},
    "announce.already": {"nl": "Deze mededeling is al verstuurd of geannuleerd.", "en": "This announcement was already sent or cancelled."},
    # policy versions
    "policy.status": {"nl": "Protocol in gebruik (op schijf, uit {folder}): versie {version}.",
                      "en": "Policy in force (on disk, from {folder}): version {version}."},
    "policy.sync.never": {"nl": ("Er is nog geen versie gepubliceerd. `policy publish` legt versie {disk} vast en "
                                 "biedt aan hem aan te kondigen."),
                          "en": ("No version has been published yet. `policy publish` records version {disk} and "
                                 "offers to announce it.")},
    "policy.sync.same": {"nl": "Op schijf en gepubliceerd is dezelfde versie ({version}).",
                         "en": "On disk and published are the same version ({version})."},
    "policy.sync.differs": {
        "nl": ("Let op: ik antwoord uit versie {disk} op schijf ({folder}), maar de laatst gepubliceerde versie is "
               "{published}. Is {folder} het juiste protocol, publiceer het dan met `policy publish`; zo niet, "
               "start de bot opnieuw met SMM_POLICY_DIR op de map van versie {published}."),
        "en": ("Note: I answer from version {disk} on disk ({folder}), but the last published version is "
               "{published}. If {folder} is the right policy, publish it with `policy publish`; if not, restart "
               "the bot with SMM_POLICY_DIR set to the folder of version {published}.")},
    "policy.status.published": {"nl": "Gepubliceerd als versie {version} op {when} door {by}.",
                                "en": "Published as version {version} on {when} by {by}."},
    "policy.status.never": {"nl": "Er is nog geen versie gepubliceerd; `policy publish` legt de huidige vast.",
                            "en": "No version has been published yet; `policy publish` records the current one."},
    "policy.status.unpublished": {"nl": "Let op: de map {folder} bevat wijzigingen die nog niet zijn gepubliceerd.",
                                  "en": "Note: the folder {folder} has changes that are not published yet."},
    "policy.usage": {"nl": "Gebruik `policy` voor de status of `policy publish` om een nieuwe versie te publiceren.",
                     "en": "Use `policy` for the status or `policy publish` to publish a new version."},
    "policy.invalid": {"nl": "Het protocol in {folder} heeft {count} probleem/problemen en is niet gepubliceerd:",
                       "en": "The policy in {folder} has {count} problem(s) and was not published:"},
    "policy.unchanged": {"nl": "Er is niets veranderd sinds versie {version}; niets gepubliceerd.",
                         "en": "Nothing has changed since version {version}; nothing published."},
    "policy.published": {"nl": "Versie {version} is gepubliceerd en in gebruik.", "en": "Version {version} is published and in force."},
    "policy.announce_question.zero": {"nl": "Er zijn nog geen bekende gebruikers om de wijzigingen aan te kondigen.",
                                      "en": "There are no known users yet to announce the changes to."},
    "policy.announce_question.one": {"nl": "Wil je de 1 bekende gebruiker laten weten wat er is veranderd?",
                                     "en": "Do you want to tell the 1 known user what has changed?"},
    "policy.announce_question.many": {"nl": "Wil je alle {count} bekende gebruikers laten weten wat er is veranderd?",
                                      "en": "Do you want to tell all {count} known users what has changed?"},
    # reports
    "report.title": {"nl": "Cijfers", "en": "Figures"},
    "report.questions": {"nl": "Vragen", "en": "Questions"},
    "report.escalations": {"nl": "Doorgezet naar de social media manager", "en": "Escalated to the social media manager"},
    "report.feedback": {"nl": "Feedback 👍 / 👎", "en": "Feedback 👍 / 👎"},
    "report.users": {"nl": "Bekende gebruikers", "en": "Known users"},
    "report.acks": {"nl": "Leesbevestigingen versie {version}", "en": "Acknowledgements of version {version}"},
    "report.ack_line": {"nl": "{acked} van {known} ({percent:.0f}%)", "en": "{acked} of {known} ({percent:.0f}%)"},
    "report.ack_title": {"nl": "Leesbevestigingen van versie {version}", "en": "Acknowledgements of version {version}"},
    "report.ack_missing": {"nl": "Nog niet gelezen (eerste {count}):", "en": "Not yet acknowledged (first {count}):"},
    "report.ack_all": {"nl": "Iedereen heeft deze versie gelezen.", "en": "Everyone has acknowledged this version."},
    "report.no_version": {"nl": "Er is nog geen versie gepubliceerd.", "en": "No version has been published yet."},
    "report.usage": {"nl": ("Gebruik `report`, `report acknowledgements` (laatste versie) of "
                            "`report acknowledgements <nr>` (mededeling nr, zie de bevestiging na `announce`)."),
                     "en": ("Use `report`, `report acknowledgements` (latest version) or "
                            "`report acknowledgements <id>` (announcement id, as confirmed after `announce`).")},
    "report.ack_title_of": {"nl": "Leesbevestigingen van {what}", "en": "Acknowledgements of {what}"},
    "report.label.version": {"nl": "versie {version}", "en": "version {version}"},
    "report.label.announcement": {"nl": "mededeling {id} (“{text}”)", "en": "announcement {id} (“{text}”)"},
    "report.ack_unknown": {"nl": ("Ik ken geen verstuurde mededeling of versie `{which}`. Geef het nummer van een "
                                  "verstuurde mededeling (bijvoorbeeld `report acknowledgements 3`) of v<nr> van "
                                  "een versie."),
                           "en": ("I know of no sent announcement or version `{which}`. Give the id of a sent "
                                  "announcement (e.g. `report acknowledgements 3`) or v<id> for a version.")},
    "report.latest.escalated": {"nl": "Laatst doorgezette vragen", "en": "Latest escalated questions"},
    "report.latest.unanswered": {"nl": "Laatste vragen zonder antwoord uit het protocol (of met 👎)",
                                 "en": "Latest questions the policy did not answer (or that got a 👎)"},
    "report.latest.none": {"nl": "Geen.", "en": "None."},
    "report.latest.more": {"nl": "Alle vragen: `smm export questions --since JJJJ-MM-DD --csv vragen.csv`.",
                           "en": "Every question: `smm export questions --since YYYY-MM-DD --csv questions.csv`."},
}
