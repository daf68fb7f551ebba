/* test_explain.c - the one wording module: orders, requirements in the player's words,
 * results without internal tags, the road to war over a turn window. Expected strings
 * are written out by hand. */
#include <criterion/criterion.h>
#include <string.h>

#include "../game/explain/explain.h"
#include "../game/session/session.h"
#include "fixture.h"

static struct rules R;

static void setup(void)
{
	fixture_rules(&R);
}

TestSuite(explain, .init = setup);

Test(explain, orders_in_words_and_ids)
{
	char buf[256];
	struct order deploy = { FX_DEPLOY, 2 }, talks = { FX_TALKS, RULES_NO_REGION };
	explain_order(&R, &deploy, buf, sizeof buf);
	cr_assert_str_eq(buf, "Deploy forces in Ukraine");
	explain_order(&R, &talks, buf, sizeof buf);
	cr_assert_str_eq(buf, "Propose talks");
	struct orders o = { .n = 2, .list = { deploy, talks } };
	explain_orders(&R, &o, buf, sizeof buf);
	cr_assert_str_eq(buf, "Deploy forces in Ukraine; Propose talks");
	struct orders none = { .n = 0 };
	explain_orders(&R, &none, buf, sizeof buf);
	cr_assert_str_eq(buf, "none");
	explain_order_ids(&R, &deploy, ':', buf, sizeof buf);
	cr_assert_str_eq(buf, "deploy:ukraine");
	explain_order_ids(&R, &talks, ' ', buf, sizeof buf);
	cr_assert_str_eq(buf, "talks");
	/* a buffer too small cuts the text and stays terminated */
	char tiny[10];
	cr_assert_eq(explain_orders(&R, &o, tiny, sizeof tiny), 9);
	cr_assert_str_eq(tiny, "Deploy fo");
}

Test(explain, requirements_in_the_players_words)
{
	char buf[256];
	const struct cond *align = &R.action[FX_DEPLOY].requires[0]; /* target.alignment >= 20 */
	explain_cond(&R, align, 2, buf, sizeof buf);
	cr_assert_str_eq(buf, "needs alignment of at least +20 in Ukraine");
	explain_cond(&R, align, RULES_NO_REGION, buf, sizeof buf);
	cr_assert_str_eq(buf, "needs alignment of at least +20 in the region");
	const struct cond *member = &R.action[FX_DOOR].requires[0]; /* target.member is none */
	explain_cond(&R, member, 0, buf, sizeof buf);
	cr_assert_str_eq(buf, "needs membership to be none in Poland");
	struct cond tension = { { SCOPE_WORLD, VAR_TENSION, RULES_NO_REGION }, 0, 60 };
	explain_cond(&R, &tension, 1, buf, sizeof buf);
	cr_assert_str_eq(buf, "needs tension of at most 60");
	struct cond band = { { SCOPE_REGION, VAR_STABILITY, 3 }, 20, 40 };
	explain_cond(&R, &band, 0, buf, sizeof buf);
	cr_assert_str_eq(buf, "needs stability between 20 and 40 in the Caucasus");
	cr_assert_null(strstr(buf, "target."), "no file syntax in the player's words");

	struct world w;
	world_init(&w, &R, 1);
	explain_cond_now(&w, &R, align, 3, buf, sizeof buf); /* the Caucasus starts at -20 */
	cr_assert_str_eq(buf, "-20");
	explain_cond_now(&w, &R, member, 0, buf, sizeof buf);
	cr_assert_str_eq(buf, "nato");
}

Test(explain, results_without_internal_tags)
{
	char buf[256];
	cr_assert_str_eq(explain_result(RESULT_PEACE), "draw");
	cr_assert_str_eq(explain_result_id(RESULT_PEACE), "peace");
	cr_assert_str_eq(explain_result_id(RESULT_NONE), "none");
	/* a win is on points (regions held each turn and at the end, security,
	 * credibility), not on the regions held at the end: those can be equal */
	R.dyn.draw_margin = 2;
	explain_outcome(&R, RESULT_RUSSIA, buf, sizeof buf);
	cr_assert_str_eq(buf, "Russia wins on points: more than 2 ahead at the end.");
	explain_outcome(&R, RESULT_DRAW, buf, sizeof buf);
	cr_assert_str_eq(buf, "A draw: the scores ended 2 points apart or closer.");
	R.dyn.draw_margin = 0;
	explain_outcome(&R, RESULT_NATO, buf, sizeof buf);
	cr_assert_str_eq(buf, "NATO wins on points.");
	explain_outcome(&R, RESULT_DRAW, buf, sizeof buf);
	cr_assert_str_eq(buf, "A draw: the scores ended level.");
	explain_outcome(&R, RESULT_WAR, buf, sizeof buf);
	cr_assert_str_eq(buf, "War: tension reached 100. Both sides lose.");
	explain_outcome_short(&R, RESULT_NATO, buf, sizeof buf);
	cr_assert_str_eq(buf, "NATO wins");
	for (int res = RESULT_NONE; res <= RESULT_PEACE; res++) {
		explain_outcome(&R, res, buf, sizeof buf);
		cr_assert_null(strstr(buf, "result:"), "outcome %d: '%s'", res, buf);
	}
}

/* A tension record of DELTA, and a record of another variable. */
static void tension(struct cause_log *log, int delta)
{
	cause_add(log, (struct cause){ CAUSE_DRIFT, SIDE_BOTH, VAR_TENSION, RULES_NO_REGION,
	                               (int16_t)delta, 0 });
}

Test(explain, the_road_to_war_over_a_window)
{
	static struct cause_log logs[5];
	memset(logs, 0, sizeof logs);
	tension(&logs[0], 9);  /* turn 0: outside a window of 4 */
	tension(&logs[1], 2);
	tension(&logs[1], 5);
	cause_add(&logs[2], (struct cause){ CAUSE_DRIFT, SIDE_BOTH, VAR_DIALOGUE, RULES_NO_REGION, 8, 0 });
	tension(&logs[2], -6); /* a fall is no step toward war */
	tension(&logs[3], 5);  /* as big as turn 1's: the earlier one wins a tie */
	tension(&logs[4], 7);
	struct explain_step road[3];
	int n = explain_war_road(logs, 5, 4, road, 3);
	cr_assert_eq(n, 3);
	/* the three biggest of turns 1..4 (7, 5, 5), told in the order they happened */
	cr_assert_eq(road[0].turn, 1);
	cr_assert_eq(road[0].index, 1);
	cr_assert_eq(road[1].turn, 3);
	cr_assert_eq(road[2].turn, 4);
	cr_assert_eq(explain_war_road(logs, 5, 5, road, 1), 1);
	cr_assert_eq(road[0].turn, 0, "a window of 5 turns reaches the +9 of turn 0");
	cr_assert_eq(explain_war_road(logs, 5, 1, road, 3), 1);
	cr_assert_eq(road[0].turn, 4);
	cr_assert_eq(explain_war_road(logs, 0, 4, road, 3), 0);
}

Test(explain, the_biggest_pushes_on_a_region_variable)
{
	static struct cause_log logs[3];
	memset(logs, 0, sizeof logs);
	struct cause align = { CAUSE_ACTION, SIDE_NATO, VAR_ALIGNMENT, 2, 4, FX_DEPLOY };
	cause_add(&logs[0], align);                      /* +4 in Ukraine */
	align.delta = -9;
	cause_add(&logs[1], align);                      /* -9: the biggest, downwards */
	align.region = 0;
	align.delta = 20;
	cause_add(&logs[1], align);                      /* another region: not counted */
	struct cause failed = { CAUSE_ORDER_FAILED, SIDE_NATO, VAR_ALIGNMENT, 2, 30, FX_DEPLOY };
	cause_add(&logs[2], failed);                     /* a failed order pushes nothing */
	align.region = 2;
	align.delta = 4;
	cause_add(&logs[2], align);                      /* +4 again: the earlier one wins the tie */
	struct explain_step top[2];
	cr_assert_eq(explain_pushes(logs, 0, 3, VAR_ALIGNMENT, 2, false, top, 2), 2);
	cr_assert_eq(top[0].turn, 1, "-9 is the biggest push");
	cr_assert_eq(top[1].turn, 0, "of the two +4, the earlier");
	cr_assert_eq(explain_pushes(logs, 0, 3, VAR_ALIGNMENT, 2, true, top, 2), 2);
	cr_assert_eq(top[0].turn, 0, "rises only: -9 is left out");
	cr_assert_eq(top[1].turn, 2);
}

Test(explain, a_turn_summary_says_how_a_crisis_ended)
{
	struct session *s = session_create(&R, 1);
	cr_assert_not_null(s);
	s->turns = 1;
	s->world.history[0][VAR_TENSION] = 50;
	s->world.history[1][VAR_TENSION] = 52;
	s->world.v[VAR_TENSION] = 52;
	cause_add(&s->log[0], (struct cause){ CAUSE_CRISIS, SIDE_BOTH, VAR_NONE, 1, CRISIS_NATO_FIRM,
	                                      FX_INC_AIRSPACE });
	char out[16][EXPLAIN_MEASURE_W];
	int n = explain_turn_summary(s, 0, SIDE_COUNT, out, 16);
	bool seen = false;
	for (int i = 0; i < n; i++)
		seen = seen || strstr(out[i], "Crisis over Airspace violation in ") == out[i];
	cr_assert(seen, "the summary names the crisis and how it ended");
	for (int i = 0; i < n; i++)
		if (strstr(out[i], "Crisis over"))
			cr_assert(strstr(out[i], ": NATO stood firm and Russia backed down."), "%s", out[i]);
	session_free(s);
}

Test(explain, a_world_change_of_a_blunted_order_names_its_region)
{
	static struct cause_log log;
	memset(&log, 0, sizeof log);
	cause_add(&log, (struct cause){ CAUSE_ORDER, SIDE_NATO, VAR_NONE, 2, 0, FX_AID });
	cause_add(&log, (struct cause){ CAUSE_DETERRENCE, SIDE_NATO, VAR_NONE, 2, 37, FX_AID });
	cause_add(&log, (struct cause){ CAUSE_ACTION, SIDE_NATO, VAR_ALIGNMENT, 2, 4, FX_AID });
	cause_add(&log, (struct cause){ CAUSE_ACTION, SIDE_NATO, VAR_TENSION, RULES_NO_REGION, 1, FX_AID });
	char buf[240];
	explain_cause_in(&R, &log, 3, buf, sizeof buf);
	cr_assert_str_eq(buf, "Tension +1 (NATO: Economic aid in Ukraine)");
}

Test(explain, the_crisis_odds_take_the_right_article)
{
	/* "a 18% chance" read wrong: the number said aloud decides a or an */
	cr_assert_gt(R.nevents, 0);
	struct world w;
	world_init(&w, &R, 1);
	w.crisis = 1;
	w.crisis_region = RULES_NO_REGION;
	R.dyn.crisis_war_tension = 0;
	static const struct { int pct; const char *want; } cases[] = {
		{ 18, "an 18% chance of war" }, { 8, "an 8% chance of war" },
		{ 11, "an 11% chance of war" }, { 83, "an 83% chance of war" },
		{ 19, "a 19% chance of war" }, { 21, "a 21% chance of war" },
		{ 100, "a 100% chance of war" },
	};
	char buf[1024];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		R.dyn.crisis_war_pct = (int16_t)cases[i].pct;
		cr_assert_gt(explain_crisis(&R, &w, SIDE_RUSSIA, buf, sizeof buf), 0);
		cr_assert_not_null(strstr(buf, cases[i].want), "'%s' not in '%s'", cases[i].want, buf);
	}
}

Test(explain, the_push_that_made_it_war_is_the_last_rise_of_the_last_turn)
{
	static struct cause_log logs[2];
	memset(logs, 0, sizeof logs);
	tension(&logs[0], 12);
	tension(&logs[1], 3);
	tension(&logs[1], 1);                  /* the last rise: it made it war */
	struct cause failed = { CAUSE_ORDER_FAILED, SIDE_NATO, VAR_TENSION, RULES_NO_REGION, 5, 0 };
	cause_add(&logs[1], failed);           /* a failed order pushes nothing */
	tension(&logs[1], -2);                 /* a fall is no push */
	cause_add(&logs[1], (struct cause){ CAUSE_WAR, SIDE_BOTH, VAR_NONE, RULES_NO_REGION, 0, 0 });
	struct explain_step last;
	cr_assert_eq(explain_war_last(logs, 2, &last), 1);
	cr_assert_eq(last.turn, 1);
	cr_assert_eq(logs[1].rec[last.index].delta, 1, "the +1, not the bigger +3 before it");
	cr_assert_eq(explain_war_last(logs, 0, &last), 0, "no turn, no push");
	static struct cause_log calm[1];
	memset(calm, 0, sizeof calm);
	tension(&calm[0], -4);
	cr_assert_eq(explain_war_last(calm, 1, &last), 0, "no rise, no push");
}

Test(explain, how_a_game_is_scored_with_the_scenarios_numbers)
{
	char buf[1024];
	R.victory.control = 35;
	R.victory.cooperative = false;
	R.dyn.turn_points = 2;
	R.dyn.security_divisor = 25;
	R.dyn.end_points = 5;
	R.dyn.credibility_divisor = 8;
	R.dyn.draw_margin = 3;
	R.dyn.war_penalty = 50;
	explain_scoring(&R, buf, sizeof buf);
	static const char *const want[] = {
		"held at alignment +35 or more by NATO, -35 or less by Russia.",
		"Every turn each side scores 2 x the points (vp) of the regions it holds",
		"both score the security index / 25",
		"At the end each scores 5 x the vp it holds then, and its credibility / 8.",
		"More than 3 points ahead wins; closer is a draw.",
		"both sides lose 50 points.",
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		cr_assert_not_null(strstr(buf, want[i]), "'%s' not in '%s'", want[i], buf);
	cr_assert_null(strstr(buf, "win together"), "no cooperative goal here");
	R.victory.cooperative = true;
	explain_scoring(&R, buf, sizeof buf);
	cr_assert_not_null(strstr(buf, "both sides win together if tension ends below 40"));
	/* without a scenario: the standard rules' numbers */
	explain_scoring(NULL, buf, sizeof buf);
	cr_assert_not_null(strstr(buf, "+40 or more by NATO"));
	cr_assert_not_null(strstr(buf, "lose 60 points."));
}
