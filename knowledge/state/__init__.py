"""Conversations and bot state: the conversations the bot is in (scope, welcome,
references for proactive sends), the bot-state documents with their e_tags
(`bot_state`), and the one read every turn starts with (`turn_start`).

May import: core, answers.
"""
