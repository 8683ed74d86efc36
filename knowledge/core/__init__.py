"""The core every room stands on: the tables (`models`), the database (`db`, with its
Alembic `migrations`), the error tree (`errors`), the clock, names and slugs, Danish dates
and periods, status categories and how a status text reads, a chat's language and scope
(`chat`), the identity and order of status entries (`history`, with an item's newest
entry), and a meeting's one serialised shape (`meeting_json`: export, restore, notifications).

May import: nothing else in knowledge.
"""
