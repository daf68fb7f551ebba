/* rules.h - a scenario as plain data: metadata, regions, actions, events, dynamics.
 *
 * Filled by the scenario loader, read-only to the engine. Fixed size, no
 * pointers: a struct rules can be copied with one assignment and compared
 * field by field. Code never switches on an action's or event's id: what an
 * action does is the data in its struct action. */
#ifndef BRINK_RULES_H
#define BRINK_RULES_H

#include <stdbool.h>
#include <stdint.h>

#include "var.h"

#define RULES_ID_MAX 32        /* ids: [a-z0-9-]+, including the NUL */
#define RULES_NAME_MAX 64      /* names and titles */
#define RULES_HELP_MAX 160     /* one-line help */
#define RULES_TEXT_MAX 512     /* summaries, notes, event texts */
#define RULES_SHORT_MAX 16     /* a region's short name on the map */
#define RULES_PATH_MAX 256     /* a map art file's name or path */
#define RULES_MAX_REGIONS 32
#define RULES_MAX_ACTIONS 48
#define RULES_MAX_EVENTS 64    /* events and incidents together */
#define RULES_MAX_CONDS 6      /* requirements of one action or event */
#define RULES_MAX_EFFECTS 8    /* effects of one action or event */
#define RULES_MAX_TURNS 60
#define RULES_MAX_AP 10
#define RULES_NO_REGION 255    /* region index meaning "none / the world" */

enum side { SIDE_NATO, SIDE_RUSSIA, SIDE_COUNT, SIDE_BOTH = SIDE_COUNT };

enum scope {
	SCOPE_WORLD,  /* a world variable: "tension" */
	SCOPE_TARGET, /* the action's or event's target region: "target.stability" */
	SCOPE_REGION  /* a named region: "poland.stability" */
};

/* A reference to one variable, as written in a scenario's var = "...". */
struct varref {
	uint8_t scope;  /* enum scope */
	uint8_t var;    /* enum var */
	uint8_t region; /* region index for SCOPE_REGION, else RULES_NO_REGION */
};

/* A condition: the variable lies in [min, max] (both inclusive). */
struct cond {
	struct varref ref;
	int16_t min, max;
};

enum effect_op { EFFECT_ADD, EFFECT_SET };

/* An effect: add VALUE to the variable, or set it to VALUE; then clamp. */
struct effect {
	struct varref ref;
	uint8_t op;    /* enum effect_op */
	int16_t value;
};

enum target { TARGET_WORLD, TARGET_REGION };

struct action {
	char id[RULES_ID_MAX];
	char name[RULES_NAME_MAX];
	char help[RULES_HELP_MAX];
	uint8_t side;     /* enum side; SIDE_BOTH: either side may order it */
	uint8_t target;   /* enum target */
	uint8_t cost;     /* AP, 0..RULES_MAX_AP */
	uint8_t nrequires, neffects, nagreed;
	struct cond requires[RULES_MAX_CONDS];
	struct effect effects[RULES_MAX_EFFECTS];
	/* A proposal: when both sides order this action (same target) in one
	 * turn, these effects apply once more, as the agreement. Only for
	 * side == SIDE_BOTH; nagreed == 0 means it is no proposal. */
	struct effect agreed[RULES_MAX_EFFECTS];
};

enum event_kind {
	EVENT_EVENT,
	EVENT_INCIDENT,
	EVENT_SCHEDULED, /* fires whenever its conditions hold */
	EVENT_KIND_COUNT
};

struct event {
	char id[RULES_ID_MAX];
	char title[RULES_NAME_MAX];
	char text[RULES_TEXT_MAX];
	uint8_t kind;    /* enum event_kind: incidents come from miscalculation */
	uint8_t target;  /* enum target: TARGET_REGION picks one region where
	                    the target.* conditions hold */
	uint8_t weight;  /* 1..100, relative chance among eligible events */
	bool once;       /* fires at most once a game */
	uint8_t nwhen, neffects;
	struct cond when[RULES_MAX_CONDS];
	struct effect effects[RULES_MAX_EFFECTS];
};

struct region_info {
	char id[RULES_ID_MAX];
	char name[RULES_NAME_MAX];
	char short_name[RULES_SHORT_MAX]; /* on the map instead of name; "" = name */
	uint8_t value;           /* 1..5 victory points */
	bool borders_russia;
	uint32_t borders;        /* bit i set: borders region i */
	/* starting values of the stored region variables, indexed by
	 * var - VAR_WORLD_END; the starting stability is also the level
	 * stability drifts back to. */
	int16_t start[VAR_REGION_STORED];
};

/* The numbers of the end-of-turn phase (GAME-DESIGN.md "Drift and crisis").
 * All integer; a divisor of 0 switches its term off. */
struct dynamics {
	int16_t mil_baseline;     /* mean militarization of border regions that adds no tension */
	int16_t mil_divisor;      /* tension += (mean militarization - baseline) / mil_divisor */
	int16_t dialogue_divisor; /* tension -= dialogue / dialogue_divisor */
	int16_t arms_divisor;     /* tension -= arms_control / arms_divisor */
	int16_t cyber_divisor;    /* tension += cyber / cyber_divisor */
	int16_t misc_threshold;   /* miscalculation possible above this tension */
	int16_t cyber_risk_divisor; /* cyber / this adds to the miscalculation margin */
	int16_t stability_pull;   /* stability moves 1/stability_pull of the gap to its base */
	int16_t unstable_below;   /* a region below this stability drifts to the stronger side */
	int16_t influence_step;   /* alignment change per turn in an unstable region */
	int16_t vulnerable_at;    /* a NATO member this vulnerable hardens toward the West */
	int16_t harden_step;      /* alignment change per turn for such a member */
	int16_t force_decay;      /* forces lost per turn in every region (rotation, upkeep) */
	int16_t sanctions_ap_at;  /* sanctions at or above: Russia -1 AP ... */
	int16_t axis_offset_at;   /* ... unless axis at or above this */
	int16_t cohesion_low;     /* nato_cohesion below: NATO -1 AP */
	int16_t cohesion_high;    /* nato_cohesion at or above: NATO +1 AP */
	/* the arms-race spiral: both sides' forces facing each other on a border */
	int16_t spiral_divisor;   /* tension += sum over border regions of min(forces) / this */
	/* deterrence: forces blunt the other side's pull on a region's alignment */
	int16_t deter_pct;        /* percent blunted per 10 of the defender's forces there */
	int16_t deter_max;        /* at most this percent from forces */
	int16_t member_shield;    /* percent more when the region is the defender's member */
	/* credibility of commitments, 0..100 a side */
	int16_t credibility_start;  /* at the start of the game */
	int16_t redline_cred;       /* lost by a side whose crossed red line goes unanswered */
	int16_t redline_answer;     /* tension added when a crossed red line is answered */
	int16_t refuse_cost;        /* cohesion (NATO) or axis (Russia) lost by refusing talks */
	/* crises: an incident opens one; next turn each side stands firm or backs down */
	int16_t crisis_back_cred;   /* credibility lost by a side that backs down alone */
	int16_t crisis_firm_cred;   /* credibility won by a side that stands firm alone */
	int16_t crisis_stake;       /* alignment won in the crisis region by standing firm alone */
	int16_t crisis_firm_tension;/* tension added when both stand firm */
	int16_t crisis_war_pct;     /* percent chance of war when both stand firm ... */
	int16_t crisis_war_tension; /* ... plus tension times this / 100 */
	int16_t crisis_calm;        /* tension removed when both back down */
	/* scoring (mixed motives): see turn_resolve */
	int16_t turn_points;        /* a region's value times this, each turn it is held */
	int16_t end_points;         /* a region's value times this, if held at the end */
	int16_t security_divisor;   /* both sides score security index / this each turn */
	int16_t credibility_divisor;/* each side scores credibility / this at the end */
	int16_t war_penalty;        /* both sides lose this at war */
	int16_t draw_margin;        /* scores this close (or closer) at the end are a draw */
};

struct victory {
	int16_t control;   /* alignment >= control: NATO holds it; <= -control: Russia */
	bool cooperative;  /* both win if tension ends below 40 with no active conflict */
};

struct side_info {
	char name[RULES_NAME_MAX];
	uint8_t ap; /* base action points a turn, 1..RULES_MAX_AP */
};

/* A list of conditions sorted by what they read, so a check reads the
 * common ones straight from the world: first the world's stored variables
 * (c[i].var is the index into world.v), then other conditions that do not
 * read the target (c[i].var is the condition's index in its list), then the
 * target region's stored variables (the index into region_state.v), then
 * other target conditions (the condition's index). Each part ends where the
 * next begins: c[0] up to c[world], up to c[untargeted], c[target], c[n].
 * Conditions on static facts (a region's value or borders_russia, of the
 * target or of a named region) are not in c[]: they never change in play,
 * so they are worked out once, into the targets they allow. */
struct conds_prep {
	uint32_t regions; /* bit g: the static conditions hold with target region g */
	bool no_target;   /* they hold with no target region (target.* reads as 0) */
	uint8_t world, untargeted, target, n;
	struct {
		uint8_t var;
		int16_t min, max;
	} c[RULES_MAX_CONDS];
};

/* An event's conditions split for the draw (every event of a kind is
 * checked every turn): those on the calendar are worked out once, leaving
 * the rest to check against the world. */
struct event_prep {
	uint64_t turns;   /* bit t: its conditions on the calendar (year,
	                     quarter) hold in turn t, 0..RULES_MAX_TURNS */
	struct conds_prep live; /* the other conditions (indexes into when[]) */
};

/* A condition of a kind's events that does not read the target, once for
 * all the events of the kind that have it (they share many: "tension at
 * least 40"): a draw checks each once. */
struct event_box {
	struct cond cond;
	uint64_t events; /* bit e: event e has it among its live conditions */
};

/* What the engine derives from the rules once, so that a turn does not
 * derive it again: events by kind, every condition list sorted, each
 * side's actions and (action, target) pairs, which actions press a
 * region for which side, and each event's conditions split for the
 * draw. rules_prepare() fills it: the loader does after loading, and
 * whoever changes rules by hand calls it again. The counts say what it was
 * made for. */
struct rules_prep {
	bool ready;
	uint8_t nregions, nactions, nevents;
	uint8_t nkind[EVENT_KIND_COUNT];
	uint8_t kind[EVENT_KIND_COUNT][RULES_MAX_EVENTS]; /* event indexes, in file order */
	uint8_t presses[RULES_MAX_ACTIONS];              /* bit s: the action presses for side s */
	uint8_t nmine[SIDE_COUNT];
	uint8_t mine[SIDE_COUNT][RULES_MAX_ACTIONS];     /* the actions side s may order, in file order */
	uint8_t cheapest[SIDE_COUNT];                    /* the AP of side s's cheapest action */
	uint16_t npairs[SIDE_COUNT];
	struct {
		uint8_t action, region; /* region: RULES_NO_REGION for a world action */
	} pair[SIDE_COUNT][RULES_MAX_ACTIONS * RULES_MAX_REGIONS]; /* side s's (action, target) pairs, in file order */
	struct conds_prep requires[RULES_MAX_ACTIONS];
	struct event_prep event[RULES_MAX_EVENTS];
	/* the draw's events as bit sets (bit e: event e) */
	uint64_t kind_events[EVENT_KIND_COUNT];       /* of kind k */
	uint64_t once;                                /* that fire at most once */
	uint64_t turn_events[RULES_MAX_TURNS + 1];    /* whose event_prep.turns allow turn t */
	uint16_t box_start[EVENT_KIND_COUNT + 1];     /* kind k's boxes: box[box_start[k]] up to box_start[k + 1] */
	struct event_box box[RULES_MAX_EVENTS * RULES_MAX_CONDS];
};

struct rules {
	char id[RULES_ID_MAX];
	char title[RULES_NAME_MAX];
	char summary[RULES_TEXT_MAX];
	char note[RULES_TEXT_MAX];   /* short historical note; may be empty */
	int16_t start_year;
	uint8_t start_quarter;       /* 1..4 */
	uint8_t turns;               /* 1..RULES_MAX_TURNS */
	struct side_info side[SIDE_COUNT];
	int16_t start_world[VAR_WORLD_END]; /* starting world variables */
	uint8_t nregions, nactions, nevents;
	struct region_info region[RULES_MAX_REGIONS];
	struct action action[RULES_MAX_ACTIONS];
	struct event event[RULES_MAX_EVENTS];
	struct dynamics dyn;
	struct victory victory;
	/* The scenario's map art (map.art, map.art_large): a path when the file
	 * sits beside the scenario, else a name looked up in the assets folders;
	 * "" = none: the front end lays the regions out from the borders. */
	char map_art[RULES_PATH_MAX];
	char map_art_large[RULES_PATH_MAX];
	struct rules_prep prep; /* derived by rules_prepare(), last */
};

/* Calendar of turn T (0-based): year and quarter. */
static inline void rules_date(const struct rules *r, int t, int *year, int *quarter)
{
	int q = (r->start_quarter ? r->start_quarter : 1) - 1 + t;
	*year = r->start_year + q / 4;
	*quarter = q % 4 + 1;
}

/* Fill R->prep from the rest of R (see struct rules_prep). */
void rules_prepare(struct rules *r);

/* True when R->prep was made for R's counts (asserted by the engine). */
static inline bool rules_prepared(const struct rules *r)
{
	return r->prep.ready && r->prep.nregions == r->nregions && r->prep.nactions == r->nactions &&
	       r->prep.nevents == r->nevents;
}

/* True when an action's effects pull its target region toward SIDE: its
 * alignment toward SIDE, or SIDE's forces up (pressure on the region).
 * Read from R->prep (rules_prepare works it out from the effects). */
static inline bool rules_action_presses(const struct rules *r, int a, int side)
{
	return a >= 0 && a < r->nactions && side >= 0 && side < SIDE_COUNT && ((r->prep.presses[a] >> side) & 1);
}

/* True when an action is a proposal (it has agreed effects). Inline: every
 * order of a turn is asked, and the AI asks of every order it reads. */
static inline bool rules_action_is_proposal(const struct rules *r, int a)
{
	return a >= 0 && a < r->nactions && r->action[a].nagreed > 0;
}

/* The standard dynamics and victory settings, used where a scenario and the
 * standard rules file leave them out. */
void rules_defaults(struct rules *r);

/* Index of the region, action or event with this id, or -1. */
int rules_region_find(const struct rules *r, const char *id);
int rules_action_find(const struct rules *r, const char *id);
int rules_event_find(const struct rules *r, const char *id);

/* True when SIDE may order action A (its own or a SIDE_BOTH action).
 * Inline: every order check and every AI's scan of its actions asks. */
static inline bool rules_action_for_side(const struct rules *r, int a, int side)
{
	if (a < 0 || a >= r->nactions || side < 0 || side >= SIDE_COUNT)
		return false;
	return r->action[a].side == SIDE_BOTH || r->action[a].side == side;
}

/* "nato" / "russia" (file spelling); "both" for SIDE_BOTH. */
const char *side_id(int side);
/* SIDE_NATO, SIDE_RUSSIA, SIDE_BOTH for "nato", "russia", "both", else -1. */
int side_parse(const char *s);

#endif
