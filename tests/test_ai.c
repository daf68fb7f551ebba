/* test_ai.c - the AI: legal orders at every level, determinism, no hidden
 * inputs, data-driven stances, tit-for-tat, hawk against dove. */
#include <criterion/criterion.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>

#include "../game/ai/ai.h"
#include "../game/ai/ai_policy.h"
#include "../game/engine/rng.h"
#include "../game/engine/turn.h"
#include "../game/scenario/scenario.h"
#include "fixture.h"

TestSuite(ai);

/* Load scenario file PATH into a malloc'd rules (freed by the caller). */
static struct rules *load(const char *path)
{
	struct rules *r = malloc(sizeof *r);
	struct diags *ds = calloc(1, sizeof *ds);
	cr_assert(r && ds);
	int rc = scenario_load(path, r, ds);
	if (rc)
		diag_print(ds, stderr);
	cr_assert_eq(rc, 0, "%s does not load", path);
	free(ds);
	return r;
}

static struct rules *load_default(void)
{
	return load("scenarios/door-closed.cfg");
}

/* Every order of O, given in turn, must pass order_check (so AP is never
 * exceeded and every requirement holds). */
static void assert_legal(const struct world *w, const struct rules *r, int side, const struct orders *o,
                         const char *what)
{
	struct orders q = { 0 };
	cr_assert_leq(o->n, ORDERS_MAX);
	for (int i = 0; i < o->n; i++) {
		int failed = -1;
		enum order_status st = orders_add(w, r, side, &q, o->list[i].action, o->list[i].region, &failed);
		cr_assert_eq(st, ORDER_OK, "%s: %s order %d (%s) refused: %s", what, side_id(side), i,
		             o->list[i].action < r->nactions ? r->action[o->list[i].action].id : "?",
		             order_status_text(st));
	}
	cr_assert_leq(orders_spent(o, r), w->ap[side]);
}

/* Play a game between random AIs from SEED for TURNS turns (or to its end). */
static void random_world(struct world *w, const struct rules *r, uint64_t seed, int turns)
{
	struct ai a[SIDE_COUNT];
	world_init(w, r, seed);
	for (int s = 0; s < SIDE_COUNT; s++)
		ai_init(&a[s], AI_RANDOM, s, seed * 3 + (uint64_t)s);
	for (int t = 0; t < turns && !w->over; t++) {
		struct orders o[SIDE_COUNT];
		for (int s = 0; s < SIDE_COUNT; s++)
			ai_choose(&a[s], w, r, &o[s]);
		turn_resolve(w, r, o);
	}
}

/* Every level, both sides, on the start and on random mid-game worlds of R. */
static void check_levels(const struct rules *r, const char *name)
{
	for (uint64_t seed = 1; seed <= 6; seed++) {
		struct world w;
		random_world(&w, r, seed, (int)(seed % (uint64_t)(r->turns + 1)));
		if (w.over)
			world_init(&w, r, seed);
		for (int level = 0; level < AI_LEVEL_COUNT; level++)
			for (int s = 0; s < SIDE_COUNT; s++) {
				struct ai ai;
				struct orders o;
				ai_init(&ai, level, s, seed);
				if (level == AI_HARD)
					ai.budget = 12; /* keep the test fast; the budget does not change legality */
				ai_choose(&ai, &w, r, &o);
				char what[128];
				snprintf(what, sizeof what, "%s seed %llu turn %d %s", name, (unsigned long long)seed,
				         w.turn, ai_level_name(level));
				assert_legal(&w, r, s, &o, what);
			}
	}
}

Test(ai, legal_orders_on_every_shipped_scenario)
{
	glob_t g;
	cr_assert_eq(glob("scenarios/*.cfg", 0, NULL, &g), 0, "no scenarios found (run from the root)");
	cr_assert_geq(g.gl_pathc, 1);
	for (size_t i = 0; i < g.gl_pathc; i++) {
		struct rules *r = load(g.gl_pathv[i]);
		check_levels(r, g.gl_pathv[i]);
		free(r);
	}
	globfree(&g);
}

Test(ai, legal_orders_on_the_fixture)
{
	static struct rules r;
	fixture_rules(&r);
	check_levels(&r, "fixture");
}

Test(ai, whole_games_stay_legal_and_valid)
{
	struct rules *r = load_default();
	for (int level = 0; level < AI_LEVEL_COUNT; level++) {
		struct world w;
		struct ai a[SIDE_COUNT];
		world_init(&w, r, 100 + (uint64_t)level);
		for (int s = 0; s < SIDE_COUNT; s++) {
			ai_init(&a[s], level, s, (uint64_t)(level * 2 + s));
			a[s].budget = 12;
		}
		while (!w.over) {
			struct orders o[SIDE_COUNT];
			for (int s = 0; s < SIDE_COUNT; s++) {
				ai_choose(&a[s], &w, r, &o[s]);
				assert_legal(&w, r, s, &o[s], ai_level_name(level));
			}
			cr_assert_eq(turn_resolve(&w, r, o), 0);
			const char *bad = world_check(&w, r);
			cr_assert_null(bad, "%s: %s", ai_level_name(level), bad);
		}
	}
	free(r);
}

Test(ai, same_seed_same_orders)
{
	struct rules *r = load_default();
	struct world w;
	random_world(&w, r, 9, 3);
	for (int level = 0; level < AI_LEVEL_COUNT; level++)
		for (int s = 0; s < SIDE_COUNT; s++) {
			struct ai a, b;
			struct orders oa, ob;
			ai_init(&a, level, s, 77);
			ai_init(&b, level, s, 77);
			a.budget = b.budget = 24;
			for (int k = 0; k < 3; k++) {
				ai_choose(&a, &w, r, &oa);
				ai_choose(&b, &w, r, &ob);
				cr_assert_eq(oa.n, ob.n, "%s", ai_level_name(level));
				cr_assert_arr_eq(oa.list, ob.list, oa.n * sizeof oa.list[0], "%s", ai_level_name(level));
				cr_assert_eq(a.rng, b.rng);
			}
		}
	free(r);
}

Test(ai, depends_only_on_world_rules_and_its_state)
{
	struct rules *r = load_default();
	struct world w;
	random_world(&w, r, 5, 2);
	for (int level = 0; level < AI_LEVEL_COUNT; level++) {
		struct ai a, b, other;
		struct orders oa, ob, junk;
		ai_init(&a, level, SIDE_NATO, 3);
		a.budget = 24;
		b = a;
		ai_choose(&a, &w, r, &oa);
		/* other AIs thinking in between, on other worlds, change nothing */
		struct world w2;
		random_world(&w2, r, 11, 4);
		for (int k = 0; k < AI_LEVEL_COUNT; k++) {
			ai_init(&other, k, SIDE_RUSSIA, 8);
			other.budget = 12;
			ai_choose(&other, &w2, r, &junk);
		}
		/* nor does the world's own random stream: the AI never sees the dice */
		struct world w3 = w;
		w3.rng = rng_mix(12345);
		ai_choose(&b, &w3, r, &ob);
		cr_assert_eq(oa.n, ob.n, "%s", ai_level_name(level));
		cr_assert_arr_eq(oa.list, ob.list, oa.n * sizeof oa.list[0], "%s", ai_level_name(level));
	}
	free(r);
}

Test(ai, different_seeds_vary_the_noisy_levels)
{
	struct rules *r = load_default();
	struct world w;
	world_init(&w, r, 1);
	int differ = 0;
	struct orders first;
	for (uint64_t seed = 0; seed < 20; seed++) {
		struct ai a;
		struct orders o;
		ai_init(&a, AI_RANDOM, SIDE_RUSSIA, seed);
		ai_choose(&a, &w, r, &o);
		if (seed == 0)
			first = o;
		else if (o.n != first.n || memcmp(o.list, first.list, o.n * sizeof o.list[0]))
			differ++;
	}
	cr_assert_gt(differ, 10);
	free(r);
}

Test(ai, game_over_gives_no_orders)
{
	struct rules *r = load_default();
	struct world w;
	world_init(&w, r, 1);
	w.over = true;
	w.result = RESULT_WAR;
	for (int level = 0; level < AI_LEVEL_COUNT; level++) {
		struct ai a;
		struct orders o = { .n = 3 };
		ai_init(&a, level, SIDE_NATO, 1);
		ai_choose(&a, &w, r, &o);
		cr_assert_eq(o.n, 0);
	}
	free(r);
}

Test(ai, level_names_round_trip)
{
	for (int level = 0; level < AI_LEVEL_COUNT; level++)
		cr_assert_eq(ai_level_parse(ai_level_name(level)), level);
	cr_assert_eq(ai_level_parse("tit-for-tat"), AI_TIT_FOR_TAT);
	cr_assert_eq(ai_level_parse("Normal"), -1);
	cr_assert_eq(ai_level_parse(""), -1);
	cr_assert_eq(ai_level_parse(NULL), -1);
	cr_assert_str_eq(ai_level_name(99), "unknown");
	struct ai a;
	ai_init(&a, 99, 7, 1); /* bad input is clamped, never trusted */
	cr_assert_eq(a.level, AI_NORMAL);
	cr_assert_eq(a.side, SIDE_NATO);
	ai_init(&a, AI_HARD, SIDE_RUSSIA, 1);
	cr_assert_eq(a.budget, AI_HARD_BUDGET);
}

/* Stances come from effects, not ids: a renamed action keeps its stance, and
 * a scenario's own action is classified by what it does. */
Test(ai, stances_come_from_the_data)
{
	struct rules *r = load_default();
	int talks = rules_action_find(r, "talks");
	int deploy = rules_action_find(r, "deploy");
	cr_assert_geq(talks, 0);
	cr_assert_geq(deploy, 0);
	cr_assert_lt(ai_action_stance(r, talks), 0);
	cr_assert_gt(ai_action_stance(r, deploy), 0);
	strcpy(r->action[talks].id, "zzz");
	strcpy(r->action[deploy].id, "talks");
	cr_assert_lt(ai_action_stance(r, talks), 0);
	cr_assert_gt(ai_action_stance(r, deploy), 0);

	struct action *a = &r->action[deploy];
	a->neffects = 1;
	a->effects[0] = (struct effect){ { SCOPE_WORLD, VAR_DIALOGUE, RULES_NO_REGION }, EFFECT_ADD, 6 };
	rules_prepare(r); /* the rules changed by hand */
	cr_assert_lt(ai_action_stance(r, deploy), 0, "more dialogue is cooperative");
	a->effects[0] = (struct effect){ { SCOPE_WORLD, VAR_TENSION, RULES_NO_REGION }, EFFECT_ADD, 5 };
	rules_prepare(r); /* the rules changed by hand */
	cr_assert_gt(ai_action_stance(r, deploy), 0, "more tension is escalation");
	a->effects[0] = (struct effect){ { SCOPE_TARGET, VAR_STABILITY, RULES_NO_REGION }, EFFECT_ADD, 5 };
	rules_prepare(r); /* the rules changed by hand */
	cr_assert_eq(ai_action_stance(r, deploy), 0, "stability alone is neutral");
	cr_assert_eq(ai_action_stance(r, -1), 0);
	cr_assert_eq(ai_action_stance(r, r->nactions), 0);
	free(r);
}

/* A log in which SIDE gave ORDERS (action indices) last turn. */
static void fake_last_turn(struct world *w, int side, const int *actions, int n)
{
	w->log.n = 0;
	for (int i = 0; i < n; i++)
		cause_add(&w->log, (struct cause){ CAUSE_ORDER, (uint8_t)side, VAR_NONE, RULES_NO_REGION, 0,
		                                   (uint16_t)actions[i] });
}

static int orders_stance(const struct rules *r, const struct orders *o)
{
	int s = 0;
	for (int i = 0; i < o->n; i++)
		s += ai_action_stance(r, o->list[i].action);
	return s;
}

Test(ai, tit_for_tat_answers_in_kind)
{
	struct rules *r = load_default();
	int esc[] = { rules_action_find(r, "buildup"), rules_action_find(r, "red-line"),
	              rules_action_find(r, "snap-exercise") };
	int coop[] = { rules_action_find(r, "talks"), rules_action_find(r, "cyber-defense") };
	for (int i = 0; i < 3; i++)
		cr_assert_gt(ai_action_stance(r, esc[i]), 0);
	for (int seed = 1; seed <= 5; seed++) {
		struct world w;
		random_world(&w, r, (uint64_t)seed, 2);
		if (w.over)
			continue;
		struct ai a;
		struct orders after_esc, after_coop;
		fake_last_turn(&w, SIDE_RUSSIA, esc, 3);
		cr_assert_gt(ai_last_stance(&w, r, SIDE_RUSSIA, NULL), 0);
		ai_init(&a, AI_TIT_FOR_TAT, SIDE_NATO, (uint64_t)seed);
		ai_choose(&a, &w, r, &after_esc);
		fake_last_turn(&w, SIDE_RUSSIA, coop, 2);
		cr_assert_lt(ai_last_stance(&w, r, SIDE_RUSSIA, NULL), 0);
		ai_init(&a, AI_TIT_FOR_TAT, SIDE_NATO, (uint64_t)seed);
		ai_choose(&a, &w, r, &after_coop);
		cr_assert_gt(orders_stance(r, &after_esc), orders_stance(r, &after_coop),
		             "seed %d: answers escalation %d, cooperation %d", seed,
		             orders_stance(r, &after_esc), orders_stance(r, &after_coop));
		cr_assert_leq(orders_stance(r, &after_coop), 0, "seed %d: answers cooperation with %d, first %s",
		              seed, orders_stance(r, &after_coop),
		              after_coop.n ? r->action[after_coop.list[0].action].id : "nothing");
		cr_assert_gt(orders_stance(r, &after_esc), 0, "seed %d: answers escalation with %d, first %s",
		             seed, orders_stance(r, &after_esc),
		             after_esc.n ? r->action[after_esc.list[0].action].id : "nothing");
	}
	/* the first turn has no history: tit-for-tat opens cooperatively */
	struct world w;
	world_init(&w, r, 1);
	struct ai a;
	struct orders o;
	ai_init(&a, AI_TIT_FOR_TAT, SIDE_RUSSIA, 1);
	ai_choose(&a, &w, r, &o);
	cr_assert_leq(orders_stance(r, &o), 0);
	free(r);
}

/* Mean tension change of a turn when both sides play LEVEL, over many worlds. */
static double mean_tension_change(const struct rules *r, int level)
{
	long sum = 0;
	int n = 0;
	for (uint64_t seed = 1; seed <= 40; seed++) {
		struct world w;
		random_world(&w, r, seed, (int)(seed % 4));
		if (w.over)
			continue;
		struct ai a[SIDE_COUNT];
		struct orders o[SIDE_COUNT];
		for (int s = 0; s < SIDE_COUNT; s++) {
			ai_init(&a[s], level, s, seed);
			ai_choose(&a[s], &w, r, &o[s]);
		}
		int before = w.v[VAR_TENSION];
		turn_resolve(&w, r, o);
		sum += w.v[VAR_TENSION] - before;
		n++;
	}
	cr_assert_gt(n, 20);
	return (double)sum / n;
}

Test(ai, hawks_raise_tension_doves_lower_it)
{
	struct rules *r = load_default();
	double hawk = mean_tension_change(r, AI_HAWK);
	double dove = mean_tension_change(r, AI_DOVE);
	cr_assert_gt(hawk, dove + 5, "hawk %+.2f a turn, dove %+.2f", hawk, dove);
	cr_assert_lt(dove, 0, "dove %+.2f a turn", dove);
	free(r);
}

Test(ai, random_spends_its_points_over_many_actions)
{
	struct rules *r = load_default();
	struct world w;
	world_init(&w, r, 3);
	int used[RULES_MAX_ACTIONS] = { 0 };
	for (uint64_t seed = 0; seed < 200; seed++) {
		struct ai a;
		struct orders o;
		ai_init(&a, AI_RANDOM, SIDE_NATO, seed);
		ai_choose(&a, &w, r, &o);
		assert_legal(&w, r, SIDE_NATO, &o, "random");
		for (int i = 0; i < o.n; i++)
			used[o.list[i].action]++;
	}
	int kinds = 0;
	for (int k = 0; k < r->nactions; k++)
		kinds += used[k] > 0;
	cr_assert_geq(kinds, 6, "random used only %d actions", kinds);
	free(r);
}

Test(ai, hard_respects_any_budget)
{
	struct rules *r = load_default();
	struct world w;
	random_world(&w, r, 4, 1);
	uint32_t budgets[] = { 1, 2, 7, 200 };
	for (size_t k = 0; k < sizeof budgets / sizeof budgets[0]; k++) {
		struct ai a;
		struct orders o;
		ai_init(&a, AI_HARD, SIDE_RUSSIA, 5);
		a.budget = budgets[k];
		ai_choose(&a, &w, r, &o);
		assert_legal(&w, r, SIDE_RUSSIA, &o, "hard");
		cr_assert_gt(o.n, 0);
	}
	free(r);
}

/* The largest scenario the format allows: 32 regions, 48 actions (some free,
 * some proposals), every level still gives legal orders and whole games end. */
Test(ai, largest_scenario)
{
	static struct rules r;
	fixture_rules(&r);
	for (int i = r.nregions; i < RULES_MAX_REGIONS; i++) {
		r.region[i] = r.region[i % 4];
		snprintf(r.region[i].id, sizeof r.region[i].id, "region-%d", i);
		r.region[i].borders = 1u << (i - 1);
	}
	r.nregions = RULES_MAX_REGIONS;
	for (int a = r.nactions; a < RULES_MAX_ACTIONS; a++) {
		r.action[a] = r.action[a % FX_ACTIONS];
		snprintf(r.action[a].id, sizeof r.action[a].id, "action-%d", a);
		r.action[a].cost = (uint8_t)(a % 3);
		r.action[a].side = (uint8_t)(a % 3);
	}
	r.nactions = RULES_MAX_ACTIONS;
	r.side[SIDE_NATO].ap = RULES_MAX_AP;
	rules_prepare(&r);
	for (int level = 0; level < AI_LEVEL_COUNT; level++) {
		struct world w;
		struct ai a[SIDE_COUNT];
		world_init(&w, &r, (uint64_t)level);
		for (int s = 0; s < SIDE_COUNT; s++) {
			ai_init(&a[s], level, s, (uint64_t)(level + s));
			a[s].budget = 8;
		}
		while (!w.over) {
			struct orders o[SIDE_COUNT];
			for (int s = 0; s < SIDE_COUNT; s++) {
				ai_choose(&a[s], &w, &r, &o[s]);
				assert_legal(&w, &r, s, &o[s], ai_level_name(level));
			}
			turn_resolve(&w, &r, o);
			cr_assert_null(world_check(&w, &r));
		}
	}
}

/* Every level answers an open crisis (firm or back), and none when there is none. */
Test(ai, every_level_answers_a_crisis)
{
	struct rules *r = load_default();
	struct world w;
	for (int level = 0; level < AI_LEVEL_COUNT; level++)
		for (int side = 0; side < SIDE_COUNT; side++) {
			world_init(&w, r, 3);
			struct ai ai;
			ai_init(&ai, level, side, 9);
			if (level == AI_HARD)
				ai.budget = 8;
			struct orders o;
			ai_choose(&ai, &w, r, &o);
			cr_assert_eq(o.crisis, CRISIS_NONE, "%s answered a crisis that is not open", ai_level_name(level));
			w.crisis = 1; /* some incident of the rules */
			w.crisis_region = 0;
			ai_choose(&ai, &w, r, &o);
			cr_assert(o.crisis == CRISIS_FIRM || o.crisis == CRISIS_BACK, "%s gave no answer",
			          ai_level_name(level));
			if (level == AI_HAWK)
				cr_assert_eq(o.crisis, CRISIS_FIRM);
			if (level == AI_DOVE)
				cr_assert_eq(o.crisis, CRISIS_BACK);
		}
	free(r);
}

/* Tit-for-tat reads pressure and offers apart, with one rule for both sides:
 * NATO's aid and Russia's information campaign are both pressure. */
Test(ai, stance_is_symmetric)
{
	struct rules *r = load_default();
	int aid = rules_action_find(r, "aid"), info = rules_action_find(r, "info-campaign");
	int outreach = rules_action_find(r, "outreach"), talks = rules_action_find(r, "talks");
	cr_assert_gt(ai_action_stance(r, aid), 0);
	cr_assert_gt(ai_action_stance(r, outreach), 0);
	cr_assert_gt(ai_action_stance(r, info), 0);
	cr_assert_lt(ai_action_stance(r, talks), 0);
	free(r);
}

/* Normal and hard read the other side's record from the public log: a side
 * that presses with three orders in five and has stood firm in every crisis
 * is a bully, answered with deterrence (firm in crises) instead of
 * concessions; so is one that offers talks with every two pressing orders
 * ("talk and grab"). A side that backed down once, or talks as much as it
 * presses, is none. */
Test(ai, normal_reads_a_bullys_record_and_stands_firm)
{
	struct rules *r = load_default();
	int press[] = { rules_action_find(r, "info-campaign"), rules_action_find(r, "energy"),
	                rules_action_find(r, "buildup"), rules_action_find(r, "cyber-op") };
	int mixed[] = { rules_action_find(r, "info-campaign"), rules_action_find(r, "talks"),
	                rules_action_find(r, "arms-control"), rules_action_find(r, "energy") };
	int grab[] = { rules_action_find(r, "info-campaign"), rules_action_find(r, "talks"),
	               rules_action_find(r, "energy") };
	int fresh_back = 0;
	for (int seed = 1; seed <= 30; seed++) {
		for (int level = AI_NORMAL; level <= AI_HARD; level++) {
			struct world w;
			world_init(&w, r, (uint64_t)seed);
			struct ai bully, fresh, talker, grabber;
			ai_init(&bully, level, SIDE_NATO, (uint64_t)seed);
			ai_init(&fresh, level, SIDE_NATO, (uint64_t)seed);
			ai_init(&talker, level, SIDE_NATO, (uint64_t)seed);
			ai_init(&grabber, level, SIDE_NATO, (uint64_t)seed);
			bully.budget = fresh.budget = talker.budget = grabber.budget = 8;
			struct orders o;
			/* two turns of pressure, then a crisis in which both stood firm */
			for (int t = 0; t < 2; t++) {
				fake_last_turn(&w, SIDE_RUSSIA, press, 4);
				if (t == 1)
					cause_add(&w.log, (struct cause){ CAUSE_CRISIS, SIDE_BOTH, VAR_NONE, 0,
					                                  CRISIS_BOTH_FIRM, 0 });
				ai_choose(&bully, &w, r, &o);
				fake_last_turn(&w, SIDE_RUSSIA, mixed, 4);
				if (t == 1)
					cause_add(&w.log, (struct cause){ CAUSE_CRISIS, SIDE_BOTH, VAR_NONE, 0,
					                                  CRISIS_BOTH_FIRM, 0 });
				ai_choose(&talker, &w, r, &o);
				fake_last_turn(&w, SIDE_RUSSIA, grab, 3);
				if (t == 1)
					cause_add(&w.log, (struct cause){ CAUSE_CRISIS, SIDE_BOTH, VAR_NONE, 0,
					                                  CRISIS_BOTH_FIRM, 0 });
				ai_choose(&grabber, &w, r, &o);
			}
			cr_assert(ai_faces_bully(&bully), "seed %d: %d of %d orders pressed, firm %d", seed,
			          bully.opp_press, bully.opp_orders, bully.opp_firm);
			cr_assert(!ai_faces_bully(&talker), "seed %d: half its orders were offers", seed);
			cr_assert(ai_faces_bully(&grabber), "seed %d: talk and grab, %d of %d orders pressed", seed,
			          grabber.opp_press, grabber.opp_orders);
			cr_assert(!ai_faces_bully(&fresh), "no record, no bully");
			w.crisis = 1;
			w.crisis_region = 4;
			w.log.n = 0;
			cr_assert_eq(ai_crisis_choice(&bully, &w, r), CRISIS_FIRM, "seed %d: %s swerved before a bully",
			             seed, ai_level_name(level));
			fresh_back += ai_crisis_choice(&fresh, &w, r) == CRISIS_BACK;
			/* a bully that backs down once is no longer one */
			cause_add(&w.log, (struct cause){ CAUSE_CRISIS, SIDE_BOTH, VAR_NONE, 0, CRISIS_NATO_FIRM, 0 });
			w.crisis = 0;
			ai_choose(&bully, &w, r, &o);
			cr_assert(!ai_faces_bully(&bully), "seed %d: it backed down", seed);
		}
	}
	/* without the record, the same crises are a mixed strategy: some back down */
	cr_assert_gt(fresh_back, 0);
	free(r);
}

/* A shared memo of menus changes no choice: every pairing of levels, played
 * with one memo for both AIs (cleared each turn, as the simulator does) and
 * without, gives the same orders turn by turn; and a menu read back from the
 * memo is the one ai_menu_build makes. */
Test(ai, memo_changes_no_choice)
{
	struct rules *r = load_default();
	static const int levels[] = { AI_NORMAL, AI_EASY, AI_HAWK, AI_DOVE, AI_TIT_FOR_TAT, AI_GREEDY };
	int n = (int)(sizeof levels / sizeof levels[0]);
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j += 2) {
			struct world w;
			struct ai plain[SIDE_COUNT], shared[SIDE_COUNT];
			world_init(&w, r, 40u + (unsigned)i);
			for (int s = 0; s < SIDE_COUNT; s++) {
				int level = s == SIDE_NATO ? levels[i] : levels[j];
				ai_init(&plain[s], level, s, 9u + (unsigned)s);
				ai_init(&shared[s], level, s, 9u + (unsigned)s);
			}
			struct ai_memo memo;
			while (!w.over) {
				struct orders a[SIDE_COUNT], b[SIDE_COUNT];
				ai_memo_clear(&memo);
				for (int s = 0; s < SIDE_COUNT; s++) {
					ai_choose(&plain[s], &w, r, &a[s]);
					ai_choose_shared(&shared[s], &w, r, &memo, &b[s]);
					cr_assert_eq(a[s].n, b[s].n, "turn %d, %s vs %s", w.turn, ai_level_name(levels[i]),
					             ai_level_name(levels[j]));
					cr_assert_eq(a[s].crisis, b[s].crisis);
					for (int k = 0; k < a[s].n; k++)
						cr_assert(a[s].list[k].action == b[s].list[k].action &&
						          a[s].list[k].region == b[s].list[k].region);
				}
				turn_resolve(&w, r, a);
			}
			cr_assert_gt(memo.n, 0, "the memo was never used");
		}
	struct world w;
	random_world(&w, r, 5, 4);
	struct ai_memo memo;
	ai_memo_clear(&memo);
	for (int s = 0; s < SIDE_COUNT; s++) {
		struct ai_menu built, first, again;
		ai_menu_build(&w, r, s, ai_weights_of(AI_NORMAL), &built);
		ai_menu_get(&memo, &w, r, s, ai_weights_of(AI_NORMAL), &first);
		ai_menu_get(&memo, &w, r, s, ai_weights_of(AI_NORMAL), &again);
		const struct ai_menu *got[] = { &first, &again };
		for (int k = 0; k < 2; k++) {
			cr_assert_eq(got[k]->n, built.n);
			for (int i = 0; i < built.n; i++) {
				const struct ai_pick *p = &built.p[i], *q = &got[k]->p[i];
				cr_assert(p->worth == q->worth && p->gain == q->gain && p->stance == q->stance &&
				          p->action == q->action && p->region == q->region && p->match == q->match);
			}
		}
	}
	cr_assert_eq(memo.n, SIDE_COUNT);
	free(r);
}

/* A quick fill without dice (the candidates' fills) takes a shorter path
 * than one with dice; with dice that change nothing (no noise, top-1) both
 * must give the same orders and worth, on many positions, every opening
 * (first) and tilt, for both sides, and the dice must not be drawn. */
Test(ai, quick_fill_without_dice_is_the_general_fill)
{
	struct rules *r = load_default();
	struct ai_weights wt = *ai_weights_of(AI_NORMAL);
	wt.quick = 1;
	wt.noise = 0;
	wt.topk = 1;
	static const int tilts[] = { 0, 40, -40 };
	int compared = 0;
	for (uint64_t seed = 1; seed <= 12; seed++)
		for (int turns = 0; turns < 8; turns += 3) {
			struct world w;
			random_world(&w, r, seed, turns);
			if (w.over)
				continue;
			for (int s = 0; s < SIDE_COUNT; s++) {
				struct ai_menu m;
				ai_menu_build(&w, r, s, &wt, &m);
				for (int first = -1; first < 5; first++)
					for (int t = 0; t < 3; t++) {
						struct orders a, b;
						uint64_t dice = 77, before = dice;
						int ga = ai_menu_fill(&w, r, s, &wt, &m, first, tilts[t], NULL, &a);
						int gb = ai_menu_fill(&w, r, s, &wt, &m, first, tilts[t], &dice, &b);
						cr_assert_eq(dice, before, "no noise, top-1: nothing drawn");
						cr_assert_eq(ga, gb, "seed %llu turn %d side %d first %d tilt %d",
						             (unsigned long long)seed, w.turn, s, first, tilts[t]);
						cr_assert_eq(a.n, b.n);
						for (int k = 0; k < a.n; k++)
							cr_assert(a.list[k].action == b.list[k].action &&
							          a.list[k].region == b.list[k].region);
						compared += a.n > 0;
					}
			}
		}
	cr_assert_gt(compared, 100, "too few fills compared: %d", compared);
	free(r);
}
