"""Notifications: the contract for subscribing and delivering (`contract`), subscriptions,
the outbox with its reminders and leases (`outbox`), what imports and chat updates owe
subscribers (`triggers`), and personal calendar feeds (`calendar`).

May import: core, understanding, answers, documents.
"""
