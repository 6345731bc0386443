//! The client side, run in a child process so its peak RSS is its own: the scenarios through the
//! Rust client and through the floor (a minimal ureq loop parsing into `serde_json::Value`).
//!
//! Every driver (this one, C, Python, Go) prints one JSON line on stdout:
//! `{"times_ms": [..one per measured run..], "items": N, "hwm_kib": N}` plus optional extras
//! (`import_ms` from Python).

use std::time::Instant;

use serde_json::{json, Value};
use telnyx_messaging::mock::{MockOptions, API_KEY};
use telnyx_messaging::{
    Client, CreateMessagingProfileParams, ListMessagingProfilesParams, PageParams, ProxyChoice,
};

/// Profiles of the list scenarios.
pub const PROFILES: usize = 10_000;
/// The multiplier of the iterate-100,000 scenario.
pub const X10: usize = 10;
/// Profiles created or retrieved per run.
pub const SINGLE_CALLS: usize = 1_000;
/// Profiles the mock seeds itself; the list scenarios add the rest.
const SEEDED_PROFILES: usize = 7;
/// Phone numbers the mock seeds for its first profile.
const SEEDED_NUMBERS: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    List250,
    List20,
    Create,
    Retrieve,
    Iter100k,
    /// Realistic network: a list of 10,000 profiles with the client's defaults.
    NetProfiles,
    /// Realistic network: one profile's 10,000 phone numbers with the client's defaults.
    NetNumbers,
}

/// The realistic network: latency per request, bandwidth (10 Mbit/s), gzip when asked.
pub const NET_LATENCY_MS: u64 = 50;
pub const NET_BANDWIDTH: u64 = 10_000_000 / 8;

impl Scenario {
    pub const ALL: [Scenario; 7] = [
        Scenario::List250,
        Scenario::List20,
        Scenario::Create,
        Scenario::Retrieve,
        Scenario::Iter100k,
        Scenario::NetProfiles,
        Scenario::NetNumbers,
    ];

    /// The name on the command line of every driver.
    pub fn arg(self) -> &'static str {
        match self {
            Scenario::List250 => "list250",
            Scenario::List20 => "list20",
            Scenario::Create => "create",
            Scenario::Retrieve => "retrieve",
            Scenario::Iter100k => "iter100k",
            Scenario::NetProfiles => "net-profiles",
            Scenario::NetNumbers => "net-numbers",
        }
    }

    pub fn from_arg(arg: &str) -> Option<Scenario> {
        Scenario::ALL.into_iter().find(|s| s.arg() == arg)
    }

    pub fn title(self) -> &'static str {
        match self {
            Scenario::List250 => "list 10,000 (page size 250)",
            Scenario::List20 => "list 10,000 (page size 20)",
            Scenario::Create => "create 1,000",
            Scenario::Retrieve => "retrieve 1,000",
            Scenario::Iter100k => "iterate 100,000 (page size 250)",
            Scenario::NetProfiles => "list 10,000 profiles",
            Scenario::NetNumbers => "list a profile's 10,000 phone numbers",
        }
    }

    /// Whether this scenario runs over the realistic network.
    pub fn network(self) -> bool {
        matches!(self, Scenario::NetProfiles | Scenario::NetNumbers)
    }

    /// Items each run must see.
    pub fn items(self) -> usize {
        match self {
            Scenario::List250 | Scenario::List20 | Scenario::NetProfiles | Scenario::NetNumbers => PROFILES,
            Scenario::Create | Scenario::Retrieve => SINGLE_CALLS,
            Scenario::Iter100k => PROFILES * X10,
        }
    }

    /// The shipped mock, set up for this scenario.
    pub fn mock_options(self) -> MockOptions {
        let mut options = MockOptions::default();
        match self {
            Scenario::List250 | Scenario::List20 | Scenario::NetProfiles => {
                options.extra_profiles = PROFILES - SEEDED_PROFILES
            }
            Scenario::Iter100k => options.extra_profiles = PROFILES * X10 - SEEDED_PROFILES,
            Scenario::NetNumbers => options.extra_phone_numbers = PROFILES - SEEDED_NUMBERS,
            Scenario::Create | Scenario::Retrieve => {}
        }
        if self.network() {
            options.latency = std::time::Duration::from_millis(NET_LATENCY_MS);
            options.bandwidth = Some(NET_BANDWIDTH);
            options.gzip = true;
        }
        options
    }

    pub fn page_size(self) -> u32 {
        if self == Scenario::List20 {
            20
        } else {
            250
        }
    }
}

/// The ids of the profiles the retrieve scenario asks for (`BENCH_IDS`, comma-separated), and
/// the profile whose phone numbers are listed (`BENCH_PROFILE_ID`): the bench reads them from
/// the mock and gives them to every driver.
fn env_ids() -> Vec<String> {
    std::env::var("BENCH_IDS")
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn env_profile_id() -> String {
    std::env::var("BENCH_PROFILE_ID").unwrap_or_default()
}

/// Peak resident set size of this process (`VmHWM`), in KiB.
pub fn vm_hwm_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// CPU time of this thread so far (user and system, from `/proc/thread-self/schedstat`), in ns:
/// a diagnostic that machine load disturbs less than wall time.
fn thread_cpu_ns() -> u64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    stat.split_whitespace().next().and_then(|v| v.parse().ok()).unwrap_or(0)
}

/// `bench --child <rust|rust-ahead|paged20|floor> <scenario> <base_url> <runs>`: one warm-up
/// (none on the realistic network), then `runs` timed runs, all on one client; prints the
/// result line.
pub fn main(args: &[String]) -> Result<(), String> {
    let [which, scenario, base, runs] = args else {
        return Err("usage: --child <rust|rust-ahead|paged20|floor> <scenario> <base_url> <runs>".into());
    };
    let scenario = Scenario::from_arg(scenario).ok_or_else(|| format!("unknown scenario {scenario}"))?;
    let runs: usize = runs.parse().map_err(|_| "runs must be a number")?;
    let ids = env_ids();
    let profile_id = env_profile_id();
    let builder = || Client::builder().api_key(API_KEY).base_url(base.as_str()).proxy(ProxyChoice::None);
    let mut run: Box<dyn FnMut() -> Result<usize, String>> = match which.as_str() {
        "rust" | "rust-ahead" => {
            let client = builder().read_ahead(which == "rust-ahead").build().map_err(|e| e.to_string())?;
            Box::new(move || rust_client(&client, scenario, &ids, &profile_id, None))
        }
        // What the official SDKs do: the server's default page size (20), no gzip, no read-ahead.
        "paged20" => {
            let client = builder()
                .header("Accept-Encoding", "identity")
                .read_ahead(false)
                .build()
                .map_err(|e| e.to_string())?;
            Box::new(move || rust_client(&client, scenario, &ids, &profile_id, Some(20)))
        }
        "floor" => {
            let floor = Floor::new(base, ids);
            Box::new(move || floor.run(scenario))
        }
        other => return Err(format!("unknown client {other}")),
    };
    let warmups = if scenario.network() { 0 } else { 1 };
    let mut times = Vec::with_capacity(runs);
    let mut cpu = Vec::with_capacity(runs);
    for i in 0..runs + warmups {
        let cpu_started = thread_cpu_ns();
        let started = Instant::now();
        let items = run()?;
        let elapsed = started.elapsed();
        let cpu_ns = thread_cpu_ns().saturating_sub(cpu_started);
        if items != scenario.items() {
            return Err(format!("{} saw {items} items, expected {}", scenario.arg(), scenario.items()));
        }
        if i >= warmups {
            times.push(elapsed.as_secs_f64() * 1000.0);
            cpu.push(cpu_ns as f64 / 1e6);
        }
    }
    let line = json!({"times_ms": times, "cpu_ms": cpu, "items": scenario.items(), "hwm_kib": vm_hwm_kib()});
    println!("{line}");
    Ok(())
}

/// One run through the Rust client; returns how many items it saw. `page_size` overrides the
/// scenario's (`None`: the scenario's, or the client's default on the realistic network).
fn rust_client(
    client: &Client,
    scenario: Scenario,
    ids: &[String],
    profile_id: &str,
    page_size: Option<u32>,
) -> Result<usize, String> {
    let profiles = client.messaging_profiles();
    let mut seen = 0;
    let mut checksum = 0usize;
    match scenario {
        Scenario::List250 | Scenario::List20 | Scenario::Iter100k | Scenario::NetProfiles => {
            let mut params = ListMessagingProfilesParams::new();
            if let Some(size) = page_size.or((!scenario.network()).then(|| scenario.page_size())) {
                params = params.page_size(size);
            }
            for profile in profiles.list_all(&params) {
                let profile = profile.map_err(|e| e.to_string())?;
                checksum += profile.name.as_deref().map_or(0, str::len);
                seen += 1;
            }
        }
        Scenario::NetNumbers => {
            let mut page = PageParams::new();
            if let Some(size) = page_size {
                page = page.page_size(size);
            }
            for number in profiles.list_all_phone_numbers(profile_id, &page) {
                let number = number.map_err(|e| e.to_string())?;
                checksum += number.phone_number.as_deref().map_or(0, str::len);
                seen += 1;
            }
        }
        Scenario::Create => {
            for k in 0..SINGLE_CALLS {
                let params = CreateMessagingProfileParams::new(format!("bench {k}"), ["US", "CA"]);
                let profile = profiles.create(&params).map_err(|e| e.to_string())?;
                checksum += profile.name.as_deref().map_or(0, str::len);
                seen += 1;
            }
        }
        Scenario::Retrieve => {
            for k in 0..SINGLE_CALLS {
                let profile = profiles.retrieve(&ids[k % ids.len()]).map_err(|e| e.to_string())?;
                checksum += profile.name.as_deref().map_or(0, str::len);
                seen += 1;
            }
        }
    }
    std::hint::black_box(checksum);
    Ok(seen)
}

/// The floor: the same requests with the same headers through a bare ureq agent, each body parsed
/// into a `serde_json::Value`.
struct Floor {
    agent: ureq::Agent,
    base: String,
    auth: String,
    ids: Vec<String>,
}

impl Floor {
    fn new(base: &str, ids: Vec<String>) -> Floor {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .proxy(None)
            .user_agent(ureq::config::AutoHeaderValue::None)
            .build()
            .into();
        Floor { agent, base: base.to_owned(), auth: format!("Bearer {API_KEY}"), ids }
    }

    fn get(&self, url: &str) -> Result<Value, String> {
        let response = self
            .agent
            .get(url)
            .header("authorization", &self.auth)
            .header("accept", "application/json")
            .header("user-agent", "telnyx-messaging-rust/0.1.0")
            .call()
            .map_err(|e| e.to_string())?;
        parse(response)
    }

    fn run(&self, scenario: Scenario) -> Result<usize, String> {
        let mut seen = 0;
        let mut checksum = 0usize;
        match scenario {
            Scenario::List250 | Scenario::List20 | Scenario::Iter100k => {
                let size = scenario.page_size();
                let mut number = 1u64;
                loop {
                    let url = format!(
                        "{}/messaging_profiles?page%5Bsize%5D={size}&page%5Bnumber%5D={number}",
                        self.base
                    );
                    let page = self.get(&url)?;
                    let data = page["data"].as_array().ok_or("no data")?;
                    for item in data {
                        checksum += item["name"].as_str().map_or(0, str::len);
                    }
                    seen += data.len();
                    let total_pages = page["meta"]["total_pages"].as_u64().ok_or("no meta")?;
                    if data.is_empty() || number >= total_pages {
                        break;
                    }
                    number += 1;
                }
            }
            Scenario::Create => {
                let url = format!("{}/messaging_profiles", self.base);
                for k in 0..SINGLE_CALLS {
                    let body =
                        json!({"name": format!("bench {k}"), "whitelisted_destinations": ["US", "CA"]});
                    let body = serde_json::to_vec(&body).map_err(|e| e.to_string())?;
                    let response = self
                        .agent
                        .post(&url)
                        .header("authorization", &self.auth)
                        .header("accept", "application/json")
                        .header("user-agent", "telnyx-messaging-rust/0.1.0")
                        .header("content-type", "application/json")
                        .send(&body[..])
                        .map_err(|e| e.to_string())?;
                    let value = parse(response)?;
                    checksum += value["data"]["name"].as_str().map_or(0, str::len);
                    seen += 1;
                }
            }
            Scenario::NetProfiles | Scenario::NetNumbers => {
                return Err("the floor runs on loopback only".into())
            }
            Scenario::Retrieve => {
                for k in 0..SINGLE_CALLS {
                    let url = format!("{}/messaging_profiles/{}", self.base, self.ids[k % self.ids.len()]);
                    let value = self.get(&url)?;
                    checksum += value["data"]["name"].as_str().map_or(0, str::len);
                    seen += 1;
                }
            }
        }
        std::hint::black_box(checksum);
        Ok(seen)
    }
}

fn parse(mut response: ureq::http::Response<ureq::Body>) -> Result<Value, String> {
    let status = response.status().as_u16();
    let body =
        response.body_mut().with_config().limit(64 * 1024 * 1024).read_to_vec().map_err(|e| e.to_string())?;
    if !(200..300).contains(&status) {
        return Err(format!("HTTP {status}: {}", String::from_utf8_lossy(&body)));
    }
    serde_json::from_slice(&body).map_err(|e| e.to_string())
}
