//! `telnyx-messaging-mock`: the offline mock of the Telnyx messaging-profile API
//! ([`telnyx_messaging::mock`]) as a program, for testing code in any language without the real
//! API. It prints its base URL on the first line of standard output, then serves until it is
//! stopped (Ctrl-C, SIGTERM), or, with `--until-stdin-closes`, until its standard input closes.

use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::Duration;

use telnyx_messaging::mock::{FaultSchedule, MockOptions, MockServer, API_KEY};

const USAGE: &str = "usage: telnyx-messaging-mock [OPTIONS]

Serves the Telnyx messaging-profile API (all 19 operations, seeded data, in memory) on
127.0.0.1. Prints the base URL (http://127.0.0.1:PORT/v2) on the first line of standard output.
Clients must send `Authorization: Bearer KEY_MOCK_0123456789ABCDEF`.

  --port N               listen on port N (default: a free port)
  --profiles N           add N messaging profiles to the seven seeded ones
  --phone-numbers N      add N phone numbers to the first seeded profile
  --latency-ms N         wait N ms before every response
  --bandwidth N          send at most N bytes per second on each connection
  --gzip                 gzip the answers to requests that accept it
  --fault-every N        inject --fault into every N-th request (counting from 1)
  --fault KIND           status:CODE[:RETRY_AFTER_S] | reset | delay:MS (default status:503)
  --until-stdin-closes   stop when standard input reaches end of file (for test harnesses)";

fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1)) {
        Ok(Some((options, until_stdin_closes))) => (options, until_stdin_closes),
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("telnyx-messaging-mock: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let (options, until_stdin_closes) = options;
    let port = options.port;
    let mock = match MockServer::start_with(options) {
        Ok(mock) => mock,
        Err(e) => {
            eprintln!("telnyx-messaging-mock: cannot serve on 127.0.0.1:{port}: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("{}", mock.base_url());
    let _ = std::io::stdout().flush();
    eprintln!("telnyx-messaging-mock: serving at {} (API key {API_KEY})", mock.base_url());
    if until_stdin_closes {
        let _ = std::io::stdin().lock().read_to_end(&mut Vec::new());
    } else {
        loop {
            std::thread::park();
        }
    }
    drop(mock);
    ExitCode::SUCCESS
}

/// The options, and whether to stop when stdin closes; `None` for `--help`.
fn parse(mut args: impl Iterator<Item = String>) -> Result<Option<(MockOptions, bool)>, String> {
    let mut options = MockOptions::default();
    let (mut every, mut fault, mut until_stdin_closes) = (None, None, false);
    while let Some(arg) = args.next() {
        let mut value = |rule: &str| args.next().ok_or_else(|| format!("{arg} takes {rule}"));
        let number = |text: String, rule: &str| {
            text.parse::<u64>().map_err(|_| format!("{arg} takes {rule}, got {text:?}"))
        };
        match arg.as_str() {
            "--port" => {
                let rule = "a port number from 0 to 65535";
                options.port = value(rule)?.parse().map_err(|_| format!("--port takes {rule}"))?;
            }
            "--profiles" => options.extra_profiles = number(value("a count")?, "a count")? as usize,
            "--phone-numbers" => options.extra_phone_numbers = number(value("a count")?, "a count")? as usize,
            "--bandwidth" => {
                let rule = "bytes per second, at least 1";
                options.bandwidth = Some(number(value(rule)?, rule)?).filter(|&n| n > 0);
                if options.bandwidth.is_none() {
                    return Err(format!("--bandwidth takes {rule}"));
                }
            }
            "--gzip" => options.gzip = true,
            "--latency-ms" => {
                options.latency = Duration::from_millis(number(value("milliseconds")?, "milliseconds")?)
            }
            "--fault-every" => {
                every = Some(number(value("a count of at least 1")?, "a count of at least 1")?)
            }
            "--fault" => fault = Some(value("a fault")?.parse().map_err(|e| format!("--fault: {e}"))?),
            "--until-stdin-closes" => until_stdin_closes = true,
            "-h" | "--help" => return Ok(None),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    match (every, fault) {
        (Some(0), _) => return Err("--fault-every takes a count of at least 1".into()),
        (Some(every), fault) => {
            let fault =
                fault.unwrap_or(telnyx_messaging::mock::Fault::Status { status: 503, retry_after: None });
            options.faults = Some(FaultSchedule { every, fault });
        }
        (None, Some(_)) => return Err("--fault needs --fault-every".into()),
        (None, None) => {}
    }
    Ok(Some((options, until_stdin_closes)))
}
