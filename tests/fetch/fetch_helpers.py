"""Injected resolvers and a dialler for the guard tests (see conftest.py for why no packet leaves)."""

from __future__ import annotations

import socket
from collections.abc import Callable

from consilience.fetch import Guard

# A public address as far as the guard can tell; the test dialler sends it to the local server.
PUBLIC_IP = "93.184.215.14"


class Dialler:
    """Records every IP the guard let through and connects the "public" one to the local server."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.calls: list[str] = []

    def __call__(self, ip: str, port: int, timeout: float | None) -> socket.socket:
        self.calls.append(ip)
        if ip != PUBLIC_IP:
            raise AssertionError(f"the guard let {ip} through")
        return socket.create_connection(("127.0.0.1", self.port), timeout)


def resolver_of(answers: dict[str, list[str]]) -> Callable[[str, int], list[str]]:
    def resolve(host: str, port: int) -> list[str]:
        if host not in answers:
            raise socket.gaierror(f"{host}: not in this test's DNS")
        return answers[host]
    return resolve


def public_guard(dialler: Dialler, answers: dict[str, list[str]], *, allow_private: bool = False) -> Guard:
    return Guard(allow_private=allow_private, resolver=resolver_of(answers), dialer=dialler)


class ForkedServer:
    """A one-route HTTP server on 127.0.0.1 in a child process, so memory measured in the test
    process is the client's alone. Serves ``body`` with ``headers`` on every GET."""

    def __init__(self, body: bytes, headers: dict[str, str]) -> None:
        import http.server
        import multiprocessing

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                for k, v in {**headers, "Content-Length": str(len(body))}.items():
                    self.send_header(k, v)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self._process = multiprocessing.get_context("fork").Process(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> ForkedServer:
        self._process.start()
        self._server.server_close()  # the child holds the listening socket now
        return self

    def __exit__(self, *exc: object) -> None:
        self._process.terminate()
        self._process.join(timeout=5)
