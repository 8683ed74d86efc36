"""The Bot Framework edge: HTTP, authentication, the adapter and connector, state storage,
the activity handler's housekeeping, and the notifier's sending loop. One neutral
`dialogs.turn.Turn` is built per activity (`turns`), and `dialogs/` decides what it means.
"""
