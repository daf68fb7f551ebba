#!/bin/sh
# test_check.sh - `brink check` and `brink scenarios` on the real binary: the
# malformed corpus (tests/data/bad, each file's "# expect:" markers), the
# shipped scenarios, the FILE:LINE: error: format, exit codes 0/1/2.
# Run by tests/e2e/run.sh (BRINK, ROOT, E2E_TMP set; the working folder is scratch).
set -u
BRINK=${BRINK:-./brink}
ROOT=${ROOT:-.}
E2E_TMP=${E2E_TMP:-$(mktemp -d)}
BAD=$ROOT/tests/data/bad
OUT=$E2E_TMP/out
ERR=$E2E_TMP/err
fails=0

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
show() { echo "--- stdout"; cat "$OUT"; echo "--- stderr"; cat "$ERR"; }
run() { "$BRINK" "$@" >"$OUT" 2>"$ERR"; rc=$?; }
# Every stderr line is a GCC-style diagnostic (or the "more not shown" line).
diag_format() {
	if grep -Evq '^.+:[0-9]+: (error|warning): .+$|^brink: [0-9]+ more problems? not shown$' "$ERR"; then
		fail "$1: a stderr line is not FILE:LINE: error|warning: MESSAGE"
		show
	fi
}

# ---- the malformed corpus: one file at a time
nbad=0
nwarn=0
for f in "$BAD"/*.cfg; do
	nbad=$((nbad + 1))
	run check "$f"
	markers=$(grep -a '^# expect: ' "$f" || true)
	if [ -z "$markers" ] || printf '%s\n' "$markers" | grep -q '^# expect: [^ ]* error '; then
		[ "$rc" -eq 1 ] || { fail "$f: exit $rc, expected 1"; show; }
		grep -q ': error: ' "$ERR" || { fail "$f: no error on stderr"; show; }
		grep -q ': ok' "$OUT" && fail "$f: reported ok"
	else
		nwarn=$((nwarn + 1))
		[ "$rc" -eq 0 ] || { fail "$f: warnings only, but exit $rc"; show; }
		grep -qx "$f: ok" "$OUT" || { fail "$f: no '$f: ok' line"; show; }
	fi
	diag_format "$f"
	# each marker: its FILE:LINE: level: appears, with its text
	printf '%s\n' "$markers" | while IFS= read -r m; do
		[ -n "$m" ] || continue
		set -- $m
		where=$3 level=$4
		text=$(printf '%s\n' "$m" | cut -d' ' -f5-)
		case $where in
		*:*) loc="$BAD/$where" ;;
		*) loc="$f:$where" ;;
		esac
		grep -F -- "$loc: $level: " "$ERR" | grep -qF -- "$text" ||
			{ echo "FAIL: $f: no '$loc: $level: ...$text'"; show; exit 1; }
	done || fails=$((fails + 1))
done
[ "$nbad" -ge 30 ] || fail "only $nbad files in $BAD"

# ---- all of them at once: every file reported, exit 1
run check "$BAD"/*.cfg
[ "$rc" -eq 1 ] || fail "check of the whole corpus: exit $rc, expected 1"
diag_format "whole corpus"
[ "$(grep -c ': ok$' "$OUT")" -eq "$nwarn" ] ||
	{ fail "whole corpus: expected $nwarn ok files (those with warnings only)"; show; }

# ---- the shipped scenarios and the standard rules are valid
nship=0
for f in "$ROOT"/scenarios/*.cfg "$ROOT"/scenarios/rules/standard.cfg; do
	[ -f "$f" ] || continue
	nship=$((nship + 1))
	run check "$f"
	[ "$rc" -eq 0 ] || { fail "$f: exit $rc, expected 0"; show; }
	grep -q "^$f: ok" "$OUT" || { fail "$f: no ok line"; show; }
	diag_format "$f"
done
[ "$nship" -ge 1 ] || fail "no shipped scenario found"

# ---- files that are not there or not files
run check "$E2E_TMP/no-such.cfg"
[ "$rc" -eq 1 ] || fail "missing file: exit $rc"
grep -q "^$E2E_TMP/no-such.cfg:0: error: cannot open" "$ERR" || { fail "missing file message"; show; }
run check "$BAD"
[ "$rc" -eq 1 ] || fail "directory: exit $rc"
grep -q "^$BAD:0: error: .*directory" "$ERR" || { fail "directory message"; show; }
head -c 1100000 /dev/zero | tr '\0' 'a' >"$E2E_TMP/huge.cfg"
run check "$E2E_TMP/huge.cfg"
[ "$rc" -eq 1 ] || fail "huge file: exit $rc"
grep -q "too big" "$ERR" || { fail "huge file message"; show; }
# a valid file and a bad one: the valid one is still ok, exit 1
run check "$ROOT/tests/data/good/minimal.cfg" "$BAD/syntax.cfg"
[ "$rc" -eq 1 ] || fail "good + bad: exit $rc"
grep -qx "$ROOT/tests/data/good/minimal.cfg: ok" "$OUT" || { fail "good + bad: good not ok"; show; }

# ---- usage
run check
[ "$rc" -eq 2 ] || fail "no file: exit $rc, expected 2"
grep -q -- "--help" "$ERR" || fail "no file: no pointer to --help"
run check --frobnicate "$BAD/syntax.cfg"
[ "$rc" -eq 2 ] || fail "unknown option: exit $rc, expected 2"
run check --help
[ "$rc" -eq 0 ] || fail "check --help: exit $rc"
grep -q "Usage: brink check FILE" "$OUT" || { fail "check --help: no usage"; show; }

# ---- --strict: the warnings of legal-but-wrong files become errors, at the same lines
run check "$BAD/lint.cfg"
[ "$rc" -eq 0 ] || { fail "lint.cfg: warnings only, but exit $rc"; show; }
nwarn=$(grep -c ': warning: ' "$ERR")
[ "$nwarn" -ge 6 ] || { fail "lint.cfg: $nwarn warnings, expected at least 6"; show; }
run check --strict "$BAD/lint.cfg"
[ "$rc" -eq 1 ] || { fail "check --strict lint.cfg: exit $rc, expected 1"; show; }
grep -q ': ok' "$OUT" && fail "check --strict lint.cfg: reported ok"
grep -q ': warning: ' "$ERR" && { fail "check --strict: a warning left"; show; }
[ "$(grep -c ': error: ' "$ERR")" -eq "$nwarn" ] || { fail "check --strict: not every warning an error"; show; }
grep -qF "$BAD/lint.cfg:14: error: region \"c\" borders no other region" "$ERR" ||
	{ fail "check --strict: the isolated region at its line"; show; }
run check --strict "$BAD/lint-war.cfg"
[ "$rc" -eq 1 ] || { fail "check --strict lint-war.cfg: exit $rc"; show; }
grep -qF "$BAD/lint-war.cfg:7: error: no side can win" "$ERR" || { fail "lint-war: no side can win"; show; }
for f in "$ROOT"/scenarios/*.cfg; do
	run check --strict "$f"
	[ "$rc" -eq 0 ] || { fail "$f: not clean under --strict"; show; }
done

# ---- brink scenarios: ./scenarios first, then $XDG_DATA_HOME
cp -R "$ROOT/scenarios" "$E2E_TMP/scenarios"
: "${XDG_DATA_HOME:=$E2E_TMP/data}"
export XDG_DATA_HOME
mkdir -p "$XDG_DATA_HOME/brink/scenarios"
sed 's/id = "minimal"/id = "zz-extra"/' "$ROOT/tests/data/good/minimal.cfg" \
	>"$XDG_DATA_HOME/brink/scenarios/extra.cfg"
printf 'format = 1;\nscenario = { id = "broken"; };\n' >"$XDG_DATA_HOME/brink/scenarios/broken.cfg"
(cd "$E2E_TMP" && "$BRINK" scenarios) >"$OUT" 2>"$ERR"
rc=$?
[ "$rc" -eq 0 ] || { fail "scenarios: exit $rc"; show; }
grep -Evq '^[a-z0-9-]+ +[^ ].*$' "$OUT" && { fail "scenarios: a line is not 'ID  TITLE'"; show; }
sort -c "$OUT" 2>/dev/null || { fail "scenarios: not sorted by id"; show; }
grep -q '^zz-extra  *Minimal$' "$OUT" || { fail "scenarios: the XDG scenario is missing"; show; }
grep -q '^broken' "$OUT" && fail "scenarios: lists a broken file"
nlisted=$(wc -l <"$OUT")
nfiles=$(ls "$ROOT"/scenarios/*.cfg | wc -l)
[ "$nlisted" -eq $((nfiles + 1)) ] || { fail "scenarios: $nlisted listed, expected $((nfiles + 1))"; show; }
if [ -f "$ROOT/scenarios/door-closed.cfg" ]; then
	grep -q '^door-closed  *The Door Closes$' "$OUT" || { fail "scenarios: door-closed missing"; show; }
fi
run scenarios extra-arg
[ "$rc" -eq 2 ] || fail "scenarios extra-arg: exit $rc, expected 2"

if [ "$fails" -gt 0 ]; then
	echo "test_check: $fails failure(s)"
	exit 1
fi
echo "test_check: ok ($nbad bad files, $nship shipped files)"
