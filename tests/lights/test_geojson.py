"""/lights.geojson: the published lightings on a map, as RFC 7946 GeoJSON."""

import json

import geojson
import pytest
from django.test import Client

from lights.models import Lighting
from tests.factories import lighting_submission

pytestmark = pytest.mark.django_db


def test_the_lights_are_valid_rfc_7946_geojson_with_their_times_and_state(site_at_now):
    answer = Client().get("/lights.geojson")
    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/geo+json"
    collection = geojson.loads(answer.content.decode())
    assert collection.is_valid, collection.errors()
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection  # RFC 7946 removed it: WGS 84 longitude, latitude only
    by_name = {f["properties"]["name"]: f for f in collection["features"]}
    assert set(by_name) == set(Lighting.objects.published().values_list("landmark", flat=True))
    empire = by_name["Empire State Building"]
    lighting = Lighting.objects.get(landmark="Empire State Building")
    # Longitude first.
    assert empire["geometry"] == {
        "type": "Point",
        "coordinates": [float(lighting.longitude), float(lighting.latitude)],
    }
    props = empire["properties"]
    assert (props["city"], props["country"], props["time_zone"]) == (
        "New York",
        "United States",
        "America/New_York",
    )
    assert props["starts_at"] == lighting.starts_at.isoformat().replace("+00:00", "Z")
    assert props["starts_local"].endswith("-05:00")
    assert props["state"] in {"lit", "upcoming", "ended", "tba"}
    assert props["url"] == f"http://127.0.0.1:8000/lights/#lighting-{lighting.pk}"
    adler = by_name["Adler Planetarium and other downtown buildings"]["properties"]
    assert (adler["state"], adler["starts_at"]) == ("tba", None)


def test_the_map_data_is_cacheable_and_a_repeat_is_a_304(site_at_now):
    client = Client()
    first = client.get("/lights.geojson")
    assert first["Cache-Control"] == "public, max-age=60"
    assert client.get("/lights.geojson", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_the_map_data_leaves_out_unpublished_lightings_and_the_submitters_address(site_at_now):
    Client().post("/lights/submit/", lighting_submission())
    body = Client().get("/lights.geojson").content.decode()
    assert "Pasadena City Hall" not in body
    assert "clerk@example.org" not in body and "submitter" not in body


def test_the_map_data_speaks_the_language_of_its_address(site_at_now):
    features = json.loads(Client().get("/es/lights.geojson").content)["features"]
    empire = next(f for f in features if f["properties"]["city"] == "Nueva York")
    assert empire["properties"]["country"] == "Estados Unidos"
    assert empire["properties"]["state_label"] in {
        "Iluminado ahora",
        "Próximamente",
        "Terminada",
        "Horario por anunciar",
    }


def test_the_lights_page_links_its_map_data(site_at_now):
    page = Client().get("/lights/").content.decode()
    assert '<link rel="alternate" type="application/geo+json" href="/lights.geojson"' in page
    assert 'href="/lights.geojson" type="application/geo+json"' in page
