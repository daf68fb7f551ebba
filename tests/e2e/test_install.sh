#!/bin/sh
# make install honours DESTDIR: binary, scenarios, standard rules, assets and man
# pages land under it, and the installed game finds its scenarios by the XDG path.
set -u
fail() { echo "FAIL: $*"; exit 1; }
dest=$E2E_TMP/dest
make -s -C "$ROOT" install DESTDIR="$dest" >"$E2E_TMP/install.log" 2>&1 || { cat "$E2E_TMP/install.log"; fail "make install"; }
share=$dest/usr/local/share
for f in usr/local/bin/brink usr/local/share/brink/scenarios/door-closed.cfg \
         usr/local/share/brink/scenarios/rules/standard.cfg usr/local/share/man/man6/brink.6 \
         usr/local/share/man/man5/brink-scenario.5; do
	[ -f "$dest/$f" ] || fail "missing $f"
done
ls "$share/brink/assets" | grep -q . || fail "no assets installed"
[ -x "$dest/usr/local/bin/brink" ] || fail "binary not executable"
mkdir -p "$E2E_TMP/elsewhere" && cd "$E2E_TMP/elsewhere" || fail "cd"
out=$(XDG_DATA_HOME=$share "$dest/usr/local/bin/brink" scenarios) || fail "brink scenarios failed"
echo "$out" | grep -q '^door-closed ' || fail "installed scenarios not listed: $out"
XDG_DATA_HOME=$share "$dest/usr/local/bin/brink" check "$share/brink/scenarios/door-closed.cfg" >/dev/null 2>&1 ||
	fail "installed default scenario does not check"
printf 'end\nquit\n' | XDG_DATA_HOME=$share "$dest/usr/local/bin/brink" play --plain --seed 1 \
	--save-dir "$E2E_TMP/saves" >"$E2E_TMP/play.out" 2>&1 || fail "installed game does not start"
grep -q '\[nato 2025-Q1 AP' "$E2E_TMP/play.out" || fail "no prompt from the installed game"
make -s -C "$ROOT" uninstall DESTDIR="$dest" >/dev/null 2>&1 || fail "make uninstall"
[ ! -e "$dest/usr/local/bin/brink" ] || fail "uninstall left the binary"
exit 0
