"""What a page says, as a person reads it: its text without tags, spaces collapsed."""

import re
from html.parser import HTMLParser


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in ("script", "style", "title", "desc"):
            self._skip += 1

    def handle_endtag(self, tag) -> None:
        if tag in ("script", "style", "title", "desc"):
            self._skip -= 1

    def handle_data(self, data) -> None:
        if not self._skip:
            self.parts.append(data)


def page_text(html: str) -> str:
    """``<span class="num">04</span> <span class="unit">hours</span>`` → ``04 hours``."""
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()
