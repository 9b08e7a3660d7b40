"""The built site on 127.0.0.1 and a free port, served as a static host serves it."""

from __future__ import annotations

import mimetypes
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

from .inventory import Inventory


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # a page closed before its response was sent
        super().handle_error(request, client_address)


class SiteServer:
    """Serves ``inventory.site`` at the path it is built for (site_url's, e.g. "/").

    A folder's URL without its slash is redirected; a missing URL gets the nearest 404 page
    (``<lang>/404.html`` under a language's folder), with status 404. The sitemaps list the
    pages on this server instead of the host the site is built for, as Material's language
    switcher compares them with the page's address.
    """

    def __init__(self, inventory: Inventory) -> None:
        self.inventory = inventory
        self.site = inventory.site.resolve()
        self.prefix = inventory.base_path
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.respond(self, body=True)

            def do_HEAD(self) -> None:
                server.respond(self, body=False)

            def log_message(self, *args) -> None:
                pass

        self.httpd = _HTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_port}"
        self.url = self.origin + self.prefix  # the site's root: url + page path
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def local(self, url: str) -> bool:
        """Whether a request went to this server (or needed no server at all)."""
        return url.startswith(self.origin + "/") or url.startswith(("data:", "blob:", "about:"))

    def respond(self, handler: BaseHTTPRequestHandler, body: bool) -> None:
        url_path = unquote(urlsplit(handler.path).path)
        file = self.file_for(url_path)
        if file is not None and file.is_dir():
            handler.send_response(301)
            handler.send_header("Location", url_path + "/")
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        status = 200
        if file is None:
            status, file = 404, self.not_found_page(url_path)
        data = file.read_bytes()
        if file.name == "sitemap.xml":
            data = data.replace(self.inventory.origin.encode(), self.origin.encode())
        handler.send_response(status)
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        handler.send_header("Content-Type", kind)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        if body:
            handler.wfile.write(data)

    def file_for(self, url_path: str):
        if not url_path.startswith(self.prefix):
            return None
        target = (self.site / url_path[len(self.prefix):]).resolve()
        if target != self.site and self.site not in target.parents:
            return None
        if target.is_dir():
            if not url_path.endswith("/"):
                return target  # redirected to the folder's URL
            target = target / "index.html"
        return target if target.is_file() else None

    def not_found_page(self, url_path: str):
        first = url_path[len(self.prefix):].split("/", 1)[0]
        if url_path.startswith(self.prefix) and first in self.inventory.other_languages:
            return self.site / first / "404.html"
        return self.site / "404.html"
