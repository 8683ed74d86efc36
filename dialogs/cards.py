"""Answers as Teams messages: an Adaptive Card and the same facts as plain text.

`render(answer)` turns any `knowledge.answers.kinds.Answer` into a `dialogs.message.Message`;
`welcome_card(lang)` greets a chat the bot was added to. Neither touches botbuilder: the
bot edge wraps a message into an Activity. Buttons send `data` back as the activity's value:

- {"action": "ask", "question": ..., ["choice": ...]}: treat as if the user typed `question`;
- {"action": "more", "intent": ..., "scope": ..., "shown": n}: the next entries of a list
  whose first `n` (of this page) are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from dialogs.choosing import Option, choice_elements
from dialogs.elements import (
    Content,
    Element,
    buttons,
    card,
    facts,
    heading,
    plain_text,
    section,
    strong,
    submit,
    subtle,
    text,
)
from dialogs.item_cards import changes_content, item_content, list_content
from dialogs.meeting_cards import decisions_content, meetings_content
from dialogs.message import Message
from dialogs.offers import Choice as OfferChoice
from dialogs.offers import Offer, offer
from dialogs.overview_cards import overview_content, passage_content, people_content
from dialogs.turn import language_of
from dialogs.wording import capabilities, say, topics
from knowledge.answers.kinds import (
    Answer,
    ChangesAnswer,
    Choice,
    Clarify,
    DecisionsAnswer,
    HelpAnswer,
    ItemAnswer,
    ListAnswer,
    MeetingsAnswer,
    NotKnown,
    OverviewAnswer,
    PassageAnswer,
    PeopleAnswer,
    ScopeSet,
    SmallTalk,
)
from knowledge.core.chat import Lang

CHOICES_SHOWN = 3
SUGGESTIONS_SHOWN = 4


def render(answer: Answer, *, cards: bool = True) -> Message:
    """The reply to an answer, in the answer's language."""
    content = _CONTENT[type(answer)](answer)
    return _reply(content, answer.lang, cards)


def welcome_card(locale: str) -> Message:
    """Shown once when the bot joins a chat or team: who it is, and questions to try.

    `locale` is a language or locale ("da", "en-GB"); anything not English is Danish.
    """
    lang = language_of(locale)
    body = [heading(say("welcome", lang)), text(say("welcome_intro", lang)), *_capabilities(lang)]
    return _reply(Content(body), lang, True)


def _reply(content: Content, lang: Lang, cards: bool) -> Message:
    plain = plain_text(content)
    return Message(plain, card(content, lang, plain) if cards else None)


def _questions(questions: Sequence[str]) -> list[Element]:
    return [submit(question, {"action": "ask", "question": question}) for question in questions]


def _clarify_content(answer: Clarify) -> Content:
    """ "Did you mean": a button per choice, titled with what tells the choices apart."""
    lang = answer.lang
    shown = answer.choices[:CHOICES_SHOWN]
    options = [Option(choice.id, choice.label, choice.detail) for choice in shown]
    listed, actions = choice_elements(options, [choice_data(choice) for choice in shown])
    body = [heading(say("did_you_mean", lang)), subtle(say(answer.reason, lang)), listed]
    return Content(body, actions, numbered=False)


def choice_data(choice: Choice) -> dict[str, Any]:
    """What a "did you mean" button sends: its question, and the entity it stands for."""
    return {"action": "ask", "question": choice.question, "choice": choice.id}


def clarify_offer(answer: Clarify) -> Offer | None:
    """The same choices for an answer in words ("den midtjyske", "nummer to")."""
    shown = answer.choices[:CHOICES_SHOWN]
    return offer([OfferChoice(c.label, c.detail, choice_data(c)) for c in shown])


def _not_known_content(answer: NotKnown) -> Content:
    if answer.known is not None:
        return _known_content(answer)
    suggestions = answer.suggestions[:SUGGESTIONS_SHOWN]
    body = [text(say("not_known", answer.lang))]
    if suggestions:
        body.append(text(say("try_asking", answer.lang)))
    return Content(body, _questions(suggestions))


def _known_content(answer: NotKnown) -> Content:
    """ "Dokumenterne nævner X, men ikke hvornår": what is known, and what is not."""
    lang, known = answer.lang, answer.known or ""
    if answer.elsewhere and answer.place:
        line = say("known_elsewhere", lang, known=known, there=answer.elsewhere, place=answer.place)
    else:
        line = say("known_lacking", lang, known=known, what=_lacking(answer))
    overview = say("overview_of", lang, known=known)
    button = submit(overview, {"action": "ask", "question": known})
    return Content([text(line)], [button])


def _lacking(answer: NotKnown) -> str:
    if answer.missing == "fact" and answer.asked:
        return say("lacking_fact", answer.lang, words=answer.asked)
    key = f"lacking_{answer.missing}"
    return say(
        key if answer.missing in ("date", "person", "amount") else "lacking_any", answer.lang
    )


def _help_content(answer: HelpAnswer) -> Content:
    """Everything Klyngebot does, each with an example to tap; then what can be asked."""
    lang = answer.lang
    body = [heading(say("help", lang)), text(say("help_intro", lang)), *_capabilities(lang)]
    body += [section([strong(say("help_topics", lang)), facts(topics(lang))])]
    return Content(body)


def _capabilities(lang: Lang) -> list[Element]:
    """A line per thing Klyngebot does, with an example to tap beside it."""
    return [
        {
            "type": "Container",
            "spacing": "Medium",
            "items": [
                text(f"**{what}**: {how}", spacing="None"),
                buttons(_questions([example])),
            ],
        }
        for what, how, example in capabilities(lang)
    ]


def _small_talk_content(answer: SmallTalk) -> Content:
    return Content([text(say(f"smalltalk_{answer.act}", answer.lang))])


def _scope_content(answer: ScopeSet) -> Content:
    lang = answer.lang
    if answer.cluster is None and answer.region is None:
        return Content([text(say("scope_cleared", lang))])
    named = answer.cluster or answer.region
    where = f"{named} ({answer.region})" if answer.cluster and answer.region else named
    return Content([text(say("scope_set", lang, where=where)), subtle(say("scope_hint", lang))])


_CONTENT: dict[type[Any], Callable[[Any], Content]] = {
    ItemAnswer: item_content,
    MeetingsAnswer: meetings_content,
    DecisionsAnswer: decisions_content,
    ListAnswer: list_content,
    ChangesAnswer: changes_content,
    HelpAnswer: _help_content,
    Clarify: _clarify_content,
    NotKnown: _not_known_content,
    ScopeSet: _scope_content,
    OverviewAnswer: overview_content,
    PassageAnswer: passage_content,
    PeopleAnswer: people_content,
    SmallTalk: _small_talk_content,
}
