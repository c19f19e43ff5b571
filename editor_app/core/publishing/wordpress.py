"""A small client for the WordPress REST API (wp/v2) over httpx (the request machinery is
site_http's, the errors are publishing.errors'). Messages never carry the password.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx

from editor_app.core.errors import QT_TRANSLATE_NOOP, Text
from editor_app.core.publishing.errors import SiteRefused, SiteUnreachable, UnexpectedAnswer
from editor_app.core.publishing.site_http import TIMEOUT, SiteHttpClient, without_credentials

LARGEST_ID = 2**63 - 1  # what the database's integer columns hold
def remote_id(value: object) -> int | None:
    """A post, term or media id from the site as the int the database stores, or None when it
    is not one: WordPress sends ints, a plugin or a proxy may send "123" (kept, as 123: stored
    as text it would never match again and the next publish would create a second post)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 19:
        value = int(value.strip())
    if isinstance(value, int) and 0 < value <= LARGEST_ID:
        return value
    return None


def raw_text(post: dict, name: str) -> str:
    """post[name]["raw"] (context=edit), or "" when the site sent another shape."""
    value = post.get(name)
    if isinstance(value, dict):
        value = value.get("raw", value.get("rendered", ""))
    return value if isinstance(value, str) else ""


def text_field(post: dict, name: str) -> str:
    value = post.get(name)
    return value if isinstance(value, str) else ""


def id_list(value: object) -> list[int]:
    return [i for i in (remote_id(item) for item in value) if i] if isinstance(value, list) else []


def total_pages(response: httpx.Response) -> int:
    value = response.headers.get("X-WP-TotalPages", "1").strip()
    return min(int(value), 100_000) if value.isdigit() and len(value) <= 9 else 1


_ADVICE = {
    401: QT_TRANSLATE_NOOP("errors", "; check the username and the application password (WordPress › Users › Profile › "
                                 "Application Passwords)"),
    403: QT_TRANSLATE_NOOP("errors", "; this WordPress user may not do that: ask the site's administrator for the Editor or "
                                 "Author role"),
}


class WordPressClient(SiteHttpClient):
    """wp/v2 with an application password (HTTP basic auth)."""

    advice = _ADVICE

    def __init__(self, url: str, username: str, password: str, timeout: httpx.Timeout = TIMEOUT,
                 deadline: float | None = None, cancelled: Callable[[], bool] | None = None) -> None:
        # An address stored by an older Midad may hold "user:secret@": never sent, never in a message.
        url = without_credentials(url)
        super().__init__(url, url.rstrip("/") + "/wp-json/", timeout=timeout, deadline=deadline, cancelled=cancelled,
                         auth=(username, password))
        self.username = username

    def not_json(self, path: str) -> SiteUnreachable:
        return SiteUnreachable(Text(QT_TRANSLATE_NOOP("errors", "{url} answered {path} with something that is not JSON; is this a "
                                                      "WordPress site?"), url=self.url, path=path or "/"))

    def _object(self, method: str, path: str, *, must_have_id: bool = True, **kwargs) -> dict:
        return _checked_object(self.json(method, path, **kwargs), self.url, path, must_have_id)

    def _objects(self, method: str, path: str, **kwargs) -> list[dict]:
        return _checked_objects(self.json(method, path, **kwargs), self.url, path)

    # -- the calls Midad needs ----------------------------------------------------

    def check(self) -> dict:
        """The site's REST index, then who we are: the "Test connection" button."""
        index = self.json("GET", "")
        namespaces = index.get("namespaces") if isinstance(index, dict) else None
        if not isinstance(namespaces, list) or "wp/v2" not in namespaces:
            raise SiteRefused(Text(QT_TRANSLATE_NOOP("errors", "{url} does not offer the WordPress REST API (wp/v2)"), url=self.url), 404)
        me = self._object("GET", "wp/v2/users/me", params={"context": "edit"})
        roles = me.get("roles") if isinstance(me.get("roles"), list) else []
        return {"site": str(index.get("name", "")), "user": str(me.get("name", "")), "roles": [str(r) for r in roles]}

    def post(self, post_id: int) -> dict | None:
        response = self.request("GET", f"wp/v2/posts/{post_id}", params={"context": "edit"}, allow=(404, 410))
        if response.status_code in (404, 410):
            return None
        return _checked_object(self.payload(response, "wp/v2/posts"), self.url, "wp/v2/posts", True)

    def create_post(self, fields: dict) -> dict:
        return self._object("POST", "wp/v2/posts", json=fields)

    def update_post(self, post_id: int, fields: dict) -> dict:
        return self._object("POST", f"wp/v2/posts/{post_id}", json=fields)

    def search_posts(self, text: str) -> list[dict]:
        return self._objects("GET", "wp/v2/posts", params={"search": text, "status": "any", "context": "edit",
                                                            "per_page": 20})

    def posts(self, *, modified_after: str | None = None, per_page: int = 50) -> Iterator[dict]:
        """Every post the user can edit, page by page, by id: posts modified in the same second
        would make an order by date unstable between pages (one skipped, one twice)."""
        page = 1
        while True:
            params = {"context": "edit", "status": "any", "per_page": per_page, "page": page,
                      "orderby": "id", "order": "asc"}
            if modified_after:
                params["modified_after"] = modified_after
            response = self.request("GET", "wp/v2/posts", params=params, allow=(400,))
            if response.status_code == 400:  # past the last page
                return
            yield from _checked_objects(self.payload(response, "wp/v2/posts"), self.url, "wp/v2/posts")
            if page >= total_pages(response):
                return
            page += 1

    def term(self, taxonomy: str, name: str, parent: int = 0) -> int:
        """The id of a category or tag by name, created when missing."""
        fields = {"name": name}
        if parent:
            fields["parent"] = parent
        path = f"wp/v2/{taxonomy}"
        response = self.request("POST", path, json=fields, allow=(400,))
        payload = self.payload(response, path)
        if not isinstance(payload, dict):
            raise _unexpected(self.url, path, "not an object")
        if response.status_code == 400:
            data = payload.get("data")
            if payload.get("code") == "term_exists" and isinstance(data, dict) and remote_id(data.get("term_id")):
                return remote_id(data["term_id"])
            refused = (QT_TRANSLATE_NOOP("errors", "{url} refused the category “{name}”: {said}") if taxonomy == "categories"
                       else QT_TRANSLATE_NOOP("errors", "{url} refused the tag “{name}”: {said}"))
            raise SiteRefused(Text(refused, url=self.url, name=name, said=str(payload.get("message", ""))[:500]), 400,
                              str(payload.get("code", "")))
        return _checked_object(payload, self.url, path, True)["id"]

    def term_names(self, taxonomy: str, ids: list[int]) -> list[str]:
        ids = [i for i in (remote_id(i) for i in ids) if i]
        if not ids:
            return []
        terms = self._objects("GET", f"wp/v2/{taxonomy}", params={"include": ",".join(map(str, ids)), "per_page": 100})
        by_id = {remote_id(term.get("id")): str(term.get("name", "")) for term in terms}
        return [by_id[i] for i in ids if i in by_id]

    def category_path(self, category_id: int) -> str:
        """"أخبار/أمن وعدالة" for a category, its parents first (a few levels at most)."""
        names: list[str] = []
        seen: set[int] = set()
        current = remote_id(category_id)
        while current and current not in seen and len(names) < 10:
            seen.add(current)
            response = self.request("GET", f"wp/v2/categories/{current}", allow=(404,))
            if response.status_code == 404:
                break
            term = _checked_object(self.payload(response, "wp/v2/categories"), self.url, "wp/v2/categories", True)
            names.append(str(term.get("name", "")).replace("/", "∕"))
            current = remote_id(term.get("parent"))
        return "/".join(reversed([name for name in names if name]))

    def upload_media(self, data: bytes, filename: str, mime_type: str) -> dict:
        return self._object("POST", "wp/v2/media", content=data, headers={
            "Content-Type": mime_type, "Content-Disposition": f'attachment; filename="{filename}"'})

    def search_media(self, text: str) -> list[dict]:
        return self._objects("GET", "wp/v2/media", params={"search": text, "per_page": 20, "context": "edit"})

    def media(self, media_id: int) -> dict | None:
        response = self.request("GET", f"wp/v2/media/{media_id}", allow=(404,))
        if response.status_code == 404:
            return None
        return _checked_object(self.payload(response, "wp/v2/media"), self.url, "wp/v2/media", True)


def _unexpected(url: str, path: str, problem: str) -> UnexpectedAnswer:
    return UnexpectedAnswer(Text(QT_TRANSLATE_NOOP("errors", "{url} answered {path} with something WordPress does not send "
                                                   "({problem}); nothing was changed here"),
                                 url=url, path=path or "/", problem=problem), 502, "unexpected_answer")


def _checked_object(payload: Any, url: str, path: str, must_have_id: bool) -> dict:
    if not isinstance(payload, dict):
        raise _unexpected(url, path, f"{type(payload).__name__} instead of an object")
    if must_have_id:
        identifier = remote_id(payload.get("id"))
        if identifier is None:
            raise _unexpected(url, path, f"the id {str(payload.get('id'))[:40]!r} is not a number Midad can keep")
        payload = {**payload, "id": identifier}
    return payload


def _checked_objects(payload: Any, url: str, path: str) -> list[dict]:
    if not isinstance(payload, list):
        raise _unexpected(url, path, f"{type(payload).__name__} instead of a list")
    return [_checked_object(item, url, path, True) for item in payload]
