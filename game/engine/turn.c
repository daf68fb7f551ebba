/* turn.c - resolving a turn: orders in alternating initiative, agreements, drift,
 * the miscalculation check, one event, region dynamics, AP, and the end of the game.
 *
 * Everything is integer arithmetic on the world and draws from w->rng in a fixed
 * order, so the same world and orders always give the same result. War (tension
 * at 100) is checked after every step and ends the turn at once. */
#include <stddef.h>

#include "rng.h"
#include "turn.h"

#define R(var) ((var) - VAR_WORLD_END)

int turn_initiative(int t)
{
	return t % 2 == 0 ? SIDE_NATO : SIDE_RUSSIA;
}

int turn_controller(const struct world *w, const struct rules *r, int region)
{
	int a = w->region[region].v[R(VAR_ALIGNMENT)];
	if (a >= r->victory.control)
		return SIDE_NATO;
	if (a <= -r->victory.control)
		return SIDE_RUSSIA;
	return SIDE_BOTH;
}

int turn_miscalc_chance(const struct world *w, const struct rules *r)
{
	const struct dynamics *d = &r->dyn;
	int margin = w->v[VAR_TENSION] - d->misc_threshold;
	if (d->cyber_risk_divisor > 0)
		margin += w->v[VAR_CYBER] / d->cyber_risk_divisor;
	if (margin <= 0)
		return 0;
	if (margin > 100)
		margin = 100;
	return margin * (100 - w->v[VAR_DIALOGUE]);
}

/* Tension reached 100: the game ends in war, both sides lose. */
static bool war_check(struct world *w)
{
	if (w->over)
		return true;
	if (w->v[VAR_TENSION] < 100)
		return false;
	w->over = true;
	w->result = RESULT_WAR;
	w->score[SIDE_NATO] = w->score[SIDE_RUSSIA] = 0;
	cause_add(&w->log, (struct cause){ CAUSE_WAR, SIDE_BOTH, VAR_NONE, RULES_NO_REGION, 0, 0 });
	return true;
}

/* Apply N effects with target region TARGET, logging each as KIND by SIDE
 * from SOURCE. Returns true when the world went to war. */
static bool apply_effects(struct world *w, const struct rules *r, const struct effect *e, int n,
                          int target, uint8_t kind, uint8_t side, uint16_t source)
{
	for (int i = 0; i < n; i++) {
		int region = e[i].ref.scope == SCOPE_TARGET   ? target
		             : e[i].ref.scope == SCOPE_REGION ? e[i].ref.region
		                                               : RULES_NO_REGION;
		int var = e[i].ref.var;
		if (var >= VAR_WORLD_END && (region < 0 || region >= r->nregions))
			continue; /* a target.* effect with no target: nothing to change */
		int delta = e[i].value;
		if (e[i].op == EFFECT_SET)
			delta -= world_get(w, r, var, region);
		world_change(w, var, region, delta, (struct cause){ kind, side, 0, 0, 0, source });
		if (war_check(w))
			return true;
	}
	return false;
}

/* Carry out one order; false when its requirements no longer hold. */
static bool resolve_order(struct world *w, const struct rules *r, int side, struct order o)
{
	if (o.action >= r->nactions || !rules_action_for_side(r, o.action, side))
		return false;
	const struct action *a = &r->action[o.action];
	int target = a->target == TARGET_REGION ? o.region : RULES_NO_REGION;
	if (a->target == TARGET_REGION && target >= r->nregions)
		return false;
	int failed = 0;
	if (!world_conds(w, r, a->requires, a->nrequires, target, &failed)) {
		cause_add(&w->log, (struct cause){ CAUSE_ORDER_FAILED, (uint8_t)side,
		                                   a->requires[failed].ref.var, (uint8_t)target,
		                                   (int16_t)failed, o.action });
		return false;
	}
	cause_add(&w->log, (struct cause){ CAUSE_ORDER, (uint8_t)side, VAR_NONE, (uint8_t)target, 0,
	                                   o.action });
	apply_effects(w, r, a->effects, a->neffects, target, CAUSE_ACTION, (uint8_t)side, o.action);
	return true;
}

/* Both sides proposed the same thing (same action, same target): an agreement. */
static void resolve_agreements(struct world *w, const struct rules *r,
                               const struct orders o[SIDE_COUNT], bool ok[SIDE_COUNT][ORDERS_MAX])
{
	uint32_t used = 0;
	for (int i = 0; i < o[SIDE_NATO].n && !w->over; i++) {
		struct order n = o[SIDE_NATO].list[i];
		if (!ok[SIDE_NATO][i] || n.action >= r->nactions || !r->action[n.action].nagreed)
			continue;
		for (int j = 0; j < o[SIDE_RUSSIA].n; j++) {
			struct order q = o[SIDE_RUSSIA].list[j];
			if (!ok[SIDE_RUSSIA][j] || (used & (1u << j)) || q.action != n.action ||
			    q.region != n.region)
				continue;
			used |= 1u << j;
			const struct action *a = &r->action[n.action];
			int target = a->target == TARGET_REGION ? n.region : RULES_NO_REGION;
			cause_add(&w->log, (struct cause){ CAUSE_AGREEMENT, SIDE_BOTH, VAR_NONE,
			                                   (uint8_t)target, 0, n.action });
			apply_effects(w, r, a->agreed, a->nagreed, target, CAUSE_AGREEMENT, SIDE_BOTH,
			              n.action);
			break;
		}
	}
}

static bool drift_term(struct world *w, int delta, int term)
{
	world_change(w, VAR_TENSION, RULES_NO_REGION, delta,
	             (struct cause){ CAUSE_DRIFT, SIDE_BOTH, 0, 0, 0, (uint16_t)term });
	return war_check(w);
}

/* Tension drift: the arms race near Russia pushes it up, dialogue and arms
 * control pull it down, cyber activity pushes it up. */
static bool resolve_drift(struct world *w, const struct rules *r)
{
	const struct dynamics *d = &r->dyn;
	if (d->mil_divisor > 0 &&
	    drift_term(w, (world_border_militarization(w, r) - d->mil_baseline) / d->mil_divisor,
	               DRIFT_MILITARIZATION))
		return true;
	if (d->dialogue_divisor > 0 &&
	    drift_term(w, -(w->v[VAR_DIALOGUE] / d->dialogue_divisor), DRIFT_DIALOGUE))
		return true;
	if (d->arms_divisor > 0 &&
	    drift_term(w, -(w->v[VAR_ARMS_CONTROL] / d->arms_divisor), DRIFT_ARMS_CONTROL))
		return true;
	if (d->cyber_divisor > 0 && drift_term(w, w->v[VAR_CYBER] / d->cyber_divisor, DRIFT_CYBER))
		return true;
	return false;
}

/* Regions where event E's conditions hold, as a bit set (bit 0 alone for a world event). */
static uint32_t event_targets(const struct world *w, const struct rules *r, int e)
{
	const struct event *ev = &r->event[e];
	if (ev->once && (w->fired & (1ULL << e)))
		return 0;
	if (ev->target == TARGET_WORLD)
		return world_conds(w, r, ev->when, ev->nwhen, RULES_NO_REGION, NULL) ? 1u : 0u;
	uint32_t set = 0;
	for (int i = 0; i < r->nregions; i++)
		if (world_conds(w, r, ev->when, ev->nwhen, i, NULL))
			set |= 1u << i;
	return set;
}

static int popcount32(uint32_t x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

/* Draw one eligible event of KIND by weight, its region uniformly among those
 * where it applies, and apply it. Returns true at war. */
static bool draw_event(struct world *w, const struct rules *r, int kind)
{
	uint32_t targets[RULES_MAX_EVENTS];
	uint32_t total = 0;
	for (int e = 0; e < r->nevents; e++) {
		targets[e] = r->event[e].kind == kind ? event_targets(w, r, e) : 0;
		if (targets[e])
			total += r->event[e].weight;
	}
	if (total == 0)
		return false;
	uint32_t pick = rng_below(&w->rng, total);
	int e = 0;
	for (; e < r->nevents; e++) {
		if (!targets[e])
			continue;
		if (pick < r->event[e].weight)
			break;
		pick -= r->event[e].weight;
	}
	const struct event *ev = &r->event[e];
	int target = RULES_NO_REGION;
	if (ev->target == TARGET_REGION) {
		int k = (int)rng_below(&w->rng, (uint32_t)popcount32(targets[e]));
		for (int i = 0; i < r->nregions; i++)
			if ((targets[e] & (1u << i)) && k-- == 0) {
				target = i;
				break;
			}
	}
	w->fired |= 1ULL << e;
	uint8_t ck = kind == EVENT_INCIDENT ? CAUSE_INCIDENT : CAUSE_EVENT;
	cause_add(&w->log, (struct cause){ ck, SIDE_BOTH, VAR_NONE, (uint8_t)target, 0, (uint16_t)e });
	return apply_effects(w, r, ev->effects, ev->neffects, target, ck, SIDE_BOTH, (uint16_t)e);
}

/* Miscalculation: with dialogue closed and tension high, an incident may strike. */
static bool resolve_miscalc(struct world *w, const struct rules *r)
{
	int p = turn_miscalc_chance(w, r);
	bool struck = p > 0 && (int)rng_below(&w->rng, 10000) < p;
	cause_add(&w->log, (struct cause){ CAUSE_MISCALC, SIDE_BOTH, VAR_NONE, RULES_NO_REGION,
	                                   (int16_t)p, struck });
	return struck && draw_event(w, r, EVENT_INCIDENT);
}

static void region_change(struct world *w, int var, int i, int delta, int term)
{
	world_change(w, var, i, delta, (struct cause){ CAUSE_REGION, SIDE_BOTH, 0, 0, 0, (uint16_t)term });
}

/* Stability returns to its base; unstable regions drift to the stronger side;
 * vulnerable NATO members harden toward the West; forces rotate out. */
static void resolve_regions(struct world *w, const struct rules *r)
{
	const struct dynamics *d = &r->dyn;
	for (int i = 0; i < r->nregions; i++) {
		struct region_state *rs = &w->region[i];
		int nato = rs->v[R(VAR_NATO_FORCES)], russia = rs->v[R(VAR_RUSSIA_FORCES)];
		if (rs->v[R(VAR_STABILITY)] < d->unstable_below && nato != russia)
			region_change(w, VAR_ALIGNMENT, i, nato > russia ? d->influence_step : -d->influence_step,
			              REGION_INFLUENCE);
		if (rs->v[R(VAR_MEMBER)] == MEMBER_NATO && world_vulnerability(w, r, i) >= d->vulnerable_at)
			region_change(w, VAR_ALIGNMENT, i, d->harden_step, REGION_HARDENING);
		if (d->stability_pull > 0) {
			int gap = r->region[i].start[R(VAR_STABILITY)] - rs->v[R(VAR_STABILITY)];
			int step = gap / d->stability_pull;
			if (step == 0 && gap)
				step = gap > 0 ? 1 : -1;
			region_change(w, VAR_STABILITY, i, step, REGION_STABILITY);
		}
		region_change(w, VAR_NATO_FORCES, i, -d->force_decay, REGION_FORCE_DECAY);
		region_change(w, VAR_RUSSIA_FORCES, i, -d->force_decay, REGION_FORCE_DECAY);
	}
}

static void ap_term(struct world *w, int side, int delta, int term)
{
	w->ap[side] = (uint8_t)(w->ap[side] + delta);
	cause_add(&w->log, (struct cause){ CAUSE_AP, (uint8_t)side, VAR_AP, (uint8_t)side,
	                                   (int16_t)delta, (uint16_t)term });
}

/* Action points for the next turn: sanctions bite unless the axis offsets them;
 * NATO's cohesion costs or gives one. */
static void resolve_ap(struct world *w, const struct rules *r)
{
	const struct dynamics *d = &r->dyn;
	for (int s = 0; s < SIDE_COUNT; s++)
		w->ap[s] = r->side[s].ap;
	if (w->v[VAR_SANCTIONS] >= d->sanctions_ap_at && w->v[VAR_AXIS] < d->axis_offset_at &&
	    w->ap[SIDE_RUSSIA] > 1)
		ap_term(w, SIDE_RUSSIA, -1, AP_SANCTIONS);
	if (w->v[VAR_NATO_COHESION] < d->cohesion_low && w->ap[SIDE_NATO] > 1)
		ap_term(w, SIDE_NATO, -1, AP_COHESION_LOW);
	else if (w->v[VAR_NATO_COHESION] >= d->cohesion_high)
		ap_term(w, SIDE_NATO, +1, AP_COHESION_HIGH);
}

/* The last turn is over: score the regions each side controls. */
static void resolve_end(struct world *w, const struct rules *r)
{
	w->score[SIDE_NATO] = w->score[SIDE_RUSSIA] = 0;
	bool active = false;
	for (int i = 0; i < r->nregions; i++) {
		int c = turn_controller(w, r, i);
		if (c != SIDE_BOTH)
			w->score[c] = (int16_t)(w->score[c] + r->region[i].value);
		if (w->region[i].v[R(VAR_CONFLICT)] == CONFLICT_ACTIVE)
			active = true;
	}
	w->over = true;
	if (r->victory.cooperative && w->v[VAR_TENSION] < 40 && !active)
		w->result = RESULT_PEACE;
	else if (w->score[SIDE_NATO] != w->score[SIDE_RUSSIA])
		w->result = w->score[SIDE_NATO] > w->score[SIDE_RUSSIA] ? RESULT_NATO : RESULT_RUSSIA;
	else
		w->result = RESULT_DRAW;
	cause_add(&w->log, (struct cause){ CAUSE_END, SIDE_BOTH, VAR_NONE, RULES_NO_REGION, 0,
	                                   w->result });
}

int turn_resolve(struct world *w, const struct rules *r, const struct orders orders[SIDE_COUNT])
{
	if (w->over)
		return -1;
	w->log.n = 0;
	w->log.dropped = 0;

	bool ok[SIDE_COUNT][ORDERS_MAX] = { { false } };
	int first = turn_initiative(w->turn);
	int most = orders[0].n > orders[1].n ? orders[0].n : orders[1].n;
	if (most > ORDERS_MAX)
		most = ORDERS_MAX;
	for (int i = 0; i < most && !w->over; i++)
		for (int k = 0; k < SIDE_COUNT && !w->over; k++) {
			int side = k == 0 ? first : 1 - first;
			if (i < orders[side].n)
				ok[side][i] = resolve_order(w, r, side, orders[side].list[i]);
		}
	if (!w->over)
		resolve_agreements(w, r, orders, ok);
	if (!w->over && !resolve_drift(w, r) && !resolve_miscalc(w, r) &&
	    !draw_event(w, r, EVENT_EVENT)) {
		resolve_regions(w, r);
		resolve_ap(w, r);
	}

	w->turn++;
	for (int v = 0; v < VAR_WORLD_END; v++)
		w->history[w->turn][v] = w->v[v];
	if (!w->over && w->turn >= r->turns)
		resolve_end(w, r);
	return 0;
}
