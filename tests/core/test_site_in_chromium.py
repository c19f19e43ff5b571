"""The static site and a --copy-resources page opened in Chromium (Debian's, headless):
the bundled Noto Naskh Arabic must load from the files beside the page.

No Noto is installed on the test machine (scripts/setup.sh leaves it out), and the check
reads the FontFace objects' own status, which a system font cannot fake: a face blocked
by the page's Content-Security-Policy is "error" even where Noto is installed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from editor_app.core.exporters import ExportOptions, export_site
from editor_app.core.exporters.standalone_html import export_standalone_html
from editor_app.core.importers import read_article_file
from tests.conftest import SEED_ARTICLE
from tests.readers import chromium_dom, solid_png

# Appended to a copy of the page, beside it (so relative URLs resolve the same): the
# page's font-src is untouched; only scripts are let in, to report what Chromium did.
PROBE = """<script>
(async () => {
  const family = '"Noto Naskh Arabic"';
  for (const weight of ["400", "700"]) {
    try { await document.fonts.load(weight + " 20px " + family, "عربي"); } catch (error) {}
  }
  await document.fonts.ready;
  const faces = [...document.fonts].filter(face => face.family.replace(/["']/g, "") === "Noto Naskh Arabic");
  document.body.setAttribute("data-faces", faces.map(face => face.weight + ":" + face.status).sort().join(" "));
  document.body.setAttribute("data-check", String(document.fonts.check("20px " + family, "عربي")));
  await Promise.all([...document.images].map(image => image.decode().catch(() => null)));
  document.body.setAttribute("data-images", [...document.images].map(image => image.naturalWidth > 0).join(" "));
})();
</script>"""


def _probe(page: Path, profile: Path, policy: str | None = None) -> dict[str, str]:
    html = page.read_text(encoding="utf-8")
    if policy is not None:
        html = re.sub(r'(http-equiv="Content-Security-Policy" content=")[^"]*', lambda m: m.group(1) + policy, html)
    html = re.sub(r"script-src [^;]*;", "script-src 'unsafe-inline';", html)
    html = html.replace("</body>", PROBE + "</body>")
    probe = page.with_name(f"probe-{page.name}")
    probe.write_text(html, encoding="utf-8")
    dom = chromium_dom(probe.as_uri(), profile)
    body = re.search(r"<body([^>]*)>", dom)
    assert body, dom[-2000:]
    return dict(re.findall(r'data-(faces|check|images)="([^"]*)"', body.group(1)))


@pytest.fixture(scope="module")
def pages(tmp_path_factory, request):
    from editor_app.core.library import Library
    from editor_app.core.storage import Database, resolve_location

    folder = tmp_path_factory.mktemp("chromium")
    database = Database(resolve_location(data_dir=folder / "data", environ={}).database_url)
    request.addfinalizer(database.close)
    library = Library(database)
    [record] = library.import_drafts([read_article_file(SEED_ARTICLE)])
    cover = folder / "cover.png"
    cover.write_bytes(solid_png(60, 40))
    record = library.set_featured_image(record.id, cover)
    export_site([record], folder / "site", asset_loader=library.asset)
    copied = export_standalone_html(record, folder / "copy" / "article.html", ExportOptions(embed=False, asset_loader=library.asset))
    [article] = (folder / "site" / "articles").glob("*.html")
    return {"site article": article, "site index": folder / "site" / "index.html", "copy-resources": copied,
            "profile": folder / "profile"}


@pytest.mark.parametrize(("name", "images"), [("site article", "true"), ("site index", ""), ("copy-resources", "true")])
def test_chromium_loads_the_bundled_font_and_the_images(pages, name, images):
    result = _probe(pages[name], pages["profile"])
    assert result == {"faces": "400:loaded 700:loaded", "check": "true", "images": images}


def test_the_probe_sees_a_font_the_policy_blocks(pages):
    """The page's old policy (fonts from midad: and data: only) fails the same probe."""
    old = ("default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; font-src midad: data:; "
           "img-src midad: data:")
    result = _probe(pages["copy-resources"], pages["profile"], policy=old)
    assert result["faces"] == "400:error 700:error"
