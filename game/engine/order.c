/* order.c - giving orders: AP accounting and the checks an order must pass. */
#include <assert.h>

#include "order.h"

int orders_spent(const struct orders *o, const struct rules *r)
{
	int sum = 0;
	for (int i = 0; i < o->n; i++)
		if (o->list[i].action < r->nactions)
			sum += r->action[o->list[i].action].cost;
	return sum;
}

enum order_status order_check(const struct world *w, const struct rules *r, int side,
                              const struct orders *o, int action, int region, int *failed)
{
	assert(rules_prepared(r)); /* rules_prepare() after any change to the rules */
	if (w->over)
		return ORDER_GAME_OVER;
	if (action < 0 || action >= r->nactions)
		return ORDER_NO_ACTION;
	if (!rules_action_for_side(r, action, side))
		return ORDER_WRONG_SIDE;
	const struct action *a = &r->action[action];
	if (a->target == TARGET_REGION && (region < 0 || region >= r->nregions))
		return ORDER_NEED_REGION;
	if (a->target == TARGET_WORLD && region != RULES_NO_REGION)
		return ORDER_NEED_WORLD;
	if (o->n >= ORDERS_MAX)
		return ORDER_FULL;
	for (int i = 0; i < o->n; i++)
		if (o->list[i].action == action && o->list[i].region == region)
			return ORDER_REPEAT;
	if (orders_spent(o, r) + a->cost > w->ap[side])
		return ORDER_NO_AP;
	if (!world_conds_prep(w, r, a->requires, &r->prep.requires[action], region)) {
		if (failed) /* which one */
			world_conds(w, r, a->requires, a->nrequires, region, failed);
		return ORDER_REQUIREMENT;
	}
	return ORDER_OK;
}

uint32_t order_check_regions(const struct world *w, const struct rules *r, int side, const struct orders *o,
                             int action)
{
	assert(rules_prepared(r));
	if (w->over || action < 0 || action >= r->nactions || !rules_action_for_side(r, action, side))
		return 0;
	const struct action *a = &r->action[action];
	if (a->target != TARGET_REGION || o->n >= ORDERS_MAX || orders_spent(o, r) + a->cost > w->ap[side])
		return 0;
	uint32_t set = world_conds_regions(w, r, a->requires, &r->prep.requires[action]);
	for (int i = 0; i < o->n; i++) /* one order per action and region a turn */
		if (o->list[i].action == action && o->list[i].region < 32)
			set &= ~(1u << o->list[i].region);
	return set;
}

enum order_status orders_add(const struct world *w, const struct rules *r, int side,
                             struct orders *o, int action, int region, int *failed)
{
	enum order_status st = order_check(w, r, side, o, action, region, failed);
	if (st == ORDER_OK)
		o->list[o->n++] = (struct order){ (uint8_t)action, (uint8_t)region };
	return st;
}

int orders_undo(struct orders *o)
{
	if (o->n == 0)
		return -1;
	o->n--;
	return 0;
}

const char *order_status_text(enum order_status s)
{
	switch (s) {
	case ORDER_OK: return "ok";
	case ORDER_GAME_OVER: return "the game is over";
	case ORDER_NO_ACTION: return "no such action";
	case ORDER_WRONG_SIDE: return "that action belongs to the other side";
	case ORDER_NEED_REGION: return "this action needs a region";
	case ORDER_NEED_WORLD: return "this action takes no region";
	case ORDER_NO_AP: return "not enough action points";
	case ORDER_REQUIREMENT: return "a requirement is not met";
	case ORDER_FULL: return "too many orders this turn";
	case ORDER_REPEAT: return "already ordered there this turn";
	}
	return "unknown";
}
