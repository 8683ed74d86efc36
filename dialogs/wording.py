"""What Klyngebot says, in Danish and English: every phrase the cards and texts use.

Phrases are `str.format` templates keyed by a short name; `say(key, lang, **values)` fills
one in. Layout lives in the card modules, words live here, so a change of wording is one
line and both languages sit side by side.
"""

from __future__ import annotations

from knowledge.core.chat import Lang

_PHRASES: dict[str, tuple[str, str]] = {
    # items
    "as_of": ("pr. {when}", "as of {when}"),
    "status_unknown": ("Status ukendt", "Status unknown"),
    "source": ("Kilde: {source}", "Source: {source}"),
    "parties": ("Parter", "Parties"),
    "no_parties": ("Videnbasen nævner ikke parterne.", "The knowledge base names no parties."),
    "budget": ("Budget", "Budget"),
    "no_budget": ("Videnbasen har ikke noget budget.", "The knowledge base has no budget."),
    "budget_total": ("I alt", "Total"),
    "amount": ("{amount} kr.", "DKK {amount}"),
    "items": ("Aftaler og initiativer", "Agreements and initiatives"),
    "no_items": ("Ingen aftaler eller initiativer passer.", "No agreements or initiatives match."),
    "changes": ("Ændringer siden {date}", "Changes since {date}"),
    "earlier": ("Tidligere", "Earlier"),
    "key_dates": ("Datoer", "Dates"),
    "dates_of": ("Datoer – {title}", "Dates – {title}"),
    "what_is": ("Hvad er det?", "What is it?"),
    "overview": ("Overblik – {title}", "Overview – {title}"),
    "latest_decisions": ("Seneste beslutninger", "Latest decisions"),
    "people": ("Hvem – {about}", "Who – {about}"),
    "coming_meetings": ("Kommende møder", "Coming meetings"),
    "no_coming_meetings": ("Ingen kommende møder i videnbasen.", "No coming meetings known."),
    "no_changes": ("Ingen ændringer siden {date}.", "No changes since {date}."),
    # meetings
    "next_meeting": ("Næste møde – {scope}", "Next meeting – {scope}"),
    "next_meetings": ("Næste møder – {scope}", "Next meetings – {scope}"),
    "meetings": ("Møder – {scope}", "Meetings – {scope}"),
    "no_meetings": (
        "Videnbasen har ingen møder for {scope}.",
        "The knowledge base has no meetings for {scope}.",
    ),
    "day_not_set": ("{month} (dag ikke fastlagt)", "{month} (day not set)"),
    "clock": ("kl. {span}", "{span}"),
    "held": ("afholdt", "held"),
    "planned": ("planlagt", "planned"),
    "cancelled": ("aflyst", "cancelled"),
    "agenda_more": ("+{count} punkter mere", "+{count} more items"),
    "agenda_more_one": ("+1 punkt mere", "+1 more item"),
    "decisions": ("Beslutninger – {subject}", "Decisions – {subject}"),
    "no_decisions": (
        "Videnbasen har ingen beslutninger om {subject}.",
        "The knowledge base has no decisions on {subject}.",
    ),
    "agenda_point": ("Punkt {number}: {title}", "Item {number}: {title}"),
    # paging
    "shown_of": ("Viser {shown} af {total}.", "Showing {shown} of {total}."),
    "show_more": ("Vis flere", "Show more"),
    # conversation
    "did_you_mean": ("Mente du …?", "Did you mean …?"),
    "ambiguous": ("Spørgsmålet passer på flere ting.", "Your question fits more than one thing."),
    "unsure": ("Jeg er ikke sikker på, hvad du mener.", "I'm not sure what you mean."),
    "history_by": ("Af {author}", "By {author}"),
    "history_empty": ("Ingen status endnu.", "No status yet."),
    "history_not_found": (
        "Jeg fandt ingen aftale eller initiativ med det navn.",
        "I found no agreement or initiative by that name.",
    ),
    "not_known": (
        "Det ved jeg ikke noget om i videnbasen.",
        "I don't have that in the knowledge base.",
    ),
    "try_asking": ("Prøv fx at spørge:", "You could ask:"),
    "known_lacking": (
        "Dokumenterne nævner {known}, men ikke {what}.",
        "The documents mention {known}, but not {what}.",
    ),
    "known_elsewhere": (
        "Videnbasen har {known} i {there}, men ikke i {place}.",
        "The knowledge base has {known} in {there}, but not in {place}.",
    ),
    "lacking_date": ("hvornår", "when"),
    "lacking_person": ("hvem det er", "who it is"),
    "lacking_amount": ("beløbet", "the amount"),
    "lacking_fact": ("„{words}“", "“{words}”"),
    "lacking_any": ("det, du spørger om", "what you ask"),
    "overview_of": ("Vis overblik over {known}", "Show an overview of {known}"),
    "smalltalk_greeting": (
        "Hej! Spørg mig om aftaler, initiativer, møder og beslutninger – eller skriv „hjælp“.",
        "Hi! Ask me about agreements, initiatives, meetings and decisions – or type “help”.",
    ),
    "smalltalk_thanks": (
        "Selv tak! Skriv bare, hvis der er mere.",
        "You're welcome! Just ask if there is anything else.",
    ),
    "help": ("Det kan jeg hjælpe med", "What I can help with"),
    "help_topics": ("Det kan du spørge om", "What you can ask about"),
    "help_intro": (
        "Jeg svarer ud fra videnbasen om sundhedsaftalen og sundhedsklyngerne, og du kan "
        "skrive til mig, som du plejer. Tryk på et eksempel for at prøve:",
        "I answer from the knowledge base on the health agreement and the health clusters, "
        "and you can write to me as you normally would. Tap an example to try it:",
    ),
    "scope_set": ("Denne chat hører nu til {where}.", "This chat now belongs to {where}."),
    "scope_cleared": (
        "Denne chat hører ikke længere til en bestemt klynge.",
        "This chat no longer belongs to a particular cluster.",
    ),
    "scope_hint": (
        "Når et spørgsmål kan betyde flere ting, går jeg ud fra det.",
        "When a question could mean several things, I'll assume that.",
    ),
    "welcome": ("Hej, jeg er Klyngebot", "Hi, I'm Klyngebot"),
    "welcome_intro": (
        "Spørg mig om aftaler, initiativer, møder og beslutninger i sundhedsklyngerne, med "
        "dine egne ord. Det kan jeg også; tryk på et eksempel for at prøve, eller skriv "
        "„hjælp“ når som helst:",
        "Ask me about agreements, initiatives, meetings and decisions in the health clusters, "
        "in your own words. I can do this too; tap an example to try it, or type “help” at "
        "any time:",
    ),
    "nothing_to_cancel": (
        "Okay. Der er ikke noget i gang, så der er intet at annullere.",
        "Okay. Nothing is going on, so there is nothing to cancel.",
    ),
    "what_did_you_mean": ("Hvad vil du gerne?", "What would you like to do?"),
    "do_ask": ("Få svar på et spørgsmål", "Get an answer"),
    "do_update": ("Opdatere en status", "Update a status"),
    "do_history": ("Se historikken", "See the history"),
    "do_subscriptions": ("Abonnere eller afmelde", "Subscribe or unsubscribe"),
    "do_calendar": ("Få et kalenderlink", "Get a calendar link"),
    "do_corrections": ("Rette min seneste status", "Correct my last status"),
    "do_cancel": ("Annullere", "Cancel"),
    "do_editors": ("Redaktører", "Editors"),
    # status updates
    "update_not_editor": (
        "Kun redaktører kan opdatere status. Spørg en administrator, hvis du skal have adgang.",
        "Only editors can update a status. Ask an administrator if you need access.",
    ),
    "update_ask_item": (
        "Hvilken aftale eller hvilket initiativ vil du opdatere?",
        "Which agreement or initiative do you want to update?",
    ),
    "update_not_found": (
        "Jeg kan ikke finde „{text}“.",
        "I can't find “{text}”.",
    ),
    "update_did_you_mean": ("Mente du {title}?", "Did you mean {title}?"),
    "update_suggestions_pick": ("Mente du en af disse?", "Did you mean one of these?"),
    "update_or_retype": ("Ellers skriv navnet igen.", "Or type the name again."),
    "update_retype_item": ("Skriv navnet igen.", "Please type the name again."),
    "update_which": ("Hvilken mener du?", "Which one do you mean?"),
    "update_skip": ("Spring over", "Skip"),
    "answer_yes": ("Ja", "Yes"),
    "answer_no": ("Nej", "No"),
    "update_ask_status": (
        "Hvad er den nye status for {title}? Nu: {old}.",
        "What is the new status of {title}? Now: {old}.",
    ),
    "update_ask_note": (
        "Skriv en kort note om ændringen, eller „spring over“.",
        "Write a short note about the change, or “skip”.",
    ),
    "update_note_too_long": (
        "Noten må højst være {limit} tegn (din er {length}).",
        "The note may be at most {limit} characters (yours is {length}).",
    ),
    "update_confirm": (
        "{title}: {old} → {new}.",
        "{title}: {old} → {new}.",
    ),
    "update_confirm_note": ("Note: {note}", "Note: {note}"),
    "update_confirm_ask": ("Skal jeg gemme det? (ja/nej)", "Shall I save it? (yes/no)"),
    "update_answer_yes_no": ("Svar „ja“ eller „nej“.", "Answer “yes” or “no”."),
    "update_pick_number": (
        "Svar med et nummer fra listen eller navnet.",
        "Answer with a number from the list or the name.",
    ),
    "update_pick_status": (
        "Svar med et nummer eller en status: {labels}.",
        "Answer with a number or a status: {labels}.",
    ),
    "update_saved": ("Status opdateret.", "Status updated."),
    "update_not_saved": ("Jeg har ikke gemt noget.", "Nothing was saved."),
    "update_cancelled": (
        "Det er annulleret. Jeg har ikke gemt noget.",
        "Cancelled. Nothing was saved.",
    ),
    "update_gave_up": (
        "Det kunne jeg ikke forstå, så jeg stopper her. Jeg har ikke gemt noget. "
        "Skriv „opdater status“ for at prøve igen.",
        "I couldn't understand that, so I'll stop here. Nothing was saved. "
        "Type “update status” to try again.",
    ),
    "update_changed_meanwhile": (
        "Status for {title} er blevet ændret i mellemtiden, nu: {now}.",
        "The status of {title} was changed meanwhile, now: {now}.",
    ),
    "update_refused": ("Det kunne ikke gemmes: {reason}", "That could not be saved: {reason}"),
    "update_unknown_item": (
        "Aftalen eller initiativet findes ikke (længere).",
        "The agreement or initiative does not exist (any more).",
    ),
    "update_invalid_status": (
        "Vælg en af de viste statusser.",
        "Choose one of the statuses shown.",
    ),
    "update_missing": ("Der mangler {fields} i formularen.", "The form lacks {fields}."),
    "update_form_title": ("Opdater status: {title}", "Update status: {title}"),
    "update_form_status": ("Ny status", "New status"),
    "update_form_note": ("Note (valgfri)", "Note (optional)"),
    "update_form_note_hint": ("Hvad er ændret?", "What has changed?"),
    "update_form_save": ("Gem", "Save"),
    "update_no_status": ("ingen status", "no status"),
    "help_update_item": (
        "Jeg skal vide, hvilken aftale eller hvilket initiativ du vil opdatere. "
        "Skriv navnet, fx „IV-aftalen“. Skriv „annuller“ for at stoppe.",
        "I need to know which agreement or initiative to update. "
        "Type its name, e.g. “the IV agreement”. Type “cancel” to stop.",
    ),
    "help_update_choice": (
        "Flere passer på navnet. Tryk på den, du mener, eller skriv dens nummer, region "
        "eller en del af navnet, fx „den midtjyske“. Skriv „annuller“ for at stoppe.",
        "Several fit the name. Tap the one you mean, or type its number, region or part of "
        "its name, e.g. “the Syddanmark one”. Type “cancel” to stop.",
    ),
    "help_update_status": (
        "Vælg den nye status med et nummer eller ord, fx „i gang“. Skriv „annuller“ for at stoppe.",
        "Choose the new status by number or word, e.g. “in progress”. Type “cancel” to stop.",
    ),
    "help_update_note": (
        "Noten fortæller de andre, hvad der er sket (højst {limit} tegn). "
        "Skriv „spring over“ for ingen note, eller „annuller“ for at stoppe.",
        "The note tells the others what happened (at most {limit} characters). "
        "Type “skip” for no note, or “cancel” to stop.",
    ),
    "help_update_confirm": (
        "Svar „ja“ for at gemme ændringen eller „nej“ for at lade være.",
        "Answer “yes” to save the change or “no” not to.",
    ),
    # subscriptions
    "sub_meetings_of": ("{owner} møder", "the meetings of {label}"),
    "sub_status_of": ("statusændringer for {label}", "status changes of {label}"),
    "sub_place_channel": ("kanalen", "the channel"),
    "sub_place_chat": ("chatten", "this chat"),
    "sub_you": ("Du abonnerer nu på {what}.", "You are now subscribed to {what}."),
    "sub_you_already": (
        "Du abonnerer allerede på {what}.",
        "You are already subscribed to {what}.",
    ),
    "sub_by": ("{name} abonnerede {place} på {what}.", "{name} subscribed {place} to {what}."),
    "sub_place_already": (
        "{name} bad om {what}, men {place} abonnerer allerede på det.",
        "{name} asked for {what}, but {place} is already subscribed to it.",
    ),
    "sub_leads": ("Påmindelser {leads} før, kl. 8.", "Reminders {leads} before, at 8:00."),
    "sub_next_meeting": ("Næste møde", "Next meeting"),
    "sub_first_reminder": ("Første påmindelse", "First reminder"),
    "sub_too_late": (
        "Det er for sent til en påmindelse før dette møde; de næste møder får påmindelser.",
        "It is too late for a reminder before this meeting; the meetings after it get them.",
    ),
    "sub_skipped": (
        "{leads} før er allerede passeret for dette møde, så den påmindelse springes over.",
        "{leads} before has already passed for this meeting, so that reminder is skipped.",
    ),
    "sub_skipped_many": (
        "{leads} før er allerede passeret for dette møde, så de påmindelser springes over.",
        "{leads} before have already passed for this meeting, so those reminders are skipped.",
    ),
    "sub_no_meetings": (
        "Videnbasen har ingen kommende møder for {label} endnu; de får påmindelser, når de kommer.",
        "The knowledge base has no coming meetings for {label} yet; they get reminders once added.",
    ),
    "sub_status_note": (
        "Jeg skriver her, når status ændres.",
        "I'll write here when the status changes.",
    ),
    "sub_what": (
        "Hvad skal jeg holde øje med? Skriv fx „abonner på Midtklyngen“ eller „følg IV-aftalen“.",
        "What shall I keep an eye on? Type e.g. “subscribe to Midtklyngen meetings” "
        "or “follow the IV agreement”.",
    ),
    "sub_bad_leads": (
        "Påmindelser kan komme fra 1 til {most} dage før et møde, fx „3 og 1 dag før“.",
        "Reminders can come from 1 to {most} days before a meeting, e.g. “3 and 1 days before”.",
    ),
    "sub_not_found": (
        "Jeg kender ikke „{text}“ som klynge, region, mødeforum, aftale eller initiativ.",
        "I don't know “{text}” as a cluster, region, meeting body, agreement or initiative.",
    ),
    "sub_suggestions": ("Mente du en af disse?", "Did you mean one of these?"),
    "sub_ambiguous": (
        "„{text}“ passer på flere. Hvilken mener du?",
        "“{text}” fits more than one. Which one do you mean?",
    ),
    "sub_list_personal": ("Dine abonnementer", "Your subscriptions"),
    "sub_list_channel": ("Kanalens abonnementer", "This channel's subscriptions"),
    "sub_list_chat": ("Chattens abonnementer", "This chat's subscriptions"),
    "sub_list_empty": (
        "Der er ingen abonnementer her. Skriv fx „abonner på Midtklyngen“.",
        "There are no subscriptions here. Type e.g. “subscribe to Midtklyngen meetings”.",
    ),
    "sub_list_by": ("Oprettet af {name}, {date}", "Set up by {name}, {date}"),
    "sub_list_next": ("Næste møde {when}", "Next meeting {when}"),
    "sub_list_hint": (
        "Skriv „afmeld <navn>“ for at stoppe et abonnement, eller „afmeld alt“.",
        "Type “unsubscribe from <name>” to stop one, or “unsubscribe all”.",
    ),
    "sub_unsubscribe": ("Afmeld", "Unsubscribe"),
    "sub_gone_you": (
        "Du abonnerer ikke længere på {whats}.",
        "You are no longer subscribed to {whats}.",
    ),
    "sub_gone_by": (
        "{name} afmeldte {place} fra {whats}.",
        "{name} unsubscribed {place} from {whats}.",
    ),
    "sub_gone_none": (
        "Jeg fandt intet abonnement på „{text}“ her.",
        "I found no subscription to “{text}” here.",
    ),
    "sub_gone_nothing": (
        "Der er ingen abonnementer at afmelde her.",
        "There are no subscriptions to end here.",
    ),
    "sub_gone_already": (
        "Det abonnement er allerede afmeldt.",
        "That subscription has already ended.",
    ),
    # calendar links
    "cal_title": ("Kalender for {label}", "Calendar for {label}"),
    "cal_outlook": (
        "I Outlook: Kalender → Tilføj kalender → Abonner fra internettet, og indsæt linket. "
        "Flyttede og aflyste møder opdateres af sig selv.",
        "In Outlook: Calendar → Add calendar → Subscribe from web, and paste the link. "
        "Moved and cancelled meetings update by themselves.",
    ),
    "cal_personal": (
        "Linket er dit eget; del det ikke. Skriv „tilbagekald kalender“ for at lukke det.",
        "The link is your own; don't share it. Type “revoke calendar” to close it.",
    ),
    "cal_shared": (
        "Linket tilhører {name}, men alle her kan se det. "
        "Skriv „tilbagekald kalender“ for at lukke det, og bed mig om et nyt i en privat chat.",
        "The link belongs to {name}, but everyone here can see it. "
        "Type “revoke calendar” to close it, and ask me for a new one in a private chat.",
    ),
    "cal_what": (
        "Hvilken klynge eller hvilket mødeforum? Skriv fx „kalender for Midtklyngen“.",
        "Which cluster or meeting body? Type e.g. “calendar for Midtklyngen”.",
    ),
    "cal_revoked": (
        "Jeg har lukket {count} kalenderlinks. De virker ikke længere.",
        "I closed {count} calendar links. They no longer work.",
    ),
    "cal_revoked_one": (
        "Jeg har lukket dit kalenderlink. Det virker ikke længere.",
        "I closed your calendar link. It no longer works.",
    ),
    "cal_revoked_none": ("Du har ingen åbne kalenderlinks.", "You have no open calendar links."),
    # notifications
    "note_reminder": ("Påmindelse: {body}", "Reminder: {body}"),
    "note_is": ("Mødet er {relative}.", "The meeting is {relative}."),
    "note_today": ("i dag", "today"),
    "note_tomorrow": ("i morgen", "tomorrow"),
    "note_in_days": ("om {count} dage", "in {count} days"),
    "note_when": ("Hvornår", "When"),
    "note_where": ("Hvor", "Where"),
    "note_agenda": ("Dagsorden", "Agenda"),
    "note_status": ("Ny status: {title}", "New status: {title}"),
    "note_by": ("Af {author}", "By {author}"),
    "note_digest": ("Nyt fra videnbasen: {count} ændringer", "News: {count} changes"),
    "note_digest_one": ("Nyt fra videnbasen: 1 ændring", "News: 1 change"),
    "note_added": ("Nyt møde: {body}", "New meeting: {body}"),
    "note_moved": ("Flyttet: {body}", "Moved: {body}"),
    "note_was": ("Før: {when}", "Was: {when}"),
    "note_cancelled": ("Aflyst: {body}", "Cancelled: {body}"),
    "note_following": ("Abonnement: {labels}", "Subscription: {labels}"),
    "note_unsubscribe_hint": (
        "Skriv „afmeld {label}“ for ikke at få flere.",
        "Type “unsubscribe from {label}” to get no more.",
    ),
}

_TOPICS: dict[Lang, tuple[tuple[str, str], ...]] = {
    "da": (
        ("Status", "hvor langt en aftale eller et initiativ er"),
        ("Datoer", "hvornår noget blev godkendt, trådte i kraft eller slutter"),
        ("Møder", "næste møde, eller møderne i en periode"),
        ("Beslutninger", "hvad der er besluttet om noget, eller på et møde"),
        ("Lister", "aftaler og initiativer efter region, klynge eller status"),
        ("Ændringer", "hvad der har ændret sig siden en dato"),
        ("Parter og budget", "hvem der er med, og hvad det koster"),
        ("Chattens klynge", "skriv „Vi er Midtklyngen“, så går jeg ud fra Midtklyngen"),
    ),
    "en": (
        ("Status", "how far an agreement or initiative has come"),
        ("Dates", "when something was approved, came into force or ends"),
        ("Meetings", "the next meeting, or the meetings in a period"),
        ("Decisions", "what was decided about something, or at a meeting"),
        ("Lists", "agreements and initiatives by region, cluster or status"),
        ("Changes", "what has changed since a date"),
        ("Parties and budget", "who is involved, and what it costs"),
        ("The chat's cluster", "type “We are Midtklyngen” and I'll assume Midtklyngen"),
    ),
}

# Everything Klyngebot does in chat, each with an example to tap: (what, how, example).
_CAPABILITIES: dict[Lang, tuple[tuple[str, str, str], ...]] = {
    "da": (
        (
            "Spørg",
            "om status, møder, beslutninger, parter, budget og ændringer",
            "Hvad er status på Kom trygt Hjem?",
        ),
        (
            "Opdater en status",
            "sig det med dine egne ord, gerne alt på én gang med en note",
            "Jeg vil gerne opdatere en status",
        ),
        ("Historik", "alle statusser for en aftale, nyeste først", "Hvad er der sket med KTH?"),
        (
            "Påmindelser",
            "før møderne i en klynge eller et mødeforum, eller når en status ændres",
            "Påmind mig før møderne i Midtklyngen",
        ),
        ("Stop påmindelser", "én eller alle", "Stop mine påmindelser"),
        (
            "Kalender",
            "et link til møderne, som Outlook holder opdateret",
            "Kan jeg få møderne i Midtklyngen ind i min kalender?",
        ),
        ("Annuller", "stop en samtale undervejs; intet bliver gemt", "Glem det"),
    ),
    "en": (
        (
            "Ask",
            "about status, meetings, decisions, parties, budgets and changes",
            "What is the status of Kom trygt Hjem?",
        ),
        (
            "Update a status",
            "in your own words, even all at once with a note",
            "Let me update a status",
        ),
        ("History", "every status of an agreement, newest first", "Show the history of KTH"),
        (
            "Reminders",
            "before the meetings of a cluster or body, or when a status changes",
            "Remind me before the Midtklyngen meetings",
        ),
        ("Stop reminders", "one or all of them", "I don't want any more reminders"),
        (
            "Calendar",
            "a link to the meetings that Outlook keeps up to date",
            "Add the Midtklyngen meetings to my calendar",
        ),
        ("Cancel", "stop a conversation halfway; nothing is saved", "Never mind"),
    ),
}


def say(key: str, lang: Lang, **values: object) -> str:
    """The phrase `key` in `lang`, with `values` filled in."""
    danish, english = _PHRASES[key]
    return (danish if lang == "da" else english).format(**values)


def count(key: str, lang: Lang, number: int) -> str:
    """The phrase for `number` things: `key + "_one"` for exactly one, else `key`."""
    return say(f"{key}_one" if number == 1 else key, lang, count=number)


def topics(lang: Lang) -> tuple[tuple[str, str], ...]:
    """What can be asked: (topic, what it covers) pairs."""
    return _TOPICS[lang]


def capabilities(lang: Lang) -> tuple[tuple[str, str, str], ...]:
    """Everything Klyngebot does in chat: (what, how, an example to tap) for help and the
    welcome."""
    return _CAPABILITIES[lang]
