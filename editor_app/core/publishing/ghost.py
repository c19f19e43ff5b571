"""A small client for Ghost's Admin API (Ghost 5) over httpx.

Authentication: an Admin API key "id:secret" (Ghost › Settings › Integrations, or a staff
user's own token) signs a short-lived HS256 JWT per request (`Authorization: Ghost <token>`,
audience `/admin/`, five minutes at most). The JWT is written here with hmac: three claims
signed with one key need no library, and the installer carries one dependency less.
Messages never carry the key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx

from editor_app.core.errors import QT_TRANSLATE_NOOP, Text
from editor_app.core.publishing.errors import SiteRefused, SiteUnreachable, UnexpectedAnswer
from editor_app.core.publishing.site_http import TIMEOUT, SiteHttpClient, without_credentials

API_VERSION = "v5.0"
TOKEN_LIFETIME_SECONDS = 300  # Ghost refuses tokens that live longer than five minutes


def _base64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def admin_token(key_id: str, secret_hex: str, now: float | None = None) -> str:
    """The JWT Ghost's Admin API accepts for the key (HS256, signed with the secret's bytes)."""
    issued = int(now if now is not None else time.time())
    header = {"alg": "HS256", "typ": "JWT", "kid": key_id}
    claims = {"iat": issued, "exp": issued + TOKEN_LIFETIME_SECONDS, "aud": "/admin/"}
    signing_input = ".".join(_base64url(json.dumps(part, separators=(",", ":")).encode()) for part in (header, claims))
    signature = hmac.new(bytes.fromhex(secret_hex), signing_input.encode("ascii"), hashlib.sha256).digest()
    return f"{signing_input}.{_base64url(signature)}"


_ADVICE = {
    401: QT_TRANSLATE_NOOP("errors", "; check the Admin API key (Ghost › Settings › Integrations)"),
    403: QT_TRANSLATE_NOOP("errors", "; this Ghost key may not do that: use an Admin API key of a custom integration, or "
                                     "the token of a staff user who may publish"),
}


class GhostClient(SiteHttpClient):
    advice = _ADVICE

    def __init__(self, url: str, key_id: str, secret_hex: str, *, admin_url: str = "", timeout: httpx.Timeout = TIMEOUT,
                 deadline: float | None = None, cancelled: Callable[[], bool] | None = None) -> None:
        url = without_credentials(url).rstrip("/")
        admin = without_credentials(admin_url).rstrip("/") if admin_url else url
        super().__init__(url, admin + "/ghost/api/admin/", timeout=timeout, deadline=deadline, cancelled=cancelled,
                         headers={"Accept-Version": API_VERSION})
        self.key_id = key_id
        self._secret = secret_hex

    def prepare(self, request: httpx.Request) -> None:
        # A fresh token for every request: a long pull outlives one token's five minutes.
        request.headers["Authorization"] = f"Ghost {admin_token(self.key_id, self._secret)}"

    def site_message(self, response: httpx.Response) -> tuple[str, str]:
        """Ghost words errors as {"errors": [{"message", "context", "type"}]}."""
        try:
            payload = response.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            return "", ""
        errors = payload.get("errors") if isinstance(payload, dict) else None
        if not isinstance(errors, list) or not errors or not isinstance(errors[0], dict):
            return "", ""
        first = errors[0]
        message, context = str(first.get("message") or ""), str(first.get("context") or "")
        message = message if not context or context == message else f"{message} {context}"
        return message, str(first.get("type") or first.get("code") or "")

    def not_json(self, path: str) -> SiteUnreachable:
        return SiteUnreachable(Text(QT_TRANSLATE_NOOP("errors", "{url} answered {path} with something that is not JSON; is this a "
                                                      "Ghost site?"), url=self.url, path=path or "/"))

    def unexpected(self, path: str, problem: str) -> UnexpectedAnswer:
        return UnexpectedAnswer(Text(QT_TRANSLATE_NOOP("errors", "{url} answered {path} with something Ghost does not send "
                                                       "({problem}); nothing was changed here"),
                                     url=self.url, path=path or "/", problem=problem), 502, "unexpected_answer")

    # -- answers of the shape {"posts": [ {...} ]} -----------------------------------------

    def _items(self, payload: Any, resource: str, path: str) -> list[dict]:
        items = payload.get(resource) if isinstance(payload, dict) else None
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise self.unexpected(path, f"no list of {resource}")
        for item in items:
            if resource != "images" and not (isinstance(item.get("id"), str) and 0 < len(item["id"]) <= 64):
                raise self.unexpected(path, f"an id {str(item.get('id'))[:40]!r} that is not Ghost's")
        return items

    def _one(self, method: str, path: str, resource: str, **kwargs) -> dict:
        items = self._items(self.json(method, path, **kwargs), resource, path)
        if len(items) != 1:
            raise self.unexpected(path, f"{len(items)} {resource} instead of one")
        return items[0]

    # -- the calls Midad needs ---------------------------------------------------------

    def site(self) -> dict:
        payload = self.json("GET", "site/")
        site = payload.get("site") if isinstance(payload, dict) else None
        if not isinstance(site, dict):
            raise SiteRefused(Text(QT_TRANSLATE_NOOP("errors", "{url} does not offer Ghost's Admin API"), url=self.url), 404)
        return site

    def verify_access(self) -> None:
        """One cheap authenticated read, its answer checked: a wrong key or a site that is not
        Ghost is said before anything is uploaded."""
        self._items(self.json("GET", "posts/", params={"limit": 1, "fields": "id"}), "posts", "posts/")

    def me(self) -> dict | None:
        """The staff user a staff token acts for; None for an integration's key (it has no user)."""
        response = self.request("GET", "users/me/", params={"include": "roles"}, allow=(403, 404))
        if response.status_code in (403, 404):
            return None
        return self._items(self.payload(response, "users/me/"), "users", "users/me/")[0]

    def post(self, post_id: str) -> dict | None:
        path = f"posts/{post_id}/"
        response = self.request("GET", path, params={"formats": "html", "include": "tags"}, allow=(404,))
        if response.status_code == 404:
            return None
        items = self._items(self.payload(response, path), "posts", path)
        return items[0] if items else None

    def create_post(self, fields: dict) -> dict:
        return self._one("POST", "posts/", "posts", params={"source": "html", "formats": "html", "include": "tags"},
                         json={"posts": [fields]})

    def update_post(self, post_id: str, fields: dict) -> dict:
        """`fields` must carry the post's `updated_at` as last read: Ghost refuses a stale one (409)."""
        return self._one("PUT", f"posts/{post_id}/", "posts", params={"source": "html", "formats": "html",
                                                                        "include": "tags"}, json={"posts": [fields]})

    def posts(self, *, nql_filter: str = "", per_page: int = 50) -> Iterator[dict]:
        """Every post of every status, page by page, oldest id first (ids never change between pages)."""
        page = 1
        while True:
            params = {"formats": "html", "include": "tags", "limit": per_page, "page": page, "order": "id asc"}
            if nql_filter:
                params["filter"] = nql_filter
            payload = self.json("GET", "posts/", params=params)
            yield from self._items(payload, "posts", "posts/")
            pagination = payload.get("meta", {}).get("pagination", {}) if isinstance(payload.get("meta"), dict) else {}
            following = pagination.get("next") if isinstance(pagination, dict) else None
            if not isinstance(following, int) or following <= page:
                return
            page = following

    def upload_image(self, data: bytes, filename: str, mime_type: str) -> str:
        """The uploaded image's URL (Ghost names images by URL; there is no media library to search)."""
        image = self._one("POST", "images/upload/", "images", files={"file": (filename, data, mime_type)},
                          data={"purpose": "image", "ref": filename})
        url = image.get("url")
        if not isinstance(url, str) or not url.startswith(("http://", "https://", "/")):
            raise self.unexpected("images/upload/", "an image without its address")
        return url

    def exists(self, url: str) -> bool:
        """Whether a file is served at this address of the site (a HEAD, no body read)."""
        response = self.request("HEAD", url, allow=(404, 403, 400))
        return response.status_code < 300
