"""Replies to questions, one module per family of intents (items, meetings, the chat)."""
