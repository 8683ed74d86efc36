"""Documents into the knowledge base: reading a file (`sources`), the document shapes
(`shapes/`) that turn text into records (`records`; meetings `mentions`, `reschedules`,
the `bodies` and geography), applying records to the database (`importer`, matching
items and meetings to stored ones), what an import changed (`changes`), and the export
format with its restore (`exchange`, `schema`).

May import: core.
"""
