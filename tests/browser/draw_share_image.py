"""Draw static/img/og-default.png, the picture link previews show for marsweb: the landing
scene of the home page (static/img/landing-scene.svg) with the site's name in its own font.

Drawn by the same headless Chromium as the browser tests, from the site's own files, so the
preview looks like the site. Run it after changing the scene: `make share-image`.
"""

import os
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "static"
OUT = STATIC / "img" / "og-default.png"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><style>
@font-face { font-family: "Public Sans"; font-weight: 700;
  src: url("{static}/fonts/public-sans-latin-700-normal.woff2") format("woff2"); }
@font-face { font-family: "Public Sans"; font-weight: 400;
  src: url("{static}/fonts/public-sans-latin-400-normal.woff2") format("woff2"); }
html, body { margin: 0; width: 1200px; height: 630px; overflow: hidden; }
body { background: #05070d url("{static}/img/landing-scene.svg") center bottom / cover no-repeat;
  font-family: "Public Sans", sans-serif; color: #f5efe9; }
.text { position: absolute; left: 72px; top: 130px; width: 660px; }
.kicker { font-size: 26px; letter-spacing: 0.14em; text-transform: uppercase; color: #ff9a70; margin: 0; }
h1 { font-size: 88px; line-height: 1; margin: 18px 0 24px; letter-spacing: -0.01em; }
p.sub { font-size: 32px; line-height: 1.3; margin: 0; color: #d9d2cc; text-wrap: balance; }
</style></head><body>
<div class="text">
  <p class="kicker">Live from Jezero crater</p>
  <h1>Mars landing night</h1>
  <p class="sub">Count down to touchdown, meet the missions, and see which landmarks glow red.</p>
</div>
</body></html>
"""


def main() -> None:
    html = ROOT / "test-results" / "share-image.html"
    html.parent.mkdir(exist_ok=True)
    html.write_text(PAGE.replace("{static}", STATIC.as_uri()))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.goto(html.as_uri())
        page.evaluate("document.fonts.ready")
        page.screenshot(path=OUT)
        browser.close()
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
