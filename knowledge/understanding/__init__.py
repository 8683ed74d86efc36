"""Reading a message: the one normaliser (Danish folding, endings, compounds, English
glossary), the vocabulary and the in-memory name index over entities, the cues that say
what is asked, the intent and slots of a question, its language, and when it is about.

May import: core.
"""
