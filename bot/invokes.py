"""Invoke activities: each name answered the way its protocol expects, never with a 5xx.

An invoke is a request Teams waits for (five seconds, then it retries twice and shows
"Unable to reach app"), and its HTTP answer is what the user sees. Klyngebot handles one
name itself, `adaptiveCard/action` (the Action.Execute buttons of its own cards, in
bot/handler.py). Every other name, and an Action.Execute that is not one of ours (a value
not shaped as the protocol says, or one the handler does not take), gets the protocol's
own way of saying "nothing here", at the edge and without a turn where it can be. The
shapes, and where they are documented:

- `adaptiveCard/action` not ours: 200 `{"statusCode": 200, "type":
  "application/vnd.microsoft.activity.message", "value": text}`, the text shown under the
  card. Universal Action Model
  (learn.microsoft.com/adaptive-cards/authoring-cards/universal-action-model) and
  `AdaptiveCardInvokeResponse` (learn.microsoft.com/dotnet/api/
  microsoft.bot.schema.adaptivecardinvokeresponse).
- `task/fetch`, `task/submit`, `composeExtension/fetchTask`, `composeExtension/submitAction`:
  200 `{"task": {"type": "message", "value": text}}`. Dialogs with bots
  (learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/task-modules/
  task-modules-bots); `TaskModuleMessageResponse`: "Teams will display the value of value
  in a popup message box".
- `composeExtension/query`, `/queryLink`, `/anonymousQueryLink`, `/selectItem`,
  `/querySettingUrl`: 200 `{"composeExtension": {"type": "result", "attachmentLayout":
  "list", "attachments": []}}`, an empty result list. `MessagingExtensionResult`
  (learn.microsoft.com/javascript/api/botframework-schema/messagingextensionresult).
- `config/fetch`: 200 `{"responseType": "config", "config": {"type": "continue", "value":
  {title, height, width, card}}}`, a dialog whose card says there is nothing to set up;
  `config/submit`: 200 `{"responseType": "config", "config": {"type": "message", "value":
  text}}`. Bot configuration experience: config/fetch answers continue or auth,
  config/submit continue or message
  (learn.microsoft.com/microsoftteams/platform/bots/how-to/bot-configuration-experience).
- `signin/tokenExchange`: 412 `{"id", "connectionName", "failureDetail"}`, so Teams falls
  back to the sign-in card. `TokenExchangeInvokeResponse`: "Sent with HTTP 412
  (PreconditionFailed) to tell Teams to fall back to the sign-in card"
  (learn.microsoft.com/dotnet/api/microsoft.teams.apps.oauth.tokenexchangeinvokeresponse);
  botbuilder's own TeamsSSOTokenExchangeMiddleware answers a failed exchange the same way.
- `signin/verifyState`, `signin/failure` and any other name: 200 with an empty body,
  acknowledged with nothing to show.

botbuilder 4.17.1 answers all of these 501 (or 500: `signin/tokenExchange` calls a method
its ActivityHandler lacks), and an Action.Execute whose value it cannot read gets a 400
whose body is a msrest model that aiohttp cannot write as JSON. `body_json` writes any body
botbuilder hands back.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import InvokeResponse
from botbuilder.schema import Activity
from msrest.serialization import Model

from bot.wire import to_json

MESSAGE_TYPE = "application/vnd.microsoft.activity.message"
NOT_SUPPORTED = {
    "da": "Det kan Klyngebot ikke her; skriv til Klyngebot i chatten i stedet.",
    "en": "Klyngebot can't do that here; write to Klyngebot in the chat instead.",
}
NOT_OURS = {
    "da": "Den knap hører ikke til Klyngebot.",
    "en": "That button does not belong to Klyngebot.",
}
_TASK = ("task/fetch", "task/submit", "composeExtension/fetchTask", "composeExtension/submitAction")
_SEARCH = (
    "composeExtension/query",
    "composeExtension/queryLink",
    "composeExtension/anonymousQueryLink",
    "composeExtension/selectItem",
    "composeExtension/querySettingUrl",
)


def _lang(activity: Activity) -> str:
    return "en" if (activity.locale or "").lower().startswith("en") else "da"


def unsupported(activity: Activity) -> InvokeResponse | None:
    """The answer to an invoke the bot does not handle; None for the ones it does."""
    name = activity.name if isinstance(activity.name, str) else ""
    if name == "adaptiveCard/action":
        return None if _is_execute(activity.value) else _not_ours(activity)
    text = NOT_SUPPORTED[_lang(activity)]
    if name in _TASK:
        return InvokeResponse(status=200, body={"task": {"type": "message", "value": text}})
    if name in _SEARCH:
        result = {"type": "result", "attachmentLayout": "list", "attachments": []}
        return InvokeResponse(status=200, body={"composeExtension": result})
    if name == "config/fetch":
        return InvokeResponse(
            status=200, body=_config({"type": "continue", "value": _dialog(text)})
        )
    if name == "config/submit":
        return InvokeResponse(status=200, body=_config({"type": "message", "value": text}))
    if name == "signin/tokenExchange":
        return InvokeResponse(status=412, body=_exchange_refused(activity.value))
    return InvokeResponse(status=200)


def _config(config: dict[str, Any]) -> dict[str, Any]:
    return {"responseType": "config", "config": config}


def _dialog(text: str) -> dict[str, Any]:
    card = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": "1.4",
        "body": [{"type": "TextBlock", "text": text, "wrap": True}],
    }
    content_type = "application/vnd.microsoft.card.adaptive"
    card_attachment = {"contentType": content_type, "content": card}
    return {"title": "Klyngebot", "height": "small", "width": "small", "card": card_attachment}


def _exchange_refused(value: Any) -> dict[str, Any]:
    asked = value if isinstance(value, dict) else {}
    return {
        "id": asked.get("id") if isinstance(asked.get("id"), str) else None,
        "connectionName": (
            asked.get("connectionName") if isinstance(asked.get("connectionName"), str) else None
        ),
        "failureDetail": "Klyngebot does not use single sign-on",
    }


def _is_execute(value: Any) -> bool:
    """An Action.Execute's value as the protocol has it: {"action": {"type":
    "Action.Execute", ...}} (botbuilder raises on other shapes before the bot sees them)."""
    action = value.get("action") if isinstance(value, dict) else None
    return isinstance(action, dict) and action.get("type") == "Action.Execute"


def settled(activity: Activity, response: InvokeResponse | None) -> InvokeResponse:
    """What an invoke the bot handled answers: its own answer when it gave one (200),
    otherwise a message saying the button is not one of ours (botbuilder's 501 for one
    the bot did not take, nothing after a failed turn)."""
    if response is not None and response.status == 200:
        return response
    return _not_ours(activity)


def _not_ours(activity: Activity) -> InvokeResponse:
    body = {"statusCode": 200, "type": MESSAGE_TYPE, "value": NOT_OURS[_lang(activity)]}
    return InvokeResponse(status=200, body=body)


def body_json(body: Any) -> Any:
    """An invoke body as JSON: msrest models serialised, plain JSON as it is."""
    if isinstance(body, Model):
        return to_json(body)
    return body
