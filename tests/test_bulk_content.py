import pytest
from django.core.management import call_command

from events.models import Event, Rsvp
from lights.models import Lighting
from missions.models import Mission

pytestmark = pytest.mark.django_db


def test_bulk_content_grows_every_table_for_load_tests():
    call_command("bulk_content", "--factor", "2", "--rsvps", "120")
    assert Mission.objects.count() == 18
    assert Event.objects.count() == 6
    assert Rsvp.objects.count() == 120
    assert Lighting.objects.count() == 6
