"""Fixtures for publishing to Ghost (a plugin of tests/conftest.py): a real Ghost on 127.0.0.1
for the whole session, started on demand, and the site as its own editors see it."""

from __future__ import annotations

import httpx
import pytest

from tests.ghost.server import OWNER_EMAIL, GhostServer


@pytest.fixture(scope="session")
def ghost():
    server = GhostServer.start()
    yield server
    server.stop()


class GhostApi:
    """Ghost's Admin API signed in as the owner (a session cookie, not Midad's key and JWT
    code): for checking what Midad sent and for edits made 'on the site'."""

    def __init__(self, server: GhostServer) -> None:
        self.http = httpx.Client(base_url=server.admin_api, headers={"Origin": server.url}, timeout=30)
        self.http.post("session/", json={"username": OWNER_EMAIL, "password": server.owner_password}).raise_for_status()

    def get(self, path: str, **params):
        response = self.http.get(path, params=params)
        response.raise_for_status()
        return response.json()

    def post(self, post_id: str) -> dict:
        return self.get(f"posts/{post_id}/", formats="html", include="tags")["posts"][0]

    def edit(self, post_id: str, **fields) -> dict:
        current = self.post(post_id)
        response = self.http.put(f"posts/{post_id}/", params={"source": "html", "formats": "html"},
                                 json={"posts": [{**fields, "updated_at": current["updated_at"]}]})
        response.raise_for_status()
        return response.json()["posts"][0]

    def create(self, **fields) -> dict:
        response = self.http.post("posts/", params={"source": "html", "formats": "html", "include": "tags"},
                                  json={"posts": [fields]})
        response.raise_for_status()
        return response.json()["posts"][0]

    def delete(self, post_id: str) -> None:
        self.http.delete(f"posts/{post_id}/").raise_for_status()

    def posts_marked(self, uuid: str) -> list[dict]:
        posts = self.get("posts/", filter=f"codeinjection_foot:~'{uuid}'", limit="all")["posts"]
        return [post for post in posts if f"<!-- midad:{uuid} -->" in (post.get("codeinjection_foot") or "")]


@pytest.fixture
def ghost_api(ghost):
    api = GhostApi(ghost)
    yield api
    api.http.close()
