"""The published lightings as GeoJSON (RFC 7946), for map apps and anyone's own map: each a
Point at its landmark, with its times (UTC, and on the city's clock with its zone named)
and its state at the moment of asking, in the active language (the address's)."""

import json
from datetime import datetime

from django.conf import settings
from django.urls import reverse

from lights import schedule
from lights.models import Lighting


def _local(moment: datetime | None, lighting: Lighting) -> str | None:
    return moment.astimezone(lighting.zone).isoformat() if moment else None


def _utc(moment: datetime | None) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def lightings_geojson(lightings, *, now: datetime) -> bytes:
    page = settings.SITE_URL + reverse("lights:list")
    features = []
    for lighting in lightings:
        state = schedule.lighting_state(lighting, now=now)
        features.append(
            {
                "type": "Feature",
                "id": lighting.pk,
                # Longitude first (RFC 7946 §3.1.1), six decimals: about 10 cm.
                "geometry": {
                    "type": "Point",
                    "coordinates": [
                        round(float(lighting.longitude), 6),
                        round(float(lighting.latitude), 6),
                    ],
                },
                "properties": {
                    "name": lighting.landmark,
                    "city": lighting.city,
                    "country": lighting.country,
                    "state": state.kind,
                    "state_label": str(state.label),
                    "starts_at": _utc(lighting.starts_at),
                    "ends_at": _utc(lighting.ends_at),
                    "starts_local": _local(lighting.starts_at, lighting),
                    "ends_local": _local(lighting.ends_at, lighting),
                    "time_zone": lighting.time_zone,
                    "note": lighting.note,
                    "url": f"{page}#lighting-{lighting.pk}",
                },
            }
        )
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode()
