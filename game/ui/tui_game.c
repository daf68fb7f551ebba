/* tui_game.c - the game screen and its dialogs: side panel, news, orders, explain, help.
 *
 * Layout (80x24 and up): header row; the map at the left with the side panel
 * (world variables, tension track, AP, miscalculation risk) at its right;
 * the news and the orders queue below; the footer with the keys. Bigger
 * terminals give the news and the panels the extra room. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../engine/turn.h"
#include "../explain/explain.h"
#include "play.h"
#include "tui_game.h"
#include "tui_projector.h"

#define SIDE_W 25      /* side panel width at 80 columns */
#define SIDE_W_WIDE 32 /* from 120 columns */
#define MAP_MIN_H 15
#define NEWS_MAX 600

/* Short labels that fit the side panel; var_info's labels are for sentences. */
static const char *const short_label[VAR_WORLD_END] = {
	"Tension", "Dialogue", "Arms control", "Sanctions", "NATO cohesion", "Axis China/Iran",
	"Cyber threat",
};

static int band_role(int tension)
{
	return tension >= 80 ? TR_BAD : tension >= 60 ? TR_RUSSIA : tension >= 40 ? TR_CONTESTED
	     : TR_GOOD;
}

int tui_news_lines(const struct rules *r, const struct cause_log *log, struct tui_line *out,
                   int max)
{
	int n = 0;
	bool last = false; /* the game ended this turn: there is no next turn */
	for (int i = 0; log && i < log->n; i++)
		last = last || log->rec[i].kind == CAUSE_END || log->rec[i].kind == CAUSE_WAR;
	for (int i = 0; log && i < log->n && n < max; i++) {
		const struct cause *c = &log->rec[i];
		if (c->kind == CAUSE_AP && last)
			continue;
		/* Drift, region dynamics and AP changes come without a headline:
		 * give each run of them one, so they do not read as part of the
		 * order listed above them. */
		static const char *const group[CAUSE_KIND_COUNT] = {
			[CAUSE_DRIFT] = "End of turn: tension drift",
			[CAUSE_REGION] = "End of turn: the regions move",
			[CAUSE_AP] = "Action points for next turn",
			[CAUSE_SCORE] = "Points scored this turn",
			[CAUSE_REFUSAL] = "Offers left unanswered",
		};
		if (c->var != VAR_NONE && c->kind < CAUSE_KIND_COUNT && group[c->kind] &&
		    (i == 0 || log->rec[i - 1].kind != c->kind) && n < max) {
			snprintf(out[n].text, sizeof out[n].text, "%s", group[c->kind]);
			out[n++].role = TR_TITLE;
			if (n >= max)
				break;
		}
		char buf[240];
		explain_cause_in(r, log, i, buf, sizeof buf);
		bool head = c->var == VAR_NONE;
		snprintf(out[n].text, sizeof out[n].text, "%s%s", head ? "" : "  ", buf);
		out[n].role = c->kind == CAUSE_WAR || c->kind == CAUSE_INCIDENT ? TR_BAD
		            : head ? TR_TITLE : TR_NORMAL;
		n++;
	}
	return n;
}

static void draw_side_panel(struct tui *t, const struct tui_view *v, int x, int y, int w, int h)
{
	const struct rules *r = v->r;
	const struct world *wd = v->w;
	int row = y, last = y + h;
	char date[32];
	explain_date(r, wd->turn < r->turns ? wd->turn : r->turns - 1, date, sizeof date);
	for (int i = 0; i < h; i++)
		tui_put(t, y + i, x - 1, 1, TR_DIM, t->g->v);
	if (row < last) {
		if (v->replay && v->news_turn >= 0) {
			explain_date(r, v->news_turn, date, sizeof date);
			tui_putf(t, row++, x, w, TR_TITLE, "%s  turn %d of %d", date, v->news_turn + 1,
			         r->turns);
		} else if (v->replay) {
			tui_putf(t, row++, x, w, TR_TITLE, "The start of the game");
		} else if (wd->over) {
			explain_date(r, wd->turn > 0 ? wd->turn - 1 : 0, date, sizeof date);
			tui_putf(t, row++, x, w, TR_TITLE, "%s  game over", date);
		} else {
			tui_putf(t, row++, x, w, TR_TITLE, "%s  turn %d of %d", date, wd->turn + 1, r->turns);
		}
	}
	if (row < last) {
		if (v->side < SIDE_COUNT && v->queued) {
			int left = wd->ap[v->side] - orders_spent(v->queued, r);
			int role = v->side == SIDE_NATO ? TR_NATO : TR_RUSSIA;
			int n = tui_putf(t, row, x, w, role, "%s", explain_side(r, v->side));
			tui_putf(t, row, x + n, w - n, TR_NORMAL, ": %d of %d AP left", left, wd->ap[v->side]);
		} else {
			tui_putf(t, row, x, w, TR_NORMAL, "AP: NATO %d, Russia %d", wd->ap[SIDE_NATO],
			         wd->ap[SIDE_RUSSIA]);
		}
		row++;
	}
	int tension = wd->v[VAR_TENSION];
	int dt = v->log ? cause_total(v->log, VAR_TENSION, RULES_NO_REGION) : 0;
	if (row < last) {
		int n = tui_putf(t, row, x, w, TR_TITLE, "TENSION %d", tension);
		if (dt)
			n += tui_putf(t, row, x + n, w - n, dt > 0 ? TR_BAD : TR_GOOD, " (%+d)", dt);
		row++;
	}
	if (row < last) {
		int n = tui_put(t, row, x, w, TR_NORMAL, "band: ");
		tui_put(t, row, x + n, w - n, band_role(tension), explain_band(tension));
		row++;
	}
	if (row < last) {
		/* The track: 20 cells, a tick at each band's start, war at the end. */
		int cells = w - 2 < 20 ? w - 2 : 20;
		tui_put(t, row, x, 1, TR_NORMAL, "[");
		for (int k = 0; k < cells; k++) {
			int at = k * 100 / cells;
			bool on = at < tension;
			int role = on ? band_role(at) : TR_DIM;
			tui_put(t, row, x + 1 + k, 1, role, on ? t->g->full : (at % 20 == 0 ? "|" : t->g->empty));
		}
		tui_put(t, row, x + 1 + cells, 1, TR_BAD, "]");
		row++;
	}
	if (row < last && w >= 23) {
		/* Band initials under the track; the current one stands out. */
		static const char *const init[] = { "Det", "Com", "Con", "Cri", "Bri", "War" };
		int cur = tension >= 100 ? 5 : tension / 20;
		for (int k = 0; k < 6; k++)
			tui_put(t, row, x + 1 + 4 * k, 3, k == cur ? TR_SELECT : TR_DIM, init[k]);
		row++;
	}
	if (row < last) {
		int p = turn_miscalc_chance(wd, r);
		tui_putf(t, row++, x, w, p >= 1000 ? TR_BAD : p > 0 ? TR_CONTESTED : TR_NORMAL,
		         "Miscalculation %d.%d%%", p / 100, (p % 100) / 10);
	}
	for (int var = VAR_DIALOGUE; var < VAR_WORLD_END && row < last; var++, row++) {
		int d = v->log ? cause_total(v->log, var, RULES_NO_REGION) : 0;
		tui_putf(t, row, x, w, TR_NORMAL, "%-15s %3d", short_label[var], wd->v[var]);
		if (d)
			tui_putf(t, row, x + 19, w - 19, d > 0 ? TR_GOOD : TR_BAD, " %+d", d);
	}
	if (row < last)
		tui_putf(t, row++, x, w, TR_TITLE, "Security index  %3d",
		         world_security_index(wd, r));
	if (row < last) {
		/* The score so far: both sides score every turn, so it is news
		 * every turn; N and R as on the map when the names do not fit. */
		char sc[96];
		snprintf(sc, sizeof sc, "Score: %s %d, %s %d", explain_side(r, SIDE_NATO),
		         wd->score[SIDE_NATO], explain_side(r, SIDE_RUSSIA), wd->score[SIDE_RUSSIA]);
		if (tui_width(sc) > w)
			snprintf(sc, sizeof sc, "Score: N %d, R %d", wd->score[SIDE_NATO],
			         wd->score[SIDE_RUSSIA]);
		tui_put(t, row++, x, w, TR_TITLE, sc);
	}
	if (row < last) {
		char cr[96];
		snprintf(cr, sizeof cr, "Credibility: N %d, R %d", wd->credibility[SIDE_NATO],
		         wd->credibility[SIDE_RUSSIA]);
		tui_put(t, row++, x, w, TR_NORMAL, cr);
	}
	if (row + 7 < last && v->sel >= 0 && v->sel < r->nregions) {
		/* The selected region in words, when there is room. */
		int i = v->sel;
		row++;
		const char *m = var_enum_name(VAR_MEMBER, world_get(wd, r, VAR_MEMBER, i));
		tui_putf(t, row++, x, w, TR_TITLE, "%s", r->region[i].name);
		tui_putf(t, row++, x, w, TR_NORMAL, "member: %s, %d vp", m ? m : "?", r->region[i].value);
		tui_putf(t, row++, x, w, TR_NORMAL, "militarization %d", world_get(wd, r, VAR_MILITARIZATION, i));
		tui_putf(t, row++, x, w, TR_NORMAL, "vulnerability  %d", world_get(wd, r, VAR_VULNERABILITY, i));
		tui_putf(t, row++, x, w, TR_NORMAL, "%s", r->region[i].borders_russia ? "borders Russia"
		                                                                   : "no border with Russia");
	}
	if (row + 4 < last) {
		/* A legend when there is room; at 80x24 the help (?) has it. */
		row++;
		tui_put(t, row++, x, w, TR_DIM, "Map: N/R = NATO/Russian");
		tui_put(t, row++, x, w, TR_DIM, "forces; vp = points;");
		tui_putf(t, row++, x, w, TR_DIM, "%s%s Moscow %s West %s%s", t->g->east, t->g->east,
		         t->g->mid, t->g->west, t->g->west);
		tui_put(t, row++, x, w, TR_DIM, "stab = stability");
	}
}

static void draw_news(struct tui *t, struct tui_view *v, int x, int y, int w, int h)
{
	char title[80];
	if (v->news_turn >= 0) {
		char date[32];
		explain_date(v->r, v->news_turn, date, sizeof date);
		snprintf(title, sizeof title, "News: what happened in %s", date);
	} else {
		snprintf(title, sizeof title, "Briefing");
	}
	tui_box(t, y, x, h, w, v->focus == TF_LOG ? TR_SELECT : TR_DIM, title);
	struct tui_line *lines = malloc(sizeof *lines * NEWS_MAX);
	if (!lines)
		return;
	int n = 0;
	if (v->log && v->log->n) {
		/* Wrap each sentence to the panel; continuation lines indented.
		 * The turn in a few lines first (missed proposals for the side to
		 * move), then every change. */
		struct tui_line *raw = malloc(sizeof *raw * (CAUSE_MAX + 16));
		int nraw = 0;
		if (raw && v->s && v->news_turn >= 0 && v->news_turn < v->s->turns) {
			char sum[12][EXPLAIN_MEASURE_W];
			int ns = explain_turn_summary(v->s, v->news_turn, v->side, sum, 12);
			/* what the side to move missed first: it is theirs to act on;
			 * then an open crisis, whose choice is this turn's */
			for (int pass = 0; pass < 2; pass++) {
				if (pass == 1 && v->w->crisis && v->side < SIDE_COUNT && !v->replay) {
					char cr[1024];
					explain_crisis(v->r, v->w, v->side, cr, sizeof cr);
					int k = 0;
					for (char *line = cr, *nl; line && *line && k < 8; line = nl ? nl + 1 : NULL, k++) {
						nl = strchr(line, '\n');
						if (nl)
							*nl = '\0';
						snprintf(raw[nraw].text, sizeof raw[nraw].text, "%.250s", line);
						raw[nraw++].role = TR_BAD;
					}
				}
				for (int i = 0; i < ns; i++) {
					bool missed = !strncmp(sum[i], "Missed:", 7);
					if (missed != (pass == 0))
						continue;
					snprintf(raw[nraw].text, sizeof raw[nraw].text, "%.200s", sum[i]);
					raw[nraw++].role = missed || !strncmp(sum[i], "Failed", 6) ? TR_BAD : TR_TITLE;
				}
			}
			snprintf(raw[nraw].text, sizeof raw[nraw].text, "In detail:");
			raw[nraw++].role = TR_DIM;
		}
		if (raw)
			nraw += tui_news_lines(v->r, v->log, raw + nraw, CAUSE_MAX);
		for (int i = 0; i < nraw && n < NEWS_MAX; i++) {
			char wrapped[4][256];
			int ind = raw[i].text[0] == ' ' ? 2 : 0;
			int m = tui_wrap(raw[i].text, w - 2 - ind - 2, wrapped, 4);
			for (int j = 0; j < m && n < NEWS_MAX; j++) {
				snprintf(lines[n].text, sizeof lines[n].text, "%*s%.250s", j ? ind + 2 : ind, "",
				         wrapped[j]);
				lines[n++].role = raw[i].role;
			}
		}
		free(raw);
	} else {
		char wrapped[12][256];
		int k = tui_wrap(v->r->summary, w - 4, wrapped, 12);
		for (int i = 0; i < k; i++) {
			snprintf(lines[n].text, sizeof lines[n].text, "%.255s", wrapped[i]);
			lines[n++].role = TR_NORMAL;
		}
		if (n < NEWS_MAX) {
			snprintf(lines[n].text, sizeof lines[n].text,
			         "Select a region, press Enter to give it an order; e ends your turn.");
			lines[n++].role = TR_TITLE;
		}
	}
	int body = h - 2;
	if (v->log_top > n - body)
		v->log_top = n - body;
	if (v->log_top < 0)
		v->log_top = 0;
	for (int i = 0; i < body && v->log_top + i < n; i++)
		tui_put(t, y + 1 + i, x + 1, w - 2, lines[v->log_top + i].role, lines[v->log_top + i].text);
	if (n > body)
		tui_putf(t, y + h - 1, x + w - 14, 12, TR_DIM, " %d/%d ", v->log_top + body < n ?
		         v->log_top + body : n, n);
	free(lines);
}

static void draw_orders(struct tui *t, struct tui_view *v, int x, int y, int w, int h)
{
	int row = y + 1, last = y + h - 1;
	if (v->shown) {
		tui_box(t, y, x, h, w, TR_DIM, "Orders given");
		/* Each order whole, wrapped (cut at the panel's edge it lost its
		 * region); those with no room are counted on the border: the
		 * news has them all. */
		int hidden = 0;
		for (int s = 0; s < SIDE_COUNT; s++) {
			int nq = v->shown[s].n;
			if (row < last)
				tui_putf(t, row++, x + 1, w - 2, s == SIDE_NATO ? TR_NATO : TR_RUSSIA,
				         nq ? "%s, %d order%s:" : "%s:", explain_side(v->r, s), nq, nq == 1 ? "" : "s");
			if (nq == 0 && row < last)
				tui_put(t, row++, x + 2, w - 3, TR_DIM, "(none)");
			/* the sides after this one keep a row for their heading */
			int room = last - (SIDE_COUNT - 1 - s);
			for (int i = 0; i < nq; i++) {
				char buf[160], wrapped[4][256];
				explain_order(v->r, &v->shown[s].list[i], buf, sizeof buf);
				int m = tui_wrap(buf, w - 3, wrapped, 4);
				if (row + m > room) {
					hidden += nq - i;
					break;
				}
				for (int j = 0; j < m; j++)
					tui_put(t, row++, x + 2 + (j ? 2 : 0), w - 3 - (j ? 2 : 0), TR_NORMAL, wrapped[j]);
			}
		}
		if (hidden) {
			char more[48];
			snprintf(more, sizeof more, " %d more in the news ", hidden);
			int mw = tui_width(more);
			if (mw < w - 2)
				tui_put(t, last, x + w - 2 - mw, mw, TR_DIM, more);
		}
		return;
	}
	char title[80];
	if (v->side < SIDE_COUNT && v->queued)
		snprintf(title, sizeof title, "%s's orders", explain_side(v->r, v->side));
	else
		snprintf(title, sizeof title, "Orders");
	tui_box(t, y, x, h, w, v->focus == TF_ORDERS ? TR_SELECT : TR_DIM, title);
	if (!v->queued)
		return;
	if (v->queued->n == 0) {
		tui_put(t, row++, x + 1, w - 2, TR_DIM, "none yet: select a region");
		if (row < last)
			tui_put(t, row++, x + 1, w - 2, TR_DIM, "and press Enter");
		return;
	}
	/* Each order whole, wrapped to the panel; "!" marks one the other side
	 * could still make fail (the action menu says how). */
	char text[ORDERS_MAX][4][256];
	int rows[ORDERS_MAX], nq = v->queued->n < ORDERS_MAX ? v->queued->n : ORDERS_MAX;
	bool risky = false;
	for (int i = 0; i < nq; i++) {
		const struct order *o = &v->queued->list[i];
		char buf[200], line[240];
		explain_order(v->r, o, buf, sizeof buf);
		int reach, at = v->side < SIDE_COUNT
		              ? play_order_risk(v->w, v->r, v->side, o->action, o->region, &reach) : -1;
		risky = risky || at >= 0;
		snprintf(line, sizeof line, "%s%d. %s (%d AP)", at >= 0 ? "!" : "", i + 1, buf,
		         o->action < v->r->nactions ? v->r->action[o->action].cost : 0);
		rows[i] = tui_wrap(line, w - 4, text[i], 4);
	}
	int body = last - row - (risky ? 1 : 0), top = 0, used = 0;
	for (int i = v->order_sel; i >= 0 && i < nq; i--) {
		if (used + rows[i] > body)
			break;
		used += rows[i];
		top = i;
	}
	if (v->focus != TF_ORDERS)
		top = 0;
	int whole = 0; /* orders drawn whole */
	for (int i = top; i < nq && row < last - (risky ? 1 : 0); i++) {
		bool sel = v->focus == TF_ORDERS && i == v->order_sel;
		bool bad = text[i][0][0] == '!';
		int j = 0;
		for (; j < rows[i] && row < last - (risky ? 1 : 0); j++)
			tui_put(t, row++, x + 1 + (j ? 3 : 0), w - 2 - (j ? 3 : 0),
			        sel ? TR_SELECT : bad ? TR_BAD : TR_NORMAL, text[i][j]);
		whole += j == rows[i];
	}
	if (risky)
		tui_put(t, last - 1, x + 1, w - 2, TR_BAD, "! may fail: see action menu");
	if (whole < nq) {
		/* Orders the panel has no room for are still queued: say so on
		 * its border, and how to see them. */
		char more[48];
		snprintf(more, sizeof more, " %d of %d shown: %s ", whole, nq,
		         v->focus == TF_ORDERS ? "Up/Down" : "Tab");
		int mw = tui_width(more);
		if (mw < w - 2)
			tui_put(t, last, x + w - 2 - mw, mw, TR_DIM, more);
	}
}

/* Tension at the start and after each turn so far, newest at the bottom,
 * as bars coloured by band. */
static void draw_history(struct tui *t, const struct tui_view *v, int x, int y, int w, int h)
{
	tui_box(t, y, x, h, w, TR_DIM, "Tension, turn by turn");
	const struct world *wd = v->w;
	int last = wd->turn, body = h - 2, first = last - body + 1 < 0 ? 0 : last - body + 1;
	int bw = w - 2 - 14;
	for (int k = first, row = y + 1; k <= last && row < y + h - 1; k++, row++) {
		int val = k < last ? wd->history[k][VAR_TENSION] : wd->v[VAR_TENSION];
		char date[32];
		if (k == 0)
			snprintf(date, sizeof date, "start");
		else
			explain_date(v->r, k - 1, date, sizeof date);
		tui_putf(t, row, x + 1, 13, TR_DIM, "%-8s %3d ", date, val);
		if (bw > 0)
			tui_bar(t, row, x + 14, bw, val, 100, band_role(val));
	}
}

/* The selected region at length, where a large terminal has room: who
 * holds it and by how much, forces, stability, membership, and what moved
 * it in the last turns played (newest first). */
static void draw_region_details(struct tui *t, const struct tui_view *v, int x, int y, int w, int h)
{
	const struct rules *r = v->r;
	const struct world *wd = v->w;
	int i = v->sel;
	if (i < 0 || i >= r->nregions || h < 4)
		return;
	char title[160];
	int c = turn_controller(wd, r, i);
	snprintf(title, sizeof title, "%s: %s", r->region[i].name,
	         c == SIDE_NATO ? "NATO holds it" : c == SIDE_RUSSIA ? "Russia holds it" : "contested");
	tui_box(t, y, x, h, w, TR_DIM, title);
	int row = y + 1, last = y + h - 1, in = w - 4;
	int al = world_get(wd, r, VAR_ALIGNMENT, i), ctl = r->victory.control;
	tui_putf(t, row++, x + 2, in, tui_holder_role(wd, r, i),
	         "Alignment %+d; held at %+d (NATO) or %+d (Russia)", al, ctl, -ctl);
	const char *m = var_enum_name(VAR_MEMBER, world_get(wd, r, VAR_MEMBER, i));
	const char *cf = var_enum_name(VAR_CONFLICT, world_get(wd, r, VAR_CONFLICT, i));
	if (row < last)
		tui_putf(t, row++, x + 2, in, TR_NORMAL, "Forces: NATO %d, Russia %d; militarization %d",
		         world_get(wd, r, VAR_NATO_FORCES, i), world_get(wd, r, VAR_RUSSIA_FORCES, i),
		         world_get(wd, r, VAR_MILITARIZATION, i));
	int st = world_get(wd, r, VAR_STABILITY, i);
	if (row < last)
		tui_putf(t, row++, x + 2, in, TR_NORMAL, "Stability %d (%s); conflict: %s", st,
		         tui_stability_word(st), cf ? cf : "?");
	if (row < last)
		tui_putf(t, row++, x + 2, in, TR_NORMAL, "Member: %s; worth %d a turn, %d at the end",
		         m ? m : "?", r->region[i].value * r->dyn.turn_points, r->region[i].value * r->dyn.end_points);
	if (row < last)
		tui_putf(t, row++, x + 2, in, TR_NORMAL, "Vulnerability %d; %s",
		         world_get(wd, r, VAR_VULNERABILITY, i),
		         r->region[i].borders_russia ? "borders Russia" : "no border with Russia");
	int rl = world_get(wd, r, VAR_RED_LINE, i);
	if (rl != RED_LINE_NONE && row < last)
		tui_putf(t, row++, x + 2, in, TR_BAD, "%s has drawn a red line here",
		         explain_side(r, rl == RED_LINE_NATO ? SIDE_NATO : SIDE_RUSSIA));
	if (row + 1 >= last)
		return;
	row++;
	tui_put(t, row++, x + 2, in, TR_TITLE, "What moved it lately:");
	int turns = v->s ? v->s->turns : 0, shown = 0;
	char prefix[RULES_NAME_MAX + 4];
	snprintf(prefix, sizeof prefix, "%s: ", r->region[i].name);
	for (int k = turns - 1; k >= 0 && k >= turns - 3 && row < last; k--) {
		const struct cause_log *log = &v->s->log[k];
		char date[32];
		explain_date(r, k, date, sizeof date);
		for (int j = 0; j < log->n && row < last; j++) {
			const struct cause *cr = &log->rec[j];
			if (cr->region != i || cr->var == VAR_NONE || cr->var < VAR_WORLD_END ||
			    cr->var >= VAR_REGION_STORED_END || cr->kind == CAUSE_ORDER_FAILED || !cr->delta)
				continue;
			char buf[240], wrapped[2][256];
			explain_cause(r, cr, buf, sizeof buf);
			const char *text = strncmp(buf, prefix, strlen(prefix)) ? buf : buf + strlen(prefix);
			int nw = tui_wrap(text, in - 9, wrapped, 2);
			for (int q = 0; q < nw && row < last; q++, row++) {
				if (q == 0)
					tui_put(t, row, x + 2, 8, TR_DIM, date);
				tui_put(t, row, x + 11, in - 9, TR_NORMAL, wrapped[q]);
			}
			shown++;
		}
	}
	if (!shown)
		tui_put(t, row++, x + 2, in, TR_DIM, turns ? "nothing in the last turns" : "no turn played yet");
}

void tui_view_draw(struct tui *t, struct tui_view *v)
{
	if (!tui_big_enough()) {
		tui_draw_small(t);
		return;
	}
	if (v->projector && tui_projector_fits()) {
		tui_projector_draw(t, v); /* a drawing path of its own */
		return;
	}
	erase();
	int sw = COLS >= 120 ? SIDE_W_WIDE : SIDE_W;
	int mapw = COLS - sw - 1;
	/* The large art when the terminal has room for it and the news below. */
	const struct map_art *art = v->art;
	if (v->art_large && v->art_large->h && v->art_large->w <= mapw &&
	    v->art_large->h <= LINES - 2 - 10)
		art = v->art_large;
	int art_h = art ? art->h : 0;
	int maph = art_h > MAP_MIN_H ? art_h : MAP_MIN_H;
	if (maph > LINES - 2 - 7)
		maph = LINES - 2 - 7;
	if (LINES >= 40 && maph < (LINES - 2) / 2)
		maph = (LINES - 2) / 2; /* tall terminals: room for boxes the art does not place */
	/* Header. */
	tui_fill(t, 0, 0, 1, COLS, TR_HEADER);
	const char *title = v->title;
	int n = tui_put(t, 0, 1, COLS - 2, TR_HEADER, title);
	if (v->status[0]) {
		/* The message may cover what follows "  |  " in the title (the
		 * scenario's name), never the side and date before it. */
		int sw2 = tui_width(v->status), keep = n;
		for (int pass = 0; pass < 2; pass++) {
			const char *bar = strstr(title, "  |  ");
			char head[160];
			snprintf(head, sizeof head, "%.*s", bar ? (int)(bar - title) : (int)strlen(title), title);
			keep = 1 + tui_width(head);
			/* At 80 columns a long message ("Queued: Information campaign
			 * in Ukraine (1 AP)") would be cut: the "BRINK" before the
			 * side makes room for it. */
			if (pass == 1 || keep + 3 + sw2 <= COLS - 1 || strncmp(title, "BRINK  ", 7))
				break;
			title += 7;
			tui_fill(t, 0, 0, 1, COLS, TR_HEADER);
			n = tui_put(t, 0, 1, COLS - 2, TR_HEADER, title);
		}
		int sx = COLS - 1 - sw2;
		if (sx < n + 3)
			sx = keep + 3;
		tui_fill(t, 0, sx - 1, 1, COLS - sx + 1, TR_HEADER);
		tui_put(t, 0, sx, COLS - 1 - sx, v->status_role ? v->status_role : TR_HEADER, v->status);
	}
	/* Map and side panel. */
	struct tui_rect area = { 0, 1, mapw, maph };
	tui_map_layout(&v->layout, art, v->r, area, v->sel);
	tui_map_draw(t, &v->layout, art, v->r, v->w, v->sel);
	draw_side_panel(t, v, COLS - sw + 1, 1, sw - 1, maph);
	/* News and orders. */
	int by = 1 + maph, bh = LINES - 1 - by;
	int ow = COLS >= 120 ? 44 : 30;
	/* Wide terminals: news lines of a readable length, and beside them
	 * tension turn by turn. */
	int nw = COLS - ow;
	if (COLS >= 160 && nw > 100) {
		nw = 100;
		/* Tension turn by turn, and under it the selected region at length
		 * when there is room for both. */
		int hh = v->r->turns + 3, hw = COLS - ow - nw;
		if (bh - hh >= 9 && !v->replay) {
			draw_history(t, v, nw, by, hw, hh);
			draw_region_details(t, v, nw, by + hh, hw, bh - hh);
		} else {
			draw_history(t, v, nw, by, hw, bh);
		}
	}
	draw_news(t, v, 0, by, nw, bh);
	draw_orders(t, v, COLS - ow, by, ow, bh);
	tui_footer(t, v->footer, v->nfooter);
	refresh();
}

/* ---- explain ---------------------------------------------------------- */

struct explain_item {
	int var, region;
	int measure; /* enum explain_measure for a derived number, else -1 */
};

/* A side's own number (its AP, credibility, score): its region field holds
 * the side, as in the cause records. */
static bool side_item(const struct explain_item *it)
{
	return it->measure < 0 && (it->var == VAR_AP || it->var == VAR_CREDIBILITY ||
	                           it->var == VAR_SCORE);
}

/* "Security index" and its value for a derived number's row. */
static void measure_row(const struct world *w, const struct rules *r, const struct explain_item *it,
                        char *name, size_t nlen, char *val, size_t vlen)
{
	if (side_item(it)) {
		int sd = it->region < SIDE_COUNT ? it->region : 0;
		explain_var(r, it->var, sd, name, nlen);
		snprintf(val, vlen, "%d", it->var == VAR_AP ? w->ap[sd] : it->var == VAR_CREDIBILITY
		         ? w->credibility[sd] : w->score[sd]);
		return;
	}
	switch (it->measure) {
	case EXPLAIN_SECURITY:
		snprintf(name, nlen, "Security index");
		snprintf(val, vlen, "%d", world_security_index(w, r));
		break;
	case EXPLAIN_MISCALC: {
		int p = turn_miscalc_chance(w, r);
		snprintf(name, nlen, "Miscalculation chance");
		snprintf(val, vlen, "%d.%d%%", p / 100, p % 100 / 10);
		break;
	}
	default:
		explain_var(r, it->var, it->region, name, nlen);
		snprintf(val, vlen, "%d", world_get(w, r, it->var, it->region));
	}
}

/* The list's label of a row: a region's numbers stand under its name, so
 * their rows drop the "Region: " before the label. */
static const char *list_label(const struct explain_item *it, const char *name)
{
	if (it->region == RULES_NO_REGION || side_item(it))
		return name;
	const char *colon = strstr(name, ": ");
	return colon ? colon + 2 : name;
}

int tui_explain(struct tui *t, const struct rules *r, const struct session *s,
                const struct world *w, int region, int start_turn)
{
	struct explain_item items[VAR_WORLD_END + VAR_REGION_STORED + EXPLAIN_MEASURES + 3 * SIDE_COUNT];
	int nitems = 0;
	for (int var = 0; var < VAR_WORLD_END; var++)
		items[nitems++] = (struct explain_item){ var, RULES_NO_REGION, -1 };
	/* The numbers derived from others: what each is made of. */
	items[nitems++] = (struct explain_item){ VAR_NONE, RULES_NO_REGION, EXPLAIN_SECURITY };
	items[nitems++] = (struct explain_item){ VAR_NONE, RULES_NO_REGION, EXPLAIN_MISCALC };
	if (region >= 0 && region < r->nregions) {
		for (int var = VAR_WORLD_END; var < VAR_REGION_STORED_END; var++)
			items[nitems++] = (struct explain_item){ var, region, -1 };
		items[nitems++] = (struct explain_item){ VAR_MILITARIZATION, region, EXPLAIN_MILITARIZATION };
		items[nitems++] = (struct explain_item){ VAR_VULNERABILITY, region, EXPLAIN_VULNERABILITY };
	}
	/* Each side's score, action points and credibility, last (Up from the
	 * top reaches them): where the points came from, why this turn's AP
	 * are what they are. */
	static const int side_vars[] = { VAR_SCORE, VAR_AP, VAR_CREDIBILITY };
	for (int k = 0; k < 3; k++)
		for (int sd = 0; sd < SIDE_COUNT; sd++)
			items[nitems++] = (struct explain_item){ side_vars[k], sd, -1 };
	int cur = 0, list_top = 0, turns = s ? s->turns : 0;
	int turn = start_turn > 0 && start_turn <= turns ? start_turn : turns; /* 1-based; 0 = none */
	static const char *const foot[] = {
		"Up/Down", "variable", "[ ]", "earlier/later turn", "Esc", "back", "?", "help",
	};
	for (;;) {
		if (tui_big_enough()) {
			erase();
			tui_fill(t, 0, 0, 1, COLS, TR_HEADER);
			char head[160];
			if (turn > 0)
				snprintf(head, sizeof head, "Explain: why did a number change? Turn %d of %d played; "
				         "[ ] other turns.", turn, turns);
			else
				snprintf(head, sizeof head, "Explain: why did a number change? Pick one.");
			tui_put(t, 0, 1, COLS - 2, TR_HEADER, head);
			/* Names whole: the list is as wide as its longest row needs. A
			 * region's numbers stand under its name, each by its own label. */
			int lw = 14, first_region = -1;
			for (int i = 0; i < nitems; i++) {
				char name[96], vbuf[24];
				measure_row(w, r, &items[i], name, sizeof name, vbuf, sizeof vbuf);
				if (items[i].region != RULES_NO_REGION && !side_item(&items[i]) && first_region < 0) {
					first_region = i;
					const char *colon = strstr(name, ": ");
					if (colon)
						*(char *)colon = 0;
					if (tui_width(name) + 3 > lw)
						lw = tui_width(name) + 3;
					continue;
				}
				const char *label = list_label(&items[i], name);
				int ind = label != name ? 2 : 0;
				if (tui_width(label) + 13 + ind > lw)
					lw = tui_width(label) + 13 + ind;
			}
			if (lw > COLS / 2)
				lw = COLS / 2;
			tui_box(t, 1, 0, LINES - 2, lw, TR_DIM, "Numbers");
			/* The list scrolls to keep the chosen row in sight: rows
			 * 2..LINES-3, the region's name on a row of its own. */
			int body = LINES - 4, cur_row = cur + (first_region >= 0 && cur >= first_region);
			int nrows = nitems + (first_region >= 0);
			if (cur_row < list_top)
				list_top = cur_row;
			if (cur_row >= list_top + body)
				list_top = cur_row - body + 1;
			if (list_top > nrows - body)
				list_top = nrows - body > 0 ? nrows - body : 0;
			for (int i = 0, rr = 0; i < nitems; i++, rr++) {
				char name[96], vbuf[24];
				measure_row(w, r, &items[i], name, sizeof name, vbuf, sizeof vbuf);
				if (i == first_region) {
					char where[96];
					snprintf(where, sizeof where, "%s", name);
					char *colon = strstr(where, ": ");
					if (colon)
						*colon = 0;
					if (rr >= list_top && rr < list_top + body)
						tui_put(t, 2 + rr - list_top, 2, lw - 3, TR_TITLE, where);
					rr++;
				}
				if (rr < list_top || rr >= list_top + body)
					continue;
				int y = 2 + rr - list_top;
				const char *label = list_label(&items[i], name);
				const char *en = items[i].measure < 0 && !side_item(&items[i])
				               ? var_enum_name((enum var)items[i].var,
				                               world_get(w, r, items[i].var, items[i].region))
				               : NULL;
				if (en)
					snprintf(vbuf, sizeof vbuf, "%s", en);
				int ind = label != name ? 2 : 0;
				tui_putf(t, y, 1, lw - 2, i == cur ? TR_SELECT : items[i].measure >= 0 ? TR_DIM
				         : TR_NORMAL, "%c%*s%-*.*s %8s", i == cur ? '>' : ' ', ind, "", lw - 13 - ind,
				         lw - 13 - ind, label, vbuf);
			}
			char name[96], vb[24], title[160];
			measure_row(w, r, &items[cur], name, sizeof name, vb, sizeof vb);
			int x = lw, ww = COLS - lw;
			if (turn > 0 && items[cur].measure < 0) {
				char date[32];
				explain_date(r, turn - 1, date, sizeof date);
				snprintf(title, sizeof title, "%.20s: %.80s", date, name);
			} else {
				snprintf(title, sizeof title, "%.80s: what it is made of", name);
				if (tui_width(title) > ww - 4)
					snprintf(title, sizeof title, "%.80s: made of", name);
			}
			if (tui_width(title) > ww - 4)
				snprintf(title, sizeof title, "%.80s", name);
			tui_box(t, 1, x, LINES - 2, ww, TR_DIM, title);
			int row = 2;
			if (items[cur].measure >= 0) {
				char ml[12][EXPLAIN_MEASURE_W];
				int nm = explain_measure(w, NULL, r, items[cur].measure, items[cur].region, ml, 12);
				for (int i = 0; i < nm; i++) {
					char wrapped[4][256];
					int ind = ml[i][0] == ' ' ? 2 : 0;
					int m = tui_wrap(ml[i], ww - 6 - ind, wrapped, 4);
					for (int j = 0; j < m && row < LINES - 3; j++)
						tui_put(t, row++, x + 2 + ind + (j ? 2 : 0), ww - 6 - ind, i ? TR_NORMAL : TR_TITLE,
						        wrapped[j]);
				}
			} else if (turn == 0) {
				tui_put(t, row++, x + 2, ww - 4, TR_NORMAL, "No turn has been played yet:");
				tui_put(t, row++, x + 2, ww - 4, TR_NORMAL, "every value is the scenario's start.");
			} else {
				const struct cause_log *log = &s->log[turn - 1];
				int total = 0, count = 0;
				for (int i = 0; i < log->n; i++) {
					const struct cause *c = &log->rec[i];
					if (c->var != items[cur].var || c->region != items[cur].region ||
					    c->kind == CAUSE_ORDER_FAILED)
						continue;
					if (items[cur].var < VAR_WORLD_END && c->region != RULES_NO_REGION)
						continue;
					char buf[240], wrapped[3][256];
					explain_cause(r, c, buf, sizeof buf);
					int m = tui_wrap(buf, ww - 10, wrapped, 3);
					for (int j = 0; j < m && row < LINES - 4; j++, row++) {
						if (j == 0)
							tui_putf(t, row, x + 2, 5, c->delta > 0 ? TR_BAD : TR_GOOD, "%+4d", c->delta);
						tui_put(t, row, x + 8, ww - 10, TR_NORMAL, wrapped[j]);
					}
					total += c->delta;
					count++;
				}
				if (count == 0)
					tui_put(t, row++, x + 2, ww - 4, TR_DIM, "No change this turn.");
				else
					tui_putf(t, LINES - 3, x + 2, ww - 4, TR_TITLE, "Total %+d in %d change%s", total,
					         count, count == 1 ? "" : "s");
			}
			tui_footer(t, foot, 8);
			refresh();
		}
		int k = tui_key(t);
		if (k == TUI_KEY_STOP)
			return -1;
		switch (tui_key_command(TK_LIST, k)) {
		case TC_UP: cur = cur > 0 ? cur - 1 : nitems - 1; break;
		case TC_DOWN: cur = cur + 1 < nitems ? cur + 1 : 0; break;
		case TC_PREV: case TC_LEFT: if (turn > 1) turn--; break;
		case TC_NEXT: case TC_RIGHT: if (turn < turns) turn++; break;
		case TC_BACK: case TC_QUIT: case TC_OK: case TC_EXPLAIN: return 0;
		case TC_HELP: if (tui_help_for(t, r) < 0) return -1; break;
		default: break;
		}
	}
}

/* ---- help ----------------------------------------------------------------- */

static const char *const help_text[] = {
	"THE SECURITY DILEMMA",
	"Each step one side takes to feel safer (troops, exercises, sanctions)",
	"makes the other side feel threatened: tension rises for both.",
	"Talks and arms control lower it, but fully only when BOTH sides choose them.",
	"With dialogue closed, the risk of a miscalculation grows with tension.",
	"At tension 100 it is war, and BOTH sides lose.",
	"",
	"KEYS",
	"  Arrows, h j k l  select a region (or click it)",
	"  Enter or a       actions for the region and the world: costs, effects",
	"  u                undo the last order     d  remove the selected order",
	"  e                end your orders (asks when AP are left)",
	"  x                explain: every change of a variable this turn, and why",
	"  Tab              cycle map / news / orders; arrows then scroll that panel",
	"  s                save now (the game also saves after every turn)",
	"  v                projector view: big tension, map and news (160x48 and up)",
	"  ?  this help     Esc  back     q  quit (asks y to confirm)",
	"",
	"HOW TO WIN",
	"{scoring}",
	"",
	"CRISES",
	"An incident opens a crisis. Next turn each side, in secret, stands firm (f)",
	"or backs down (b). Firm alone wins credibility and the region leans its way;",
	"backing down alone loses credibility; both firm risks war (the odds are",
	"shown); both backing down calms tension a little.",
	"",
	"READING THE MAP",
	"A box: name and NATO/CSTO membership; N and R = NATO and Russian forces;",
	"vp = points; the bar = alignment (< toward Moscow, > toward the West);",
	"stab = stability, or the conflict there; the bottom line: who holds it.",
	"",
	"ORDERS CAN FAIL",
	"Both sides' orders resolve together, taking turns, and each is checked again",
	"when its turn comes. If the other side's orders broke a requirement first",
	"(say, Poland's alignment fell below what your order needs), yours fails and",
	"its AP are lost. The action menu and the orders panel mark such orders with !;",
	"the resolution marks failed ones FAILED.",
	"",
	"NUMBERS ON THE SCREEN (x explains each: what changed it, what it is made of)",
	"  Tension 0-100       how close to war; bands Detente, Competition,",
	"                      Confrontation, Crisis, Brink; 100 is war",
	"  AP                  action points: what your orders may cost this turn",
	"  Miscalculation      chance that an incident strikes at the end of the turn",
	"  Dialogue            open channels: cut tension and the miscalculation risk",
	"  Arms control        treaties in force: lowers tension each turn",
	"  Sanctions           pressure on Russia: can cost it an AP",
	"  NATO cohesion       allied unity: low costs NATO an AP, high gives one",
	"  Axis China/Iran     Russia's partners: offset the sanctions",
	"  Cyber threat        raises tension and the miscalculation risk",
	"  Security index      how safe both sides are together (tension, dialogue,",
	"                      stability); both score a share of it each turn",
	"  N / R               NATO and Russian forces in a region",
	"  alignment -100..100 toward Moscow (-) or the West (+): who holds it",
	"  stab                stability; when low, forces there pull alignment",
	"  vp                  the region's points for the side that holds it",
	"  militarization      both sides' forces in a region; on Russia's border it",
	"                      drives tension up",
	"  vulnerability       how exposed a region is to Russia",
	"  credibility         how far each side's threats are believed (crises)",
	"",
	"REPLAY: Left/Right or p/n step, Home/End first/last, v projector, q leaves.",
};

int tui_help(struct tui *t)
{
	return tui_help_for(t, NULL);
}

int tui_help_for(struct tui *t, const struct rules *r)
{
	enum { SCORING_LINES = 12 };
	int nh = (int)(sizeof help_text / sizeof help_text[0]), n = 0;
	struct tui_line lines[sizeof help_text / sizeof help_text[0] + SCORING_LINES];
	for (int i = 0; i < nh; i++) {
		if (!strcmp(help_text[i], "{scoring}")) {
			/* how the game is scored, worded by explain with the
			 * scenario's numbers (the standard ones without one) */
			char text[1024], wrapped[SCORING_LINES][256];
			explain_scoring(r, text, sizeof text);
			int m = tui_wrap(text, 76, wrapped, SCORING_LINES);
			for (int k = 0; k < m; k++, n++) {
				snprintf(lines[n].text, sizeof lines[n].text, "%.255s", wrapped[k]);
				lines[n].role = TR_NORMAL;
			}
			continue;
		}
		snprintf(lines[n].text, sizeof lines[n].text, "%s", help_text[i]);
		lines[n++].role = help_text[i][0] && help_text[i][0] != ' ' && help_text[i][1] >= 'A' &&
		                  help_text[i][1] <= 'Z' && help_text[i][2] >= 'A' && help_text[i][2] <= 'Z'
		                ? TR_TITLE : TR_NORMAL;
	}
	static const char *const foot[] = { "Up/Down", "scroll", "Esc", "back" };
	return tui_page(t, "Brink: help", lines, n, foot, 4, false) < 0 ? -1 : 0;
}
