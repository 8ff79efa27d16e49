"""Settings for the pain-care patient library.

Every value an operator may change is read here, from the environment, and
nowhere else (see `.env.example` and the README's settings table). The server
(deploy/gunicorn.conf.py) refuses to start in production without a secret
key; staff commands such as check_content need none.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from core.release import compute_release_id

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


DEBUG = env_bool("DJANGO_DEBUG")

# Empty in production only when no server runs: gunicorn refuses to start without it, `check --deploy` flags it,
# and Django refuses to sign anything with it. Staff commands (check_content, sync_content) never need it.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "insecure-development-key-never-used-in-production"  # noqa: S105 (debug only)

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")

INSTALLED_APPS = [
    # Spanish fields beside the English ones for treatments, conditions, cards, risks and questions.
    "modeltranslation",
    "pain_site.apps.SiteAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Development serves static files through whitenoise too, so `make run` and `make serve` answer alike.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "reversion",
    # From the bottom up: site-wide plumbing, then rendering and pictures, the content apps, and the pages,
    # search and SEO that are built on them. An app imports only from the layers below it.
    "core",
    "pictures",
    "glossary",
    "articles",
    "treatments",
    "search",
    "seo",
    "reviews",
    "feedback",
    "pages",
    "editorial",
]

MIDDLEWARE = [
    "core.middleware.RequestLogMiddleware",
    # make run only: sync changed files before anything, the page cache included, looks at the request.
    "articles.middleware.DevelopmentContentSyncMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # 304 for If-None-Match, from the ETag the page cache stores with each page.
    "django.middleware.http.ConditionalGetMiddleware",
    "core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The page's language comes from its address alone (/es/...), never from a cookie or the browser.
    "core.middleware.LanguageFromAddressMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]

ROOT_URLCONF = "pain_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "pain_site.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env_int("DATABASE_CONNECT_TIMEOUT", 3)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions serialise writers (two syncs at once queue up
    # instead of interleaving); WAL lets pages be read while a sync writes.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

CACHE_URL = os.environ.get("CACHE_URL", "").strip()
if CACHE_URL.startswith(("redis://", "rediss://")):
    # Short timeouts: a cache that has gone away must cost milliseconds, then pages are served uncached.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.3},
        }
    }
elif CACHE_URL and not CACHE_URL.startswith("locmem://"):
    raise ImproperlyConfigured(f"CACHE_URL must start with redis://, rediss:// or locmem://, not {CACHE_URL!r}")
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pain-site"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# English at today's addresses, Spanish under /es/ (pain_site/urls.py uses i18n_patterns).
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# A page with no Spanish text says so and links to the English page; it never silently shows English.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": (), "es": ()}
TIME_ZONE = os.environ.get("SITE_TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded pictures and renditions: local files by default; S3-compatible storage when MEDIA_STORAGE=s3
# (AWS_STORAGE_BUCKET_NAME, AWS_S3_ENDPOINT_URL, AWS_S3_CUSTOM_DOMAIN and the usual AWS credentials).
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "local")
if MEDIA_STORAGE == "s3":
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("AWS_STORAGE_BUCKET_NAME", ""),
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
elif MEDIA_STORAGE == "local":
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
else:
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be 'local' or 's3', not {MEDIA_STORAGE!r}")
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"

# Security. Behind a TLS-terminating proxy set DJANGO_HTTPS=1: secure cookies, HSTS, HTTPS redirects.
HTTPS = env_bool("DJANGO_HTTPS")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 8)  # a staff sign-in lasts a working day at most
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("DJANGO_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 63072000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
if HTTPS and env_bool("DJANGO_BEHIND_PROXY", True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer checks health over plain HTTP

# Admin sign-in: locked for a while after repeated failures (django-axes). Behind a proxy, set
# AXES_PROXY_COUNT so the lockout keys on the visitor's address, not the proxy's.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
AXES_LOCKOUT_TEMPLATE = "pages/locked_out.html"

# Whole-page cache for anonymous readers (core/page_cache.py), keyed by content version and release.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# How long a proxy or CDN may keep a public page (s-maxage): a sync shows through them within this long.
PUBLIC_MAX_AGE = env_int("PUBLIC_MAX_AGE", 1)
RELEASE_ID = os.environ.get("RELEASE_ID", "").strip() or compute_release_id(BASE_DIR)

# Content pipeline.
CONTENT_DIR = Path(os.environ.get("CONTENT_DIR") or BASE_DIR / "content").resolve()
CONTENT_READING_GRADE_TARGET = float(os.environ.get("CONTENT_READING_GRADE_TARGET", "8"))
# Spanish pages: check_content warns below this Szigriszt-Pazos score (65 = "bastante fácil" on the INFLESZ scale).
CONTENT_SPANISH_READING_EASE_TARGET = float(os.environ.get("CONTENT_SPANISH_READING_EASE_TARGET", "65"))
CONTENT_MAX_FILE_BYTES = env_int("CONTENT_MAX_FILE_BYTES", 200_000)
CONTENT_RENDER_TIMEOUT = float(os.environ.get("CONTENT_RENDER_TIMEOUT", "2"))
CONTENT_SYNC_WORKERS = env_int("CONTENT_SYNC_WORKERS", os.cpu_count() or 1)
# Development only: sync changed files before each page load (make run).
CONTENT_AUTO_SYNC = env_bool("CONTENT_AUTO_SYNC", DEBUG)
# Treatments and conditions are due for a new clinical review this many days after the last.
REVIEW_INTERVAL_DAYS = env_int("REVIEW_INTERVAL_DAYS", 730)

# What the site says about the clinic.
SITE_NAME = os.environ.get("SITE_NAME", "Pain Care Library")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CLINIC_PHONE = os.environ.get("CLINIC_PHONE", "555-0100")
EMERGENCY_NUMBER = os.environ.get("EMERGENCY_NUMBER", "911")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stdout"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # django-axes announces itself at every start; staff running a command need not read it.
    "loggers": {"axes": {"level": "WARNING"}},
}
