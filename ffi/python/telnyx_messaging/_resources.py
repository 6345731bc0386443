"""The API resources: ``client.messaging_profiles`` (with ``.autoresp_configs``),
``client.short_codes`` and ``client.messaging_profile_metrics``.

Every method takes keyword-only arguments (ids are positional), returns ``dict``s as the API
returned them (``v1_secret`` redacted in their repr), and raises the exceptions of
:mod:`telnyx_messaging`. An unknown keyword is a ``TypeError`` raised by Python, and an argument
that does not fit its type hint an :class:`InvalidArgumentTypeError`, before anything is sent.
"""

from __future__ import annotations

import collections.abc
import functools
import itertools
import types
import typing
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Sequence, Tuple, Union, cast

from ._base import (
    NOT_GIVEN,
    _bad_type,
    ItemIterator,
    NotGiven,
    Page,
    call_json,
    call_page,
    cstr,
    given,
    json_arg,
    open_iter,
    params_arg,
)
from ._types import (
    AlphanumericSenderId,
    AutorespConfig,
    MessagingProfile,
    PhoneNumberWithMessagingSettings,
    ProfileMetrics,
    ProfileMetricsHighLevel,
    ShortCode,
)

if TYPE_CHECKING:
    from ._base import ClientHandle

__all__ = ["MessagingProfiles", "AutorespConfigs", "ShortCodes", "MessagingProfileMetrics"]

JSON = Dict[str, Any]
#: A time frame of metrics: "1h", "3h", "24h" (server default), "3d", "7d" or "30d".
TimeFrame = str


def _describe(hint: Any) -> str:
    """A type hint in words: ``Optional[str]`` -> ``a str or None``."""
    origin = typing.get_origin(hint)
    if origin is Union:
        return " or ".join(_describe(a) for a in typing.get_args(hint) if a is not NotGiven)
    if hint is type(None):
        return "None"
    if origin in (collections.abc.Sequence, list):
        return f"a sequence of {typing.get_args(hint)[0].__name__}"
    if origin is dict:
        return "a dict"
    return f"{'an' if hint is int else 'a'} {getattr(hint, '__name__', hint)}"


def _checker(hint: Any) -> Callable[[Any], bool]:
    """The test of whether a value fits a type hint, built once per argument (a call only runs
    the returned function)."""
    origin = typing.get_origin(hint)
    if hint is Any:
        return lambda value: True
    if origin is Union:
        options = [_checker(a) for a in typing.get_args(hint)]
        return lambda value: any(fits(value) for fits in options)
    if hint is NotGiven:
        return lambda value: value is NOT_GIVEN
    if hint is type(None):
        return lambda value: value is None
    if origin in (collections.abc.Sequence, list):
        item = _checker(typing.get_args(hint)[0])
        return lambda value: isinstance(value, (list, tuple)) and all(item(v) for v in value)
    if origin is dict:
        return lambda value: isinstance(value, dict)
    if hint in (int, float):
        return lambda value: isinstance(value, hint) and not isinstance(value, bool)
    return lambda value: isinstance(value, hint)


def _what(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        kinds = sorted({type(v).__name__ for v in value})
        return f"a {type(value).__name__} of {', '.join(kinds)}" if kinds else f"an empty {type(value).__name__}"
    return type(value).__name__


def _typed(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Wraps a resource method so that every argument is checked against its type hint before
    anything else happens: a wrong type is an :class:`InvalidArgumentTypeError` naming the
    argument (``name must be a str, not int``), in Python's terms, with nothing sent."""
    code = fn.__code__
    positional = code.co_varnames[1 : code.co_argcount]
    names = code.co_varnames[1 : code.co_argcount + code.co_kwonlyargcount]
    # The hints and their checkers, made at the first call: importing the package stays cheap.
    prepared: List[Tuple[Dict[str, Any], Dict[str, Callable[[Any], bool]]]] = []

    def prepare() -> Tuple[Dict[str, Any], Dict[str, Callable[[Any], bool]]]:
        if not prepared:
            hints = typing.get_type_hints(fn)  # every name a hint uses is defined above the classes
            prepared.append((hints, {name: _checker(hints.get(name, Any)) for name in names}))
        return prepared[0]

    @functools.wraps(fn)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        # Only the arguments given are checked. Too many, unknown or missing arguments are left
        # to the call itself, which raises Python's own TypeError.
        if len(args) <= len(positional) and not any(name in kwargs for name in positional[: len(args)]):
            hints, checks = prepare()
            for name, value in itertools.chain(zip(positional, args), kwargs.items()):
                check = checks.get(name)
                if check is not None and not check(value):
                    hint = hints[name]
                    raise _bad_type(f"{name} must be {_describe(hint)}, not {_what(value)}")
        return fn(self, *args, **kwargs)

    return wrapper


class _Resource:
    def __init__(self, handle: "ClientHandle") -> None:
        self._handle = handle

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Every public method of every resource gets its arguments type-checked, including
        # methods added later.
        super().__init_subclass__(**kwargs)
        for name, member in list(vars(cls).items()):
            if not name.startswith("_") and isinstance(member, types.FunctionType):
                setattr(cls, name, _typed(member))


class AutorespConfigs(_Resource):
    """Auto-response configs of a messaging profile:
    ``client.messaging_profiles.autoresp_configs``."""

    def list(
        self,
        profile_id: str,
        *,
        country_code: Optional[str] = None,
        created_at_gte: Optional[str] = None,
        created_at_lte: Optional[str] = None,
        updated_at_gte: Optional[str] = None,
        updated_at_lte: Optional[str] = None,
    ) -> Page[AutorespConfig]:
        """``GET /messaging_profiles/{profile_id}/autoresp_configs``: every config of the profile,
        as one :class:`Page` (the API takes no page parameters).

        Filters: ``country_code``, and ISO 8601 bounds ``created_at_gte`` / ``created_at_lte`` /
        ``updated_at_gte`` / ``updated_at_lte`` (sent as ``created_at[gte]`` and so on).
        """
        params = params_arg(
            dict(
                country_code=country_code,
                created_at_gte=created_at_gte,
                created_at_lte=created_at_lte,
                updated_at_gte=updated_at_gte,
                updated_at_lte=updated_at_lte,
            )
        )
        return call_page(
            self._handle,
            "telnyx_messaging_profiles_autoresp_configs_list",
            cstr(profile_id, "profile_id"),
            params,
        )

    def create(
        self,
        profile_id: str,
        *,
        op: str,
        keywords: Sequence[str],
        country_code: str,
        resp_text: Union[str, NotGiven] = NOT_GIVEN,
    ) -> AutorespConfig:
        """``POST /messaging_profiles/{profile_id}/autoresp_configs``: creates a config.

        ``op`` is ``"start"``, ``"stop"`` or ``"info"``; ``keywords`` trigger it;
        ``country_code`` is an ISO 3166-1 alpha-2 code or ``"*"``; ``resp_text`` is the reply.
        """
        body = given(op=op, keywords=_list(keywords), country_code=country_code, resp_text=resp_text)
        return cast(AutorespConfig, call_json(
            self._handle,
            "telnyx_messaging_profiles_autoresp_configs_create",
            cstr(profile_id, "profile_id"),
            json_arg(body, "body"),
        ))

    def retrieve(self, autoresp_cfg_id: str, *, profile_id: str) -> AutorespConfig:
        """``GET /messaging_profiles/{profile_id}/autoresp_configs/{autoresp_cfg_id}``."""
        return cast(AutorespConfig, call_json(
            self._handle,
            "telnyx_messaging_profiles_autoresp_configs_retrieve",
            cstr(profile_id, "profile_id"),
            cstr(autoresp_cfg_id, "autoresp_cfg_id"),
        ))

    def update(
        self,
        autoresp_cfg_id: str,
        *,
        profile_id: str,
        op: str,
        keywords: Sequence[str],
        country_code: str,
        resp_text: Union[str, NotGiven] = NOT_GIVEN,
    ) -> AutorespConfig:
        """``PUT /messaging_profiles/{profile_id}/autoresp_configs/{autoresp_cfg_id}``: replaces
        the whole config (same fields as :meth:`create`)."""
        body = given(op=op, keywords=_list(keywords), country_code=country_code, resp_text=resp_text)
        return cast(AutorespConfig, call_json(
            self._handle,
            "telnyx_messaging_profiles_autoresp_configs_update",
            cstr(profile_id, "profile_id"),
            cstr(autoresp_cfg_id, "autoresp_cfg_id"),
            json_arg(body, "body"),
        ))

    def delete(self, autoresp_cfg_id: str, *, profile_id: str) -> str:
        """``DELETE /messaging_profiles/{profile_id}/autoresp_configs/{autoresp_cfg_id}``:
        returns what the server answered (the string ``"OK"``)."""
        return cast(str, call_json(
            self._handle,
            "telnyx_messaging_profiles_autoresp_configs_delete",
            cstr(profile_id, "profile_id"),
            cstr(autoresp_cfg_id, "autoresp_cfg_id"),
        ))


def _list(value: Any) -> Any:
    """Sequences (tuples, lists) as JSON arrays; a lone ``str`` is left as is so that the library
    reports the wrong type instead of sending one array item per character."""
    if isinstance(value, (str, bytes)) or value is None or value is NOT_GIVEN:
        return value
    try:
        return list(value)
    except TypeError:
        return value


def _page_params(page_number: Optional[int], page_size: Optional[int]) -> Optional[bytes]:
    return params_arg(dict(page_number=page_number, page_size=page_size))


class MessagingProfiles(_Resource):
    """Messaging profiles: ``client.messaging_profiles``."""

    def __init__(self, handle: "ClientHandle") -> None:
        super().__init__(handle)
        #: Auto-response configs of a profile.
        self.autoresp_configs: AutorespConfigs = AutorespConfigs(handle)

    # -- lists of profiles ----------------------------------------------------------------

    def list(
        self,
        *,
        filter_name: Optional[str] = None,
        filter_name_eq: Optional[str] = None,
        filter_name_contains: Optional[str] = None,
        page_number: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> ItemIterator[MessagingProfile]:
        """``GET /messaging_profiles``: every profile, across pages, fetched lazily (the next page
        is requested only when the current one is used up).

        Filters ``filter_name``, ``filter_name_eq``, ``filter_name_contains`` (sent as
        ``filter[name]``, ``filter[name][eq]``, ``filter[name][contains]``) and ``page_size``
        (1..250; 250 when not given) apply to every page; ``page_number`` is the first page fetched.
        """
        params = params_arg(
            dict(
                filter_name=filter_name,
                filter_name_eq=filter_name_eq,
                filter_name_contains=filter_name_contains,
                page_number=page_number,
                page_size=page_size,
            )
        )
        return ItemIterator(open_iter(self._handle, "telnyx_messaging_profiles_list_all", params))

    def list_page(
        self,
        *,
        filter_name: Optional[str] = None,
        filter_name_eq: Optional[str] = None,
        filter_name_contains: Optional[str] = None,
        page_number: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> Page[MessagingProfile]:
        """``GET /messaging_profiles``: one :class:`Page` (same arguments as :meth:`list`)."""
        params = params_arg(
            dict(
                filter_name=filter_name,
                filter_name_eq=filter_name_eq,
                filter_name_contains=filter_name_contains,
                page_number=page_number,
                page_size=page_size,
            )
        )
        return call_page(self._handle, "telnyx_messaging_profiles_list", params)

    # -- one profile ----------------------------------------------------------------------

    def create(
        self,
        *,
        name: str,
        whitelisted_destinations: Sequence[str],
        enabled: Union[bool, NotGiven] = NOT_GIVEN,
        webhook_url: Union[str, NotGiven] = NOT_GIVEN,
        webhook_failover_url: Union[str, NotGiven] = NOT_GIVEN,
        webhook_api_version: Union[str, NotGiven] = NOT_GIVEN,
        health_webhook_url: Union[str, NotGiven] = NOT_GIVEN,
        number_pool_settings: Union[JSON, NotGiven] = NOT_GIVEN,
        url_shortener_settings: Union[JSON, NotGiven] = NOT_GIVEN,
        alpha_sender: Union[str, NotGiven] = NOT_GIVEN,
        daily_spend_limit: Union[str, NotGiven] = NOT_GIVEN,
        daily_spend_limit_enabled: Union[bool, NotGiven] = NOT_GIVEN,
        mms_fall_back_to_sms: Union[bool, NotGiven] = NOT_GIVEN,
        mms_transcoding: Union[bool, NotGiven] = NOT_GIVEN,
        mobile_only: Union[bool, NotGiven] = NOT_GIVEN,
        smart_encoding: Union[bool, NotGiven] = NOT_GIVEN,
        ai_assistant_id: Union[str, NotGiven] = NOT_GIVEN,
        resource_group_id: Union[str, NotGiven] = NOT_GIVEN,
    ) -> MessagingProfile:
        """``POST /messaging_profiles``: creates a profile and returns it.

        ``name`` and ``whitelisted_destinations`` (ISO 3166-1 alpha-2 codes, or ``["*"]`` for
        every destination) are required. ``daily_spend_limit`` is a decimal string such as
        ``"100.00"``; ``number_pool_settings`` (``long_code_weight``, ``toll_free_weight``,
        ``skip_unhealthy``, optional ``geomatch``, ``sticky_sender``) and
        ``url_shortener_settings`` (``domain``, optional ``prefix``, ``replace_blacklist_only``,
        ``send_webhooks``) are dicts. Arguments left out are not sent.
        """
        body = given(
            name=name,
            whitelisted_destinations=_list(whitelisted_destinations),
            enabled=enabled,
            webhook_url=webhook_url,
            webhook_failover_url=webhook_failover_url,
            webhook_api_version=webhook_api_version,
            health_webhook_url=health_webhook_url,
            number_pool_settings=number_pool_settings,
            url_shortener_settings=url_shortener_settings,
            alpha_sender=alpha_sender,
            daily_spend_limit=daily_spend_limit,
            daily_spend_limit_enabled=daily_spend_limit_enabled,
            mms_fall_back_to_sms=mms_fall_back_to_sms,
            mms_transcoding=mms_transcoding,
            mobile_only=mobile_only,
            smart_encoding=smart_encoding,
            ai_assistant_id=ai_assistant_id,
            resource_group_id=resource_group_id,
        )
        return cast(
            MessagingProfile, call_json(self._handle, "telnyx_messaging_profiles_create", json_arg(body, "body"))
        )

    def retrieve(self, messaging_profile_id: str) -> MessagingProfile:
        """``GET /messaging_profiles/{id}``."""
        return cast(MessagingProfile, call_json(
            self._handle,
            "telnyx_messaging_profiles_retrieve",
            cstr(messaging_profile_id, "messaging_profile_id"),
        ))

    def update(
        self,
        messaging_profile_id: str,
        *,
        name: Union[str, NotGiven] = NOT_GIVEN,
        enabled: Union[bool, NotGiven] = NOT_GIVEN,
        webhook_url: Union[Optional[str], NotGiven] = NOT_GIVEN,
        webhook_failover_url: Union[Optional[str], NotGiven] = NOT_GIVEN,
        webhook_api_version: Union[str, NotGiven] = NOT_GIVEN,
        whitelisted_destinations: Union[Sequence[str], NotGiven] = NOT_GIVEN,
        number_pool_settings: Union[Optional[JSON], NotGiven] = NOT_GIVEN,
        url_shortener_settings: Union[Optional[JSON], NotGiven] = NOT_GIVEN,
        alpha_sender: Union[Optional[str], NotGiven] = NOT_GIVEN,
        daily_spend_limit: Union[str, NotGiven] = NOT_GIVEN,
        daily_spend_limit_enabled: Union[bool, NotGiven] = NOT_GIVEN,
        mms_fall_back_to_sms: Union[bool, NotGiven] = NOT_GIVEN,
        mms_transcoding: Union[bool, NotGiven] = NOT_GIVEN,
        mobile_only: Union[bool, NotGiven] = NOT_GIVEN,
        smart_encoding: Union[bool, NotGiven] = NOT_GIVEN,
        ai_assistant_id: Union[Optional[str], NotGiven] = NOT_GIVEN,
    ) -> MessagingProfile:
        """``PATCH /messaging_profiles/{id}``: changes the fields passed and returns the profile.

        An argument left out is not sent (the field stays as it is); an explicit ``None`` sends
        JSON ``null``, which clears ``webhook_url``, ``webhook_failover_url``,
        ``number_pool_settings``, ``url_shortener_settings``, ``alpha_sender`` and
        ``ai_assistant_id``.
        """
        body = given(
            name=name,
            enabled=enabled,
            webhook_url=webhook_url,
            webhook_failover_url=webhook_failover_url,
            webhook_api_version=webhook_api_version,
            whitelisted_destinations=_list(whitelisted_destinations),
            number_pool_settings=number_pool_settings,
            url_shortener_settings=url_shortener_settings,
            alpha_sender=alpha_sender,
            daily_spend_limit=daily_spend_limit,
            daily_spend_limit_enabled=daily_spend_limit_enabled,
            mms_fall_back_to_sms=mms_fall_back_to_sms,
            mms_transcoding=mms_transcoding,
            mobile_only=mobile_only,
            smart_encoding=smart_encoding,
            ai_assistant_id=ai_assistant_id,
        )
        return cast(MessagingProfile, call_json(
            self._handle,
            "telnyx_messaging_profiles_update",
            cstr(messaging_profile_id, "messaging_profile_id"),
            json_arg(body, "body"),
        ))

    def delete(self, messaging_profile_id: str) -> MessagingProfile:
        """``DELETE /messaging_profiles/{id}``: returns the deleted profile."""
        return cast(MessagingProfile, call_json(
            self._handle,
            "telnyx_messaging_profiles_delete",
            cstr(messaging_profile_id, "messaging_profile_id"),
        ))

    def regenerate_secret(self, messaging_profile_id: str) -> MessagingProfile:
        """``POST /messaging_profiles/{id}/actions/regenerate_secret``: returns the profile with
        its new ``v1_secret``."""
        return cast(MessagingProfile, call_json(
            self._handle,
            "telnyx_messaging_profiles_regenerate_secret",
            cstr(messaging_profile_id, "messaging_profile_id"),
        ))

    def retrieve_metrics(self, messaging_profile_id: str, *, time_frame: Optional[TimeFrame] = None) -> ProfileMetrics:
        """``GET /messaging_profiles/{id}/metrics``: detailed metrics of one profile (a free-form
        dict). ``time_frame``: ``"1h"``, ``"3h"``, ``"24h"`` (server default), ``"3d"``, ``"7d"``
        or ``"30d"``."""
        return cast(ProfileMetrics, call_json(
            self._handle,
            "telnyx_messaging_profiles_retrieve_metrics",
            cstr(messaging_profile_id, "messaging_profile_id"),
            params_arg(dict(time_frame=time_frame)),
        ))

    # -- lists under one profile ----------------------------------------------------------

    def list_phone_numbers(
        self, messaging_profile_id: str, *, page_number: Optional[int] = None, page_size: Optional[int] = None
    ) -> ItemIterator[PhoneNumberWithMessagingSettings]:
        """``GET /messaging_profiles/{id}/phone_numbers``: every phone number of the profile,
        across pages, fetched lazily. ``page_number`` is the first page, ``page_size`` 1..250
        (250 when not given)."""
        return ItemIterator(
            open_iter(
                self._handle,
                "telnyx_messaging_profiles_list_all_phone_numbers",
                cstr(messaging_profile_id, "messaging_profile_id"),
                _page_params(page_number, page_size),
            )
        )

    def list_phone_numbers_page(
        self, messaging_profile_id: str, *, page_number: Optional[int] = None, page_size: Optional[int] = None
    ) -> Page[PhoneNumberWithMessagingSettings]:
        """``GET /messaging_profiles/{id}/phone_numbers``: one :class:`Page`."""
        return call_page(
            self._handle,
            "telnyx_messaging_profiles_list_phone_numbers",
            cstr(messaging_profile_id, "messaging_profile_id"),
            _page_params(page_number, page_size),
        )

    def list_short_codes(
        self, messaging_profile_id: str, *, page_number: Optional[int] = None, page_size: Optional[int] = None
    ) -> ItemIterator[ShortCode]:
        """``GET /messaging_profiles/{id}/short_codes``: every short code of the profile, across
        pages, fetched lazily."""
        return ItemIterator(
            open_iter(
                self._handle,
                "telnyx_messaging_profiles_list_all_short_codes",
                cstr(messaging_profile_id, "messaging_profile_id"),
                _page_params(page_number, page_size),
            )
        )

    def list_short_codes_page(
        self, messaging_profile_id: str, *, page_number: Optional[int] = None, page_size: Optional[int] = None
    ) -> Page[ShortCode]:
        """``GET /messaging_profiles/{id}/short_codes``: one :class:`Page`."""
        return call_page(
            self._handle,
            "telnyx_messaging_profiles_list_short_codes",
            cstr(messaging_profile_id, "messaging_profile_id"),
            _page_params(page_number, page_size),
        )

    def list_alphanumeric_sender_ids(
        self, messaging_profile_id: str, *, page_number: Optional[int] = None, page_size: Optional[int] = None
    ) -> ItemIterator[AlphanumericSenderId]:
        """``GET /messaging_profiles/{id}/alphanumeric_sender_ids``: every alphanumeric sender ID
        of the profile, across pages, fetched lazily."""
        return ItemIterator(
            open_iter(
                self._handle,
                "telnyx_messaging_profiles_list_all_alphanumeric_sender_ids",
                cstr(messaging_profile_id, "messaging_profile_id"),
                _page_params(page_number, page_size),
            )
        )

    def list_alphanumeric_sender_ids_page(
        self, messaging_profile_id: str, *, page_number: Optional[int] = None, page_size: Optional[int] = None
    ) -> Page[AlphanumericSenderId]:
        """``GET /messaging_profiles/{id}/alphanumeric_sender_ids``: one :class:`Page`."""
        return call_page(
            self._handle,
            "telnyx_messaging_profiles_list_alphanumeric_sender_ids",
            cstr(messaging_profile_id, "messaging_profile_id"),
            _page_params(page_number, page_size),
        )


class ShortCodes(_Resource):
    """Short codes of the account: ``client.short_codes``."""

    def list(
        self,
        *,
        filter_messaging_profile_id: Optional[str] = None,
        page_number: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> ItemIterator[ShortCode]:
        """``GET /short_codes``: every short code, across pages, fetched lazily.

        ``filter_messaging_profile_id`` (sent as ``filter[messaging_profile_id]``; the string
        ``"null"`` finds unassigned short codes) and ``page_size`` apply to every page;
        ``page_number`` is the first page fetched.
        """
        params = params_arg(
            dict(
                filter_messaging_profile_id=filter_messaging_profile_id,
                page_number=page_number,
                page_size=page_size,
            )
        )
        return ItemIterator(open_iter(self._handle, "telnyx_short_codes_list_all", params))

    def list_page(
        self,
        *,
        filter_messaging_profile_id: Optional[str] = None,
        page_number: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> Page[ShortCode]:
        """``GET /short_codes``: one :class:`Page` (same arguments as :meth:`list`)."""
        params = params_arg(
            dict(
                filter_messaging_profile_id=filter_messaging_profile_id,
                page_number=page_number,
                page_size=page_size,
            )
        )
        return call_page(self._handle, "telnyx_short_codes_list", params)

    def retrieve(self, short_code_id: str) -> ShortCode:
        """``GET /short_codes/{id}`` (the id is a UUID, not the digits)."""
        return cast(
            ShortCode, call_json(self._handle, "telnyx_short_codes_retrieve", cstr(short_code_id, "short_code_id"))
        )

    def update(
        self,
        short_code_id: str,
        *,
        messaging_profile_id: Optional[str],
        tags: Union[Sequence[str], NotGiven] = NOT_GIVEN,
    ) -> ShortCode:
        """``PATCH /short_codes/{id}``: assigns the short code to a profile and sets its tags.

        ``messaging_profile_id`` is required: a profile id assigns, ``None`` (sent as JSON
        ``null``) or ``""`` unassigns.
        """
        body = given(messaging_profile_id=messaging_profile_id, tags=_list(tags))
        return cast(ShortCode, call_json(
            self._handle,
            "telnyx_short_codes_update",
            cstr(short_code_id, "short_code_id"),
            json_arg(body, "body"),
        ))


class MessagingProfileMetrics(_Resource):
    """Metrics of every messaging profile: ``client.messaging_profile_metrics``."""

    def list(self, *, time_frame: Optional[TimeFrame] = None) -> Page[ProfileMetricsHighLevel]:
        """``GET /messaging_profile_metrics``: high-level metrics of every profile, as one
        :class:`Page` (the API takes no page parameters). ``time_frame``: ``"1h"``, ``"3h"``,
        ``"24h"`` (server default), ``"3d"``, ``"7d"`` or ``"30d"``."""
        return call_page(
            self._handle, "telnyx_messaging_profile_metrics_list", params_arg(dict(time_frame=time_frame))
        )
