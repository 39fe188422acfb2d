"""Delivery channels: SMTP e-mail, generic webhook (HMAC-signed), WeCom, DingTalk (signed), Feishu/Lark,
Slack and Telegram. Each takes rendered digests and raises :class:`DeliveryError` when the other side did
not accept them. Credentials come from environment variables named in ``watches.yaml`` and are never logged.
"""

from __future__ import annotations

import base64
import contextlib
import email.utils
import hashlib
import hmac
import http.client
import json
import os
import smtplib
import ssl
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any

from parkwatch.alerts.digest import render
from parkwatch.alerts.watches import Channel
from parkwatch.store import Store

# Message size limits of each service (bytes of the message text), digests are cut to fit.
LIMITS = {"wecom": 4000, "dingtalk": 19000, "feishu": 29000, "slack": 39000, "telegram": 4000, "webhook": None,
          "email": None}


class DeliveryError(Exception):
    """The channel did not accept the message (the reason, without credentials)."""


def _env(name: str | None) -> str | None:
    return os.environ.get(name) if name else None


def _post_json(url: str, payload: dict[str, Any], headers: dict[str, str] | None = None, timeout: float = 20) -> bytes:
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=data, method="POST",
                                     headers={"Content-Type": "application/json; charset=utf-8", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (configured URL)
            body = response.read()
            if response.status >= 300:
                raise DeliveryError(f"HTTP {response.status}")
            return body
    except (OSError, http.client.HTTPException, ValueError) as exc:  # URLError, HTTPError, timeouts, bad answers
        raise DeliveryError(f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}") from None


def _keyed(text: str, key: str) -> str:
    """IM robots have no idempotency field: the key closes the message, so a repeat can be recognised."""
    return f"{text}\n\n(parkwatch {key})" if key else text


def _check_api(body: bytes, ok_key: str, ok_values: tuple[Any, ...]) -> None:
    """IM webhooks answer 200 with an error code inside; treat a non-zero code as a failure."""
    try:
        answer = json.loads(body or b"{}")
    except ValueError:
        return
    if isinstance(answer, dict) and ok_key in answer and answer[ok_key] not in ok_values:
        raise DeliveryError(f"{ok_key}={answer[ok_key]} {answer.get('errmsg') or answer.get('msg') or ''}".strip())


def _smtp_send(o: dict[str, Any], message: EmailMessage) -> None:
    """Deliver *message* with the channel's SMTP settings (SSL or STARTTLS; credentials from the environment)."""
    host, port = o.get("host", "localhost"), int(o.get("port", 25))
    try:
        if o.get("ssl"):
            client: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=30, context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(host, port, timeout=30)
        try:
            if o.get("starttls"):
                client.starttls(context=ssl.create_default_context())
            user, password = _env(o.get("username_env")), _env(o.get("password_env"))
            if user and password:
                client.login(user, password)
            client.send_message(message)
        finally:
            with contextlib.suppress(OSError, smtplib.SMTPException):
                client.quit()  # once the server took the message, QUIT's answer changes nothing
    except (OSError, smtplib.SMTPException) as exc:
        raise DeliveryError(f"SMTP {host}:{port}: {type(exc).__name__}: {exc}") from None


def send_email(channel: Channel, store: Store, watch: str, alerts: list[dict[str, Any]], key: str = "") -> None:
    o = channel.options
    text = render(store, watch, alerts, "text")
    html = render(store, watch, alerts, "html")
    message = EmailMessage()
    message["Subject"] = o.get("subject", f"parkwatch · {watch} · {text.stories} 条新动态")
    message["Date"] = email.utils.formatdate(localtime=False)
    message["Message-ID"] = f"<{key or email.utils.make_msgid().strip('<>')}@parkwatch>"  # the same on every retry
    message["From"] = o.get("from", "parkwatch@localhost")
    message["To"] = ", ".join([o["to"]] if isinstance(o["to"], str) else o["to"])
    message.set_content(text.body)
    message.add_alternative(html.body, subtype="html")
    _smtp_send(o, message)


def send_webhook(channel: Channel, store: Store, watch: str, alerts: list[dict[str, Any]], key: str = "") -> None:
    """JSON POST: ``{"watch", "stories": [...], "text"}``; with ``secret_env``, an HMAC-SHA256 signature header."""
    from parkwatch.alerts.digest import story_entries

    stories = [{"key": f"{watch}/{alert['story_id']}", **{k: e[k] for k in ("title", "url", "site", "source", "date",
                                                                             "terms", "snippet", "also")}}
               for alert, e in zip(alerts, story_entries(store, alerts), strict=False)]
    payload = {"watch": watch, "key": key, "stories": stories, "text": render(store, watch, alerts, "md").body}
    headers = {"X-Parkwatch-Delivery": key} if key else {}
    _post_json(channel.options["url"], payload, {**headers, **_webhook_signature(channel, payload)})


def _webhook_signature(channel: Channel, payload: dict[str, Any]) -> dict[str, str]:
    """With ``secret_env``: ``X-Parkwatch-Signature: sha256=<HMAC-SHA256 of the body>``."""
    secret = _env(channel.options.get("secret_env"))
    if not secret:
        return {}
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    return {"X-Parkwatch-Signature": "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()}


def _dingtalk_url(channel: Channel) -> str:
    """DingTalk's signed robots: timestamp and HMAC-SHA256 of "timestamp\\nsecret" in the URL."""
    url = channel.options["url"]
    secret = _env(channel.options.get("secret_env"))
    if not secret:
        return url
    stamp = str(round(time.time() * 1000))
    digest = hmac.new(secret.encode(), f"{stamp}\n{secret}".encode(), hashlib.sha256).digest()
    return url + ("&" if "?" in url else "?") + f"timestamp={stamp}&sign={urllib.parse.quote_plus(base64.b64encode(digest))}"


def _feishu_signed(channel: Channel, payload: dict[str, Any]) -> dict[str, Any]:
    """Feishu/Lark signature: HMAC-SHA256 keyed with "timestamp\\nsecret" over an empty message."""
    secret = _env(channel.options.get("secret_env"))
    if not secret:
        return payload
    stamp = str(int(time.time()))
    sign = base64.b64encode(hmac.new(f"{stamp}\n{secret}".encode(), b"", hashlib.sha256).digest()).decode()
    return {**payload, "timestamp": stamp, "sign": sign}


def send_wecom(channel: Channel, store: Store, watch: str, alerts: list[dict[str, Any]], key: str = "") -> None:
    md = _keyed(render(store, watch, alerts, "md", limit=LIMITS["wecom"]).body, key)
    _check_api(_post_json(channel.options["url"], {"msgtype": "markdown", "markdown": {"content": md}}),
               "errcode", (0,))


def send_dingtalk(channel: Channel, store: Store, watch: str, alerts: list[dict[str, Any]], key: str = "") -> None:
    md = _keyed(render(store, watch, alerts, "md", limit=LIMITS["dingtalk"]).body, key)
    payload = {"msgtype": "markdown", "markdown": {"title": f"parkwatch · {watch}", "text": md}}
    _check_api(_post_json(_dingtalk_url(channel), payload), "errcode", (0,))


def send_feishu(channel: Channel, store: Store, watch: str, alerts: list[dict[str, Any]], key: str = "") -> None:
    text = _keyed(render(store, watch, alerts, "text", limit=LIMITS["feishu"]).body, key)
    payload = _feishu_signed(channel, {"msg_type": "text", "content": {"text": text}})
    _check_api(_post_json(channel.options["url"], payload), "code", (0, None))


def send_slack(channel: Channel, store: Store, watch: str, alerts: list[dict[str, Any]], key: str = "") -> None:
    text = _keyed(render(store, watch, alerts, "slack", limit=LIMITS["slack"]).body, key)
    _post_json(channel.options["url"], {"text": text, "mrkdwn": True})


def send_telegram(channel: Channel, store: Store, watch: str, alerts: list[dict[str, Any]], key: str = "") -> None:
    token = _env(channel.options.get("token_env"))
    if not token:
        raise DeliveryError(f"environment variable {channel.options.get('token_env')} is not set")
    base = channel.options.get("api_base", "https://api.telegram.org")
    text = _keyed(render(store, watch, alerts, "text", limit=LIMITS["telegram"]).body, key)
    body = _post_json(f"{base}/bot{token}/sendMessage",
                      {"chat_id": channel.options["chat_id"], "text": text, "disable_web_page_preview": True})
    _check_api(body, "ok", (True,))


SENDERS: dict[str, Callable[[Channel, Store, str, list[dict[str, Any]]], None]] = {
    "email": send_email, "webhook": send_webhook, "wecom": send_wecom, "dingtalk": send_dingtalk,
    "feishu": send_feishu, "slack": send_slack, "telegram": send_telegram,
}


def send_text(channel: Channel, subject: str, text: str) -> None:
    """A plain message (site-health alerts) through any channel type."""
    o = channel.options
    if channel.type == "email":
        message = EmailMessage()
        message["Subject"], message["From"] = subject, o.get("from", "parkwatch@localhost")
        message["To"] = ", ".join([o["to"]] if isinstance(o["to"], str) else o["to"])
        message.set_content(text)
        _smtp_send(o, message)
        return
    body = f"{subject}\n{text}"
    if channel.type == "webhook":  # signed as digests are
        payload = {"health": subject, "text": text}
        _post_json(o["url"], payload, _webhook_signature(channel, payload))
    elif channel.type == "wecom":
        _check_api(_post_json(o["url"], {"msgtype": "text", "text": {"content": body[:2000]}}), "errcode", (0,))
    elif channel.type == "dingtalk":
        _check_api(_post_json(_dingtalk_url(channel), {"msgtype": "text", "text": {"content": body[:5000]}}),
                   "errcode", (0,))
    elif channel.type == "feishu":
        _check_api(_post_json(o["url"], _feishu_signed(channel, {"msg_type": "text", "content": {"text": body[:10000]}})),
                   "code", (0, None))
    elif channel.type == "slack":
        _post_json(o["url"], {"text": body[:30000]})
    elif channel.type == "telegram":
        token = _env(o.get("token_env"))
        if not token:
            raise DeliveryError(f"environment variable {o.get('token_env')} is not set")
        base = o.get("api_base", "https://api.telegram.org")
        _check_api(_post_json(f"{base}/bot{token}/sendMessage", {"chat_id": o["chat_id"], "text": body[:4000]}),
                   "ok", (True,))
