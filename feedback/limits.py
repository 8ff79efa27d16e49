"""Keep feedback honest and small without knowing who sent it.

The rate limit counts by a hash of the visitor's address with a secret that
changes every day, kept only in the cache for an hour: the address itself is
never stored, and yesterday's hashes cannot be matched to today's.
"""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

PER_HOUR = 20
MAX_BODY_BYTES = 4_096


def client_address(request):
    """The visitor's address, trusting as many proxies as AXES_PROXY_COUNT says (the same rule as the admin lockout)."""
    proxies = settings.AXES_IPWARE_PROXY_COUNT or 0
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def daily_key(address, today=None):
    today = today or datetime.date.today()
    secret = hmac.new(settings.SECRET_KEY.encode(), f"feedback:{today.isoformat()}".encode(), hashlib.sha256).digest()
    return "feedback-rate:" + hmac.new(secret, address.encode(), hashlib.sha256).hexdigest()


def allow(request):
    """True while this visitor has sent fewer than PER_HOUR notes this hour."""
    key = daily_key(client_address(request))
    try:
        cache.add(key, 0, timeout=3600)
        return cache.incr(key) <= PER_HOUR
    except Exception:  # a cache that has gone away must not stop a patient's note
        return True
