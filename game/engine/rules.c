/* rules.c - the standard dynamics and lookups over a struct rules. */
#include <string.h>

#include "rules.h"

void rules_defaults(struct rules *r)
{
	r->dyn = (struct dynamics){
		.mil_baseline = 60, .mil_divisor = 10, .dialogue_divisor = 15, .arms_divisor = 20,
		.cyber_divisor = 25, .misc_threshold = 40, .cyber_risk_divisor = 5,
		.stability_pull = 4, .unstable_below = 40, .influence_step = 3,
		.vulnerable_at = 50, .harden_step = 2, .force_decay = 2,
		.sanctions_ap_at = 60, .axis_offset_at = 60, .cohesion_low = 40, .cohesion_high = 70,
		.spiral_divisor = 0, .deter_pct = 0, .deter_max = 0, .member_shield = 0,
		.credibility_start = 50, .redline_cred = 0, .redline_answer = 0, .refuse_cost = 0,
		.crisis_back_cred = 0, .crisis_firm_cred = 0, .crisis_stake = 0,
		.crisis_firm_tension = 0, .crisis_war_pct = 0, .crisis_war_tension = 0, .crisis_calm = 0,
		.turn_points = 0, .end_points = 1, .security_divisor = 0, .credibility_divisor = 0,
		.war_penalty = 0, .draw_margin = 0,
	};
	r->victory = (struct victory){ .control = 40, .cooperative = false };
}

int rules_region_find(const struct rules *r, const char *id)
{
	for (int i = 0; i < r->nregions; i++)
		if (!strcmp(r->region[i].id, id))
			return i;
	return -1;
}

int rules_action_find(const struct rules *r, const char *id)
{
	for (int i = 0; i < r->nactions; i++)
		if (!strcmp(r->action[i].id, id))
			return i;
	return -1;
}

int rules_event_find(const struct rules *r, const char *id)
{
	for (int i = 0; i < r->nevents; i++)
		if (!strcmp(r->event[i].id, id))
			return i;
	return -1;
}

/* Does action A pull its target region toward SIDE (struct rules_prep)? */
static bool action_presses(const struct rules *r, int a, int side)
{
	const struct action *act = &r->action[a];
	int forces = side == SIDE_NATO ? VAR_NATO_FORCES : VAR_RUSSIA_FORCES;
	for (int i = 0; i < act->neffects; i++) {
		const struct effect *e = &act->effects[i];
		if (e->ref.scope != SCOPE_TARGET || e->op != EFFECT_ADD)
			continue;
		if (e->ref.var == VAR_ALIGNMENT && (side == SIDE_NATO ? e->value > 0 : e->value < 0))
			return true;
		if (e->ref.var == forces && e->value > 0)
			return true;
	}
	return false;
}

/* What a condition on a static region fact (value, borders_russia) reads
 * with TARGET as the target region: world_get()'s answer, 0 with no region. */
static int static_value(const struct rules *r, struct varref ref, int target)
{
	int region = ref.scope == SCOPE_TARGET ? target : ref.scope == SCOPE_REGION ? ref.region : RULES_NO_REGION;
	if (region >= r->nregions)
		return 0;
	return ref.var == VAR_VALUE ? r->region[region].value : r->region[region].borders_russia;
}

static bool in_range(const struct cond *c, int v)
{
	return v >= c->min && v <= c->max;
}

/* Sort the N conditions C by what they read (struct conds_prep), leaving
 * out those whose bit is set in SKIP; those on static facts make its
 * regions and no_target. */
static void conds_prepare(const struct rules *r, const struct cond *c, int n, unsigned skip,
                          struct conds_prep *p)
{
	*p = (struct conds_prep){ 0 };
	p->regions = r->nregions >= 32 ? UINT32_MAX : (1u << r->nregions) - 1;
	p->no_target = true;
	for (int i = 0; i < n && i < RULES_MAX_CONDS; i++) {
		if (c[i].ref.var != VAR_VALUE && c[i].ref.var != VAR_BORDERS_RUSSIA)
			continue;
		for (int g = 0; g < r->nregions; g++)
			if (!in_range(&c[i], static_value(r, c[i].ref, g)))
				p->regions &= ~(1u << g);
		p->no_target = p->no_target && in_range(&c[i], static_value(r, c[i].ref, RULES_NO_REGION));
		skip |= 1u << i;
	}
	uint8_t *end[4] = { &p->world, &p->untargeted, &p->target, &p->n };
	int k = 0;
	for (int pass = 0; pass < 4; pass++) {
		for (int i = 0; i < n && i < RULES_MAX_CONDS; i++) {
			if (skip & (1u << i))
				continue;
			bool target = c[i].ref.scope == SCOPE_TARGET;
			bool stored = target ? c[i].ref.var >= VAR_WORLD_END && c[i].ref.var < VAR_REGION_STORED_END
			                     : c[i].ref.scope == SCOPE_WORLD && c[i].ref.var < VAR_WORLD_END;
			int class = (target ? 2 : 0) + (stored ? 0 : 1);
			if (class != pass)
				continue;
			int var = !stored ? i : target ? c[i].ref.var - VAR_WORLD_END : c[i].ref.var;
			p->c[k].var = (uint8_t)var;
			p->c[k].min = c[i].min;
			p->c[k].max = c[i].max;
			k++;
		}
		*end[pass] = (uint8_t)k;
	}
}

/* Split event E's conditions (struct event_prep): the calendar's into the
 * turns they allow, the rest sorted. */
static void event_prepare(const struct rules *r, int e, struct event_prep *p)
{
	const struct event *ev = &r->event[e];
	p->turns = UINT64_MAX;
	unsigned calendar = 0;
	for (int i = 0; i < ev->nwhen && i < RULES_MAX_CONDS; i++) {
		const struct cond *c = &ev->when[i];
		if (c->ref.var != VAR_YEAR && c->ref.var != VAR_QUARTER)
			continue;
		for (int t = 0; t <= RULES_MAX_TURNS; t++) {
			int year, quarter;
			rules_date(r, t, &year, &quarter);
			if (!in_range(c, c->ref.var == VAR_YEAR ? year : quarter))
				p->turns &= ~(1ULL << t);
		}
		calendar |= 1u << i;
	}
	conds_prepare(r, ev->when, ev->nwhen, calendar, &p->live);
}

/* Add condition C of event E to the boxes of the kind being filled (from
 * p->box_start[kind]): one box per distinct condition. */
static void box_add(struct rules_prep *p, int kind, int e, struct cond c)
{
	int b = p->box_start[kind];
	for (; b < p->box_start[kind + 1]; b++)
		if (p->box[b].cond.ref.scope == c.ref.scope && p->box[b].cond.ref.var == c.ref.var &&
		    p->box[b].cond.ref.region == c.ref.region && p->box[b].cond.min == c.min &&
		    p->box[b].cond.max == c.max)
			break;
	if (b == p->box_start[kind + 1])
		p->box[p->box_start[kind + 1]++] = (struct event_box){ c, 0 };
	p->box[b].events |= 1ULL << e;
}

/* The draw's bit sets and boxes (struct rules_prep), from each event's
 * event_prep: its live conditions that do not read the target make the boxes. */
static void draw_prepare(const struct rules *r, struct rules_prep *p)
{
	for (int kind = 0; kind < EVENT_KIND_COUNT; kind++) {
		p->box_start[kind + 1] = p->box_start[kind];
		for (int k = 0; k < p->nkind[kind]; k++) {
			int e = p->kind[kind][k];
			const struct conds_prep *c = &p->event[e].live;
			p->kind_events[kind] |= 1ULL << e;
			for (int i = 0; i < c->untargeted; i++) {
				struct cond box = { { SCOPE_WORLD, c->c[i].var, RULES_NO_REGION }, c->c[i].min, c->c[i].max };
				box_add(p, kind, e, i < c->world ? box : r->event[e].when[c->c[i].var]);
			}
		}
	}
	for (int e = 0; e < r->nevents && e < RULES_MAX_EVENTS; e++) {
		p->once |= (uint64_t)r->event[e].once << e;
		for (int t = 0; t <= RULES_MAX_TURNS; t++)
			p->turn_events[t] |= ((p->event[e].turns >> t) & 1) << e;
	}
}

void rules_prepare(struct rules *r)
{
	struct rules_prep *p = &r->prep;
	memset(p, 0, sizeof *p);
	p->nregions = r->nregions;
	p->nactions = r->nactions;
	p->nevents = r->nevents;
	for (int a = 0; a < r->nactions && a < RULES_MAX_ACTIONS; a++) {
		for (int s = 0; s < SIDE_COUNT; s++) {
			p->presses[a] |= (uint8_t)(action_presses(r, a, s) << s);
			if (rules_action_for_side(r, a, s))
				p->mine[s][p->nmine[s]++] = (uint8_t)a;
		}
		conds_prepare(r, r->action[a].requires, r->action[a].nrequires, 0, &p->requires[a]);
	}
	for (int s = 0; s < SIDE_COUNT; s++) {
		p->cheapest[s] = RULES_MAX_AP + 1;
		for (int k = 0; k < p->nmine[s]; k++) {
			const struct action *act = &r->action[p->mine[s][k]];
			if (act->cost < p->cheapest[s])
				p->cheapest[s] = act->cost;
			int n = act->target == TARGET_REGION ? r->nregions : 1;
			for (int g = 0; g < n; g++) {
				p->pair[s][p->npairs[s]].action = p->mine[s][k];
				p->pair[s][p->npairs[s]].region = (uint8_t)(act->target == TARGET_REGION ? g : RULES_NO_REGION);
				p->npairs[s]++;
			}
		}
	}
	for (int e = 0; e < r->nevents && e < RULES_MAX_EVENTS; e++) {
		int k = r->event[e].kind;
		if (k < EVENT_KIND_COUNT)
			p->kind[k][p->nkind[k]++] = (uint8_t)e;
		event_prepare(r, e, &p->event[e]);
	}
	draw_prepare(r, p);
	p->ready = true;
}

const char *side_id(int side)
{
	switch (side) {
	case SIDE_NATO: return "nato";
	case SIDE_RUSSIA: return "russia";
	default: return "both";
	}
}

int side_parse(const char *s)
{
	if (!strcmp(s, "nato"))
		return SIDE_NATO;
	if (!strcmp(s, "russia"))
		return SIDE_RUSSIA;
	if (!strcmp(s, "both"))
		return SIDE_BOTH;
	return -1;
}
