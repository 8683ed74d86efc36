"""A base for dialogs the user may stop, or ask for help in, at any step.

Before any step sees an answer, "annuller", "cancel" or "stop" ends every dialog (nothing
is saved), and "hjælp" or "help" explains the step that is waiting and asks again. The
step and the language come from the waiting prompt: dialogs built on this base start
their prompts with `PromptOptions.validations = {"step": ..., "lang": ...}`.
"""

from __future__ import annotations

from typing import Any

from botbuilder.dialogs import ComponentDialog, DialogContext, DialogTurnResult, DialogTurnStatus
from botbuilder.schema import ActivityTypes

from dialogs.recognisers import is_cancel, is_help
from knowledge.core.chat import Lang


class InterruptibleDialog(ComponentDialog):  # type: ignore[misc]
    """Subclasses word the messages: `cancelled_text` and `help_text` for a step."""

    async def on_continue_dialog(self, inner_dc: DialogContext) -> DialogTurnResult:
        activity = inner_dc.context.activity
        text = (activity.text or "") if activity.type == ActivityTypes.message else ""
        if is_cancel(text):
            return await self._cancel(inner_dc)
        if is_help(text):
            return await self._help(inner_dc)
        return await super().on_continue_dialog(inner_dc)

    def cancelled_text(self, lang: Lang) -> str:
        raise NotImplementedError

    def help_text(self, step: str, lang: Lang, details: dict[str, Any]) -> str:
        raise NotImplementedError

    async def _cancel(self, inner_dc: DialogContext) -> DialogTurnResult:
        _, lang, _ = waiting_step(inner_dc)
        await inner_dc.context.send_activity(self.cancelled_text(lang))
        return await inner_dc.cancel_all_dialogs()

    async def _help(self, inner_dc: DialogContext) -> DialogTurnResult:
        step, lang, details = waiting_step(inner_dc)
        await inner_dc.context.send_activity(self.help_text(step, lang, details))
        await inner_dc.reprompt_dialog()
        return DialogTurnResult(DialogTurnStatus.Waiting)


def waiting_step(inner_dc: DialogContext) -> tuple[str, Lang, dict[str, Any]]:
    """(step, language, the prompt's validations) of the prompt waiting for an answer."""
    active = inner_dc.active_dialog
    options = active.state.get("options") if active is not None else None
    details = getattr(options, "validations", None)
    if not isinstance(details, dict):
        return "", "da", {}
    lang: Lang = "en" if details.get("lang") == "en" else "da"
    return str(details.get("step", "")), lang, details
