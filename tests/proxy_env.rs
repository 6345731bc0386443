//! A SOCKS proxy in the environment is a configuration error naming the variable, not a proxy
//! silently ignored. (Its own test binary: it changes the process environment.)

use telnyx_messaging::{Client, Error, ProxyChoice};

#[test]
fn a_socks_proxy_in_the_environment_is_refused_by_name() {
    for name in
        ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY"]
    {
        std::env::remove_var(name);
    }
    std::env::set_var("ALL_PROXY", "socks5://user:s3cret@127.0.0.1:1080");
    match Client::builder().api_key("k").build() {
        Err(Error::Config { message, .. }) => {
            assert_eq!(
                message,
                "ALL_PROXY: socks5 proxies are not supported; use an http:// or https:// proxy"
            );
        }
        other => panic!("expected a configuration error, got {other:?}"),
    }
    // Choosing no proxy ignores the environment.
    assert!(Client::builder().api_key("k").proxy(ProxyChoice::None).build().is_ok());
    std::env::set_var("ALL_PROXY", "http://proxy.local:3128");
    assert!(Client::builder().api_key("k").build().is_ok());
    std::env::remove_var("ALL_PROXY");
}
