"""Telling errors apart: not found, rate limits, other API errors, network trouble.

    TELNYX_API_KEY=KEY... python3 examples/python/error_handling.py [PROFILE_ID]
"""

import sys

import _setup  # noqa: F401  (finds the package; offline mock without TELNYX_API_KEY)
import telnyx_messaging as telnyx


def main() -> int:
    profile_id = sys.argv[1] if len(sys.argv) > 1 else "00000000-0000-0000-0000-000000000000"
    try:
        client = telnyx.Client(timeout=10, max_retries=2)
    except telnyx.ConfigurationError as e:  # no TELNYX_API_KEY, bad TELNYX_BASE_URL
        print(f"configuration: {e}", file=sys.stderr)
        return 2
    with client:
        try:
            profile = client.messaging_profiles.retrieve(profile_id)
            print(f"found {profile.get('id')} {profile.get('name')!r}")
        except telnyx.NotFoundError as e:
            print(f"no profile {profile_id} (HTTP {e.status_code}, request id {e.request_id})")
        except telnyx.RateLimitError as e:
            print(f"rate limited; retry in {e.retry_after} s")
        except telnyx.APIStatusError as e:
            print(f"API error {e.status_code}: {e.message}")
            for detail in e.errors:  # the parsed errors[] of the response body
                print(f"  code {detail.get('code')}: {detail.get('title')} {detail.get('detail') or ''}")
        except telnyx.APITimeoutError:
            print("the request timed out")
        except telnyx.APIConnectionError as e:
            print(f"could not reach the API: {e}")

        # Only the mock can be asked for a 429 (its x-mock-status header). The client retries a
        # 429 by itself; with max_retries=0 the error comes back at once with the wait asked for.
        if _setup.MOCK is not None:
            try:
                client.with_options(max_retries=0, headers={"x-mock-status": "429"}).messaging_profiles.list_page()
            except telnyx.RateLimitError as e:
                print(f"rate limited (HTTP {e.status_code}); retry in {e.retry_after} s")

        # Per-call settings: no retries, a short timeout and an extra header, same connection pool.
        with client.with_options(max_retries=0, timeout=5, headers={"X-Request-Source": "example"}) as quick:
            page = quick.messaging_profiles.list_page(page_size=2)
            print(f"with_options: {len(page.data)} profile(s) on page 1")

        try:
            client.messaging_profiles.list_page(page_size=1000)
        except telnyx.InvalidArgumentError as e:  # caught before any request
            print(f"refused before sending: {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
