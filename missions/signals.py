"""Signals the missions app sends. Apps that build on missions listen; missions imports none."""

from django.dispatch import Signal

# Sent by missions.rehearsal.mission_rehearse inside the transaction that creates a
# rehearsal, with ``mission`` (the real one), ``rehearsal`` (its copy) and ``shift`` (how far
# the copy's timeline moved). A receiver copies what belongs to the mission's landing night
# onto the rehearsal (events.rehearsal); an exception in it rolls the rehearsal back.
mission_rehearsed = Signal()
