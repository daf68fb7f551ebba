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
# uninstall removes what install put there and nothing else: a scenario the
# user added to the data folder stays, with the folders that hold it.
cp "$ROOT/scenarios/door-closed.cfg" "$share/brink/scenarios/my-own.cfg"
make -s -C "$ROOT" uninstall DESTDIR="$dest" >/dev/null 2>&1 || fail "make uninstall"
[ ! -e "$dest/usr/local/bin/brink" ] || fail "uninstall left the binary"
[ ! -e "$share/brink/scenarios/door-closed.cfg" ] || fail "uninstall left an installed scenario"
[ ! -e "$share/brink/scenarios/rules/standard.cfg" ] || fail "uninstall left the standard rules"
[ ! -e "$share/brink/assets" ] || fail "uninstall left the assets folder"
[ ! -e "$share/man/man6/brink.6" ] || fail "uninstall left the man page"
[ -f "$share/brink/scenarios/my-own.cfg" ] || fail "uninstall removed a scenario it did not install"
exit 0
