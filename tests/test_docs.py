"""The README is the door: what the site is, the two commands, where to read on. The rest
lives in docs/, one page per concern, each reachable from it."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def test_the_readme_is_short_enough_to_read_at_the_door():
    assert len(README.splitlines()) <= 150


def test_every_page_the_readme_links_to_exists_and_every_doc_is_linked():
    linked = set(re.findall(r"\]\(([^)#]+)\)", README))
    assert [path for path in linked if not (ROOT / path).is_file()] == []
    docs = {f"docs/{path.name}" for path in (ROOT / "docs").glob("*.md")}
    assert docs and docs <= linked


def test_the_quick_start_is_the_two_commands_ci_runs():
    quick_start = README.split("## Quick start", 1)[1].split("##", 1)[0]
    assert re.search(r"```sh\nmake run\nmake test\n```", quick_start)
    assert "\nmake test\n" in (ROOT / ".ci" / "run").read_text()
