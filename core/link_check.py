"""Visit a web address the way a reader's browser would and say how it answered: fine, moved, slow or broken.

Redirects are not followed, so a moved page is reported with where it went
(the source should then point there). HEAD is tried first; servers that refuse
it are asked again with GET.
"""

import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

USER_AGENT = "PainCareLibrary-check_sources/1.0 (+link checker for the sources we cite)"


@dataclass(frozen=True)
class LinkResult:
    url: str
    status: int | None  # HTTP status, None when the server never answered
    seconds: float
    location: str = ""  # where a redirect points
    error: str = ""  # why it failed, in plain words

    @property
    def broken(self):
        return self.status is None or self.status >= 400

    @property
    def moved(self):
        return self.status is not None and 300 <= self.status < 400


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, request, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def _ask(url, method, timeout):
    if not url.startswith(("http://", "https://")):
        raise ValueError("only web addresses (http or https) are checked")
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})  # noqa: S310 (scheme checked above)
    try:
        with _opener.open(request, timeout=timeout) as response:  # noqa: S310
            return response.status, ""
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Location", "") if 300 <= exc.code < 400 else ""


def check_link(url, timeout=10.0):
    started = time.monotonic()
    try:
        status, location = _ask(url, "HEAD", timeout)
        if status in (403, 405, 501):  # some servers refuse HEAD but answer GET
            status, location = _ask(url, "GET", timeout)
    except TimeoutError:
        return LinkResult(url, None, time.monotonic() - started, error=f"did not answer within {timeout:g} seconds")
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError):
            return LinkResult(url, None, time.monotonic() - started, error=f"did not answer within {timeout:g} seconds")
        return LinkResult(url, None, time.monotonic() - started, error=f"could not be reached ({reason})")
    return LinkResult(url, status, time.monotonic() - started, location=location)
