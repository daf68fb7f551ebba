/* turn.c - resolving a turn: the open crisis, orders in alternating initiative
 * (deterrence, red lines), agreements and refused offers, drift, the
 * miscalculation check (an incident opens a crisis), scheduled events and one
 * drawn event, region dynamics, unanswered red lines, AP, scoring, the end.
 *
 * Everything is integer arithmetic on the world and draws from w->rng in a fixed
 * order, so the same world and orders always give the same result. War (tension
 * at 100) is checked after every step and ends the turn at once. */
#include <assert.h>
#include <stddef.h>

#include "rng.h"
#include "turn.h"

#define R(var) ((var) - VAR_WORLD_END)

int turn_initiative(int t)
{
	return t % 2 == 0 ? SIDE_NATO : SIDE_RUSSIA;
}

/* Tension reached 100: the game ends in war, both sides lose (war_check). */
static bool war_begins(struct world *w, const struct rules *r)
{
	w->over = true;
	w->result = RESULT_WAR;
	w->crisis = 0;
	w->crisis_region = RULES_NO_REGION;
	cause_add(&w->log, (struct cause){ CAUSE_WAR, SIDE_BOTH, VAR_NONE, RULES_NO_REGION, 0, 0 });
	int penalty = r->dyn.war_penalty;
	for (int s = 0; s < SIDE_COUNT && penalty; s++)
		world_change(w, VAR_SCORE, s, -penalty,
		             (struct cause){ CAUSE_SCORE, (uint8_t)s, 0, 0, 0, SCORE_WAR });
	return true;
}

/* True when the game is over, and at war if tension has reached 100.
 * Inline: checked after every change a turn makes. */
static inline bool war_check(struct world *w, const struct rules *r)
{
	if (w->over)
		return true;
	return w->v[VAR_TENSION] >= 100 && war_begins(w, r);
}

/* Apply N effects with target region TARGET, logging each as KIND by SIDE
 * from SOURCE, blunted by BLUNT percent. Returns true when the world went to war. */
static bool apply_effects(struct world *w, const struct rules *r, const struct effect *e, int n,
                          int target, uint8_t kind, uint8_t side, uint16_t source, int blunt)
{
	for (int i = 0; i < n; i++) {
		int var, region, delta;
		if (!turn_effect_delta(w, r, side, &e[i], target, blunt, &var, &region, &delta))
			continue;
		world_change(w, var, region, delta, (struct cause){ kind, side, 0, 0, 0, source });
		if (war_check(w, r))
			return true;
	}
	return false;
}

static void cred_change(struct world *w, int side, int delta, int term)
{
	world_change(w, VAR_CREDIBILITY, side, delta,
	             (struct cause){ CAUSE_CREDIBILITY, (uint8_t)side, 0, 0, 0, (uint16_t)term });
}

/* Red lines: SIDE's order A on TARGET crosses the other side's line, or
 * answers a crossing of its own (the answer costs tension). */
static void red_lines(struct world *w, const struct rules *r, int side, int a, int target)
{
	if (target < 0 || target >= r->nregions || w->red_line[target] == RED_LINE_NONE ||
	    !rules_action_presses(r, a, side))
		return;
	uint32_t bit = 1u << target;
	if (w->red_line[target] == 2 - side) { /* the other side's line */
		if (!(w->crossed & bit))
			cause_add(&w->log, (struct cause){ CAUSE_CREDIBILITY, (uint8_t)side, VAR_NONE,
			                                   (uint8_t)target, 0, CRED_CROSSED });
		w->crossed |= bit;
	} else if (w->red_line[target] == side + 1 && ((w->crossed | w->crossed_last) & bit)) {
		w->crossed &= ~bit;
		w->crossed_last &= ~bit;
		world_change(w, VAR_TENSION, RULES_NO_REGION, r->dyn.redline_answer,
		             (struct cause){ CAUSE_CREDIBILITY, (uint8_t)side, 0, 0, 0, CRED_ANSWERED });
	}
}

int turn_apply_order(struct world *w, const struct rules *r, int side, struct order o)
{
	if (o.action >= r->nactions || !rules_action_for_side(r, o.action, side))
		return -1;
	const struct action *a = &r->action[o.action];
	int target = a->target == TARGET_REGION ? o.region : RULES_NO_REGION;
	if (a->target == TARGET_REGION && target >= r->nregions)
		return -1;
	int failed = 0;
	if (!world_conds_prep(w, r, a->requires, &r->prep.requires[o.action], target)) {
		world_conds(w, r, a->requires, a->nrequires, target, &failed); /* which one failed */
		cause_add(&w->log, (struct cause){ CAUSE_ORDER_FAILED, (uint8_t)side,
		                                   a->requires[failed].ref.var, (uint8_t)target,
		                                   (int16_t)failed, o.action });
		return -1;
	}
	cause_add(&w->log, (struct cause){ CAUSE_ORDER, (uint8_t)side, VAR_NONE, (uint8_t)target, 0,
	                                   o.action });
	int blunt = turn_blunt(w, r, side, o.action, target);
	if (blunt > 0)
		cause_add(&w->log, (struct cause){ CAUSE_DETERRENCE, (uint8_t)side, VAR_NONE, (uint8_t)target,
		                                   (int16_t)blunt, o.action });
	if (apply_effects(w, r, a->effects, a->neffects, target, CAUSE_ACTION, (uint8_t)side, o.action,
	                  blunt))
		return 0;
	red_lines(w, r, side, o.action, target);
	war_check(w, r);
	return 0;
}

/* Collect the changes logged in S into P. */
static void preview_collect(const struct world *s, struct turn_preview *p)
{
	for (int i = 0; i < s->log.n && p->n < TURN_PREVIEW_MAX; i++) {
		const struct cause *c = &s->log.rec[i];
		if (c->kind == CAUSE_DETERRENCE)
			p->blunt = c->delta;
		if (c->var == VAR_NONE)
			continue;
		p->c[p->n].var = c->var;
		p->c[p->n].region = c->region;
		p->c[p->n].delta = c->delta;
		p->n++;
	}
	p->war = s->over;
}

int turn_preview_order(const struct world *w, const struct rules *r, int side, struct order o,
                       struct turn_preview *p)
{
	static const struct turn_preview empty;
	*p = empty;
	struct world s = *w;
	s.log.n = 0;
	s.log.dropped = 0;
	if (turn_apply_order(&s, r, side, o) < 0)
		return -1;
	preview_collect(&s, p);
	return 0;
}

void turn_preview_effects(const struct world *w, const struct rules *r, int side, const struct effect *e,
                          int n, int target, int blunt, struct turn_preview *p)
{
	static const struct turn_preview empty;
	*p = empty;
	struct world s = *w;
	s.log.n = 0;
	s.log.dropped = 0;
	apply_effects(&s, r, e, n, target, CAUSE_ACTION, (uint8_t)side, 0, blunt);
	preview_collect(&s, p);
	p->blunt = blunt;
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
			              n.action, 0);
			break;
		}
	}
}

static bool drift_term(struct world *w, const struct rules *r, int delta, int term)
{
	world_change(w, VAR_TENSION, RULES_NO_REGION, delta,
	             (struct cause){ CAUSE_DRIFT, SIDE_BOTH, 0, 0, 0, (uint16_t)term });
	return war_check(w, r);
}

/* Tension drift: the arms race near Russia pushes it up, dialogue and arms
 * control pull it down, cyber activity pushes it up. */
static bool resolve_drift(struct world *w, const struct rules *r)
{
	const struct dynamics *d = &r->dyn;
	if (d->mil_divisor > 0 &&
	    drift_term(w, r, (world_border_militarization(w, r) - d->mil_baseline) / d->mil_divisor,
	               DRIFT_MILITARIZATION))
		return true;
	if (d->dialogue_divisor > 0 &&
	    drift_term(w, r, -(w->v[VAR_DIALOGUE] / d->dialogue_divisor), DRIFT_DIALOGUE))
		return true;
	if (d->arms_divisor > 0 &&
	    drift_term(w, r, -(w->v[VAR_ARMS_CONTROL] / d->arms_divisor), DRIFT_ARMS_CONTROL))
		return true;
	if (d->cyber_divisor > 0 && drift_term(w, r, w->v[VAR_CYBER] / d->cyber_divisor, DRIFT_CYBER))
		return true;
	if (d->spiral_divisor > 0) {
		int facing = 0;
		for (int i = 0; i < r->nregions; i++)
			if (r->region[i].borders_russia) {
				int n = w->region[i].v[R(VAR_NATO_FORCES)], q = w->region[i].v[R(VAR_RUSSIA_FORCES)];
				facing += n < q ? n : q;
			}
		if (facing / d->spiral_divisor && drift_term(w, r, facing / d->spiral_divisor, DRIFT_SPIRAL))
			return true;
	}
	return false;
}

/* Event E is not ruled out before any region is looked at: not fired yet
 * if it fires once, its calendar and constant conditions hold this turn
 * (r->prep.event[e]), and so do its other conditions that do not read the
 * target. */
static inline bool event_open(const struct world *w, const struct rules *r, int e)
{
	const struct event *ev = &r->event[e];
	const struct event_prep *p = &r->prep.event[e];
	assert(w->turn <= RULES_MAX_TURNS);
	if ((ev->once && (w->fired & (1ULL << e))) || !((p->turns >> w->turn) & 1))
		return false;
	return prep_untargeted(w, r, ev->when, &p->live);
}

/* The regions where event E's target conditions hold, among the
 * candidates its static conditions allow (r->prep.event[e].live.regions);
 * only the first when FIRST (whether there is one). Its other conditions
 * are checked apart (event_open, or the draw's boxes). Region by region,
 * the stored variables first: most regions fail the first condition. */
static inline uint32_t event_regions(const struct world *w, const struct rules *r, int e, bool first)
{
	const struct event_prep *p = &r->prep.event[e];
	const struct conds_prep *c = &p->live;
	int lo = c->untargeted, hi = c->target, n = r->nregions;
	uint32_t candidates = c->regions, set = 0;
	for (int g = 0; g < n; g++) {
		if (!((candidates >> g) & 1))
			continue;
		const int16_t *v = w->region[g].v;
		int i = lo;
		while (i < hi && PREP_HOLDS(c, i, v[c->c[i].var]))
			i++;
		if (i < hi || (c->n > hi && !prep_targeted(w, r, r->event[e].when, c, g)))
			continue;
		set |= 1u << g;
		if (first)
			break;
	}
	return set;
}

uint32_t turn_event_targets(const struct world *w, const struct rules *r, int e)
{
	if (!event_open(w, r, e))
		return 0;
	if (r->event[e].target == TARGET_WORLD)
		return prep_no_target(w, r, r->event[e].when, &r->prep.event[e].live, RULES_NO_REGION) ? 1u : 0u;
	return event_regions(w, r, e, false);
}

/* Event E's target conditions hold: with no target for a world event, in
 * some region for a regional one (its other conditions hold). */
static inline bool event_targeted(const struct world *w, const struct rules *r, int e)
{
	if (r->event[e].target == TARGET_WORLD)
		return prep_no_target(w, r, r->event[e].when, &r->prep.event[e].live, RULES_NO_REGION);
	return event_regions(w, r, e, true) != 0;
}

uint64_t turn_draw_eligible(const struct world *w, const struct rules *r, int kind)
{
	const struct rules_prep *p = &r->prep;
	assert(w->turn <= RULES_MAX_TURNS);
	uint64_t open = p->kind_events[kind] & p->turn_events[w->turn] & ~(w->fired & p->once);
	/* each box once, for the events still open that have it */
	for (int b = p->box_start[kind]; b < p->box_start[kind + 1] && open; b++) {
		const struct event_box *x = &p->box[b];
		if (!(open & x->events))
			continue;
		int v = world_ref(w, r, x->cond.ref, RULES_NO_REGION);
		if (v < x->cond.min || v > x->cond.max)
			open &= ~x->events;
	}
	for (int k = 0; k < p->nkind[kind]; k++) {
		int e = p->kind[kind][k];
		if (((open >> e) & 1) && !event_targeted(w, r, e))
			open &= ~(1ULL << e);
	}
	return open;
}

static int popcount32(uint32_t x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

/* Event E happens (on TARGET); an incident opens a crisis. True at war. */
static bool fire_event(struct world *w, const struct rules *r, int e, int target)
{
	assert(e >= 0 && e < r->nevents);
	assert(target == RULES_NO_REGION || (target >= 0 && target < r->nregions));
	const struct event *ev = &r->event[e];
	w->fired |= 1ULL << e;
	uint8_t ck = ev->kind == EVENT_INCIDENT ? CAUSE_INCIDENT : CAUSE_EVENT;
	cause_add(&w->log, (struct cause){ ck, SIDE_BOTH, VAR_NONE, (uint8_t)target, 0, (uint16_t)e });
	if (apply_effects(w, r, ev->effects, ev->neffects, target, ck, SIDE_BOTH, (uint16_t)e, 0))
		return true;
	if (ev->kind == EVENT_INCIDENT && r->dyn.crisis_war_pct + r->dyn.crisis_stake +
	                                          r->dyn.crisis_back_cred > 0) {
		w->crisis = (uint8_t)(e + 1);
		w->crisis_region = (uint8_t)target;
	}
	return false;
}

/* Draw one eligible event of KIND by weight, its region uniformly among those
 * where it applies, and apply it. Returns true at war. */
static bool draw_event(struct world *w, const struct rules *r, int kind)
{
	uint64_t eligible = turn_draw_eligible(w, r, kind);
	uint32_t total = 0;
	const uint8_t *list = r->prep.kind[kind]; /* the events of KIND, in file order */
	int n = r->prep.nkind[kind];
	for (int k = 0; k < n && eligible; k++)
		if ((eligible >> list[k]) & 1)
			total += r->event[list[k]].weight;
	if (total == 0)
		return false;
	uint32_t pick = rng_below(&w->rng, total);
	int e = 0;
	for (int k = 0; k < n; k++) {
		if (!((eligible >> list[k]) & 1))
			continue;
		e = list[k];
		if (pick < r->event[e].weight)
			break;
		pick -= r->event[e].weight;
	}
	const struct event *ev = &r->event[e];
	int target = RULES_NO_REGION;
	if (ev->target == TARGET_REGION) {
		/* the regions, for the drawn event alone */
		uint32_t set = turn_event_targets(w, r, e);
		int k = (int)rng_below(&w->rng, (uint32_t)popcount32(set));
		for (int i = 0; i < r->nregions; i++)
			if ((set & (1u << i)) && k-- == 0) {
				target = i;
				break;
			}
	}
	return fire_event(w, r, e, target);
}

/* Every scheduled event whose conditions hold fires (in file order). */
static bool scheduled_events(struct world *w, const struct rules *r)
{
	for (int k = 0; k < r->prep.nkind[EVENT_SCHEDULED]; k++) {
		int e = r->prep.kind[EVENT_SCHEDULED][k];
		uint32_t set = turn_event_targets(w, r, e);
		if (!set)
			continue;
		int target = RULES_NO_REGION;
		if (r->event[e].target == TARGET_REGION)
			for (int i = 0; i < r->nregions; i++)
				if (set & (1u << i)) {
					target = i;
					break;
				}
		if (fire_event(w, r, e, target))
			return true;
	}
	return false;
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

void turn_crisis_outcome(struct world *w, const struct rules *r, int outcome)
{
	const struct dynamics *d = &r->dyn;
	int e = w->crisis ? w->crisis - 1 : 0, region = w->crisis_region;
	w->crisis = 0;
	w->crisis_region = RULES_NO_REGION;
	cause_add(&w->log, (struct cause){ CAUSE_CRISIS, SIDE_BOTH, VAR_NONE, (uint8_t)region,
	                                   (int16_t)outcome, (uint16_t)e });
	struct cause c = { CAUSE_CRISIS, SIDE_BOTH, 0, 0, 0, (uint16_t)e };
	switch (outcome) {
	case CRISIS_BOTH_BACK:
		world_change(w, VAR_TENSION, RULES_NO_REGION, -d->crisis_calm, c);
		break;
	case CRISIS_NATO_FIRM:
	case CRISIS_RUSSIA_FIRM: {
		int win = outcome == CRISIS_NATO_FIRM ? SIDE_NATO : SIDE_RUSSIA;
		c.side = (uint8_t)win;
		world_change(w, VAR_CREDIBILITY, win, d->crisis_firm_cred, c);
		if (region < r->nregions)
			world_change(w, VAR_ALIGNMENT, region, win == SIDE_NATO ? d->crisis_stake : -d->crisis_stake,
			             c);
		c.side = (uint8_t)(1 - win);
		world_change(w, VAR_CREDIBILITY, 1 - win, -d->crisis_back_cred, c);
		break;
	}
	case CRISIS_BOTH_FIRM:
		world_change(w, VAR_TENSION, RULES_NO_REGION, d->crisis_firm_tension, c);
		break;
	default: /* the threat that left something to chance */
		world_change(w, VAR_TENSION, RULES_NO_REGION, 100, c);
		break;
	}
	war_check(w, r);
}

/* The open crisis: each side stood firm or backed down with its orders. */
static void resolve_crisis(struct world *w, const struct rules *r, const struct orders o[SIDE_COUNT])
{
	if (!w->crisis)
		return;
	bool firm[SIDE_COUNT] = { o[SIDE_NATO].crisis == CRISIS_FIRM, o[SIDE_RUSSIA].crisis == CRISIS_FIRM };
	int outcome = firm[SIDE_NATO] && firm[SIDE_RUSSIA] ? CRISIS_BOTH_FIRM
	              : firm[SIDE_NATO]                      ? CRISIS_NATO_FIRM
	              : firm[SIDE_RUSSIA]                    ? CRISIS_RUSSIA_FIRM
	                                                     : CRISIS_BOTH_BACK;
	if (outcome == CRISIS_BOTH_FIRM && (int)rng_below(&w->rng, 100) < world_crisis_war_pct(w, r))
		outcome = CRISIS_ESCALATED;
	turn_crisis_outcome(w, r, outcome);
}

/* Standing offers: a side that proposed last turn (a public offer) and a
 * side that answers with no proposal this turn pays for refusing. */
static void resolve_refusals(struct world *w, const struct rules *r, const struct orders o[SIDE_COUNT],
                             bool ok[SIDE_COUNT][ORDERS_MAX])
{
	uint8_t now = 0;
	int offer[SIDE_COUNT] = { -1, -1 };
	for (int s = 0; s < SIDE_COUNT; s++)
		for (int i = 0; i < o[s].n && i < ORDERS_MAX; i++)
			if (ok[s][i] && rules_action_is_proposal(r, o[s].list[i].action)) {
				now |= (uint8_t)(1u << s);
				offer[s] = o[s].list[i].action;
			}
	for (int s = 0; s < SIDE_COUNT && r->dyn.refuse_cost > 0; s++) {
		int other = 1 - s;
		if (!(w->offered & (1u << other)) || (now & (1u << s)))
			continue;
		int var = s == SIDE_NATO ? VAR_NATO_COHESION : VAR_AXIS;
		world_change(w, var, RULES_NO_REGION, -r->dyn.refuse_cost,
		             (struct cause){ CAUSE_REFUSAL, (uint8_t)s, 0, 0, 0,
		                             (uint16_t)(offer[other] >= 0 ? offer[other] : 0) });
	}
	w->offered = now;
}

/* A red line crossed last turn and still unanswered costs its author
 * credibility, and lapses. */
static void resolve_red_lines(struct world *w, const struct rules *r)
{
	for (int i = 0; i < r->nregions; i++) {
		uint32_t bit = 1u << i;
		if (!(w->crossed_last & bit) || w->red_line[i] == RED_LINE_NONE)
			continue;
		int owner = w->red_line[i] - 1;
		cred_change(w, owner, -r->dyn.redline_cred, CRED_UNANSWERED);
		world_change(w, VAR_RED_LINE, i, -w->red_line[i],
		             (struct cause){ CAUSE_CREDIBILITY, (uint8_t)owner, 0, 0, 0, CRED_UNANSWERED });
	}
	w->crossed_last = w->crossed;
	w->crossed = 0;
}

static void score(struct world *w, int side, int points, int term)
{
	if (points)
		world_change(w, VAR_SCORE, side, points,
		             (struct cause){ CAUSE_SCORE, (uint8_t)side, 0, 0, 0, (uint16_t)term });
}

/* Each turn: the regions each side holds, and both sides' share of the
 * common security. */
static void resolve_score(struct world *w, const struct rules *r)
{
	const struct dynamics *d = &r->dyn;
	int held[SIDE_COUNT] = { 0, 0 };
	for (int i = 0; i < r->nregions; i++) {
		int c = turn_controller(w, r, i);
		if (c != SIDE_BOTH)
			held[c] += r->region[i].value;
	}
	int sec = d->security_divisor > 0 ? world_security_index(w, r) / d->security_divisor : 0;
	for (int s = 0; s < SIDE_COUNT; s++) {
		score(w, s, held[s] * d->turn_points, SCORE_CONTROL);
		score(w, s, sec, SCORE_SECURITY);
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

/* The last turn is over: score the regions each side holds and its
 * credibility; the higher score wins, scores within the margin draw. */
static void resolve_end(struct world *w, const struct rules *r)
{
	const struct dynamics *d = &r->dyn;
	int held[SIDE_COUNT] = { 0, 0 };
	bool active = false;
	for (int i = 0; i < r->nregions; i++) {
		int c = turn_controller(w, r, i);
		if (c != SIDE_BOTH)
			held[c] += r->region[i].value;
		if (w->region[i].v[R(VAR_CONFLICT)] == CONFLICT_ACTIVE)
			active = true;
	}
	for (int s = 0; s < SIDE_COUNT; s++) {
		score(w, s, held[s] * d->end_points, SCORE_END_CONTROL);
		if (d->credibility_divisor > 0)
			score(w, s, w->credibility[s] / d->credibility_divisor, SCORE_CREDIBILITY);
	}
	w->over = true;
	w->crisis = 0;
	w->crisis_region = RULES_NO_REGION;
	int gap = w->score[SIDE_NATO] - w->score[SIDE_RUSSIA];
	if (r->victory.cooperative && w->v[VAR_TENSION] < 40 && !active)
		w->result = RESULT_PEACE;
	else if (gap > d->draw_margin)
		w->result = RESULT_NATO;
	else if (-gap > d->draw_margin)
		w->result = RESULT_RUSSIA;
	else
		w->result = RESULT_DRAW;
	cause_add(&w->log, (struct cause){ CAUSE_END, SIDE_BOTH, VAR_NONE, RULES_NO_REGION, 0,
	                                   w->result });
}

int turn_resolve(struct world *w, const struct rules *r, const struct orders orders[SIDE_COUNT])
{
	assert(rules_prepared(r)); /* rules_prepare() after any change to the rules */
	if (w->over)
		return -1;
	w->log.n = 0;
	w->log.dropped = 0;
	w->log.nnotes = 0;

	bool ok[SIDE_COUNT][ORDERS_MAX] = { { false } };
	resolve_crisis(w, r, orders);
	int first = turn_initiative(w->turn);
	int most = orders[0].n > orders[1].n ? orders[0].n : orders[1].n;
	if (most > ORDERS_MAX)
		most = ORDERS_MAX;
	for (int i = 0; i < most && !w->over; i++)
		for (int k = 0; k < SIDE_COUNT && !w->over; k++) {
			int side = k == 0 ? first : 1 - first;
			if (i < orders[side].n)
				ok[side][i] = turn_apply_order(w, r, side, orders[side].list[i]) == 0;
		}
	if (!w->over)
		resolve_agreements(w, r, orders, ok);
	if (!w->over)
		resolve_refusals(w, r, orders, ok);
	if (!w->over && !resolve_drift(w, r) && !resolve_miscalc(w, r) && !scheduled_events(w, r) &&
	    !draw_event(w, r, EVENT_EVENT)) {
		resolve_regions(w, r);
		resolve_red_lines(w, r);
		resolve_ap(w, r);
		if (!war_check(w, r))
			resolve_score(w, r);
	}

	w->turn++;
	assert(w->turn <= RULES_MAX_TURNS); /* history[] has room: the game ends by then */
	for (int v = 0; v < VAR_WORLD_END; v++)
		w->history[w->turn][v] = w->v[v];
	if (!w->over && w->turn >= r->turns)
		resolve_end(w, r);
	/* Debug and sanitizer builds stop at the first turn that breaks an
	 * invariant; the release build (-DNDEBUG) compiles this out. */
	assert(world_check(w, r) == NULL);
	return 0;
}

/* The facilitator's change: checked whole before anything moves, so a
 * refusal leaves W as it was. */
const char *turn_facilitator(struct world *w, const struct rules *r, struct fac_change *c)
{
	if (w->over)
		return "the game is over";
	if (c->kind >= FAC_KIND_COUNT || c->n > RULES_MAX_EFFECTS ||
	    (c->kind == FAC_SET && (c->n != 1 || c->effect[0].op != EFFECT_SET)))
		return "not a facilitator's change";
	if (w->log.n + 4 + 2 * RULES_MAX_EFFECTS > CAUSE_MAX)
		return "too many changes this turn";
	for (int i = 0; i < c->n; i++) {
		const struct effect *e = &c->effect[i];
		bool region = e->ref.var >= VAR_WORLD_END;
		if (e->ref.var >= VAR_COUNT || !var_info[e->ref.var].writable)
			return "a variable the facilitator cannot change";
		if (region ? e->ref.scope != SCOPE_REGION || e->ref.region >= r->nregions
		           : e->ref.scope != SCOPE_WORLD)
			return "a region variable needs a region, a world variable none";
		if (e->op == EFFECT_SET && (e->value < var_info[e->ref.var].min ||
		                            e->value > var_info[e->ref.var].max))
			return "a value out of the variable's range";
		if (e->op != EFFECT_SET && e->op != EFFECT_ADD)
			return "not a facilitator's change";
	}
	if (c->kind == FAC_EVENT) {
		if (c->event >= r->nevents)
			return "no such event";
		const struct event *ev = &r->event[c->event];
		if (ev->kind == EVENT_INCIDENT && w->crisis)
			return "a crisis is already open: it is answered next turn";
		if (ev->target == TARGET_WORLD) {
			c->region = RULES_NO_REGION;
		} else if (c->region == RULES_NO_REGION) {
			for (int i = 0; i < r->nregions && c->region == RULES_NO_REGION; i++)
				if (world_conds(w, r, ev->when, ev->nwhen, i, NULL))
					c->region = (uint8_t)i;
			if (c->region == RULES_NO_REGION)
				return "no region fits this event now: name one";
		} else if (c->region >= r->nregions) {
			return "no such region";
		}
	}
	if (c->kind == FAC_SAY && (!c->text[0] || w->log.nnotes >= CAUSE_NOTES))
		return c->text[0] ? "too many messages this turn" : "a message needs a text";

	int detail = c->kind == FAC_EVENT ? c->event : c->kind == FAC_SET ? c->effect[0].value
	             : c->kind == FAC_SAY ? w->log.nnotes : 0;
	if (c->kind == FAC_SAY) {
		char *note = w->log.note[w->log.nnotes++];
		size_t k = 0;
		for (; k + 1 < CAUSE_NOTE_MAX && c->text[k]; k++)
			note[k] = c->text[k];
		note[k] = 0;
	}
	uint8_t hr = c->kind == FAC_EVENT ? c->region
	             : c->kind == FAC_SET && c->effect[0].ref.scope == SCOPE_REGION ? c->effect[0].ref.region
	                                                                            : RULES_NO_REGION;
	int var = c->kind == FAC_SET ? c->effect[0].ref.var : 0;
	cause_add(&w->log, (struct cause){ CAUSE_FACILITATOR, SIDE_BOTH, VAR_NONE, hr, (int16_t)detail,
	                                   FAC_SOURCE(c->kind, var) });
	if (c->kind == FAC_EVENT)
		fire_event(w, r, c->event, c->region);
	else if (c->kind == FAC_END)
		resolve_end(w, r);
	else
		apply_effects(w, r, c->effect, c->n, RULES_NO_REGION, CAUSE_FACILITATOR, SIDE_BOTH, c->kind, 0);
	war_check(w, r);
	/* what the next turn starts from */
	for (int v = 0; v < VAR_WORLD_END; v++)
		w->history[w->turn][v] = w->v[v];
	assert(world_check(w, r) == NULL);
	return NULL;
}
