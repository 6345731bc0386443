"""Create a messaging profile.

    TELNYX_API_KEY=KEY... python3 examples/python/create_profile.py "My profile"
"""

import sys

import _setup  # noqa: F401  (finds the package; offline mock without TELNYX_API_KEY)
from telnyx_messaging import Client, TelnyxError


def main() -> int:
    name = sys.argv[1] if len(sys.argv) > 1 else "Example profile"
    try:
        with Client() as client:
            profile = client.messaging_profiles.create(
                name=name,
                whitelisted_destinations=["US", "CA"],  # or ["*"] for every destination
                webhook_url="https://example.com/webhooks/messaging",
                daily_spend_limit="100.00",  # a decimal string
                daily_spend_limit_enabled=True,
            )
    except TelnyxError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"created {profile.get('id')} {profile.get('name')!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
