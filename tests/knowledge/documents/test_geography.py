"""The region and cluster a document is about."""

from __future__ import annotations

import pytest

from knowledge.documents.geography import (
    document_cluster,
    document_region,
    region_of_address,
    region_of_municipality,
)


@pytest.mark.parametrize(
    ("url", "region"),
    [
        ("https://www.rm.dk/politik/udvalg/", "Region Midtjylland"),
        ("https://rn.dk/service/nyhed?id=1", "Region Nordjylland"),
        ("https://edagsorden.regionh.dk/cms/x.html", "Region Hovedstaden"),
        ("https://www.regionsjaelland.dk/politik/", "Region Sjælland"),
        ("https://www.regionsyddanmark.dk/wm1", "Region Syddanmark"),
        ("https://www.kl.dk/nyheder/kkr/kkr-sjaelland/x/", "Region Sjælland"),
        ("https://www.frederikssund.dk/politik/", "Region Hovedstaden"),
        ("https://www.eksempel.dk/side/", None),
        (None, None),
    ],
)
def test_the_region_an_address_names(url: str | None, region: str | None) -> None:
    assert region == region_of_address(url)


def test_municipalities_belong_to_their_region() -> None:
    assert ("Region Nordjylland", "Region Syddanmark", None) == (
        region_of_municipality("Hjørring Kommune"),
        region_of_municipality("Aabenraa"),
        region_of_municipality("Østby"),
    )


def test_the_region_from_names_and_municipalities_in_the_text() -> None:
    text = "Kommunerne Hjørring, Thisted og Aalborg samarbejder med de nordjyske hospitaler."

    assert "Region Nordjylland" == document_region(text)


def test_a_text_split_between_regions_has_no_region() -> None:
    assert None is document_region("Aalborg og Aarhus samarbejder.")


def test_a_cluster_counts_only_in_its_own_region_and_not_in_a_mailbox() -> None:
    text = "Midtklyngen mødes. Midtklyngen planlægger. Midtklyngen evaluerer."

    assert "Midtklyngen" == document_cluster(text, "Region Midtjylland")
    assert None is document_cluster(text, "Region Hovedstaden")
    assert None is document_cluster("Skriv til Midtklyngen@eksempel.dk " * 3, None)


def test_a_broken_address_names_no_region() -> None:
    assert (None, None) == (
        region_of_address("http://[broken/side"),
        document_cluster("Tekst.", None, "http://[broken/side"),
    )
