"""Fixtures for publishing tests (a plugin of tests/conftest.py): a real WordPress on 127.0.0.1
for the whole session, a fault proxy in front of it per test, sites and images."""

from __future__ import annotations

import itertools
import struct
import zlib
from pathlib import Path

import httpx
import pytest

from editor_app.core.library import Library
from editor_app.core.publishing.sites import SiteRecord, SiteRegistry
from tests.wordpress.fault_proxy import FaultProxy
from tests.wordpress.server import WordPressServer



def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A valid one-colour PNG (WordPress checks uploads with getimagesize)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


_names = itertools.count(1)


@pytest.fixture(scope="session")
def wordpress():
    server = WordPressServer.start()
    yield server
    server.stop()


@pytest.fixture
def proxy(wordpress):
    started = FaultProxy(wordpress.url).start()
    yield started
    started.stop()


class SiteApi:
    """The site as its own editors see it: straight REST calls, for checking and for edits 'on the site'."""

    def __init__(self, server: WordPressServer) -> None:
        self.http = httpx.Client(base_url=server.url + "/wp-json/", auth=(server.username, server.password),
                                 timeout=30)

    def get(self, path: str, **params):
        response = self.http.get(path, params=params)
        response.raise_for_status()
        return response.json()

    def post(self, path: str, **fields):
        response = self.http.post(path, json=fields)
        response.raise_for_status()
        return response.json()

    def posts_marked(self, uuid: str) -> list[dict]:
        posts = self.get("wp/v2/posts", search=uuid, status="any", context="edit")
        return [post for post in posts if f"<!-- midad:{uuid} -->" in post["content"]["raw"]]


@pytest.fixture
def site_api(wordpress):
    api = SiteApi(wordpress)
    yield api
    api.http.close()


def add_site(library: Library, url: str, username: str, password: str) -> SiteRecord:
    return SiteRegistry(library.database).add(f"site-{next(_names)}", url, username, password)


@pytest.fixture
def site(library, wordpress) -> SiteRecord:
    return add_site(library, wordpress.url, wordpress.username, wordpress.password)


@pytest.fixture
def proxied_site(library, wordpress, proxy) -> SiteRecord:
    return add_site(library, proxy.url, wordpress.username, wordpress.password)


_colours = itertools.count(1)


@pytest.fixture
def images(tmp_path) -> tuple[Path, Path]:
    """An inline and a featured image, new to the (shared) site in every test."""
    inline, featured = tmp_path / "inline.png", tmp_path / "featured.png"
    shade = next(_colours)
    inline.write_bytes(png(4, 3, (200, shade, 30)))
    featured.write_bytes(png(6, 4, (30, shade, 200)))
    return inline, featured
