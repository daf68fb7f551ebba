/* test_sim.c - the simulator: per-game seeds, any --jobs gives the same games,
 * shards add up to the whole, rows come in game order. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../game/ai/ai.h"
#include "../game/scenario/scenario.h"
#include "../game/sim/sim.h"
#include "fixture.h"

TestSuite(sim);

#define ROWS_MAX 512

struct rows {
	int n;
	struct sim_game g[ROWS_MAX];
};

static void keep(void *ctx, const struct sim_game *g)
{
	struct rows *rows = ctx;
	cr_assert_lt(rows->n, ROWS_MAX);
	rows->g[rows->n++] = *g;
}

static struct rules *load_default(void)
{
	struct rules *r = malloc(sizeof *r);
	struct diags *ds = calloc(1, sizeof *ds);
	cr_assert(r && ds);
	cr_assert_eq(scenario_load("scenarios/door-closed.cfg", r, ds), 0);
	free(ds);
	return r;
}

static struct sim_config config(int nato, int russia, uint64_t games, int jobs)
{
	return (struct sim_config){ .seed = 7, .games = games, .level = { (uint8_t)nato, (uint8_t)russia },
	                            .budget = 8, .jobs = jobs, .shard = 0, .shards = 1 };
}

static void assert_same_games(const struct rows *a, const struct rows *b)
{
	cr_assert_eq(a->n, b->n);
	for (int i = 0; i < a->n; i++) {
		const struct sim_game *x = &a->g[i], *y = &b->g[i];
		cr_assert_eq(x->index, y->index, "row %d", i);
		cr_assert_eq(x->seed, y->seed, "row %d", i);
		cr_assert_eq(x->result, y->result, "game %llu", (unsigned long long)x->index);
		cr_assert_eq(x->turns, y->turns);
		cr_assert_eq(x->tension, y->tension);
		cr_assert_eq(x->score[0], y->score[0]);
		cr_assert_eq(x->score[1], y->score[1]);
		cr_assert_eq(x->security, y->security);
	}
}

static void assert_same_totals(const struct sim_totals *a, const struct sim_totals *b)
{
	cr_assert_eq(a->games, b->games);
	cr_assert_arr_eq(a->results, b->results, sizeof a->results);
	cr_assert_eq(a->turns, b->turns);
	cr_assert_eq(a->tension, b->tension);
	cr_assert_eq(a->security, b->security);
	cr_assert_arr_eq(a->orders, b->orders, sizeof a->orders);
	cr_assert_arr_eq(a->uses, b->uses, sizeof a->uses);
}

Test(sim, game_seed_depends_on_seed_and_index_only)
{
	cr_assert_eq(sim_game_seed(7, 3), sim_game_seed(7, 3));
	cr_assert_neq(sim_game_seed(7, 3), sim_game_seed(7, 4));
	cr_assert_neq(sim_game_seed(7, 3), sim_game_seed(8, 3));
	cr_assert_neq(sim_game_seed(0, 1), sim_game_seed(1, 0));
}

Test(sim, jobs_do_not_change_results)
{
	struct rules *r = load_default();
	static struct rows one, two, three;
	struct sim_totals t1, t2, t3;
	struct sim_config c = config(AI_NORMAL, AI_EASY, 60, 1);
	cr_assert_eq(sim_run(r, &c, &t1, keep, &one), 0);
	c.jobs = 2;
	cr_assert_eq(sim_run(r, &c, &t2, keep, &two), 0);
	c.jobs = 3;
	cr_assert_eq(sim_run(r, &c, &t3, keep, &three), 0);
	cr_assert_eq(t1.games, 60);
	assert_same_games(&one, &two);
	assert_same_games(&one, &three);
	assert_same_totals(&t1, &t2);
	assert_same_totals(&t1, &t3);
	for (int i = 0; i < one.n; i++)
		cr_assert_eq(one.g[i].index, (uint64_t)i, "rows come in game order");
	free(r);
}

Test(sim, events_fired_are_counted_the_same_at_any_jobs)
{
	struct rules *r = load_default();
	struct sim_totals t1, t2;
	struct sim_config c = config(AI_HAWK, AI_HAWK, 40, 1);
	cr_assert_eq(sim_run(r, &c, &t1, NULL, NULL), 0);
	c.jobs = 2;
	cr_assert_eq(sim_run(r, &c, &t2, NULL, NULL), 0);
	uint64_t events = 0, incidents = 0;
	for (int e = 0; e < RULES_MAX_EVENTS; e++) {
		cr_assert_eq(t1.fired[e], t2.fired[e], "event %d", e);
		if (e >= r->nevents)
			cr_assert_eq(t1.fired[e], 0, "no event beyond the rules' %d", r->nevents);
		else if (r->event[e].kind == EVENT_INCIDENT)
			incidents += t1.fired[e];
		else
			events += t1.fired[e];
	}
	cr_assert_eq(t1.struck, t2.struck);
	cr_assert_gt(events, 0, "hawks' games have events");
	cr_assert_gt(t1.struck, 0, "hawks' tension brings miscalculations");
	cr_assert_leq(incidents, t1.struck, "an incident only when a miscalculation struck");
	free(r);
}

Test(sim, more_jobs_than_games)
{
	struct rules *r = load_default();
	static struct rows a, b;
	struct sim_totals ta, tb;
	struct sim_config c = config(AI_RANDOM, AI_HAWK, 3, 1);
	cr_assert_eq(sim_run(r, &c, &ta, keep, &a), 0);
	c.jobs = 8;
	cr_assert_eq(sim_run(r, &c, &tb, keep, &b), 0);
	assert_same_games(&a, &b);
	assert_same_totals(&ta, &tb);
	free(r);
}

Test(sim, shards_add_up_to_the_whole)
{
	struct rules *r = load_default();
	static struct rows whole, part[3];
	struct sim_totals tw, tp[3];
	struct sim_config c = config(AI_GREEDY, AI_RANDOM, 50, 2);
	cr_assert_eq(sim_run(r, &c, &tw, keep, &whole), 0);
	c.shards = 3;
	uint64_t sum = 0;
	for (int s = 0; s < 3; s++) {
		c.shard = (uint64_t)s;
		cr_assert_eq(sim_run(r, &c, &tp[s], keep, &part[s]), 0);
		cr_assert_eq((uint64_t)part[s].n, sim_shard_games(&c));
		sum += tp[s].games;
		for (int k = 0; k < part[s].n; k++) {
			const struct sim_game *g = &part[s].g[k];
			cr_assert_eq(g->index % 3, (uint64_t)s);
			/* the same game as in the whole run, field by field */
			struct rows one = { 1, { whole.g[g->index] } };
			struct rows other = { 1, { *g } };
			assert_same_games(&one, &other);
		}
	}
	cr_assert_eq(sum, 50);
	struct sim_totals merged;
	memset(&merged, 0, sizeof merged);
	for (int s = 0; s < 3; s++) {
		merged.games += tp[s].games;
		merged.turns += tp[s].turns;
		merged.tension += tp[s].tension;
		merged.security += tp[s].security;
		for (int k = 0; k <= RESULT_PEACE; k++)
			merged.results[k] += tp[s].results[k];
		for (int side = 0; side < SIDE_COUNT; side++) {
			merged.orders[side] += tp[s].orders[side];
			for (int a = 0; a < RULES_MAX_ACTIONS; a++)
				merged.uses[side][a] += tp[s].uses[side][a];
		}
	}
	assert_same_totals(&tw, &merged);
	free(r);
}

Test(sim, bad_configs_are_refused)
{
	static struct rules r;
	fixture_rules(&r);
	struct sim_totals t;
	struct sim_config c = config(AI_RANDOM, AI_RANDOM, 5, 0);
	cr_assert_eq(sim_run(&r, &c, &t, NULL, NULL), -1);
	c.jobs = SIM_JOBS_MAX + 1;
	cr_assert_eq(sim_run(&r, &c, &t, NULL, NULL), -1);
	c.jobs = 1;
	c.shards = 0;
	cr_assert_eq(sim_run(&r, &c, &t, NULL, NULL), -1);
	c.shards = 2;
	c.shard = 2;
	cr_assert_eq(sim_run(&r, &c, &t, NULL, NULL), -1);
	c.shard = 1;
	c.games = 1; /* shard 1 of 2 of a single game: nothing to play */
	cr_assert_eq(sim_run(&r, &c, &t, NULL, NULL), 0);
	cr_assert_eq(t.games, 0);
}

Test(sim, games_are_complete_and_counted)
{
	static struct rules r;
	fixture_rules(&r);
	static struct rows rows;
	struct sim_totals t;
	struct sim_config c = config(AI_HAWK, AI_DOVE, 40, 2);
	cr_assert_eq(sim_run(&r, &c, &t, keep, &rows), 0);
	uint64_t results = 0, turns = 0;
	for (int k = 0; k <= RESULT_PEACE; k++)
		results += t.results[k];
	cr_assert_eq(results, 40);
	cr_assert_eq(t.results[RESULT_NONE], 0, "every game ends");
	for (int i = 0; i < rows.n; i++) {
		cr_assert_leq(rows.g[i].turns, r.turns);
		cr_assert(rows.g[i].result == RESULT_WAR || rows.g[i].turns == r.turns);
		cr_assert_eq(rows.g[i].seed, sim_game_seed(7, (uint64_t)i));
		turns += rows.g[i].turns;
	}
	cr_assert_eq(t.turns, turns);
	uint64_t uses = 0;
	for (int a = 0; a < RULES_MAX_ACTIONS; a++)
		uses += t.uses[SIDE_NATO][a];
	cr_assert_eq(uses, t.orders[SIDE_NATO]);
	cr_assert_gt(uses, 0);
}

Test(sim, result_words)
{
	cr_assert_str_eq(sim_result_word(RESULT_NATO), "nato");
	cr_assert_str_eq(sim_result_word(RESULT_RUSSIA), "russia");
	cr_assert_str_eq(sim_result_word(RESULT_DRAW), "draw");
	cr_assert_str_eq(sim_result_word(RESULT_WAR), "war");
	cr_assert_str_eq(sim_result_word(RESULT_PEACE), "peace");
	cr_assert_str_eq(sim_result_word(99), "none");
}
