/* test_engine.c - the pure rules: orders, effects, clamping, agreements, drift, war,
 * scoring, determinism and the invariant checker, on a hand-built scenario. */
#include <criterion/criterion.h>
#include <signal.h>
#include <string.h>

#include "../game/engine/order.h"
#include "../game/engine/rng.h"
#include "../game/engine/turn.h"
#include "fixture.h"

static struct rules R;
static struct world W;
static struct orders O[SIDE_COUNT];

static void setup(void)
{
	fixture_rules(&R);
	world_init(&W, &R, 42);
	memset(O, 0, sizeof O);
}

TestSuite(engine, .init = setup);

static int reg(const char *id)
{
	return rules_region_find(&R, id);
}

static int rv(int var, const char *region)
{
	return world_get(&W, &R, var, reg(region));
}

/* Count the headline records (no variable) of KIND. */
static int count(int kind)
{
	int n = 0;
	for (int i = 0; i < W.log.n; i++)
		n += W.log.rec[i].kind == kind && W.log.rec[i].var == VAR_NONE;
	return n;
}

static int sum_kind(int kind, int var, int region)
{
	int s = 0;
	for (int i = 0; i < W.log.n; i++)
		if (W.log.rec[i].kind == kind && W.log.rec[i].var == var && W.log.rec[i].region == region)
			s += W.log.rec[i].delta;
	return s;
}

Test(engine, init_copies_the_scenario)
{
	cr_assert_eq(W.v[VAR_TENSION], 50);
	cr_assert_eq(rv(VAR_NATO_FORCES, "poland"), 45);
	cr_assert_eq(rv(VAR_ALIGNMENT, "caucasus"), -20);
	cr_assert_eq(rv(VAR_MILITARIZATION, "ukraine"), 30);
	cr_assert_eq(W.ap[SIDE_NATO], 4);
	cr_assert_eq(W.turn, 0);
	cr_assert_null(world_check(&W, &R));
	struct world copy = W; /* a world is a value */
	cr_assert_eq(world_hash(&copy), world_hash(&W));
}

Test(engine, order_checks_say_why)
{
	int failed = -1;
	cr_assert_eq(order_check(&W, &R, SIDE_NATO, &O[0], FX_DEPLOY, reg("poland"), NULL), ORDER_OK);
	cr_assert_eq(order_check(&W, &R, SIDE_NATO, &O[0], FX_DEPLOY, RULES_NO_REGION, NULL), ORDER_NEED_REGION);
	cr_assert_eq(order_check(&W, &R, SIDE_NATO, &O[0], FX_TALKS, reg("poland"), NULL), ORDER_NEED_WORLD);
	cr_assert_eq(order_check(&W, &R, SIDE_NATO, &O[0], FX_RED_LINE, reg("poland"), NULL), ORDER_WRONG_SIDE);
	cr_assert_eq(order_check(&W, &R, SIDE_NATO, &O[0], 99, 0, NULL), ORDER_NO_ACTION);
	cr_assert_eq(order_check(&W, &R, SIDE_NATO, &O[0], FX_DEPLOY, reg("caucasus"), &failed), ORDER_REQUIREMENT);
	cr_assert_eq(failed, 0);
	cr_assert_eq(order_check(&W, &R, SIDE_NATO, &O[0], FX_DOOR, reg("poland"), &failed), ORDER_REQUIREMENT);
	cr_assert_eq(failed, 0, "poland is a member already: the first requirement fails");
	/* one order per action and target a turn */
	cr_assert_eq(orders_add(&W, &R, SIDE_NATO, &O[0], FX_DEPLOY, reg("poland"), NULL), ORDER_OK);
	cr_assert_eq(orders_add(&W, &R, SIDE_NATO, &O[0], FX_DEPLOY, reg("poland"), NULL), ORDER_REPEAT);
	/* AP: 4 at one each, the fifth is refused */
	cr_assert_eq(orders_add(&W, &R, SIDE_NATO, &O[0], FX_DEPLOY, reg("baltics"), NULL), ORDER_OK);
	cr_assert_eq(orders_add(&W, &R, SIDE_NATO, &O[0], FX_AID, reg("ukraine"), NULL), ORDER_OK);
	cr_assert_eq(orders_add(&W, &R, SIDE_NATO, &O[0], FX_TALKS, RULES_NO_REGION, NULL), ORDER_OK);
	cr_assert_eq(orders_spent(&O[0], &R), 4);
	cr_assert_eq(orders_add(&W, &R, SIDE_NATO, &O[0], FX_AID, reg("poland"), NULL), ORDER_NO_AP);
	cr_assert_eq(orders_undo(&O[0]), 0);
	cr_assert_eq(O[0].n, 3);
	O[0].n = 0;
	cr_assert_eq(orders_undo(&O[0]), -1);
}

Test(engine, action_effects_are_applied_and_logged)
{
	orders_add(&W, &R, SIDE_NATO, &O[SIDE_NATO], FX_DEPLOY, reg("ukraine"), NULL);
	cr_assert_eq(turn_resolve(&W, &R, O), 0);
	cr_assert_eq(count(CAUSE_ORDER), 1);
	cr_assert_eq(sum_kind(CAUSE_ACTION, VAR_NATO_FORCES, reg("ukraine")), 10);
	cr_assert_eq(sum_kind(CAUSE_ACTION, VAR_TENSION, RULES_NO_REGION), 3);
	/* forces decay 2 at the end of the turn */
	cr_assert_eq(rv(VAR_NATO_FORCES, "ukraine"), 10 + 10 - R.dyn.force_decay);
	/* every change is in the log: tension now = start + all logged tension deltas */
	cr_assert_eq(W.v[VAR_TENSION], 50 + cause_total(&W.log, VAR_TENSION, RULES_NO_REGION));
	cr_assert_eq(W.turn, 1);
}

Test(engine, every_change_has_a_cause)
{
	uint64_t seed = 7;
	for (int t = 0; t < R.turns && !W.over; t++) {
		struct world before = W;
		memset(O, 0, sizeof O);
		orders_add(&W, &R, SIDE_NATO, &O[0], FX_AID, (int)rng_below(&seed, 4), NULL);
		orders_add(&W, &R, SIDE_RUSSIA, &O[1], FX_RED_LINE, (int)rng_below(&seed, 4), NULL);
		turn_resolve(&W, &R, O);
		for (int v = 0; v < VAR_WORLD_END; v++)
			cr_assert_eq(W.v[v] - before.v[v], cause_total(&W.log, v, RULES_NO_REGION), "var %d", v);
		for (int i = 0; i < R.nregions; i++)
			for (int v = VAR_WORLD_END; v < VAR_REGION_STORED_END; v++)
				cr_assert_eq(world_get(&W, &R, v, i) - world_get(&before, &R, v, i),
				             cause_total(&W.log, v, i), "region %d var %d", i, v);
	}
}

Test(engine, values_are_clamped_and_the_log_holds_the_real_change)
{
	W.region[reg("poland")].v[VAR_NATO_FORCES - VAR_WORLD_END] = 95;
	cr_assert_eq(orders_add(&W, &R, SIDE_NATO, &O[0], FX_DEPLOY, reg("poland"), NULL), ORDER_OK);
	turn_resolve(&W, &R, O);
	cr_assert_eq(sum_kind(CAUSE_ACTION, VAR_NATO_FORCES, reg("poland")), 5);
	cr_assert_leq(rv(VAR_NATO_FORCES, "poland"), 100);
	cr_assert_null(world_check(&W, &R));
}

Test(engine, set_effects_change_membership)
{
	orders_add(&W, &R, SIDE_NATO, &O[0], FX_DOOR, reg("ukraine"), NULL);
	turn_resolve(&W, &R, O);
	cr_assert_eq(rv(VAR_MEMBER, "ukraine"), MEMBER_NATO);
	cr_assert_eq(sum_kind(CAUSE_ACTION, VAR_TENSION, RULES_NO_REGION), 12);
}

Test(engine, matching_proposals_become_an_agreement)
{
	orders_add(&W, &R, SIDE_NATO, &O[0], FX_TALKS, RULES_NO_REGION, NULL);
	orders_add(&W, &R, SIDE_RUSSIA, &O[1], FX_TALKS, RULES_NO_REGION, NULL);
	turn_resolve(&W, &R, O);
	cr_assert_eq(sum_kind(CAUSE_AGREEMENT, VAR_TENSION, RULES_NO_REGION), -8);
	cr_assert_eq(sum_kind(CAUSE_AGREEMENT, VAR_DIALOGUE, RULES_NO_REGION), 10);
	cr_assert_eq(sum_kind(CAUSE_ACTION, VAR_DIALOGUE, RULES_NO_REGION), 4, "both proposals count on their own too");
}

Test(engine, a_lone_proposal_is_no_agreement)
{
	orders_add(&W, &R, SIDE_NATO, &O[0], FX_TALKS, RULES_NO_REGION, NULL);
	turn_resolve(&W, &R, O);
	cr_assert_eq(count(CAUSE_AGREEMENT), 0);
	cr_assert_eq(sum_kind(CAUSE_ACTION, VAR_DIALOGUE, RULES_NO_REGION), 2);
}

Test(engine, initiative_alternates)
{
	orders_add(&W, &R, SIDE_NATO, &O[0], FX_AID, reg("ukraine"), NULL);
	orders_add(&W, &R, SIDE_RUSSIA, &O[1], FX_RED_LINE, reg("ukraine"), NULL);
	turn_resolve(&W, &R, O);
	int first = -1;
	for (int i = 0; i < W.log.n && first < 0; i++)
		if (W.log.rec[i].kind == CAUSE_ORDER)
			first = W.log.rec[i].side;
	cr_assert_eq(first, SIDE_NATO);
	turn_resolve(&W, &R, O);
	first = -1;
	for (int i = 0; i < W.log.n && first < 0; i++)
		if (W.log.rec[i].kind == CAUSE_ORDER)
			first = W.log.rec[i].side;
	cr_assert_eq(first, SIDE_RUSSIA);
}

Test(engine, an_order_fails_when_its_requirement_no_longer_holds)
{
	/* Russia moves first in turn 1: its red line drops Ukraine's alignment
	 * below what NATO's door needs, so the door fails at resolution. */
	W.turn = 1;
	W.region[reg("ukraine")].v[VAR_ALIGNMENT - VAR_WORLD_END] = 30;
	orders_add(&W, &R, SIDE_NATO, &O[0], FX_DOOR, reg("ukraine"), NULL);
	orders_add(&W, &R, SIDE_RUSSIA, &O[1], FX_RED_LINE, reg("ukraine"), NULL);
	cr_assert_eq(O[0].n, 1);
	turn_resolve(&W, &R, O);
	int failed = 0;
	for (int i = 0; i < W.log.n; i++)
		if (W.log.rec[i].kind == CAUSE_ORDER_FAILED) {
			failed++;
			cr_assert_eq(W.log.rec[i].var, VAR_ALIGNMENT, "names the unmet requirement");
		}
	cr_assert_eq(failed, 1);
	cr_assert_eq(rv(VAR_MEMBER, "ukraine"), MEMBER_NONE);
}

Test(engine, tension_at_100_is_war_and_both_lose)
{
	W.v[VAR_TENSION] = 95;
	W.v[VAR_DIALOGUE] = 0;
	cr_assert_eq(orders_add(&W, &R, SIDE_NATO, &O[0], FX_DEPLOY, reg("poland"), NULL), ORDER_OK);
	cr_assert_eq(orders_add(&W, &R, SIDE_NATO, &O[0], FX_DEPLOY, reg("baltics"), NULL), ORDER_OK);
	turn_resolve(&W, &R, O);
	cr_assert(W.over);
	cr_assert_eq(W.result, RESULT_WAR);
	cr_assert_eq(W.v[VAR_TENSION], 100);
	cr_assert_eq(W.score[SIDE_NATO], 0);
	cr_assert_eq(W.score[SIDE_RUSSIA], 0);
	cr_assert_eq(count(CAUSE_WAR), 1);
	cr_assert_null(world_check(&W, &R));
	struct world copy = W;
	cr_assert_eq(turn_resolve(&W, &R, O), -1);
	cr_assert_eq(world_hash(&W), world_hash(&copy), "a finished game does not move");
}

Test(engine, drift_terms_follow_the_formula)
{
	W.v[VAR_DIALOGUE] = 45;
	W.v[VAR_ARMS_CONTROL] = 40;
	W.v[VAR_CYBER] = 75;
	turn_resolve(&W, &R, O);
	/* Worked by hand from the fixture and the standard dynamics:
	 * militarization = (45+0 + 30+5 + 10+20 + 0+25) / 4 = 135 / 4 = 33 (all
	 * four regions border Russia): (33 - 60) / 10 = -2 (C truncates);
	 * dialogue -(45 / 15) = -3; arms control -(40 / 20) = -2; cyber 75 / 25 = +3. */
	const int want[DRIFT_COUNT] = { -2, -3, -2, 3 };
	for (int t = 0; t < DRIFT_COUNT; t++) {
		int got = 0;
		for (int i = 0; i < W.log.n; i++)
			if (W.log.rec[i].kind == CAUSE_DRIFT && W.log.rec[i].source == t)
				got += W.log.rec[i].delta;
		cr_assert_eq(got, want[t], "drift term %d", t);
	}
}

Test(engine, miscalculation_chance_grows_with_tension_and_falls_with_dialogue)
{
	W.v[VAR_CYBER] = 0;
	W.v[VAR_TENSION] = 40;
	cr_assert_eq(turn_miscalc_chance(&W, &R), 0);
	W.v[VAR_TENSION] = 70;
	W.v[VAR_DIALOGUE] = 20;
	cr_assert_eq(turn_miscalc_chance(&W, &R), 30 * 80);
	W.v[VAR_DIALOGUE] = 100;
	cr_assert_eq(turn_miscalc_chance(&W, &R), 0);
}

Test(engine, incidents_strike_under_high_tension)
{
	int struck = 0;
	for (uint64_t s = 0; s < 200; s++) {
		world_init(&W, &R, s);
		W.v[VAR_TENSION] = 80;
		W.v[VAR_DIALOGUE] = 0;
		memset(O, 0, sizeof O);
		turn_resolve(&W, &R, O);
		struck += count(CAUSE_INCIDENT);
	}
	/* chance 40% + cyber: roughly 48%; far from 0 and from 200 */
	cr_assert(struck > 50 && struck < 150, "struck %d", struck);
}

Test(engine, region_events_pick_an_eligible_region)
{
	for (uint64_t s = 0; s < 50; s++) {
		world_init(&W, &R, s);
		memset(O, 0, sizeof O);
		turn_resolve(&W, &R, O);
		for (int i = 0; i < W.log.n; i++) {
			const struct cause *c = &W.log.rec[i];
			if (c->kind == CAUSE_EVENT && c->var == VAR_NONE && c->source == FX_EV_UNREST)
				cr_assert(c->region == reg("ukraine") || c->region == reg("caucasus"));
		}
	}
}

Test(engine, the_last_turn_scores_controlled_regions)
{
	/* The last turn, with alignments far from the control line (40) so no
	 * drift or event of one turn can cross it: Poland +90 (NATO, worth 3),
	 * the Baltics -90 (Russia, 2), Ukraine 0 (contested, 4), the Caucasus
	 * +90 (NATO, 2). NATO scores 3 + 2 = 5, Russia 2: NATO wins. */
	const int align[] = { 90, -90, 0, 90 };
	for (int i = 0; i < 4; i++)
		W.region[i].v[VAR_ALIGNMENT - VAR_WORLD_END] = (int16_t)align[i];
	W.v[VAR_TENSION] = 20;
	W.turn = (uint8_t)(R.turns - 1);
	turn_resolve(&W, &R, O);
	cr_assert(W.over);
	cr_assert_eq(W.turn, R.turns);
	cr_assert_eq(W.score[SIDE_NATO], 5);
	cr_assert_eq(W.score[SIDE_RUSSIA], 2);
	cr_assert_eq(W.result, RESULT_NATO);
	cr_assert_null(world_check(&W, &R));
}

Test(engine, cooperative_victory_when_tension_ends_low)
{
	R.victory.cooperative = true;
	world_init(&W, &R, 1);
	W.turn = (uint8_t)(R.turns - 1);
	W.v[VAR_TENSION] = 10;
	W.v[VAR_CYBER] = 0;
	turn_resolve(&W, &R, O);
	cr_assert_eq(W.result, RESULT_PEACE);
}

/* Random legal orders for SIDE until its AP is spent or a try fails. */
static void random_orders(const struct world *w, int side, uint64_t *rng, struct orders *o)
{
	memset(o, 0, sizeof *o);
	for (int tries = 0; tries < 8; tries++) {
		int a = (int)rng_below(rng, R.nactions);
		int region = R.action[a].target == TARGET_REGION ? (int)rng_below(rng, R.nregions) : RULES_NO_REGION;
		orders_add(w, &R, side, o, a, region, NULL);
	}
}

static uint64_t play(uint64_t seed, uint64_t order_seed)
{
	world_init(&W, &R, seed);
	while (!W.over) {
		random_orders(&W, SIDE_NATO, &order_seed, &O[0]);
		random_orders(&W, SIDE_RUSSIA, &order_seed, &O[1]);
		turn_resolve(&W, &R, O);
		const char *bad = world_check(&W, &R);
		cr_assert_null(bad, "invariant broken: %s", bad);
	}
	return world_hash(&W);
}

Test(engine, same_seed_and_orders_same_game)
{
	for (uint64_t s = 1; s < 100; s++)
		cr_assert_eq(play(s, s * 31), play(s, s * 31));
	int differ = 0;
	for (uint64_t s = 1; s < 20; s++)
		differ += play(s, 5) != play(s + 1000, 5);
	cr_assert_gt(differ, 15, "the seed matters");
}

Test(engine, rng_below_stays_in_bounds)
{
	uint64_t s = rng_mix(3);
	int seen[7] = { 0 };
	for (int i = 0; i < 7000; i++) {
		uint32_t v = rng_below(&s, 7);
		cr_assert_lt(v, 7u);
		seen[v]++;
	}
	for (int i = 0; i < 7; i++)
		cr_assert(seen[i] > 800 && seen[i] < 1200);
	cr_assert_eq(rng_below(&s, 0), 0u);
}

Test(engine, world_check_catches_broken_invariants)
{
	W.v[VAR_TENSION] = 101;
	cr_assert_not_null(world_check(&W, &R));
	world_init(&W, &R, 1);
	W.over = true;
	cr_assert_not_null(world_check(&W, &R));
	world_init(&W, &R, 1);
	W.region[0].v[VAR_ALIGNMENT - VAR_WORLD_END] = -101;
	cr_assert_not_null(world_check(&W, &R));
}

#ifndef NDEBUG
/* Builds with assertions (the sanitizer build of make test) stop at the first
 * turn that leaves an invariant broken; the release build compiles it out. */
Test(engine, a_broken_invariant_stops_a_build_with_assertions, .signal = SIGABRT)
{
	W.v[VAR_DIALOGUE] = 200; /* outside 0..100, and no rule writes it back */
	turn_resolve(&W, &R, O);
}
#endif
