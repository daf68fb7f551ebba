#!/bin/sh
# balance.sh - print every balance target of the model with the measured
# figure and PASS or FAIL (`make balance`). Not part of `make test`: the
# figures are measured, never frozen.
#
#   tools/balance.sh [BRINK]      BRINK defaults to ./brink
#   GAMES=N      games per line (default 10000)
#   HARD_GAMES=N games per line against the hard AI (default GAMES / 10:
#                hard searches with playouts and is ~50 times slower)
#   JOBS=J       threads (default 2)
#   SEED=S       batch seed (default 1)
set -u
BRINK=${1:-./brink}
GAMES=${GAMES:-10000}
HARD_GAMES=${HARD_GAMES:-$((GAMES / 10))}
JOBS=${JOBS:-2}
SEED=${SEED:-1}
SCENARIOS=${SCENARIOS:-$("$BRINK" scenarios | awk "{print \$1}")}
pass=0
fail=0

# sim SCENARIO NATO RUSSIA GAMES [extra...]: the summary lines of one run
sim() {
	s=$1 n=$2 r=$3 g=$4
	shift 4
	"$BRINK" sim "$s" --games "$g" --seed "$SEED" --jobs "$JOBS" --nato "$n" --russia "$r" "$@"
}
get() { awk -v k="$1:" '$1 == k { print $2; exit }'; }

# verdict OK NAME FIGURE COMMAND
verdict() {
	if [ "$1" = 1 ]; then word=PASS pass=$((pass + 1)); else word=FAIL fail=$((fail + 1)); fi
	printf '%-4s %-58s %s\n' "$word" "$2" "$3"
}
check() { awk "BEGIN { exit !($1) }" && echo 1 || echo 0; }

echo "# brink balance: $GAMES games a line ($HARD_GAMES against hard), seed $SEED"
echo "# each line: PASS/FAIL, target, measured figure"

echo "## normal vs normal, every shipped scenario"
for s in $SCENARIOS; do
	out=$(sim "$s" normal normal "$GAMES")
	nw=$(echo "$out" | get nato_wins); rw=$(echo "$out" | get russia_wins)
	dr=$(echo "$out" | get draw_rate); wr=$(echo "$out" | get war_rate)
	pc=$(echo "$out" | get peace); pc=${pc:-0}
	share=$(awk -v a="$nw" -v b="$rw" 'BEGIN { d = a + b; if (d == 0) print 0; else print (a > b ? a : b) / d }')
	verdict "$(check "$dr <= 0.50")" "$s: draws <= 50%" "draw_rate $dr"
	verdict "$(check "$share <= 0.60")" "$s: no side > 60% of decided" "nato $nw russia $rw (peace $pc): top share $(printf %.3f "$share")"
	verdict "$(check "$wr >= 0.01 && $wr <= 0.15")" "$s: war in 1%..15%" "war_rate $wr"
	if [ "$s" = door-closed ]; then
		top=$(echo "$out" | awk '/^decided_by_/ { if ($2 > m) { m = $2; id = $1 } } END { sub("decided_by_", "", id); sub(":", "", id); print id, m + 0 }')
		verdict "$(check "${top#* } <= 0.60")" "$s: no region decides > 60% of decided" "$top"
	fi
done

echo "## fixed strategies (stand firm in crises) against normal and hard"
NATO_FIXED="
fixed:aid@ukraine,outreach@ukraine,outreach@caucasus
fixed:aid@ukraine,outreach@ukraine,outreach@caucasus,talks
fixed:deploy@ukraine,outreach@ukraine,aid@ukraine
fixed:deploy@poland,deploy@baltics,exercise@poland,exercise@baltics
fixed:talks,arms-control,cyber-defense
fixed:talks,aid@ukraine,outreach@caucasus
fixed:sanction,outreach@ukraine,outreach@caucasus,deploy@ukraine
fixed:open-door@ukraine,aid@ukraine,outreach@ukraine
fixed:reassure@poland,reassure@baltics,outreach@ukraine,aid@caucasus
fixed:deploy@ukraine,exercise@ukraine,outreach@caucasus,aid@caucasus
fixed:outreach@ukraine,outreach@caucasus,talks,sanction
"
RUSSIA_FIXED="
fixed:info-campaign@ukraine,energy@ukraine,info-campaign@caucasus
fixed:buildup@ukraine,info-campaign@ukraine,snap-exercise@ukraine,red-line@ukraine
fixed:intervene@caucasus,info-campaign@ukraine
fixed:energy@ukraine,energy@poland,cyber-op@baltics
fixed:talks,arms-control,cyber-defense
fixed:talks,info-campaign@ukraine,info-campaign@caucasus
fixed:partnership,info-campaign@ukraine,info-campaign@caucasus
fixed:red-line@ukraine,buildup@ukraine,info-campaign@ukraine,buildup@caucasus
fixed:cyber-op@poland,cyber-op@baltics,info-campaign@ukraine,info-campaign@baltics
fixed:snap-exercise@baltics,snap-exercise@poland,info-campaign@ukraine,energy@caucasus
fixed:info-campaign@ukraine,info-campaign@caucasus,info-campaign@baltics,info-campaign@nordics
"
n=0
for p in $NATO_FIXED; do
	for lv in normal hard; do
		g=$GAMES; lim=0.55; [ $lv = hard ] && g=$HARD_GAMES && lim=0.45
		out=$(sim door-closed "$p" $lv "$g")
		w=$(echo "$out" | awk '/^nato_wins:/ { n = $2 } /^games:/ { g = $2 } END { printf "%.3f", n / g }')
		verdict "$(check "$w <= $lim")" "NATO $p vs $lv: wins <= $lim" "$w"
	done
	n=$((n + 1))
done
for p in $RUSSIA_FIXED; do
	for lv in normal hard; do
		g=$GAMES; lim=0.55; [ $lv = hard ] && g=$HARD_GAMES && lim=0.45
		out=$(sim door-closed $lv "$p" "$g")
		w=$(echo "$out" | awk '/^russia_wins:/ { n = $2 } /^games:/ { g = $2 } END { printf "%.3f", n / g }')
		verdict "$(check "$w <= $lim")" "Russia $p vs $lv: wins <= $lim" "$w"
	done
	n=$((n + 1))
done
echo "# $n fixed strategies"

echo "## the hawk"
for lv in normal hard; do
	g=$GAMES; lim=0.40; [ $lv = hard ] && g=$HARD_GAMES && lim=0.25
	a=$(sim door-closed hawk $lv "$g" | awk '/^nato_wins:/ { n = $2 } /^games:/ { g = $2 } END { printf "%.3f", n / g }')
	b=$(sim door-closed $lv hawk "$g" | awk '/^russia_wins:/ { n = $2 } /^games:/ { g = $2 } END { printf "%.3f", n / g }')
	verdict "$(check "$a <= $lim && $b <= $lim")" "hawk vs $lv: wins <= $lim (as NATO / as Russia)" "$a / $b"
done
hh=$(sim door-closed hawk hawk "$GAMES")
hw=$(echo "$hh" | get war_rate)
verdict "$(check "$hw >= 0.80")" "hawk vs hawk: war >= 80%" "war_rate $hw"

echo "## the dilemma's shape: mean scores"
hn=$(echo "$hh" | get mean_nato_score); hr=$(echo "$hh" | get mean_russia_score)
for lv in dove tit-for-tat; do
	o=$(sim door-closed $lv $lv "$GAMES")
	n=$(echo "$o" | get mean_nato_score); r=$(echo "$o" | get mean_russia_score)
	verdict "$(check "$n > $hn && $r > $hr")" "$lv vs $lv scores more than hawk vs hawk (both)" "nato $n > $hn, russia $r > $hr"
done

echo "## tournament (win 1, draw 1/2, war 0), $((GAMES / 100)) games a pairing"
t=$("$BRINK" sim door-closed --tournament --games $((GAMES / 100)) --seed "$SEED" --jobs "$JOBS")
ranks=$(echo "$t" | awk '/^player/ { on = 1; next } on && NF == 5 { w = $3 + 0; d = $4 + 0; print $1, w + d / 2 }' | sort -k2 -rn)
echo "$ranks" | awk '{ printf "     %-12s %.1f\n", $1, $2 }'
tft=$(echo "$ranks" | awk '$1 == "tit-for-tat" { print NR }')
first=$(echo "$ranks" | awk 'NR == 1 { print $1 }')
all=$(echo "$ranks" | wc -l)
verdict "$(check "$tft <= $all / 2")" "tit-for-tat in the top half" "rank $tft of $all"
verdict "$(check "\"$first\" != \"hawk\"")" "the hawk not first" "first: $first"

echo "## every standard action >= 1% of some AI level's orders in some scenario"
tmp=$(mktemp)
for s in $SCENARIOS; do
	for lv in easy normal hawk dove tit-for-tat greedy; do
		sim "$s" $lv $lv $((GAMES / 10)) --actions | awk '/^action_/ { print $1, $2 }' >>"$tmp"
	done
done
awk '{ sub(":", "", $1); sub("action_(nato|russia)_", "", $1); if ($2 > m[$1]) m[$1] = $2; seen[$1] = 1 }
     END { for (a in seen) print a, m[a] + 0 }' "$tmp" | sort >"$tmp.max"
while read -r a m; do
	verdict "$(check "$m >= 0.01")" "action $a: >= 1% somewhere" "$m"
done <"$tmp.max"
rm -f "$tmp" "$tmp.max"

# best CMD...: the highest games_per_second of five runs of CMD (on a shared
# machine other jobs, and the CPU's clock, only ever slow a run down)
best() {
	b=0
	for i in 1 2 3 4 5; do
		b=$("$@" | get games_per_second | awk -v b="$b" '{ print ($1 > b ? $1 : b) }')
	done
	echo "$b"
}

echo "## speed (one core, best of five runs)"
ng=$(best "$BRINK" sim --games 2000 --seed "$SEED" --jobs 1)
rg=$(best "$BRINK" sim --games 200000 --seed "$SEED" --jobs 1 --nato random --russia random)
verdict "$(check "$ng >= 5000")" "normal vs normal >= 5,000 games/s" "$ng"
verdict "$(check "$rg >= 200000")" "random vs random >= 200,000 games/s" "$rg"

echo "# $pass PASS, $fail FAIL"
