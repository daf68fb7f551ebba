/* ai_eval.c - what the AI believes: action stances, the position evaluator, and
 * the greedy order-set builder every non-random level starts from.
 *
 * All of it reads the rules as data: an action is cooperative or escalatory by
 * what its effects do to tension, dialogue, arms control, cyber and forces;
 * its worth is the change its effects make to the evaluator. Look-ahead for
 * single orders applies effects to a scratch copy of the world and undoes them
 * (no allocation, no cause log); whole turns go through turn_resolve() in
 * ai_search.c. */
#include <string.h>

#include "../engine/rng.h"
#include "../engine/turn.h"
#include "ai_policy.h"

#define RV(var) ((var) - VAR_WORLD_END)
#define AI_POINT 12 /* units per victory point scored */
#define AI_CRED 10  /* units per point of credibility over the other side's */

/* Personalities. Units: one alignment point of a value-1 region is 1. */
static const struct ai_weights weights[AI_LEVEL_COUNT] = {
	/*                  region war   risk sec ap  coop esc noise topk trust repeat echo quick */
	[AI_EASY]        = { 100, 3000,  60, 2, 30,   0,   0,  30,  3, 25, 10, 70, 0 },
	[AI_NORMAL]      = { 100, 2500,  60, 3, 60,   0,   0,   0,  1, 25, 25, 70, 0 },
	[AI_HARD]        = { 100, 2500,  60, 3, 60,   0,   0,   0,  1, 25, 25, 70, 0 },
	[AI_HAWK]        = { 130, 2500,  25, 0, 60, -20,  40,   0,  1, 10, 10, 70, 0 },
	[AI_DOVE]        = {  60, 5000, 200, 10, 30, 30, -30,   0,  1, 60, 10, 70, 0 },
	[AI_TIT_FOR_TAT] = { 100, 4000, 100, 3, 60,   0,   0,   0,  1, 25, 25, 70, 0 },
	[AI_RANDOM]      = { 100, 4000, 100, 3, 60,   0,   0,   0,  1, 25, 25, 70, 0 },
	[AI_GREEDY]      = { 100, 4000, 100, 3, 60,   0,   0,   0,  1, 25, 25, 70, 0 },
};

const struct ai_weights *ai_weights_of(int level)
{
	if (level < 0 || level >= AI_LEVEL_COUNT)
		level = AI_NORMAL;
	return &weights[level];
}

static int clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Stance of one effect: tension up is escalation, dialogue and arms control
 * up are cooperation, cyber activity and forces feed the arms race. */
static int effect_stance(const struct effect *e)
{
	if (e->op != EFFECT_ADD)
		return 0;
	int v = e->value;
	switch (e->ref.var) {
	case VAR_TENSION: return 4 * v;
	case VAR_DIALOGUE: return -2 * v;
	case VAR_ARMS_CONTROL: return -2 * v;
	case VAR_CYBER: return v;
	case VAR_NATO_FORCES:
	case VAR_RUSSIA_FORCES: return v / 2;
	default: return 0;
	}
}

int ai_action_stance(const struct rules *r, int action)
{
	if (action < 0 || action >= r->nactions)
		return 0;
	const struct action *a = &r->action[action];
	int s = 0, agreed = 0;
	for (int i = 0; i < a->neffects; i++)
		s += effect_stance(&a->effects[i]);
	for (int i = 0; i < a->nagreed; i++)
		agreed += effect_stance(&a->agreed[i]);
	s += agreed / 2;
	if (s >= -4 && s <= 4)
		s = 0; /* a dead zone: +1 tension is not a threat */
	/* pulling a region toward one's own side is pressure, for either side */
	if (s < 5 && (rules_action_presses(r, action, SIDE_NATO) || rules_action_presses(r, action, SIDE_RUSSIA)))
		s = s < 0 ? s : 5;
	return s;
}

void ai_read_last(const struct world *w, const struct rules *r, int side, struct ai_reading *out)
{
	*out = (struct ai_reading){ 0, 0, 0 };
	for (int i = 0; i < w->log.n && i < CAUSE_MAX; i++) {
		const struct cause *c = &w->log.rec[i];
		if ((c->kind != CAUSE_ORDER && c->kind != CAUSE_ORDER_FAILED) || c->side != side)
			continue;
		out->orders++;
		if (rules_action_is_proposal(r, c->source))
			out->offers++;
		else if (ai_action_stance(r, c->source) > 0)
			out->press++;
	}
}

int ai_last_stance(const struct world *w, const struct rules *r, int side, int *n)
{
	int sum = 0, count = 0;
	for (int i = 0; i < w->log.n && i < CAUSE_MAX; i++) {
		const struct cause *c = &w->log.rec[i];
		if ((c->kind != CAUSE_ORDER && c->kind != CAUSE_ORDER_FAILED) || c->side != side)
			continue;
		sum += ai_action_stance(r, c->source);
		count++;
	}
	if (n)
		*n = count;
	return sum;
}

/* Action points SIDE would have next turn in W: the engine's AP rule, read
 * from the scenario's dynamics. */
static int projected_ap(const struct world *w, const struct rules *r, int side)
{
	const struct dynamics *d = &r->dyn;
	int ap = r->side[side].ap;
	if (side == SIDE_RUSSIA) {
		if (w->v[VAR_SANCTIONS] >= d->sanctions_ap_at && w->v[VAR_AXIS] < d->axis_offset_at && ap > 1)
			ap--;
	} else if (w->v[VAR_NATO_COHESION] < d->cohesion_low && ap > 1) {
		ap--;
	} else if (w->v[VAR_NATO_COHESION] >= d->cohesion_high) {
		ap++;
	}
	return ap;
}

/* The sums over regions that ai_eval() weighs. */
struct eval_sums {
	int regions, forces, stab, border, nborder, facing, held;
};

/* Region I's share of the sums, for SIDE. */
static void region_sums(const struct world *w, const struct rules *r, int side, int i, struct eval_sums *out)
{
	int ctl = r->victory.control > 0 ? r->victory.control : 40;
	int own_forces = RV(side == SIDE_NATO ? VAR_NATO_FORCES : VAR_RUSSIA_FORCES);
	int other_forces = RV(side == SIDE_NATO ? VAR_RUSSIA_FORCES : VAR_NATO_FORCES);
	const int16_t *v = w->region[i].v;
	int value = r->region[i].value;
	int a = side == SIDE_RUSSIA ? -v[RV(VAR_ALIGNMENT)] : v[RV(VAR_ALIGNMENT)];
	/* alignment counts up to a safety margin past control, no further:
	 * a region already held firmly needs no more effort */
	a = clampi(a, -ctl - 20, ctl + 20);
	out->regions = value * (a + (a >= ctl ? 40 : 0) - (a <= -ctl ? 40 : 0));
	/* an ally is protected (the deterrence rule's member shield) */
	if (v[RV(VAR_MEMBER)] == (side == SIDE_NATO ? MEMBER_NATO : MEMBER_CSTO))
		out->regions += value * r->dyn.member_shield / 2;
	out->forces = value * clampi(v[own_forces] - v[other_forces], -30, 30);
	out->stab = v[RV(VAR_STABILITY)];
	out->border = out->facing = out->nborder = 0;
	if (r->region[i].borders_russia) {
		out->border = v[RV(VAR_NATO_FORCES)] + v[RV(VAR_RUSSIA_FORCES)];
		out->facing = clampi(v[RV(VAR_NATO_FORCES)], 0, v[RV(VAR_RUSSIA_FORCES)]);
		out->nborder = 1;
	}
	int c = turn_controller(w, r, i);
	out->held = c == SIDE_BOTH ? 0 : c == side ? value : -value;
}

/* *S += SIGN * *ADD */
static void sums_add(struct eval_sums *s, const struct eval_sums *add, int sign)
{
	s->regions += sign * add->regions;
	s->forces += sign * add->forces;
	s->stab += sign * add->stab;
	s->border += sign * add->border;
	s->nborder += sign * add->nborder;
	s->facing += sign * add->facing;
	s->held += sign * add->held;
}

/* The terms of ai_eval() that read no region: the world's variables, the
 * scores, credibility and the turn. The estimates of one order's targets
 * change the same world variables, so they share these (basis_eval). */
struct eval_world {
	int16_t v[VAR_WORLD_END]; /* the world variables they were taken from */
	int fixed;    /* units: the score so far, credibility, next turn's AP */
	int held_k;   /* units per point of regions held, times 100 */
	int security; /* the security index's world part, before the weight */
	int tension;
	int drift;    /* tension drift of dialogue, arms control and cyber */
	int horizon;  /* turns of drift looked ahead */
	int incident; /* tension expected from an incident over the horizon */
};

static void eval_world_init(struct eval_world *e, const struct world *w, const struct rules *r, int side,
                            const struct ai_weights *wt)
{
	const struct dynamics *d = &r->dyn;
	int opp = 1 - side;
	memcpy(e->v, w->v, sizeof e->v);
	/* the score so far, what holding the regions will still score, and
	 * credibility (it scores at the end and makes deterrence believed) */
	int left = r->turns - w->turn;
	e->fixed = (w->score[side] - w->score[opp]) * AI_POINT +
	           (w->credibility[side] - w->credibility[opp]) * AI_CRED +
	           (projected_ap(w, r, side) - projected_ap(w, r, opp)) * wt->ap;
	e->held_k = (left * d->turn_points + d->end_points) * AI_POINT * wt->region;
	e->tension = w->v[VAR_TENSION];
	e->security = (100 - e->tension) * 40 + w->v[VAR_DIALOGUE] * 30;
	/* tension expected two turns ahead: the drift terms (the scenario's
	 * divisors; those of the regions in eval_finish) and the expected incident */
	e->drift = 0;
	if (d->dialogue_divisor > 0)
		e->drift -= w->v[VAR_DIALOGUE] / d->dialogue_divisor;
	if (d->arms_divisor > 0)
		e->drift -= w->v[VAR_ARMS_CONTROL] / d->arms_divisor;
	if (d->cyber_divisor > 0)
		e->drift += w->v[VAR_CYBER] / d->cyber_divisor;
	e->horizon = left < 2 ? left : 2;
	e->incident = turn_miscalc_chance(w, r) * 9 * e->horizon / 10000; /* an incident: ~+9 */
}

/* ai_eval() of a position (not over) from its world terms E and its sums
 * over regions. */
static int eval_finish(const struct rules *r, const struct ai_weights *wt, const struct eval_world *e,
                       const struct eval_sums *sum)
{
	const struct dynamics *d = &r->dyn;
	int val = sum->regions + sum->forces / 3;
	if (wt->region != 100)
		val = val * wt->region / 100;
	val += e->fixed + sum->held * e->held_k / 100;
	/* the shared security index: low tension, high dialogue, stable regions */
	int stab = r->nregions ? sum->stab / r->nregions : 50;
	val += (e->security + stab * 30) * wt->security / 100;
	int drift = e->drift;
	if (d->mil_divisor > 0)
		drift += ((sum->nborder ? sum->border / sum->nborder : 0) - d->mil_baseline) / d->mil_divisor;
	if (d->spiral_divisor > 0)
		drift += sum->facing / d->spiral_divisor;
	int t = e->tension + drift * e->horizon + e->incident;
	int x = clampi(t - 40, 0, 60);
	/* the estimated chance of war (x^2/3600) times what a war costs */
	val -= (int)((long)wt->war * wt->risk * x * x / 360000);
	return val;
}

int ai_eval(const struct world *w, const struct rules *r, int side, const struct ai_weights *wt)
{
	int opp = 1 - side;
	if (w->over) {
		int margin = (w->score[side] - w->score[opp]) * AI_POINT;
		switch (w->result) {
		case RESULT_WAR: return -wt->war;
		case RESULT_PEACE: return 1500;
		case RESULT_DRAW: return 0;
		default: return (w->result == (side == SIDE_NATO ? RESULT_NATO : RESULT_RUSSIA) ? 2500 : -2500) +
		                margin;
		}
	}
	struct eval_sums sum = { 0 }, one;
	for (int i = 0; i < r->nregions; i++) {
		region_sums(w, r, side, i, &one);
		sums_add(&sum, &one, 1);
	}
	struct eval_world e;
	eval_world_init(&e, w, r, side, wt);
	return eval_finish(r, wt, &e, &sum);
}

/* A position (not over) weighed once, with its sums region by region, so
 * that the look-ahead of one order, which changes a region or two,
 * re-weighs only those (basis_eval): the same value as ai_eval(), for less. */
struct eval_basis {
	int value;                                /* ai_eval() of the position */
	struct eval_sums all;                     /* over every region */
	struct eval_sums region[RULES_MAX_REGIONS];
	struct eval_world last;                   /* the world terms last weighed */
};

static void basis_init(struct eval_basis *b, const struct world *w, const struct rules *r, int side,
                       const struct ai_weights *wt)
{
	b->all = (struct eval_sums){ 0 };
	for (int i = 0; i < r->nregions; i++) {
		region_sums(w, r, side, i, &b->region[i]);
		sums_add(&b->all, &b->region[i], 1);
	}
	eval_world_init(&b->last, w, r, side, wt);
	b->value = eval_finish(r, wt, &b->last, &b->all);
}

/* ai_eval() of S, which differs from B's position at most in the world
 * variables and in the regions of CHANGED (bit i: region i); its scores,
 * credibility and turn are B's. The world terms are taken again only when
 * the world variables differ from the last weighed. */
static int basis_eval(struct eval_basis *b, const struct world *s, const struct rules *r, int side,
                      const struct ai_weights *wt, uint32_t changed)
{
	struct eval_sums sum = b->all, one;
	for (int i = 0; changed; i++, changed >>= 1)
		if (changed & 1) {
			sums_add(&sum, &b->region[i], -1);
			region_sums(s, r, side, i, &one);
			sums_add(&sum, &one, 1);
		}
	if (memcmp(b->last.v, s->v, sizeof b->last.v))
		eval_world_init(&b->last, s, r, side, wt);
	return eval_finish(r, wt, &b->last, &sum);
}

/* ---- scratch look-ahead of single orders -------------------------------- */

struct undo {
	int n;
	uint32_t regions; /* bit i: a variable of region i changed */
	struct {
		int16_t *slot;
		int16_t old;
	} e[2 * RULES_MAX_EFFECTS];
};

/* Apply N effects of SIDE for TARGET straight to the scratch world S (the
 * engine's effect rule, deterrence BLUNT included; no cause log),
 * remembering the old values in U (if not NULL). */
static void scratch_apply(struct world *s, const struct rules *r, int side, const struct effect *e,
                          int n, int target, int blunt, struct undo *u)
{
	for (int i = 0; i < n; i++) {
		int var, region, delta;
		if (!turn_effect_delta(s, r, side, &e[i], target, blunt, &var, &region, &delta))
			continue;
		int16_t *slot;
		if (var < VAR_WORLD_END)
			slot = &s->v[var];
		else if (var < VAR_REGION_STORED_END)
			slot = &s->region[region].v[RV(var)];
		else if (var == VAR_RED_LINE)
			slot = &s->red_line[region];
		else
			continue;
		int now = clampi(*slot + delta, var_info[var].min, var_info[var].max);
		if (u && var >= VAR_WORLD_END)
			u->regions |= 1u << region;
		if (u && u->n < (int)(sizeof u->e / sizeof u->e[0])) {
			u->e[u->n].slot = slot;
			u->e[u->n].old = *slot;
			u->n++;
		}
		*slot = (int16_t)now;
	}
}

static void scratch_undo(struct undo *u)
{
	while (u->n > 0) {
		u->n--;
		*u->e[u->n].slot = u->e[u->n].old;
	}
}

/* Bit a of the result: SIDE ordered action a last turn (from the public log). */
static uint64_t last_actions(const struct world *w, int side)
{
	uint64_t m = 0;
	for (int i = 0; i < w->log.n && i < CAUSE_MAX; i++) {
		const struct cause *c = &w->log.rec[i];
		if ((c->kind == CAUSE_ORDER || c->kind == CAUSE_ORDER_FAILED) && c->side == side &&
		    c->source < 64)
			m |= 1ULL << c->source;
	}
	return m;
}

/* Estimated worth of SIDE ordering action A on TARGET in scratch S, relative
 * to S weighed in B: its own effects, plus a proposal's agreed effects
 * weighted by the chance the other side makes the same proposal. */
static int order_worth(struct world *s, const struct rules *r, int side, const struct ai_weights *wt,
                       int a, int target, struct eval_basis *b, int match, int stance)
{
	const struct action *act = &r->action[a];
	struct undo u = { 0 };
	int blunt = turn_blunt(s, r, side, a, target);
	scratch_apply(s, r, side, act->effects, act->neffects, target, blunt, &u);
	int alone = basis_eval(b, s, r, side, wt, u.regions) - b->value;
	int worth = alone;
	if (act->nagreed && match > 0) {
		scratch_apply(s, r, SIDE_BOTH, act->agreed, act->nagreed, target, 0, &u);
		int agreed = basis_eval(b, s, r, side, wt, u.regions) - b->value;
		worth = alone + (agreed - alone) * match / 100;
	}
	scratch_undo(&u);
	int cost = act->cost ? act->cost : 1;
	if (stance < 0)
		worth += wt->coop_bias * cost;
	else if (stance > 0)
		worth += wt->esc_bias * cost;
	return worth;
}

/* Insert P into M (at most AI_MENU_MAX kept), best worth first; ties keep
 * the earlier order, so choices depend on nothing but the data. */
static void menu_insert(struct ai_menu *m, struct ai_pick p)
{
	int k = m->n;
	if (k == AI_MENU_MAX) {
		if (m->p[k - 1].worth >= p.worth)
			return;
		k--;
	} else {
		m->n++;
	}
	while (k > 0 && m->p[k - 1].worth < p.worth) {
		m->p[k] = m->p[k - 1];
		k--;
	}
	m->p[k] = p;
}

/* GAIN per AP of COST, times 10 (a cost of 0 counts as 1). Costs that
 * divide 10 multiply instead: the same value, without a division. */
static int per_ap(int gain, int cost)
{
	switch (cost) {
	case 0:
	case 1: return gain * 10;
	case 2: return gain * 5;
	case 5: return gain * 2;
	case 10: return gain;
	default: return gain * 10 / cost;
	}
}

void ai_menu_build(const struct world *w, const struct rules *r, int side, const struct ai_weights *wt,
                   struct ai_menu *m)
{
	m->n = 0;
	if (w->over || side < 0 || side >= SIDE_COUNT)
		return;
	struct world s;
	world_copy_state(&s, w);
	struct eval_basis base;
	basis_init(&base, &s, r, side, wt);
	uint64_t theirs = last_actions(w, 1 - side);
	struct orders none = { 0 };
	for (int k = 0; k < r->prep.nmine[side]; k++) {
		int a = r->prep.mine[side][k];
		const struct action *act = &r->action[a];
		int lo = act->target == TARGET_REGION ? 0 : RULES_NO_REGION;
		int hi = act->target == TARGET_REGION ? r->nregions : RULES_NO_REGION + 1;
		int match = (theirs >> a) & 1 ? wt->echo : wt->trust;
		int stance = ai_action_stance(r, a);
		/* the targets where the order is allowed, in one pass */
		uint32_t ok = act->target == TARGET_REGION ? order_check_regions(w, r, side, &none, a)
		              : order_check(w, r, side, &none, a, RULES_NO_REGION, NULL) == ORDER_OK;
		for (int g = lo; g < hi; g++) {
			if (!(ok & (act->target == TARGET_REGION ? 1u << g : 1u)))
				continue;
			int gain = order_worth(&s, r, side, wt, a, g, &base, match, stance);
			gain = clampi(gain, INT16_MIN, INT16_MAX);
			menu_insert(m, (struct ai_pick){ per_ap(gain, act->cost), (int16_t)gain, (int16_t)stance,
			                                 (uint8_t)a, (uint8_t)g, (uint8_t)match });
		}
	}
}

void ai_memo_clear(struct ai_memo *memo)
{
	memo->n = 0;
}

/* What a menu depends on besides the world and the side: its weights, all
 * but those only ai_menu_fill reads (a weight added later is part of the key
 * unless listed here). */
static void memo_key(const struct ai_weights *wt, int key[AI_MEMO_KEY])
{
	_Static_assert(sizeof(struct ai_weights) <= AI_MEMO_KEY * sizeof(int), "AI_MEMO_KEY too small");
	struct ai_weights k = *wt;
	k.noise = k.topk = k.repeat = k.quick = 0;
	memset(key, 0, AI_MEMO_KEY * sizeof(int));
	memcpy(key, &k, sizeof k);
}

void ai_menu_get(struct ai_memo *memo, const struct world *w, const struct rules *r, int side,
                 const struct ai_weights *wt, struct ai_menu *m)
{
	if (!memo) {
		ai_menu_build(w, r, side, wt, m);
		return;
	}
	int key[AI_MEMO_KEY];
	memo_key(wt, key);
	for (int i = 0; i < memo->n; i++)
		if (memo->e[i].side == side && !memcmp(memo->e[i].key, key, sizeof key)) {
			*m = memo->e[i].menu;
			return;
		}
	ai_menu_build(w, r, side, wt, m);
	if (memo->n < AI_MEMO_MAX) {
		memo->e[memo->n].side = (uint8_t)side;
		memcpy(memo->e[memo->n].key, key, sizeof key);
		memo->e[memo->n].menu = *m;
		memo->n++;
	}
}

/* The orders of ELIGIBLE (bit i: order i of N) ranked by WORTH, best first,
 * ties in menu order (as menu_insert keeps them). The first two places are
 * found in one pass (rank_top): all the greedy fill, a sampled reply and a
 * variant opening with the second-best order ask for; later places on
 * demand (ranked). */
struct ranking {
	const int *worth;
	unsigned eligible;
	int n;
	int at[2]; /* the first two places; -1 where there is none */
};

static void rank_top(struct ranking *k, const int *worth, unsigned eligible, int n)
{
	*k = (struct ranking){ worth, eligible, n, { -1, -1 } };
	for (int i = 0; i < n; i++) {
		if (!(eligible & (1u << i)))
			continue;
		if (k->at[0] < 0 || worth[i] > worth[k->at[0]]) {
			k->at[1] = k->at[0];
			k->at[0] = i;
		} else if (k->at[1] < 0 || worth[i] > worth[k->at[1]]) {
			k->at[1] = i;
		}
	}
}

/* The order at PLACE (0: the best): the one with PLACE orders before it;
 * -1 if there are PLACE or fewer. */
static int ranked(const struct ranking *k, int place)
{
	if (place < 2)
		return k->at[place];
	for (int i = 0; i < k->n; i++) {
		if (!(k->eligible & (1u << i)))
			continue;
		int before = 0;
		for (int j = 0; j < k->n; j++)
			before += (k->eligible & (1u << j)) &&
			          (k->worth[j] > k->worth[i] || (k->worth[j] == k->worth[i] && j < i));
		if (before == place)
			return i;
	}
	return -1;
}

/* Tilt: units per AP added to cooperative (tilt > 0) or escalatory (tilt < 0) orders. */
static int tilted(int gain, int stance, int tilt, int cost)
{
	cost = cost ? cost : 1;
	if (stance < 0)
		return gain + tilt * cost;
	if (stance > 0)
		return gain - tilt * cost;
	return gain;
}

/* ai_menu_fill() for a fill that keeps the menu's estimates and draws
 * nothing (WT->quick, no RNG): between picks only the AP left, the orders
 * queued and the repeat penalty of the picked action change, so each
 * order's worth is worked out once and again only when an order of its
 * action is queued. The same picks as the general loop, for less. */
static int fill_fixed(const struct world *w, const struct rules *r, int side, const struct ai_weights *wt,
                      const struct ai_menu *m, int first, int tilt, struct orders *out)
{
	int cost[AI_MENU_MAX], gain[AI_MENU_MAX], worth[AI_MENU_MAX];
	for (int i = 0; i < m->n; i++) {
		cost[i] = r->action[m->p[i].action].cost;
		gain[i] = tilted(m->p[i].gain, m->p[i].stance, tilt, cost[i]);
		worth[i] = per_ap(gain[i], cost[i]);
	}
	unsigned queued = 0;
	int total = 0, spent = 0;
	while (out->n < ORDERS_MAX) {
		/* the allowed orders, and their ranking */
		unsigned eligible = 0;
		for (int i = 0; i < m->n; i++)
			if (spent + cost[i] <= w->ap[side] && !(queued & (1u << i)))
				eligible |= 1u << i;
		if (!eligible)
			break;
		struct ranking k;
		rank_top(&k, worth, eligible, m->n);
		int c = k.at[0];
		bool forced = first >= 0 && out->n == 0;
		if (forced) {
			c = ranked(&k, first);
			if (c < 0)
				break; /* no such variant: leave the candidate empty */
		}
		int picked = clampi(gain[c], INT16_MIN, INT16_MAX);
		if (picked <= 0 && !forced)
			break;
		const struct action *act = &r->action[m->p[c].action];
		int target = act->target == TARGET_REGION ? m->p[c].region : RULES_NO_REGION;
		out->list[out->n++] = (struct order){ m->p[c].action, (uint8_t)target };
		queued |= 1u << c;
		spent += act->cost;
		total += picked;
		/* the repeat penalty: a predictable side is easy to counter */
		for (int i = 0; i < m->n; i++)
			if (m->p[i].action == m->p[c].action) {
				gain[i] -= wt->repeat * (cost[i] ? cost[i] : 1);
				worth[i] = per_ap(gain[i], cost[i]);
			}
	}
	return total;
}

int ai_menu_fill(const struct world *w, const struct rules *r, int side, const struct ai_weights *wt,
                 const struct ai_menu *m, int first, int tilt, uint64_t *rng, struct orders *out)
{
	out->n = 0;
	out->crisis = CRISIS_NONE;
	if (w->over || m->n == 0)
		return 0;
	if (wt->quick && !rng)
		return fill_fixed(w, r, side, wt, m, first, tilt, out);
	struct world s;
	struct eval_basis base;
	int total = 0, spent = 0;
	if (!wt->quick) {
		world_copy_state(&s, w);
		basis_init(&base, &s, r, side, wt);
	}
	/* per menu order: its AP, the AP its repeat penalty counts (0 counts
	 * as 1), its tilted estimate, how many orders of its action are queued,
	 * and whether it is queued itself (one order per action and target) */
	int cost[AI_MENU_MAX], one[AI_MENU_MAX], est[AI_MENU_MAX], uses[AI_MENU_MAX] = { 0 };
	int at_menu[AI_MENU_MAX], now_worth[AI_MENU_MAX]; /* the menu index and worth of each of now's orders */
	unsigned queued = 0;
	for (int i = 0; i < m->n; i++) {
		cost[i] = r->action[m->p[i].action].cost;
		one[i] = cost[i] ? cost[i] : 1;
		est[i] = tilted(m->p[i].gain, m->p[i].stance, tilt, cost[i]);
	}
	while (out->n < ORDERS_MAX) {
		/* the menu's orders that are still allowed: from the menu's
		 * estimate for the first pick, re-estimated on the scratch after */
		struct ai_menu now;
		now.n = 0;
		for (int i = 0; i < m->n; i++) {
			/* the menu's orders passed order_check() on W with nothing
			 * queued; queued orders only change the AP left */
			if (spent + cost[i] > w->ap[side] || (queued & (1u << i)))
				continue;
			struct ai_pick p = m->p[i];
			int gain = est[i];
			if (out->n > 0 && !wt->quick) {
				p.gain = (int16_t)order_worth(&s, r, side, wt, p.action, p.region, &base, p.match,
				                              p.stance);
				gain = tilted(p.gain, p.stance, tilt, cost[i]);
			}
			gain -= wt->repeat * one[i] * uses[i];
			if (wt->noise > 0 && rng)
				gain += (int)rng_below(rng, (uint32_t)(2 * wt->noise + 1)) - wt->noise;
			p.gain = (int16_t)clampi(gain, INT16_MIN, INT16_MAX);
			p.worth = per_ap(gain, cost[i]);
			at_menu[now.n] = i;
			now_worth[now.n] = p.worth;
			now.p[now.n++] = p;
		}
		if (now.n == 0)
			break;
		struct ranking k;
		rank_top(&k, now_worth, now.n >= 32 ? UINT32_MAX : (1u << now.n) - 1, now.n);
		int c = k.at[0];
		bool forced = first >= 0 && out->n == 0;
		if (forced) {
			c = ranked(&k, first);
			if (c < 0)
				break; /* no such variant: leave the candidate empty */
		} else if (wt->topk > 1 && rng) {
			int good = 0;
			while (good < now.n && good < wt->topk && now.p[ranked(&k, good)].gain > 0)
				good++;
			c = ranked(&k, good > 1 ? (int)rng_below(rng, (uint32_t)good) : 0);
		}
		if (now.p[c].gain <= 0 && !forced)
			break;
		const struct action *act = &r->action[now.p[c].action];
		int target = act->target == TARGET_REGION ? now.p[c].region : RULES_NO_REGION;
		out->list[out->n++] = (struct order){ now.p[c].action, (uint8_t)target };
		queued |= 1u << at_menu[c];
		for (int i = 0; i < m->n; i++)
			uses[i] += m->p[i].action == now.p[c].action;
		spent += act->cost;
		total += now.p[c].gain;
		if (!wt->quick) {
			scratch_apply(&s, r, side, act->effects, act->neffects, target,
			              turn_blunt(&s, r, side, now.p[c].action, target), NULL);
			basis_init(&base, &s, r, side, wt);
		}
	}
	return total;
}

int ai_fill(const struct world *w, const struct rules *r, int side, const struct ai_weights *wt,
            int first, uint64_t *rng, struct orders *out)
{
	struct ai_menu m;
	ai_menu_build(w, r, side, wt, &m);
	return ai_menu_fill(w, r, side, wt, &m, first, 0, rng, out);
}

void ai_random_orders(const struct world *w, const struct rules *r, int side, uint64_t *rng,
                      struct orders *out)
{
	out->n = 0;
	out->crisis = CRISIS_NONE;
	if (w->over || side < 0 || side >= SIDE_COUNT)
		return;
	/* Rejection sampling: a draw over every (action, target) pair and one
	 * "stop"; an illegal pair is drawn again, so legal orders are uniform. */
	int slots = r->prep.npairs[side], cheapest = r->prep.cheapest[side];
	if (slots == 0)
		return;
	int spent = 0;
	for (int tries = 0; tries < 64 && out->n < ORDERS_MAX;) {
		if (w->ap[side] - spent < cheapest)
			return;
		int u = (int)rng_below(rng, (uint32_t)slots + 1);
		if (u == slots)
			return;
		int a = r->prep.pair[side][u].action, g = r->prep.pair[side][u].region;
		if (orders_add(w, r, side, out, a, g, NULL) == ORDER_OK) {
			spent += r->action[a].cost;
			tries = 0;
		} else {
			tries++;
		}
	}
}
