"""Every public URL and fragment answers as recorded: same status, headers, text and markup.

A guard for changes that must not show (a restructure, a refactor of templates): with the
clock frozen and the seed content loaded, each URL below is requested and its answer reduced
to what a visitor or a cache sees — the status, the headers, the visible text, the elements
with their ids, classes and attributes, the emails sent (whitespace between elements and
line breaks do not count; a space inside running text does) — and compared with
``tests/public_responses.json``.

When a change is meant to show, record the answers again and review the file's diff:

    RECORD_PUBLIC_RESPONSES=1 .venv/bin/python -m pytest tests/test_public_responses.py
"""

import difflib
import hashlib
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import time_machine
from django.core import mail
from django.test import Client

from events.models import Event, Rsvp
from missions.models import Mission
from tests.conftest import SITE_NOW as NOW

RECORDED = Path(__file__).with_name("public_responses.json")
RECORD = bool(os.environ.get("RECORD_PUBLIC_RESPONSES"))
HX = {"HTTP_HX_REQUEST": "true"}

# Headers whose values differ per request by design.
RANDOM_VALUES = [
    (re.compile(r"'nonce-[^']+'"), "'nonce-…'"),
    (re.compile(r"csrftoken=[^;]+"), "csrftoken=…"),
    # Attendee tokens made by new_token() (the fixture's own are "token-<status>").
    (re.compile(r"/rsvp/(?!token-)[A-Za-z0-9_:-]+/"), "/rsvp/…/"),
]
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "head", "header", "hr", "html", "li", "main", "nav", "ol", "optgroup", "option",
    "p", "section", "select", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr",
    "ul", "svg", "g", "desc", "text", "circle", "line", "polyline", "image", "meta", "link",
    "script", "input", "button", "label", "textarea",
}  # fmt: skip


class Reader(HTMLParser):
    """The visible text (a space where a block starts or ends) and every element's markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.elements: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if ("name", "csrfmiddlewaretoken") in attrs:  # each visitor's own
            attrs = [(k, "…" if k == "value" else v) for k, v in attrs]
        shown = " ".join(f"{k}={unrandom(' '.join((v or '').split()))!r}" for k, v in sorted(attrs))
        self.elements.append(f"<{tag} {shown}>".replace(" >", ">"))
        if tag in BLOCK_TAGS:
            self.text.append(" ")

    def handle_endtag(self, tag) -> None:
        self.elements.append(f"</{tag}>")
        if tag in BLOCK_TAGS:
            self.text.append(" ")

    def handle_data(self, data) -> None:
        self.text.append(data)


def unrandom(text: str) -> str:
    for pattern, replacement in RANDOM_VALUES:
        text = pattern.sub(replacement, text)
    return text


def answer(response) -> dict:
    headers = {
        # The length and the ETag follow the bytes, whitespace included: present, not equal.
        name: "…" if name in {"Content-Length", "ETag"} else unrandom(value)
        for name, value in sorted(response.items())
        if name not in {"Date", "Expires"}
    }
    cookies = sorted(
        f"{name}; " + "; ".join(f"{k}={v}" for k, v in sorted(morsel.items()) if v)
        for name, morsel in response.cookies.items()
    )
    result = {"status": response.status_code, "headers": headers, "cookies": cookies}
    body = b"".join(response.streaming_content) if response.streaming else response.content
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/html"):
        reader = Reader()
        reader.feed(body.decode())
        result["text"] = " ".join("".join(reader.text).split())
        result["elements"] = reader.elements
    elif content_type.startswith(("text/", "application/json", "application/xml")):
        result["body"] = unrandom(body.decode())
    else:
        result["sha256"] = hashlib.sha256(body).hexdigest()
    return result


def emails() -> list[dict]:
    sent = []
    for message in mail.outbox:
        html = next((c for c, kind in message.alternatives if kind == "text/html"), "")
        reader = Reader()
        reader.feed(unrandom(html))
        sent.append(
            {
                "to": message.to,
                "subject": message.subject,
                "body": unrandom(" ".join(message.body.split())),
                "html_text": " ".join("".join(reader.text).split()),
                "html_elements": reader.elements,
            }
        )
    mail.outbox.clear()
    return sent


def requests_to_make() -> list[tuple[str, str, dict, dict]]:
    """(method, path, data, headers) for every public URL, fragment and answer form."""
    wanted: list[tuple[str, str, dict, dict]] = []

    def get(path, **headers):
        wanted.append(("GET", path, {}, headers))

    for path in ["/", "/missions/", "/missions/?page=2", "/mars-time/", "/events/"]:
        get(path)
    get("/", **HX)
    get("/mars-time/?at=2021-02-18T20:55:00Z")
    get("/mars-time/?at=not-a-date")
    for mission in Mission.objects.published().order_by("slug"):
        get(f"/missions/{mission.slug}/")
        get(f"/missions/{mission.slug}/countdown/")
        get(f"/missions/{mission.slug}/countdown/", **HX)
    for event in Event.objects.published().order_by("slug"):
        base = f"/events/{event.slug}/"
        get(base)
        for tail in ("countdown/", "seats/"):
            get(base + tail)
            get(base + tail, **HX)
        get(base + "calendar.ics")
        get(base + "rsvp/sent/")
    party = "/events/perseverance-virtual-nasa-social-rehearsal/"
    get(party, HTTP_COOKIE="tz=Asia/Tokyo")
    wanted.append(("POST", party + "rsvp/", {"name": "", "email": "nope"}, {}))
    wanted.append(("POST", party + "rsvp/", {"name": "New Fan", "email": "fan@example.org"}, {}))
    wanted.append(("POST", "/events/perseverance-landing-live-broadcast/rsvp/", {}, {}))
    for status in Rsvp.Status.values:
        get(f"/rsvp/token-{status}/")
        get(f"/rsvp/token-{status}/cancel/")
        get(f"/rsvp/token-{status}/boarding-pass.png")
    get("/rsvp/token-pending/")
    get("/rsvp/no-such-token/")
    get("/rsvp/not-signed:at:all/confirm/")
    for path in ["/lights/", "/lights/now/", "/lights/calendar.ics", "/lights/submit/"]:
        get(path)
    get("/lights/now/", **HX)
    wanted.append(("POST", "/lights/submit/", {"landmark": "", "city": "Atlantis"}, {}))
    submission = {
        "landmark": "Town hall",
        "city": "Lyon",
        "country": "France",
        "start_kind": "sunset",
        "start_date": "2030-01-11",
        "end_kind": "exact",
        "end_date": "2030-01-11",
        "end_time": "23:00",
        "submitter_email": "mayor@example.org",
    }
    wanted.append(("POST", "/lights/submit/", submission, {}))
    for path in ["/timezone/", "/timezone/?next=/events/", "/healthz", "/robots.txt"]:
        get(path)
    get("/sitemap.xml")
    get("/no-such-page/")
    get("/missions/no-such-mission/")
    wanted.append(("POST", "/missions/", {}, {}))
    wanted.append(("POST", "/timezone/", {"tz": "Mars/Jezero", "next": "/"}, {}))
    wanted.append(("POST", "/timezone/", {"tz": "Asia/Tokyo", "next": "/lights/"}, {}))
    return wanted


@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_every_public_url_answers_as_recorded(site):
    answers: dict[str, dict] = {}
    with time_machine.travel(NOW, tick=False):
        for method, path, data, headers in requests_to_make():
            client = Client()
            if method == "GET":
                response = client.get(path, **headers)
            else:
                response = client.post(path, data, **headers)
            key = f"{method} {path}" + (" (htmx)" if headers.get("HTTP_HX_REQUEST") else "")
            key += " (tz cookie)" if "HTTP_COOKIE" in headers else ""
            key += f" {sorted(data.items())}" if data else ""
            answers[key] = answer(response)
            answers[key]["emails"] = emails()
        # The confirmation link of the pending attendee, and what confirming sends.
        pending = site[Rsvp.Status.PENDING]
        Client().post(
            "/events/perseverance-virtual-nasa-social-rehearsal/rsvp/",
            {"name": pending.name, "email": pending.email},
        )
        confirm_path = re.search(r"/rsvp/[^/]+/confirm/", mail.outbox[-1].body).group(0)
        mail.outbox.clear()
        answers["GET the pending attendee's confirmation link"] = answer(Client().get(confirm_path))
        confirmed = Client().post(confirm_path)
        answers["POST the pending attendee's confirmation link"] = answer(confirmed)
        answers["POST the pending attendee's confirmation link"]["emails"] = emails()

    if RECORD:
        RECORDED.write_text(json.dumps(answers, indent=1, ensure_ascii=False) + "\n")
        pytest.skip(f"recorded {len(answers)} answers in {RECORDED.name}")
    recorded = json.loads(RECORDED.read_text())
    assert sorted(answers) == sorted(recorded)
    differences = [
        f"{key}: {part} differs\n" + "\n".join(differ(expected[part], answers[key][part]))
        for key, expected in recorded.items()
        for part in expected
        if answers[key][part] != expected[part]
    ]
    assert not differences, "\n\n".join(differences[:5])


def differ(expected, actual) -> list[str]:
    """The lines that changed, with a little context."""
    as_lines = lambda value: json.dumps(value, indent=1, ensure_ascii=False).splitlines()  # noqa: E731
    return list(difflib.unified_diff(as_lines(expected), as_lines(actual), lineterm="", n=2))[2:40]
