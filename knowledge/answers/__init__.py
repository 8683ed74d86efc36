"""The question engine: the snapshot questions are answered from (rebuilt per generation),
resolving what a question names with a confidence policy, the replies per family of
intents (items, meetings), and the answer kinds the edge renders (`kinds`).

May import: core, understanding.
"""
