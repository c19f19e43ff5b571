"""The site under test, whichever target it runs (a plugin of tests/conftest.py): `remote` is
a real WordPress or a real Ghost on 127.0.0.1 (the test is run once with each), seen as its
own editors see it (WordPress's REST API with the admin's application password; Ghost's
Admin API with the owner's session) in the same few words, so each scenario is written
once; `cut` is a fault proxy in front of it (counts requests, cuts the line on demand)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import datetime, timezone

import httpx
import pytest

from editor_app.core.publishing.sites import SiteRegistry
from tests.wordpress.fault_proxy import FaultProxy

names = itertools.count(1)


@dataclass(frozen=True)
class SeenPost:
    title: str
    html: str
    status: str  # Midad's words
    excerpt: str
    tags: tuple[str, ...]
    column: str
    featured_url: str
    link: str


class WordPressRemote:
    kind = "wordpress"
    media_upload = r"/wp/v2/media"
    post_create = r"/wp/v2/posts$"

    def __init__(self, server, api) -> None:
        self.server, self.api = server, api

    def add(self, library, url):
        return SiteRegistry(library.database).add(f"wp-{next(names)}", url, self.server.username, self.server.password)

    def seen(self, post_id: str) -> SeenPost:
        post = self.api.get(f"wp/v2/posts/{post_id}", context="edit")
        tags = self.api.get("wp/v2/tags", include=",".join(map(str, post["tags"]))) if post["tags"] else []
        featured = self.api.get(f"wp/v2/media/{post['featured_media']}")["source_url"] if post["featured_media"] else ""
        return SeenPost(post["title"]["raw"], post["content"]["raw"], post["status"], post["excerpt"]["raw"],
                        tuple(sorted(tag["name"] for tag in tags)), post["meta"].get("midad_column_label", ""), featured,
                        post["link"])

    def edit(self, post_id: str, title: str, html: str | None = None) -> None:
        self.api.post(f"wp/v2/posts/{post_id}", title=title, **({"content": html} if html else {}))

    def create(self, title: str, html: str, tag: str) -> str:
        made = self.api.http.post("wp/v2/tags", json={"name": tag}).json()
        tag_id = made.get("id") or made["data"]["term_id"]
        return str(self.api.post("wp/v2/posts", title=title, content=html, status="publish", tags=[tag_id])["id"])

    def marked(self, uuid: str) -> int:
        return len(self.api.posts_marked(uuid))

    def marked_ids(self, uuid: str) -> list[str]:
        return [str(post["id"]) for post in self.api.posts_marked(uuid)]

    def has_media(self, name: str) -> bool:
        return any(name in item["source_url"] for item in self.api.get("wp/v2/media", search=name))


class GhostRemote:
    kind = "ghost"
    media_upload = r"/images/upload/"
    post_create = r"/ghost/api/admin/posts/\?"
    STATUSES = {"draft": "draft", "published": "publish", "scheduled": "future"}

    def __init__(self, server, api) -> None:
        self.server, self.api = server, api

    def add(self, library, url):
        return SiteRegistry(library.database).add(f"ghost-{next(names)}", url, "", self.server.admin_key, kind="ghost")

    def seen(self, post_id: str) -> SeenPost:
        post = self.api.post(post_id)
        label = re.search(r'<p class="midad-column-label"[^>]*>(.*?)</p>', post["html"] or "")
        return SeenPost(post["title"], post["html"] or "", self.STATUSES[post["status"]], post["custom_excerpt"] or "",
                        tuple(sorted(tag["name"] for tag in post["tags"])), label.group(1) if label else "",
                        post["feature_image"] or "", post["url"])

    def edit(self, post_id: str, title: str, html: str | None = None) -> None:
        self.api.edit(post_id, title=title, **({"html": html} if html else {}))

    def create(self, title: str, html: str, tag: str) -> str:
        return self.api.create(title=title, html=html, status="published", tags=[{"name": tag}])["id"]

    def marked(self, uuid: str) -> int:
        return len(self.api.posts_marked(uuid))

    def marked_ids(self, uuid: str) -> list[str]:
        return [post["id"] for post in self.api.posts_marked(uuid)]

    def has_media(self, name: str) -> bool:
        """Ghost keeps uploads at content/images/YYYY/MM/<name>."""
        now = datetime.now(timezone.utc)
        return httpx.head(f"{self.server.url}/content/images/{now:%Y}/{now:%m}/{name}.png", timeout=10).status_code == 200


@pytest.fixture(params=["wordpress", "ghost"])
def remote(request):
    if request.param == "wordpress":
        return WordPressRemote(request.getfixturevalue("wordpress"), request.getfixturevalue("site_api"))
    return GhostRemote(request.getfixturevalue("ghost"), request.getfixturevalue("ghost_api"))


@pytest.fixture
def cut(remote):
    """A fault proxy in front of the site under test: counts requests, cuts the line on demand."""
    started = FaultProxy(remote.server.url).start()
    yield started
    started.stop()
