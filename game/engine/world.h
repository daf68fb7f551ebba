/* world.h - the game state: a fixed-size, copyable value.
 *
 * Invariants (checked by world_check): every variable lies in its range;
 * turn <= rules->turns; over is set exactly when result != RESULT_NONE;
 * the cause log holds the last resolved turn. A world never points anywhere:
 * copy it with '=' (the AI and the simulator do). */
#ifndef BRINK_WORLD_H
#define BRINK_WORLD_H

#include <assert.h>
#include <stdbool.h>
#include <stdint.h>

#include "cause.h"
#include "rules.h"

enum result { RESULT_NONE, RESULT_NATO, RESULT_RUSSIA, RESULT_DRAW, RESULT_WAR, RESULT_PEACE };

struct region_state {
	int16_t v[VAR_REGION_STORED]; /* indexed by var - VAR_WORLD_END */
};

struct world {
	uint64_t rng;                  /* the rules' random stream */
	uint8_t turn;                  /* turns resolved so far: 0 at the start */
	bool over;                     /* the game has ended */
	uint8_t result;                /* enum result, RESULT_NONE while playing */
	uint8_t nregions;              /* copy of rules->nregions */
	uint8_t ap[SIDE_COUNT];        /* action points for the current turn */
	int16_t score[SIDE_COUNT];     /* victory points: scored each turn and at the end */
	int16_t credibility[SIDE_COUNT]; /* 0..100: how far each side's commitments are believed */
	int16_t red_line[RULES_MAX_REGIONS]; /* enum red_line: who drew one over the region */
	uint32_t crossed;              /* bit i: region i's red line was crossed this turn */
	uint32_t crossed_last;         /* ... last turn, not yet answered */
	uint8_t offered;               /* bit s: side s made a proposal last turn */
	uint8_t crisis;                /* an open crisis: 1 + the incident's event index, 0 none */
	uint8_t crisis_region;         /* its region, or RULES_NO_REGION */
	int16_t v[VAR_WORLD_END];      /* world variables */
	uint64_t fired;                /* bit i: event i has fired (for once = true) */
	struct region_state region[RULES_MAX_REGIONS];
	/* world variables at the start of each turn; history[turn] is now */
	int16_t history[RULES_MAX_TURNS + 1][VAR_WORLD_END];
	struct cause_log log;          /* what happened in the last resolved turn */
};

/* Set W to the scenario's starting state with the rules stream seeded by SEED. */
void world_init(struct world *w, const struct rules *r, uint64_t seed);

/* Copy SRC into DST but for its cause log, which DST gets empty: for the
 * AI's scratch copies, which never read the last turn's log (the log is
 * most of a world's bytes). */
void world_copy_state(struct world *dst, const struct world *src);

/* Value of variable VAR: a world variable, or a region variable of REGION
 * (stored, static or derived). */
int world_get(const struct world *w, const struct rules *r, int var, int region);

/* True when every condition holds for TARGET. If not, *failed (when not NULL)
 * is the index of the first that fails. */
bool world_conds(const struct world *w, const struct rules *r, const struct cond *c,
                 int n, int target, int *failed);

/* Value of a reference; TARGET is the region "target." refers to (or
 * RULES_NO_REGION, in which case target.* reads as 0). Stored variables
 * straight from the world (inline: every condition reads through it), the
 * rest through world_get(). */
static inline int world_ref(const struct world *w, const struct rules *r, struct varref ref, int target)
{
	int region = ref.scope == SCOPE_TARGET ? target : ref.scope == SCOPE_REGION ? ref.region : RULES_NO_REGION;
	if (ref.var < VAR_WORLD_END)
		return w->v[ref.var];
	if (ref.var < VAR_REGION_STORED_END && region < r->nregions)
		return w->region[region].v[ref.var - VAR_WORLD_END];
	return world_get(w, r, ref.var, region);
}

/* Condition I of P (sorted from C) holds for value V. */
#define PREP_HOLDS(p, i, v) ((v) >= (p)->c[i].min && (v) <= (p)->c[i].max)

/* The conditions of P that do not read the target hold. */
static inline bool prep_untargeted(const struct world *w, const struct rules *r, const struct cond *c,
                                   const struct conds_prep *p)
{
	int i = 0;
	for (; i < p->world; i++)
		if (!PREP_HOLDS(p, i, w->v[p->c[i].var]))
			return false;
	for (; i < p->untargeted; i++)
		if (!PREP_HOLDS(p, i, world_ref(w, r, c[p->c[i].var].ref, RULES_NO_REGION)))
			return false;
	return true;
}

/* The conditions of P that read the target hold for region G, one its
 * static conditions allow (in p->regions). */
static inline bool prep_targeted(const struct world *w, const struct rules *r, const struct cond *c,
                                 const struct conds_prep *p, int g)
{
	int i = p->untargeted;
	const int16_t *v = w->region[g].v;
	for (; i < p->target; i++)
		if (!PREP_HOLDS(p, i, v[p->c[i].var]))
			return false;
	for (; i < p->n; i++)
		if (!PREP_HOLDS(p, i, world_ref(w, r, c[p->c[i].var].ref, g)))
			return false;
	return true;
}

/* The conditions of P that read the target hold with TARGET no region in
 * range: target.* reads as 0 (world_ref), or as a derived variable without
 * a region reads; and so do those on static facts. */
static inline bool prep_no_target(const struct world *w, const struct rules *r, const struct cond *c,
                                  const struct conds_prep *p, int target)
{
	if (!p->no_target)
		return false;
	for (int i = p->untargeted; i < p->n; i++) {
		bool stored = i < p->target;
		int v = stored ? 0 : world_ref(w, r, c[p->c[i].var].ref, target);
		if (!PREP_HOLDS(p, i, v))
			return false;
	}
	return true;
}

/* world_conds() of the conditions C for TARGET, read through P, their
 * sorted form in the rules' prep (r->prep.requires[a]): the same answer,
 * for less. Inline, with its parts: every order is checked through it, and
 * the event draw through its parts. */
static inline bool world_conds_prep(const struct world *w, const struct rules *r, const struct cond *c,
                                    const struct conds_prep *p, int target)
{
	if (!prep_untargeted(w, r, c, p))
		return false;
	if (target >= 0 && target < r->nregions)
		return ((p->regions >> target) & 1) && prep_targeted(w, r, c, p, target);
	return prep_no_target(w, r, c, p, target);
}

/* The regions where every condition of C (sorted in P) holds with that
 * region as the target: bit i for region i. The same answer as
 * world_conds() region by region, in one pass: conditions that do not read
 * target.* are checked once. */
uint32_t world_conds_regions(const struct world *w, const struct rules *r, const struct cond *c,
                             const struct conds_prep *p);

/* Add DELTA to a writable variable (clamped) and log the change with CAUSE
 * (whose var, region and delta fields this fills). Returns the change made.
 * VAR is writable (or credibility or score, with REGION the side); REGION
 * is in range for a region variable: asserted where assertions are on.
 * Inline: every rule changes the world through it, hundreds of times a turn. */
static inline int world_change(struct world *w, int var, int region, int delta, struct cause cause)
{
	/* Only what rules may write (checked by the loader) and the engine's own
	 * per-side credibility and score are ever changed. */
	assert(var >= 0 && var < VAR_COUNT);
	assert(var_info[var].writable || var == VAR_CREDIBILITY || var == VAR_SCORE);
	int16_t *slot;
	if (var < VAR_WORLD_END)
		slot = &w->v[var];
	else if (var < VAR_REGION_STORED_END && region >= 0 && region < w->nregions)
		slot = &w->region[region].v[var - VAR_WORLD_END];
	else if (var == VAR_RED_LINE && region >= 0 && region < w->nregions)
		slot = &w->red_line[region];
	else if ((var == VAR_CREDIBILITY || var == VAR_SCORE) && region >= 0 && region < SIDE_COUNT)
		slot = var == VAR_CREDIBILITY ? &w->credibility[region] : &w->score[region];
	else {
		assert(!"world_change: a region or side out of range");
		return 0;
	}
	if (delta == 0)
		return 0; /* nothing changes, nothing to record */
	int old = *slot;
	assert(old >= var_info[var].min && old <= var_info[var].max); /* stored values stay in range */
	int now = old + delta;
	now = now < var_info[var].min ? var_info[var].min : now > var_info[var].max ? var_info[var].max : now;
	if (now == old)
		return 0;
	*slot = (int16_t)now;
	cause.var = (uint8_t)var;
	cause.region = var < VAR_WORLD_END ? RULES_NO_REGION : (uint8_t)region;
	/* credibility and score: the region field holds the side */
	cause.delta = (int16_t)(now - old);
	cause_add(&w->log, cause);
	return now - old;
}

/* Mean militarization over the regions bordering Russia (0 if none). */
int world_border_militarization(const struct world *w, const struct rules *r);

/* Derived vulnerability of region I, 0..100: how exposed it is to Russia. */
int world_vulnerability(const struct world *w, const struct rules *r, int i);

/* The security index, 0..100: low tension, high dialogue, stable regions. */
int world_security_index(const struct world *w, const struct rules *r);

/* The chance, in percent, that a crisis in which both sides stand firm ends
 * in war (the dynamics' crisis_war_pct, more as tension rises). */
int world_crisis_war_pct(const struct world *w, const struct rules *r);

/* A 64-bit digest of the whole state (not of padding): replays compare it. */
uint64_t world_hash(const struct world *w);

/* NULL when every invariant holds, else a static description of the first
 * broken one. turn_resolve() asserts it after every turn in builds without
 * NDEBUG (the sanitizer build of `make test`); tests call it too. Where an
 * invariant could break first, the engine asserts it on the spot (in the same
 * builds): world_change's variable, region or side and the stored value's
 * range, world_get's variable, an event's index and target, the turn count
 * against the history's room. */
const char *world_check(const struct world *w, const struct rules *r);

#endif
