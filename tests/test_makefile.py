"""The Makefile a newcomer reads: every phony name it declares is a target it has."""

import re
from pathlib import Path

MAKEFILE = (Path(__file__).resolve().parent.parent / "Makefile").read_text()


def test_every_phony_name_is_a_target_of_the_makefile():
    phony = set(re.search(r"(?m)^\.PHONY:(.*)$", MAKEFILE)[1].split())
    targets = set(re.findall(r"(?m)^([a-z][a-z-]*):", MAKEFILE))
    assert phony - targets == set()
    assert {"run", "test", "lint"} <= phony
