"""A small client for the WordPress REST API (wp/v2) over httpx.

Every failure becomes one of two errors: `SiteUnreachable` (worth retrying later: no
network, timeout, dropped connection, 5xx, 429) or `SiteRefused` (the site said no:
401, 403, validation errors; retrying would not help). Messages never carry the password.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from editor_app.core.errors import QT_TRANSLATE_NOOP, MidadError, Text

TIMEOUT = httpx.Timeout(20.0, connect=10.0)
# The most one request may take, start to end: httpx's timeouts are per read, so a site
# sending a byte every few seconds would otherwise hold `publish` forever.
REQUEST_DEADLINE_SECONDS = 120.0
MAX_ANSWER_BYTES = 64 * 1024 * 1024  # a page of 50 long posts is a few MB; 3 GB is an attack
LONGEST_RETRY_AFTER_SECONDS = 24 * 3600.0
LARGEST_ID = 2**63 - 1  # what the database's integer columns hold
USER_AGENT = "Midad (newsroom editor)"
_WRITES = ("POST", "PUT", "PATCH", "DELETE")


def request_deadline() -> float:
    """REQUEST_DEADLINE_SECONDS, or MIDAD_REQUEST_DEADLINE (seconds) for a newsroom on a slow line."""
    try:
        chosen = float(os.environ.get("MIDAD_REQUEST_DEADLINE", ""))
    except ValueError:
        return REQUEST_DEADLINE_SECONDS
    return min(max(chosen, 1.0), 3600.0) if chosen == chosen else REQUEST_DEADLINE_SECONDS


class PublishError(MidadError):
    pass


class PublishCancelled(MidadError):
    def __init__(self) -> None:
        super().__init__(Text(QT_TRANSLATE_NOOP("errors", "publishing was cancelled")))


class SiteUnreachable(PublishError):
    def __init__(self, message: str | Text, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class SiteRefused(PublishError):
    def __init__(self, message: str | Text, status: int, code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class UnexpectedAnswer(SiteRefused):
    """The site answered, but not what the WordPress REST API answers (a list for an object,
    a post without an id, an id that is not a number...). Retrying would not help."""


def without_credentials(url: str) -> str:
    """The address with any "user:password@" cut out."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]).geturl()


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return min(float(value[:12]), LONGEST_RETRY_AFTER_SECONDS)  # "99999999999999999999" is not a plan
    try:
        seconds = (parsedate_to_datetime(value) - datetime.now(timezone.utc)).total_seconds()
    except (TypeError, ValueError, OverflowError):
        return None
    return min(max(0.0, seconds), LONGEST_RETRY_AFTER_SECONDS)


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
    """Not a dataclass on purpose: no repr that could print the password into a log.

    Every request runs on its own short-lived thread while the caller waits for it with the
    overall deadline and the cancel check: a site that trickles bytes, or a writer pressing
    Cancel, ends the wait at once (the abandoned connection is closed). Answers are read in
    chunks up to MAX_ANSWER_BYTES. Redirects are followed only within the site's own origin,
    and never for writes: a 307 to another host would re-send the article there."""

    def __init__(self, url: str, username: str, password: str, timeout: httpx.Timeout = TIMEOUT,
                 deadline: float | None = None, cancelled: Callable[[], bool] | None = None) -> None:
        # An address stored by an older Midad may hold "user:secret@": never sent, never in a message.
        url = without_credentials(url)
        self.url, self.username = url, username
        self.deadline = deadline or request_deadline()
        self.cancelled = cancelled or (lambda: False)
        self.http = httpx.Client(
            base_url=url.rstrip("/") + "/wp-json/", auth=(username, password), timeout=timeout,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"}, follow_redirects=False,
        )

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> WordPressClient:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    # -- the one place requests are made -----------------------------------------

    def request(self, method: str, path: str, *, allow: tuple[int, ...] = (), **kwargs) -> httpx.Response:
        if self.cancelled():
            raise PublishCancelled()
        answer: Future = Future()

        def run() -> None:
            try:
                answer.set_result(self._send(method, path, **kwargs))
            except BaseException as error:  # noqa: BLE001 - handed to the waiting thread
                answer.set_exception(error)

        threading.Thread(target=run, name="wordpress-request", daemon=True).start()
        ends = time.monotonic() + self.deadline
        while True:
            try:
                response = answer.result(timeout=min(0.1, max(0.0, ends - time.monotonic())))
                break
            except FutureTimeout:
                if self.cancelled():
                    self._abandon()
                    raise PublishCancelled() from None
                if time.monotonic() >= ends:
                    self._abandon()
                    raise SiteUnreachable(Text(QT_TRANSLATE_NOOP("errors", "{url} did not answer in time"), url=self.url)) from None
            except httpx.TimeoutException:
                raise SiteUnreachable(Text(QT_TRANSLATE_NOOP("errors", "{url} did not answer in time"), url=self.url)) from None
            except httpx.TransportError as error:
                raise SiteUnreachable(Text(QT_TRANSLATE_NOOP("errors", "cannot reach {url}: {kind}"), url=self.url,
                                           kind=type(error).__name__)) from None
        if response.status_code < 400 or response.status_code in allow:
            return response
        message, code = _site_message(response)
        # The site's own words (in the site's language) are quoted as they are.
        said = f": “{message[:500]}”" if message else ""
        if response.status_code == 429 or response.status_code >= 500:
            raise SiteUnreachable(Text(QT_TRANSLATE_NOOP("errors", "{url} answered {status}{said}; it will be retried"),
                                       url=self.url, status=response.status_code, said=said),
                                  retry_after=_retry_after(response))
        advice = _ADVICE.get(response.status_code)
        raise SiteRefused(Text(QT_TRANSLATE_NOOP("errors", "{url} refused ({status}){said}{advice}"), url=self.url,
                               status=response.status_code, said=said, advice=Text(advice) if advice else ""),
                          response.status_code, code)

    def _abandon(self) -> None:
        """Give up on a request in flight: its connection is closed under it (its thread then
        ends with an error nobody waits for); this client takes no more requests."""
        self.close()

    def _send(self, method: str, path: str, **kwargs) -> httpx.Response:
        request = self.http.build_request(method, path, **kwargs)
        for _hop in range(5):
            response = self.http.send(request, stream=True)
            try:
                if not response.is_redirect:
                    _read_bounded(response, self.url)
                    return response
                target = response.next_request
            finally:
                response.close()
            if target is None or not self._may_follow(request, target, response.status_code):
                location = response.headers.get("Location", "")
                raise SiteRefused(Text(QT_TRANSLATE_NOOP("errors", "{url} sent the request elsewhere ({status} to {location}); "
                                                          "Midad follows no redirect that leaves the site or changes a "
                                                          "write: check the site's address in Site settings"),
                                       url=self.url, status=response.status_code, location=location[:200]),
                                  response.status_code, "redirect")
            request = target
        raise SiteRefused(Text(QT_TRANSLATE_NOOP("errors", "{url} redirects without end"), url=self.url), 310, "redirect")

    @staticmethod
    def _may_follow(request: httpx.Request, target: httpx.Request, status: int) -> bool:
        same_origin = (target.url.scheme, target.url.host, target.url.port) == \
            (request.url.scheme, request.url.host, request.url.port)
        if request.method in _WRITES:
            # 301/302/303 would turn the write into a GET that "succeeds" without writing.
            return same_origin and status in (307, 308)
        upgraded = request.url.scheme == "http" and target.url.scheme == "https" and target.url.host == request.url.host
        return same_origin or upgraded

    def json(self, method: str, path: str, **kwargs) -> Any:
        response = self.request(method, path, **kwargs)
        return _payload(response, self.url, path)

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
        return _checked_object(_payload(response, self.url, "wp/v2/posts"), self.url, "wp/v2/posts", True)

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
            yield from _checked_objects(_payload(response, self.url, "wp/v2/posts"), self.url, "wp/v2/posts")
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
        payload = _payload(response, self.url, path)
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
            term = _checked_object(_payload(response, self.url, "wp/v2/categories"), self.url, "wp/v2/categories", True)
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
        return _checked_object(_payload(response, self.url, "wp/v2/media"), self.url, "wp/v2/media", True)


def _read_bounded(response: httpx.Response, url: str) -> None:
    """Reads the streamed body into the response, refusing more than MAX_ANSWER_BYTES."""
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > MAX_ANSWER_BYTES:
        raise _too_large(url, response.status_code)
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_ANSWER_BYTES:
            raise _too_large(url, response.status_code)
        chunks.append(chunk)
    response._content = b"".join(chunks)  # httpx's own attribute for a read body (what .read() sets)


def _too_large(url: str, status: int) -> SiteRefused:
    return UnexpectedAnswer(Text(QT_TRANSLATE_NOOP("errors", "{url} sent an answer larger than {limit} MB; Midad stopped reading it"),
                                 url=url, limit=MAX_ANSWER_BYTES // (1024 * 1024)), status, "too_large")


def _payload(response: httpx.Response, url: str, path: str) -> Any:
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        raise SiteUnreachable(Text(QT_TRANSLATE_NOOP("errors", "{url} answered {path} with something that is not JSON; is this a "
                                                  "WordPress site?"), url=url, path=path or "/")) from None


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
