"""The shapes of the results: :class:`typing.TypedDict` s for type checkers and editors.

Results are plain ``dict`` s at run time (the JSON the API sent, after the C library checked its
shape: a JSON object, or a page of objects; their members are not checked); these classes only
describe them, so ``profile["name"]`` is known to be a ``str`` and ``profile["nmae"]`` is an error
for mypy or pyright. They follow the vendored OpenAPI definition
(``tests/api/telnyx-messaging.openapi.yml``) and the Rust models of ``src/resources/*.rs``:

* A key is required (always present) only where the Rust model requires it
  (:class:`AutorespConfig` ``id``, ``op``, ``keywords``, ``country_code``;
  :class:`NumberPoolSettings` weights and ``skip_unhealthy``; :class:`UrlShortenerSettings`
  ``domain``; the three flags of :class:`MessagingFeatureSet`). Every other key may be missing:
  read it with ``.get()`` or check ``"key" in result``.
* A value is ``Optional`` where the definition says it may be ``null`` (``webhook_url``,
  ``number_pool_settings``, ``messaging_profile_id`` of a short code, ...).
* Enumerations are ``str``: the values the definition lists are given in the comments, and a
  value added to the API later still comes through.
* Keys the definition does not list are kept in the dict too (the types do not show them).
* Metrics are free-form objects in the definition: :data:`ProfileMetrics` and
  :data:`ProfileMetricsHighLevel` are ``Dict[str, Any]``.

Only the standard library's :mod:`typing` is used (Python 3.8 and later).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, TypedDict

__all__ = [
    "PageMeta",
    "MessagingProfile",
    "NumberPoolSettings",
    "UrlShortenerSettings",
    "PhoneNumberWithMessagingSettings",
    "MessagingFeatures",
    "MessagingFeatureSet",
    "NumberHealthMetrics",
    "ShortCode",
    "AlphanumericSenderId",
    "AutorespConfig",
    "ProfileMetrics",
    "ProfileMetricsHighLevel",
]


class PageMeta(TypedDict, total=False):
    """``meta`` of a list answer (:attr:`Page.meta <telnyx_messaging.Page.meta>`). Each key may be
    missing: a server that leaves one out does not break a list (iterators stop instead)."""

    page_number: int
    """The number of this page, from 1."""
    page_size: int
    """Items per page."""
    total_pages: int
    """How many pages there are."""
    total_results: int
    """How many items there are in all."""


class _NumberPoolSettingsRequired(TypedDict):
    """The keys of :class:`NumberPoolSettings` that are always present."""

    long_code_weight: float
    """Probability weight of long code numbers (non-negative; 0 removes them from the pool)."""
    toll_free_weight: float
    """Probability weight of toll-free numbers (non-negative; 0 removes them from the pool)."""
    skip_unhealthy: bool
    """Whether unhealthy numbers are left out of the pool."""


class NumberPoolSettings(_NumberPoolSettingsRequired, total=False):
    """``number_pool_settings`` of a :class:`MessagingProfile`: sending from a pool of the
    profile's long code and toll-free numbers, weighted by type. ``long_code_weight``,
    ``toll_free_weight`` and ``skip_unhealthy`` are always present."""

    geomatch: bool
    """Prefer a sending number with the destination's area code (NANP only)."""
    sticky_sender: bool
    """Prefer the same sending number for every message to one recipient."""


class _UrlShortenerSettingsRequired(TypedDict):
    """The keys of :class:`UrlShortenerSettings` that are always present."""

    domain: str
    """One of the domains of the Telnyx URL shortener service."""


class UrlShortenerSettings(_UrlShortenerSettingsRequired, total=False):
    """``url_shortener_settings`` of a :class:`MessagingProfile`: replacing public URL shortener
    links with Telnyx links. ``domain`` is always present."""

    prefix: str
    """Brand prefix shown after the domain in the generated URLs."""
    replace_blacklist_only: bool
    """Replace only the links Telnyx blacklists."""
    send_webhooks: bool
    """Send webhooks when replaced links are clicked."""


class MessagingProfile(TypedDict, total=False):
    """A messaging profile (``client.messaging_profiles``). Every key may be missing."""

    id: str
    """Identifies the profile (a UUID)."""
    record_type: str
    """Always ``"messaging_profile"``."""
    name: str
    """A user-friendly name."""
    enabled: bool
    """Whether the profile is enabled."""
    webhook_url: Optional[str]
    """Where webhooks of the profile are sent; ``None`` when unset."""
    webhook_failover_url: Optional[str]
    """Where webhooks go when ``webhook_url`` fails; ``None`` when unset."""
    webhook_api_version: str
    """The webhook format: ``"1"``, ``"2"`` or ``"2010-04-01"``."""
    health_webhook_url: Optional[str]
    """Deprecated health check URL."""
    whitelisted_destinations: List[str]
    """ISO 3166-1 alpha-2 codes the profile may send to (``["*"]``: every destination)."""
    number_pool_settings: Optional[NumberPoolSettings]
    """The number pool; ``None`` when disabled."""
    url_shortener_settings: Optional[UrlShortenerSettings]
    """The URL shortener; ``None`` when disabled."""
    alpha_sender: Optional[str]
    """Alphanumeric sender ID for destinations that require one."""
    daily_spend_limit: str
    """Maximum spend in USD before midnight UTC, as a decimal string (``"100.00"``)."""
    daily_spend_limit_enabled: bool
    """Whether ``daily_spend_limit`` is enforced."""
    mms_fall_back_to_sms: bool
    """SMS fallback for MMS messages."""
    mms_transcoding: bool
    """Automated resizing of MMS media."""
    mobile_only: bool
    """Send only to mobile numbers."""
    redaction_enabled: bool
    """Whether message content redaction is enabled."""
    redaction_level: int
    """How much of a message is redacted."""
    smart_encoding: bool
    """Automatic choice of the cheapest SMS encoding (GSM-7 or UCS-2)."""
    ai_assistant_id: Optional[str]
    """The AI assistant of the profile."""
    resource_group_id: Optional[str]
    """The resource group of the profile."""
    organization_id: str
    """The organization that owns the profile."""
    v1_secret: str
    """Secret of the v1 endpoints (shown as ``'[redacted]'`` in the result's repr)."""
    created_at: str
    """ISO 8601 creation time."""
    updated_at: str
    """ISO 8601 update time."""


class MessagingFeatureSet(TypedDict):
    """The features of a number for SMS or MMS (:class:`MessagingFeatures`). All three keys are
    always present."""

    domestic_two_way: bool
    """Send to and receive from numbers of the same country."""
    international_inbound: bool
    """Receive from numbers of other countries."""
    international_outbound: bool
    """Send to numbers of other countries."""


class MessagingFeatures(TypedDict, total=False):
    """``features`` of a :class:`PhoneNumberWithMessagingSettings`."""

    sms: Optional[MessagingFeatureSet]
    """SMS features; ``None`` when the number has no SMS."""
    mms: Optional[MessagingFeatureSet]
    """MMS features; ``None`` when the number has no MMS."""


class NumberHealthMetrics(TypedDict, total=False):
    """``health`` of a :class:`PhoneNumberWithMessagingSettings`: how its messages fare."""

    message_count: int
    """How many messages the metrics are computed from."""
    inbound_outbound_ratio: float
    """Messages received per message sent."""
    success_ratio: float
    """Share of the attempted messages that were delivered."""
    spam_ratio: float
    """Share of the attempted messages blocked as spam."""


class PhoneNumberWithMessagingSettings(TypedDict, total=False):
    """A phone number of a profile with its messaging settings
    (``client.messaging_profiles.list_phone_numbers``). Every key may be missing."""

    id: str
    """Identifies the number (a numeric string)."""
    record_type: str
    """``"messaging_settings"`` or ``"messaging_phone_number"``."""
    phone_number: str
    """The +E.164 number."""
    messaging_profile_id: Optional[str]
    """The profile the number belongs to; ``None`` when none."""
    country_code: str
    """ISO 3166-1 alpha-2 country."""
    type: str
    """``"long-code"``, ``"toll-free"``, ``"short-code"`` (or ``"longcode"``, ``"tollfree"``,
    ``"shortcode"``)."""
    messaging_product: str
    """The messaging product the number uses."""
    eligible_messaging_products: List[str]
    """The messaging products the number may be registered for."""
    traffic_type: str
    """The traffic or use case the number is configured for."""
    features: MessagingFeatures
    """SMS and MMS features."""
    health: NumberHealthMetrics
    """Health metrics of the number."""
    tags: List[str]
    """Tags of the number."""
    organization_id: str
    """The organization that owns the number."""
    created_at: str
    """ISO 8601 creation time."""
    updated_at: str
    """ISO 8601 update time."""


class ShortCode(TypedDict, total=False):
    """A short code (``client.short_codes``). Every key may be missing."""

    id: str
    """Identifies the short code (a UUID, not the digits)."""
    record_type: str
    """Always ``"short_code"``."""
    short_code: str
    """The digits."""
    messaging_profile_id: Optional[str]
    """The profile it is assigned to; ``None`` when unassigned."""
    country_code: str
    """ISO 3166-1 alpha-2 country."""
    tags: List[str]
    """Tags of the short code."""
    created_at: str
    """ISO 8601 creation time."""
    updated_at: str
    """ISO 8601 update time."""


class AlphanumericSenderId(TypedDict, total=False):
    """An alphanumeric sender ID of a profile
    (``client.messaging_profiles.list_alphanumeric_sender_ids``). Every key may be missing."""

    id: str
    """Identifies the sender ID (a UUID)."""
    record_type: str
    """Always ``"alphanumeric_sender_id"``."""
    alphanumeric_sender_id: str
    """The sender ID text."""
    messaging_profile_id: str
    """The profile it belongs to."""
    organization_id: str
    """The organization that owns it."""
    us_long_code_fallback: str
    """US long code used instead for US destinations."""


class _AutorespConfigRequired(TypedDict):
    """The keys of :class:`AutorespConfig` that are always present."""

    id: str
    """Identifies the config."""
    op: str
    """What it reacts to: ``"start"``, ``"stop"`` or ``"info"``."""
    keywords: List[str]
    """The keywords that trigger it."""
    country_code: str
    """The ISO 3166-1 alpha-2 country it applies to, or ``"*"``."""


class AutorespConfig(_AutorespConfigRequired, total=False):
    """An auto-response config of a profile (``client.messaging_profiles.autoresp_configs``).
    ``id``, ``op``, ``keywords`` and ``country_code`` are always present."""

    resp_text: str
    """The text sent back."""
    created_at: str
    """ISO 8601 creation time."""
    updated_at: str
    """ISO 8601 update time."""


ProfileMetrics = Dict[str, Any]
"""Detailed metrics of one profile (``client.messaging_profiles.retrieve_metrics``): a free-form
object in the API definition."""

ProfileMetricsHighLevel = Dict[str, Any]
"""High-level metrics of one profile (the items of ``client.messaging_profile_metrics.list``): a
free-form object in the API definition."""
