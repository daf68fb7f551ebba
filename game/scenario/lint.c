/* lint.c - the checks of a loaded scenario that no schema can make; see lint.h.
 *
 * "Can never hold" is decided on an over-estimate of the values each
 * variable can reach: its start, widened by every effect of every action and
 * event that writes it and by the end-of-turn dynamics that move it (tension,
 * alignment, forces, stability, cohesion and axis). A condition outside that
 * reach can never hold; one inside it may still be unlikely, which is the
 * balance report's business (brink check --balance), not this file's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../engine/order.h"
#include "../engine/turn.h"
#include "lint.h"

#define NVARS VAR_COUNT

/* What values one variable of the world or of one region can reach. */
struct reach {
	int lo, hi;    /* interval of reachable values */
	unsigned mask; /* enum variables: bit v set when value v is reachable */
};

struct reach_map {
	struct reach world[NVARS];
	struct reach region[RULES_MAX_REGIONS][NVARS];
};

static bool is_enum(int v)
{
	return var_info[v].enum_names != NULL;
}

static void reach_point(struct reach *x, int v, int value)
{
	x->lo = x->hi = value;
	x->mask = is_enum(v) && value >= 0 && value < 32 ? 1u << value : 0;
}

static void reach_full(struct reach *x, int v)
{
	x->lo = var_info[v].min;
	x->hi = var_info[v].max;
	x->mask = is_enum(v) ? (1u << (var_info[v].max + 1)) - 1 : 0;
}

static void reach_effect(struct reach *x, int v, const struct effect *e)
{
	if (e->op == EFFECT_SET) {
		if (e->value < x->lo)
			x->lo = e->value;
		if (e->value > x->hi)
			x->hi = e->value;
		if (is_enum(v) && e->value >= 0 && e->value < 32)
			x->mask |= 1u << e->value;
	} else if (e->value > 0) {
		x->hi = var_info[v].max;
	} else if (e->value < 0) {
		x->lo = var_info[v].min;
	}
}

static void reach_effects(struct reach_map *m, const struct rules *r, const struct effect *e, int n)
{
	for (int k = 0; k < n; k++) {
		int v = e[k].ref.var;
		if (v >= NVARS)
			continue;
		if (e[k].ref.scope == SCOPE_WORLD)
			reach_effect(&m->world[v], v, &e[k]);
		else if (e[k].ref.scope == SCOPE_REGION && e[k].ref.region < r->nregions)
			reach_effect(&m->region[e[k].ref.region][v], v, &e[k]);
		else
			for (int i = 0; i < r->nregions; i++)
				reach_effect(&m->region[i][v], v, &e[k]);
	}
}

static void reach_build(struct reach_map *m, const struct rules *r)
{
	for (int v = 0; v < NVARS; v++) {
		reach_full(&m->world[v], v);
		for (int i = 0; i < r->nregions; i++)
			reach_full(&m->region[i][v], v);
	}
	for (int v = 0; v < VAR_WORLD_END; v++)
		reach_point(&m->world[v], v, r->start_world[v]);
	for (int i = 0; i < r->nregions; i++) {
		for (int v = VAR_WORLD_END; v < VAR_REGION_STORED_END; v++)
			reach_point(&m->region[i][v], v, r->region[i].start[v - VAR_WORLD_END]);
		reach_point(&m->region[i][VAR_VALUE], VAR_VALUE, r->region[i].value);
		reach_point(&m->region[i][VAR_BORDERS_RUSSIA], VAR_BORDERS_RUSSIA, r->region[i].borders_russia);
	}
	for (int a = 0; a < r->nactions; a++) {
		reach_effects(m, r, r->action[a].effects, r->action[a].neffects);
		reach_effects(m, r, r->action[a].agreed, r->action[a].nagreed);
	}
	for (int e = 0; e < r->nevents; e++)
		reach_effects(m, r, r->event[e].effects, r->event[e].neffects);
	/* The end of each turn: tension drifts and crises move it either way;
	 * refusing a proposal costs cohesion or axis; unstable regions drift
	 * and members harden (alignment), stability returns to its base (within
	 * what effects reach), forces decay. */
	reach_full(&m->world[VAR_TENSION], VAR_TENSION);
	if (r->dyn.refuse_cost > 0) {
		m->world[VAR_NATO_COHESION].lo = 0;
		m->world[VAR_AXIS].lo = 0;
	}
	for (int i = 0; i < r->nregions; i++) {
		struct reach *x = m->region[i];
		reach_full(&x[VAR_ALIGNMENT], VAR_ALIGNMENT);
		if (r->dyn.force_decay > 0) {
			x[VAR_NATO_FORCES].lo = 0;
			x[VAR_RUSSIA_FORCES].lo = 0;
		}
		x[VAR_MILITARIZATION].lo = x[VAR_NATO_FORCES].lo + x[VAR_RUSSIA_FORCES].lo;
		x[VAR_MILITARIZATION].hi = x[VAR_NATO_FORCES].hi + x[VAR_RUSSIA_FORCES].hi;
	}
	/* the calendar */
	int last = r->start_quarter - 1 + r->turns - 1;
	m->world[VAR_YEAR].lo = r->start_year;
	m->world[VAR_YEAR].hi = r->start_year + last / 4;
	if (r->turns < 4) {
		m->world[VAR_QUARTER].lo = r->start_quarter;
		m->world[VAR_QUARTER].hi = r->start_quarter + r->turns - 1 > 4 ? 4 : r->start_quarter + r->turns - 1;
		if (r->start_quarter + r->turns - 1 > 4)
			m->world[VAR_QUARTER].lo = 1;
	}
}

static bool reach_meets(const struct reach *x, int v, int min, int max)
{
	if (is_enum(v)) {
		for (int k = min; k <= max && k < 32; k++)
			if (k >= 0 && (x->mask >> k & 1))
				return true;
		return false;
	}
	return x->hi >= min && x->lo <= max;
}

/* A condition as an author wrote it: "target.member is nato", "tension >= 60". */
static void cond_text(const struct rules *r, const struct cond *c, char *buf, size_t len)
{
	int v = c->ref.var;
	char ref[64];
	const char *name = v < NVARS ? var_info[v].name : "?";
	if (c->ref.scope == SCOPE_TARGET)
		snprintf(ref, sizeof ref, "target.%s", name);
	else if (c->ref.scope == SCOPE_REGION && c->ref.region < r->nregions)
		snprintf(ref, sizeof ref, "%s.%s", r->region[c->ref.region].id, name);
	else
		snprintf(ref, sizeof ref, "%s", name);
	if (v < NVARS && is_enum(v) && c->min == c->max) {
		const char *w = var_enum_name((enum var)v, c->min);
		snprintf(buf, len, "%s is %s", ref, w ? w : "?");
	} else if (v < NVARS && c->min <= var_info[v].min)
		snprintf(buf, len, "%s <= %d", ref, c->max);
	else if (v < NVARS && c->max >= var_info[v].max)
		snprintf(buf, len, "%s >= %d", ref, c->min);
	else
		snprintf(buf, len, "%s in %d..%d", ref, c->min, c->max);
}

/* The first condition of C[0..N) that can never hold (-1: none), and a reason.
 * Conditions on one variable are taken together (min 60 and max 40 never
 * meet); target.* conditions must meet in one region. */
static int conds_never(const struct rules *r, const struct reach_map *m, const struct cond *c, int n,
                       char *why, size_t len)
{
	for (int k = 0; k < n; k++) {
		int v = c[k].ref.var;
		if (v >= NVARS)
			continue;
		int lo = c[k].min, hi = c[k].max;
		for (int j = 0; j < n; j++)
			if (j != k && c[j].ref.var == v && c[j].ref.scope == c[k].ref.scope &&
			    c[j].ref.region == c[k].ref.region) {
				lo = c[j].min > lo ? c[j].min : lo;
				hi = c[j].max < hi ? c[j].max : hi;
			}
		char text[96];
		cond_text(r, &c[k], text, sizeof text);
		if (lo > hi) {
			snprintf(why, len, "\"%s\" contradicts another condition on %s", text, var_info[v].name);
			return k;
		}
		if (c[k].ref.scope == SCOPE_WORLD) {
			if (!reach_meets(&m->world[v], v, lo, hi)) {
				snprintf(why, len, "\"%s\" never holds: %s stays within %d..%d in this scenario",
				         text, var_info[v].name, m->world[v].lo, m->world[v].hi);
				return k;
			}
		} else if (c[k].ref.scope == SCOPE_REGION) {
			int i = c[k].ref.region;
			if (i < r->nregions && !reach_meets(&m->region[i][v], v, lo, hi)) {
				snprintf(why, len, "\"%s\" never holds: no effect or rule can bring it there", text);
				return k;
			}
		}
	}
	/* target.*: some region where every one of them can hold */
	bool any_target = false;
	for (int k = 0; k < n; k++)
		any_target |= c[k].ref.scope == SCOPE_TARGET;
	if (!any_target)
		return -1;
	int first_fail = -1;
	for (int i = 0; i < r->nregions; i++) {
		int fail = -1;
		for (int k = 0; k < n && fail < 0; k++) {
			int v = c[k].ref.var;
			if (c[k].ref.scope == SCOPE_TARGET && v < NVARS &&
			    !reach_meets(&m->region[i][v], v, c[k].min, c[k].max))
				fail = k;
		}
		if (fail < 0)
			return -1;
		if (first_fail < 0)
			first_fail = fail;
	}
	if (first_fail < 0)
		return -1;
	char text[96];
	cond_text(r, &c[first_fail], text, sizeof text);
	snprintf(why, len, "no region can ever meet its target conditions (\"%s\" among them)", text);
	return first_fail;
}

static void warn_at(struct diags *ds, const struct scenario_pos *p, const struct scenario_pos *top,
                    const char *fmt, const char *a, const char *b)
{
	const struct scenario_pos *at = p && p->file[0] ? p : top;
	diag_add(ds, DIAG_WARNING, at->file, at->line > 0 ? at->line : 1, fmt, a, b);
}

/* Openings tried over 8 seeds: no orders, each single order of one side,
 * each proposal agreed by both. *TRIED gets how many, the result how many
 * ended in war at the first turn. */
static int war_at_once(const struct rules *r, int *tried)
{
	struct world *w0 = malloc(sizeof *w0), *w = malloc(sizeof *w);
	int wars = 0;
	*tried = 0;
	for (uint64_t seed = 1; w0 && w && seed <= 8; seed++) {
		world_init(w0, r, seed);
		for (int side = -1; side < SIDE_COUNT; side++) {
			for (int a = side < 0 ? -1 : 0; a < (side < 0 ? 0 : r->nactions); a++) {
				bool region = a >= 0 && r->action[a].target == TARGET_REGION;
				for (int t = 0; t < (region ? r->nregions : 1); t++) {
					struct orders o[SIDE_COUNT];
					memset(o, 0, sizeof o);
					if (a >= 0) {
						int tg = region ? t : RULES_NO_REGION;
						if (r->action[a].side == SIDE_BOTH && side == SIDE_NATO) {
							for (int s = 0; s < SIDE_COUNT; s++)
								orders_add(w0, r, s, &o[s], a, tg, NULL);
						} else if (r->action[a].side == side) {
							orders_add(w0, r, side, &o[side], a, tg, NULL);
						}
						if (o[SIDE_NATO].n + o[SIDE_RUSSIA].n == 0)
							continue; /* not an opening this side may play */
					}
					*w = *w0;
					if (!w->over)
						turn_resolve(w, r, o);
					(*tried)++;
					wars += w->over && w->result == RESULT_WAR && w->turn <= 1;
				}
			}
		}
	}
	free(w0);
	free(w);
	return wars;
}

int scenario_lint(const struct rules *r, const struct scenario_src *src, struct diags *ds)
{
	int n0 = ds->warnings;
	const struct scenario_pos *top = &src->top;
	/* isolated regions */
	for (int i = 0; r->nregions > 1 && i < r->nregions; i++) {
		bool linked = r->region[i].borders != 0;
		for (int k = 0; k < r->nregions && !linked; k++)
			linked = r->region[k].borders >> i & 1;
		if (!linked)
			warn_at(ds, &src->region[i], top, "region \"%s\" borders no other region: it is "
			        "isolated%s (list its neighbours in borders)", r->region[i].id, "");
	}
	struct reach_map *m = malloc(sizeof *m);
	if (!m)
		return ds->warnings - n0;
	reach_build(m, r);
	char why[320], msg[320];
	/* The standard rules serve every scenario: that one of their dated
	 * events or region actions has no use in this one is by design. */
	for (int a = 0; a < r->nactions; a++) {
		const struct action *ac = &r->action[a];
		if (src->action_std[a])
			continue;
		int k = conds_never(r, m, ac->requires, ac->nrequires, why, sizeof why);
		if (k >= 0) {
			snprintf(msg, sizeof msg, "%s", why);
			warn_at(ds, &src->action[a], top, "action \"%s\" can never be ordered: %s", ac->id, msg);
			continue;
		}
		/* AP: the base, NATO one more with high cohesion */
		int most = 0;
		for (int s = 0; s < SIDE_COUNT; s++)
			if (rules_action_for_side(r, a, s)) {
				int ap = r->side[s].ap + (s == SIDE_NATO ? 1 : 0);
				most = ap > most ? ap : most;
			}
		if (ac->cost > most) {
			snprintf(msg, sizeof msg, "it costs %d AP, and the sides that may order it never have "
			         "more than %d", ac->cost, most);
			warn_at(ds, &src->action[a], top, "action \"%s\" can never be ordered: %s", ac->id, msg);
		}
	}
	int incidents = 0;
	for (int e = 0; e < r->nevents; e++) {
		const struct event *ev = &r->event[e];
		int k = conds_never(r, m, ev->when, ev->nwhen, why, sizeof why);
		if (k >= 0 && src->event_std[e])
			continue;
		if (k >= 0) {
			warn_at(ds, &src->event[e], top, "event \"%s\" can never fire: %s", ev->id, why);
			continue;
		}
		incidents += ev->kind == EVENT_INCIDENT;
	}
	if (incidents == 0)
		warn_at(ds, &src->events, top, "%s%s", "no incident can ever fire: when a miscalculation "
		        "strikes, the news says an incident struck and nothing happens (add events with "
		        "kind = \"incident\")", "");
	free(m);
	int tried, wars = war_at_once(r, &tried);
	if (tried > 0 && wars * 10 >= tried * 9) {
		char t[64];
		snprintf(t, sizeof t, "%d of %d openings", wars, tried);
		warn_at(ds, &src->tension, top, "no side can win: %s tried (no orders, each single order, "
		        "each agreement; 8 seeds) end in war at turn 1 (tension starts at %s)", t,
		        r->start_world[VAR_TENSION] >= 100 ? "100" : "its drift reaches 100");
	}
	return ds->warnings - n0;
}
