"""Meetings mentioned in passing."""

from __future__ import annotations

from datetime import date, time

from knowledge.core.periods import Period, restore
from knowledge.documents.mentions import meeting_state, meetings_mentioned, merge_meetings, plain
from knowledge.documents.records import MeetingRecord, Source

MIDT = "Region Midtjylland"
VEST = "Vestklyngen"
KSG = "Klyngestyregruppen Vestklyngen"
AS_OF = Period.day(date(2025, 3, 12))


def _found(text: str, **overrides: object) -> list[MeetingRecord]:
    arguments: dict[str, object] = {
        "file": "f.txt",
        "heading": "Punkt 2",
        "line": 10,
        "year": 2025,
        "as_of": AS_OF,
        "default_body": KSG,
        "region": MIDT,
        "cluster": VEST,
    } | overrides
    return meetings_mentioned(text, **arguments)  # type: ignore[arg-type]


def _brief(meetings: list[MeetingRecord]) -> list[tuple[str, str, str, str]]:
    return [(m.body, m.when.iso(), m.when.precision, m.state) for m in meetings]


def test_a_dated_meeting_of_a_named_body_is_recorded_with_every_field() -> None:
    text = (
        "Indledning uden dato.\n"
        "Sundhedsstyregruppen drøftede sagen på sit møde 4. februar 2025 kl. 9.00."
    )
    expected = MeetingRecord(
        body="Sundhedsstyregruppen",
        when=Period.day(date(2025, 2, 4)),
        state="held",
        source=Source("f.txt", "Punkt 2"),
        line=11,
        region=MIDT,
        cluster=None,
        start_time=time(9, 0),
        end_time=None,
        place=None,
        agenda=(),
        note="Sundhedsstyregruppen drøftede sagen på sit møde 4. februar 2025 kl. 9.00.",
    )
    assert [expected] == _found(text)


def test_a_role_word_is_the_documents_own_cluster_body() -> None:
    found = _found("På møde i klyngestyregruppen 20. maj 2025 ser vi på tallene.")
    assert [(KSG, "2025-05-20", "day", "planned")] == _brief(found)
    assert (MIDT, VEST) == (found[0].region, found[0].cluster)


def test_a_month_counts_only_as_moede_i_month_with_the_documents_year() -> None:
    found = _found("Klyngestyregruppen tager emnet op på møde i oktober.")
    assert [(KSG, "2025-10-01", "month", "planned")] == _brief(found)
    assert [] == _found("Klyngestyregruppen holder møder, senest marts 2025.")


def test_a_month_mention_is_dropped_when_the_same_body_meets_that_month() -> None:
    text = "Klyngestyregruppen ser på det på møde i juni.\nKSG holder møde den 11. juni 2025."
    assert [(KSG, "2025-06-11", "day", "planned")] == _brief(_found(text))


def test_no_body_means_no_meeting() -> None:
    assert [] == _found("Sagen genoptages på møde 3. april 2025.")


def test_without_a_cluster_the_default_body_stands_for_a_role_word() -> None:
    found = _found("KSG mødes 2. juni 2025.", cluster=None)
    assert [(KSG, "2025-06-02", "day", "planned")] == _brief(found)
    assert (MIDT, None) == (found[0].region, found[0].cluster)
    assert [] == _found("KSG mødes 2. juni 2025.", cluster=None, default_body=None)


def test_a_bodys_chairs_are_not_the_body_meeting() -> None:
    assert [] == _found("Forslaget går til KSG formandskabet inden møde 8. april 2025.")


def test_a_word_merely_starting_with_moede_is_no_meeting_word() -> None:
    assert [] == _found("Klyngestyregruppen: mødelokale 4 er booket 8. april 2025.")


def test_the_body_nearest_the_meeting_word_is_the_one_meeting() -> None:
    text = "Klyngestyregruppen forbereder sagen til det politiske møde den 7. maj 2025."
    assert [("Politisk klynge Vestklyngen", "2025-05-07", "day", "planned")] == _brief(_found(text))


def test_respectively_pairs_months_with_bodies_in_order() -> None:
    text = (
        "Sagen behandles af Sundhedsstyregruppen og Regionsrådet "
        "på deres møder i hhv. maj og juni 2025."
    )
    assert [
        ("Sundhedsstyregruppen", "2025-05-01", "month", "planned"),
        ("Regionsrådet", "2025-06-01", "month", "planned"),
    ] == _brief(_found(text))


def test_markup_is_ignored() -> None:
    text = "<li>• Jf. referat fra **KSG** møde den [3.2.2025](#link)</li>"
    assert [(KSG, "2025-02-03", "day", "held")] == _brief(_found(text))
    assert "Jf. referat fra KSG møde den 3.2.2025" == plain(
        "- Jf. referat fra **KSG** møde den 3.2.2025"
    )


def test_same_body_and_day_is_one_meeting_and_the_first_wins() -> None:
    text = (
        "KSG holdt møde den 3. marts 2025.\n"
        "På mødet i klyngestyregruppen den 3. marts 2025 blev det aftalt."
    )
    found = _found(text)
    assert 1 == len(found)
    assert 10 == found[0].line


def test_state_by_the_documents_date_else_by_the_tense() -> None:
    march = restore(date(2025, 3, 1), "month")
    assert "held" == meeting_state(Period.day(date(2025, 3, 11)), AS_OF, "skal holdes")
    assert "planned" == meeting_state(Period.day(date(2025, 3, 13)), AS_OF, "blev holdt")
    assert "held" == meeting_state(AS_OF, AS_OF, "Udvalget godkendte forslaget")
    assert "planned" == meeting_state(march, AS_OF, "Udvalget skal drøfte forslaget")
    assert "held" == meeting_state(march, None, "Udvalget har drøftet forslaget")
    assert "planned" == meeting_state(march, None, "Udvalget drøfter forslaget")


def test_merge_keeps_order_and_drops_month_only_duplicates() -> None:
    def meeting(body: str, when: Period) -> MeetingRecord:
        return MeetingRecord(body, when, "planned", Source("f", "h"), 1)

    june = restore(date(2025, 6, 1), "month")
    day = Period.day(date(2025, 6, 11))
    meetings = [meeting("A", june), meeting("B", june), meeting("A", day), meeting("A", day)]
    assert [meeting("B", june), meeting("A", day)] == list(merge_meetings(meetings))


def test_a_meeting_without_a_body_takes_the_body_of_the_sentence_before() -> None:
    text = (
        "Den 3. februar 2025 besluttede Sundhedsstyregruppen at give midler. "
        "På et ekstraordinært møde d. 20. februar 2025 blev planen godkendt."
    )

    assert [("Sundhedsstyregruppen", "2025-02-20", "day", "held")] == _brief(_found(text))


def test_a_meeting_of_named_participants_is_not_the_body_before() -> None:
    text = (
        "Sagen har været drøftet i Sundhedsstyregruppen. "
        "Den blev uddybet på et møde med deltagelse af kommunerne den 20. februar 2025."
    )

    assert [] == _brief(_found(text))


def test_a_case_treated_by_a_body_on_a_day_is_a_meeting() -> None:
    text = "Sagen behandles i Sundhedsstyregruppen den 2. april 2025."

    assert [("Sundhedsstyregruppen", "2025-04-02", "day", "planned")] == _brief(_found(text))


def test_a_date_then_drøftede_then_a_body_is_a_meeting() -> None:
    text = "Den 5. marts 2025 drøftede Sundhedsstyregruppen kortlægningen."

    assert [("Sundhedsstyregruppen", "2025-03-05", "day", "held")] == _brief(_found(text))


def test_discussing_an_agenda_for_another_body_is_no_meeting_of_the_first() -> None:
    text = "Sundhedsstyregruppen drøftede punkterne til Regionsrådet den 2. april 2025."

    assert [] == _brief(_found(text))
