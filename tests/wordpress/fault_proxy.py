"""A fault-injecting HTTP proxy on 127.0.0.1 in front of the real WordPress: for the
failures a real server will not show on demand (timeouts, dropped connections, 500, 429).

    proxy = FaultProxy(upstream_url); proxy.start()
    proxy.fail_next("POST", "/wp/v2/posts", Fault.answer_late(seconds=3))  # forwards, then stalls
    proxy.down = True                                                      # every connection dropped
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "host"}


@dataclass(frozen=True)
class Fault:
    kind: str  # "drop", "status", "late", "reply", "trickle", "endless", "rewrite"
    status: int = 0
    retry_after: str = ""
    seconds: float = 0.0
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    rewrite: object = None  # for "rewrite": a function of the upstream's JSON answer

    @classmethod
    def reply(cls, status: int, body: bytes | str, **headers: str) -> "Fault":
        """Answers by itself, without asking WordPress: any status, headers and body."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        return cls("reply", status, body=data, headers=tuple(headers.items()))

    @classmethod
    def trickle(cls, seconds: float) -> "Fault":
        """A 200 whose body arrives one byte every `seconds`, for ever (a slowloris site)."""
        return cls("trickle", 200, seconds=seconds)

    @classmethod
    def endless(cls) -> "Fault":
        """A 200 that sends bytes as fast as it can, without end (a 3 GB answer)."""
        return cls("endless", 200)

    @classmethod
    def rewritten(cls, function) -> "Fault":
        """The request goes to WordPress; its JSON answer is changed by function(answer) -> answer."""
        return cls("rewrite", rewrite=function)

    @classmethod
    def drop(cls) -> "Fault":
        return cls("drop")

    @classmethod
    def answer(cls, status: int, retry_after: str = "") -> "Fault":
        return cls("status", status, retry_after)

    @classmethod
    def answer_late(cls, seconds: float) -> "Fault":
        """The request reaches WordPress (which acts on it); the answer comes after `seconds`."""
        return cls("late", seconds=seconds)


class FaultProxy:
    def __init__(self, upstream: str) -> None:
        self.upstream = upstream.rstrip("/")
        self.down = False
        self.faults: list[tuple[str, re.Pattern[str], Fault]] = []
        self.requests: list[tuple[str, str]] = []
        self.lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args) -> None:
                return None

            def _handle(self) -> None:
                proxy.handle(self)

            do_GET = do_POST = do_PUT = do_DELETE = do_OPTIONS = do_PATCH = do_HEAD = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> "FaultProxy":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def fail_next(self, method: str, path_pattern: str, fault: Fault, times: int = 1) -> None:
        with self.lock:
            self.faults.extend([(method, re.compile(path_pattern), fault)] * times)

    def count(self, method: str, path_pattern: str) -> int:
        pattern = re.compile(path_pattern)
        return sum(1 for m, p in self.requests if m == method and pattern.search(p))

    def _take_fault(self, method: str, path: str) -> Fault | None:
        with self.lock:
            for index, (m, pattern, fault) in enumerate(self.faults):
                if m == method and pattern.search(path):
                    del self.faults[index]
                    return fault
        return None

    def handle(self, handler: BaseHTTPRequestHandler) -> None:
        method, path = handler.command, handler.path
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        with self.lock:
            self.requests.append((method, path))
        fault = self._take_fault(method, path)
        if self.down or (fault and fault.kind == "drop"):
            handler.connection.shutdown(socket.SHUT_RDWR)
            handler.close_connection = True
            return
        if fault and fault.kind == "status":
            payload = b'{"code":"proxy_fault","message":"injected by the test proxy"}'
            handler.send_response(fault.status)
            if fault.retry_after:
                handler.send_header("Retry-After", fault.retry_after)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(payload)))
            handler.end_headers()
            handler.wfile.write(payload)
            return
        if fault and fault.kind in ("reply", "trickle", "endless"):
            self._reply_by_itself(handler, fault)
            return
        headers = {k: v for k, v in handler.headers.items() if k.lower() not in HOP_HEADERS}
        upstream = httpx.request(method, self.upstream + path, headers=headers, content=body, timeout=60)
        if fault and fault.kind == "late":
            time.sleep(fault.seconds)
        content = upstream.content
        if fault and fault.kind == "rewrite":
            content = json.dumps(fault.rewrite(upstream.json())).encode("utf-8")
        handler.send_response(upstream.status_code)
        for key, value in upstream.headers.items():
            if key.lower() not in HOP_HEADERS:
                handler.send_header(key, value)
        handler.send_header("Content-Length", str(len(content)))
        handler.end_headers()
        try:
            handler.wfile.write(content)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting: exactly the case being tested

    @staticmethod
    def _reply_by_itself(handler: BaseHTTPRequestHandler, fault: Fault) -> None:
        handler.send_response(fault.status)
        for key, value in fault.headers:
            handler.send_header(key.replace("_", "-"), value)
        if fault.kind == "reply":
            handler.send_header("Content-Length", str(len(fault.body)))
        else:  # no length: the body ends when the connection does (what a hostile site would do)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Connection", "close")
        handler.end_headers()
        try:
            if fault.kind == "reply":
                handler.wfile.write(fault.body)
            elif fault.kind == "trickle":
                handler.wfile.write(b"[")
                for _ in range(10_000):
                    time.sleep(fault.seconds)
                    handler.wfile.write(b" ")
                    handler.wfile.flush()
            else:
                block = b" " * 65536
                for _ in range(3 * 1024**3 // 65536):
                    handler.wfile.write(block)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass  # the client stopped listening, as it should
        handler.close_connection = True
