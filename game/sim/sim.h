/* sim.h - headless AI-vs-AI batches: per-game seeds, threads, shards, totals, CSV rows.
 *
 * Game i of a batch with seed S plays with sim_game_seed(S, i) and nothing
 * else, so a batch gives the same games whatever the number of threads or
 * shards; totals are integer sums, so they combine in any order to the same
 * numbers, and rows are handed out in game order. No I/O here: the caller
 * (game/cmd/cmd_sim.c) prints. */
#ifndef BRINK_SIM_H
#define BRINK_SIM_H

#include <stddef.h>
#include <stdint.h>

#include "../engine/order.h"
#include "../engine/world.h"

#define SIM_JOBS_MAX 256

/* A fixed strategy: the same orders every turn, each given when it is
 * affordable and allowed (in this order); it stands firm in crises. */
struct sim_fixed {
	uint8_t n;                   /* 0: the side is played by its AI level */
	struct order list[ORDERS_MAX];
};

struct sim_config {
	uint64_t seed;               /* the batch seed S */
	uint64_t games;              /* games in the whole batch, before sharding */
	uint8_t level[SIDE_COUNT];   /* enum ai_level of each side */
	struct sim_fixed fixed[SIDE_COUNT]; /* a fixed strategy in place of the level, if n > 0 */
	uint32_t budget;             /* hard AI playouts per decision; 0: its default */
	int jobs;                    /* threads, 1..SIM_JOBS_MAX */
	uint64_t shard, shards;      /* run only games with index % shards == shard; shards >= 1 */
	uint64_t *played;            /* when not NULL: counts finished games as they finish
	                                (atomically, any thread), for a progress display */
};

/* One finished game: a CSV row. */
struct sim_game {
	uint64_t index;              /* game number in the whole batch, from 0 */
	uint64_t seed;               /* its seed: sim_game_seed(S, index) */
	uint8_t result;              /* enum result */
	uint8_t turns;               /* turns played */
	int16_t tension;             /* final tension */
	int16_t score[SIDE_COUNT];   /* final scores */
	int16_t security;            /* final security index */
	uint8_t crises, standoffs;   /* crises resolved; those where both stood firm */
	uint32_t decided_by;         /* bit i: region i ended held by the winner, who did
	                                not hold it at the start */
};

/* Integer sums over games: add in any order, same result. */
struct sim_totals {
	uint64_t games;
	uint64_t results[RESULT_PEACE + 1];           /* games by enum result */
	uint64_t turns, tension, security;            /* sums of the final values */
	int64_t score[SIDE_COUNT];                    /* sums of the final scores */
	uint64_t decided_by[RULES_MAX_REGIONS];       /* decided games each region swung */
	uint64_t crises, standoffs;                   /* sums over games */
	uint64_t orders[SIDE_COUNT];                  /* orders given by each side */
	uint64_t uses[SIDE_COUNT][RULES_MAX_ACTIONS]; /* orders per action, per side */
	uint64_t fired[RULES_MAX_EVENTS];             /* times each event or incident fired */
	uint64_t struck;                              /* miscalculations that struck */
};

/* Called for each game, in game order; CTX is the caller's. */
typedef void (*sim_row_fn)(void *ctx, const struct sim_game *g);

/* The seed of game INDEX in a batch seeded SEED. */
uint64_t sim_game_seed(uint64_t seed, uint64_t index);

/* Number of games the shard of C runs. */
uint64_t sim_shard_games(const struct sim_config *c);

/* Play game INDEX of the batch C on rules R into *G, adding its orders to
 * T->orders and T->uses, the events fired to T->fired and the
 * miscalculations to T->struck (T may be NULL). No allocation. */
void sim_play(const struct rules *r, const struct sim_config *c, uint64_t index, struct sim_game *g,
              struct sim_totals *t);

/* Add a finished game to the totals. */
void sim_totals_add(struct sim_totals *t, const struct sim_game *g);

/* Run the games of C's shard on C->jobs threads into *T (cleared first),
 * calling ROW (if not NULL) for each game in game order. Returns 0, or -1
 * when C is invalid or memory ran out. */
int sim_run(const struct rules *r, const struct sim_config *c, struct sim_totals *t, sim_row_fn row,
            void *ctx);

/* Parse POLICY "fixed:ACTION[@REGION][,ACTION[@REGION]...]" for SIDE on
 * rules R into *F. Returns 0, or -1 with a reason in ERR. */
int sim_fixed_parse(const struct rules *r, int side, const char *policy, struct sim_fixed *f, char *err,
                    size_t errlen);

/* This turn's orders of a fixed strategy. */
void sim_fixed_orders(const struct world *w, const struct rules *r, int side, const struct sim_fixed *f,
                      struct orders *out);

/* The word for a result in CSV rows and tables: nato, russia, draw, war, peace. */
const char *sim_result_word(int result);

#endif
