//! Listing messaging profiles: one page, every profile through the lazy iterator, page by page,
//! and with name filters.
//!
//! ```text
//! cargo run --example list_profiles                        # offline, built-in mock server
//! TELNYX_API_KEY=KEY... cargo run --example list_profiles  # real API (reads only)
//! ```

#[path = "support/mod.rs"]
mod support;

use std::process::ExitCode;

use telnyx_messaging::{Client, ListMessagingProfilesParams, MessagingProfile};

use support::Result;

fn main() -> ExitCode {
    support::run(|env| list(&env.client))
}

fn list(client: &Client) -> Result {
    let profiles = client.messaging_profiles();

    // One page: exactly one request. `meta` tells how many pages and profiles there are.
    let page = profiles.list(&ListMessagingProfilesParams::new().page_size(5))?;
    if let Some(meta) = &page.meta {
        let known = |n: Option<u64>| n.map_or("?".to_owned(), |n| n.to_string());
        println!(
            "One page: page {} of {}, {} of {} profiles",
            known(meta.page_number),
            known(meta.total_pages),
            page.data.len(),
            known(meta.total_results)
        );
    }

    // Every profile: `list_all` asks for the next page only when the current one is used up, and
    // keeps the filters and page size on every page. After an error it yields nothing more, so
    // `?` in the loop (or collecting into a `Result<Vec<_>, _>`) is all the handling needed.
    // `take` bounds the output for large accounts; the iterator fetches no page it does not need.
    println!("\nEvery profile, 2 per page:");
    for profile in profiles.list_all(&ListMessagingProfilesParams::new().page_size(2)).take(20) {
        let profile = profile?;
        println!("  {}  {}", profile.id.as_deref().unwrap_or("?"), profile.name.as_deref().unwrap_or(""));
    }

    // Page by page: each item is a `Page` with its `meta`, for progress reports or batch work.
    // `page_number` sets the first page fetched.
    println!("\nPage by page, 3 per page, from page 2:");
    let params = ListMessagingProfilesParams::new().page_size(3).page_number(2);
    for page in profiles.list_all(&params).pages().take(5) {
        let page = page?;
        let number = page.meta.as_ref().and_then(|m| m.page_number).unwrap_or(0);
        println!("  page {number}: {}", names(&page.data));
    }

    // Filters: exact name (`filter[name][eq]`), or a part of it (`filter[name][contains]`).
    println!("\nFilters:");
    let contains = ListMessagingProfilesParams::new().filter_name_contains("alerts");
    let found: Vec<MessagingProfile> = profiles.list_all(&contains).take(100).collect::<Result<_, _>>()?;
    println!("  name contains \"alerts\": {}", names(&found));
    let exact = profiles.list(&ListMessagingProfilesParams::new().filter_name_eq("Support"))?;
    println!("  name is \"Support\": {} profile(s)", exact.data.len());

    // `with_response()` returns the same page together with the response metadata.
    let response = profiles.with_response().list(&ListMessagingProfilesParams::new().page_size(1))?;
    println!(
        "\nResponse metadata: status {}, request id {}, rate limit remaining {:?}",
        response.meta.status,
        response.meta.request_id.as_deref().unwrap_or("-"),
        response.meta.rate_limit.remaining
    );
    Ok(())
}

fn names(profiles: &[MessagingProfile]) -> String {
    let names: Vec<_> = profiles.iter().map(|p| p.name.as_deref().unwrap_or("?")).collect();
    if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    }
}
