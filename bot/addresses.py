"""Reply addresses: where the bot may send, compared as parsed URLs, never as strings.

A service URL is where replies and proactive messages go, carrying the bot's bearer token
when an app id is set, so a prefix test on the text is not enough (`http://127.0.0.1:P@
127.0.0.1:OTHER/` starts with `http://127.0.0.1:P`, and `https://host.evil.com/` with
`https://host`). Every URL is parsed first and refused outright when parsers could read it
two ways:

- scheme http or https; a host; a port, given or the scheme's default;
- no user name or password (`@` anywhere before the path), no query, no fragment, no
  backslash, space, control or non-ASCII character, no `.` or `..` path segment, no
  percent-escaped dot;
- the host is a DNS name (compared in lower case) whose last label is not a number, or an IP literal
  (IPv6 in brackets), written in its canonical form afterwards: `127.1` and `2130706433`
  are refused, `[0:0::1]` is `::1`.

An entry (an address replies may go to) matches a URL with the same scheme, host and port
exactly whose path starts with the entry's path segment by segment (`/api` matches `/api`
and `/api/v3/...`, not `/apix`). Where replies may go is `bot/gate.py`'s rule.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}
_PRINTABLE = re.compile(r"[!-~]+")  # ASCII without space and control characters
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_NAME = re.compile(rf"{_LABEL}(?:\.{_LABEL})*")
_DOT_SEGMENT = re.compile(r"(?:^|/)\.{1,2}(?:/|$)|%2e", re.IGNORECASE)


class AddressError(ValueError):
    """Not a URL replies may ever go to; the message says why."""


@dataclass(frozen=True)
class Address:
    scheme: str
    host: str  # a lower-case name or a canonical IP address, IPv6 without brackets
    port: int
    path: str  # always ends with "/"

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)

    def covers(self, other: Address) -> bool:
        """`other` is this address or below it."""
        return (
            (self.scheme, self.host, self.port) == (other.scheme, other.host, other.port)
        ) and other.path.startswith(self.path)


def is_loopback(host: str) -> bool:
    """`localhost` or a loopback IP address (127.0.0.0/8, ::1), brackets or not."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse(url: str) -> Address:
    """The address `url` names, or AddressError."""
    if not _PRINTABLE.fullmatch(url) or "\\" in url:
        raise AddressError("has a space, a backslash, a control or a non-ASCII character")
    try:
        parts = urlsplit(url)
    except ValueError as error:  # "Invalid IPv6 URL" and the like
        raise AddressError("is not a URL") from error
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise AddressError("is not an http or https URL")
    if "@" in parts.netloc:
        raise AddressError("has a user name or password")
    if "?" in url or "#" in url:
        raise AddressError("has a query or a fragment")
    path = parts.path or "/"
    if _DOT_SEGMENT.search(path):
        raise AddressError("has a '.' or '..' path segment")
    try:
        port = parts.port
    except ValueError as error:
        raise AddressError("has a malformed port") from error
    if port == 0:
        raise AddressError("has port 0")
    host = _host(parts.netloc)
    return Address(scheme, host, port or _DEFAULT_PORTS[scheme], path.rstrip("/") + "/")


def _host(netloc: str) -> str:
    if netloc.startswith("["):
        literal, _, rest = netloc[1:].partition("]")
        if rest and not re.fullmatch(r":[0-9]*", rest):
            raise AddressError("has a malformed IPv6 address")
        try:
            return ipaddress.IPv6Address(literal).compressed
        except ValueError as error:
            raise AddressError("has a malformed IPv6 address") from error
    name = (netloc.rsplit(":", 1)[0] if ":" in netloc else netloc).lower()
    if not name:
        raise AddressError("has no host")
    try:
        return ipaddress.IPv4Address(name).compressed
    except ValueError:
        pass
    if not _NAME.fullmatch(name) or name.rsplit(".", 1)[-1].isdigit():
        raise AddressError("has a host that is neither a lower-case name nor an IP address")
    return name


def parse_or_none(url: str) -> Address | None:
    try:
        return parse(url)
    except AddressError:
        return None
