from datetime import UTC, datetime, timedelta

from events.countdown import event_countdown


def test_event_countdown_before_during_after():
    start = datetime(2021, 2, 18, 19, 15, tzinfo=UTC)
    end = start + timedelta(hours=2)
    before = event_countdown(
        title="Broadcast", starts_at=start, ends_at=end, now=start - timedelta(minutes=30)
    )
    assert (before.phase, before.remaining, before.poll_seconds) == (
        "upcoming",
        timedelta(minutes=30),
        10,
    )
    assert before.phase_label == "Starts soon"
    live = event_countdown(
        title="Broadcast", starts_at=start, ends_at=end, now=start + timedelta(minutes=1)
    )
    assert live.phase == "live"
    after = event_countdown(title="Broadcast", starts_at=start, ends_at=end, now=end)
    assert after.phase == "ended"
    assert after.poll_seconds is None
