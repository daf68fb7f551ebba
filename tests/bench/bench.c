/* bench.c - `make bench`: speed and size figures of the engine, the AI and the simulator.
 *
 * Prints `key: value` lines on the default scenario (scenarios/door-closed.cfg),
 * one thread. Goals (issue 10): random games >= 200,000/s, normal-AI games
 * >= 5,000/s, a hard decision at its default budget about 100 ms or less. Times are the
 * thread's CPU time, so other jobs on the machine disturb them little. Speed lives
 * here, not in the unit tests, so no test depends on the machine's load. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../../game/ai/ai.h"
#include "../../game/ai/ai_policy.h"
#include "../../game/engine/turn.h"
#include "../../game/scenario/scenario.h"
#include "../../game/sim/sim.h"

/* CPU time of this thread, in seconds: the figures are per core, and on a
 * machine shared with other jobs wall time would measure the others too. */
static double bench_clock(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Games a second for NATO and Russia at LEVEL, one thread: the best of
 * BENCH_RUNS runs of the same games, each of at least MIN_GAMES games and
 * 0.5 s. The best, because on a shared machine other jobs (and the CPU's
 * clock) only ever slow a run down. Also fills *t. */
#define BENCH_RUNS 5
static double bench_games(const struct rules *r, int level, uint64_t min_games, struct sim_totals *t)
{
	double best = 0;
	for (int k = 0; k < BENCH_RUNS; k++) {
		struct sim_config c = { .seed = 1, .games = min_games, .level = { (uint8_t)level, (uint8_t)level },
		                        .jobs = 1, .shard = 0, .shards = 1 };
		double t0 = bench_clock(), dt;
		uint64_t games = 0;
		do {
			c.seed++;
			sim_run(r, &c, t, NULL, NULL);
			games += c.games;
			dt = bench_clock() - t0;
		} while (dt < 0.5);
		if ((double)games / dt > best)
			best = (double)games / dt;
	}
	return best;
}

/* Mean milliseconds of one decision of LEVEL over a few worlds of a game
 * between normal AIs (the start and mid-game positions). */
static double bench_decision(const struct rules *r, int level, int *decisions)
{
	struct world w;
	world_init(&w, r, 42);
	struct ai play[SIDE_COUNT];
	ai_init(&play[SIDE_NATO], AI_NORMAL, SIDE_NATO, 1);
	ai_init(&play[SIDE_RUSSIA], AI_NORMAL, SIDE_RUSSIA, 2);
	double total = 0;
	int n = 0;
	while (!w.over) {
		for (int s = 0; s < SIDE_COUNT; s++) {
			struct ai probe;
			struct orders o;
			ai_init(&probe, level, s, (uint64_t)n + 7);
			double t0 = bench_clock();
			ai_choose(&probe, &w, r, &o);
			total += bench_clock() - t0;
			n++;
		}
		struct orders o[SIDE_COUNT];
		for (int s = 0; s < SIDE_COUNT; s++)
			ai_choose(&play[s], &w, r, &o[s]);
		turn_resolve(&w, r, o);
	}
	*decisions = n;
	return n ? total * 1000 / n : 0;
}

/* turn_resolve calls a second with empty orders, from a fresh world each game. */
static double bench_resolve(const struct rules *r)
{
	struct orders none[SIDE_COUNT] = { { 0 }, { 0 } };
	struct world w;
	uint64_t turns = 0;
	double t0 = bench_clock(), dt;
	do {
		for (int g = 0; g < 1000; g++) {
			world_init(&w, r, (uint64_t)g);
			while (!w.over) {
				turn_resolve(&w, r, none);
				turns++;
			}
		}
		dt = bench_clock() - t0;
	} while (dt < 0.3);
	return (double)turns / dt;
}

static double top_share(const struct rules *r, const struct sim_totals *t, int side, int *top)
{
	*top = -1;
	for (int a = 0; a < r->nactions; a++)
		if (t->uses[side][a] && (*top < 0 || t->uses[side][a] > t->uses[side][*top]))
			*top = a;
	return *top >= 0 && t->orders[side] ? (double)t->uses[side][*top] / (double)t->orders[side] : 0;
}

int main(void)
{
	const char *path = "scenarios/door-closed.cfg";
	struct rules *r = malloc(sizeof *r);
	struct diags *ds = calloc(1, sizeof *ds);
	if (!r || !ds)
		return 1;
	if (scenario_load(path, r, ds) != 0) {
		diag_print(ds, stderr);
		fprintf(stderr, "bench: cannot load %s (run make bench from the repository root)\n", path);
		return 1;
	}
	free(ds);
	struct sim_totals t;
	printf("scenario: %s\n", r->id);
	printf("world_bytes: %zu\n", sizeof(struct world));
	printf("rules_bytes: %zu\n", sizeof(struct rules));
	printf("ai_bytes: %zu\n", sizeof(struct ai));
	printf("turn_resolve_per_second: %.0f\n", bench_resolve(r));
	printf("random_games_per_second: %.0f\n", bench_games(r, AI_RANDOM, 5000, &t));
	printf("greedy_games_per_second: %.0f\n", bench_games(r, AI_GREEDY, 500, &t));
	printf("normal_games_per_second: %.0f\n", bench_games(r, AI_NORMAL, 200, &t));
	for (int s = 0; s < SIDE_COUNT; s++) {
		int top;
		double share = top_share(r, &t, s, &top);
		printf("normal_%s_top_action: %s %.3f\n", side_id(s), top >= 0 ? r->action[top].id : "none",
		       share);
	}
	int n;
	double ms = bench_decision(r, AI_NORMAL, &n);
	printf("normal_decision_ms: %.3f\n", ms);
	ms = bench_decision(r, AI_HARD, &n);
	printf("hard_budget_playouts: %d\n", AI_HARD_BUDGET);
	printf("hard_decision_ms: %.3f\n", ms);
	printf("hard_decisions_timed: %d\n", n);
	free(r);
	return 0;
}
