"""The question engine: the snapshot questions are answered from (rebuilt per generation),
resolving what a question names with a confidence policy, the replies per family of
intents (items, meetings), answers from the documents' text when the records lack the
fact (`passages`), and the answer kinds the edge renders (`kinds`).

May import: core, understanding, text, documents.
"""
