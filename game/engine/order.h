/* order.h - one side's orders for a turn, and the rules for giving them.
 *
 * Orders are kept outside the world until resolution, so a side (or an AI)
 * never sees what the other side has queued. */
#ifndef BRINK_ORDER_H
#define BRINK_ORDER_H

#include <stdint.h>

#include "world.h"

#define ORDERS_MAX 16

struct order {
	uint8_t action; /* index into rules->action */
	uint8_t region; /* target region, or RULES_NO_REGION for world actions */
};

/* A side's answer to an open crisis (world.crisis), given with its orders. */
enum crisis_choice { CRISIS_NONE, CRISIS_FIRM, CRISIS_BACK, CRISIS_CHOICE_COUNT };

struct orders {
	uint8_t n;
	uint8_t crisis; /* enum crisis_choice; CRISIS_NONE (no crisis, or no answer) backs down */
	struct order list[ORDERS_MAX];
};

enum order_status {
	ORDER_OK,
	ORDER_GAME_OVER,   /* the game has ended */
	ORDER_NO_ACTION,   /* no such action */
	ORDER_WRONG_SIDE,  /* the action belongs to the other side */
	ORDER_NEED_REGION, /* a region action given without a valid region */
	ORDER_NEED_WORLD,  /* a world action given a region */
	ORDER_NO_AP,       /* not enough action points left */
	ORDER_REQUIREMENT, /* a requirement does not hold (see *failed) */
	ORDER_FULL,        /* ORDERS_MAX orders already */
	ORDER_REPEAT       /* this action on this target is already ordered this turn */
};

/* AP already committed by O. */
int orders_spent(const struct orders *o, const struct rules *r);

/* May SIDE, having queued O, also order ACTION on REGION? On
 * ORDER_REQUIREMENT, *failed (if not NULL) is the index of the first unmet
 * requirement in the action's requires[]. */
enum order_status order_check(const struct world *w, const struct rules *r, int side,
                              const struct orders *o, int action, int region, int *failed);

/* The regions where SIDE, having queued O, may also order ACTION (one that
 * takes a region): bit i when order_check() of region i is ORDER_OK. The
 * same answer region by region, in one pass (the AI's menu asks it of every
 * action). 0 for an action that takes no region. */
uint32_t order_check_regions(const struct world *w, const struct rules *r, int side, const struct orders *o,
                             int action);

/* order_check, then append the order when it is allowed. */
enum order_status orders_add(const struct world *w, const struct rules *r, int side,
                             struct orders *o, int action, int region, int *failed);

/* Drop the last order; returns 0, or -1 when there is none. */
int orders_undo(struct orders *o);

/* A short reason for a status, for people: "not enough action points". */
const char *order_status_text(enum order_status s);

#endif
