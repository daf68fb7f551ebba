/* world.c - the world value: starting state, reading variables, changing them with a cause. */
#include <assert.h>
#include <stddef.h>
#include <string.h>

#include "rng.h"
#include "world.h"

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void world_init(struct world *w, const struct rules *r, uint64_t seed)
{
	memset(w, 0, sizeof *w);
	w->rng = rng_mix(seed);
	w->nregions = r->nregions;
	for (int v = 0; v < VAR_WORLD_END; v++)
		w->v[v] = (int16_t)clamp(r->start_world[v], var_info[v].min, var_info[v].max);
	for (int i = 0; i < r->nregions; i++)
		for (int k = 0; k < VAR_REGION_STORED; k++) {
			const struct var_info *vi = &var_info[VAR_WORLD_END + k];
			w->region[i].v[k] = (int16_t)clamp(r->region[i].start[k], vi->min, vi->max);
		}
	for (int s = 0; s < SIDE_COUNT; s++) {
		w->ap[s] = r->side[s].ap;
		w->credibility[s] = (int16_t)clamp(r->dyn.credibility_start, 0, 100);
	}
	w->crisis_region = RULES_NO_REGION;
	memcpy(w->history[0], w->v, sizeof w->v);
}

void world_copy_state(struct world *dst, const struct world *src)
{
	_Static_assert(sizeof(struct world) - offsetof(struct world, log) - sizeof(struct cause_log) <
	                   _Alignof(struct world),
	               "the cause log must be the world's last member");
	memcpy(dst, src, offsetof(struct world, log));
	dst->log.n = 0;
	dst->log.dropped = 0;
}

int world_border_militarization(const struct world *w, const struct rules *r)
{
	int sum = 0, n = 0;
	for (int i = 0; i < r->nregions; i++)
		if (r->region[i].borders_russia) {
			sum += w->region[i].v[VAR_NATO_FORCES - VAR_WORLD_END] +
			       w->region[i].v[VAR_RUSSIA_FORCES - VAR_WORLD_END];
			n++;
		}
	return n ? sum / n : 0;
}

/* Exposure to Russia: bordering it, Russian forces in and around the region,
 * an open conflict; NATO forces in place reassure. */
int world_vulnerability(const struct world *w, const struct rules *r, int i)
{
	const struct region_state *rs = &w->region[i];
	int v = r->region[i].borders_russia ? 30 : 0;
	v += rs->v[VAR_RUSSIA_FORCES - VAR_WORLD_END];
	v -= rs->v[VAR_NATO_FORCES - VAR_WORLD_END] / 2;
	int near = 0;
	/* the neighbours' bits alone: the loop ends at the last one */
	uint32_t borders = r->region[i].borders & (r->nregions >= 32 ? UINT32_MAX : (1u << r->nregions) - 1);
	for (int j = 0; borders; j++, borders >>= 1)
		if (borders & 1)
			near += w->region[j].v[VAR_RUSSIA_FORCES - VAR_WORLD_END];
	v += near / 4;
	int conflict = rs->v[VAR_CONFLICT - VAR_WORLD_END];
	v += conflict == CONFLICT_ACTIVE ? 20 : conflict == CONFLICT_FROZEN ? 10 : 0;
	return clamp(v, 0, 100);
}

int world_get(const struct world *w, const struct rules *r, int var, int region)
{
	assert(var >= 0 && var < VAR_COUNT);
	if (var < VAR_WORLD_END)
		return w->v[var];
	if (var == VAR_YEAR || var == VAR_QUARTER) {
		int year, quarter;
		rules_date(r, w->turn, &year, &quarter);
		return var == VAR_YEAR ? year : quarter;
	}
	if (region < 0 || region >= r->nregions)
		return 0;
	if (var < VAR_REGION_STORED_END)
		return w->region[region].v[var - VAR_WORLD_END];
	switch (var) {
	case VAR_VALUE: return r->region[region].value;
	case VAR_BORDERS_RUSSIA: return r->region[region].borders_russia;
	case VAR_MILITARIZATION:
		return w->region[region].v[VAR_NATO_FORCES - VAR_WORLD_END] +
		       w->region[region].v[VAR_RUSSIA_FORCES - VAR_WORLD_END];
	case VAR_VULNERABILITY: return world_vulnerability(w, r, region);
	case VAR_RED_LINE: return w->red_line[region];
	default: return 0;
	}
}

bool world_conds(const struct world *w, const struct rules *r, const struct cond *c, int n,
                 int target, int *failed)
{
	for (int i = 0; i < n; i++) {
		int v = world_ref(w, r, c[i].ref, target);
		if (v < c[i].min || v > c[i].max) {
			if (failed)
				*failed = i;
			return false;
		}
	}
	return true;
}

uint32_t world_conds_regions(const struct world *w, const struct rules *r, const struct cond *c,
                             const struct conds_prep *p)
{
	if (!prep_untargeted(w, r, c, p))
		return 0;
	uint32_t set = p->regions; /* where the static conditions hold */
	int i = p->untargeted;
	for (; i < p->target && set; i++)
		for (int g = 0; g < r->nregions; g++) {
			int v = w->region[g].v[p->c[i].var];
			if (!PREP_HOLDS(p, i, v))
				set &= ~(1u << g);
		}
	for (; i < p->n && set; i++)
		for (int g = 0; g < r->nregions; g++)
			if ((set & (1u << g)) && !PREP_HOLDS(p, i, world_ref(w, r, c[p->c[i].var].ref, g)))
				set &= ~(1u << g);
	return set;
}

int world_security_index(const struct world *w, const struct rules *r)
{
	int stab = 0;
	for (int i = 0; i < r->nregions; i++)
		stab += w->region[i].v[VAR_STABILITY - VAR_WORLD_END];
	stab = r->nregions ? stab / r->nregions : 50;
	int idx = ((100 - w->v[VAR_TENSION]) * 40 + w->v[VAR_DIALOGUE] * 30 + stab * 30) / 100;
	return clamp(idx, 0, 100);
}

int world_crisis_war_pct(const struct world *w, const struct rules *r)
{
	int pct = r->dyn.crisis_war_pct + w->v[VAR_TENSION] * r->dyn.crisis_war_tension / 100;
	return clamp(pct, 0, 100);
}

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++) {
		h ^= b[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

uint64_t world_hash(const struct world *w)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	h = fnv(h, &w->rng, sizeof w->rng);
	h = fnv(h, &w->turn, sizeof w->turn);
	h = fnv(h, &w->over, sizeof w->over);
	h = fnv(h, &w->result, sizeof w->result);
	h = fnv(h, &w->nregions, sizeof w->nregions);
	h = fnv(h, w->ap, sizeof w->ap);
	h = fnv(h, w->score, sizeof w->score);
	h = fnv(h, w->credibility, sizeof w->credibility);
	h = fnv(h, w->red_line, sizeof w->red_line);
	h = fnv(h, &w->crossed, sizeof w->crossed);
	h = fnv(h, &w->crossed_last, sizeof w->crossed_last);
	h = fnv(h, &w->offered, sizeof w->offered);
	h = fnv(h, &w->crisis, sizeof w->crisis);
	h = fnv(h, &w->crisis_region, sizeof w->crisis_region);
	h = fnv(h, w->v, sizeof w->v);
	h = fnv(h, &w->fired, sizeof w->fired);
	for (int i = 0; i < w->nregions && i < RULES_MAX_REGIONS; i++)
		h = fnv(h, w->region[i].v, sizeof w->region[i].v);
	for (int t = 0; t <= w->turn && t <= RULES_MAX_TURNS; t++)
		h = fnv(h, w->history[t], sizeof w->history[t]);
	h = fnv(h, &w->log.n, sizeof w->log.n);
	for (int i = 0; i < w->log.n && i < CAUSE_MAX; i++) {
		const struct cause *c = &w->log.rec[i];
		unsigned char b[8] = { c->kind, c->side, c->var, c->region,
		                       (unsigned char)(c->delta & 0xff), (unsigned char)((c->delta >> 8) & 0xff),
		                       (unsigned char)(c->source & 0xff), (unsigned char)(c->source >> 8) };
		h = fnv(h, b, sizeof b);
	}
	/* the facilitator's messages (none in a game without one: the digests
	 * of every other game stay as they were) */
	for (int i = 0; i < w->log.nnotes && i < CAUSE_NOTES; i++) {
		size_t n = 0;
		while (n < CAUSE_NOTE_MAX && w->log.note[i][n])
			n++;
		h = fnv(h, w->log.note[i], n);
	}
	return h;
}

const char *world_check(const struct world *w, const struct rules *r)
{
	if (w->nregions != r->nregions || w->nregions > RULES_MAX_REGIONS)
		return "region count differs from the rules";
	if (w->turn > r->turns || w->turn > RULES_MAX_TURNS)
		return "turn past the end of the game";
	if (w->over != (w->result != RESULT_NONE))
		return "over and result disagree";
	if (w->result > RESULT_PEACE)
		return "unknown result";
	if (!w->over && w->turn >= r->turns)
		return "last turn resolved but the game is not over";
	for (int v = 0; v < VAR_WORLD_END; v++)
		if (w->v[v] < var_info[v].min || w->v[v] > var_info[v].max)
			return "world variable out of range";
	for (int i = 0; i < w->nregions; i++)
		for (int k = 0; k < VAR_REGION_STORED; k++) {
			const struct var_info *vi = &var_info[VAR_WORLD_END + k];
			if (w->region[i].v[k] < vi->min || w->region[i].v[k] > vi->max)
				return "region variable out of range";
		}
	if (w->log.n > CAUSE_MAX || w->log.dropped)
		return "cause log overflowed";
	for (int s = 0; s < SIDE_COUNT; s++)
		if (w->ap[s] > var_info[VAR_AP].max)
			return "action points out of range";
	if (w->result == RESULT_WAR && w->v[VAR_TENSION] < 100)
		return "war without tension at 100";
	for (int s = 0; s < SIDE_COUNT; s++)
		if (w->credibility[s] < 0 || w->credibility[s] > 100)
			return "credibility out of range";
	for (int i = 0; i < w->nregions; i++)
		if (w->red_line[i] < 0 || w->red_line[i] >= RED_LINE_COUNT)
			return "red line out of range";
	if (w->crisis > r->nevents || (w->crisis && w->over))
		return "crisis out of range";
	return NULL;
}
