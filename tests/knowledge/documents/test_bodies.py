"""The lexicon of bodies and clusters."""

from __future__ import annotations

import pytest

from knowledge.documents.bodies import (
    Body,
    clusters_named,
    find_bodies,
    find_body,
    main_cluster,
    region_of,
)

MIDT = "Region Midtjylland"
SYD = "Region Syddanmark"
V, H, A, F = "Vestklyngen", "Horsensklyngen", "Aarhusklyngen", "Sundhedsklynge Fyn"


@pytest.mark.parametrize(
    ("cluster", "region"),
    [
        ("Vestklyngen", MIDT),
        ("Aarhusklyngen", MIDT),
        ("Sundhedsklynge Sønderjylland", SYD),
        ("Sundhedsklyngen Sønderjylland", SYD),
        ("Sundhedsklynge Fyn", SYD),
        ("Ukendtklyngen", None),
        (None, None),
    ],
)
def test_region_of_a_cluster_by_any_spelling(cluster: str | None, region: str | None) -> None:
    assert region == region_of(cluster)


@pytest.mark.parametrize(
    ("text", "default_cluster", "expected"),
    [
        ("Vi mødes i KSG", H, Body("Klyngestyregruppen Horsensklyngen", MIDT, H)),
        ("klyngestyregruppen i Vestklyngen", None, Body("Klyngestyregruppen Vestklyngen", MIDT, V)),
        ("Klynge styregruppen godkendte", V, Body("Klyngestyregruppen Vestklyngen", MIDT, V)),
        ("den politiske klyngegruppe", A, Body("Politisk klynge Aarhusklyngen", MIDT, A)),
        ("Politiske sundhedsklynge fredag", V, Body("Politisk klynge Vestklyngen", MIDT, V)),
        (
            "det politiske møde i Horsensklyngen",
            None,
            Body("Politisk klynge Horsensklyngen", MIDT, H),
        ),
        (
            "Sundhedsklynge Fyn-Fagligt strategisk niveau",
            None,
            Body(f"{F} – Fagligt strategisk niveau", SYD, F),
        ),
        ("FSN besluttede", F, Body(f"{F} – Fagligt strategisk niveau", SYD, F)),
        ("Politisk niveau godkendte", F, Body(f"{F} – Politisk niveau", SYD, F)),
        ("Koordinationsforum drøftede", F, Body(f"{F} – Koordineringsforum", SYD, F)),
        (
            "Temagruppe for voksne (somatik)",
            V,
            Body("Temagruppe for voksne (somatik) Vestklyngen", MIDT, V),
        ),
        ("Sundhedsstyregruppen", None, Body("Sundhedsstyregruppen", MIDT, None)),
        ("Sundhedstyregruppen (stavefejl)", None, Body("Sundhedsstyregruppen", MIDT, None)),
        ("Strategisk Sundhedsstyregruppe", None, Body("Strategisk Sundhedsstyregruppe", SYD, None)),
        (
            "Strategisk Sundhedsstyrelse (stavefejl)",
            None,
            Body("Strategisk Sundhedsstyregruppe", SYD, None),
        ),
        ("SSS godkendte", None, Body("Strategisk Sundhedsstyregruppe", SYD, None)),
        ("Sundhedssamarbejdsudvalget", F, Body("Sundhedssamarbejdsudvalget", SYD, None)),
        ("Sundhedssamarbejdsudvalget", None, Body("Sundhedssamarbejdsudvalget", None, None)),
        ("Regionsrådets møde", V, Body("Regionsrådet", MIDT, None)),
    ],
)
def test_find_body_gives_the_canonical_name(
    text: str, default_cluster: str | None, expected: Body
) -> None:
    assert expected == find_body(text, default_cluster=default_cluster)


@pytest.mark.parametrize(
    "text",
    [
        "klyngestyregruppen uden klynge",  # a role with no cluster to resolve it
        "Sundhedsstyrelsen udgav en rapport",  # a national authority, not a body here
        "ksg med små bogstaver er ikke forkortelsen",
        "Koordineringsforum i Vestklyngen",  # Region Midtjylland has no such forum
    ],
)
def test_find_body_names_nothing_it_cannot_resolve(text: str) -> None:
    assert None is find_body(text)


def test_the_longer_name_wins_where_names_overlap() -> None:
    found = find_bodies("Strategisk Sundhedsstyregruppe og Sundhedsstyregruppen")
    assert ["Strategisk Sundhedsstyregruppe", "Sundhedsstyregruppen"] == [
        match.body.name for match in found
    ]
    assert (0, 30) == (found[0].start, found[0].end)


def test_a_role_takes_the_cluster_named_nearest() -> None:
    text = "Vestklyngen og Aarhusklyngen: klyngestyregruppen i Aarhusklyngen"
    body = find_body(text, default_cluster="Horsensklyngen")
    assert body is not None
    assert "Klyngestyregruppen Aarhusklyngen" == body.name


def test_main_cluster_is_the_one_named_most_often() -> None:
    text = "Vestklyngen ... Horsensklyngen ... Vestklyngens møde ... Horsensklyngen ... vestklyngen"
    assert "Vestklyngen" == main_cluster(text)
    assert None is main_cluster("ingen klynge her")


def test_clusters_named_in_order() -> None:
    assert [(0, 18, "Sundhedsklynge Fyn"), (22, 33, "Vestklyngen")] == clusters_named(
        "Sundhedsklynge Fyn og Vestklyngen"
    )
