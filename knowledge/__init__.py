"""Klyngebot's domain: the knowledge base and everything it answers, with no chat SDK.

Rooms, each a sub-package named for a capability; arrows point down only (each room's
docstring names what it may import, and tests/test_layering.py holds them to it):

    service.py      the facade: one unit of work per call, the only door for bot/, dialogs/, app.py
    updates/        status updates from chat: the contract, saving exactly once, editors
    notify/         subscriptions, the outbox, reminders, triggers, calendar feeds
    state/          conversations, bot state storage, what a turn reads when it starts
    answers/        the question engine: the snapshot, resolving names, replies, answer kinds
    documents/      reading documents into records, importing them, export and restore
    understanding/  reading a message: normalising, the name index, intents, dates in questions
    core/           models, database, errors, clock, names, dates and periods, status categories

No room imports botbuilder, aiohttp, `bot` or `dialogs`.
"""
