"""Make the default social preview image, overrides/assets/zhudu/social.png (1200×630).

Run once by hand when the design changes; the PNG is committed, so builds need nothing:
    .venv/bin/python .ci/social_image.py
It draws an HTML card with Debian's Chromium (through Playwright, already a test
dependency) and the installed Noto CJK fonts: no remote service.  The screenshot's few hundred
colours (the card's and the text's antialiasing) are written as a 256-colour PNG with Pillow (a
build dependency): no channel moves by more than 2 of 255, and the file is 40 % of the screenshot's
(it is in every site).
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parents[1] / "overrides" / "assets" / "zhudu" / "social.png"
CARD = """<!doctype html><html lang="zh-Hans"><meta charset="utf-8"><style>
html, body { margin: 0; width: 1200px; height: 630px; }
body { display: flex; align-items: center; gap: 72px; padding: 0 96px; box-sizing: border-box;
  background: #fbf7f0; color: #222; font-family: "Noto Serif CJK SC", serif; }
.seal { flex: none; width: 260px; height: 260px; border-radius: 28px; background: #d84315; color: #fff;
  display: grid; place-items: center; font-size: 190px; line-height: 1; }
h1 { margin: 0; font-size: 120px; letter-spacing: 0.08em; font-weight: 700; }
p { margin: 24px 0 0; font-family: "Noto Sans CJK SC", sans-serif; font-size: 38px; color: #555; }
p span:lang(zh-Hant) { font-family: "Noto Sans CJK TC", sans-serif; }
</style><body><div class="seal">注</div><div><h1>注读</h1>
<p>中文笔记的注释阅读版</p><p><span>简体</span> · <span lang="zh-Hant-TW">繁體</span></p></div></body></html>"""


def main() -> None:
    """Render the card and write the PNG."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(CARD)
        shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
        browser.close()
    shot.quantize(256, method=Image.Quantize.MAXCOVERAGE).save(OUT, optimize=True)
    print(OUT)


if __name__ == "__main__":
    main()
