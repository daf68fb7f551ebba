/* sim.c - headless AI-vs-AI batches on threads, in blocks of games.
 *
 * Games are played a block at a time: the block's games are dealt to the
 * threads (thread j plays every jobs-th game), each writes its games into its
 * own slots of the block and counts action use in its own totals; then the
 * block's rows go out in game order. Memory is one block of rows, allocated
 * once per run, never inside a game. */
#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "../ai/ai.h"
#include "../engine/rng.h"
#include "../engine/turn.h"
#include "../explain/explain.h"
#include "sim.h"

#define SIM_BLOCK 8192 /* games per block: bounds memory, keeps rows in order */

uint64_t sim_game_seed(uint64_t seed, uint64_t index)
{
	return rng_mix(seed ^ rng_mix(index));
}

uint64_t sim_shard_games(const struct sim_config *c)
{
	if (c->shards == 0 || c->shard >= c->shards)
		return 0;
	return c->games / c->shards + (c->shard < c->games % c->shards ? 1 : 0);
}

const char *sim_result_word(int result)
{
	return explain_result_id(result);
}

void sim_play(const struct rules *r, const struct sim_config *c, uint64_t index, struct sim_game *g,
              struct sim_totals *t)
{
	uint64_t seed = sim_game_seed(c->seed, index);
	struct world w;
	struct ai ai[SIDE_COUNT];
	world_init(&w, r, seed);
	int crises = 0, standoffs = 0;
	for (int s = 0; s < SIDE_COUNT; s++) {
		ai_init(&ai[s], c->level[s], s, rng_mix(seed + 1 + (uint64_t)s));
		if (c->budget)
			ai[s].budget = c->budget;
	}
	struct ai_memo memo; /* menus both AIs build on this turn's world */
	while (!w.over) {
		struct orders o[SIDE_COUNT];
		ai_memo_clear(&memo);
		for (int s = 0; s < SIDE_COUNT; s++) {
			if (c->fixed[s].n)
				sim_fixed_orders(&w, r, s, &c->fixed[s], &o[s]);
			else
				ai_choose_shared(&ai[s], &w, r, &memo, &o[s]);
			if (!t)
				continue;
			t->orders[s] += o[s].n;
			for (int i = 0; i < o[s].n; i++)
				if (o[s].list[i].action < RULES_MAX_ACTIONS)
					t->uses[s][o[s].list[i].action]++;
		}
		if (turn_resolve(&w, r, o) != 0)
			break;
		for (int i = 0; i < w.log.n; i++) {
			const struct cause *k = &w.log.rec[i];
			if (k->var != VAR_NONE)
				continue;
			if (k->kind == CAUSE_CRISIS) {
				crises++;
				standoffs += k->delta >= CRISIS_BOTH_FIRM;
			} else if (!t) {
				continue;
			} else if ((k->kind == CAUSE_EVENT || k->kind == CAUSE_INCIDENT) && k->source < RULES_MAX_EVENTS) {
				t->fired[k->source]++;
			} else if (k->kind == CAUSE_MISCALC && k->source) {
				t->struck++;
			}
		}
	}
	uint32_t decided_by = 0;
	if (w.result == RESULT_NATO || w.result == RESULT_RUSSIA) {
		int winner = w.result == RESULT_NATO ? SIDE_NATO : SIDE_RUSSIA;
		for (int i = 0; i < r->nregions; i++) {
			int a0 = r->region[i].start[VAR_ALIGNMENT - VAR_WORLD_END];
			int held0 = a0 >= r->victory.control ? SIDE_NATO : a0 <= -r->victory.control ? SIDE_RUSSIA : SIDE_BOTH;
			if (turn_controller(&w, r, i) == winner && held0 != winner)
				decided_by |= 1u << i;
		}
	}
	*g = (struct sim_game){
		.decided_by = decided_by,
		.crises = (uint8_t)crises,
		.standoffs = (uint8_t)standoffs,
		.index = index,
		.seed = seed,
		.result = w.result,
		.turns = w.turn,
		.tension = w.v[VAR_TENSION],
		.score = { w.score[SIDE_NATO], w.score[SIDE_RUSSIA] },
		.security = (int16_t)world_security_index(&w, r),
	};
}

int sim_fixed_parse(const struct rules *r, int side, const char *policy, struct sim_fixed *f, char *err,
                    size_t errlen)
{
	memset(f, 0, sizeof *f);
	if (strncmp(policy, "fixed:", 6) != 0) {
		snprintf(err, errlen, "'%s' is no fixed strategy (fixed:ACTION[@REGION],...)", policy);
		return -1;
	}
	const char *p = policy + 6;
	while (*p) {
		char item[2 * RULES_ID_MAX + 2];
		size_t len = strcspn(p, ",");
		if (len == 0 || len >= sizeof item) {
			snprintf(err, errlen, "empty or overlong order in '%s'", policy);
			return -1;
		}
		memcpy(item, p, len);
		item[len] = 0;
		p += len + (p[len] == ',');
		char *at = strchr(item, '@');
		if (at)
			*at++ = 0;
		int a = rules_action_find(r, item);
		if (a < 0 || !rules_action_for_side(r, a, side)) {
			snprintf(err, errlen, "unknown action '%s' for %s in '%s'", item, side_id(side), policy);
			return -1;
		}
		int g = RULES_NO_REGION;
		if (r->action[a].target == TARGET_REGION) {
			if (!at) {
				snprintf(err, errlen, "action '%s' needs a region (ACTION@REGION) in '%s'", item,
				         policy);
				return -1;
			}
			if ((g = rules_region_find(r, at)) < 0) {
				snprintf(err, errlen, "unknown region '%s' in '%s'", at, policy);
				return -1;
			}
		} else if (at) {
			snprintf(err, errlen, "action '%s' takes no region in '%s'", item, policy);
			return -1;
		}
		if (f->n >= ORDERS_MAX) {
			snprintf(err, errlen, "more than %d orders in '%s'", ORDERS_MAX, policy);
			return -1;
		}
		f->list[f->n++] = (struct order){ (uint8_t)a, (uint8_t)g };
	}
	if (f->n == 0) {
		snprintf(err, errlen, "no orders in '%s'", policy);
		return -1;
	}
	return 0;
}

void sim_fixed_orders(const struct world *w, const struct rules *r, int side, const struct sim_fixed *f,
                      struct orders *out)
{
	out->n = 0;
	out->crisis = w->crisis ? CRISIS_FIRM : CRISIS_NONE;
	for (int i = 0; i < f->n; i++)
		orders_add(w, r, side, out, f->list[i].action, f->list[i].region, NULL);
}

void sim_totals_add(struct sim_totals *t, const struct sim_game *g)
{
	t->games++;
	if (g->result <= RESULT_PEACE)
		t->results[g->result]++;
	t->turns += g->turns;
	t->tension += (uint64_t)(g->tension > 0 ? g->tension : 0);
	t->security += (uint64_t)(g->security > 0 ? g->security : 0);
	for (int s = 0; s < SIDE_COUNT; s++)
		t->score[s] += g->score[s];
	t->crises += g->crises;
	t->standoffs += g->standoffs;
	for (int i = 0; i < RULES_MAX_REGIONS; i++)
		if (g->decided_by & (1u << i))
			t->decided_by[i]++;
}

struct job {
	const struct rules *r;
	const struct sim_config *c;
	struct sim_game *rows;   /* the block's rows */
	uint64_t first, n;       /* shard-local number of the block's first game, games in it */
	int id, jobs;            /* this job plays rows id, id + jobs, ... */
	struct sim_totals t;     /* its action counts */
};

static void *job_run(void *arg)
{
	struct job *j = arg;
	for (uint64_t k = (uint64_t)j->id; k < j->n; k += (uint64_t)j->jobs) {
		uint64_t index = j->c->shard + (j->first + k) * j->c->shards;
		sim_play(j->r, j->c, index, &j->rows[k], &j->t);
		if (j->c->played)
			__atomic_fetch_add(j->c->played, 1, __ATOMIC_RELAXED);
	}
	return NULL;
}

int sim_run(const struct rules *r, const struct sim_config *c, struct sim_totals *t, sim_row_fn row,
            void *ctx)
{
	memset(t, 0, sizeof *t);
	if (c->jobs < 1 || c->jobs > SIM_JOBS_MAX || c->shards == 0 || c->shard >= c->shards)
		return -1;
	uint64_t total = sim_shard_games(c);
	if (total == 0)
		return 0;
	uint64_t block = total < SIM_BLOCK ? total : SIM_BLOCK;
	struct sim_game *rows = malloc(block * sizeof *rows);
	struct job *jobs = calloc((size_t)c->jobs, sizeof *jobs);
	pthread_t *tid = calloc((size_t)c->jobs, sizeof *tid);
	if (!rows || !jobs || !tid) {
		free(rows);
		free(jobs);
		free(tid);
		return -1;
	}
	for (uint64_t first = 0; first < total; first += block) {
		uint64_t n = total - first < block ? total - first : block;
		int nj = (uint64_t)c->jobs < n ? c->jobs : (int)n;
		bool started[SIM_JOBS_MAX] = { false };
		for (int j = 0; j < nj; j++) {
			jobs[j] = (struct job){ r, c, rows, first, n, j, nj, { 0 } };
			if (j > 0)
				started[j] = pthread_create(&tid[j], NULL, job_run, &jobs[j]) == 0;
		}
		job_run(&jobs[0]);
		for (int j = 1; j < nj; j++) {
			if (started[j])
				pthread_join(tid[j], NULL);
			else
				job_run(&jobs[j]); /* no thread: play its share here */
		}
		for (int j = 0; j < nj; j++)
			for (int s = 0; s < SIDE_COUNT; s++) {
				t->orders[s] += jobs[j].t.orders[s];
				for (int a = 0; a < RULES_MAX_ACTIONS; a++)
					t->uses[s][a] += jobs[j].t.uses[s][a];
			}
		for (int j = 0; j < nj; j++) {
			for (int e = 0; e < RULES_MAX_EVENTS; e++)
				t->fired[e] += jobs[j].t.fired[e];
			t->struck += jobs[j].t.struck;
		}
		for (uint64_t k = 0; k < n; k++) {
			sim_totals_add(t, &rows[k]);
			if (row)
				row(ctx, &rows[k]);
		}
	}
	free(rows);
	free(jobs);
	free(tid);
	return 0;
}
