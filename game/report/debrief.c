/* debrief.c - why a game was won or lost: points per region, the deciding regions' alignment
 * turn by turn, and what pushed it.
 *
 * Alignment after each turn is the start plus that turn's logged changes (the
 * log holds the changes as applied, after clamping), so no turn is replayed.
 * Who holds a region is asked of the engine (turn_controller) on a scratch
 * copy of the world: the rule lives there only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../engine/turn.h"
#include "../explain/explain.h"
#include "debrief.h"

#define ALIGN_AT (VAR_ALIGNMENT - VAR_WORLD_END)

void debrief_build(const struct session *s, struct debrief *d)
{
	const struct rules *r = &s->rules;
	memset(d, 0, sizeof *d);
	d->turns = s->turns;
	d->control = r->victory.control;
	struct world *scratch = malloc(sizeof *scratch);
	if (!scratch)
		return;
	*scratch = s->world;
	for (int i = 0; i < r->nregions; i++) {
		struct debrief_region *g = &d->reg[i];
		g->region = i;
		g->align[0] = s->start.region[i].v[ALIGN_AT];
		int prev = -1;
		for (int t = 0; t <= s->turns; t++) {
			if (t > 0)
				g->align[t] = g->align[t - 1] + cause_total(&s->log[t - 1], VAR_ALIGNMENT, i);
			scratch->region[i].v[ALIGN_AT] = (int16_t)g->align[t];
			int h = turn_controller(scratch, r, i);
			if (t > 0 && h != prev)
				g->changed = t;
			prev = h;
		}
		g->holder = prev;
		d->held[prev] += r->region[i].value;
	}
	free(scratch);
	/* from every turn's log, and the start's: a game the facilitator ended
	 * before its first turn was scored there */
	for (int t = -1; t < s->turns; t++) {
		const struct cause_log *log = t < 0 ? &s->start.log : &s->log[t];
		for (int i = 0; i < log->n && i < CAUSE_MAX; i++) {
			const struct cause *c = &log->rec[i];
			if (c->kind == CAUSE_SCORE && c->var == VAR_SCORE && c->side < SIDE_COUNT &&
			    c->source < SCORE_COUNT)
				d->scored[c->side][c->source] += c->delta;
		}
	}
	/* Deciding: changed hands, or came within a few points of doing so;
	 * the most valuable first. */
	int order[RULES_MAX_REGIONS], n = 0;
	for (int i = 0; i < r->nregions; i++) {
		const struct debrief_region *g = &d->reg[i];
		bool close = false;
		for (int t = 0; t <= s->turns; t++) {
			int a = g->align[t] < 0 ? -g->align[t] : g->align[t], gap = a - d->control;
			close = close || (gap < 0 ? -gap : gap) <= 10;
		}
		if (g->changed || close)
			order[n++] = i;
	}
	for (int a = 1; a < n; a++)
		for (int b = a; b > 0 && r->region[order[b - 1]].value < r->region[order[b]].value; b--) {
			int tmp = order[b];
			order[b] = order[b - 1];
			order[b - 1] = tmp;
		}
	for (int k = 0; k < n && d->nshown < DEBRIEF_SHOWN; k++)
		d->shown[d->nshown++] = order[k];
}

/* "Poland 3, Baltics 2" for the regions HOLDER held at the end. */
static void held_list(const struct rules *r, const struct debrief *d, int holder, char *buf,
                      size_t len)
{
	size_t n = 0;
	buf[0] = '\0';
	for (int i = 0; i < r->nregions && n < len; i++)
		if (d->reg[i].holder == holder)
			n += (size_t)snprintf(buf + n, len - n, "%s%s %d", n ? ", " : "", r->region[i].name,
			                      r->region[i].value);
	if (!buf[0])
		snprintf(buf, len, "none");
}

int debrief_lines(const struct session *s, const struct debrief *d, struct debrief_line *out,
                  int max)
{
	const struct rules *r = &s->rules;
	int n = 0;
	char list[200];
#define LINE(kind_, ...) do { if (n < max) { out[n].kind = (kind_); \
	snprintf(out[n].text, sizeof out[n].text, __VA_ARGS__); n++; } } while (0)
	LINE(DEBRIEF_HEAD, "Why: where each side's points came from");
	for (int side = 0; side < SIDE_COUNT; side++) {
		char terms[200];
		size_t len = 0;
		int total = 0;
		terms[0] = '\0';
		for (int k = 0; k < SCORE_COUNT && len < sizeof terms; k++) {
			if (!d->scored[side][k])
				continue;
			total += d->scored[side][k];
			len += (size_t)snprintf(terms + len, sizeof terms - len, "%s%s %+d", len ? "; " : "",
			                        explain_score_total(k), d->scored[side][k]);
		}
		LINE(DEBRIEF_TEXT, "  %s %d: %s", explain_side(r, side), total, terms[0] ? terms : "nothing");
	}
	LINE(DEBRIEF_TEXT, "A region is held by NATO at alignment +%d or more, by Russia at -%d or "
	     "less; the holder scores its points (vp).", d->control, d->control);
	for (int side = 0; side <= SIDE_COUNT; side++) {
		held_list(r, d, side, list, sizeof list);
		if (side < SIDE_COUNT)
			LINE(DEBRIEF_TEXT, "  %s held at the end (%d vp): %s", explain_side(r, side),
			     d->held[side], list);
		else if (d->held[side])
			LINE(DEBRIEF_TEXT, "  Held by nobody at the end (%d vp): %s", d->held[side], list);
	}
	if (d->nshown == 0)
		return n;
	LINE(DEBRIEF_HEAD, "The deciding regions: alignment at the start, then after each turn");
	for (int k = 0; k < d->nshown; k++) {
		const struct debrief_region *g = &d->reg[d->shown[k]];
		const struct region_info *ri = &r->region[g->region];
		char series[200];
		size_t len = 0;
		series[0] = '\0';
		for (int t = 0; t <= d->turns && len < sizeof series; t++)
			len += (size_t)snprintf(series + len, sizeof series - len, "%s%+d", t ? " " : "",
			                        g->align[t]);
		char held[96];
		if (g->holder == SIDE_BOTH)
			snprintf(held, sizeof held, "held by nobody at the end");
		else if (g->changed)
			snprintf(held, sizeof held, "%s's from turn %d", explain_side(r, g->holder), g->changed);
		else
			snprintf(held, sizeof held, "%s's all game", explain_side(r, g->holder));
		LINE(DEBRIEF_TEXT, "%s (%d vp), %s:", ri->name, ri->value, held);
		LINE(DEBRIEF_SERIES, "  %s", series);
		/* What moved it most, over the whole game. */
		struct explain_step top[DEBRIEF_PUSHES];
		int ntop = explain_pushes(s->log, 0, d->turns, VAR_ALIGNMENT, g->region, false, top,
		                          DEBRIEF_PUSHES);
		for (int j = 0; j < ntop; j++) {
			char date[32], why[200];
			explain_date(r, top[j].turn, date, sizeof date);
			explain_cause_in(r, &s->log[top[j].turn], top[j].index, why, sizeof why);
			LINE(DEBRIEF_CAUSE, "  %s: %s", date, why);
		}
	}
#undef LINE
	return n;
}
