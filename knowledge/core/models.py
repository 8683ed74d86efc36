"""The knowledge base's tables: documents with their sections, items (agreements and
initiatives) with their status history and key dates, meetings, and bodies with members.

Every fact a document gave keeps where it was read (its provenance): the file name, the
heading, the heading path from the top and the character span in the document's text.
Rows keep it in the columns of `Provenance` (status entries, key dates, members) or as
JSON `{"file", "heading", "path", "start", "end"}` objects in `sources` lists (items,
meetings, bodies, agenda items); `path`, `start` and `end` are left out when the reader
did not know them.

Relationships are `lazy="raise"`: a query that needs related rows says so with
`selectinload`, and accidental I/O fails loudly instead of blocking an event loop.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy import (
    text as sql_text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql.expression import false, true


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Provenance:
    """Where a fact was read, as columns: file, heading, heading path and character span."""

    source_file: Mapped[str | None] = mapped_column(String(255))
    # Text: a heading is as long as the document made it, and where a fact was read must
    # never be why a file is refused.
    source_heading: Mapped[str | None] = mapped_column(Text)
    source_path: Mapped[list[Any] | None] = mapped_column(JSON)
    source_start: Mapped[int | None] = mapped_column()
    source_end: Mapped[int | None] = mapped_column()


class Document(Base):
    """A document that was imported: its content hash makes re-imports recognisable.

    `text` is the document's text as read (the text every span points into), so a fact
    can be quoted exactly. A newer version of a file (the same name, other bytes) is a
    document of its own; the older ones point at it with `superseded_by_id`."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    file: Mapped[str] = mapped_column(String(255), index=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    shape: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    document_date: Mapped[date | None] = mapped_column(Date)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    format: Mapped[str] = mapped_column(String(20), default="text", server_default="text")
    source_url: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)  # None for documents imported before 0008
    superseded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL")
    )


class Section(Base):
    """One section of a document: its heading path, its own text and its span in the
    document's text. The document's date and file come through the document row, so all
    passages with their dates are one join away (`knowledge.documents.sections`)."""

    __tablename__ = "sections"
    __table_args__ = (UniqueConstraint("document_id", "ordinal"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column()  # reading order within the document, from 0
    path: Mapped[list[Any]] = mapped_column(default=list)  # headings from the top
    heading: Mapped[str] = mapped_column(Text)  # the last of `path`; "" before any heading
    level: Mapped[int] = mapped_column()
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column()
    end: Mapped[int] = mapped_column()


class Item(Base):
    """An agreement (type "agreement") or an initiative/project (type "initiative")."""

    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    type: Mapped[str] = mapped_column(String(20), index=True)
    kind: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(300))
    area: Mapped[str | None] = mapped_column(String(200))
    region: Mapped[str | None] = mapped_column(String(100), index=True)
    cluster: Mapped[str | None] = mapped_column(String(100), index=True)
    parties: Mapped[list[Any]] = mapped_column(default=list)
    purpose: Mapped[str | None] = mapped_column(Text)
    citizen_impact: Mapped[str | None] = mapped_column(Text)
    budget: Mapped[list[Any]] = mapped_column(default=list)
    aliases: Mapped[list[Any]] = mapped_column(default=list)
    sources: Mapped[list[Any]] = mapped_column(default=list)

    statuses: Mapped[list[StatusEntry]] = relationship(
        back_populates="item",
        lazy="raise",
        cascade="all, delete-orphan",
        order_by="StatusEntry.id",
    )
    dates: Mapped[list[ItemDate]] = relationship(
        back_populates="item",
        lazy="raise",
        cascade="all, delete-orphan",
        order_by="ItemDate.id",
    )


class ItemDate(Provenance, Base):
    """A key date of an item with what it means (approved, in force, ends ...), as one
    document stated it; `fingerprint` makes importing that document again add nothing."""

    __tablename__ = "item_dates"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    what: Mapped[str] = mapped_column(String(20))
    date_end: Mapped[date | None] = mapped_column(Date)  # for a range only
    # Declared after date_end: as a class attribute it hides the type in later annotations.
    date: Mapped[date | None] = mapped_column(Date, index=True)  # None: the text gave none
    date_precision: Mapped[str | None] = mapped_column(String(10))
    year_inferred: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text)  # the date as written
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)

    item: Mapped[Item] = relationship(back_populates="dates", lazy="raise")


class StatusEntry(Provenance, Base):
    """One status of an item, valid from a date, written by a document or a person."""

    __tablename__ = "status_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    category: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_from_precision: Mapped[str | None] = mapped_column(String(10))
    valid_to: Mapped[date | None] = mapped_column(Date)
    author: Mapped[str] = mapped_column(String(300))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    # Set for entries people wrote in chat (knowledge.updates.status_updates); None for documents.
    author_id: Mapped[str | None] = mapped_column(String(100), index=True)  # AAD object id
    conversation_id: Mapped[str | None] = mapped_column(String(400))
    activity_id: Mapped[str | None] = mapped_column(String(200))
    idempotency_key: Mapped[str | None] = mapped_column(String(200), unique=True, index=True)

    item: Mapped[Item] = relationship(back_populates="statuses", lazy="raise")


class Meeting(Base):
    """A meeting of a body: held (minutes exist) or planned (a plan or a mention)."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    body: Mapped[str] = mapped_column(String(200), index=True)
    region: Mapped[str | None] = mapped_column(String(100))
    cluster: Mapped[str | None] = mapped_column(String(100), index=True)
    date: Mapped[date] = mapped_column(Date, index=True)
    date_precision: Mapped[str] = mapped_column(String(10))
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    place: Mapped[str | None] = mapped_column(String(300))
    state: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    # Agenda items: {"number", "title", "decision"}, with "case_text", "recommendation"
    # and "source" when the document gave them.
    agenda: Mapped[list[Any]] = mapped_column(default=list)
    sources: Mapped[list[Any]] = mapped_column(default=list)
    kind: Mapped[str] = mapped_column(String(40), default="møde", server_default="møde")
    year_inferred: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # People as {"name", "role", "affiliation"}: present, and absent (afbud).
    participants: Mapped[list[Any]] = mapped_column(default=list, server_default=sql_text("'[]'"))
    absent: Mapped[list[Any]] = mapped_column(default=list, server_default=sql_text("'[]'"))


class Body(Base):
    """A body (udvalg, styregruppe, klynge, forum ...) named by the documents: one name
    in one region."""

    __tablename__ = "bodies"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    region: Mapped[str | None] = mapped_column(String(100))
    cluster: Mapped[str | None] = mapped_column(String(100))
    sources: Mapped[list[Any]] = mapped_column(default=list)

    members: Mapped[list[Member]] = relationship(
        back_populates="body",
        lazy="raise",
        cascade="all, delete-orphan",
        order_by="Member.id",
    )


class Member(Provenance, Base):
    """A person in a body with their role and whom they represent, as the newest document
    that named them said."""

    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    role: Mapped[str | None] = mapped_column(String(100))
    affiliation: Mapped[str | None] = mapped_column(String(300))

    body: Mapped[Body] = relationship(back_populates="members", lazy="raise")


class Conversation(Base):
    """A chat, channel or team conversation the bot takes part in, and what it said about
    itself: its default region/cluster ("vi er Midtklyngen") and whether it was welcomed."""

    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(400), unique=True)
    tenant_id: Mapped[str | None] = mapped_column(String(100))
    channel_id: Mapped[str] = mapped_column(String(50))
    scope_region: Mapped[str | None] = mapped_column(String(100))
    scope_cluster: Mapped[str | None] = mapped_column(String(100))
    welcomed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # The conversation reference for proactive sends, refreshed on every activity: Teams
    # sends the install event only once, and its service URL can change.
    service_url: Mapped[str | None] = mapped_column(String(400))
    reference: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    inactive_reason: Mapped[str | None] = mapped_column(String(100))


class Revision(Base):
    """A change made to knowledge-base rows in place (forgetting a person anonymises
    their entries): it adds a row here, so the generation that caches are keyed on moves."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    reason: Mapped[str] = mapped_column(String(100))
    made_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class StateDocument(Base):
    """One botbuilder state document (a conversation's or a user's state, a dedupe marker)
    with the e_tag that guards it; `knowledge.state.bot_state` reads and writes these rows."""

    __tablename__ = "bot_state"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    original_key: Mapped[str | None] = mapped_column(Text)  # set when `key` is a hash
    document: Mapped[str] = mapped_column(Text)
    etag: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Editor(Base):
    """A person allowed to update statuses from chat, added in chat or by the CLI."""

    __tablename__ = "editors"

    id: Mapped[int] = mapped_column(primary_key=True)
    aad_id: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    added_by: Mapped[str | None] = mapped_column(String(100))  # AAD id; None from the CLI
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Subscription(Base):
    """A conversation (a person's chat or a channel) that follows a body's, cluster's or
    region's meetings, or an item's status changes. `knowledge.notify.subscriptions` keeps them."""

    __tablename__ = "subscriptions"
    __table_args__ = (UniqueConstraint("conversation_id", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(400), index=True)
    tenant_id: Mapped[str | None] = mapped_column(String(100))
    personal: Mapped[bool] = mapped_column(Boolean)
    target_kind: Mapped[str] = mapped_column(String(20))  # body | cluster | region | item
    target_id: Mapped[str] = mapped_column(String(300), index=True)  # an Entity id
    target_label: Mapped[str] = mapped_column(String(300))
    target_region: Mapped[str | None] = mapped_column(String(100))
    lead_days: Mapped[list[Any]] = mapped_column(default=list)  # [7, 1]; items: []
    created_by_id: Mapped[str | None] = mapped_column(String(100), index=True)
    created_by_name: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CalendarToken(Base):
    """A personal, revocable calendar feed link: /calendar/{slug}/{token}.ics."""

    __tablename__ = "calendar_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    slug: Mapped[str] = mapped_column(String(200))
    target_kind: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[str] = mapped_column(String(300))
    target_label: Mapped[str] = mapped_column(String(300))
    target_region: Mapped[str | None] = mapped_column(String(100))
    owner_id: Mapped[str | None] = mapped_column(String(100), index=True)
    conversation_id: Mapped[str | None] = mapped_column(String(400))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Notification(Base):
    """One message the bot owes a conversation: the outbox is the schedule.

    `key` is unique (subscription, meeting or status entry or import, lead time), so a
    notification is planned once however often planning runs. Times are stored in UTC."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_due", "state", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # reminder | digest | status
    conversation_id: Mapped[str] = mapped_column(String(400), index=True)
    tenant_id: Mapped[str | None] = mapped_column(String(100))
    subscription_id: Mapped[int | None] = mapped_column(index=True)
    meeting_id: Mapped[int | None] = mapped_column(index=True)
    status_entry_id: Mapped[int | None] = mapped_column()
    lead_days: Mapped[int | None] = mapped_column()
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    deadline_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    state: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    activity_id: Mapped[str | None] = mapped_column(String(200))
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
