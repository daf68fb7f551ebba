/* null.h - the null front end: no screen, orders from AIs or a script (tests, headless runs).
 *
 * It records what play_run asked of it, checks the world's invariants after
 * every resolution, and can quit or raise the stop flag at a chosen turn, so
 * tests can drive play_run without a terminal. */
#ifndef BRINK_NULL_H
#define BRINK_NULL_H

#include <stdbool.h>

#include "frontend.h"

struct null_fe {
	/* How a human side's orders are made: by AI[side] when USE_AI[side],
	 * else from SCRIPT[turn * SIDE_COUNT + side] while turn * SIDE_COUNT +
	 * side < NSCRIPT, else empty orders. */
	bool use_ai[SIDE_COUNT];
	struct ai ai[SIDE_COUNT];
	const struct orders *script; /* not owned */
	int nscript;
	int quit_at;         /* orders() returns FE_QUIT at this turn (0-based); -1: never */
	int stop_at;         /* briefing() raises *p->stop at this turn; -1: never */
	volatile int *stop;  /* the flag stop_at raises (normally p->stop) */
	/* what happened */
	int briefings, orders, handoffs, resolutions, game_overs, notices;
	int handoff_to[2 * RULES_MAX_TURNS + 2]; /* next_side of each handoff, in order */
	const char *broken;  /* the first world_check failure seen, or NULL */
	int broken_turn;     /* the turn it was seen after */
};

/* Reset N (nothing scripted, no AI, never quit or stop) and fill FE with the
 * null front end's functions (FE->ctx = N). */
void null_init(struct null_fe *n, struct frontend *fe);

/* Count a notice; CTX is a struct null_fe. Matches play_run_notify's NOTICE. */
void null_notice(void *ctx, const char *msg);

#endif
