"""Owner sign-in rules, without Streamlit: password hashes, the e-mail allow-list and the decision.

Secrets come in as a plain dict (the parsed `.streamlit/secrets.toml`):

- `[auth]` (st.login's OIDC settings) switches on sign-in with an identity provider; `[netmetrics.owners]`
  maps allowed e-mails to the workspaces they own: "default" (the dashboard's main database), workspace
  slugs, or "*" for every workspace (an administrator). Any other e-mail is refused.
- Without `[auth]`, `[netmetrics] owner_password_hash` (bcrypt `$2b$...` or argon2 `$argon2id$...`) asks for
  a password; whoever knows it administers every workspace. Wrong passwords are throttled per server.
- With neither, nothing is asked: the local single-user app as before.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

import bcrypt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

DEFAULT_WORKSPACE = "default"
EVERY_WORKSPACE = "*"
_BCRYPT_PREFIXES = ("$2a$", "$2b$", "$2y$")

Mode = Literal["open", "password", "oidc"]
Decision = Literal["owner", "ask_password", "ask_login", "refused"]


def hash_password(password: str) -> str:
    """A bcrypt hash for secrets.toml (the README's one-liner does the same)."""
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode()


def verify_password(password: str, stored_hash: str) -> bool:
    """True only when `password` matches the bcrypt or argon2 hash; a wrong, empty or too long password and a
    malformed or unknown hash are all simply False, never an exception."""
    if not isinstance(password, str) or not isinstance(stored_hash, str) or not password:
        return False
    stored_hash = stored_hash.strip()
    try:
        if stored_hash.startswith("$argon2"):
            return PasswordHasher().verify(stored_hash, password)
        if stored_hash.startswith(_BCRYPT_PREFIXES):
            return bcrypt.checkpw(password.encode(), stored_hash.encode())
    except (VerificationError, InvalidHashError, ValueError, TypeError):
        return False
    return False


def owners_from(mapping: Mapping | None) -> dict[str, tuple[str, ...]]:
    """The allow-list as {lower-case e-mail: workspace slugs}; a value may be one slug or a list of slugs."""
    owners: dict[str, tuple[str, ...]] = {}
    for email, slugs in (mapping or {}).items():
        key = str(email).strip().lower()
        if not key:
            continue
        values = (slugs,) if isinstance(slugs, str) else tuple(slugs or ())
        owners[key] = tuple(str(s).strip() for s in values if str(s).strip())
    return owners


def workspaces_for(owners: Mapping[str, tuple[str, ...]], email: str | None) -> tuple[str, ...]:
    """The workspaces an e-mail may own (case-insensitive match); () when it is not on the list."""
    if not email:
        return ()
    return owners.get(str(email).strip().lower(), ())


@dataclass(frozen=True)
class SignIn:
    mode: Mode = "open"
    password_hash: str = ""
    owners: dict[str, tuple[str, ...]] = field(default_factory=dict)
    provider: str | None = None  # st.login's provider: None for a flat [auth], else the first [auth.NAME]


def _provider(auth_section: Mapping) -> str | None:
    """None when [auth] itself names the provider (client_id at its top); otherwise the first [auth.NAME]
    table, so `[auth.google]` or `[auth.microsoft]` works with one Sign in button."""
    if "client_id" in auth_section:
        return None
    return next((str(name) for name, value in auth_section.items() if isinstance(value, Mapping)), None)


def settings_from(secrets: Mapping | None) -> SignIn:
    """How owners sign in, from the parsed secrets: `[auth]` wins over the password; neither means open."""
    secrets = secrets or {}
    section = secrets.get("netmetrics") or {}
    section = section if isinstance(section, Mapping) else {}
    owners = owners_from(section.get("owners") if isinstance(section.get("owners"), Mapping) else None)
    if isinstance(secrets.get("auth"), Mapping) and secrets.get("auth"):
        return SignIn(mode="oidc", owners=owners, provider=_provider(secrets["auth"]))
    password_hash = section.get("owner_password_hash")
    if isinstance(password_hash, str) and password_hash.strip():
        return SignIn(mode="password", password_hash=password_hash.strip(), owners=owners)
    return SignIn()


def decide(settings: SignIn, *, password_ok: bool = False, logged_in: bool = False,
           email: str | None = None) -> Decision:
    """Whether a session that is not a share-link viewer is the owner, must sign in, or is refused."""
    if settings.mode == "open":
        return "owner"
    if settings.mode == "password":
        return "owner" if password_ok else "ask_password"
    if not logged_in:
        return "ask_login"
    return "owner" if workspaces_for(settings.owners, email) else "refused"


def owned(settings: SignIn, email: str | None = None) -> tuple[str, ...] | None:
    """The workspaces an owner may open: None means every one (no sign-in, the password, or "*" on the
    allow-list); otherwise the slugs the allow-list gives this e-mail ("default" is the main database)."""
    if settings.mode != "oidc":
        return None
    slugs = workspaces_for(settings.owners, email)
    return None if EVERY_WORKSPACE in slugs else slugs


class Throttle:
    """At most `limit` wrong passwords per `window` seconds for the whole server process, whatever the session:
    a new browser tab does not reset it. (It also slows the owner down while someone guesses; that is the
    price of not being guessable.)"""

    def __init__(self, limit: int = 5, window: float = 60.0, clock: Callable[[], float] = time.monotonic):
        self.limit, self.window, self._clock = limit, window, clock
        self._failures: deque[float] = deque()
        self._lock = threading.Lock()

    def wait(self) -> float:
        """Seconds until another attempt is allowed; 0 when one is allowed now."""
        with self._lock:
            now = self._clock()
            while self._failures and now - self._failures[0] >= self.window:
                self._failures.popleft()
            if len(self._failures) < self.limit:
                return 0.0
            return self.window - (now - self._failures[0])

    def failed(self) -> None:
        with self._lock:
            self._failures.append(self._clock())
