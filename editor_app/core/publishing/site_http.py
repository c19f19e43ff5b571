"""The HTTP side every publish target shares: one request at a time under an overall
deadline and a cancel check, answers read up to a size limit, redirects followed only
within the site, and every failure turned into the neutral errors (publishing.errors).

Every request runs on its own short-lived thread while the caller waits for it with the
overall deadline and the cancel check: a site that trickles bytes, or a writer pressing
Cancel, ends the wait at once (the abandoned connection is closed). Redirects are never
followed for writes: a 307 to another host would re-send the article there.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from editor_app.core.errors import QT_TRANSLATE_NOOP, Text
from editor_app.core.publishing.errors import PublishCancelled, SiteRefused, SiteUnreachable, UnexpectedAnswer

TIMEOUT = httpx.Timeout(20.0, connect=10.0)
# The most one request may take, start to end: httpx's timeouts are per read, so a site
# sending a byte every few seconds would otherwise hold `publish` forever.
REQUEST_DEADLINE_SECONDS = 120.0
MAX_ANSWER_BYTES = 64 * 1024 * 1024  # a page of 50 long posts is a few MB; 3 GB is an attack
LONGEST_RETRY_AFTER_SECONDS = 24 * 3600.0
USER_AGENT = "Midad (newsroom editor)"
_WRITES = ("POST", "PUT", "PATCH", "DELETE")


def request_deadline() -> float:
    """REQUEST_DEADLINE_SECONDS, or MIDAD_REQUEST_DEADLINE (seconds) for a newsroom on a slow line."""
    try:
        chosen = float(os.environ.get("MIDAD_REQUEST_DEADLINE", ""))
    except ValueError:
        return REQUEST_DEADLINE_SECONDS
    return min(max(chosen, 1.0), 3600.0) if chosen == chosen else REQUEST_DEADLINE_SECONDS


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


class SiteHttpClient:
    """Not a dataclass on purpose: no repr that could print a password or key into a log.
    Subclasses give the base address, the authentication and how their site words errors."""

    # advice appended to a refusal, by HTTP status (QT_TRANSLATE_NOOP templates)
    advice: dict[int, str] = {}

    def __init__(self, url: str, base_url: str, *, timeout: httpx.Timeout = TIMEOUT, deadline: float | None = None,
                 cancelled: Callable[[], bool] | None = None, auth: Any = None, headers: dict | None = None) -> None:
        self.url = url
        self.deadline = deadline or request_deadline()
        self.cancelled = cancelled or (lambda: False)
        self.http = httpx.Client(
            base_url=base_url, auth=auth, timeout=timeout, follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})},
        )

    def close(self) -> None:
        self.http.close()

    def __enter__(self):
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def prepare(self, request: httpx.Request) -> None:
        """A last change to each request before it is sent (a fresh token, for instance)."""

    def site_message(self, response: httpx.Response) -> tuple[str, str]:
        """The site's own (message, code) in an error answer."""
        try:
            payload = response.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            return "", ""
        if isinstance(payload, dict):
            return str(payload.get("message") or ""), str(payload.get("code") or "")
        return "", ""

    def not_json(self, path: str) -> SiteUnreachable:
        return SiteUnreachable(Text(QT_TRANSLATE_NOOP("errors", "{url} answered {path} with something that is not JSON; "
                                                      "is the address right?"), url=self.url, path=path or "/"))

    def payload(self, response: httpx.Response, path: str) -> Any:
        try:
            return response.json()
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
            raise self.not_json(path) from None

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

        threading.Thread(target=run, name="site-request", daemon=True).start()
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
            except httpx.ConnectError:
                raise SiteUnreachable(Text(QT_TRANSLATE_NOOP(
                    "errors", "cannot reach {url}: nothing answers at that address (check it and the network)"),
                    url=self.url)) from None
            except httpx.TransportError:
                # Not the exception's class name: a writer reads this (QA saw "…: ConnectError").
                raise SiteUnreachable(Text(QT_TRANSLATE_NOOP(
                    "errors", "the connection to {url} was cut before its answer arrived"), url=self.url)) from None
        if response.status_code < 400 or response.status_code in allow:
            return response
        message, code = self.site_message(response)
        # The site's own words (in the site's language) are quoted as they are.
        said = f": “{message[:500]}”" if message else ""
        if response.status_code == 429 or response.status_code >= 500:
            raise SiteUnreachable(Text(QT_TRANSLATE_NOOP("errors", "{url} answered {status}{said}; it will be retried"),
                                       url=self.url, status=response.status_code, said=said),
                                  retry_after=_retry_after(response))
        advice = self.advice.get(response.status_code)
        raise SiteRefused(Text(QT_TRANSLATE_NOOP("errors", "{url} refused ({status}){said}{advice}"), url=self.url,
                               status=response.status_code, said=said, advice=Text(advice) if advice else ""),
                          response.status_code, code)

    def _abandon(self) -> None:
        """Give up on a request in flight: its connection is closed under it (its thread then
        ends with an error nobody waits for); this client takes no more requests."""
        self.close()

    def _send(self, method: str, path: str, **kwargs) -> httpx.Response:
        request = self.http.build_request(method, path, **kwargs)
        self.prepare(request)
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
        return self.payload(response, path)


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


