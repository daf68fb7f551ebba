/* turn.h - turn resolution: orders, agreements, drift, crisis, events, regions, scoring.
 *
 * turn_resolve() is the only way the world moves forward: the curses UI, plain
 * mode, the AI's look-ahead, replays and the simulator all call it. */
#ifndef BRINK_TURN_H
#define BRINK_TURN_H

#include "order.h"
#include "world.h"

/* Resolve one turn with both sides' orders (indexed by enum side), then
 * the end-of-turn phase and, on the last turn or at war, the end of the game.
 * Orders are re-checked as they resolve: one whose requirements no longer
 * hold fails (logged) and its AP is lost. Returns 0, or -1 if the game was
 * already over (W unchanged). */
int turn_resolve(struct world *w, const struct rules *r, const struct orders orders[SIDE_COUNT]);

/* Percent by which SIDE's order of ACTION on region TARGET is blunted now
 * by deterrence: the other side's forces there (dynamics deter_pct, deter_max),
 * its membership (member_shield), scaled by the other side's credibility.
 * 0 for actions that do not press the region toward SIDE. Inline: every
 * order resolved, and every one the AI weighs, asks. */
static inline int turn_blunt(const struct world *w, const struct rules *r, int side, int action, int target)
{
	const struct dynamics *d = &r->dyn;
	if (side < 0 || side >= SIDE_COUNT || target < 0 || target >= r->nregions)
		return 0;
	int other = 1 - side;
	int forces_var = other == SIDE_NATO ? VAR_NATO_FORCES : VAR_RUSSIA_FORCES;
	int forces = w->region[target].v[forces_var - VAR_WORLD_END];
	int pct = forces * d->deter_pct / 10;
	if (pct > d->deter_max)
		pct = d->deter_max;
	int member = w->region[target].v[VAR_MEMBER - VAR_WORLD_END];
	if (member == (other == SIDE_NATO ? MEMBER_NATO : MEMBER_CSTO))
		pct += d->member_shield;
	/* nothing to blunt, or an order that does not press the region (the
	 * cheaper test first) */
	if (pct <= 0 || !rules_action_presses(r, action, side))
		return 0;
	/* deterrence is as strong as the defender's commitments are believed */
	pct = pct * (50 + w->credibility[other] / 2) / 100;
	return pct < 0 ? 0 : pct > 90 ? 90 : pct;
}

/* The change effect E makes now when SIDE applies it with TARGET and
 * deterrence BLUNT (percent, from turn_blunt; 0 for events and agreements):
 * the variable, its region (or side for per-side variables) and the delta
 * before clamping. False when it changes nothing (a target.* effect without
 * a target). The one rule for effects: resolution, the AI's estimates and the
 * previews all call it. Inline: resolution and the AI's look-ahead apply
 * effects by the hundred thousand. */
static inline bool turn_effect_delta(const struct world *w, const struct rules *r, int side,
                                     const struct effect *e, int target, int blunt, int *var,
                                     int *region, int *delta)
{
	*region = e->ref.scope == SCOPE_TARGET   ? target
	          : e->ref.scope == SCOPE_REGION ? e->ref.region
	                                          : RULES_NO_REGION;
	*var = e->ref.var;
	if (*var >= VAR_WORLD_END && (*region < 0 || *region >= r->nregions))
		return false; /* a target.* effect with no target: nothing to change */
	*delta = e->value;
	if (e->op == EFFECT_SET) {
		*delta -= world_get(w, r, *var, *region);
		return true;
	}
	/* deterrence blunts the pull on the region's alignment toward SIDE */
	if (blunt > 0 && *var == VAR_ALIGNMENT && e->ref.scope == SCOPE_TARGET &&
	    (side == SIDE_NATO ? *delta > 0 : side == SIDE_RUSSIA ? *delta < 0 : false))
		*delta = *delta * (100 - blunt) / 100;
	return true;
}

/* Carry out SIDE's order O now, as resolution does: requirements, effects
 * (with deterrence), red lines, logged to W's cause log. Returns 0, or -1
 * when it failed (its requirements do not hold; logged). */
int turn_apply_order(struct world *w, const struct rules *r, int side, struct order o);

/* What SIDE's order O would change if it resolved now, alone: the changes
 * (after deterrence and clamping), the percent blunted, and whether it would
 * start a war. Returns 0, or -1 when it could not be carried out. */
#define TURN_PREVIEW_MAX 16
struct turn_preview {
	int n;
	int blunt;   /* percent of its pull on alignment blunted by deterrence */
	bool war;    /* it would take tension to 100 */
	struct {
		uint8_t var, region; /* region: the region, the side for per-side variables */
		int16_t delta;
	} c[TURN_PREVIEW_MAX];
};
int turn_preview_order(const struct world *w, const struct rules *r, int side, struct order o,
                       struct turn_preview *p);

/* What N effects E would change if SIDE applied them now on TARGET with
 * deterrence BLUNT (as turn_apply_order does, without its requirements):
 * for menus that show an action's effects, and a proposal's agreed ones. */
void turn_preview_effects(const struct world *w, const struct rules *r, int side, const struct effect *e,
                          int n, int target, int blunt, struct turn_preview *p);

/* Close W's open crisis with OUTCOME (enum crisis_outcome), applying and
 * logging its changes: resolution calls it after the firm/back choices and
 * the war roll; the AI calls it on copies to weigh its choice. */
void turn_crisis_outcome(struct world *w, const struct rules *r, int outcome);

/* A facilitator's change between turns (a class's teacher at `brink serve`):
 * bring in one of the rules' events (FAC_EVENT), set one variable (FAC_SET:
 * one EFFECT_SET effect), say a message with changes of its own (FAC_SAY:
 * EFFECT_ADD effects and TEXT), or end the game now (FAC_END). Effects name
 * world variables or a region's (SCOPE_WORLD or SCOPE_REGION). */
struct fac_change {
	uint8_t kind;   /* enum fac_kind */
	uint8_t event;  /* FAC_EVENT: the event's index */
	uint8_t region; /* FAC_EVENT: its region; RULES_NO_REGION for a world event, or
	                   for turn_facilitator to pick the first where it applies */
	uint8_t n;      /* effects used */
	struct effect effect[RULES_MAX_EFFECTS];
	char text[CAUSE_NOTE_MAX]; /* FAC_SAY: the message */
};

/* Apply the facilitator's change C to W now, between turns: log a
 * CAUSE_FACILITATOR headline, then its changes (clamped, each logged; an
 * event's own records as the rules make them, an incident opening its
 * crisis; the end of the game scored as after the last turn), check for war,
 * and make the values now the start of the next turn (history). An event's
 * region left to pick is filled into C. Returns NULL, or a static reason it
 * is refused (W unchanged): the game is over, a crisis is already open, no
 * region fits the event, a variable the rules cannot change, a value out of
 * range, too many messages this turn. */
const char *turn_facilitator(struct world *w, const struct rules *r, struct fac_change *c);

/* Where event E may fire now, as the draw reads it (through the rules'
 * prep, r->prep.event[e]): the regions where its conditions hold, or bit 0
 * alone for a world event where they hold; 0 when they do not, or it fires
 * once and has. The answer of world_conds() region by region (tests hold
 * it to that). */
uint32_t turn_event_targets(const struct world *w, const struct rules *r, int e);

/* The events of KIND that may fire now (turn_event_targets() != 0), as a
 * bit set (bit e: event e): what the draw reads each turn, every condition
 * shared by the kind's events checked once (r->prep.box). */
uint64_t turn_draw_eligible(const struct world *w, const struct rules *r, int kind);

/* Chance of a miscalculation at the end of this turn, in 1/10000, from the
 * current state (as the UI's side panel shows it). Inline: the AI's
 * evaluator asks it of every position it weighs. */
static inline int turn_miscalc_chance(const struct world *w, const struct rules *r)
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

/* Which side moves first in turn T (initiative alternates; NATO in turn 0). */
int turn_initiative(int t);

/* The region's controller under the victory rules: SIDE_NATO, SIDE_RUSSIA,
 * or SIDE_BOTH for contested. Inline: the AI's evaluator asks it for every
 * region of every position it weighs. */
static inline int turn_controller(const struct world *w, const struct rules *r, int region)
{
	int a = w->region[region].v[VAR_ALIGNMENT - VAR_WORLD_END];
	if (a >= r->victory.control)
		return SIDE_NATO;
	if (a <= -r->victory.control)
		return SIDE_RUSSIA;
	return SIDE_BOTH;
}

#endif
