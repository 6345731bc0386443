//! Connection reuse: a client shared by many threads keeps its connections open and reuses them.
//! (Before the pool was sized for it, this test opened about 36 connections.)

use std::time::Duration;

use telnyx_messaging::mock::{MockServer, API_KEY};
use telnyx_messaging::{Client, ProxyChoice};

#[test]
fn eight_threads_sharing_a_client_open_at_most_eight_connections() {
    const THREADS: usize = 8;
    const CALLS: usize = 50;
    let mock = MockServer::start().unwrap();
    let client = Client::builder()
        .api_key(API_KEY)
        .base_url(mock.base_url())
        .proxy(ProxyChoice::None)
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let id = client.messaging_profiles().list(&Default::default()).unwrap().data.remove(0).id.unwrap();
    std::thread::scope(|scope| {
        for _ in 0..THREADS {
            scope.spawn(|| {
                for _ in 0..CALLS {
                    client.messaging_profiles().retrieve(&id).unwrap();
                    // Pauses leave several connections idle at once, as in a real program; ureq's
                    // default pool (3 idle per host) then closes the others.
                    std::thread::sleep(Duration::from_millis(5));
                }
            });
        }
    });
    assert_eq!(mock.requests_received(), (1 + THREADS * CALLS) as u64);
    // A new connection is opened only while every open one is busy: never more than the threads.
    let connections = mock.connections_accepted();
    println!("{} calls from {THREADS} threads over {connections} connections", 1 + THREADS * CALLS);
    assert!(connections <= THREADS as u64, "{connections} connections for {THREADS} threads");
}
