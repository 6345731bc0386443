"""List every messaging profile, page by page fetched lazily, then show one page on its own.

    TELNYX_API_KEY=KEY... python3 examples/python/list_profiles.py [NAME_CONTAINS]

Without TELNYX_API_KEY it runs offline against a built-in mock server;
TELNYX_BASE_URL points the client elsewhere.
"""

import sys

import _setup  # noqa: F401  (finds the package; offline mock without TELNYX_API_KEY)
from telnyx_messaging import Client, TelnyxError


def main() -> int:
    contains = sys.argv[1] if len(sys.argv) > 1 else None
    try:
        with Client() as client:  # TELNYX_API_KEY, TELNYX_BASE_URL
            count = 0
            # Iterates over every profile; the next page is requested only when needed.
            for profile in client.messaging_profiles.list(filter_name_contains=contains, page_size=50):
                count += 1
                if count <= 10:
                    print(f"{profile.get('id')}  {profile.get('name')!r}  enabled={profile.get('enabled')}")
            print(f"{count} profile(s)" + (" (first 10 shown)" if count > 10 else ""))

            page = client.messaging_profiles.list_page(page_number=1, page_size=10)
            meta = page.meta or {}
            print(f"first page: {len(page.data)} item(s), page {meta.get('page_number')} "
                  f"of {meta.get('total_pages')}, {meta.get('total_results')} in all")
    except TelnyxError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
