/* tui_projector.c - the projector view: big tension, a wide track, tall bars, region cards, headlines.
 *
 * A separate drawing path from tui_view_draw: it reads the same struct
 * tui_view (world, rules, session, news, selection) and fills the screen in
 * bands from the top: the header, the tension in block digits with its band
 * and the date in block letters, the tension track across the whole width,
 * tension turn by turn as bars, then the map as region cards (placed as the
 * map art places the regions) beside the news headlines. Everything goes
 * through tui_put and friends, which clip, so no size can draw past an edge.
 * Its layout is also recorded in v->layout, so the mouse and the arrow keys
 * select regions as on the normal screen. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../engine/turn.h"
#include "../explain/explain.h"
#include "tui_projector.h"

/* A 3x5 pixel font: five rows of three pixels each, '#' set. */
struct glyph {
	char c;
	const char *rows; /* 15 characters, row by row */
};

static const struct glyph font[] = {
	{ '0', "####.##.##.####" }, { '1', ".#.##..#..#.###" }, { '2', "###..#####..###" },
	{ '3', "###..#.##..####" }, { '4', "#.##.####..#..#" }, { '5', "####..###..####" },
	{ '6', "####..####.####" }, { '7', "###..#..#.#..#." }, { '8', "####.#####.####" },
	{ '9', "####.####..####" }, { 'A', ".#.#.####.##.#" "#" }, { 'B', "##.#.###.#.###." },
	{ 'C', ".###..#..#...##" }, { 'D', "##.#.##.##.###." }, { 'E', "####..##.#..###" },
	{ 'F', "####..##.#..#.." }, { 'G', ".###..#.##.#.##" }, { 'H', "#.##.####.##.##" },
	{ 'I', "###.#..#..#.###" }, { 'J', "..#..#..##.#.#." }, { 'K', "#.##.###.#.##.#" },
	{ 'L', "#..#..#..#..###" }, { 'M', "#.#####.##.##.#" }, { 'N', "##.#.##.##.##.#" },
	{ 'O', ".#.#.##.##.#.#." }, { 'P', "##.#.###.#..#.." }, { 'Q', ".#.#.##.###..##" },
	{ 'R', "##.#.###.#.##.#" }, { 'S', ".###...#...###." }, { 'T', "###.#..#..#..#." },
	{ 'U', "#.##.##.##.####" }, { 'V', "#.##.##.##.#.#." }, { 'W', "#.##.########.#" },
	{ 'X', "#.##.#.#.#.##.#" }, { 'Y', "#.##.#.#..#..#." }, { 'Z', "###..#.#.#..###" },
	{ '-', "......###......" }, { '+', "....#.###.#...." }, { '%', "#.#..#.#.#..#.#" },
	{ '/', "..#..#.#.#..#.." }, { ':', "....#.....#...." }, { '.', ".............#." },
	{ '(', ".#.#..#..#...#." }, { ')', ".#...#..#..#.#." },
};

static const char *glyph_rows(int c)
{
	c = toupper(c);
	for (size_t i = 0; i < sizeof font / sizeof font[0]; i++)
		if (font[i].c == c)
			return font[i].rows;
	return NULL;
}

static bool pixel(const char *rows, int row, int col)
{
	return rows && row >= 0 && row < 5 && rows[row * 3 + col] == '#';
}

int tui_big_width(const char *s, int scale)
{
	int n = (int)strlen(s);
	return n ? n * (scale >= 2 ? 7 : 4) - 1 : 0;
}

int tui_big_text(struct tui *t, int y, int x, int maxw, int scale, int role, const char *s)
{
	bool half = scale < 2 && t->utf8;
	int cw = half ? 4 : 7; /* a character and the gap after it */
	int used = 0;
	for (const char *p = s; *p; p++) {
		if (used + cw - 1 > maxw)
			break;
		const char *g = glyph_rows((unsigned char)*p);
		if (half) {
			/* Two pixel rows a text row: upper and lower half blocks. */
			for (int r = 0; r < 3; r++)
				for (int c = 0; c < 3; c++) {
					bool up = pixel(g, 2 * r, c), down = pixel(g, 2 * r + 1, c);
					const char *cell = up && down ? "\xe2\x96\x88" : up ? "\xe2\x96\x80"
					                 : down ? "\xe2\x96\x84" : " ";
					tui_put(t, y + r, x + used + c, 1, role, cell);
				}
		} else {
			/* A pixel is two cells wide and one row high. */
			const char *full = t->utf8 ? "\xe2\x96\x88\xe2\x96\x88" : "##";
			for (int r = 0; r < 5; r++)
				for (int c = 0; c < 3; c++)
					tui_put(t, y + r, x + used + 2 * c, 2, role, pixel(g, r, c) ? full : "  ");
		}
		used += cw;
	}
	return used > 0 ? used - 1 : 0;
}

bool tui_projector_fits(void)
{
	return COLS >= TUI_PROJ_MIN_W && LINES >= TUI_PROJ_MIN_H;
}

void tui_projector_toggle(struct tui_view *v)
{
	v->projector = !v->projector;
	if (!v->projector)
		snprintf(v->status, sizeof v->status, "Projector view off");
	else if (tui_projector_fits())
		snprintf(v->status, sizeof v->status, "Projector view: v to leave");
	else
		snprintf(v->status, sizeof v->status, "Projector view needs %dx%d (now %dx%d)",
		         TUI_PROJ_MIN_W, TUI_PROJ_MIN_H, COLS, LINES);
	v->status_role = TR_HEADER;
}

static int band_role(int tension)
{
	return tension >= 80 ? TR_BAD : tension >= 60 ? TR_RUSSIA : tension >= 40 ? TR_CONTESTED
	     : TR_GOOD;
}

/* The tension before turn T (0 = the start) as the view knows it. */
static int tension_at(const struct tui_view *v, int t)
{
	if (t <= v->w->turn)
		return v->w->history[t][VAR_TENSION];
	return v->w->v[VAR_TENSION];
}

/* Tension, band, date: block letters across the top. Returns the next row. */
static int draw_headline(struct tui *t, const struct tui_view *v, int y)
{
	const struct rules *r = v->r;
	const struct world *w = v->w;
	int tension = w->v[VAR_TENSION], role = band_role(tension);
	char buf[64];
	tui_put(t, y, 2, 20, TR_TITLE, "TENSION");
	snprintf(buf, sizeof buf, "%d", tension);
	int x = 2 + tui_big_text(t, y + 1, 2, COLS - 4, 2, role, buf) + 4;
	int dt = v->log ? cause_total(v->log, VAR_TENSION, RULES_NO_REGION) : 0;
	if (dt) {
		snprintf(buf, sizeof buf, "%+d", dt);
		x += tui_big_text(t, y + 3, x, COLS - x, 1, dt > 0 ? TR_BAD : TR_GOOD, buf) + 5;
	}
	/* The band in block letters, the date and turn beneath it. */
	const char *band = explain_band(tension);
	tui_big_text(t, y + 1, x, COLS - x - 2, 1, role, band);
	char date[32];
	if (w->over)
		explain_date(r, w->turn > 0 ? w->turn - 1 : 0, date, sizeof date);
	else
		explain_date(r, w->turn < r->turns ? w->turn : r->turns - 1, date, sizeof date);
	if (w->over)
		snprintf(buf, sizeof buf, "%s  OVER", date);
	else
		snprintf(buf, sizeof buf, "%s  TURN %d/%d", date, w->turn + 1, r->turns);
	int bx = x + tui_big_width(band, 1) + 6;
	if (bx + tui_big_width(buf, 1) < COLS - 2)
		tui_big_text(t, y + 1, bx, COLS - bx - 2, 1, TR_TITLE, buf);
	else
		tui_big_text(t, y + 4, x, COLS - x - 2, 1, TR_TITLE, buf);
	/* The odds of a miscalculation, in words as big as the rest can spare. */
	int p = turn_miscalc_chance(w, r);
	tui_putf(t, y + 5, x, COLS - x - 2, p >= 1000 ? TR_BAD : TR_TITLE,
	         "Miscalculation %d.%d%%   Dialogue %d   Arms control %d   Sanctions %d   Security index %d",
	         p / 100, (p % 100) / 10, w->v[VAR_DIALOGUE], w->v[VAR_ARMS_CONTROL], w->v[VAR_SANCTIONS],
	         world_security_index(w, r));
	return y + 7;
}

/* The tension track across the width: three rows of cells by band, the
 * value marked above, the bands named below. Returns the next row. */
static int draw_track(struct tui *t, const struct tui_view *v, int y)
{
	int tension = v->w->v[VAR_TENSION];
	int x0 = 2, cells = COLS - 4;
	int mark = x0 + (tension >= 100 ? cells - 1 : tension * cells / 100);
	tui_putf(t, y, mark > x0 + 1 ? mark - 1 : x0, 8, band_role(tension), "%s%d",
	         t->utf8 ? "\xe2\x96\xbc" : "v", tension);
	for (int k = 0; k < cells; k++) {
		int at = k * 100 / cells;
		bool on = at < tension;
		for (int r = 1; r <= 2; r++)
			tui_put(t, y + r, x0 + k, 1, on ? band_role(at) : TR_DIM,
			        on ? t->g->full : (k > 0 && at / 20 != (k - 1) * 100 / cells / 20) ? "|"
			                                                                   : t->g->empty);
	}
	static const char *const bands[] = { "DETENTE", "COMPETITION", "CONFRONTATION", "CRISIS",
	                                     "BRINK" };
	for (int b = 0; b < 5; b++) {
		int cur = tension < 100 && tension / 20 == b;
		tui_put(t, y + 3, x0 + b * cells / 5, cells / 5, cur ? TR_SELECT : TR_TITLE, bands[b]);
	}
	tui_put(t, y + 3, x0 + cells - 3, 3, TR_BAD, "WAR");
	return y + 5;
}

/* Tension turn by turn: a bar a turn, H rows tall. Returns the next row. */
static int draw_history(struct tui *t, const struct tui_view *v, int y, int h)
{
	const struct rules *r = v->r;
	int turns = r->turns, played = v->w->turn;
	int x0 = 6, width = COLS - x0 - 2;
	int bw = width / (turns + 1);
	if (bw > 10)
		bw = 10;
	if (bw < 2)
		bw = 2;
	tui_put(t, y, 2, COLS - 4, TR_TITLE, "TENSION, TURN BY TURN");
	int top = y + 1, rows = h - 3;
	for (int level = 100; level >= 0; level -= 50)
		tui_putf(t, top + (100 - level) * (rows - 1) / 100, 1, 4, TR_DIM, "%3d", level);
	for (int k = 0; k <= turns && x0 + k * bw + bw - 1 <= COLS - 2; k++) {
		int x = x0 + k * bw;
		if (k > played) {
			tui_put(t, top + rows - 1, x, bw - 1, TR_DIM, "  .");
		} else {
			int val = tension_at(v, k);
			int hgt = (val * rows + 50) / 100;
			if (hgt < 1)
				hgt = 1;
			for (int i = 0; i < hgt; i++)
				for (int c = 0; c < bw - 1; c++)
					tui_put(t, top + rows - 1 - i, x + c, 1, band_role(val), t->g->full);
			tui_putf(t, top + rows - 1 - hgt, x, bw - 1, TR_TITLE, "%d", val);
		}
		char date[32];
		if (k == 0)
			snprintf(date, sizeof date, "start");
		else
			explain_date(r, k - 1, date, sizeof date);
		/* "2025-Q1" when the bar is wide enough, else "Q1" */
		const char *d = (int)strlen(date) < bw ? date : (strchr(date, 'Q') ? strchr(date, 'Q') : date);
		tui_put(t, top + rows, x, bw - 1, k == played && !v->w->over ? TR_SELECT : TR_DIM, d);
	}
	return y + h;
}

/* One region as a card: name in block letters, who holds it, forces,
 * alignment, stability. */
static void draw_card(struct tui *t, const struct tui_view *v, int i, struct tui_rect rc)
{
	const struct rules *r = v->r;
	const struct world *w = v->w;
	bool sel = i == v->sel;
	int hold = tui_holder_role(w, r, i);
	tui_box(t, rc.y, rc.x, rc.h, rc.w, sel ? TR_SELECT : hold, NULL);
	int x = rc.x + 2, iw = rc.w - 4, y = rc.y + 1;
	const char *name = r->region[i].name;
	if (!strncmp(name, "The ", 4) && tui_big_width(name, 1) > iw)
		name += 4;
	if (rc.h >= 8 && tui_big_width(name, 1) <= iw) {
		tui_big_text(t, y, x, iw, 1, sel ? TR_SELECT : TR_TITLE, name);
		y += 4;
	} else {
		tui_put(t, y++, x, iw, sel ? TR_SELECT : TR_TITLE, r->region[i].name);
	}
	int al = world_get(w, r, VAR_ALIGNMENT, i);
	const char *who = hold == TR_NATO ? "NATO holds" : hold == TR_RUSSIA ? "Russia holds" : "contested";
	if (y < rc.y + rc.h - 1)
		tui_putf(t, y++, x, iw, hold, "%s   %d vp   alignment %+d", who, r->region[i].value, al);
	if (y < rc.y + rc.h - 1)
		tui_putf(t, y++, x, iw, TR_NORMAL, "forces  NATO %d   Russia %d",
		         world_get(w, r, VAR_NATO_FORCES, i), world_get(w, r, VAR_RUSSIA_FORCES, i));
	if (y < rc.y + rc.h - 1) {
		/* Alignment as a wide bar: West at the left, Moscow at the right. */
		int cells = iw - 12 > 10 ? iw - 12 : 10; /* "West " and " Moscow" around it */
		int n = tui_put(t, y, x, 5, TR_NATO, "West ");
		int at = (100 - al) * (cells - 1) / 200; /* +100 (West) at the left */
		for (int k = 0; k < cells; k++)
			tui_put(t, y, x + n + k, 1, k == at ? TR_SELECT : k < cells / 2 ? TR_NATO : TR_RUSSIA,
			        k == at ? (t->utf8 ? "\xe2\x97\x86" : "*") : t->g->empty);
		tui_put(t, y, x + n + cells, 7, TR_RUSSIA, " Moscow");
		y++;
	}
	if (y < rc.y + rc.h - 1) {
		int st = world_get(w, r, VAR_STABILITY, i);
		tui_putf(t, y++, x, iw, TR_NORMAL, "stability %d (%s)", st, tui_stability_word(st));
	}
	const char *conflict = var_enum_name(VAR_CONFLICT, world_get(w, r, VAR_CONFLICT, i));
	if (y < rc.y + rc.h - 1 && conflict && strcmp(conflict, "none"))
		tui_putf(t, y, x, iw, !strcmp(conflict, "active") ? TR_BAD : TR_CONTESTED, "conflict: %s",
		         conflict);
}

/* The regions as cards, each in the part of AREA the map art puts it. */
static bool draw_cards(struct tui *t, struct tui_view *v, struct tui_rect area)
{
	const struct rules *r = v->r;
	const struct map_art *art = v->art_large && v->art_large->h ? v->art_large : v->art;
	int n = r->nregions;
	int cols = n <= 4 ? 2 : 3, rows = (n + cols - 1) / cols;
	if (n > 9 || area.h / rows < 6 || area.w / cols < 30)
		return false;
	int cw = area.w / cols, ch = area.h / rows;
	if (ch > 12)
		ch = 12;
	bool taken[9] = { false };
	memset(&v->layout, 0, sizeof v->layout);
	v->layout.area = area;
	v->layout.n = n;
	for (int i = 0; i < n; i++) {
		/* The cell the art's anchor points at, else the first free one. */
		int cell = -1;
		for (int k = 0; art && k < art->nanchors; k++)
			if (!strcmp(art->anchor[k].id, r->region[i].id) && art->w > 0 && art->h > 0) {
				int cx = art->anchor[k].x * cols / art->w, cy = art->anchor[k].y * rows / art->h;
				cx = cx < cols ? cx : cols - 1;
				cy = cy < rows ? cy : rows - 1;
				cell = cy * cols + cx;
			}
		for (int k = 0; cell < 0 || taken[cell]; k++) {
			if (k >= rows * cols)
				return false;
			cell = cell < 0 ? 0 : (cell + 1) % (rows * cols);
		}
		taken[cell] = true;
		struct tui_rect rc = { area.x + (cell % cols) * cw, area.y + (cell / cols) * ch, cw - 1, ch };
		v->layout.rect[i] = rc;
		draw_card(t, v, i, rc);
	}
	return true;
}

/* The news: headlines only, spaced out. */
static void draw_headlines(struct tui *t, const struct tui_view *v, struct tui_rect a)
{
	char title[64];
	if (v->news_turn >= 0) {
		char date[32];
		explain_date(v->r, v->news_turn, date, sizeof date);
		snprintf(title, sizeof title, "NEWS %s", date);
	} else {
		snprintf(title, sizeof title, "BRIEFING");
	}
	tui_big_text(t, a.y, a.x, a.w, 1, TR_TITLE, title);
	int y = a.y + 4, last = a.y + a.h;
	if (!v->log || !v->log->n) {
		char lines[16][256];
		int n = tui_wrap(v->r->summary, a.w, lines, 16);
		for (int i = 0; i < n && y < last; i++)
			tui_put(t, y++, a.x, a.w, TR_TITLE, lines[i]);
		return;
	}
	for (int i = 0; i < v->log->n && i < CAUSE_MAX && y < last; i++) {
		const struct cause *c = &v->log->rec[i];
		if (c->var != VAR_NONE || c->kind == CAUSE_MISCALC)
			continue;
		char text[240], lines[4][256];
		explain_cause_in(v->r, v->log, i, text, sizeof text);
		int role = c->kind == CAUSE_WAR || c->kind == CAUSE_INCIDENT ? TR_BAD
		         : c->kind == CAUSE_AGREEMENT ? TR_GOOD : TR_TITLE;
		int n = tui_wrap(text, a.w - 2, lines, 4);
		for (int k = 0; k < n && y < last; k++)
			tui_putf(t, y++, a.x, a.w, role, "%s%s", k ? "  " : (t->utf8 ? "\xe2\x96\xa0 " : "* "),
			         lines[k]);
		y++; /* a blank line between headlines */
	}
}

void tui_projector_draw(struct tui *t, struct tui_view *v)
{
	erase();
	tui_fill(t, 0, 0, 1, COLS, TR_HEADER);
	tui_put(t, 0, 1, COLS - 2, TR_HEADER, v->title);
	if (v->status[0]) {
		int sw = tui_width(v->status);
		tui_put(t, 0, COLS - 1 - sw, sw, v->status_role ? v->status_role : TR_HEADER, v->status);
	}
	int y = draw_headline(t, v, 2);
	y = draw_track(t, v, y);
	int hist = LINES >= 60 ? 14 : 10;
	y = draw_history(t, v, y, hist) + 1;
	/* The map (cards) at the left, the news at the right. */
	int nw = COLS * 2 / 5;
	struct tui_rect map = { 1, y, COLS - nw - 3, LINES - 2 - y };
	if (!draw_cards(t, v, map)) {
		/* Too many regions for cards: the normal map, as large as it goes. */
		const struct map_art *art = v->art_large && v->art_large->h && v->art_large->w <= map.w &&
		                            v->art_large->h <= map.h ? v->art_large : v->art;
		tui_map_layout(&v->layout, art, v->r, map, v->sel);
		tui_map_draw(t, &v->layout, art, v->r, v->w, v->sel);
	}
	struct tui_rect news = { COLS - nw, y, nw - 2, LINES - 2 - y };
	draw_headlines(t, v, news);
	tui_footer(t, v->footer, v->nfooter);
	refresh();
}
