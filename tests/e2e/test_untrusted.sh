#!/bin/sh
# test_untrusted.sh - untrusted files never stop Brink (issue 9, defects 1-3): an
# @include of a folder, a FIFO, an absolute name or a name of 600 bytes, in a save
# or a scenario, gets FILE:LINE: error: and exit 1 within seconds (libconfig 1.5
# exit()ed or blocked on these); listing and lookup by id skip a bad file with a
# warning naming it; the title menu's Load list shows a planted save as
# unreadable and carries on. Every command runs under `timeout 10`: a hang fails.
# Run by tests/e2e/run.sh (BRINK, BRINK_TUI, ROOT, E2E_TMP set; the working folder is scratch).
set -u
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# run WANT WHAT CMD...: exit status WANT within 10 s
run() {
	want=$1 what=$2
	shift 2
	timeout 10 "$@" >cmd.out 2>cmd.err
	rc=$?
	[ "$rc" -eq "$want" ] || { fail "$what: exit $rc, want $want"; cat cmd.out cmd.err; }
}
err_has() { grep -Eq -- "$1" cmd.err || { fail "$2 (no /$1/ in stderr)"; cat cmd.err; }; }

mkfifo fifo || { echo "cannot make a FIFO"; exit 1; }
mkdir folder
long=$(printf '%0600d' 0 | sed 's/0/.\//g').

# Defect 1: a save can include files. Every save command refuses it at its line.
printf '# Brink save file\n@include "."\n' > dir.save
printf '# Brink save file\n@include "fifo"\n' > fifo.save
printf '# Brink save file\nformat = 1;\n@include "%s"\n' "$long" > long.save
for f in dir fifo long; do
	line=2
	[ $f = long ] && line=3
	run 1 "replay --verify $f.save" "$BRINK" replay $f.save --verify
	err_has "^$f.save:$line: error: @include is not allowed" "replay --verify names the include of $f.save"
	run 1 "replay $f.save" "$BRINK" replay $f.save
	err_has "^$f.save:$line: error: @include" "replay names the include"
	run 1 "report $f.save" "$BRINK" report $f.save
	err_has "^$f.save:$line: error: @include" "report names the include"
	run 1 "load $f.save" "$BRINK" load $f.save --plain
	err_has "^$f.save:$line: error: @include" "load names the include"
done

# Defect 2: the scenario include check could be bypassed (absolute names, long names).
mkdir -p scenarios/rules
cp "$ROOT"/scenarios/*.cfg scenarios/
cp "$ROOT"/scenarios/rules/standard.cfg scenarios/rules/
printf 'format = 1;\n@include "/rules"\n' > abs.cfg
run 1 "check: absolute include" "$BRINK" check abs.cfg
err_has '^abs.cfg:2: error: cannot include "/rules"' "an absolute name is used as written"
printf 'format = 1;\n@include "fifo"\n' > fifo.cfg
run 1 "check: FIFO include" "$BRINK" check fifo.cfg
err_has '^fifo.cfg:2: error: cannot include "fifo" \(fifo\): not a regular file' "a FIFO is refused"
printf 'format = 1;\n@include "%s"\n' "$long" > long.cfg
run 1 "check: long include name" "$BRINK" check long.cfg
err_has '^long.cfg:2: error: cannot include .*it is a directory' "a 600-byte name is checked too"
run 1 "check: fragment including a folder" "$BRINK" check --fragment abs.cfg
err_has '^abs.cfg:2: error: cannot include' "check --fragment resolves includes the same way"

# brink check --fragment: an include fragment alone, its problems at its lines.
printf '# regions only\nregions = (\n  { id = "a"; name = "A"; value = 2; stability = 140; }\n);\n' > frag.cfg
run 1 "check --fragment with a bad value" "$BRINK" check --fragment frag.cfg
err_has '^frag.cfg:3: error: .stability. is 140, outside 0..100' "the fragment's error at its line"
run 1 "the same fragment as a scenario" "$BRINK" check frag.cfg
err_has "missing required key 'scenario'" "without --fragment, sections are required"
run 0 "check --fragment of the standard rules" "$BRINK" check --fragment scenarios/rules/standard.cfg
grep -q 'standard.cfg: ok (fragment)' cmd.out || fail "a good fragment is ok"

# Listing: `brink scenarios` skips planted files with a warning naming each.
cp abs.cfg scenarios/planted-abs.cfg
cp fifo.cfg scenarios/planted-fifo.cfg
ln -s ../fifo scenarios/planted-link.cfg
run 0 "scenarios with planted files" "$BRINK" scenarios
grep -q '^door-closed ' cmd.out || fail "the good scenarios are still listed"
err_has 'scenarios/planted-abs.cfg:2: warning: scenarios/planted-abs.cfg skipped: cannot include' \
	"the planted absolute include is named"
err_has 'planted-fifo.cfg skipped: cannot include "fifo"' "the planted FIFO include is named"
err_has 'planted-link.cfg:0: warning: .*not a regular file' "a .cfg that is a FIFO is named"

# Defect 3: lookup by id reads every .cfg of the folders: never a hang or an exit.
run 1 "play no-such-id" "$BRINK" play no-such-id --plain
err_has "no scenario 'no-such-id' found" "play says what is missing"
err_has 'planted-fifo.cfg skipped' "play names the file it skipped"
run 1 "sim no-such-id" "$BRINK" sim no-such-id --games 1
err_has "no scenario 'no-such-id' found" "sim says what is missing"
run 0 "play by id with planted files around" "$BRINK" play door-closed --plain --nato normal --russia normal --turns 2 --seed 1 --save-dir saves

# The title menu's Load list reads every save of the folder: a planted one is
# listed as unreadable and the menu goes on (it used to end with curses up).
if command -v tmux >/dev/null 2>&1; then
	unset TMUX
	S=brink-e2e-untrusted-$$
	tm() { tmux -L "$S" "$@"; }
	trap 'tm kill-server >/dev/null 2>&1' EXIT INT TERM
	mkdir -p "$XDG_DATA_HOME/brink/saves"
	cp fifo.save "$XDG_DATA_HOME/brink/saves/planted.save"
	cd "$E2E_TMP/folder" || exit 1
	tm -f /dev/null new-session -d -s main -x 100 -y 30 "env PS1='shell> ' sh" || fail "tmux did not start"
	tm set-option -t main status off >/dev/null
	screen() { tm capture-pane -p -t main 2>/dev/null; }
	wait_for() {
		i=0
		while [ $i -lt 50 ]; do
			screen | grep -qF -- "$1" && return 0
			sleep 0.1
			i=$((i + 1))
		done
		screen
		return 1
	}
	wait_for "shell>" || fail "the shell starts"
	tm send-keys -t main "$BRINK_TUI; echo EXIT=\$?" Enter
	wait_for "Load a saved game" || fail "the title menu"
	tm send-keys -t main Down Enter
	wait_for "unreadable" || fail "the planted save is listed as unreadable"
	wait_for "@include is not allowed" || fail "its error is shown"
	tm send-keys -t main Escape
	wait_for "Load a saved game" || fail "back in the title menu"
	tm send-keys -t main q
	wait_for "Quit Brink?" || fail "asked to confirm"
	tm send-keys -t main y
	wait_for "EXIT=0" || fail "the menu ends normally"
	cd "$E2E_TMP" || exit 1
else
	echo "note: tmux not installed, the Load list check is left out"
fi

[ "$fails" -eq 0 ] || { echo "test_untrusted: $fails failure(s)"; exit 1; }
exit 0
