#!/bin/sh
# test_docs.sh - what docs/rules.md says of the shipped scenarios holds for their files:
# the base action points of each side (the docs said "4 in all shipped scenarios" while
# baltic-flashpoint gives Russia 5).
# Run by tests/e2e/run.sh (ROOT set).
set -u
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# The "Action points" section of the rules.
sed -n '/^## Action points/,/^## /p' "$ROOT/docs/rules.md" | tr '\n' ' ' >ap.txt
[ -s ap.txt ] || fail "docs/rules.md has no Action points section"
std=$(sed -n 's/.*set by the scenario: \([0-9]*\) in the shipped.*/\1/p' ap.txt)
[ -n "$std" ] || fail "the Action points section does not state the shipped scenarios' AP"
n=0
for f in "$ROOT"/scenarios/*.cfg; do
	id=$(basename "$f" .cfg)
	for side in nato russia; do
		ap=$(sed -n "s/^ *$side *= *{.*ap *= *\\([0-9]*\\).*/\\1/p" "$f")
		[ -n "$ap" ] || { fail "$id: no ap for $side"; continue; }
		n=$((n + 1))
		[ "$ap" = "${std:-}" ] && continue
		grep -q "\`$id\`" ap.txt && grep -q " $ap in \`$id\`" ap.txt ||
			fail "$id gives $side $ap AP: docs/rules.md's Action points section does not say so"
	done
done
[ "$n" -ge 2 ] || fail "no scenario's AP read"
[ "$fails" -eq 0 ] || { echo "$fails check(s) failed"; exit 1; }
echo "the docs' action points agree with the $n sides of the shipped scenarios"
