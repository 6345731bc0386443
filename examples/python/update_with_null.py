"""Update a messaging profile: rename it and clear its webhook URL.

An argument passed as None is sent as JSON null, which clears the field; an argument left out
is not sent, so the field stays as it is.

    TELNYX_API_KEY=KEY... python3 examples/python/update_with_null.py PROFILE_ID [NEW_NAME]
"""

import sys

import _setup  # noqa: F401  (finds the package; offline mock without TELNYX_API_KEY)
from telnyx_messaging import Client, TelnyxError


def main() -> int:
    if len(sys.argv) < 2 and _setup.MOCK is None:
        print(__doc__, file=sys.stderr)
        return 2
    new_name = sys.argv[2] if len(sys.argv) > 2 else "Renamed profile"
    try:
        with Client() as client:
            if len(sys.argv) > 1:
                profile_id = sys.argv[1]
            else:  # offline: the mock's first seeded profile, which has a webhook URL
                first = client.messaging_profiles.list_page(page_size=1).data[0]  # a MessagingProfile
                if "id" not in first:  # every key of a result may be missing; this check tells type checkers
                    print("error: the profile has no id", file=sys.stderr)
                    return 1
                profile_id = first["id"]  # a str
                print(f"{profile_id}: name={first.get('name')!r} webhook_url={first.get('webhook_url')!r}")
            profile = client.messaging_profiles.update(
                profile_id,
                name=new_name,
                webhook_url=None,  # sends "webhook_url": null: clears it
                # alpha_sender is not passed: left unchanged
            )
    except TelnyxError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"updated {profile.get('id')}: name={profile.get('name')!r} webhook_url={profile.get('webhook_url')!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
