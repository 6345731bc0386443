//! Creating a messaging profile with the required fields and several optional ones, reading the
//! server's validation errors, and deleting the profile again.
//!
//! ```text
//! cargo run --example create_profile                                  # offline, mock server
//! TELNYX_API_KEY=KEY... cargo run --example create_profile -- --write # real API
//! ```

#[path = "support/mod.rs"]
mod support;

use std::process::ExitCode;

use telnyx_messaging::{
    CreateMessagingProfileParams, Error, NumberPoolSettings, UrlShortenerSettings, WebhookApiVersion,
};

use support::{show, Env, Result};

fn main() -> ExitCode {
    support::run(create)
}

fn create(env: &Env) -> Result {
    if !env.write {
        println!(
            "This example creates a profile (and deletes it): pass --write to run it against the real API."
        );
        return Ok(());
    }
    let profiles = env.client.messaging_profiles();

    // The required fields are the constructor's arguments: the name and the destination
    // countries (ISO 3166-1 alpha-2; `["*"]` allows every destination).
    let params = CreateMessagingProfileParams::new("Order updates (example)", ["US", "CA"])
        .webhook_url("https://example.com/telnyx/webhooks")
        .webhook_failover_url("https://backup.example.com/telnyx/webhooks")
        .webhook_api_version(WebhookApiVersion::V2)
        // Send from a pool of the profile's numbers: long codes weigh 1, toll-free numbers 10.
        .number_pool_settings(NumberPoolSettings::new(1.0, 10.0, true).sticky_sender(true))
        .url_shortener_settings(UrlShortenerSettings::new("acct.fyi").prefix("orders"))
        // A decimal string in USD, not a number.
        .daily_spend_limit("100.00")
        .daily_spend_limit_enabled(true)
        .mms_fall_back_to_sms(true);
    let profile = profiles.create(&params)?;
    let id = profile.id.clone().ok_or("the created profile has no id")?;

    println!("Created {id}");
    println!("  name:               {}", profile.name.as_deref().unwrap_or(""));
    println!("  destinations:       {:?}", profile.whitelisted_destinations.unwrap_or_default());
    println!("  webhook_url:        {}", show(&profile.webhook_url));
    println!("  alpha_sender:       {} (not set, so the server sent null)", show(&profile.alpha_sender));
    println!("  daily spend limit:  {} USD", profile.daily_spend_limit.as_deref().unwrap_or("-"));
    if let Some(pool) = profile.number_pool_settings.as_value() {
        println!(
            "  number pool:        long code {}, toll-free {}",
            pool.long_code_weight, pool.toll_free_weight
        );
    }
    // `v1_secret` is a `Secret`: `{:?}` prints `[redacted]`; `expose()` reads it on purpose.
    println!("  v1_secret:          {:?}", profile.v1_secret);

    // The server checks what the client cannot: here an empty name. Its answer is an
    // `Error::Api` with the parsed `errors[]`, each pointing at the field at fault.
    match profiles.create(&CreateMessagingProfileParams::new("", ["US"])) {
        Err(Error::Api(api)) => {
            println!("\nAn empty name is refused: HTTP {} {}", api.status, api.reason());
            for e in &api.errors {
                let field = e.source.as_ref().and_then(|s| s.pointer.as_deref()).unwrap_or("-");
                println!("  code {} at {field}: {} ({})", e.code, e.title, e.detail.as_deref().unwrap_or(""));
            }
        }
        Err(e) => return Err(e.into()),
        // Should the server accept it after all, clean up.
        Ok(p) => {
            println!("\nThe server accepted an empty name; deleting that profile.");
            profiles.delete(p.id.as_deref().unwrap_or_default())?;
        }
    }

    let deleted = profiles.delete(&id)?;
    println!("\nDeleted {:?} again.", deleted.name.as_deref().unwrap_or(""));
    Ok(())
}
