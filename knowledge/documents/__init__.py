"""Documents into the knowledge base: reading a file (`sources`), the general reader
(`reader`: the comment header `headers`, lines `layout`, the heading tree and sections
`sections`, the document's date `dating`, region and cluster `geography`, then what the
text states: `agenda`, `meetings`, bodies `body_names` with `members` and `rosters`,
agreements and initiatives `items` with `kinds`, `item_names`, `key_dates`, `budgets` and
`tables`; one document being read is a `reading`), the precise readers
of known layouts (`shapes/`, merged with the general reader's records by `merge`), the
records they hand over (`records`; meetings `mentions`, `reschedules`, the `bodies` and
geography), applying records to the database (`importer`, matching items and meetings to
stored ones), what an import changed (`changes`), and the export format with its restore
(`exchange`, `schema`).

May import: core.
"""
