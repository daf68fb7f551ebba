/* ai_policy.h - the AI's inner parts shared by its files: action stances, the
 * position evaluator, scratch look-ahead and the order-set builders.
 *
 * Internal to game/ai (ai.c, ai_eval.c, ai_search.c) and its unit tests;
 * other modules use ai.h. Everything here reads the rules as data: an
 * action's stance and worth come from its effects, never from its id, so a
 * scenario's own actions are played as well as the standard ones. Nothing
 * here allocates: scratch worlds live on the caller's stack. */
#ifndef BRINK_AI_POLICY_H
#define BRINK_AI_POLICY_H

#include <stdint.h>

#include "../engine/order.h"
#include "../engine/world.h"
#include "ai.h"

/* How a personality weighs a position. Units: one alignment point of a
 * value-1 region is worth 1. */
struct ai_weights {
	int region;     /* percent weight of region control and alignment */
	int war;        /* what a war costs (both sides lose), in units */
	int risk;       /* percent of the war cost charged for the estimated risk of war */
	int security;   /* units per point of the shared security index */
	int ap;         /* units per action point of advantage next turn */
	int coop_bias;  /* units added per AP spent on a cooperative order */
	int esc_bias;   /* units added per AP spent on an escalatory order */
	int noise;      /* +- units of random noise on each order's worth (mistakes) */
	int topk;       /* choose among the best TOPK orders (1: always the best) */
	int trust;      /* percent chance assumed that a proposal is matched (no history) */
	int repeat;     /* units per AP taken off an order for each earlier order of the
	                   same action this turn: a predictable side is easy to counter */
	int echo;       /* percent chance assumed that a proposal the other side made
	                   last turn is matched again */
	int quick;      /* 1: keep the menu's first estimates instead of re-estimating
	                   after each pick (cheaper; for sampled replies and playouts) */
};

/* The weights of LEVEL (hawk, dove, easy, ... ; search levels use normal's). */
const struct ai_weights *ai_weights_of(int level);

/* An action's stance from its effects (and its agreed effects, counted at
 * half weight): < 0 cooperative (lowers tension, raises dialogue or arms
 * control), > 0 escalatory, 0 neutral. The size is the strength. */
int ai_action_stance(const struct rules *r, int action);

/* Net stance of the orders SIDE gave last turn, read from W's public cause
 * log (CAUSE_ORDER and CAUSE_ORDER_FAILED records); *n gets how many. */
int ai_last_stance(const struct world *w, const struct rules *r, int side, int *n);

/* What SIDE did last turn, read from W's public cause log: orders that
 * pressed a region or raised tension (stance > 0), proposals, and all orders.
 * The same rule for both sides. */
struct ai_reading {
	int press, offers, orders;
};
void ai_read_last(const struct world *w, const struct rules *r, int side, struct ai_reading *out);

/* Worth of W for SIDE under weights WT: higher is better for SIDE. A game
 * over is valued by its result; a war costs both sides. */
int ai_eval(const struct world *w, const struct rules *r, int side, const struct ai_weights *wt);

/* Rank every order SIDE may give in W (alone), keeping the AI_MENU_MAX best
 * (struct ai_menu: ai.h). */
void ai_menu_build(const struct world *w, const struct rules *r, int side, const struct ai_weights *wt,
                   struct ai_menu *m);

/* ai_menu_build(), or the same menu from MEMO (NULL: none) when an AI
 * deciding on W built it already; a new menu is kept there. */
void ai_menu_get(struct ai_memo *memo, const struct world *w, const struct rules *r, int side,
                 const struct ai_weights *wt, struct ai_menu *m);

/* Fill OUT from menu M as ai_fill does; TILT adds units per AP to
 * cooperative orders (negative: to escalatory ones). */
int ai_menu_fill(const struct world *w, const struct rules *r, int side, const struct ai_weights *wt,
                 const struct ai_menu *m, int first, int tilt, uint64_t *rng, struct orders *out);

/* Build an order set for SIDE greedily into OUT: add the order of best
 * estimated worth (its effects applied to a scratch copy of W) while AP
 * last and an order still improves the position. FIRST >= 0 forces the
 * first pick to be the FIRST-best single order (for candidate variety).
 * RNG drives noise and top-k choices; NULL means none. Returns the
 * estimated worth gained. */
int ai_fill(const struct world *w, const struct rules *r, int side, const struct ai_weights *wt,
            int first, uint64_t *rng, struct orders *out);

/* Uniformly random legal orders for SIDE until AP runs out or a stop is drawn. */
void ai_random_orders(const struct world *w, const struct rules *r, int side, uint64_t *rng,
                      struct orders *out);

/* The search levels: normal (one turn against a sampled reply) and hard
 * (Monte Carlo playouts within ai->budget). */
void ai_search_normal(struct ai *ai, const struct world *w, const struct rules *r,
                      const struct ai_weights *wt, struct ai_memo *memo, struct orders *out);
void ai_search_hard(struct ai *ai, const struct world *w, const struct rules *r,
                    const struct ai_weights *wt, struct ai_memo *memo, struct orders *out);

/* Default playouts per hard decision (calibrated by make bench). */
#define AI_HARD_BUDGET 96

#endif
