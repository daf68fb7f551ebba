/* tui_play.c - the curses front end for play_run: briefing, orders, hand-off, resolution, end.
 *
 * Secrecy in hot-seat: the orders being given live only in this file's
 * struct tui_game while their side plays, are handed to play_run, and the
 * screen is wiped by the hand-off; the next side never sees them before the
 * resolution shows both. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../engine/turn.h"
#include "../explain/explain.h"
#include "../report/debrief.h"
#include "../save/save.h"
#include "play.h"
#include "tui.h"
#include "tui_game.h"
#include "tui_projector.h"

struct tui_game {
	struct tui *t;
	struct play *p;
	struct map_art art, art_large;
	struct tui_view view;
	bool intro_shown;
	int sel_of[SIDE_COUNT]; /* each side's own selected region: hot-seat shows
	                           neither side where the other one looked */
};

static const char *const game_footer[] = {
	"Arrows", "select", "Enter", "order", "u", "undo", "e", "end turn", "x", "explain",
	"Tab", "panel", "?", "help", "q", "quit",
};
static const char *const log_footer[] = {
	"Up/Down", "scroll news", "PgUp/PgDn", "page", "Tab", "panel", "Esc", "map", "e", "end turn",
	"?", "help",
};
static const char *const orders_footer[] = {
	"Up/Down", "choose order", "d", "remove it", "u", "undo last", "Tab", "panel", "Esc", "map",
	"e", "end turn", "?", "help",
};

/* ---- the action menu -------------------------------------------------- */

#define TUI_WAR_CAUSES 10 /* tension rises shown at the end of the game */
#define TUI_WAR_TURNS 3   /* how many last turns they are taken from */

struct menu_item {
	int action, region;
	enum order_status status;
	int failed;
};

/* A requirement and its value now: "needs alignment of at least +20 in
 * Ukraine (now -5)". */
static void cond_text(const struct world *w, const struct rules *r, const struct cond *c,
                      int target, char *buf, size_t len)
{
	char cond[160], now[32];
	explain_cond(r, c, target, cond, sizeof cond);
	explain_cond_now(w, r, c, target, now, sizeof now);
	snprintf(buf, len, "%s (now %s)", cond, now);
}

/* List what effects E would change now, as the engine applies them
 * (turn_preview_effects: deterrence and clamping included). */
static int preview_effects(const struct world *w, const struct rules *r, int side, const struct effect *e,
                           int n, int target, int blunt, struct tui_line *out, int max)
{
	struct world *c = malloc(sizeof *c);
	struct turn_preview *pv = malloc(sizeof *pv);
	if (!c || !pv) {
		free(c);
		free(pv);
		return 0;
	}
	turn_preview_effects(w, r, side, e, n, target, blunt, pv);
	*c = *w;
	int before = turn_miscalc_chance(w, r);
	int k = 0;
	if (pv->blunt > 0 && k < max) {
		snprintf(out[k].text, sizeof out[k].text,
		         "  Deterrence: the other side's forces and alliance blunt its pull by %d%%", pv->blunt);
		out[k++].role = TR_DIM;
	}
	for (int i = 0; i < pv->n; i++) {
		int var = pv->c[i].var, region = pv->c[i].region, delta = pv->c[i].delta;
		int was = world_get(c, r, var, region == RULES_NO_REGION ? -1 : region);
		world_change(c, var, region, delta, (struct cause){ .kind = CAUSE_ACTION, .side = SIDE_BOTH });
		if (k >= max)
			continue;
		char name[96];
		explain_var(r, var, region, name, sizeof name);
		int after = was + delta;
		const char *en = var_enum_name((enum var)var, after);
		if (en)
			snprintf(out[k].text, sizeof out[k].text, "  %s becomes %s", name, en);
		else
			snprintf(out[k].text, sizeof out[k].text, "  %s %d -> %d (%+d)", name, was, after, delta);
		out[k++].role = var == VAR_TENSION && delta > 0 ? TR_BAD : TR_NORMAL;
	}
	if (pv->n == 0 && k < max) {
		snprintf(out[k].text, sizeof out[k].text, "  no change (already at the limit)");
		out[k++].role = TR_DIM;
	}
	int after = turn_miscalc_chance(c, r);
	if (after != before && k < max) {
		snprintf(out[k].text, sizeof out[k].text, "  Miscalculation risk %d.%d%% -> %d.%d%%",
		         before / 100, before % 100 / 10, after / 100, after % 100 / 10);
		out[k++].role = after > before ? TR_BAD : TR_GOOD;
	}
	free(c);
	free(pv);
	return k;
}

static int menu_details(const struct tui_game *g, const struct menu_item *it, int side,
                        const struct orders *q, struct tui_line *out, int max)
{
	const struct rules *r = &g->p->session->rules;
	const struct world *w = &g->p->session->world;
	const struct action *a = &r->action[it->action];
	int n = 0;
#define LINE(role_, ...) do { if (n < max) { snprintf(out[n].text, sizeof out[n].text, __VA_ARGS__); \
	out[n++].role = (role_); } } while (0)
	if (it->region < r->nregions)
		LINE(TR_TITLE, "%s: %s", a->name, r->region[it->region].name);
	else
		LINE(TR_TITLE, "%s (no region)", a->name);
	int left = w->ap[side] - orders_spent(q, r);
	LINE(TR_NORMAL, "Cost: %d AP (you have %d left)", a->cost, left);
	if (a->help[0]) {
		char wrapped[4][256];
		int k = tui_wrap(a->help, 250, wrapped, 4);
		for (int i = 0; i < k; i++)
			LINE(TR_DIM, "%.255s", wrapped[i]);
	}
	if (it->status != ORDER_OK) {
		LINE(TR_BAD, "Not possible now: %s", order_status_text(it->status));
		if (it->status == ORDER_REQUIREMENT && it->failed >= 0 && it->failed < a->nrequires) {
			char buf[200];
			cond_text(w, r, &a->requires[it->failed], it->region, buf, sizeof buf);
			LINE(TR_BAD, "  %s", buf);
		}
	} else {
		/* Possible now, but orders are checked again as they resolve. */
		int reach, k = play_order_risk(w, r, side, it->action, it->region, &reach);
		if (k >= 0) {
			char buf[200];
			explain_risk(r, &a->requires[k], it->region, side == SIDE_NATO ? SIDE_RUSSIA : SIDE_NATO,
			             reach, buf, sizeof buf);
			LINE(TR_BAD, "! This order %.200s (then it fails and its AP are lost).", buf);
		}
	}
	LINE(TR_TITLE, "If it resolves now:");
	n += preview_effects(w, r, side, a->effects, a->neffects, it->region,
	                     turn_blunt(w, r, side, it->action, it->region), out + n, max - n);
	if (a->nagreed) {
		LINE(TR_TITLE, "If the other side proposes it too, also:");
		n += preview_effects(w, r, SIDE_BOTH, a->agreed, a->nagreed, it->region, 0, out + n, max - n);
	}
	LINE(TR_DIM, "The other side acts too; orders resolve together.");
#undef LINE
	return n;
}

static void game_redraw(void *ctx)
{
	struct tui_game *g = ctx;
	tui_view_draw(g->t, &g->view);
}

/* The action menu for the selected region and the world. Queues the chosen
 * order into Q. Returns -1 on stop, else 0. */
static int action_menu(struct tui_game *g, int side, struct orders *q)
{
	struct tui *t = g->t;
	const struct rules *r = &g->p->session->rules;
	const struct world *w = &g->p->session->world;
	int sel = g->view.sel;
	struct menu_item items[RULES_MAX_ACTIONS];
	int item_row[RULES_MAX_ACTIONS]; /* screen row of each item, for the mouse */
	int cur = 0, dtop = 0;
	char err[240] = ""; /* why the last Enter queued nothing; drawn inside the popup only */
	static const char *const foot[] = {
		"Up/Down", "choose", "Enter", "queue order", "PgUp/PgDn", "details", "Esc", "back",
		"?", "help",
	};
	for (;;) {
		int n = 0;
		/* Region actions on the selected region first, then world actions. */
		for (int pass = 0; pass < 2; pass++)
			for (int a = 0; a < r->nactions; a++) {
				if (!rules_action_for_side(r, a, side))
					continue;
				bool region = r->action[a].target == TARGET_REGION;
				if ((pass == 0) != region || (region && (sel < 0 || sel >= r->nregions)))
					continue;
				struct menu_item *it = &items[n++];
				it->action = a;
				it->region = region ? sel : RULES_NO_REGION;
				it->failed = -1;
				it->status = order_check(w, r, side, q, a, it->region, &it->failed);
			}
		if (cur >= n)
			cur = n - 1;
		if (cur < 0)
			cur = 0;
		for (int i = 0; i < n; i++)
			item_row[i] = -1;
		if (tui_big_enough()) {
			tui_view_draw(t, &g->view);
			int bw = COLS - 4 > 100 ? 100 : COLS - 4, bh = n + 8 > 22 ? n + 8 : 22;
			if (bh > LINES - 2)
				bh = LINES - 2;
			int bx = (COLS - bw) / 2, by = 1;
			char title[120];
			snprintf(title, sizeof title, "%s: orders for %s and the world",
			         explain_side(r, side), sel < r->nregions ? r->region[sel].name : "-");
			tui_fill(t, by, bx, bh, bw, TR_NORMAL);
			tui_box(t, by, bx, bh, bw, TR_TITLE, title);
			int lw = 34;
			int row = by + 1;
			for (int i = 0; i < n && row < by + bh - 1; i++, row++) {
				const struct action *a = &r->action[items[i].action];
				bool ok = items[i].status == ORDER_OK;
				bool first_world = items[i].region == RULES_NO_REGION &&
				                   (i == 0 || items[i - 1].region != RULES_NO_REGION);
				if (first_world && i > 0 && row < by + bh - 2)
					tui_put(t, row++, bx + 2, lw - 2, TR_DIM, "-- world --");
				char label[96];
				snprintf(label, sizeof label, "%c %-22.22s %d AP %s", i == cur ? '>' : ' ', a->name,
				         a->cost, ok ? "  " : " x");
				tui_put(t, row, bx + 1, lw, i == cur ? TR_SELECT : ok ? TR_NORMAL : TR_DIM, label);
				item_row[i] = row;
			}
			if (n == 0)
				tui_put(t, by + 1, bx + 2, lw, TR_DIM, "No action for this side.");
			for (int y = by + 1; y < by + bh - 1; y++)
				tui_put(t, y, bx + lw + 1, 1, TR_DIM, t->g->v);
			/* The left column's foot: the last refusal, or the legend. */
			int foot_top = by + bh - 2;
			if (err[0]) {
				char wrapped[4][256];
				int m = tui_wrap(err, lw - 3, wrapped, 4);
				foot_top = by + bh - 1 - m;
				for (int j = 0; j < m; j++)
					tui_put(t, foot_top + j, bx + 2, lw - 2, TR_BAD, wrapped[j]);
			} else {
				tui_put(t, foot_top, bx + 2, lw - 2, TR_DIM, "x = not possible now");
			}
			if (n > 0) {
				/* The details, wrapped to their column and scrolled with
				 * PgUp/PgDn when they are longer than the popup. */
				struct tui_line det[40], *disp = malloc(sizeof *disp * 160);
				int k = menu_details(g, &items[cur], side, q, det, 40);
				int dw = bw - lw - 4, nd = 0, body = bh - 2;
				for (int i = 0; disp && i < k; i++) {
					char wrapped[8][256];
					int indent = det[i].text[0] == ' ' ? 2 : 0;
					int m = tui_wrap(det[i].text, dw - indent, wrapped, 8);
					for (int j = 0; j < m && nd < 160; j++, nd++) {
						snprintf(disp[nd].text, sizeof disp[nd].text, "%*s%.250s", indent, "",
						         wrapped[j]);
						disp[nd].role = det[i].role;
					}
				}
				if (dtop > nd - body)
					dtop = nd - body;
				if (dtop < 0)
					dtop = 0;
				for (int i = 0; i < body && dtop + i < nd; i++)
					tui_put(t, by + 1 + i, bx + lw + 3, dw, disp[dtop + i].role, disp[dtop + i].text);
				if (nd > body) {
					char more[48];
					snprintf(more, sizeof more, " %s %d/%d ", dtop + body < nd ? "PgDn: more," : "",
					         dtop + body < nd ? dtop + body : nd, nd);
					tui_put(t, by + bh - 1, bx + bw - 2 - tui_width(more), tui_width(more), TR_DIM,
					        more);
				}
				free(disp);
			}
			tui_footer(t, foot, 10);
			refresh();
		}
		int key = tui_key(t);
		if (key == TUI_KEY_STOP)
			return -1;
		enum tui_cmd cmd = tui_key_command(TK_LIST, key);
		if (cmd != TC_OK && cmd != TC_RIGHT && key != (TUI_FN | KEY_RESIZE))
			err[0] = '\0';
		if (key == (TUI_FN | KEY_MOUSE)) {
			/* A click picks an action; a click on the picked one queues it. */
			int hit = -1;
			for (int i = 0; i < n; i++)
				if (item_row[i] == t->mouse_y && t->mouse_x < COLS / 2)
					hit = i;
			if (hit < 0)
				continue;
			if (hit != cur) {
				cur = hit;
				dtop = 0;
				continue;
			}
			cmd = TC_OK;
		}
		switch (cmd) {
		case TC_UP: cur = cur > 0 ? cur - 1 : n - 1; dtop = 0; break;
		case TC_DOWN: cur = cur + 1 < n ? cur + 1 : 0; dtop = 0; break;
		case TC_FIRST: cur = 0; dtop = 0; break;
		case TC_LAST: cur = n - 1; dtop = 0; break;
		case TC_PGUP: dtop -= 5; break;
		case TC_PGDN: dtop += 5; break;
		case TC_BACK: case TC_QUIT: case TC_LEFT: return 0;
		case TC_HELP: if (tui_help_for(t, r) < 0) return -1; break;
		case TC_OK: case TC_RIGHT: {
			if (n == 0)
				break;
			struct menu_item *it = &items[cur];
			int failed = -1;
			enum order_status st = orders_add(w, r, side, q, it->action, it->region, &failed);
			const struct action *a = &r->action[it->action];
			if (st == ORDER_OK) {
				char what[160];
				explain_order(r, &(struct order){ (uint8_t)it->action, (uint8_t)it->region }, what,
				              sizeof what);
				snprintf(g->view.status, sizeof g->view.status, "Queued: %.120s (%d AP)", what, a->cost);
				g->view.status_role = TR_HEADER;
				g->view.order_sel = q->n - 1;
				return 0;
			}
			char why[200];
			if (st == ORDER_REQUIREMENT && failed >= 0 && failed < a->nrequires)
				cond_text(w, r, &a->requires[failed], it->region, why, sizeof why);
			else
				snprintf(why, sizeof why, "%s", order_status_text(st));
			snprintf(err, sizeof err, "Cannot order %s: %s.", a->name, why);
			break;
		}
		default:
			break;
		}
	}
}

/* Remove queued order I, keeping the others that still pass the checks. */
static void orders_remove(const struct world *w, const struct rules *r, int side,
                          struct orders *q, int i)
{
	struct orders old = *q;
	q->n = 0;
	for (int k = 0; k < old.n; k++)
		if (k != i)
			orders_add(w, r, side, q, old.list[k].action, old.list[k].region, NULL);
}

static void view_reset(struct tui_game *g, int side, struct orders *q)
{
	struct session *s = g->p->session;
	struct tui_view *v = &g->view;
	v->r = &s->rules;
	v->w = &s->world;
	v->s = s;
	v->side = side;
	v->queued = q;
	v->shown = NULL;
	v->log = &s->world.log;
	v->news_turn = s->turns > 0 ? s->turns - 1 : -1;
	v->art = &g->art;
	v->art_large = &g->art_large;
	v->footer = game_footer;
	v->nfooter = (int)(sizeof game_footer / sizeof game_footer[0]);
	char date[32];
	explain_date(&s->rules, s->world.turn, date, sizeof date);
	if (side < SIDE_COUNT)
		snprintf(v->title, sizeof v->title, "BRINK  %s's orders, %s  |  %s",
		         explain_side(&s->rules, side), date, s->rules.title);
	else
		snprintf(v->title, sizeof v->title, "BRINK  %s  |  %s", s->rules.title, date);
	if (v->sel < 0 || v->sel >= s->rules.nregions)
		v->sel = 0;
}

static void save_now(struct tui_game *g)
{
	struct play *p = g->p;
	char dir[512], path[1024];
	struct diags *ds = calloc(1, sizeof *ds);
	if (!ds)
		return;
	/* No save folder means saving is off (a bad --save-dir): never fall
	 * back to another folder the player did not ask for. */
	if (!p->save_dir[0] || snprintf(dir, sizeof dir, "%s", p->save_dir) < 0) {
		snprintf(g->view.status, sizeof g->view.status,
		         "Saving is off: the save folder cannot be used (see --save-dir)");
		g->view.status_role = TR_BAD;
	} else if (save_path(dir, p->save_name[0] ? p->save_name : "game", path, sizeof path) != 0 ||
	           save_write(p->session, path, ds) != 0) {
		snprintf(g->view.status, sizeof g->view.status, "Save failed: %.140s",
		         ds->n ? ds->d[0].msg : path);
		g->view.status_role = TR_BAD;
	} else {
		snprintf(g->view.status, sizeof g->view.status, "Saved: %.140s", path);
		g->view.status_role = TR_HEADER;
	}
	free(ds);
}

static enum fe_status orders_loop(struct tui_game *g, struct play *p, int side, struct orders *q,
                                  struct orders *out);

/* The open crisis: what happened, the stakes, the two choices and their
 * odds; F stands firm, B backs down, Esc goes back to the orders (they are
 * not given yet). Returns the choice, CRISIS_NOT_YET on Esc, or -1 on stop. */
#define CRISIS_NOT_YET (-2)
static int crisis_dialog(struct tui_game *g, int side)
{
	struct tui *t = g->t;
	const struct rules *r = &g->p->session->rules;
	const struct world *w = &g->p->session->world;
	char text[1024];
	explain_crisis(r, w, side, text, sizeof text);
	for (;;) {
		if (tui_big_enough()) {
			tui_view_draw(t, &g->view);
			char lines[14][256];
			int bw = COLS - 4 < 84 ? COLS - 4 : 84;
			int n = tui_wrap(text, bw - 4, lines, 14);
			int h = n + 5, y = (LINES - h) / 2, x = (COLS - bw) / 2;
			tui_fill(t, y, x, h, bw, TR_NORMAL);
			tui_box(t, y, x, h, bw, TR_BAD, "Crisis: your answer, in secret");
			for (int i = 0; i < n; i++)
				tui_put(t, y + 1 + i, x + 2, bw - 4, i == 0 ? TR_BAD : TR_NORMAL, lines[i]);
			tui_put(t, y + h - 2, x + 2, bw - 4, TR_TITLE,
			        "f = stand firm     b = back down     Esc = back to your orders");
			refresh();
		}
		int k = tui_key(t);
		if (k == TUI_KEY_STOP)
			return -1;
		if (tui_key_command(TK_LIST, k) == TC_BACK)
			return CRISIS_NOT_YET;
		if (k == 'f' || k == 'F')
			return CRISIS_FIRM;
		if (k == 'b' || k == 'B')
			return CRISIS_BACK;
	}
}

static enum fe_status fe_orders(void *ctx, struct play *p, int side, struct orders *out)
{
	struct tui_game *g = ctx;
	struct orders q = { 0 };
	g->view.sel = side < SIDE_COUNT ? g->sel_of[side] : 0;
	view_reset(g, side, &q);
	g->view.focus = TF_MAP;
	g->view.order_sel = 0;
	/* Network play: the facilitator may end the game while this side
	 * orders; every screen then leaves at once (as at a stop), and the
	 * link's loop shows the result (the orders are moot). */
	g->t->ended = p->link ? &p->session->world.over : NULL;
	enum fe_status st = orders_loop(g, p, side, &q, out);
	if (g->t->ended && *g->t->ended && !g->t->lost && !(p->stop && *p->stop))
		st = FE_OK;
	g->t->ended = NULL;
	if (side < SIDE_COUNT)
		g->sel_of[side] = g->view.sel;
	g->view.sel = 0;
	g->view.status[0] = '\0';
	return st;
}

static enum fe_status orders_loop(struct tui_game *g, struct play *p, int side, struct orders *q,
                                  struct orders *out)
{
	struct tui *t = g->t;
	const struct rules *r = &p->session->rules;
	const struct world *w = &p->session->world;
	if (w->crisis && w->crisis <= r->nevents) {
		snprintf(g->view.status, sizeof g->view.status,
		         "CRISIS: %s: see the news",
		         r->event[w->crisis - 1].title);
		g->view.status_role = TR_BAD;
	}
	for (;;) {
		/* The footer names the keys of the panel in focus. */
		if (g->view.focus == TF_LOG) {
			g->view.footer = log_footer;
			g->view.nfooter = (int)(sizeof log_footer / sizeof log_footer[0]);
		} else if (g->view.focus == TF_ORDERS) {
			g->view.footer = orders_footer;
			g->view.nfooter = (int)(sizeof orders_footer / sizeof orders_footer[0]);
		} else {
			g->view.footer = game_footer;
			g->view.nfooter = (int)(sizeof game_footer / sizeof game_footer[0]);
		}
		tui_view_draw(t, &g->view);
		int key = tui_key(t);
		if (key == TUI_KEY_STOP)
			return t->lost ? FE_ERROR : FE_QUIT;
		if (key == (TUI_FN | KEY_RESIZE))
			continue;
		if (key == (TUI_FN | KEY_MOUSE)) {
			int hit = tui_map_hit(&g->view.layout, t->mouse_y, t->mouse_x);
			if (hit >= 0) {
				bool again = hit == g->view.sel;
				g->view.sel = hit;
				g->view.focus = TF_MAP;
				if ((again && (t->mouse_b & (BUTTON1_CLICKED | BUTTON1_PRESSED))) ||
				    (t->mouse_b & BUTTON1_DOUBLE_CLICKED))
					if (action_menu(g, side, q) < 0)
						return FE_QUIT;
			} else if (t->mouse_b & BUTTON4_PRESSED) {
				g->view.log_top -= 3;
			} else if (t->mouse_b & BUTTON5_PRESSED) {
				g->view.log_top += 3;
			}
			continue;
		}
		enum tui_cmd c = tui_key_command(TK_GAME, key);
		int dx = c == TC_LEFT ? -1 : c == TC_RIGHT ? 1 : 0;
		int dy = c == TC_UP ? -1 : c == TC_DOWN ? 1 : 0;
		if (dx || dy) {
			if (g->view.focus == TF_MAP)
				g->view.sel = tui_map_move(&g->view.layout, g->view.sel, dx, dy);
			else if (g->view.focus == TF_LOG)
				g->view.log_top += dy;
			else if (q->n) {
				g->view.order_sel += dy;
				g->view.order_sel = g->view.order_sel < 0 ? 0
				                  : g->view.order_sel >= q->n ? q->n - 1 : g->view.order_sel;
			}
			continue;
		}
		switch (c) {
		case TC_PGUP: g->view.log_top -= 5; break;
		case TC_PGDN: g->view.log_top += 5; break;
		case TC_BACK: /* back to the map from a panel */
			g->view.focus = TF_MAP;
			g->view.status[0] = '\0';
			break;
		case TC_TAB: g->view.focus = (g->view.focus + 1) % TF_COUNT; break;
		case TC_BTAB: g->view.focus = (g->view.focus + TF_COUNT - 1) % TF_COUNT; break;
		case TC_OK:
			if (action_menu(g, side, q) < 0)
				return FE_QUIT;
			break;
		case TC_UNDO:
			if (orders_undo(q) == 0) {
				snprintf(g->view.status, sizeof g->view.status, "Last order undone");
				g->view.status_role = TR_HEADER;
			} else {
				snprintf(g->view.status, sizeof g->view.status, "No order to undo");
				g->view.status_role = TR_BAD;
			}
			if (g->view.order_sel >= q->n)
				g->view.order_sel = q->n ? q->n - 1 : 0;
			break;
		case TC_DELETE:
			if (g->view.focus == TF_ORDERS && g->view.order_sel < q->n) {
				orders_remove(w, r, side, q, g->view.order_sel);
				if (g->view.order_sel >= q->n)
					g->view.order_sel = q->n ? q->n - 1 : 0;
				snprintf(g->view.status, sizeof g->view.status, "Order removed");
				g->view.status_role = TR_HEADER;
			}
			break;
		case TC_EXPLAIN:
			if (tui_explain(t, r, p->session, w, g->view.sel, 0) < 0)
				return FE_QUIT;
			break;
		case TC_HELP:
			if (tui_help_for(t, r) < 0)
				return FE_QUIT;
			break;
		case TC_SAVE:
			save_now(g);
			break;
		case TC_PROJECTOR:
			tui_projector_toggle(&g->view);
			break;
		case TC_END: {
			int left = w->ap[side] - orders_spent(q, r);
			if (left > 0) {
				char msg[160];
				snprintf(msg, sizeof msg, "%d AP left unspent. End %s's orders anyway?", left,
				         explain_side(r, side));
				int a = tui_confirm(t, msg, game_redraw, g);
				if (a < 0)
					return FE_QUIT;
				if (a == 0)
					break;
			}
			if (w->crisis) {
				int answer = crisis_dialog(g, side);
				if (answer == CRISIS_NOT_YET)
					break; /* back to the orders, none given yet */
				if (answer < 0)
					return FE_QUIT;
				q->crisis = (uint8_t)answer;
			}
			*out = *q;
			/* The other side (an AI may take a moment) and the
			 * resolution come next: say so rather than look frozen. */
			snprintf(g->view.status, sizeof g->view.status, "Orders given; resolving the turn...");
			g->view.status_role = TR_HEADER;
			tui_view_draw(t, &g->view);
			g->view.status[0] = '\0';
			return FE_OK;
		}
		case TC_QUIT: {
			int a = tui_confirm(t, "Quit the game? It was saved after the last turn; orders "
			                       "given this turn are lost.", game_redraw, g);
			if (a != 0)
				return FE_QUIT;
			break;
		}
		default:
			break;
		}
	}
}

static void fe_briefing(void *ctx, struct play *p, int side)
{
	struct tui_game *g = ctx;
	struct session *s = p->session;
	g->view.log_top = 0;
	if (g->intro_shown || s->turns > 0)
		return;
	g->intro_shown = true;
	struct tui_line lines[48];
	int n = 0;
	char wrapped[12][256];
	snprintf(lines[n].text, sizeof lines[n].text, "%s", s->rules.title);
	lines[n++].role = TR_TITLE;
	explain_span(s->rules.start_year, s->rules.start_quarter, s->rules.turns, lines[n].text,
	             sizeof lines[n].text);
	lines[n++].role = TR_NORMAL;
	lines[n].text[0] = '\0';
	lines[n++].role = TR_NORMAL;
	int w = COLS - 4 > 100 ? 100 : COLS - 4;
	int k = tui_wrap(s->rules.summary, w, wrapped, 12);
	for (int i = 0; i < k && n < 40; i++) {
		snprintf(lines[n].text, sizeof lines[n].text, "%.255s", wrapped[i]);
		lines[n++].role = TR_NORMAL;
	}
	if (s->rules.note[0]) {
		lines[n].text[0] = '\0';
		lines[n++].role = TR_NORMAL;
		k = tui_wrap(s->rules.note, w, wrapped, 6);
		for (int i = 0; i < k && n < 44; i++) {
			snprintf(lines[n].text, sizeof lines[n].text, "%.255s", wrapped[i]);
			lines[n++].role = TR_DIM;
		}
	}
	lines[n].text[0] = '\0';
	lines[n++].role = TR_NORMAL;
	if (side < SIDE_COUNT && s->player[!side] == PLAYER_REMOTE)
		snprintf(lines[n].text, sizeof lines[n].text, "You play %s. %s is played at another "
		         "terminal, over the network.", explain_side(&s->rules, side),
		         explain_side(&s->rules, !side));
	else if (side < SIDE_COUNT && s->player[SIDE_NATO] != s->player[SIDE_RUSSIA])
		snprintf(lines[n].text, sizeof lines[n].text, "You play %s. The other side is the "
		         "computer (%s).", explain_side(&s->rules, side),
		         ai_level_name(s->ai_level[!side]));
	else if (s->player[SIDE_NATO] == PLAYER_AI && s->player[SIDE_RUSSIA] == PLAYER_AI)
		snprintf(lines[n].text, sizeof lines[n].text, "The computer plays both sides: watch.");
	else
		snprintf(lines[n].text, sizeof lines[n].text, "Both sides are played here (hot-seat).");
	lines[n++].role = TR_TITLE;
	snprintf(lines[n].text, sizeof lines[n].text, "Tension at 100 means war: both sides lose. "
	         "Press ? on the map for help.");
	lines[n++].role = TR_NORMAL;
	static const char *const foot[] = { "Enter", "start", "q", "skip" };
	tui_page(g->t, "Brink: the scenario", lines, n, foot, 4, false);
}

static enum fe_status fe_handoff(void *ctx, struct play *p, int next)
{
	struct tui_game *g = ctx;
	struct tui *t = g->t;
	const char *name = explain_side(&p->session->rules, next);
	for (;;) {
		if (tui_big_enough()) {
			erase(); /* nothing of the last side's screen may stay */
			char l1[160], l2[160];
			snprintf(l1, sizeof l1, "Hand the terminal to %s's player.", name);
			snprintf(l2, sizeof l2, "%s: press any key when you are ready.", name);
			int y = LINES / 2 - 2;
			tui_put(t, y, (COLS - tui_width(l1)) / 2, COLS, TR_TITLE, l1);
			tui_put(t, y + 2, (COLS - tui_width(l2)) / 2, COLS, TR_NORMAL, l2);
			const char *l3 = "The other side's orders stay hidden until the turn resolves.";
			tui_put(t, y + 4, (COLS - tui_width(l3)) / 2, COLS, TR_DIM, l3);
			static const char *const foot[] = { "any key", "continue", "q", "quit" };
			tui_footer(t, foot, 4);
			refresh();
		}
		int key = tui_key(t);
		if (key == TUI_KEY_STOP)
			return FE_QUIT;
		if (key == 'q' || key == 'Q') {
			int a = tui_confirm(t, "Quit the game?", NULL, NULL);
			if (a != 0)
				return FE_QUIT;
			continue;
		}
		/* Any key but a resize or the mouse: the next player is there. */
		if (key != (TUI_FN | KEY_RESIZE) && key != (TUI_FN | KEY_MOUSE))
			return FE_OK;
	}
}

static void fe_resolution(void *ctx, struct play *p)
{
	struct tui_game *g = ctx;
	struct session *s = p->session;
	const struct rules *r = &s->rules;
	if (s->turns == 0)
		return;
	int nmax = CAUSE_MAX + 64;
	struct tui_line *lines = malloc(sizeof *lines * (size_t)nmax);
	if (!lines)
		return;
	int n = 0;
	char date[32];
	explain_date(r, s->turns - 1, date, sizeof date);
	const struct orders *o = s->orders[s->turns - 1];
	{
		/* The turn in a few lines; the detail below. */
		char sum[12][EXPLAIN_MEASURE_W];
		int ns = explain_turn_summary(s, s->turns - 1, SIDE_BOTH, sum, 12);
		snprintf(lines[n].text, sizeof lines[n].text, "In short:");
		lines[n++].role = TR_TITLE;
		for (int i = 0; i < ns; i++) {
			snprintf(lines[n].text, sizeof lines[n].text, "  %.200s", sum[i]);
			lines[n++].role = !strncmp(sum[i], "Missed:", 7) || !strncmp(sum[i], "Failed", 6)
			                ? TR_BAD : TR_NORMAL;
		}
		lines[n].text[0] = '\0';
		lines[n++].role = TR_NORMAL;
	}
	for (int side = 0; side < SIDE_COUNT; side++) {
		snprintf(lines[n].text, sizeof lines[n].text, "%s ordered:", explain_side(r, side));
		lines[n++].role = TR_TITLE;
		if (o[side].n == 0) {
			snprintf(lines[n].text, sizeof lines[n].text, "  nothing");
			lines[n++].role = TR_DIM;
		}
		for (int i = 0; i < o[side].n && n < nmax; i++) {
			char buf[160];
			explain_order(r, &o[side].list[i], buf, sizeof buf);
			bool failed = play_order_failed(&s->world.log, side, &o[side].list[i]) >= 0;
			snprintf(lines[n].text, sizeof lines[n].text, "  %s%s", buf,
			         failed ? "   FAILED (see below; its AP are lost)" : "");
			lines[n++].role = failed ? TR_BAD : side == SIDE_NATO ? TR_NATO : TR_RUSSIA;
		}
	}
	lines[n].text[0] = '\0';
	lines[n++].role = TR_NORMAL;
	snprintf(lines[n].text, sizeof lines[n].text, "What happened, in order (each change with its cause):");
	lines[n++].role = TR_TITLE;
	n += tui_news_lines(r, &s->world.log, lines + n, nmax - n - 4);
	int before = s->turns >= 1 ? s->world.history[s->turns - 1][VAR_TENSION] : 0;
	int now = s->world.v[VAR_TENSION];
	lines[n].text[0] = '\0';
	lines[n++].role = TR_NORMAL;
	snprintf(lines[n].text, sizeof lines[n].text, "Tension %d -> %d: %s", before, now,
	         explain_band(now));
	lines[n++].role = now >= 80 ? TR_BAD : TR_TITLE;
	char title[96];
	snprintf(title, sizeof title, "Brink: %s resolved", date);
	static const char *const foot[] = { "Up/Down", "scroll", "Enter", "continue" };
	tui_page(g->t, title, lines, n, foot, 4, false);
	free(lines);
}

/* The end-of-game page; shared with the menu's view of a finished save. */
static int game_over_page(struct tui *t, const struct session *s, const char *saved)
{
	const struct rules *r = &s->rules;
	const struct world *w = &s->world;
	int nmax = 220;
	struct tui_line *lines = calloc((size_t)nmax, sizeof *lines);
	struct debrief *d = malloc(sizeof *d);
	struct debrief_line *dl = calloc(80, sizeof *dl);
	if (!lines || !d || !dl) {
		free(lines);
		free(d);
		free(dl);
		return 0;
	}
	int n = 0;
#define LINE(role_, ...) do { if (n < nmax) { snprintf(lines[n].text, sizeof lines[n].text, __VA_ARGS__); \
	lines[n++].role = (role_); } } while (0)
	char res[160];
	explain_outcome(r, w->result, res, sizeof res);
	LINE(w->result == RESULT_WAR ? TR_BAD : TR_TITLE, "Result: %s", res);
	LINE(TR_NORMAL, "Score: NATO %d, Russia %d.   Security index: %d of 100", w->score[SIDE_NATO],
	     w->score[SIDE_RUSSIA], world_security_index(w, r));
	LINE(TR_NORMAL, "Final tension %d (%s) after %d turns.", w->v[VAR_TENSION],
	     explain_band(w->v[VAR_TENSION]), s->turns);
	LINE(TR_NORMAL, "%s", "");
	/* Why: the points per region and the deciding regions turn by turn. */
	debrief_build(s, d);
	int nd = debrief_lines(s, d, dl, 80);
	for (int i = 0; i < nd; i++)
		LINE(dl[i].kind == DEBRIEF_HEAD ? TR_TITLE : dl[i].kind == DEBRIEF_CAUSE ? TR_DIM
		     : TR_NORMAL, "%s", dl[i].text);
	free(d);
	free(dl);
	LINE(TR_NORMAL, "%s", "");
	/* The chart: one column per turn (two when room), rows of 10 tension. */
	LINE(TR_TITLE, "Tension over the game");
	int turns = w->turn;
	int cw = turns * 3 + 8 < COLS - 2 ? 3 : turns * 2 + 8 < COLS - 2 ? 2 : 1;
	for (int level = 100; level > 0 && n < nmax; level -= 10) {
		char row[256];
		int len = snprintf(row, sizeof row, "%3d %s ", level, level == 100 ? "War" : level == 80
		                   ? "Bri" : level == 60 ? "Cri" : level == 40 ? "Con" : level == 20 ? "Com"
		                   : "   ");
		for (int k = 0; k <= turns && len + cw < (int)sizeof row - 1; k++) {
			int v = w->history[k][VAR_TENSION];
			char ch = v >= level ? '#' : (level % 20 == 0 ? '.' : ' ');
			for (int c = 0; c < cw; c++)
				row[len++] = c == cw - 1 && cw > 1 ? ' ' : ch;
		}
		row[len] = '\0';
		LINE(level >= 80 ? TR_BAD : level >= 60 ? TR_RUSSIA : level >= 40 ? TR_CONTESTED : TR_GOOD,
		     "%s", row);
	}
	{
		/* Each column's turn number under it (0 = the start), where the
		 * number fits before the next one: never a lone "0" for turn 10. */
		char axis[256];
		int len = snprintf(axis, sizeof axis, "    turn "), free_at = len;
		memset(axis + len, ' ', sizeof axis - (size_t)len - 1);
		int end = len;
		for (int k = 0; k <= turns && len + cw < (int)sizeof axis - 4; k++, len += cw) {
			char num[8];
			int nl = snprintf(num, sizeof num, "%d", k);
			if (len >= free_at && len + nl < (int)sizeof axis - 1) {
				memcpy(axis + len, num, (size_t)nl);
				free_at = len + nl + 1;
				end = len + nl;
			}
		}
		axis[end] = '\0';
		LINE(TR_DIM, "%s", axis);
	}
	LINE(TR_NORMAL, "%s", "");
	/* The largest pushes on tension over the last turns: the road to war. */
	struct explain_step road[TUI_WAR_CAUSES];
	int nr = explain_war_road(s->log, s->turns, TUI_WAR_TURNS, road, TUI_WAR_CAUSES);
	if (nr) {
		LINE(TR_TITLE, "%s", w->result == RESULT_WAR ? "What led to war: the largest rises of "
		     "tension in the last turns" : "The largest rises of tension in the last turns");
		for (int i = 0; i < nr; i++) {
			char date[32], buf[240];
			explain_date(r, road[i].turn, date, sizeof date);
			explain_cause_in(r, &s->log[road[i].turn], road[i].index, buf, sizeof buf);
			LINE(TR_NORMAL, "  %.20s  %.200s", date, buf);
		}
	}
	struct explain_step last;
	if (w->result == RESULT_WAR && explain_war_last(s->log, s->turns, &last)) {
		/* the push that made it war, even when it was a small one */
		char date[32], buf[240];
		explain_date(r, last.turn, date, sizeof date);
		explain_cause_in(r, &s->log[last.turn], last.index, buf, sizeof buf);
		LINE(TR_BAD, "%s", "It reached 100 with:");
		LINE(TR_NORMAL, "  %.20s  %.200s", date, buf);
	}
	LINE(TR_NORMAL, "%s", "");
	if (saved) {
		LINE(TR_TITLE, "%s", "This game is saved:");
		LINE(TR_NORMAL, "  %.240s", saved);
		LINE(TR_NORMAL, "  The after-action report: brink report %.190s", saved);
		LINE(TR_NORMAL, "  Watch it again: brink replay %.190s", saved);
	}
	LINE(TR_DIM, "%s", "Press r to replay the game turn by turn.");
#undef LINE
	static const char *const foot[] = { "Up/Down", "scroll", "r", "replay", "Enter", "done" };
	int rc;
	for (;;) {
		rc = tui_page(t, "Brink: the end of the game", lines, n, foot, 6, true);
		if (rc == TC_REPLAY) {
			if (tui_replay_run(t, s) < 0) {
				rc = -1;
				break;
			}
			continue;
		}
		break;
	}
	free(lines);
	return rc < 0 ? -1 : 0;
}

/* play_run's notices (a failed autosave) go to the header, not to stderr
 * under the curses screen. */
static void fe_notice(void *ctx, const char *msg)
{
	struct tui_game *g = ctx;
	snprintf(g->view.status, sizeof g->view.status, "%.150s", msg);
	g->view.status_role = TR_BAD;
	/* Network play tells of the other side while this one waits for the
	 * news: show it now, on the game screen once there is one. */
	if (g->p->link && g->view.footer)
		tui_view_draw(g->t, &g->view);
}

static void fe_game_over(void *ctx, struct play *p)
{
	struct tui_game *g = ctx;
	char saved[1024];
	game_over_page(g->t, p->session, play_saved_path(p, saved, sizeof saved) == 0 ? saved : NULL);
}

int tui_play(struct play *p)
{
	struct tui t;
	struct tui_game *g = calloc(1, sizeof *g);
	if (!g)
		return 1;
	if (tui_open(&t, p->stop) != 0) {
		free(g);
		return 1;
	}
	t.link = p->link;
	g->t = &t;
	g->p = p;
	tui_art_for(&g->art, &p->session->rules, false);
	tui_art_for(&g->art_large, &p->session->rules, true);
	if (!p->save_dir[0]) {
		/* launch.c said so on stderr, which the screen now covers. */
		snprintf(g->view.status, sizeof g->view.status,
		         "Saving is off: the save folder cannot be used");
		g->view.status_role = TR_BAD;
	}
	struct frontend fe = { g, fe_briefing, fe_orders, fe_handoff, fe_resolution, fe_game_over };
	int rc = play_run_notify(p, &fe, fe_notice);
	bool stopped = (p->stop && *p->stop) || t.lost;
	tui_close(&t);
	if (stopped)
		tui_signals_note();
	free(g);
	return rc;
}
