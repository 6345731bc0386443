//! A tour of the whole messaging-profile API area: every operation, one or two lines each.
//!
//! ```text
//! cargo run --example tour                  # offline, against the built-in mock server
//! TELNYX_API_KEY=KEY... cargo run --example tour            # real API, reads only
//! TELNYX_API_KEY=KEY... cargo run --example tour -- --write # real API, creates and deletes
//! ```
//!
//! With `--write` against the real API the tour creates a profile named "telnyx-messaging tour
//! (delete me)", changes it, and deletes it at the end; it also assigns an unassigned short code
//! to it for a moment, then unassigns it again.

// `pub` only so that tests/examples.rs, which includes this file, can reach the mock server too.
#[path = "support/mod.rs"]
pub mod support;

use std::process::ExitCode;

use telnyx_messaging::{
    AutorespConfigParams, AutorespOp, Client, CreateMessagingProfileParams, Error, ListAutorespConfigsParams,
    ListMessagingProfilesParams, ListShortCodesParams, MessagingProfile, MetricsParams, NumberPoolSettings,
    PageParams, TimeFrame, UpdateMessagingProfileParams, UpdateShortCodeParams, UrlShortenerSettings,
};

use support::{brief, show, Result};

fn main() -> ExitCode {
    support::run(|env| walk(&env.client, env.write))
}

/// A profile id that does not exist.
const UNKNOWN_ID: &str = "00000000-0000-4000-8000-000000000000";
/// The name of the profile the tour creates.
const TOUR_NAME: &str = "telnyx-messaging tour (delete me)";

/// Runs the steps of the tour: each one reports its own failure and the tour goes on (a step
/// that needs what a failed one would have given is skipped); [`Steps::finish`] fails when any
/// step failed, so the tour exits non-zero.
#[derive(Default)]
pub struct Steps {
    ran: usize,
    failed: Vec<String>,
}

impl Steps {
    /// Prints `title`, runs `f` and reports its failure; `None` when it failed.
    fn run<T>(&mut self, title: &str, f: impl FnOnce() -> Result<T>) -> Option<T> {
        println!("\n{title}");
        self.ran += 1;
        match f() {
            Ok(v) => Some(v),
            Err(e) => {
                println!("  FAILED: {e}");
                self.failed.push(title.to_owned());
                None
            }
        }
    }

    /// Reports a step that cannot run because an earlier one failed.
    fn skip(&mut self, title: &str, why: &str) {
        println!("\n{title}\n  skipped: {why}");
    }

    /// `Ok` when every step passed, otherwise an error naming the failed steps.
    fn finish(self) -> Result {
        if self.failed.is_empty() {
            return Ok(());
        }
        Err(format!("{} of {} steps failed: {}", self.failed.len(), self.ran, self.failed.join("; ")).into())
    }
}

/// Walks through the area: reads first, then (when `write`) creates, changes and deletes. Every
/// step runs even when an earlier one failed; the result lists the failed ones.
pub fn walk(client: &Client, write: bool) -> Result {
    let mut steps = Steps::default();
    read_steps(client, &mut steps);
    if write {
        write_steps(client, &mut steps);
    } else {
        println!("\nSkipped the steps that change data: pass --write to run them against the real API.");
    }
    steps.finish()
}

fn read_steps(client: &Client, steps: &mut Steps) {
    let profiles = client.messaging_profiles();
    let by_three = ListMessagingProfilesParams::new().page_size(3);

    steps.run("List messaging profiles, 3 per page; the iterator fetches a page when it needs one", || {
        // At most 5 pages here, in case a real account has many profiles.
        for page in profiles.list_all(&by_three).pages().take(5) {
            let page = page?;
            let meta = page.meta.clone().unwrap_or_default();
            let (number, total) = (meta.page_number.unwrap_or(0), meta.total_pages.unwrap_or(0));
            println!("  page {number} of {total}: {}", names(&page.data));
        }
        let all: Vec<MessagingProfile> = profiles.list_all(&by_three).take(100).collect::<Result<_, _>>()?;
        println!("  list_all yielded {} profiles, one at a time", all.len());
        Ok(())
    });

    let sample = steps.run("Pick the first profile as a sample", || {
        let first = profiles.list(&ListMessagingProfilesParams::new().page_size(1))?;
        let Some(p) = first.data.into_iter().next() else { return Ok(None) };
        Ok(Some((p.id.ok_or("a listed profile has no id")?, p.name.unwrap_or_default())))
    });
    let Some(sample) = sample else {
        return skip_reads(steps, "no sample profile (that step failed)");
    };
    let Some((sample_id, sample_name)) = sample else {
        println!("  the account has no messaging profiles: nothing more to read.");
        return;
    };
    println!("  {sample_name:?} ({sample_id})");

    steps.run("Filter profiles by name", || {
        let word = sample_name.split_whitespace().next().unwrap_or_default();
        let contains = profiles.list(&ListMessagingProfilesParams::new().filter_name_contains(word))?;
        println!("  filter[name][contains]={word:?}: {}", names(&contains.data));
        let eq = profiles.list(&ListMessagingProfilesParams::new().filter_name_eq(sample_name.as_str()))?;
        println!("  filter[name][eq]={sample_name:?}: {} profile(s)", eq.data.len());
        Ok(())
    });

    steps.run("Retrieve one profile", || {
        let p = profiles.retrieve(&sample_id)?;
        println!(
            "  {:?} ({}): enabled {}, destinations {}, webhook API version {}",
            p.name.as_deref().unwrap_or(""),
            sample_id,
            p.enabled.unwrap_or(false),
            p.whitelisted_destinations.as_deref().unwrap_or_default().join(", "),
            p.webhook_api_version.as_ref().map_or("-", |v| v.as_str()),
        );
        let pool = p.number_pool_settings.as_value().map_or("off".to_owned(), |n| {
            format!("long code {} / toll-free {}", n.long_code_weight, n.toll_free_weight)
        });
        let secret = p.v1_secret.as_ref().map_or(0, |s| s.expose().len());
        println!(
            "  number pool: {pool}; webhook_url: {}; v1_secret: {secret} characters (never printed)",
            show(&p.webhook_url)
        );
        Ok(())
    });

    steps.run("Phone numbers of the profile, 2 per page", || {
        for number in profiles.list_all_phone_numbers(&sample_id, &PageParams::new().page_size(2)).take(20) {
            let n = number?;
            let kind = n.number_type.as_ref().map_or("?", |t| t.as_str());
            let mms = n.features.as_ref().is_some_and(|f| f.mms.as_value().is_some());
            let phone = n.phone_number.as_deref().unwrap_or("?");
            println!(
                "  {phone:<14} {kind:<10} {}{}",
                n.country_code.as_deref().unwrap_or("??"),
                if mms { ", SMS + MMS" } else { ", SMS" }
            );
        }
        Ok(())
    });

    steps.run("Short codes: of the profile, of the account, and unassigned ones", || {
        let own = profiles.list_short_codes(&sample_id, &PageParams::new())?;
        println!("  of {sample_name:?}: {}", short_codes(&own.data));
        let account: Vec<_> = client
            .short_codes()
            .list_all(&ListShortCodesParams::new())
            .take(100)
            .collect::<Result<_, _>>()?;
        println!("  of the account: {}", short_codes(&account));
        let unassigned = client.short_codes().list(&ListShortCodesParams::new().unassigned())?;
        println!("  unassigned (filter[messaging_profile_id]=null): {}", short_codes(&unassigned.data));
        if let Some(id) = account.first().and_then(|c| c.id.as_deref()) {
            let code = client.short_codes().retrieve(id)?;
            println!("  retrieve {id}: short code {}", code.short_code.as_deref().unwrap_or("?"));
        }
        Ok(())
    });

    steps.run("Alphanumeric sender IDs of the profile", || {
        let senders = profiles.list_alphanumeric_sender_ids(&sample_id, &PageParams::new())?;
        let texts: Vec<_> = senders.data.iter().filter_map(|s| s.alphanumeric_sender_id.as_deref()).collect();
        println!("  {}", if texts.is_empty() { "none".to_owned() } else { texts.join(", ") });
        Ok(())
    });

    steps.run("Metrics: of the profile over 7 days, of every profile over 24 hours", || {
        let metrics =
            profiles.retrieve_metrics(&sample_id, &MetricsParams::new().time_frame(TimeFrame::SevenDays))?;
        println!("  {sample_name:?}: {}", summary(&metrics));
        let account_metrics =
            client.messaging_profile_metrics().list(&MetricsParams::new().time_frame(TimeFrame::OneDay))?;
        println!(
            "  account: {} entries; the first: {}",
            account_metrics.data.len(),
            account_metrics.data.first().map_or("-".into(), summary)
        );
        Ok(())
    });

    steps.run("Auto-response configs of the profile", || {
        let configs = profiles.autoresp_configs(&sample_id).list(&ListAutorespConfigsParams::new())?;
        for c in &configs.data {
            println!(
                "  {} {:?} {}: {}",
                c.op,
                c.keywords,
                c.country_code,
                c.resp_text.as_deref().unwrap_or("")
            );
        }
        if configs.data.is_empty() {
            println!("  none");
        }
        Ok(())
    });

    steps.run("Errors are typed: retrieve a profile that does not exist", || {
        let e = expect_not_found(profiles.retrieve(UNKNOWN_ID))?;
        println!("  Error::Api with status() {:?}, is_not_found() {}", e.status(), e.is_not_found());
        println!("  {e}");
        Ok(())
    });
}

/// Reports the read steps that need a sample profile as skipped.
fn skip_reads(steps: &mut Steps, why: &str) {
    for title in [
        "Filter profiles by name",
        "Retrieve one profile",
        "Phone numbers, short codes, sender IDs, metrics and auto-response configs of the profile",
    ] {
        steps.skip(title, why);
    }
}

/// Create, update, regenerate the secret, auto-response configs, short code assignment, delete.
fn write_steps(client: &Client, steps: &mut Steps) {
    let profiles = client.messaging_profiles();

    let created = steps.run("Create a profile with several optional fields", || {
        let params = CreateMessagingProfileParams::new(TOUR_NAME, ["US", "CA"])
            .webhook_url("https://example.com/hooks/tour")
            .webhook_failover_url("https://backup.example.com/hooks/tour")
            .number_pool_settings(NumberPoolSettings::new(1.0, 2.0, true).sticky_sender(true))
            .url_shortener_settings(UrlShortenerSettings::new("acct.fyi").prefix("tour"))
            .daily_spend_limit("25.00")
            .daily_spend_limit_enabled(true);
        let created = profiles.create(&params)?;
        let id = created.id.clone().ok_or("the created profile has no id")?;
        println!(
            "  created {id}: {:?}, webhook_url {}",
            created.name.as_deref().unwrap_or(""),
            show(&created.webhook_url)
        );
        Ok((id, created))
    });
    let Some((id, created)) = created else {
        steps.skip("Change, then delete the profile", "it was not created");
        return;
    };
    change(client, steps, &id, &created);

    // Runs whatever happened before, so the tour leaves nothing behind.
    steps.run("Delete the profile", || {
        let deleted = profiles.delete(&id)?;
        println!("  deleted {:?}", deleted.name.as_deref().unwrap_or(""));
        let e = expect_not_found(profiles.retrieve(&id))?;
        println!("  retrieving it again: {}", e.api_error().map_or("", |a| a.reason()));
        Ok(())
    });
}

fn change(client: &Client, steps: &mut Steps, id: &str, created: &MessagingProfile) {
    let profiles = client.messaging_profiles();

    steps.run("Retrieve it", || {
        let fetched = profiles.retrieve(id)?;
        let limit = fetched.daily_spend_limit.as_deref().unwrap_or("-");
        println!(
            "  {:?}: daily spend limit {limit} USD, URL shortener {}",
            fetched.name.as_deref().unwrap_or(""),
            brief(&fetched.url_shortener_settings, 60)
        );
        Ok(())
    });

    let updated =
        steps.run("Update: set the name, clear webhook_url with JSON null, leave the rest unchanged", || {
            let update =
                UpdateMessagingProfileParams::new().name(format!("{TOUR_NAME} v2")).clear_webhook_url();
            let updated = profiles.update(id, &update)?;
            println!("  sent {}", brief(&update, 100));
            println!(
                "  name {:?}; webhook_url {} (was {}); webhook_failover_url {} (unchanged)",
                updated.name.as_deref().unwrap_or(""),
                show(&updated.webhook_url),
                show(&created.webhook_url),
                show(&updated.webhook_failover_url),
            );
            Ok(updated)
        });

    steps.run("Regenerate the v1 secret", || {
        let before = updated.as_ref().unwrap_or(created).v1_secret.clone();
        let after = profiles.regenerate_secret(id)?.v1_secret;
        let changed = before != after && after.is_some();
        println!(
            "  v1_secret changed: {changed} (new one has {} characters; secrets are never printed)",
            after.map_or(0, |s| s.expose().len())
        );
        Ok(())
    });

    steps.run("Auto-response configs: create, list, retrieve, replace, delete", || {
        let autoresp = profiles.autoresp_configs(id);
        let start = AutorespConfigParams::new(AutorespOp::Start, ["START", "JOIN"], "US")
            .resp_text("Welcome! Reply STOP to opt out.");
        let config = autoresp.create(&start)?;
        println!("  created {}: {} {:?} {}", config.id, config.op, config.keywords, config.country_code);
        println!("  list: {} config(s)", autoresp.list(&ListAutorespConfigsParams::new())?.data.len());
        println!("  retrieve: {:?}", autoresp.retrieve(&config.id)?.resp_text.unwrap_or_default());
        let stop = AutorespConfigParams::new(AutorespOp::Stop, ["STOP", "QUIT"], "*")
            .resp_text("You are unsubscribed.");
        let replaced = autoresp.update(&config.id, &stop)?;
        println!("  replace (PUT): now {} {:?} {}", replaced.op, replaced.keywords, replaced.country_code);
        println!("  delete: server says {:?}", autoresp.delete(&config.id)?);
        Ok(())
    });

    steps.run("Assign an unassigned short code to the profile, then unassign it", || {
        let unassigned = client.short_codes().list(&ListShortCodesParams::new().unassigned().page_size(1))?;
        match unassigned.data.first().and_then(|c| c.id.clone()) {
            None => println!("  no unassigned short code in the account: skipped"),
            Some(code_id) => {
                let assigned = client.short_codes().update(&code_id, &UpdateShortCodeParams::assign(id))?;
                let of_profile = profiles.list_short_codes(id, &PageParams::new())?;
                println!(
                    "  {} assigned: the profile now has {} short code(s)",
                    assigned.short_code.as_deref().unwrap_or("?"),
                    of_profile.data.len()
                );
                let back = client.short_codes().update(&code_id, &UpdateShortCodeParams::unassign())?;
                println!("  unassigned again: messaging_profile_id is {:?}", back.messaging_profile_id);
            }
        }
        Ok(())
    });
}

/// The error of `result` when it is the 404 API error expected; anything else is an error.
fn expect_not_found(result: telnyx_messaging::Result<MessagingProfile>) -> Result<Error> {
    match result {
        Err(e @ Error::Api(_)) if e.is_not_found() => Ok(e),
        Err(e) => Err(e.into()),
        Ok(p) => Err(format!("expected a 404, got profile {:?}", p.id).into()),
    }
}

/// The members of a free-form metrics object as `key=value`, ids and names left out.
fn summary(metrics: &serde_json::Map<String, serde_json::Value>) -> String {
    let parts: Vec<_> = metrics
        .iter()
        .filter(|(key, _)| !key.ends_with("_id") && *key != "name")
        .map(|(key, value)| format!("{key}={value}"))
        .collect();
    let text = parts.join(" ");
    match text.char_indices().nth(150) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text,
    }
}

fn names(profiles: &[MessagingProfile]) -> String {
    let names: Vec<_> = profiles.iter().map(|p| p.name.as_deref().unwrap_or("?")).collect();
    if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    }
}

fn short_codes(codes: &[telnyx_messaging::ShortCode]) -> String {
    let codes: Vec<_> = codes
        .iter()
        .map(|c| {
            let digits = c.short_code.as_deref().unwrap_or("?");
            match &c.messaging_profile_id {
                Some(_) => digits.to_owned(),
                None => format!("{digits} (unassigned)"),
            }
        })
        .collect();
    if codes.is_empty() {
        "none".into()
    } else {
        codes.join(", ")
    }
}
