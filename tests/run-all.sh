#!/usr/bin/env bash
# The project's one test command: installs what the tests need (the Prism mock server into
# .prism/, pytest, mypy and pyright into a virtual environment in target/test-venv), starts Prism on a free loopback
# port and the contract suites' recording proxy in front of it (opted in here: cargo feature
# `contract`, pytest --contract, Go build tag `contract`), then runs the Rust, C (through cargo), Python and Go suites and the
# install checks (tests/install-check.sh). Safe to run again: finished installs are skipped.
#
#   bash tests/run-all.sh
#
# Exits non-zero when any step fails; the last line is a summary of the steps.
# Environment: CI=true also sets TELNYX_VALGRIND=1 (the C tests then run under valgrind).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PRISM_PACKAGE="@stainless-api/prism-cli"
PRISM_VERSION="5.16.1"
PRISM_DIR="$ROOT/.prism"
PRISM_BIN="$PRISM_DIR/node_modules/.bin/prism"
SPEC="$ROOT/tests/api/telnyx-messaging.openapi.yml"
STARTUP_LIMIT=60 # seconds Prism may take to answer

if [[ "${CI:-}" == "true" ]]; then
    export TELNYX_VALGRIND=1
fi

START_ALL=$SECONDS
PASSED=()
FAILED=()
ABSENT=()

note() { printf '\n=== run-all: %s\n' "$*"; }
die() {
    printf '\nrun-all: FATAL: %s\n' "$*" >&2
    printf 'run-all summary: setup failed after %ss; no suites ran\n' "$((SECONDS - START_ALL))"
    exit 1
}

# step NAME COMMAND...: runs one suite step, records its result and duration, goes on either way.
step() {
    local name="$1"
    shift
    note "step '$name': $*"
    local start=$SECONDS
    if "$@"; then
        PASSED+=("$name ($((SECONDS - start))s)")
        note "step '$name' passed in $((SECONDS - start))s"
    else
        local rc=$?
        FAILED+=("$name (exit $rc)")
        note "step '$name' FAILED with exit code $rc after $((SECONDS - start))s"
    fi
}

# --- setup --------------------------------------------------------------------------------------

[[ -f "$SPEC" ]] || die "the OpenAPI definition is missing: expected $SPEC"

prism_installed() {
    [[ -x "$PRISM_BIN" ]] &&
        grep -q "\"version\": *\"$PRISM_VERSION\"" \
            "$PRISM_DIR/node_modules/$PRISM_PACKAGE/package.json" 2>/dev/null
}

note "setup: Prism $PRISM_PACKAGE@$PRISM_VERSION in .prism/"
if prism_installed; then
    echo "already installed"
else
    command -v npm >/dev/null || die "npm is not installed"
    resolved="$(timeout 120 npm view "$PRISM_PACKAGE@$PRISM_VERSION" version 2>&1)" ||
        die "npm view $PRISM_PACKAGE@$PRISM_VERSION failed: $resolved"
    [[ "$resolved" == "$PRISM_VERSION" ]] ||
        die "npm view $PRISM_PACKAGE@$PRISM_VERSION answered '$resolved'"
    # No lock file and no package.json are written: .prism/ only holds node_modules.
    timeout 600 npm install --prefix "$PRISM_DIR" --no-save --no-package-lock --no-audit --no-fund \
        "$PRISM_PACKAGE@$PRISM_VERSION" || die "npm install of $PRISM_PACKAGE@$PRISM_VERSION failed"
    prism_installed || die "npm install finished but $PRISM_BIN is missing"
fi

# A virtual environment of our own: the system interpreter may refuse pip (PEP 668).
VENV="$ROOT/target/test-venv"
PYTHON="$VENV/bin/python"
note "setup: pytest in $VENV"
if "$PYTHON" -m pytest --version >/dev/null 2>&1; then
    "$PYTHON" -m pytest --version
else
    python3 -m venv "$VENV" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
    timeout 600 "$PYTHON" -m pip install --quiet --disable-pip-version-check pytest ||
        die "pip install pytest failed"
    "$PYTHON" -m pytest --version || die "pytest is still missing after pip install"
fi

# The type checkers of the "python types" step, pinned: a new release must not fail CI by itself.
# pyright's wheel bundles its JavaScript and runs it with the node that Prism needs anyway.
MYPY_VERSION="2.4.1"
PYRIGHT_VERSION="1.1.414"
note "setup: mypy $MYPY_VERSION and pyright $PYRIGHT_VERSION in $VENV"
installed_version() {
    "$PYTHON" -c 'import importlib.metadata as m, sys; print(m.version(sys.argv[1]))' "$1" 2>/dev/null
}
if [[ "$(installed_version mypy)" == "$MYPY_VERSION" && "$(installed_version pyright)" == "$PYRIGHT_VERSION" ]]; then
    echo "already installed"
else
    timeout 600 "$PYTHON" -m pip install --quiet --disable-pip-version-check \
        "mypy==$MYPY_VERSION" "pyright==$PYRIGHT_VERSION" || die "pip install of mypy and pyright failed"
fi
"$VENV/bin/mypy" --version || die "mypy does not run"
timeout 300 "$VENV/bin/pyright" --version || die "pyright does not run (it needs node on PATH)"

# The Go modules' one dependency (github.com/go-json-experiment/json), from the module proxy:
# fetched here, in setup, so that the suites themselves need no network.
if [[ -f ffi/go/go.mod ]]; then
    note "setup: go mod download (ffi/go, examples/go, examples/bench/go)"
    for module in ffi/go examples/go examples/bench/go; do
        (cd "$module" && timeout 600 go mod download) || die "go mod download failed in $module"
    done
fi

PRISM_PID=""
PRISM_LOG="$(mktemp "${TMPDIR:-/tmp}/telnyx-prism.XXXXXX")"

stop_prism() {
    if [[ -n "$PRISM_PID" ]]; then
        # Prism runs in its own process group (setsid): stop the whole group.
        kill -TERM -- "-$PRISM_PID" 2>/dev/null
        for _ in $(seq 1 50); do
            kill -0 -- "-$PRISM_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL -- "-$PRISM_PID" 2>/dev/null
        wait "$PRISM_PID" 2>/dev/null
        PRISM_PID=""
    fi
    rm -f "$PRISM_LOG"
}

PROXY_PID=""
stop_proxy() {
    if [[ -n "$PROXY_PID" ]]; then
        kill -TERM "$PROXY_PID" 2>/dev/null
        wait "$PROXY_PID" 2>/dev/null
        PROXY_PID=""
    fi
}
trap 'stop_proxy; stop_prism' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Answers any HTTP request (Prism says 404 for /): then it has loaded the definition.
prism_answers() {
    curl --silent --output /dev/null --max-time 2 "http://127.0.0.1:$1/"
}

# start_prism PORT: 0 when Prism answers, 1 when it exited (say, the port was taken meanwhile).
start_prism() {
    note "setup: starting Prism on 127.0.0.1:$1 (log $PRISM_LOG)"
    setsid "$PRISM_BIN" mock -h 127.0.0.1 -p "$1" "$SPEC" >"$PRISM_LOG" 2>&1 </dev/null &
    PRISM_PID=$!
    local deadline=$((SECONDS + STARTUP_LIMIT))
    until prism_answers "$1"; do
        if ! kill -0 "$PRISM_PID" 2>/dev/null; then
            wait "$PRISM_PID" 2>/dev/null
            PRISM_PID=""
            cat "$PRISM_LOG" >&2
            echo "run-all: Prism exited before it answered (log above)" >&2
            return 1
        fi
        if ((SECONDS >= deadline)); then
            cat "$PRISM_LOG" >&2
            die "Prism did not answer on 127.0.0.1:$1 within ${STARTUP_LIMIT}s (log above)"
        fi
        sleep 0.5
    done
}

started=""
for _ in 1 2 3; do
    PORT="$(free_port)" || die "could not find a free port"
    if start_prism "$PORT"; then
        started=yes
        break
    fi
done
[[ -n "$started" ]] || die "Prism did not start in 3 attempts"
export TELNYX_PRISM_URL="http://127.0.0.1:$PORT"
echo "Prism answers at $TELNYX_PRISM_URL after $((SECONDS - START_ALL))s of setup"

# The one recording proxy of the contract suites (tests/contract/proxy_bin.rs), in front of
# Prism: the Python and Go suites reach Prism through it (TELNYX_CONTRACT_PROXY_URL), and it
# serves them the definition's operations and checks their scenarios. It prints its URL first.
note "setup: starting the contract proxy (telnyx-contract-proxy)"
cargo build --quiet --features contract --bin telnyx-contract-proxy || die "cargo build of telnyx-contract-proxy failed"
PROXY_LOG="$(mktemp "${TMPDIR:-/tmp}/telnyx-contract-proxy.XXXXXX")"
"$ROOT/target/debug/telnyx-contract-proxy" >"$PROXY_LOG" 2>&1 </dev/null &
PROXY_PID=$!
deadline=$((SECONDS + 30))
until TELNYX_CONTRACT_PROXY_URL="$(grep -m1 '^http://' "$PROXY_LOG")"; do
    if ! kill -0 "$PROXY_PID" 2>/dev/null || ((SECONDS >= deadline)); then
        cat "$PROXY_LOG" >&2
        die "the contract proxy did not start (log above)"
    fi
    sleep 0.2
done
rm -f "$PROXY_LOG"
export TELNYX_CONTRACT_PROXY_URL
echo "the contract proxy answers at $TELNYX_CONTRACT_PROXY_URL"

# --- suites -------------------------------------------------------------------------------------

step "build ffi" cargo build -p telnyx-messaging-ffi
# The Go suites link the installed library through pkg-config: one release build, installed into
# target/prefix (tests/install-check.sh installs the same build again, as a user would).
PREFIX="$ROOT/target/prefix"
step "install into target/prefix" make -C ffi install PREFIX="$PREFIX"
export PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
# --no-fail-fast: one failing test binary does not hide the results of the others.
step "cargo test" cargo test --workspace --no-fail-fast \
    --features telnyx-messaging/contract,telnyx-messaging-ffi/contract
# The README's main job, offline on its embedded mock server.
step "tour" env -u TELNYX_API_KEY -u TELNYX_BASE_URL cargo run --quiet --example tour

if [[ -d ffi/python/tests ]]; then
    # Exit code 5 (no tests collected) counts as a failure: the suite exists, so it must run.
    # The library just built, not whatever an older build left in target/release.
    step "python" env TELNYX_MESSAGING_LIB="$ROOT/target/debug/libtelnyx_messaging_ffi.so" \
        "$PYTHON" -m pytest ffi/python/tests --contract
else
    ABSENT+=("python (no ffi/python/tests)")
    note "step 'python': not present yet (no ffi/python/tests)"
fi

# Static typing of the Python package and of every Python example, as a user's checker sees them:
# mypy --strict and pyright (standard mode) with no error, and pyright --verifytypes scoring the
# package's public interface at least MIN_TYPE_COMPLETENESS (issue 14). The package is found from
# the checkout through PYTHONPATH (pyright asks the interpreter given for its search paths).
MIN_TYPE_COMPLETENESS=95
python_types() {
    local pkg="$ROOT/ffi/python" examples="$ROOT/examples/python"
    local bin="$VENV/bin" cache="$ROOT/target/mypy-cache"
    (cd "$pkg" && "$bin/mypy" --strict --cache-dir "$cache" -p telnyx_messaging) || return 1
    (cd "$examples" && MYPYPATH="$pkg" "$bin/mypy" --strict --cache-dir "$cache" ./*.py) || return 1
    PYTHONPATH="$pkg:$examples" "$bin/pyright" --pythonpath "$PYTHON" "$pkg/telnyx_messaging" "$examples" ||
        return 1
    local report
    report="$(mktemp "${TMPDIR:-/tmp}/telnyx-verifytypes.XXXXXX")"
    # Exits non-zero whenever a symbol is incomplete: the score decides.
    PYTHONPATH="$pkg" "$bin/pyright" --pythonpath "$PYTHON" --verifytypes telnyx_messaging --ignoreexternal \
        --outputjson >"$report"
    "$PYTHON" - "$report" "$MIN_TYPE_COMPLETENESS" <<'PY'
import json, sys

with open(sys.argv[1]) as f:
    report = json.load(f)
minimum = float(sys.argv[2])
completeness = report["typeCompleteness"]
score = 100.0 * completeness["completenessScore"]
for diag in report["generalDiagnostics"]:
    if diag["severity"] == "error":
        print(f"  {diag['file']}:{diag['range']['start']['line'] + 1}: {diag['message']}")
counts = completeness["exportedSymbolCounts"]
print(f"pyright --verifytypes telnyx_messaging: type completeness {score:.1f}% "
      f"({counts['withKnownType']} of {sum(counts.values())} exported symbols known), "
      f"at least {minimum:g}% required")
sys.exit(0 if score >= minimum else 1)
PY
    local rc=$?
    rm -f "$report"
    return $rc
}
if [[ -d ffi/python/telnyx_messaging ]]; then
    step "python types" python_types
else
    ABSENT+=("python types (no ffi/python/telnyx_messaging)")
fi

go_suite() {
    (cd ffi/go && go vet -tags contract ./... && go test -race -tags contract ./...) &&
        (cd examples/go && go vet ./... && for example in */main.go; do
            # Offline: without a key each example starts its own mock server.
            env -u TELNYX_API_KEY -u TELNYX_BASE_URL go run "./${example%/main.go}" >/dev/null || exit 1
        done)
}
if [[ -f ffi/go/go.mod ]]; then
    step "go" go_suite
else
    ABSENT+=("go (no ffi/go/go.mod)")
    note "step 'go': not present yet (no ffi/go/go.mod)"
fi

# Every README install block, run as written, and each installed piece used from outside.
step "install checks" bash tests/install-check.sh

# --- summary ------------------------------------------------------------------------------------

echo
for s in "${PASSED[@]}"; do echo "run-all: ok      $s"; done
for s in "${FAILED[@]}"; do echo "run-all: FAILED  $s"; done
for s in "${ABSENT[@]}"; do echo "run-all: absent  $s"; done
summary="steps ok=${#PASSED[@]} failed=${#FAILED[@]} absent=${#ABSENT[@]} in $((SECONDS - START_ALL))s"
if ((${#FAILED[@]} > 0)); then
    echo "run-all summary: FAILED, $summary"
    exit 1
fi
echo "run-all summary: OK, $summary"
