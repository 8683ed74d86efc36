"""The TurnContext Klyngebot's adapter makes: botbuilder's, with replies copied shallowly.

botbuilder 4.17.1's `send_activities` deep-copies every outgoing activity before it stamps
the conversation reference on it, so that the caller's activity stays as it was. The
stamping only sets top-level attributes (channel, locale, service URL, conversation,
from, recipient, reply-to id; type, input hint and id), so a shallow copy keeps the
caller's activity just as unchanged, without copying each card's whole JSON tree: that
copy was 3 % of a question's CPU and a quarter of a proactive send's. The rest is
botbuilder's method as it is (expect-replies buffering, `responded`, the send handlers).
`LeanCloudAdapter` is botbuilder's CloudAdapter making these contexts.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from copy import copy
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity, ActivityTypes, DeliveryModes, ResourceResponse


class LeanTurnContext(TurnContext):  # type: ignore[misc]
    async def send_activities(self, activities: list[Activity]) -> list[ResourceResponse]:
        reference = TurnContext.get_conversation_reference(self.activity)
        output = [
            _validated(TurnContext.apply_conversation_reference(copy(activity), reference))
            for activity in activities
        ]
        sent_non_trace = any(activity.type != ActivityTypes.trace for activity in output)

        async def logic() -> list[ResourceResponse]:
            if self.activity.delivery_mode == DeliveryModes.expect_replies:
                responses = []
                for activity in output:
                    self.buffered_reply_activities.append(activity)
                    if activity.type == ActivityTypes.invoke_response:
                        self.turn_state[TurnContext._INVOKE_RESPONSE_KEY] = activity
                    responses.append(ResourceResponse())
            else:
                responses = await self.adapter.send_activities(self, output)
            if sent_non_trace:
                self.responded = True
            return responses

        return await self._emit(self._on_send_activities, output, logic())  # type: ignore[no-any-return]


def _validated(activity: Activity) -> Activity:
    if not getattr(activity, "type", None):
        activity.type = ActivityTypes.message
    if not activity.input_hint:
        activity.input_hint = "acceptingInput"
    activity.id = None
    return activity


class LeanCloudAdapter(CloudAdapter):  # type: ignore[misc]
    def _create_turn_context(
        self,
        activity: Activity,
        claims_identity: Any,
        oauth_scope: str | None,
        connector_client: Any,
        user_token_client: Any,
        logic: Callable[[TurnContext], Awaitable[Any]],
        connector_factory: Any,
    ) -> TurnContext:
        context = LeanTurnContext(self, activity)
        context.turn_state[self.BOT_IDENTITY_KEY] = claims_identity
        context.turn_state[self.BOT_CONNECTOR_CLIENT_KEY] = connector_client
        context.turn_state[self.USER_TOKEN_CLIENT_KEY] = user_token_client
        context.turn_state[self.BOT_CALLBACK_HANDLER_KEY] = logic
        context.turn_state[self.CONNECTOR_FACTORY_KEY] = connector_factory
        context.turn_state[self.BOT_OAUTH_SCOPE_KEY] = oauth_scope
        return context
