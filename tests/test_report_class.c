/* test_report_class.c - the class report: a row per game with the games' own counts, the
 * spread, every game on the chart, prompts drawn from what happened (a war, two tables
 * that began alike and ended apart, a what-if beside its original, the facilitator's
 * changes), the CSV. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../game/ai/ai.h"
#include "../game/explain/explain.h"
#include "../game/report/debrief.h"
#include "../game/session/fac_text.h"
#include "../game/report/report.h"
#include "../game/report/report_class.h"
#include "../game/scenario/scenario.h"

#define SCENARIO "scenarios/door-closed.cfg"

static struct rules rules;

static void rules_once(void)
{
	struct diags ds = { 0 };
	cr_assert_eq(scenario_load(SCENARIO, &rules, &ds), 0);
}

/* A whole game of seed SEED, NATO and Russia played by the AI levels given. */
static struct session *game_ai(uint64_t seed, int nato, int russia)
{
	struct session *s = session_create(&rules, seed);
	struct ai ai[SIDE_COUNT];
	ai_init(&ai[SIDE_NATO], nato, SIDE_NATO, seed ^ 1);
	ai_init(&ai[SIDE_RUSSIA], russia, SIDE_RUSSIA, seed ^ 2);
	s->player[SIDE_NATO] = s->player[SIDE_RUSSIA] = PLAYER_AI;
	s->ai_level[SIDE_NATO] = (uint8_t)nato;
	s->ai_level[SIDE_RUSSIA] = (uint8_t)russia;
	while (!s->world.over) {
		struct orders o[SIDE_COUNT] = { 0 };
		for (int side = 0; side < SIDE_COUNT; side++)
			ai_choose(&ai[side], &s->world, &s->rules, &o[side]);
		cr_assert_eq(session_submit(s, o), 0);
	}
	return s;
}

static int count_kind(const struct session *s, int kind)
{
	int n = 0;
	for (int t = 0; t < s->turns; t++)
		for (int i = 0; i < s->log[t].n; i++) {
			const struct cause *c = &s->log[t].rec[i];
			n += c->kind == kind && (kind == CAUSE_MISCALC ? c->source != 0 : c->var == VAR_NONE);
		}
	return n;
}

static char *class_text(const struct class_game *g, int n, int format)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_eq(report_class_write(g, n, format, NULL, f), 0);
	fclose(f);
	return buf;
}

/* The line of TEXT that starts with START, copied into LINE. */
static int line_of(const char *text, const char *start, char *line, size_t len)
{
	for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		if (!strncmp(p, start, strlen(start))) {
			size_t k = strcspn(p, "\n");
			snprintf(line, len, "%.*s", (int)(k < len ? k : len - 1), p);
			return 1;
		}
	return 0;
}

Test(report_class, a_row_per_game_with_its_own_counts, .init = rules_once)
{
	struct session *war = game_ai(42, AI_HAWK, AI_HAWK);
	struct session *calm = game_ai(42, AI_DOVE, AI_DOVE);
	cr_assert_eq(war->world.result, RESULT_WAR, "hawk against hawk ends in war here");
	cr_assert_neq(calm->world.result, RESULT_WAR);
	struct class_game g[2] = { { war, "table-1" }, { calm, "table-2" } };
	char *md = class_text(g, 2, REPORT_MD);
	char line[1024], want[256];
	cr_assert(line_of(md, "| table-1 |", line, sizeof line), "a row for table-1:\n%s", md);
	/* the row's counts are the game's own */
	snprintf(want, sizeof want, "| %d of %d | %d | %d | %d | %d", war->turns, war->rules.turns,
	         count_kind(war, CAUSE_AGREEMENT), count_kind(war, CAUSE_INCIDENT),
	         count_kind(war, CAUSE_MISCALC), count_kind(war, CAUSE_CRISIS));
	cr_assert_not_null(strstr(line, want), "'%s' in '%s'", want, line);
	cr_assert_not_null(strstr(line, "| war ("), "%s", line);
	/* who backed down: the crises' outcomes, in words, add up to the count */
	int firm = 0, back[SIDE_COUNT] = { 0 }, both = 0;
	for (int t = 0; t < war->turns; t++)
		for (int i = 0; i < war->log[t].n; i++) {
			const struct cause *c = &war->log[t].rec[i];
			if (c->kind != CAUSE_CRISIS || c->var != VAR_NONE)
				continue;
			firm += c->delta == CRISIS_BOTH_FIRM || c->delta == CRISIS_ESCALATED;
			back[SIDE_NATO] += c->delta == CRISIS_RUSSIA_FIRM;
			back[SIDE_RUSSIA] += c->delta == CRISIS_NATO_FIRM;
			both += c->delta == CRISIS_BOTH_BACK;
		}
	if (firm) {
		snprintf(want, sizeof want, "both stood firm %d |", firm);
		cr_assert_not_null(strstr(line, want), "'%s' in '%s'", want, line);
	}
	cr_assert_eq(firm + back[0] + back[1] + both, count_kind(war, CAUSE_CRISIS));
	cr_assert(line_of(md, "| table-2 |", line, sizeof line));
	snprintf(want, sizeof want, "| %d : %d |", calm->world.score[SIDE_NATO], calm->world.score[SIDE_RUSSIA]);
	cr_assert_not_null(strstr(line, want), "'%s' in '%s'", want, line);
	/* the spread, the tally, the chart's legend */
	snprintf(want, sizeof want, "| Turns played | %d.%d | %d | %d |",
	         (war->turns + calm->turns) * 10 / 2 / 10, (war->turns + calm->turns) * 10 / 2 % 10,
	         war->turns < calm->turns ? war->turns : calm->turns,
	         war->turns > calm->turns ? war->turns : calm->turns);
	cr_assert_not_null(strstr(md, want), "'%s' in\n%s", want, md);
	cr_assert_not_null(strstr(md, "Results of 2 games:"));
	cr_assert_not_null(strstr(md, "war 1"));
	cr_assert_not_null(strstr(md, "`A` table-1, `B` table-2"));
	/* the prompts: the war, and the two tables that began alike */
	cr_assert(line_of(md, "- table-1 went to war in ", line, sizeof line), "%s", md);
	int inc = count_kind(war, CAUSE_INCIDENT);
	if (firm)
		snprintf(want, sizeof want, "after %d crisis%s both sides stood firm on (%d incident", firm,
		         firm == 1 ? "" : "es", inc);
	else
		snprintf(want, sizeof want, "after %d incident", inc);
	cr_assert_not_null(strstr(line, want), "'%s' in %s", want, line);
	cr_assert(line_of(md, "- table-2 and table-1 began the same game (seed 42)", line, sizeof line),
	          "%s", md);
	free(md);
	session_free(war);
	session_free(calm);
}

Test(report_class, a_what_if_is_told_beside_its_original, .init = rules_once)
{
	struct session *orig = game_ai(7, AI_HAWK, AI_NORMAL);
	snprintf(orig->id, sizeof orig->id, "table-3");
	struct session *what = game_ai(7, AI_HAWK, AI_NORMAL);
	snprintf(what->id, sizeof what->id, "table-3");
	cr_assert_eq(session_branch(what, 2), 0);
	struct orders none[SIDE_COUNT] = { 0 };
	while (!what->world.over)
		cr_assert_eq(session_submit(what, none), 0);
	snprintf(what->id, sizeof what->id, "table-3-b1");
	struct class_game g[2] = { { orig, "table-3" }, { what, "table-3-b1" } };
	char *md = class_text(g, 2, REPORT_MD);
	char line[1024];
	cr_assert(line_of(md, "| table-3-b1 (what-if) |", line, sizeof line), "%s", md);
	cr_assert(line_of(md, "- table-3-b1 replayed table-3 from turn 2", line, sizeof line), "%s", md);
	free(md);
	session_free(orig);
	session_free(what);
}

Test(report_class, csv_has_a_header_and_a_row_per_game, .init = rules_once)
{
	struct session *a = game_ai(1, AI_EASY, AI_EASY), *b = game_ai(2, AI_HARD, AI_HAWK);
	struct class_game g[2] = { { a, "a" }, { b, "b, with a comma" } };
	char *csv = class_text(g, 2, REPORT_CSV);
	int lines = 0;
	for (const char *p = csv; *p; p++)
		lines += *p == '\n';
	cr_assert_eq(lines, 3, "%s", csv);
	cr_assert_eq(strncmp(csv, "game,scenario,seed,nato,russia,result,nato_score,russia_score,war_turn,", 71), 0);
	cr_assert_not_null(strstr(csv, "\n\"b, with a comma\",door-closed,2,AI hard,AI hawk,"), "%s", csv);
	char want[128];
	snprintf(want, sizeof want, "\na,door-closed,1,AI easy,AI easy,%s,",
	         a->world.result == RESULT_WAR ? "war" : a->world.result == RESULT_NATO ? "nato"
	         : a->world.result == RESULT_RUSSIA ? "russia" : a->world.result == RESULT_DRAW ? "draw" : "peace");
	cr_assert_not_null(strstr(csv, want), "'%s' in %s", want, csv);
	free(csv);
	session_free(a);
	session_free(b);
}

Test(report_class, a_prefix_every_name_shares_is_left_out, .init = rules_once)
{
	struct session *a = game_ai(3, AI_EASY, AI_EASY), *b = game_ai(3, AI_DOVE, AI_EASY);
	struct class_game g[2] = { { a, "door-closed-3-table-01" }, { b, "door-closed-3-table-02" } };
	char *md = class_text(g, 2, REPORT_MD), line[1024];
	cr_assert(line_of(md, "| table-01 |", line, sizeof line), "%s", md);
	cr_assert(line_of(md, "| table-02 |", line, sizeof line), "%s", md);
	cr_assert_not_null(strstr(md, "Every game's name begins with `door-closed-3-`"));
	free(md);
	/* never down to a bare number; the CSV keeps whole names */
	struct class_game h[2] = { { a, "table-1" }, { b, "table-2" } };
	md = class_text(h, 2, REPORT_MD);
	cr_assert(line_of(md, "| table-1 |", line, sizeof line), "%s", md);
	free(md);
	char *csv = class_text(g, 2, REPORT_CSV);
	cr_assert_not_null(strstr(csv, "\ndoor-closed-3-table-01,"), "%s", csv);
	free(csv);
	session_free(a);
	session_free(b);
}

/* The facilitator's change KIND ARG [TEXT] made to S now; it must be taken. */
static void facilitate(struct session *s, const char *kind, const char *arg, const char *text)
{
	struct fac_change c;
	char why[320];
	const char *word = fac_text_parse(&s->rules, kind, arg, text, &c, why, sizeof why);
	cr_assert_null(word, "%s %s: %s", kind, arg, why);
	const char *refused = session_facilitate(s, &c);
	cr_assert_null(refused, "%s %s refused: %s", kind, arg, refused);
}

/* TURNS turns of S, both sides played by the normal AI. */
static void play_turns(struct session *s, int turns)
{
	struct ai ai[SIDE_COUNT];
	ai_init(&ai[SIDE_NATO], AI_NORMAL, SIDE_NATO, s->seed ^ 1);
	ai_init(&ai[SIDE_RUSSIA], AI_NORMAL, SIDE_RUSSIA, s->seed ^ 2);
	s->player[SIDE_NATO] = s->player[SIDE_RUSSIA] = PLAYER_AI;
	for (int t = 0; t < turns && !s->world.over; t++) {
		struct orders o[SIDE_COUNT] = { 0 };
		for (int side = 0; side < SIDE_COUNT; side++)
			ai_choose(&ai[side], &s->world, &s->rules, &o[side]);
		cr_assert_eq(session_submit(s, o), 0);
	}
}

/* The debrief prompt on the facilitator's changes: their kinds counted over
 * the class, each changed game's changes named in explain's words with
 * when they were made, a question put to both sides alike; the games left
 * alone get no line of their own. */
Test(report_class, the_facilitators_changes_get_a_prompt, .init = rules_once)
{
	struct session *a = session_create(&rules, 11), *b = session_create(&rules, 11);
	struct session *c = session_create(&rules, 11);
	facilitate(a, "set", "tension=40", NULL);
	facilitate(a, "inject", "naval-collision", NULL);
	play_turns(a, 2);
	facilitate(a, "say", "dialogue=+10", "Talks resume in Geneva");
	play_turns(a, 1);
	facilitate(a, "end", "-", NULL);
	cr_assert(a->world.over);
	play_turns(b, 2);
	facilitate(b, "set", "alignment@ukraine=-20", NULL);
	play_turns(b, 40);
	play_turns(c, 40);
	struct class_game g[3] = { { a, "table-1" }, { b, "table-2" }, { c, "table-3" } };
	char *md = class_text(g, 3, REPORT_MD);
	char line[2048], want[512], date[32];
	cr_assert(line_of(md, "- The facilitator changed 2 of 3 games (1 event brought in, 2 variables set, "
	                      "1 message, 1 game ended before its last turn). ", line, sizeof line), "%s", md);
	cr_assert_not_null(strstr(line, "how did NATO and Russia each answer them"), "%s", line);
	cr_assert_not_null(strstr(line, "Compare them with the game the facilitator left alone."), "%s", line);
	cr_assert_not_null(strstr(line, "A game ended early is scored as it stood"), "%s", line);
	/* table-1: before the first turn, after turn 2, after turn 3, in explain's words */
	cr_assert(line_of(md, "  - table-1: before the first turn: The facilitator set tension to 40. "
	                      "The facilitator brought in an incident: Naval collision", line, sizeof line),
	          "%s", md);
	explain_date(&rules, 1, date, sizeof date);
	snprintf(want, sizeof want, " After turn 2 (%s): Facilitator: Talks resume in Geneva.", date);
	cr_assert_not_null(strstr(line, want), "'%s' in %s", want, line);
	explain_date(&rules, 2, date, sizeof date);
	snprintf(want, sizeof want, " After turn 3 (%s): The facilitator ended the game now.\n", date);
	cr_assert_not_null(strstr(strstr(md, "  - table-1: "), want), "'%s' in %s", want, line);
	explain_date(&rules, 1, date, sizeof date);
	snprintf(want, sizeof want, "  - table-2: after turn 2 (%s): The facilitator set alignment in Ukraine "
	                            "to -20.\n", date);
	cr_assert_not_null(strstr(md, want), "'%s' in\n%s", want, md);
	cr_assert_null(strstr(md, "  - table-3"), "a game left alone has no line: %s", md);
	free(md);
	/* one changed game alone: "it", no comparison with others, no end */
	struct class_game h[1] = { { b, "table-2" } };
	md = class_text(h, 1, REPORT_MD);
	cr_assert(line_of(md, "- The facilitator changed 1 of 1 game (1 variable set). ", line, sizeof line),
	          "%s", md);
	cr_assert_not_null(strstr(line, "would the game have ended the same way"), "%s", line);
	cr_assert_null(strstr(line, "Compare"), "%s", line);
	cr_assert_null(strstr(line, "ended early"), "%s", line);
	free(md);
	session_free(a);
	session_free(b);
	session_free(c);
}

Test(report_class, no_facilitator_prompt_without_changes, .init = rules_once)
{
	struct session *a = game_ai(11, AI_NORMAL, AI_NORMAL), *b = game_ai(12, AI_HAWK, AI_DOVE);
	struct class_game g[2] = { { a, "table-1" }, { b, "table-2" } };
	char *md = class_text(g, 2, REPORT_MD);
	const char *prompts = strstr(md, "## Debrief prompts");
	cr_assert_not_null(prompts, "%s", md);
	cr_assert_null(strstr(md, "facilitator"), "no word of a facilitator who changed nothing:\n%s", md);
	cr_assert_not_null(strstr(prompts, "\n- "), "the other prompts are there:\n%s", prompts);
	free(md);
	session_free(a);
	session_free(b);
}

/* A game the facilitator ended before its first turn was scored then: the
 * debrief's terms add up to the final scores (they said "0: nothing"). */
Test(report_class, the_debrief_counts_an_end_before_the_first_turn, .init = rules_once)
{
	struct session *s = session_create(&rules, 5);
	facilitate(s, "end", "-", NULL);
	cr_assert(s->world.over);
	cr_assert_eq(s->turns, 0);
	struct debrief *d = malloc(sizeof *d);
	debrief_build(s, d);
	for (int side = 0; side < SIDE_COUNT; side++) {
		int sum = 0;
		for (int k = 0; k < SCORE_COUNT; k++)
			sum += d->scored[side][k];
		cr_assert_eq(sum, s->world.score[side], "side %d: %d of %d", side, sum, s->world.score[side]);
	}
	cr_assert_gt(s->world.score[SIDE_NATO] + s->world.score[SIDE_RUSSIA], 0, "the end scored something");
	free(d);
	session_free(s);
}

/* What the facilitator did is not the sides' doing: a rise of tension it
 * made is not the steepest rise of a turn, and a war its change started is
 * told as such. Crises both sides backed down in are counted with the rest. */
Test(report_class, the_sides_are_not_given_the_facilitators_doing, .init = rules_once)
{
	struct orders none[SIDE_COUNT] = { 0 };
	/* table-1: an incident before turn 1 that no side answers (both back
	 * down), then tension set up to 30 higher after turn 1 */
	struct session *a = session_create(&rules, 3);
	facilitate(a, "inject", "naval-collision", NULL);
	cr_assert_eq(session_submit(a, none), 0);
	int before = a->world.v[VAR_TENSION], jump = before + 30 <= 95 ? 30 : 95 - before;
	cr_assert_geq(jump, 15, "tension %d leaves no room for a jump", before);
	char arg[32];
	snprintf(arg, sizeof arg, "tension=%d", before + jump);
	facilitate(a, "set", arg, NULL);
	for (int t = 0; t < 2 && !a->world.over; t++)
		cr_assert_eq(session_submit(a, none), 0);
	int steepest = 0;
	for (int t = 1; t <= a->turns; t++) {
		int rise = a->world.history[t][VAR_TENSION] - a->world.history[t - 1][VAR_TENSION] - (t == 1 ? jump : 0);
		steepest = rise > steepest ? rise : steepest;
	}
	/* table-2: war by the facilitator's change after turn 2 */
	struct session *b = session_create(&rules, 3);
	for (int t = 0; t < 2; t++)
		cr_assert_eq(session_submit(b, none), 0);
	facilitate(b, "set", "tension=100", NULL);
	cr_assert_eq(b->world.result, RESULT_WAR);
	struct class_game g[2] = { { a, "table-1" }, { b, "table-2" } };
	char *md = class_text(g, 2, REPORT_MD);
	char line[1024], want[256], date[32];
	if (steepest > 0) {
		cr_assert(line_of(md, "- The steepest rise of tension in one turn: table-1 in ", line, sizeof line),
		          "%s", md);
		snprintf(want, sizeof want, " (+%d). ", steepest);
		cr_assert_not_null(strstr(line, want), "'%s' in %s", want, line);
	} else {
		cr_assert_null(strstr(md, "- The steepest rise"), "%s", md);
	}
	explain_date(&rules, 1, date, sizeof date);
	snprintf(want, sizeof want, "- table-2 went to war after turn 2 (%s) by the facilitator's change, not "
	                            "by a move of either side.", date);
	cr_assert(line_of(md, want, line, sizeof line), "'%s' in\n%s", want, md);
	int crises = 0, both_back = 0, other = 0;
	for (int k = 0; k < 2; k++)
	for (int t = 0; t < g[k].s->turns; t++)
		for (int i = 0; i < g[k].s->log[t].n; i++) {
			const struct cause *c = &g[k].s->log[t].rec[i];
			if (c->kind != CAUSE_CRISIS || c->var != VAR_NONE)
				continue;
			crises++;
			both_back += c->delta == CRISIS_BOTH_BACK;
			other += c->delta != CRISIS_BOTH_BACK;
		}
	cr_assert_gt(both_back, 0, "no answer is backing down");
	cr_assert_eq(other, 0, "no side answered: no other outcome");
	snprintf(want, sizeof want, "- The class met %d %s: NATO backed down alone in 0, Russia in 0, both backed "
	         "down in %d, both stood firm in 0.", crises, crises == 1 ? "crisis" : "crises", both_back);
	cr_assert(line_of(md, want, line, sizeof line), "'%s' in\n%s", want, md);
	free(md);
	session_free(a);
	session_free(b);
}

/* Two tables that began alike and ended apart, one of them changed by the
 * facilitator: the prompt says so, as not all of the difference is theirs. */
Test(report_class, tables_that_parted_say_whom_the_facilitator_changed, .init = rules_once)
{
	struct session *war = game_ai(42, AI_HAWK, AI_HAWK);
	struct session *calm = session_create(&rules, 42);
	struct ai ai[SIDE_COUNT];
	ai_init(&ai[SIDE_NATO], AI_DOVE, SIDE_NATO, 42 ^ 1);
	ai_init(&ai[SIDE_RUSSIA], AI_DOVE, SIDE_RUSSIA, 42 ^ 2);
	for (int t = 0; !calm->world.over; t++) {
		struct orders o[SIDE_COUNT] = { 0 };
		for (int side = 0; side < SIDE_COUNT; side++)
			ai_choose(&ai[side], &calm->world, &calm->rules, &o[side]);
		cr_assert_eq(session_submit(calm, o), 0);
		if (t == 1)
			facilitate(calm, "say", "-", "Keep the hotline open");
	}
	cr_assert_neq(calm->world.result, RESULT_WAR);
	struct class_game g[2] = { { war, "table-1" }, { calm, "table-2" } };
	char *md = class_text(g, 2, REPORT_MD);
	char line[1024];
	cr_assert(line_of(md, "- table-2 and table-1 began the same game (seed 42)", line, sizeof line), "%s", md);
	cr_assert_not_null(strstr(line, "; the facilitator changed table-2 (below). What did each table expect"),
	                   "%s", line);
	cr_assert(line_of(md, "  - table-2: after turn 2 (", line, sizeof line), "%s", md);
	free(md);
	session_free(war);
	session_free(calm);
}

/* An incident the facilitator brought in before the first turn counts in its
 * game's row, and a war after it says how many incidents were the
 * facilitator's; a war the facilitator's change started before the first
 * turn is a war in the row and its prompt. */
Test(report_class, the_facilitators_incidents_and_an_early_war, .init = rules_once)
{
	struct session *a = NULL;
	for (uint64_t seed = 40; seed < 60 && !a; seed++) {
		struct session *s = session_create(&rules, seed);
		facilitate(s, "inject", "naval-collision", NULL);
		struct ai ai[SIDE_COUNT];
		ai_init(&ai[SIDE_NATO], AI_HAWK, SIDE_NATO, seed ^ 1);
		ai_init(&ai[SIDE_RUSSIA], AI_HAWK, SIDE_RUSSIA, seed ^ 2);
		while (!s->world.over) {
			struct orders o[SIDE_COUNT] = { 0 };
			for (int side = 0; side < SIDE_COUNT; side++)
				ai_choose(&ai[side], &s->world, &s->rules, &o[side]);
			cr_assert_eq(session_submit(s, o), 0);
		}
		if (s->world.result == RESULT_WAR)
			a = s;
		else
			session_free(s);
	}
	cr_assert_not_null(a, "hawk against hawk goes to war in one of 20 seeds");
	struct session *b = session_create(&rules, 1);
	facilitate(b, "set", "tension=100", NULL);
	cr_assert_eq(b->world.result, RESULT_WAR);
	struct class_game g[2] = { { a, "table-1" }, { b, "table-2" } };
	char *md = class_text(g, 2, REPORT_MD);
	char line[1024], want[256];
	int inc = 1 + count_kind(a, CAUSE_INCIDENT);
	cr_assert(line_of(md, "| table-1 |", line, sizeof line), "%s", md);
	snprintf(want, sizeof want, "| %d of %d | %d | %d |", a->turns, a->rules.turns,
	         count_kind(a, CAUSE_AGREEMENT), inc);
	cr_assert_not_null(strstr(line, want), "'%s' in '%s'", want, line);
	cr_assert(line_of(md, "- table-1 went to war in ", line, sizeof line), "%s", md);
	snprintf(want, sizeof want, "%d incidents, 1 of them brought in by the facilitator", inc);
	cr_assert_not_null(strstr(line, want), "'%s' in %s", want, line);
	cr_assert(line_of(md, "| table-2 |", line, sizeof line), "%s", md);
	snprintf(want, sizeof want, "| war | %d : %d | before turn 1 |", b->world.score[SIDE_NATO],
	         b->world.score[SIDE_RUSSIA]);
	cr_assert_not_null(strstr(line, want), "'%s' in %s", want, line);
	cr_assert(line_of(md, "- table-2 went to war before the first turn by the facilitator's change", line,
	                  sizeof line), "%s", md);
	free(md);
	session_free(a);
	session_free(b);
}
