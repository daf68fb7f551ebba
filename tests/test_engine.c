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

/* order_check_regions() is order_check() region by region, in one pass:
 * along random games, for both sides, every action, with nothing queued
 * and with random orders queued (which spend AP and take some targets). */
Test(engine, order_check_regions_is_order_check_region_by_region)
{
	uint64_t rng = 99;
	int allowed = 0;
	for (uint64_t seed = 1; seed <= 6; seed++) {
		world_init(&W, &R, seed);
		while (!W.over) {
			for (int side = 0; side < SIDE_COUNT; side++) {
				struct orders none = { 0 }, some;
				random_orders(&W, side, &rng, &some);
				const struct orders *queued[] = { &none, &some };
				for (int q = 0; q < 2; q++)
					for (int a = 0; a < R.nactions; a++) {
						uint32_t set = order_check_regions(&W, &R, side, queued[q], a);
						for (int g = 0; g < 32; g++) {
							bool ok = R.action[a].target == TARGET_REGION && g < R.nregions &&
							          order_check(&W, &R, side, queued[q], a, g, NULL) == ORDER_OK;
							cr_assert_eq(!!(set & (1u << g)), ok, "turn %d side %d action %s region %d",
							             W.turn, side, R.action[a].id, g);
							allowed += ok;
						}
					}
			}
			random_orders(&W, SIDE_NATO, &rng, &O[0]);
			random_orders(&W, SIDE_RUSSIA, &rng, &O[1]);
			turn_resolve(&W, &R, O);
		}
	}
	cr_assert_gt(allowed, 100, "too few allowed orders to compare: %d", allowed);
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

/* ---- the second round's mechanisms ------------------------------------ */

static void crisis_rules(void)
{
	R.dyn.crisis_back_cred = 15;
	R.dyn.crisis_firm_cred = 8;
	R.dyn.crisis_stake = 12;
	R.dyn.crisis_firm_tension = 6;
	R.dyn.crisis_calm = 3;
	R.dyn.crisis_war_pct = 0;
	R.dyn.crisis_war_tension = 0;
}

static void open_crisis(const char *region)
{
	W.crisis = FX_INC_AIRSPACE + 1;
	W.crisis_region = (uint8_t)reg(region);
}

static int crisis_outcome(void)
{
	for (int i = 0; i < W.log.n; i++)
		if (W.log.rec[i].kind == CAUSE_CRISIS && W.log.rec[i].var == VAR_NONE)
			return W.log.rec[i].delta;
	return -1;
}

Test(engine, a_crisis_won_by_standing_firm_alone)
{
	crisis_rules();
	open_crisis("ukraine");
	int align = rv(VAR_ALIGNMENT, "ukraine");
	O[SIDE_NATO].crisis = CRISIS_FIRM;
	O[SIDE_RUSSIA].crisis = CRISIS_BACK;
	turn_resolve(&W, &R, O);
	cr_assert_eq(crisis_outcome(), CRISIS_NATO_FIRM);
	cr_assert_eq(W.credibility[SIDE_NATO], 58);
	cr_assert_eq(W.credibility[SIDE_RUSSIA], 35);
	cr_assert_eq(sum_kind(CAUSE_CRISIS, VAR_ALIGNMENT, reg("ukraine")), 12);
	cr_assert_eq(rv(VAR_ALIGNMENT, "ukraine") - align, cause_total(&W.log, VAR_ALIGNMENT, reg("ukraine")));
	cr_assert_eq(sum_kind(CAUSE_CRISIS, VAR_CREDIBILITY, SIDE_RUSSIA), -15, "logged with the side");
	cr_assert_null(world_check(&W, &R));
}

Test(engine, a_crisis_without_answers_is_both_backing_down)
{
	crisis_rules();
	open_crisis("ukraine");
	turn_resolve(&W, &R, O); /* no answer given: both back down */
	cr_assert_eq(crisis_outcome(), CRISIS_BOTH_BACK);
	cr_assert_eq(sum_kind(CAUSE_CRISIS, VAR_TENSION, RULES_NO_REGION), -3);
	cr_assert_eq(W.credibility[SIDE_NATO], 50);
	cr_assert_eq(W.credibility[SIDE_RUSSIA], 50);
}

Test(engine, both_firm_risks_war_by_the_rules_chance)
{
	crisis_rules();
	open_crisis("ukraine");
	O[SIDE_NATO].crisis = O[SIDE_RUSSIA].crisis = CRISIS_FIRM;
	struct world start = W;
	turn_resolve(&W, &R, O); /* a 0% chance: tension +6, no war */
	cr_assert_eq(crisis_outcome(), CRISIS_BOTH_FIRM);
	cr_assert_eq(sum_kind(CAUSE_CRISIS, VAR_TENSION, RULES_NO_REGION), 6);
	cr_assert_not(W.over);
	R.dyn.crisis_war_pct = 100; /* a certain war */
	W = start;
	turn_resolve(&W, &R, O);
	cr_assert_eq(crisis_outcome(), CRISIS_ESCALATED);
	cr_assert(W.over);
	cr_assert_eq(W.result, RESULT_WAR);
	cr_assert_eq(W.crisis, 0, "a war closes the crisis");
	cr_assert_null(world_check(&W, &R));
	/* the chance counts tension too: 10% + 50 x 20 / 100 */
	R.dyn.crisis_war_pct = 10;
	R.dyn.crisis_war_tension = 20;
	W = start;
	W.v[VAR_TENSION] = 50;
	cr_assert_eq(world_crisis_war_pct(&W, &R), 20);
}

Test(engine, an_incident_opens_a_crisis)
{
	crisis_rules();
	int opened = 0;
	for (uint64_t s = 0; s < 100; s++) {
		world_init(&W, &R, s);
		W.v[VAR_TENSION] = 80;
		W.v[VAR_DIALOGUE] = 0;
		memset(O, 0, sizeof O);
		turn_resolve(&W, &R, O);
		if (count(CAUSE_INCIDENT)) {
			cr_assert_eq(W.crisis, FX_INC_AIRSPACE + 1);
			opened++;
		} else {
			cr_assert_eq(W.crisis, 0);
		}
	}
	cr_assert_gt(opened, 0);
}

Test(engine, forces_and_membership_deter_the_other_sides_pull)
{
	R.dyn.deter_pct = 10;
	R.dyn.deter_max = 50;
	R.dyn.member_shield = 40;
	/* Poland: 45 NATO forces (45%), a member (+40), NATO credibility 50
	 * (x 75 / 100): 63% of the red line's -15 blunted, -5 left */
	cr_assert_eq(turn_blunt(&W, &R, SIDE_RUSSIA, FX_RED_LINE, reg("poland")), 63);
	/* NATO's aid in Ukraine, with 20 Russian forces there: 20% x 75% = 15% */
	cr_assert_eq(turn_blunt(&W, &R, SIDE_NATO, FX_AID, reg("ukraine")), 15);
	struct turn_preview p;
	cr_assert_eq(turn_preview_order(&W, &R, SIDE_RUSSIA, (struct order){ FX_RED_LINE, (uint8_t)reg("poland") }, &p), 0);
	cr_assert_eq(p.blunt, 63);
	int before = rv(VAR_ALIGNMENT, "poland");
	cr_assert(orders_add(&W, &R, SIDE_RUSSIA, &O[SIDE_RUSSIA], FX_RED_LINE, reg("poland"), NULL) == ORDER_OK);
	turn_resolve(&W, &R, O);
	cr_assert_eq(sum_kind(CAUSE_ACTION, VAR_ALIGNMENT, reg("poland")), -5);
	cr_assert_eq(count(CAUSE_DETERRENCE), 1);
	bool previewed = false;
	for (int i = 0; i < p.n; i++)
		previewed |= p.c[i].var == VAR_ALIGNMENT && p.c[i].delta == -5;
	cr_assert(previewed, "the preview shows the same blunted change");
	cr_assert_lt(rv(VAR_ALIGNMENT, "poland"), before + 1);
	/* talks press no region: nothing to blunt */
	cr_assert_eq(turn_blunt(&W, &R, SIDE_NATO, FX_TALKS, RULES_NO_REGION), 0);
}

Test(engine, a_standing_offer_left_unanswered_costs_the_refuser)
{
	R.dyn.refuse_cost = 3;
	cr_assert(orders_add(&W, &R, SIDE_NATO, &O[SIDE_NATO], FX_TALKS, RULES_NO_REGION, NULL) == ORDER_OK);
	turn_resolve(&W, &R, O); /* NATO's offer is now public */
	cr_assert_eq(W.offered, 1u << SIDE_NATO);
	int axis = W.v[VAR_AXIS];
	memset(O, 0, sizeof O);
	turn_resolve(&W, &R, O); /* Russia proposes nothing */
	cr_assert_eq(sum_kind(CAUSE_REFUSAL, VAR_AXIS, RULES_NO_REGION), -3);
	cr_assert_eq(W.v[VAR_AXIS] - axis, cause_total(&W.log, VAR_AXIS, RULES_NO_REGION));
	cr_assert_eq(sum_kind(CAUSE_REFUSAL, VAR_NATO_COHESION, RULES_NO_REGION), 0, "NATO refused nothing");
}

Test(engine, an_unanswered_red_line_costs_its_author_credibility)
{
	R.dyn.redline_cred = 10;
	R.dyn.redline_answer = 2;
	W.red_line[reg("ukraine")] = RED_LINE_RUSSIA;
	cr_assert(orders_add(&W, &R, SIDE_NATO, &O[SIDE_NATO], FX_AID, reg("ukraine"), NULL) == ORDER_OK);
	turn_resolve(&W, &R, O); /* crossed */
	cr_assert_eq(W.credibility[SIDE_RUSSIA], 50, "one turn to answer");
	memset(O, 0, sizeof O);
	turn_resolve(&W, &R, O); /* not answered */
	cr_assert_eq(W.credibility[SIDE_RUSSIA], 40);
	cr_assert_eq(W.red_line[reg("ukraine")], RED_LINE_NONE, "the line lapses");

	/* answered: pressing the region back costs tension, not credibility */
	setup();
	R.dyn.redline_cred = 10;
	R.dyn.redline_answer = 2;
	W.red_line[reg("ukraine")] = RED_LINE_RUSSIA;
	cr_assert(orders_add(&W, &R, SIDE_NATO, &O[SIDE_NATO], FX_AID, reg("ukraine"), NULL) == ORDER_OK);
	turn_resolve(&W, &R, O);
	memset(O, 0, sizeof O);
	W.ap[SIDE_RUSSIA] = 4;
	cr_assert(orders_add(&W, &R, SIDE_RUSSIA, &O[SIDE_RUSSIA], FX_RED_LINE, reg("ukraine"), NULL) == ORDER_OK);
	turn_resolve(&W, &R, O);
	cr_assert_eq(W.credibility[SIDE_RUSSIA], 50);
	cr_assert_eq(sum_kind(CAUSE_CREDIBILITY, VAR_TENSION, RULES_NO_REGION), 2);
}

Test(engine, scheduled_events_happen_on_their_date)
{
	struct event *e = &R.event[R.nevents++];
	memset(e, 0, sizeof *e);
	strcpy(e->id, "treaty-expires");
	strcpy(e->title, "A treaty expires");
	e->kind = EVENT_SCHEDULED;
	e->weight = 1;
	e->once = true;
	e->nwhen = 2;
	e->when[0] = (struct cond){ { SCOPE_WORLD, VAR_YEAR, RULES_NO_REGION }, 2025, 2025 };
	e->when[1] = (struct cond){ { SCOPE_WORLD, VAR_QUARTER, RULES_NO_REGION }, 3, 3 };
	e->neffects = 1;
	e->effects[0] = (struct effect){ { SCOPE_WORLD, VAR_ARMS_CONTROL, RULES_NO_REGION }, EFFECT_ADD, -10 };
	rules_prepare(&R);
	int fired_at = -1;
	for (int t = 0; t < 6; t++) {
		memset(O, 0, sizeof O);
		turn_resolve(&W, &R, O);
		for (int i = 0; i < W.log.n; i++)
			if (W.log.rec[i].kind == CAUSE_EVENT && W.log.rec[i].var == VAR_NONE &&
			    W.log.rec[i].source == R.nevents - 1) {
				cr_assert_eq(fired_at, -1, "once");
				fired_at = t;
			}
	}
	cr_assert_eq(fired_at, 2, "the turn of 2025-Q3 (the third)");
	cr_assert_eq(world_get(&W, &R, VAR_YEAR, RULES_NO_REGION), 2026);
	cr_assert_eq(world_get(&W, &R, VAR_QUARTER, RULES_NO_REGION), 3);
}

Test(engine, each_turn_scores_regions_held_and_the_common_security)
{
	R.dyn.turn_points = 1;
	R.dyn.security_divisor = 20;
	turn_resolve(&W, &R, O);
	int sec = world_security_index(&W, &R) / 20;
	int held[SIDE_COUNT] = { 0, 0 };
	for (int i = 0; i < R.nregions; i++) {
		int c = turn_controller(&W, &R, i);
		if (c != SIDE_BOTH)
			held[c] += R.region[i].value;
	}
	for (int s = 0; s < SIDE_COUNT; s++) {
		cr_assert_eq(W.score[s], held[s] + sec);
		cr_assert_eq(sum_kind(CAUSE_SCORE, VAR_SCORE, s), W.score[s], "every point has its cause");
	}
}

Test(engine, a_war_costs_both_sides_the_penalty)
{
	R.dyn.war_penalty = 60;
	W.score[SIDE_NATO] = 10;
	W.score[SIDE_RUSSIA] = 20;
	W.v[VAR_TENSION] = 99;
	cr_assert(orders_add(&W, &R, SIDE_NATO, &O[SIDE_NATO], FX_DEPLOY, reg("poland"), NULL) == ORDER_OK);
	turn_resolve(&W, &R, O);
	cr_assert_eq(W.result, RESULT_WAR);
	cr_assert_eq(W.score[SIDE_NATO], -50);
	cr_assert_eq(W.score[SIDE_RUSSIA], -40);
}

/* The conditions read through the rules' prep give world_conds()'s answer:
 * world_conds_prep for every target (none included), world_conds_regions
 * region by region in one pass: on worlds along random games, for every
 * action's requirements, and every event's conditions as an action's (the
 * fixture mixes world, target.* and named-region conditions, the events
 * dates; two more actions add static facts, worked out once). The draw's
 * own form of event conditions: event_prep_matches_conds. */
Test(engine, conds_prep_match_conds)
{
	/* requirements on static facts too: the target's, and constants */
	R.region[1].borders_russia = false;
	struct action *a = &R.action[R.nactions++];
	*a = R.action[FX_RED_LINE];
	strcpy(a->id, "coerce");
	a->nrequires = 4;
	a->requires[0] = (struct cond){ { SCOPE_TARGET, VAR_BORDERS_RUSSIA, RULES_NO_REGION }, 1, 1 };
	a->requires[1] = (struct cond){ { SCOPE_TARGET, VAR_VALUE, RULES_NO_REGION }, 2, 3 };
	a->requires[2] = (struct cond){ { SCOPE_REGION, VAR_VALUE, 0 }, 3, 5 };
	a->requires[3] = (struct cond){ { SCOPE_TARGET, VAR_ALIGNMENT, RULES_NO_REGION }, -100, 60 };
	a = &R.action[R.nactions++];
	*a = R.action[FX_TALKS];
	strcpy(a->id, "never");
	a->nrequires = 2;
	a->requires[0] = (struct cond){ { SCOPE_REGION, VAR_BORDERS_RUSSIA, 1 }, 1, 1 };
	a->requires[1] = (struct cond){ { SCOPE_TARGET, VAR_VALUE, RULES_NO_REGION }, 0, 0 };
	for (int e = 0; e < R.nevents; e++) {
		a = &R.action[R.nactions++];
		*a = R.action[FX_TALKS];
		snprintf(a->id, sizeof a->id, "when-%d", e);
		a->nrequires = R.event[e].nwhen;
		memcpy(a->requires, R.event[e].when, sizeof R.event[e].when[0] * (size_t)R.event[e].nwhen);
	}
	rules_prepare(&R);
	uint64_t order_seed = 77;
	int seen = 0;
	for (uint64_t seed = 1; seed <= 6; seed++) {
		world_init(&W, &R, seed);
		while (!W.over) {
			for (int k = 0; k < R.nactions; k++) {
				const struct cond *c = R.action[k].requires;
				int n = R.action[k].nrequires;
				const struct conds_prep *p = &R.prep.requires[k];
				uint32_t want = 0;
				for (int g = 0; g < R.nregions; g++) {
					bool holds = world_conds(&W, &R, c, n, g, NULL);
					want |= (uint32_t)holds << g;
					cr_assert_eq(world_conds_prep(&W, &R, c, p, g), holds, "conditions %d, region %d", k, g);
				}
				cr_assert_eq(world_conds_prep(&W, &R, c, p, RULES_NO_REGION),
				             world_conds(&W, &R, c, n, RULES_NO_REGION, NULL), "conditions %d, no region", k);
				cr_assert_eq(world_conds_regions(&W, &R, c, p), want, "conditions %d, turn %d", k, W.turn);
				seen += want != 0 && want != (1u << R.nregions) - 1;
			}
			random_orders(&W, SIDE_NATO, &order_seed, &O[0]);
			random_orders(&W, SIDE_RUSSIA, &order_seed, &O[1]);
			turn_resolve(&W, &R, O);
		}
	}
	cr_assert_gt(seen, 0, "no condition ever held in some regions and not others");
}

/* Add to R an event of KIND (target TARGET, once ONCE) whose conditions
 * are the N in C. */
static void event_with(int kind, int target, bool once, const struct cond *c, int n)
{
	struct event *e = &R.event[R.nevents];
	memset(e, 0, sizeof *e);
	snprintf(e->id, sizeof e->id, "e%d", R.nevents);
	strcpy(e->title, "An event");
	e->kind = (uint8_t)kind;
	e->target = (uint8_t)target;
	e->weight = 2;
	e->once = once;
	e->nwhen = (uint8_t)n;
	memcpy(e->when, c, (size_t)n * sizeof *c);
	e->neffects = 1;
	e->effects[0] = (struct effect){ { SCOPE_WORLD, VAR_CYBER, RULES_NO_REGION }, EFFECT_ADD, 1 };
	R.nevents++;
}

#define COND(scope, var, region, min, max) ((struct cond){ { scope, var, region }, min, max })

/* The draw's reading of events through the rules' prep (calendar and
 * constant conditions as turns, static region facts as candidate regions,
 * the rest against the world, conditions shared by a kind's events once)
 * gives world_conds()'s answer region by region (none for a world event),
 * with once-fired events out: on worlds along random games, for the
 * fixture's events and ones mixing every kind of condition. */
Test(engine, event_prep_matches_conds)
{
	R.region[1].borders_russia = false;
	const struct cond border[] = { COND(SCOPE_TARGET, VAR_BORDERS_RUSSIA, RULES_NO_REGION, 1, 1),
		                       COND(SCOPE_TARGET, VAR_STABILITY, RULES_NO_REGION, 0, 75),
		                       COND(SCOPE_WORLD, VAR_DIALOGUE, RULES_NO_REGION, 0, 40) };
	event_with(EVENT_EVENT, TARGET_REGION, false, border, 3);
	const struct cond mixed[] = { COND(SCOPE_TARGET, VAR_VALUE, RULES_NO_REGION, 2, 3),
		                      COND(SCOPE_WORLD, VAR_TENSION, RULES_NO_REGION, 30, 100),
		                      COND(SCOPE_REGION, VAR_ALIGNMENT, 2, -100, 60),
		                      COND(SCOPE_TARGET, VAR_MILITARIZATION, RULES_NO_REGION, 20, 200),
		                      COND(SCOPE_TARGET, VAR_QUARTER, RULES_NO_REGION, 2, 4) };
	event_with(EVENT_INCIDENT, TARGET_REGION, true, mixed, 5);
	const struct cond date[] = { COND(SCOPE_WORLD, VAR_YEAR, RULES_NO_REGION, 2025, 2026),
		                     COND(SCOPE_WORLD, VAR_QUARTER, RULES_NO_REGION, 2, 3),
		                     COND(SCOPE_REGION, VAR_VALUE, 0, 3, 5) };
	event_with(EVENT_EVENT, TARGET_WORLD, true, date, 3);
	const struct cond never[] = { COND(SCOPE_REGION, VAR_BORDERS_RUSSIA, 1, 1, 1),
		                      COND(SCOPE_WORLD, VAR_DIALOGUE, RULES_NO_REGION, 0, 100) };
	event_with(EVENT_EVENT, TARGET_REGION, false, never, 2);
	const struct cond no_target[] = { COND(SCOPE_TARGET, VAR_VALUE, RULES_NO_REGION, 0, 0),
		                          COND(SCOPE_TARGET, VAR_STABILITY, RULES_NO_REGION, 0, 0),
		                          COND(SCOPE_WORLD, VAR_DIALOGUE, RULES_NO_REGION, 0, 40) };
	event_with(EVENT_EVENT, TARGET_WORLD, false, no_target, 3);
	rules_prepare(&R);
	uint64_t order_seed = 5;
	int some = 0, none = 0;
	for (uint64_t seed = 1; seed <= 8; seed++) {
		world_init(&W, &R, seed);
		while (!W.over) {
			for (int e = 0; e < R.nevents; e++) {
				const struct event *ev = &R.event[e];
				uint32_t want = 0;
				if (ev->once && (W.fired & (1ULL << e)))
					want = 0;
				else if (ev->target == TARGET_WORLD)
					want = world_conds(&W, &R, ev->when, ev->nwhen, RULES_NO_REGION, NULL);
				else
					for (int g = 0; g < R.nregions; g++)
						want |= (uint32_t)world_conds(&W, &R, ev->when, ev->nwhen, g, NULL) << g;
				cr_assert_eq(turn_event_targets(&W, &R, e), want, "event %d, turn %d", e, W.turn);
				uint64_t drawn = turn_draw_eligible(&W, &R, ev->kind);
				cr_assert_eq((drawn >> e) & 1, want != 0, "event %d, turn %d", e, W.turn);
				some += want != 0;
				none += want == 0;
			}
			random_orders(&W, SIDE_NATO, &order_seed, &O[0]);
			random_orders(&W, SIDE_RUSSIA, &order_seed, &O[1]);
			turn_resolve(&W, &R, O);
		}
	}
	cr_assert(some > 0 && none > 0, "events held and failed");
}

/* world_change's assertions (its indices, a writable variable, a stored value in
 * range) run where assertions are on (build/asan/unit) and stop at the first
 * break; the release (build/unit, -DNDEBUG) compiles them out. */
#ifndef NDEBUG
Test(engine, world_change_asserts_its_region, .signal = SIGABRT)
{
	world_change(&W, VAR_STABILITY, R.nregions, 5, (struct cause){ .kind = CAUSE_ACTION });
}

Test(engine, world_change_asserts_a_stored_value_in_range, .signal = SIGABRT)
{
	W.v[VAR_TENSION] = 101; /* a broken world: some code wrote past the range */
	world_change(&W, VAR_TENSION, RULES_NO_REGION, -1, (struct cause){ .kind = CAUSE_ACTION });
}

Test(engine, world_change_asserts_a_writable_variable, .signal = SIGABRT)
{
	world_change(&W, VAR_VALUE, 0, 1, (struct cause){ .kind = CAUSE_ACTION });
}
#endif
