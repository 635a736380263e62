"""An image at a path from the author's old site's root (``![](/assets/a.png)``) is found where that site kept it.

Jekyll: the site folder (beside ``_posts/``); Hexo: ``source/``; Hugo: ``static/`` (hooks/zhudu/notes/site_root.py);
never outside the notes folder; not found, a warning saying where it was looked for and a missing-image placeholder.
"""

from __future__ import annotations

import re

from test_dialects_moved_in import PNG

from conftest import build_site


def test_site_absolute_images_are_found_where_each_generator_served_them(tmp_path):
    notes = {
        "jekyll/_config.yml": "title: 旧博客\n",
        "jekyll/_posts/2024-01-01-a.md": "---\nlayout: post\ntitle: 杰\n---\n\n![书架](/assets/shelf.png)\n",
        "jekyll/assets/shelf.png": PNG,
        "hexo/source/_posts/b.md": "---\ntitle: 赫\nupdated: 2024-01-01\n---\n\n![书架](/images/shelf.png)\n",
        "hexo/source/images/shelf.png": PNG,
        "hugo/content/posts/c.md": "+++\ntitle = '雨'\n+++\n\n![书架](/img/shelf.png)\n",
        "hugo/static/img/shelf.png": PNG,
    }
    result = build_site(tmp_path / "p", notes=notes)  # strict: no warning
    assert result.ok, result.log
    pages = {
        slug: result.page(f"zh-Hans/notes/{slug}/index.html")
        for slug in ("jekyll-posts-2024-01-01-a", "hexo-source-posts-b", "hugo-content-posts-c")
        if (result.site_dir / f"zh-Hans/notes/{slug}/index.html").exists()
    }
    assert len(pages) == 3, sorted(p.name for p in (result.site_dir / "zh-Hans/notes").iterdir())
    for slug, page in pages.items():
        src = re.search(r'<img alt="书架"[^>]*? src="([^"]+)"', page)
        assert src and "/media/" in src[1], (slug, page[page.find("书架") - 200 : page.find("书架") + 200])
        assert (result.site_dir / "zh-Hans/notes" / slug / src[1]).resolve().is_file()
        assert "zd-missing-image" not in page


def test_a_site_absolute_image_no_site_folder_holds_is_a_warning_and_a_placeholder(tmp_path):
    notes = {
        "jekyll/_posts/2024-01-01-a.md": "---\nlayout: post\ntitle: 杰\n---\n\n正文。\n\n![书架](/assets/gone.png)\n",
        "hexo/source/_posts/b.md": "---\ntitle: 赫\nupdated: 2024-01-01\n---\n\n![](/../../etc/passwd.png)\n",
    }
    result = build_site(tmp_path / "p", notes=notes, strict=False)
    assert result.ok, result.log
    warnings = "\n".join(result.warnings)
    assert "seeds/jekyll/_posts/2024-01-01-a.md:8: image /assets/gone.png: a path from the root" in warnings
    assert "outside seeds/" not in warnings
    assert "/etc/passwd.png" in warnings
    assert 'class="zd-missing-image' in result.page("zh-Hans/notes/jekyll-posts-2024-01-01-a/index.html")
    assert "Traceback" not in result.log
