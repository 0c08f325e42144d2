"""Settings shared by every environment. Environment-specific files import * from here."""

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from django.utils.csp import CSP
from django.utils.translation import gettext_lazy

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "portal",
    "portal.accounts",
    "portal.mail",
    "portal.privacy",
    "portal.advice",
    "portal.newsletter",
    # Domain apps
    "knowledge",
    "courses",
    "experts",
    "search",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's users app with our user views: no email or password changes by admins.
    "portal.wagtail_users.UsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Background work: Django's own tasks plus the database backend for production.
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Django's own form and widget templates, for FORM_RENDERER (TemplatesSetting).
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so pages served from it carry the header too.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Right after static files: a cached anonymous page skips everything below.
    "portal.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # The admins' own policy is declared on their views (csp_override in portal/urls.py).
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # The MFA gate and no-store of the account area are declared on their views too
    # (portal.accounts.decorators, never_stored; portal/security/areas.py).
    "portal.security.middleware.NeverStoredMiddleware",
    "portal.accounts.middleware.RetryAfterMiddleware",
    # Above the redirects: a redirect an editor made for an old address wins over "gone".
    "portal.gone.GonePageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

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
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite serving several requests at once (gunicorn workers, threads): each transaction takes
# the write lock when it begins (IMMEDIATE), so one that read first never has to upgrade its
# lock, which SQLite refuses at once with "database is locked" instead of waiting; writers
# queue for up to 20 s; WAL lets readers go on while one writes. (Bookings lock their session
# with an UPDATE, courses/classroom.py, and count on this on SQLite.)
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL;",
}
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "var" / "steiger.sqlite3",
        "OPTIONS": SQLITE_OPTIONS,
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Every form, ours and allauth's, in the NL Design System's markup (templates/portal/forms/).
FORM_RENDERER = "portal.forms.DesignSystemFormRenderer"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:overview"
WAGTAILADMIN_LOGIN_URL = "account_login"

# --- Internationalisation: Dutch first, English second -------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
# The admin names content languages in the admin's own language ("Publiceer in het Engels"),
# unlike LANGUAGES, whose names the public language switcher shows in their own language.
WAGTAIL_CONTENT_LANGUAGES = [("nl", gettext_lazy("Dutch")), ("en", gettext_lazy("English"))]
# locale/: our own strings (generated, scripts/update_translations.sh); locale_overrides/: our
# corrections of third-party apps' Dutch, hand-maintained.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static and media ----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static" / "build"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "var" / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail -------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Steiger"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
# search/backends/database.py: Wagtail's database backend plus Dutch compound parts. The index
# is kept by search/receivers.py (public content only, through tasks after commit), not by
# modelsearch's own signal handlers, which would index drafts too.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backends.database", "AUTO_UPDATE": False},
}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_FINDERS = []  # No embeds: a public page never calls out to a third party.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False  # The admin must not phone home either.
# Wagtail shows Gravatar avatars by default: every admin page view would send a hash of the
# staff member's email address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True
# Passwords are reset and changed through allauth only (rate limits, notifications, no side door).
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
# Email addresses change through allauth only: the new address is verified before it counts
# (the data download and erasure trust verified addresses only).
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# ... also for other people's accounts: administrators neither set passwords nor change addresses
# in Wagtail's user management (portal/admin_users.py).
WAGTAILUSERS_PASSWORD_ENABLED = False
# Pages restricted to signed-in users send visitors to allauth's login (MFA, rate limits), not to
# Wagtail's own plain Django login.
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --- Accounts (django-allauth) -------------------------------------------------------------
ACCOUNT_ADAPTER = "portal.accounts.adapter.AccountAdapter"
# Sign-up takes as long for a taken address as for a new one (no account enumeration by timing).
ACCOUNT_FORMS = {"signup": "portal.accounts.forms.SignupForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Steiger: "
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Tell the owner when their password or email address changes (a hijack becomes visible).
ACCOUNT_EMAIL_NOTIFICATIONS = True
# Changing the email address needs a recent password (or MFA) entry, not just an open session.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
# Devices are often shared: a session ends when the browser closes, no "remember me".
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_RATE_LIMITS = {
    # Failed logins are counted per address as well as per IP, so rotating the client IP
    # (or a forged X-Forwarded-For) does not buy an attacker more guesses. The 6th failed
    # attempt within 5 minutes answers 429 (portal.accounts.adapter.AccountAdapter).
    "login_failed": "10/m/ip,5/5m/key",
    "login": "30/m/ip",
    "signup": "10/h/ip",
    "reset_password": "10/m/ip,5/5m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    # allauth 65 calls the email add/change/remove action "manage_email".
    "manage_email": "10/h/user",
    # Ours: guesses at a page's shared password (portal.accounts.views.page_password).
    "page_password": "10/m/ip,100/h/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Steiger"
# Accept the code of the previous and next 30-second window too (RFC 6238's advice for clock
# drift on phones); a used code still cannot be replayed.
MFA_TOTP_TOLERANCE = 1
# Staff and role accounts cannot switch their second factor off (portal/accounts/mfa_adapter.py).
MFA_ADAPTER = "portal.accounts.mfa_adapter.MFAAdapter"

# --- Background work -----------------------------------------------------------------------
# One TASKS setting serves both Django's django.tasks (our own tasks) and the django-tasks
# backport that Wagtail 8 and modelsearch decorate theirs with. Every backend named here must
# work under both; tests/portal/test_tasks.py proves it for the backends we configure.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}

# --- Email ---------------------------------------------------------------------------------
# Every message is stored in the outbox and delivered by a task, so an email outage never
# turns a form post into an error and a failed message can be retried.
# Django 6.1's MAILERS: "default" is what Django, allauth and Wagtail send through (the outbox);
# "delivery" is what the outbox task hands messages to (the terminal here, SMTP in production).
MAILERS = {
    "default": {"BACKEND": "portal.mail.backend.OutboxBackend"},
    "delivery": {"BACKEND": "django.core.mail.backends.console.EmailBackend"},
}
DEFAULT_FROM_EMAIL = "Steiger <noreply@steiger.localhost>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL
CENTRE_NOTIFICATION_EMAIL = "advies@steiger.localhost"

# --- Cache ---------------------------------------------------------------------------------
# "default" holds the rate-limit counters, menus and the content version; "pages" the anonymous
# page cache, apart, so that culling pages can never evict a rate-limit counter.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "steiger",
    },
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "steiger-pages",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
}

# Full-page cache for anonymous visitors (portal/page_cache.py).
PAGE_CACHE_ALIAS = "pages"
# The longest a page is kept; a page type or view may declare less, or none at all, and the
# query parameters it varies on (portal.page_cache.CachePolicy). Never-cached views say so
# themselves (never_cache): there is no list of paths here.
PAGE_CACHE_SECONDS = 10 * 60

# --- Security ------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Sessions are personal data (portal/privacy/sessions.py): the cookie ends with the browser
# (ACCOUNT_SESSION_REMEMBER), and the server forgets the session 12 hours after it last changed
# (Django's default is two weeks): a working day for staff, no longer for a shared phone.
SESSION_COOKIE_AGE = 12 * 60 * 60
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# A refused form post (session expired, cookies cleared by the quick exit) gets our own page in
# the site's layout; a form page (a page type with `serve_after_csrf_failure`) shows its form
# again as typed, with a fresh token (portal/security/error_views.py).
CSRF_FAILURE_VIEW = "portal.security.error_views.csrf_failure"
# Powerful browser features nobody on Steiger needs, switched off for our pages and anything
# they might embed: a page about violence must not be able to reach a camera, microphone or
# location, nor take part in ad-interest tracking. Features not listed keep the browser's
# default (for example clipboard-write for our own pages: the admin's copy buttons).
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "captured-surface-control",
        "compute-pressure",
        "display-capture",
        "document-domain",
        "encrypted-media",
        "gamepad",
        "geolocation",
        "gyroscope",
        "hid",
        "identity-credentials-get",
        "idle-detection",
        "interest-cohort",
        "keyboard-map",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "otp-credentials",
        "payment",
        "picture-in-picture",
        "private-state-token-issuance",
        "private-state-token-redemption",
        "publickey-credentials-create",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "shared-storage",
        "shared-storage-select-url",
        "speaker-selection",
        "storage-access",
        "usb",
        "vr",
        "web-share",
        "window-management",
        "xr-spatial-tracking",
    )
}
# Number of proxies in front of the app whose X-Forwarded-For we trust (0: use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = 0
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# Stripe Checkout's hosted payment page, where a card payment leaves the site.
STRIPE_CHECKOUT_ORIGIN = "https://checkout.stripe.com"
# Public pages: everything from our own host, no inline script, no nonces (a cached page must
# stay valid). Inline style attributes are not used either.
PUBLIC_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    # The payment form's answer sends the browser on to Stripe Checkout, and form-action
    # governs that redirect too (courses/payment_views.py).
    "form-action": [CSP.SELF, STRIPE_CHECKOUT_ORIGIN],
    "frame-ancestors": [CSP.NONE],
    "frame-src": [CSP.NONE],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
}
# The Wagtail and Django admins ship inline scripts and styles that we do not control. They are
# reached only by signed-in staff who passed MFA, never by the public, and still load nothing
# from other hosts. Declared on the admins' views in portal/urls.py (csp_override).
ADMIN_CSP = {
    **PUBLIC_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE, CSP.UNSAFE_EVAL],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "frame-src": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
SECURE_CSP = PUBLIC_CSP

# Pages with a "last reviewed" date older than this are due for review: the admin report
# "Toe aan herziening" and a weekly email to the editors (portal/content_review.py).
CONTENT_REVIEW_DAYS = 365

# Public forms: requests per IP per window before the form answers 429.
PUBLIC_FORM_RATE_LIMIT = "5/m"
# Searches and suggestion requests per IP (allauth's notation) before they answer 429: well
# above a class of pupils behind one school address, well below a scraper.
SEARCH_RATE_LIMIT = "120/m/ip"
SUGGESTIONS_RATE_LIMIT = "600/m/ip"

# --- Privacy -------------------------------------------------------------------------------
# Retention periods. Every personal data owner (<app>/privacy.py) declares its default; an entry
# here, keyed by the owner's key ("account", "advice_question", ...), overrides it in days for
# this installation. `manage.py check` refuses a key that names no owner.
# Example: RETENTION_DAYS = {"advice_question": 180}. `manage.py purge_expired_data` lists
# every owner with the period in force.
RETENTION_DAYS: dict[str, int] = {}

WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# Starting a translation must never publish it: by default wagtail-localize publishes a new
# translation at once (with the source language's text) when the source page is live. With
# this off the translation starts as a draft and goes live only when a moderator approves it
# (portal/translation_review.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Classroom courses (courses/services/bookings.py, courses/payments/) ---------------------
# How long a seat is held while its booker pays; an unpaid hold then frees the seat.
COURSE_PAYMENT_HOLD = timedelta(minutes=30)
# How long the first in line has to take a seat offered from the waiting list.
COURSE_OFFER_VALIDITY = timedelta(hours=48)
# Reminders before a session, in days.
COURSE_REMINDER_DAYS = (7, 1)
# Bookings per hour per IP (the form is public).
COURSE_BOOKING_RATE_LIMIT = "20/h/ip"
# VAT on training that is not exempt; invoices state it, or the exemption.
COURSE_VAT_RATE = Decimal("21.00")
# What a Dutch invoice must show and the Centre settings do not hold (production reads them
# from the environment: INVOICE_CHAMBER_OF_COMMERCE, INVOICE_VAT_NUMBER, INVOICE_IBAN). The
# demo's are made up.
COURSE_INVOICE_ISSUER = {
    "chamber_of_commerce": "00000000",
    "vat_number": "NL000000000B00",
    "iban": "NL00 BANK 0000 0000 00",
}
# Stripe: without a secret key only free and invoice are offered. STRIPE_API_BASE lets the
# tests point the official client at a local stub of Stripe's HTTP API.
STRIPE_SECRET_KEY = ""
STRIPE_WEBHOOK_SECRET = ""
STRIPE_API_BASE = ""
