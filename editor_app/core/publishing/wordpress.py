"""A small client for the WordPress REST API (wp/v2) over httpx.

Every failure becomes one of two errors: `SiteUnreachable` (worth retrying later: no
network, timeout, dropped connection, 5xx, 429) or `SiteRefused` (the site said no:
401, 403, validation errors; retrying would not help). Messages never carry the password.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone
from typing import Any

import httpx

from editor_app.core.errors import QT_TRANSLATE_NOOP, MidadError, Text

TIMEOUT = httpx.Timeout(20.0, connect=10.0)
USER_AGENT = "Midad (newsroom editor)"


class PublishError(MidadError):
    pass


class SiteUnreachable(PublishError):
    def __init__(self, message: str | Text, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class SiteRefused(PublishError):
    def __init__(self, message: str | Text, status: int, code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.code = code


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(timezone.utc)).total_seconds())
    except (TypeError, ValueError):
        return None


def _site_message(response: httpx.Response) -> tuple[str, str]:
    try:
        payload = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return "", ""
    if isinstance(payload, dict):
        return str(payload.get("message") or ""), str(payload.get("code") or "")
    return "", ""


_ADVICE = {
    401: QT_TRANSLATE_NOOP("errors", "; check the username and the application password (WordPress › Users › Profile › "
                                 "Application Passwords)"),
    403: QT_TRANSLATE_NOOP("errors", "; this WordPress user may not do that: ask the site's administrator for the Editor or "
                                 "Author role"),
}


class WordPressClient:
    """Not a dataclass on purpose: no repr that could print the password into a log."""

    def __init__(self, url: str, username: str, password: str, timeout: httpx.Timeout = TIMEOUT) -> None:
        self.url, self.username = url, username
        self.http = httpx.Client(
            base_url=url.rstrip("/") + "/wp-json/", auth=(username, password), timeout=timeout,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"}, follow_redirects=True,
        )

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> WordPressClient:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    # -- the one place requests are made -----------------------------------------

    def request(self, method: str, path: str, *, allow: tuple[int, ...] = (), **kwargs) -> httpx.Response:
        try:
            response = self.http.request(method, path, **kwargs)
        except httpx.TimeoutException:
            raise SiteUnreachable(Text(QT_TRANSLATE_NOOP("errors", "{url} did not answer in time"), url=self.url)) from None
        except httpx.TransportError as error:
            raise SiteUnreachable(Text(QT_TRANSLATE_NOOP("errors", "cannot reach {url}: {kind}"), url=self.url,
                                       kind=type(error).__name__)) from None
        if response.status_code < 400 or response.status_code in allow:
            return response
        message, code = _site_message(response)
        # The site's own words (in the site's language) are quoted as they are.
        said = f": “{message}”" if message else ""
        if response.status_code == 429 or response.status_code >= 500:
            raise SiteUnreachable(Text(QT_TRANSLATE_NOOP("errors", "{url} answered {status}{said}; it will be retried"),
                                       url=self.url, status=response.status_code, said=said),
                                  retry_after=_retry_after(response))
        advice = _ADVICE.get(response.status_code)
        raise SiteRefused(Text(QT_TRANSLATE_NOOP("errors", "{url} refused ({status}){said}{advice}"), url=self.url,
                               status=response.status_code, said=said, advice=Text(advice) if advice else ""),
                          response.status_code, code)

    def json(self, method: str, path: str, **kwargs) -> Any:
        response = self.request(method, path, **kwargs)
        try:
            return response.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise SiteUnreachable(Text(QT_TRANSLATE_NOOP("errors", "{url} answered {path} with something that is not JSON; is this a "
                                                      "WordPress site?"), url=self.url, path=path)) from None

    # -- the calls Midad needs ----------------------------------------------------

    def check(self) -> dict:
        """The site's REST index, then who we are: the "Test connection" button."""
        index = self.json("GET", "")
        if not isinstance(index, dict) or "wp/v2" not in index.get("namespaces", []):
            raise SiteRefused(Text(QT_TRANSLATE_NOOP("errors", "{url} does not offer the WordPress REST API (wp/v2)"), url=self.url), 404)
        me = self.json("GET", "wp/v2/users/me", params={"context": "edit"})
        return {"site": index.get("name", ""), "user": me.get("name", ""), "roles": me.get("roles", [])}

    def post(self, post_id: int) -> dict | None:
        response = self.request("GET", f"wp/v2/posts/{post_id}", params={"context": "edit"}, allow=(404, 410))
        return None if response.status_code in (404, 410) else response.json()

    def create_post(self, fields: dict) -> dict:
        return self.json("POST", "wp/v2/posts", json=fields)

    def update_post(self, post_id: int, fields: dict) -> dict:
        return self.json("POST", f"wp/v2/posts/{post_id}", json=fields)

    def search_posts(self, text: str) -> list[dict]:
        return self.json("GET", "wp/v2/posts", params={"search": text, "status": "any", "context": "edit",
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
            yield from response.json()
            if page >= int(response.headers.get("X-WP-TotalPages", "1") or 1):
                return
            page += 1

    def term(self, taxonomy: str, name: str, parent: int = 0) -> int:
        """The id of a category or tag by name, created when missing."""
        fields = {"name": name}
        if parent:
            fields["parent"] = parent
        response = self.request("POST", f"wp/v2/{taxonomy}", json=fields, allow=(400,))
        payload = response.json()
        if response.status_code == 400:
            if payload.get("code") == "term_exists":
                return int(payload["data"]["term_id"])
            refused = (QT_TRANSLATE_NOOP("errors", "{url} refused the category “{name}”: {said}") if taxonomy == "categories"
                       else QT_TRANSLATE_NOOP("errors", "{url} refused the tag “{name}”: {said}"))
            raise SiteRefused(Text(refused, url=self.url, name=name, said=payload.get("message", "")), 400,
                              payload.get("code", ""))
        return int(payload["id"])

    def term_names(self, taxonomy: str, ids: list[int]) -> list[str]:
        if not ids:
            return []
        terms = self.json("GET", f"wp/v2/{taxonomy}", params={"include": ",".join(map(str, ids)), "per_page": 100})
        by_id = {term["id"]: term["name"] for term in terms}
        return [by_id[i] for i in ids if i in by_id]

    def upload_media(self, data: bytes, filename: str, mime_type: str) -> dict:
        return self.json("POST", "wp/v2/media", content=data, headers={
            "Content-Type": mime_type, "Content-Disposition": f'attachment; filename="{filename}"'})

    def search_media(self, text: str) -> list[dict]:
        return self.json("GET", "wp/v2/media", params={"search": text, "per_page": 20, "context": "edit"})

    def media(self, media_id: int) -> dict | None:
        response = self.request("GET", f"wp/v2/media/{media_id}", allow=(404,))
        return None if response.status_code == 404 else response.json()
