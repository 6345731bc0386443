//! `telnyx-messaging-mock`: the offline mock of the Telnyx messaging-profile API
//! ([`telnyx_messaging::mock`]) as a program, for testing code in any language without the real
//! API. It prints its base URL on the first line of standard output, then serves until it is
//! stopped (Ctrl-C, SIGTERM), or, with `--until-stdin-closes`, until its standard input closes.

use std::io::{Read, Write};
use std::process::ExitCode;

use telnyx_messaging::mock::{MockServer, API_KEY};

const USAGE: &str = "usage: telnyx-messaging-mock [--port N] [--until-stdin-closes]

Serves the Telnyx messaging-profile API (all 19 operations, seeded data, in memory) on
127.0.0.1. Prints the base URL (http://127.0.0.1:PORT/v2) on the first line of standard output.
Clients must send `Authorization: Bearer KEY_MOCK_0123456789ABCDEF`.

  --port N               listen on port N (default: a free port)
  --until-stdin-closes   stop when standard input reaches end of file (for test harnesses)";

fn main() -> ExitCode {
    let mut port = 0u16;
    let mut until_stdin_closes = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => match args.next().map(|p| p.parse::<u16>()) {
                Some(Ok(p)) => port = p,
                _ => return usage_error("--port takes a port number from 0 to 65535"),
            },
            "--until-stdin-closes" => until_stdin_closes = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => return usage_error(&format!("unknown argument {other:?}")),
        }
    }
    let mock = match MockServer::start_on(port) {
        Ok(mock) => mock,
        Err(e) => {
            eprintln!("telnyx-messaging-mock: cannot listen on 127.0.0.1:{port}: {e}");
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

fn usage_error(message: &str) -> ExitCode {
    eprintln!("telnyx-messaging-mock: {message}\n\n{USAGE}");
    ExitCode::from(2)
}
