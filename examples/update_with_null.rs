//! Updating a messaging profile: fields left out stay unchanged, fields set to JSON `null` are
//! cleared. `Nullable<T>` in the update params says which is which.
//!
//! ```text
//! cargo run --example update_with_null                                  # offline, mock server
//! TELNYX_API_KEY=KEY... cargo run --example update_with_null -- --write # real API
//! ```

#[path = "support/mod.rs"]
mod support;

use std::process::ExitCode;

use telnyx_messaging::{
    CreateMessagingProfileParams, MessagingProfile, Nullable, NumberPoolSettings,
    UpdateMessagingProfileParams,
};

use support::{show, Env, Result};

fn main() -> ExitCode {
    support::run(update)
}

fn update(env: &Env) -> Result {
    if !env.write {
        println!("This example creates, updates and deletes a profile: pass --write to run it against the real API.");
        return Ok(());
    }
    let profiles = env.client.messaging_profiles();
    let created = profiles.create(
        &CreateMessagingProfileParams::new("Update example", ["US"])
            .webhook_url("https://example.com/hooks")
            .webhook_failover_url("https://backup.example.com/hooks")
            .number_pool_settings(NumberPoolSettings::new(1.0, 1.0, false)),
    )?;
    let id = created.id.clone().ok_or("the created profile has no id")?;
    print_profile("Before", &created);

    // Set the name, clear the webhook URL and turn the number pool off; send nothing else, so
    // the failover URL and every other field stay as they are.
    let update = UpdateMessagingProfileParams::new()
        .name("Update example (renamed)")
        .clear_webhook_url()
        .clear_number_pool_settings();
    // The fields are public too: this is the same as `.clear_webhook_url()`.
    let mut same = update.clone();
    same.webhook_url = Nullable::Null;
    assert_eq!(same, update);

    println!("\nPATCH body: {}", serde_json::to_string(&update)?);
    let updated = profiles.update(&id, &update)?;
    print_profile("After", &updated);

    // Response fields keep the difference too: a cleared field comes back as `Nullable::Null`.
    match &updated.webhook_url {
        Nullable::Null => println!("\nwebhook_url is null: cleared"),
        Nullable::Value(url) => println!("\nwebhook_url is still {url}"),
        Nullable::Absent => println!("\nthe server did not send webhook_url"),
    }

    profiles.delete(&id)?;
    println!("Deleted the example profile.");
    Ok(())
}

fn print_profile(title: &str, p: &MessagingProfile) {
    println!("{title}:");
    println!("  name:                 {}", p.name.as_deref().unwrap_or(""));
    println!("  webhook_url:          {}", show(&p.webhook_url));
    println!("  webhook_failover_url: {}", show(&p.webhook_failover_url));
    let pool = p
        .number_pool_settings
        .as_value()
        .map(|n| format!("long code {}, toll-free {}", n.long_code_weight, n.toll_free_weight));
    println!("  number_pool_settings: {}", pool.as_deref().unwrap_or("null"));
}
