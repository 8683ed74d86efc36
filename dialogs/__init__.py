"""The conversation: what a turn means, and what to say back.

`router` hands each `turn.Turn` to the behaviour whose reading of it scores best (`ask`,
`update`, `history`, `corrections`, `editors`, `subscriptions`, `calendar`, `buttons`;
`welcome` for a new chat); each behaviour names in a Protocol the few facade methods it
needs. Replies leave as `message.Message` values; cards and wording are shared modules.
`status_update` is the one waterfall dialog (botbuilder's dialogs, kept by `bot/`).

May import: knowledge; never bot or app.
"""
