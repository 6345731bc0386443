"""telnyx_messaging.mock: the library's mock of the API, in-process through the C library."""

from __future__ import annotations

import datetime
import socket
import threading

import pytest

import telnyx_messaging as tm
from telnyx_messaging import Client
from telnyx_messaging.mock import API_KEY, MockServer


def client_of(mock: MockServer, **options) -> Client:
    return Client(api_key=API_KEY, base_url=mock.base_url, proxy="none", **options)


def test_the_key_is_the_mock_key():
    assert API_KEY == "KEY_MOCK_0123456789ABCDEF"
    assert tm.mock.MockServer is MockServer


def test_a_client_lists_a_page_of_the_seeded_profiles():
    with MockServer() as mock:
        assert mock.base_url.startswith("http://127.0.0.1:") and mock.base_url.endswith("/v2")
        assert (mock.requests_received, mock.connections_accepted) == (0, 0)
        with client_of(mock) as client:
            page = client.messaging_profiles.list_page(page_size=5)
            assert len(page.data) == 5
            assert page.meta == {"page_number": 1, "page_size": 5, "total_pages": 2, "total_results": 7}
            assert page.data[0]["name"] == "Alerts (US)"
            # Every profile, lazily, two per page: four more requests.
            names = [p["name"] for p in client.messaging_profiles.list(page_size=2)]
            assert len(names) == 7 and names[-1] == "Alerts (CA)"
        assert mock.requests_received == 5
        assert mock.connections_accepted == 1  # one keep-alive connection


def test_state_changes_and_errors():
    with MockServer() as mock, client_of(mock, max_retries=0) as client:
        created = client.messaging_profiles.create(name="From Python", whitelisted_destinations=["US"])
        found = client.messaging_profiles.list_page(filter_name_contains="from python")
        assert [p["id"] for p in found.data] == [created["id"]]
        with pytest.raises(tm.NotFoundError) as e:
            client.messaging_profiles.retrieve("00000000-0000-0000-0000-000000000000")
        assert e.value.status_code == 404 and e.value.request_id
        with pytest.raises(tm.BadRequestError) as e:
            client.messaging_profiles.create(name=" ", whitelisted_destinations=["US"])
        assert e.value.errors[0]["source"] == {"pointer": "/name"}
        with Client(api_key="KEY_WRONG", base_url=mock.base_url, proxy="none") as wrong:
            with pytest.raises(tm.AuthenticationError):
                wrong.messaging_profiles.list_page()
        with client.with_options(headers={"x-mock-status": "429"}) as limited:
            with pytest.raises(tm.RateLimitError):
                limited.messaging_profiles.list_page()
        assert mock.requests_received == 6


def test_extra_profiles():
    with MockServer(extra_profiles=300) as mock, client_of(mock) as client:
        names = [p["name"] for p in client.messaging_profiles.list()]
        assert len(names) == 307 and names[7] == "Profile 00001" and names[-1] == "Profile 00300"
        assert mock.requests_received == 2  # 250 per page


def test_faults_give_the_exact_retry_count():
    with MockServer(fault_every=2, fault="status:503") as mock:
        with client_of(mock, max_retries=2) as client:
            client.short_codes.list_page()  # request 1
            assert mock.requests_received == 1
            client.short_codes.list_page()  # request 2: 503; request 3: the answer
            assert mock.requests_received == 3
        with client_of(mock, max_retries=0) as client:
            with pytest.raises(tm.InternalServerError) as e:
                client.short_codes.list_page()  # request 4
            assert e.value.status_code == 503 and e.value.errors[0]["title"] == "Injected fault"
        assert mock.requests_received == 4

    # Every request fails: 1 + max_retries attempts, then the error.
    with MockServer(fault_every=1) as mock, client_of(mock, max_retries=2) as client:
        with pytest.raises(tm.InternalServerError):
            client.messaging_profiles.list_page()
        assert mock.requests_received == 3


def test_rate_limit_reset_and_delay_faults():
    with MockServer(fault_every=1, fault="status:429:7") as mock, client_of(mock, max_retries=0) as client:
        with pytest.raises(tm.RateLimitError) as e:
            client.messaging_profiles.list_page()
        assert e.value.retry_after == 7
    with MockServer(fault_every=1, fault="reset") as mock, client_of(mock, max_retries=0) as client:
        with pytest.raises(tm.APIConnectionError) as e:
            client.messaging_profiles.list_page()
        assert not isinstance(e.value, tm.APITimeoutError)
        assert mock.requests_received == 1
    with MockServer(fault_every=1, fault="delay:400") as mock, client_of(mock, max_retries=0, timeout=0.05) as client:
        with pytest.raises(tm.APITimeoutError):
            client.messaging_profiles.list_page()


def test_latency():
    with MockServer(latency=datetime.timedelta(milliseconds=300)) as mock:
        with client_of(mock, max_retries=0, timeout=0.05) as client, pytest.raises(tm.APITimeoutError):
            client.messaging_profiles.list_page()
        with client_of(mock, max_retries=0, timeout=5) as client:
            assert len(client.messaging_profiles.list_page().data) == 7


def test_close_stops_it():
    mock = MockServer()
    client = client_of(mock, max_retries=0)
    client.messaging_profiles.list_page()
    assert not mock.closed
    # The client keeps an idle keep-alive connection: close does not wait for it.
    mock.close()
    assert mock.closed and "(closed)" in repr(mock)
    mock.close()  # idempotent
    with pytest.raises(tm.APIConnectionError):
        client.messaging_profiles.list_page()
    # The counts when it stopped.
    assert (mock.requests_received, mock.connections_accepted) == (1, 1)
    client.close()
    # A new server may take the port.
    port = int(mock.base_url.rsplit(":", 1)[1].split("/")[0])
    with MockServer(port=port) as again:
        assert again.base_url == mock.base_url


def test_the_with_block_closes_it():
    with MockServer() as mock:
        pass
    assert mock.closed
    with pytest.raises(tm.APIConnectionError), client_of(mock, max_retries=0) as client:
        client.messaging_profiles.list_page()


def test_a_port_and_a_port_in_use():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    with MockServer(port=port) as mock:
        assert mock.base_url == f"http://127.0.0.1:{port}/v2"
        with pytest.raises(tm.ConfigurationError, match="port") as e:
            MockServer(port=port)
        assert str(port) in str(e.value)


def test_threads_share_one_mock():
    with MockServer() as mock, client_of(mock) as client:
        ids = [p["id"] for p in client.messaging_profiles.list_page().data]
        errors = []

        def work():
            try:
                for i in range(10):
                    assert client.messaging_profiles.retrieve(ids[i % 7])["id"] == ids[i % 7]
            except Exception as e:  # reported below
                errors.append(e)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert mock.requests_received == 41


BAD = [
    ({"extra_profiles": -1}, tm.InvalidArgumentError, "extra_profiles"),
    ({"extra_profiles": 100_001}, tm.InvalidArgumentError, "extra_profiles"),
    ({"extra_profiles": "3"}, tm.InvalidArgumentTypeError, "extra_profiles"),
    ({"extra_profiles": 1.0}, tm.InvalidArgumentTypeError, "extra_profiles"),
    ({"latency": -0.1}, tm.InvalidArgumentError, "latency"),
    ({"latency": 61}, tm.InvalidArgumentError, "latency"),
    ({"latency": float("nan")}, tm.InvalidArgumentError, "latency"),
    ({"latency": "1"}, tm.InvalidArgumentTypeError, "latency"),
    ({"latency": True}, tm.InvalidArgumentTypeError, "latency"),
    ({"fault_every": 0}, tm.InvalidArgumentError, "fault_every"),
    ({"fault_every": 2**64}, tm.InvalidArgumentError, "fault_every"),
    ({"fault_every": "2"}, tm.InvalidArgumentTypeError, "fault_every"),
    ({"fault": "reset"}, tm.InvalidArgumentError, "fault"),
    ({"fault_every": 2, "fault": "explode"}, tm.InvalidArgumentError, "fault"),
    ({"fault_every": 2, "fault": "status:200"}, tm.InvalidArgumentError, "fault"),
    ({"fault_every": 2, "fault": "delay:60001"}, tm.InvalidArgumentError, "fault"),
    ({"fault_every": 2, "fault": "x" * 1_000_000}, tm.InvalidArgumentError, "fault"),
    ({"fault_every": 2, "fault": "reset\x00"}, tm.InvalidArgumentError, "fault"),
    ({"fault_every": 2, "fault": 503}, tm.InvalidArgumentTypeError, "fault"),
    ({"port": -1}, tm.InvalidArgumentError, "port"),
    ({"port": 65536}, tm.InvalidArgumentError, "port"),
    ({"port": "80"}, tm.InvalidArgumentTypeError, "port"),
]


@pytest.mark.parametrize("args, error, name", BAD, ids=[repr(a)[:60] for a, _, _ in BAD])
def test_bad_arguments_name_the_argument(args, error, name):
    with pytest.raises(error) as e:
        MockServer(**args).close()
    assert name in str(e.value) and len(str(e.value)) < 1000, str(e.value)[:300]
    assert isinstance(e.value, TypeError) == (error is tm.InvalidArgumentTypeError)


def test_arguments_are_keyword_only():
    with pytest.raises(TypeError):
        MockServer(3)  # type: ignore[misc]
