"""Which inbound tokens the bot takes once it has an app id: the Bot Connector's, no others.

botbuilder validates three kinds of bearer token, told apart by their issuer before the
signature is checked:

- the channel's (`iss` https://api.botframework.com): signature, expiry, `aud` = the app
  id, the key's endorsement of the channel, and the `serviceurl` claim against the
  activity's serviceUrl: the Bot Connector authentication spec's seven checks;
- the Bot Framework Emulator's (`iss` one of the Bot Framework tenants' Entra issuers):
  signature, expiry and `appid`/`azp` = the app id, but neither `aud` nor `serviceurl`;
- skills' (the same issuers, another bot's app id): refused by botbuilder itself unless a
  claims validator is configured.

Teams sends only the first kind. The bot's own outbound token is of the second kind
(issued in the Bot Framework tenant, `appid` = the bot, `aud` https://api.botframework.com):
botbuilder's emulator path accepts it and then fails on the reply ("Invalid app_id", a
500), so a leaked outbound token would be a way in. With an app id `TokenPolicy` adds:

- before validation, from the token's unverified header: the issuer must be the channel's
  (`BOT_TOKEN_ISSUER` in offline tests), else 401 without fetching any keys; Emulator and
  skill issuers only with `ALLOW_EMULATOR_TOKENS=true`, for local testing (start-up says
  so in the log);
- after validation: `aud` must be the app id, and a `serviceurl` claim, where the issuer
  puts one, must equal the activity's serviceUrl (botbuilder checks it on the channel
  path only).

Every refusal is a PermissionError, which the HTTP edge answers 401.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jwt
from botframework.connector.auth import AuthenticationConstants

from bot.settings import Settings


@dataclass(frozen=True)
class TokenPolicy:
    app_id: str  # empty: anonymous, nothing to check
    channel_issuer: str
    allow_emulator: bool = False

    @classmethod
    def of(cls, settings: Settings) -> TokenPolicy:
        issuer = settings.token_issuer or AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER
        return cls(settings.app_id, issuer, settings.allow_emulator_tokens)

    def before(self, auth_header: str) -> None:
        """Refuse a token from an issuer the bot does not take, before any key is fetched."""
        if not self.app_id or self.allow_emulator:
            return  # botbuilder's own checks decide
        issuer = _unverified_issuer(auth_header)
        if issuer != self.channel_issuer:
            raise PermissionError(f"tokens issued by {issuer!r} are not accepted")

    def after(self, claims: dict[str, Any], service_url: str | None) -> None:
        """Refuse a validated token that is not addressed to this bot for this activity."""
        if not self.app_id:
            return
        if claims.get(AuthenticationConstants.AUDIENCE_CLAIM) != self.app_id:
            raise PermissionError("the token is not addressed to this bot")
        claimed = claims.get(AuthenticationConstants.SERVICE_URL_CLAIM)
        if claimed is not None and claimed != service_url:
            raise PermissionError("the token's serviceurl is not the activity's")


def _unverified_issuer(auth_header: str) -> str | None:
    scheme, _, token = auth_header.partition(" ")
    if scheme != "Bearer" or not token:
        return None
    try:
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return None
    issuer = claims.get("iss") if isinstance(claims, dict) else None
    return issuer if isinstance(issuer, str) else None
