"""Sections as passages, their index and ranking: the passages a search reads (`passages`),
a question as search terms and the kind of fact it asks for (`query`, `kinds`), the terms
and character 4-grams of a text (`features`), the BM25 postings (`postings`), the index
that ranks passages (`index`) and scores how much of the question they hold
(`confidence`), the sentences of a passage (`sentences`), which kinds of fact a sentence
states (`facts`), and the sentence that answers (`quotes`). Pure and in memory; no model.

May import: core, understanding.
"""
