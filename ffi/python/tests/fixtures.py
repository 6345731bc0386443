"""Sample API objects, shaped as the API sends them."""

PROFILE_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
SHORT_CODE_ID = "12ade33a-21c0-473b-b055-b3c836e1c292"
AUTORESP_ID = "c8bb5a9f-0f2b-4e6c-9c4d-7d1f4e2f0a11"

PROFILE = {
    "id": PROFILE_ID,
    "record_type": "messaging_profile",
    "name": "Summer campaign",
    "enabled": True,
    "webhook_url": "https://example.com/hooks",
    "webhook_failover_url": None,
    "webhook_api_version": "2",
    "whitelisted_destinations": ["US", "CA"],
    "number_pool_settings": {
        "long_code_weight": 1.0,
        "toll_free_weight": 10.5,
        "skip_unhealthy": True,
        "sticky_sender": False,
        "geomatch": False,
    },
    "url_shortener_settings": None,
    "alpha_sender": None,
    "daily_spend_limit": "100.00",
    "daily_spend_limit_enabled": True,
    "mms_fall_back_to_sms": False,
    "mms_transcoding": False,
    "mobile_only": False,
    "v1_secret": "rP1VamejkU2v0qIUxntqLW2c",
    "created_at": "2019-01-23T18:10:02.574Z",
    "updated_at": "2023-03-21T23:37:45.858535+00:00",
    "a_field_from_the_future": {"nested": [1, "two"]},
}

SHORT_CODE = {
    "id": SHORT_CODE_ID,
    "record_type": "short_code",
    "short_code": "12345",
    "messaging_profile_id": None,
    "country_code": "US",
    "tags": ["vip"],
    "created_at": "2019-01-23T18:10:02.574Z",
    "updated_at": "2019-01-23T18:10:02.574Z",
}

PHONE_NUMBER = {
    "id": "1293384261075731499",
    "record_type": "messaging_phone_number",
    "phone_number": "+18005550001",
    "messaging_profile_id": PROFILE_ID,
    "country_code": "US",
    "type": "toll-free",
    "features": {"sms": {"domestic_two_way": True, "international_inbound": False,
                         "international_outbound": True}, "mms": None},
}

SENDER_ID = {
    "id": "5a6b7c8d-0000-4000-8000-000000000001",
    "record_type": "alphanumeric_sender_id",
    "alphanumeric_sender_id": "MyCompany",
    "messaging_profile_id": PROFILE_ID,
}

AUTORESP = {
    "id": AUTORESP_ID,
    "op": "start",
    "keywords": ["START", "YES"],
    "country_code": "US",
    "resp_text": "Welcome!",
    "created_at": "2023-03-21T23:37:45.858535+00:00",
    "updated_at": "2023-03-21T23:37:45.858535+00:00",
}

METRICS = {"overview": {"messages": {"sent": 10, "received": 3}}, "inbound": {"count": 3}}


def meta(page_number=1, total_pages=1, page_size=20, total_results=None):
    return {
        "page_number": page_number,
        "page_size": page_size,
        "total_pages": total_pages,
        "total_results": total_results if total_results is not None else total_pages * page_size,
    }


def profile(n):
    """A small profile numbered n."""
    return {"id": f"00000000-0000-4000-8000-{n:012d}", "record_type": "messaging_profile", "name": f"p{n}"}
