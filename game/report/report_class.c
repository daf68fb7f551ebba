/* report_class.c - the class report: a row per game, the class's spread, one chart, debrief prompts.
 *
 * The facts of each game are read from its session: results and scores from
 * the world, tension turn by turn from the world's history, agreements,
 * incidents, miscalculations and war from each turn's cause log. Prompts for
 * the debrief are chosen from those facts (a war and what led to it, two
 * tables that began the same game and ended apart, a what-if beside its
 * original, the most agreements, the steepest rise, the facilitator's
 * changes); dates, bands, sides, results and the facilitator's changes are
 * worded by explain. */
#include <ctype.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../ai/ai.h"
#include "../explain/explain.h"
#include "report.h"
#include "report_class.h"

#define CLASS_CRISIS 60    /* the Crisis band starts here (explain_band) */
#define CLASS_CHART_MAX 52 /* games on the ASCII chart: A-Z, a-z */
#define CLASS_PROMPTS_MAX 3 /* prompts of one kind */
#define CLASS_FAC_SHOWN 8   /* the facilitator's changes named for one game */

/* What the report needs of one game. */
struct facts {
	const struct class_game *g;
	const char *name;           /* g->name without the prefix every game shares */
	int result;                 /* enum result */
	int score[SIDE_COUNT];
	int turns, length;          /* turns played; turns in the game */
	int tension_start, tension_end, tension_peak;
	int war_turn;               /* the turn war broke out (1-based), 0: none */
	bool war_by_fac;            /* ... by a facilitator's change after that turn (or before
	                               the first: war_turn 0) */
	int crisis_since;           /* the turn (1-based) since which tension stayed >= Crisis, 0 */
	int crises;                 /* crises (an incident both sides answer: CAUSE_CRISIS) */
	int backed[SIDE_COUNT];     /* crises a side backed down in while the other stood firm */
	int both_back, both_firm;   /* crises both sides backed down in; stood firm in (war or not) */
	int firm_before_war;        /* crises both stood firm in, up to the war */
	int agreements, incidents, miscalcs, failed;
	int fac_incidents;          /* incidents the facilitator brought in */
	int rise, rise_turn;        /* the largest one-turn rise of tension by the sides' turn
	                               (the facilitator's changes left out), and its turn */
};

/* The length of the prefix, up to a '-', that every game's name shares
 * ("door-closed-42-" of "door-closed-42-table-01", ...), so the report can
 * say "table-01"; 0 when there is none or only one game. */
static size_t common_prefix(const struct class_game *g, int n)
{
	if (n < 2)
		return 0;
	size_t len = strlen(g[0].name);
	for (int i = 1; i < n; i++) {
		size_t k = 0;
		while (k < len && g[i].name[k] == g[0].name[k])
			k++;
		len = k;
	}
	/* Cut at a '-' after which no name is left as a bare number ("table-1"
	 * stays whole; "door-closed-42-table-01" keeps "table-01"). */
	for (;;) {
		while (len > 0 && g[0].name[len - 1] != '-')
			len--;
		if (!len)
			return 0;
		bool bare = false;
		for (int i = 0; i < n; i++)
			bare |= strlen(g[i].name) <= len || isdigit((unsigned char)g[i].name[len]);
		if (!bare)
			return len;
		len--;
	}
}

static int tension_after(const struct session *s, int t)
{
	return s->world.history[t][VAR_TENSION];
}

static void facts_of(const struct class_game *g, struct facts *f)
{
	const struct session *s = g->s;
	memset(f, 0, sizeof *f);
	f->g = g;
	f->result = s->world.result;
	f->score[SIDE_NATO] = s->world.score[SIDE_NATO];
	f->score[SIDE_RUSSIA] = s->world.score[SIDE_RUSSIA];
	f->turns = s->turns;
	f->length = s->rules.turns;
	f->tension_start = f->tension_peak = tension_after(s, 0);
	/* the start's log holds only the facilitator's changes before turn 1 */
	for (int i = 0; i < s->start.log.n && i < CAUSE_MAX; i++) {
		const struct cause *c = &s->start.log.rec[i];
		if (c->kind == CAUSE_INCIDENT && c->var == VAR_NONE)
			f->incidents++, f->fac_incidents++;
		else if (c->kind == CAUSE_WAR)
			f->war_by_fac = true;
	}
	for (int t = 1; t <= s->turns; t++) {
		int before = tension_after(s, t - 1), v = tension_after(s, t);
		if (v > f->tension_peak)
			f->tension_peak = v;
		if (v >= CLASS_CRISIS && !f->crisis_since)
			f->crisis_since = t;
		else if (v < CLASS_CRISIS)
			f->crisis_since = 0;
		/* The facilitator's changes after the turn follow its records in
		 * its log: from the first of them on, nothing is the sides' doing. */
		const struct cause_log *log = &s->log[t - 1];
		bool fac = false;
		int fac_tension = 0;
		for (int i = 0; i < log->n && i < CAUSE_MAX; i++) {
			const struct cause *c = &log->rec[i];
			fac = fac || c->kind == CAUSE_FACILITATOR;
			if (fac && c->var == VAR_TENSION)
				fac_tension += c->delta;
			if (fac && c->kind == CAUSE_WAR && !f->war_turn)
				f->war_by_fac = true;
			if (fac && c->kind == CAUSE_INCIDENT && c->var == VAR_NONE)
				f->fac_incidents++;
			if (c->kind == CAUSE_AGREEMENT && c->var == VAR_NONE)
				f->agreements++;
			else if (c->kind == CAUSE_INCIDENT && c->var == VAR_NONE)
				f->incidents++;
			else if (c->kind == CAUSE_MISCALC && c->source)
				f->miscalcs++;
			else if (c->kind == CAUSE_ORDER_FAILED)
				f->failed++;
			else if (c->kind == CAUSE_WAR && !f->war_turn)
				f->war_turn = t;
			else if (c->kind == CAUSE_CRISIS && c->var == VAR_NONE) {
				f->crises++;
				switch (c->delta) {
				case CRISIS_BOTH_BACK: f->both_back++; break;
				case CRISIS_NATO_FIRM: f->backed[SIDE_RUSSIA]++; break;
				case CRISIS_RUSSIA_FIRM: f->backed[SIDE_NATO]++; break;
				default:
					f->both_firm++;
					if (!f->war_turn)
						f->firm_before_war++;
					break;
				}
			}
		}
		if (v - fac_tension - before > f->rise)
			f->rise = v - fac_tension - before, f->rise_turn = t;
	}
	f->tension_end = tension_after(s, s->turns);
}

static const char *result_id(int r)
{
	static const char *const ids[] = { "none", "nato", "russia", "draw", "war", "peace" };
	return r >= 0 && r <= RESULT_PEACE ? ids[r] : "none";
}

/* "human" or "AI hard". */
static void player_words(const struct session *s, int side, char *buf, size_t len)
{
	const char *lvl = ai_level_name(s->ai_level[side]);
	if (s->player[side] == PLAYER_AI)
		snprintf(buf, len, "AI %s", lvl ? lvl : "?");
	else
		snprintf(buf, len, "human");
}

/* The team's name and who played: "Eagles (human)", or player_words alone. */
static void team_words(const struct session *s, int side, char *buf, size_t len)
{
	char who[32];
	player_words(s, side, who, sizeof who);
	if (s->team[side][0])
		snprintf(buf, len, "%s (%s)", s->team[side], who);
	else
		snprintf(buf, len, "%s", who);
}

/* "NATO wins", "a draw", "war", "cooperative peace", "in progress". */
static void result_name(const struct rules *r, int result, char *buf, size_t len)
{
	switch (result) {
	case RESULT_NATO:
	case RESULT_RUSSIA:
		snprintf(buf, len, "%s wins", explain_side(r, result == RESULT_NATO ? SIDE_NATO : SIDE_RUSSIA));
		break;
	case RESULT_DRAW: snprintf(buf, len, "a draw"); break;
	case RESULT_WAR: snprintf(buf, len, "war"); break;
	case RESULT_PEACE: snprintf(buf, len, "cooperative peace"); break;
	default: snprintf(buf, len, "in progress"); break;
	}
}

/* "war (2026-Q2)", "NATO wins", "in progress (5 of 12)". */
static void result_text(const struct facts *f, char *buf, size_t len)
{
	const struct session *s = f->g->s;
	char date[32], what[64];
	result_name(&s->rules, f->result, what, sizeof what);
	if (f->result == RESULT_WAR && f->war_turn) {
		explain_date(&s->rules, f->war_turn - 1, date, sizeof date);
		snprintf(buf, len, "war (%s)", date);
	} else if (f->result == RESULT_NONE) {
		snprintf(buf, len, "in progress (%d of %d)", f->turns, f->length);
	} else {
		snprintf(buf, len, "%s", what);
	}
}

/* ---- Markdown --------------------------------------------------------- */

/* "3: NATO backed down 1, Russia 1, both firm 1", or "0". */
static void crises_words(const struct facts *f, char *buf, size_t len)
{
	const struct rules *r = &f->g->s->rules;
	int n = snprintf(buf, len, "%d", f->crises);
	const char *sep = ": ";
	if (f->backed[SIDE_NATO] && n >= 0 && (size_t)n < len)
		n += snprintf(buf + n, len - (size_t)n, "%s%s backed down %d", sep, explain_side(r, SIDE_NATO),
		              f->backed[SIDE_NATO]), sep = ", ";
	if (f->backed[SIDE_RUSSIA] && n >= 0 && (size_t)n < len)
		n += snprintf(buf + n, len - (size_t)n, "%s%s backed down %d", sep,
		              explain_side(r, SIDE_RUSSIA), f->backed[SIDE_RUSSIA]), sep = ", ";
	if (f->both_back && n >= 0 && (size_t)n < len)
		n += snprintf(buf + n, len - (size_t)n, "%sboth backed down %d", sep, f->both_back), sep = ", ";
	if (f->both_firm && n >= 0 && (size_t)n < len)
		snprintf(buf + n, len - (size_t)n, "%sboth stood firm %d", sep, f->both_firm);
}

static void md_games(const struct facts *f, int n, FILE *out)
{
	const struct rules *r = &f[0].g->s->rules;
	fprintf(out, "## The games\n\n"
	             "| Game | %s | %s | Result | Scores | War | Tension (start, peak, end) | Turns | "
	             "Agreements | Incidents | Miscalculations | Crises: who backed down |\n"
	             "|---|---|---|---|---|---|---|---|---|---|---|---|\n",
	        explain_side(r, SIDE_NATO), explain_side(r, SIDE_RUSSIA));
	for (int i = 0; i < n; i++) {
		const struct session *s = f[i].g->s;
		char a[64], b[64], res[64], war[32] = "no";
		team_words(s, SIDE_NATO, a, sizeof a);
		team_words(s, SIDE_RUSSIA, b, sizeof b);
		result_text(&f[i], res, sizeof res);
		if (f[i].war_turn)
			snprintf(war, sizeof war, "turn %d", f[i].war_turn);
		else if (f[i].war_by_fac)
			snprintf(war, sizeof war, "before turn 1");
		char scores[48] = "-";
		if (s->world.over)
			snprintf(scores, sizeof scores, "%d : %d", f[i].score[SIDE_NATO], f[i].score[SIDE_RUSSIA]);
		char crises[160];
		crises_words(&f[i], crises, sizeof crises);
		fprintf(out, "| %s%s | %s | %s | %s | %s | %s | %d, %d, %d | %d of %d | %d | %d | %d | %s |\n",
		        f[i].name, s->branch_turn ? " (what-if)" : "", a, b, res, scores, war,
		        f[i].tension_start, f[i].tension_peak, f[i].tension_end, f[i].turns, f[i].length,
		        f[i].agreements, f[i].incidents, f[i].miscalcs, crises);
	}
	fprintf(out, "\nScores are %s : %s, counted when a game is over. A crisis is an incident both "
	             "sides must answer: each stands firm or backs down.\n\n",
	        explain_side(r, SIDE_NATO), explain_side(r, SIDE_RUSSIA));
	int changed = 0;
	for (int i = 0; i < n; i++)
		if (f[i].g->s->nfac)
			fprintf(out, "%s %s (%d)", changed++ ? "," : "The facilitator changed", f[i].name,
			        f[i].g->s->nfac);
	if (changed)
		fprintf(out, ": its changes are the facilitator's causes in each game's report "
		             "(`brink report SAVE`).\n\n");
}

/* Mean (one decimal), min and max of one measure over the games. */
static void md_spread_row(const char *what, const struct facts *f, int n, size_t off, int over_only,
                          FILE *out)
{
	long sum = 0;
	int k = 0, lo = 0, hi = 0;
	for (int i = 0; i < n; i++) {
		if (over_only && !f[i].g->s->world.over)
			continue;
		int v = *(const int *)((const char *)&f[i] + off);
		if (!k || v < lo)
			lo = v;
		if (!k || v > hi)
			hi = v;
		sum += v;
		k++;
	}
	if (!k) {
		fprintf(out, "| %s | - | - | - |\n", what);
		return;
	}
	long tenths = (sum * 10 + (sum >= 0 ? k / 2 : -k / 2)) / k;
	fprintf(out, "| %s | %ld.%ld | %d | %d |\n", what, tenths / 10, labs(tenths % 10), lo, hi);
}

static void md_spread(const struct facts *f, int n, FILE *out)
{
	const struct rules *r = &f[0].g->s->rules;
	fprintf(out, "## The spread across the class\n\n| | mean | min | max |\n|---|---|---|---|\n");
	char what[64];
	md_spread_row("Final tension", f, n, offsetof(struct facts, tension_end), 0, out);
	md_spread_row("Peak tension", f, n, offsetof(struct facts, tension_peak), 0, out);
	snprintf(what, sizeof what, "%s score (games over)", explain_side(r, SIDE_NATO));
	md_spread_row(what, f, n, offsetof(struct facts, score) + sizeof(int) * SIDE_NATO, 1, out);
	snprintf(what, sizeof what, "%s score (games over)", explain_side(r, SIDE_RUSSIA));
	md_spread_row(what, f, n, offsetof(struct facts, score) + sizeof(int) * SIDE_RUSSIA, 1, out);
	md_spread_row("Turns played", f, n, offsetof(struct facts, turns), 0, out);
	md_spread_row("Agreements", f, n, offsetof(struct facts, agreements), 0, out);
	md_spread_row("Incidents", f, n, offsetof(struct facts, incidents), 0, out);
	md_spread_row("Miscalculations", f, n, offsetof(struct facts, miscalcs), 0, out);
	md_spread_row("Crises", f, n, offsetof(struct facts, crises), 0, out);
	md_spread_row("Crises both sides stood firm in", f, n, offsetof(struct facts, both_firm), 0, out);
	int tally[RESULT_PEACE + 1] = { 0 };
	for (int i = 0; i < n; i++)
		tally[f[i].result >= 0 && f[i].result <= RESULT_PEACE ? f[i].result : 0]++;
	static const int order[] = { RESULT_NATO, RESULT_RUSSIA, RESULT_DRAW, RESULT_PEACE, RESULT_WAR,
	                             RESULT_NONE };
	fprintf(out, "\nResults of %d game%s:", n, n == 1 ? "" : "s");
	const char *sep = " ";
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		int res = order[k];
		if (!tally[res])
			continue;
		char words[64];
		result_name(r, res, words, sizeof words);
		fprintf(out, "%s%s %d", sep, words, tally[res]);
		sep = ", ";
	}
	fprintf(out, ".\n\n");
}

static char chart_mark(int i)
{
	return (char)(i < 26 ? 'A' + i : 'a' + (i - 26));
}

static void md_chart(const struct facts *f, int n, const char *png, FILE *out)
{
	int cols = 1, shown = n < CLASS_CHART_MAX ? n : CLASS_CHART_MAX;
	for (int i = 0; i < n; i++)
		if (f[i].turns + 1 > cols)
			cols = f[i].turns + 1;
	int width = cols <= 36 ? 2 : 1;
	fprintf(out, "## Tension in every game\n\nEach game is a letter (the legend is below); `*` marks "
	             "where several games stood at once.\n\n```text\n");
	for (int level = 100; level >= 0; level -= 10) {
		fprintf(out, "%3d |", level);
		for (int t = 0; t < cols; t++) {
			char mark = ' ';
			for (int i = 0; i < shown; i++) {
				if (t > f[i].turns)
					continue;
				int v = tension_after(f[i].g->s, t);
				if ((v + 5) / 10 * 10 != level)
					continue;
				mark = mark == ' ' ? chart_mark(i) : '*';
			}
			fprintf(out, "%*c", width, mark);
		}
		fprintf(out, "\n");
	}
	report_chart_axis(cols, width, out);
	for (int i = 0; i < shown; i++)
		fprintf(out, "%s`%c` %s", i ? ", " : "", chart_mark(i), f[i].name);
	if (n > shown)
		fprintf(out, " (and %d more games, not charted)", n - shown);
	fprintf(out, "\n\n");
	if (png)
		fprintf(out, "![Tension in every game](%s)\n\n", png);
}

/* The first turn (1-based) whose orders differ between A and B, 0 when
 * none of the turns both played differ. */
static int first_difference(const struct session *a, const struct session *b)
{
	int n = a->turns < b->turns ? a->turns : b->turns;
	for (int t = 0; t < n; t++)
		for (int side = 0; side < SIDE_COUNT; side++) {
			const struct orders *x = &a->orders[t][side], *y = &b->orders[t][side];
			if (x->n != y->n || x->crisis != y->crisis ||
			    memcmp(x->list, y->list, sizeof x->list[0] * (size_t)x->n))
				return t + 1;
		}
	return 0;
}

static int same_start(const struct session *a, const struct session *b)
{
	return a->seed == b->seed && !strcmp(a->rules.id, b->rules.id) && a->rules.turns == b->rules.turns &&
	       world_hash(&a->start) == world_hash(&b->start);
}

/* Wars: when, and what led there (the first few; then how many more).
 * Returns how many prompts it wrote. */
static int prompts_wars(const struct facts *f, int n, FILE *out)
{
	int told = 0;
	char date[32], date2[32];
	int wars = 0;
	for (int i = 0; i < n; i++) {
		const struct facts *g = &f[i];
		if (!g->war_turn && !g->war_by_fac)
			continue;
		if (++wars > CLASS_PROMPTS_MAX)
			continue;
		const struct rules *r = &g->g->s->rules;
		if (g->war_by_fac && !g->war_turn) {
			fprintf(out, "- %s went to war before the first turn by the facilitator's change, not by "
			             "a move of either side. What would each side have done to step back?\n", g->name);
			told++;
			continue;
		}
		explain_date(r, g->war_turn - 1, date, sizeof date);
		if (g->war_by_fac) {
			fprintf(out, "- %s went to war after turn %d (%s) by the facilitator's change, not by a "
			             "move of either side. Before it, what had each side done to raise or to "
			             "lower tension?\n", g->name, g->war_turn, date);
			told++;
			continue;
		}
		/* "3 incidents", "3 incidents, 1 of them brought in by the facilitator" */
		char inc[96];
		int k = snprintf(inc, sizeof inc, "%d incident%s", g->incidents, g->incidents == 1 ? "" : "s");
		if (g->fac_incidents && k > 0 && (size_t)k < sizeof inc)
			snprintf(inc + k, sizeof inc - (size_t)k, ", %d of %s brought in by the facilitator",
			         g->fac_incidents, g->incidents == 1 ? "it" : "them");
		if (g->firm_before_war)
			fprintf(out, "- %s went to war in %s after %d crisis%s both sides stood firm on "
			             "(%s%s %d miscalculation%s)", g->name, date, g->firm_before_war,
			        g->firm_before_war == 1 ? "" : "es", inc, g->fac_incidents ? ";" : ",", g->miscalcs,
			        g->miscalcs == 1 ? "" : "s");
		else
			fprintf(out, "- %s went to war in %s after %s%s %d miscalculation%s", g->name, date, inc,
			        g->fac_incidents ? ", and" : " and", g->miscalcs, g->miscalcs == 1 ? "" : "s");
		if (g->crisis_since && g->crisis_since < g->war_turn) {
			explain_date(r, g->crisis_since - 1, date2, sizeof date2);
			fprintf(out, "; tension had stood in the Crisis band or above since %s", date2);
		}
		fprintf(out, ". Which move could either side have made differently, and when was it "
		             "too late?\n");
		told++;
	}
	if (wars > CLASS_PROMPTS_MAX)
		fprintf(out, "- %d more games went to war (%d in all): did they take the same road?\n",
		        wars - CLASS_PROMPTS_MAX, wars);
	return told;
}

/* Two tables that began the same game and ended apart: for each pair of
 * results, the two games that stayed alike longest. Returns how many
 * prompts it wrote. */
static int prompts_parted(const struct facts *f, int n, FILE *out)
{
	int told = 0;
	char date[32], res[64], res2[64];
	int pairs = 0;
	for (int ra = 0; ra <= RESULT_PEACE; ra++)
		for (int rb = ra + 1; rb <= RESULT_PEACE; rb++) {
			int bi = -1, bj = -1, bt = 0;
			for (int i = 0; i < n; i++)
				for (int j = 0; j < n; j++) {
					const struct session *a = f[i].g->s, *b = f[j].g->s;
					if (f[i].result != ra || f[j].result != rb || !a->world.over || !b->world.over ||
					    !same_start(a, b))
						continue;
					int t = first_difference(a, b);
					if (t > bt)
						bi = i, bj = j, bt = t;
				}
			if (bi < 0 || ++pairs > CLASS_PROMPTS_MAX)
				continue;
			if (f[bi].war_turn && !f[bj].war_turn) {
				int k = bi; /* the peaceful game first */
				bi = bj, bj = k;
			}
			result_text(&f[bi], res, sizeof res);
			result_text(&f[bj], res2, sizeof res2);
			explain_date(&f[bi].g->s->rules, bt - 1, date, sizeof date);
			fprintf(out, "- %s and %s began the same game (seed %llu) and ended apart (%s: %s; %s: "
			             "%s). Their orders first differed in turn %d (%s)", f[bi].name, f[bj].name,
			        (unsigned long long)f[bi].g->s->seed, f[bi].name, res, f[bj].name, res2, bt,
			        date);
			/* not all of the difference may be the tables' own */
			bool fi = f[bi].g->s->nfac > 0, fj = f[bj].g->s->nfac > 0;
			if (fi && fj)
				fprintf(out, "; the facilitator changed both games (below)");
			else if (fi || fj)
				fprintf(out, "; the facilitator changed %s (below)", fi ? f[bi].name : f[bj].name);
			fprintf(out, ". What did each table expect the other side to do?\n");
			told++;
		}
	return told;
}

/* A what-if beside its original. Returns how many prompts it wrote. */
static int prompts_branches(const struct facts *f, int n, FILE *out)
{
	int told = 0;
	char date[32], res[64], res2[64];
	for (int i = 0; i < n; i++) {
		const struct session *b = f[i].g->s;
		if (!b->branch_turn)
			continue;
		for (int j = 0; j < n; j++) {
			if (j == i || strcmp(f[j].g->s->id, b->branch_from))
				continue;
			result_text(&f[i], res, sizeof res);
			result_text(&f[j], res2, sizeof res2);
			explain_date(&b->rules, b->branch_turn - 1, date, sizeof date);
			if (f[i].result == f[j].result && f[i].tension_end == f[j].tension_end)
				fprintf(out, "- %s replayed %s from turn %d (%s) and ended as the original did (%s, "
				             "final tension %d). Why did playing it again change nothing that "
				             "mattered?\n", f[i].name, f[j].name, b->branch_turn, date, res,
				        f[i].tension_end);
			else
				fprintf(out, "- %s replayed %s from turn %d (%s): %s, final tension %d (the original: "
				             "%s, %d). What changed, and why?\n", f[i].name, f[j].name,
				        b->branch_turn, date, res, f[i].tension_end, res2, f[j].tension_end);
			told++;
		}
	}
	return told;
}

/* Brinkmanship: who backed down, and what it cost or bought.
 * Returns how many prompts it wrote. */
static int prompts_crises(const struct facts *f, int n, FILE *out)
{
	int told = 0;
	int backers[SIDE_COUNT] = { 0, 0 }, crises_all = 0, firm_all = 0, back_all = 0;
	for (int i = 0; i < n; i++) {
		crises_all += f[i].crises;
		firm_all += f[i].both_firm;
		back_all += f[i].both_back;
		for (int side = 0; side < SIDE_COUNT; side++)
			backers[side] += f[i].backed[side];
	}
	if (crises_all) {
		const struct rules *r = &f[0].g->s->rules;
		char both[48] = "";
		if (back_all) /* else the counts would not add up to the crises */
			snprintf(both, sizeof both, ", both backed down in %d", back_all);
		fprintf(out, "- The class met %d %s: %s backed down alone in %d, %s in %d%s, both stood firm "
		             "in %d. Did standing firm make the other side back down next time (deterrence), "
		             "or raise the stakes (brinkmanship: the risk that neither can step back)?\n",
		        crises_all, crises_all == 1 ? "crisis" : "crises", explain_side(r, SIDE_NATO), backers[SIDE_NATO], explain_side(r, SIDE_RUSSIA),
		        backers[SIDE_RUSSIA], both, firm_all);
		told++;
	}
	return told;
}

/* The most agreements (reciprocity), and the games with none.
 * Returns how many prompts it wrote. */
static int prompts_agreements(const struct facts *f, int n, FILE *out)
{
	int told = 0;
	int best = -1;
	for (int i = 0; i < n; i++)
		if (f[i].agreements > 0 && (best < 0 || f[i].agreements > f[best].agreements))
			best = i;
	if (best >= 0) {
		fprintf(out, "- %s reached the most agreements (%d): both sides proposed the same thing in "
		             "the same turn. How did they come to trust that the other would match them?\n",
		        f[best].name, f[best].agreements);
		told++;
	}
	int none = 0;
	for (int i = 0; i < n; i++)
		none += f[i].agreements == 0 && f[i].turns > 0;
	if (none > 1) {
		fprintf(out, "- %d games reached no agreement at all. What stood in the way of matching "
		             "proposals?\n", none);
		told++;
	}
	return told;
}

/* The steepest rise of tension (the spiral), and how many games ended
 * higher. Returns how many prompts it wrote. */
static int prompts_spiral(const struct facts *f, int n, FILE *out)
{
	int told = 0;
	char date[32];
	int steep = -1;
	for (int i = 0; i < n; i++)
		if (f[i].rise > 0 && (steep < 0 || f[i].rise > f[steep].rise))
			steep = i;
	if (steep >= 0) {
		explain_date(&f[steep].g->s->rules, f[steep].rise_turn - 1, date, sizeof date);
		fprintf(out, "- The steepest rise of tension in one turn: %s in %s (+%d). Did either side "
		             "mean to threaten, or to make itself safer? (The spiral model: measures taken for "
		             "defence look like threats from the other side.)\n",
		        f[steep].name, date, f[steep].rise);
		told++;
	}
	int higher = 0, played = 0;
	for (int i = 0; i < n; i++)
		if (f[i].turns > 0) {
			played++;
			higher += f[i].tension_end > f[i].tension_start;
		}
	if (played > 1) {
		fprintf(out, "- In %d of %d games tension ended higher than it began. Which does the class's "
		             "record support better here: deterrence (firmness keeps the peace) or the spiral "
		             "(firmness feeds the other side's fear)?\n", higher, played);
		told++;
	}
	return told;
}

/* One game's facilitator's changes, as its logs hold them (those before
 * turn 1 in the start's log, the others after the turn they followed), in
 * explain's words: "table-01: after turn 1 (2025-Q1): The facilitator set
 * tension to 70. Facilitator: Talks resume." */
static void facilitator_changes(const struct facts *f, FILE *out)
{
	const struct session *s = f->g->s;
	int told = 0, more = 0;
	fprintf(out, "  - %s:", f->name);
	for (int t = 0; t <= s->turns; t++) {
		const struct cause_log *log = t ? &s->log[t - 1] : &s->start.log;
		bool when = false;
		for (int i = 0; i < log->n && i < CAUSE_MAX; i++) {
			const struct cause *c = &log->rec[i];
			if (c->kind != CAUSE_FACILITATOR || c->var != VAR_NONE)
				continue;
			if (told == CLASS_FAC_SHOWN) {
				more++;
				continue;
			}
			if (!when && t == 0) {
				fprintf(out, " before the first turn:");
			} else if (!when) {
				char date[32];
				explain_date(&s->rules, t - 1, date, sizeof date);
				fprintf(out, " %s turn %d (%s):", told ? "After" : "after", t, date);
			}
			when = true;
			char what[320];
			size_t len = explain_cause_in(&s->rules, log, i, what, sizeof what);
			while (len > 0 && what[len - 1] == '.')
				what[--len] = '\0';
			fprintf(out, " %s.", what);
			told++;
		}
	}
	if (more)
		fprintf(out, " (And %d more.)", more);
	fprintf(out, "\n");
}

/* The facilitator's changes: a prompt on how the sides answered changes
 * neither of them chose, then each changed game's changes. None when the
 * facilitator changed nothing. Returns how many prompts it wrote. */
static int prompts_facilitator(const struct facts *f, int n, FILE *out)
{
	int changed = 0, kind[FAC_KIND_COUNT] = { 0 };
	for (int i = 0; i < n; i++) {
		const struct session *s = f[i].g->s;
		changed += s->nfac > 0;
		for (int k = 0; k < s->nfac && k < SESSION_FAC_MAX; k++)
			if (s->fac[k].c.kind < FAC_KIND_COUNT)
				kind[s->fac[k].c.kind]++;
	}
	if (!changed)
		return 0;
	static const char *const what[FAC_KIND_COUNT][2] = {
		[FAC_EVENT] = { "event brought in", "events brought in" },
		[FAC_SET] = { "variable set", "variables set" },
		[FAC_SAY] = { "message", "messages" },
		[FAC_END] = { "game ended before its last turn", "games ended before their last turn" },
	};
	const struct rules *r = &f[0].g->s->rules;
	fprintf(out, "- The facilitator changed %d of %d game%s (", changed, n, n == 1 ? "" : "s");
	const char *sep = "";
	for (int k = 0; k < FAC_KIND_COUNT; k++)
		if (kind[k]) {
			fprintf(out, "%s%d %s", sep, kind[k], what[k][kind[k] != 1]);
			sep = ", ";
		}
	fprintf(out, "). Neither side chose these changes: how did %s and %s each answer them, and "
	             "would the game%s have ended the same way without them?",
	        explain_side(r, SIDE_NATO), explain_side(r, SIDE_RUSSIA), changed == 1 ? "" : "s");
	if (changed < n)
		fprintf(out, " Compare %s with the game%s the facilitator left alone.",
		        changed == 1 ? "it" : "them", n - changed == 1 ? "" : "s");
	if (kind[FAC_END])
		fprintf(out, " A game ended early is scored as it stood: would either side have played "
		             "differently had it known when the game would end?");
	fprintf(out, "\n");
	for (int i = 0; i < n; i++)
		if (f[i].g->s->nfac)
			facilitator_changes(&f[i], out);
	return 1;
}

static void md_prompts(const struct facts *f, int n, FILE *out)
{
	fprintf(out, "## Debrief prompts\n\nDrawn from what happened in these games:\n\n");
	int told = prompts_wars(f, n, out); /* in this order: each writes its lines */
	told += prompts_parted(f, n, out);
	told += prompts_branches(f, n, out);
	told += prompts_crises(f, n, out);
	told += prompts_agreements(f, n, out);
	told += prompts_spiral(f, n, out);
	told += prompts_facilitator(f, n, out);
	if (!told)
		fprintf(out, "- No turn was played yet.\n");
	fprintf(out, "\n");
}

/* ---- CSV -------------------------------------------------------------- */

static void csv_field(const char *s, FILE *out)
{
	if (!strpbrk(s, ",\"\n")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

static void csv_write(const struct facts *f, int n, FILE *out)
{
	fprintf(out, "game,scenario,seed,nato,russia,result,nato_score,russia_score,war_turn,war_date,"
	             "tension_start,tension_peak,tension_end,turns,length,agreements,incidents,"
	             "miscalculations,crises,nato_backed_down,russia_backed_down,both_backed_down,"
	             "both_stood_firm,failed_orders,branch_from,branch_turn,nato_team,russia_team,"
	             "facilitator_changes\n");
	for (int i = 0; i < n; i++) {
		const struct session *s = f[i].g->s;
		char a[64], b[64], date[32] = "";
		player_words(s, SIDE_NATO, a, sizeof a);
		player_words(s, SIDE_RUSSIA, b, sizeof b);
		if (f[i].war_turn)
			explain_date(&s->rules, f[i].war_turn - 1, date, sizeof date);
		csv_field(f[i].g->name, out);
		fputc(',', out);
		csv_field(s->rules.id, out);
		fprintf(out, ",%llu,%s,%s,%s,", (unsigned long long)s->seed, a, b, result_id(f[i].result));
		if (s->world.over)
			fprintf(out, "%d,%d,", f[i].score[SIDE_NATO], f[i].score[SIDE_RUSSIA]);
		else
			fprintf(out, ",,");
		fprintf(out, "%d,%s,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,", f[i].war_turn, date,
		        f[i].tension_start, f[i].tension_peak, f[i].tension_end, f[i].turns, f[i].length,
		        f[i].agreements, f[i].incidents, f[i].miscalcs, f[i].crises, f[i].backed[SIDE_NATO],
		        f[i].backed[SIDE_RUSSIA], f[i].both_back, f[i].both_firm, f[i].failed);
		csv_field(s->branch_from, out);
		fprintf(out, ",%d,", s->branch_turn);
		csv_field(s->team[SIDE_NATO], out);
		fputc(',', out);
		csv_field(s->team[SIDE_RUSSIA], out);
		fprintf(out, ",%d\n", s->nfac);
	}
}

int report_class_write(const struct class_game *g, int n, int format, const char *png, FILE *out)
{
	struct facts *f = calloc(n > 0 ? (size_t)n : 1, sizeof *f);
	if (!f)
		return -1;
	size_t plen = common_prefix(g, n);
	for (int i = 0; i < n; i++) {
		facts_of(&g[i], &f[i]);
		f[i].name = format == REPORT_CSV ? g[i].name : g[i].name + plen;
	}
	if (format == REPORT_CSV) {
		csv_write(f, n, out);
	} else if (n == 0) {
		fprintf(out, "# Class report\n\nNo games.\n");
	} else {
		int scen = 1;
		for (int i = 1; i < n; i++)
			scen &= !strcmp(g[i].s->rules.id, g[0].s->rules.id);
		fprintf(out, "# Class report: %d game%s", n, n == 1 ? "" : "s");
		if (scen)
			fprintf(out, " of %s (`%s`)", g[0].s->rules.title, g[0].s->rules.id);
		fprintf(out, "\n\n");
		if (plen)
			fprintf(out, "Every game's name begins with `%.*s`: the report leaves it out.\n\n",
			            (int)plen, g[0].name);
		md_games(f, n, out);
		md_spread(f, n, out);
		md_chart(f, n, png, out);
		md_prompts(f, n, out);
	}
	free(f);
	return fflush(out) || ferror(out) ? -1 : 0;
}

int report_class_png(const struct class_game *g, int n, const char *path, struct diags *ds)
{
	int ready = report_gnuplot_ready(path, ds);
	if (ready)
		return ready;
	FILE *p = popen("gnuplot 2>/dev/null", "w");
	if (!p) {
		diag_add(ds, DIAG_ERROR, path, 0, "no chart: gnuplot did not start");
		return -1;
	}
	size_t plen = common_prefix(g, n);
	fprintf(p, "set terminal pngcairo size 1000,500\nset output '%s'\n"
	           "set title 'Tension in every game'\nset xlabel 'turn'\nset ylabel 'tension'\n"
	           "set yrange [0:100]\nset grid\nset key outside right\nplot ", path);
	for (int i = 0; i < n; i++) {
		/* gnuplot's titles are quoted: keep names to their safe characters */
		char name[SESSION_ID_MAX + 16];
		size_t k = 0;
		for (const char *c = g[i].name + plen; *c && k + 1 < sizeof name; c++)
			name[k++] = strchr("'\"\\\n", *c) ? '_' : *c;
		name[k] = '\0';
		fprintf(p, "%s'-' using 1:2 with linespoints lw 2 title '%s'", i ? ", " : "", name);
	}
	fprintf(p, "\n");
	for (int i = 0; i < n; i++) {
		for (int t = 0; t <= g[i].s->turns; t++)
			fprintf(p, "%d %d\n", t, tension_after(g[i].s, t));
		fprintf(p, "e\n");
	}
	int rc = pclose(p);
	if (rc != 0 || access(path, F_OK) != 0) {
		diag_add(ds, DIAG_ERROR, path, 0, "no chart: gnuplot failed");
		return -1;
	}
	return 0;
}
