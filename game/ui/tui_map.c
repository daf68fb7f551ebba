/* tui_map.c - map art loading, region layout (anchors, free space, list) and region drawing.
 *
 * A region's box (TUI_BOX_W x TUI_BOX_H) reads without colour:
 *   +Poland-------NATO+    name, and NATO/CSTO when it is a member
 *   |N 45 R  0    3vp |    both sides' forces, victory points
 *   |....|>>>>    +85 |    alignment: toward Moscow (<) or the West (>)
 *   |stab 80  stable  |    stability, or the conflict when there is one
 *   +----NATO holds---+    who holds it under the victory rules
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../engine/turn.h"
#include "tui_map.h"

void tui_art_for(struct map_art *a, const struct rules *r, bool large)
{
	memset(a, 0, sizeof *a);
	const char *name = large ? r->map_art_large : r->map_art;
	if (*name)
		map_art_load(a, name, NULL, 0, NULL);
}

static const char *map_name(const struct rules *r, int i)
{
	return r->region[i].short_name[0] ? r->region[i].short_name : r->region[i].name;
}

int tui_box_width(const struct rules *r, int i)
{
	/* borders 2, the selection markers 2, a space and "NATO" 5 */
	int w = tui_width(map_name(r, i)) + 9;
	return w > TUI_BOX_W ? w : TUI_BOX_W;
}

static bool overlap(struct tui_rect a, struct tui_rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static bool inside(struct tui_rect in, struct tui_rect r)
{
	return r.x >= in.x && r.y >= in.y && r.x + r.w <= in.x + in.w && r.y + r.h <= in.y + in.h;
}

static bool rect_free(const struct tui_layout *L, const bool *placed, struct tui_rect r)
{
	if (!inside(L->area, r))
		return false;
	for (int j = 0; j < L->n; j++)
		if (placed[j] && overlap(L->rect[j], r))
			return false;
	return true;
}

static void layout_list(struct tui_layout *L, int sel)
{
	L->list = true;
	int rows = L->area.h - 2; /* two header rows: why, and the columns */
	if (rows < 1)
		rows = 1;
	if (sel < L->list_top)
		L->list_top = sel;
	if (sel >= L->list_top + rows)
		L->list_top = sel - rows + 1;
	if (L->list_top > L->n - rows)
		L->list_top = L->n - rows;
	if (L->list_top < 0)
		L->list_top = 0;
	for (int i = 0; i < L->n; i++) {
		int row = i - L->list_top;
		L->rect[i] = (struct tui_rect){ L->area.x, L->area.y + 2 + row, L->area.w, 1 };
		if (row < 0 || row >= rows)
			L->rect[i].h = 0;
	}
}

static void art_layout(struct tui_layout *L, const struct map_art *a, const struct rules *r,
                       bool *placed)
{
	struct tui_rect area = L->area;
	L->ax = area.x + (area.w > a->w ? (area.w - a->w) / 2 : 0);
	L->ay = area.y + (area.h > a->h ? (area.h - a->h) / 2 : 0);
	/* Anchored regions first, where the art says. */
	for (int i = 0; i < L->n; i++)
		for (int k = 0; k < a->nanchors; k++)
			if (!strcmp(a->anchor[k].id, r->region[i].id)) {
				struct tui_rect rc = { L->ax + a->anchor[k].x, L->ay + a->anchor[k].y,
				                       tui_box_width(r, i), TUI_BOX_H };
				if (rect_free(L, placed, rc)) {
					L->rect[i] = rc;
					placed[i] = true;
				}
				break;
			}
	/* Then the others: first in the places the art keeps for regions this
	 * scenario does not have (they sit on the art's grid), then in the
	 * first free space, scanning rows top to bottom. */
	for (int i = 0; i < L->n; i++) {
		if (placed[i])
			continue;
		int bw = tui_box_width(r, i);
		for (int k = 0; k < a->nanchors && !placed[i]; k++) {
			struct tui_rect rc = { L->ax + a->anchor[k].x, L->ay + a->anchor[k].y, bw, TUI_BOX_H };
			if (rect_free(L, placed, rc)) {
				L->rect[i] = rc;
				placed[i] = true;
			}
		}
		for (int y = area.y; y + TUI_BOX_H <= area.y + area.h && !placed[i]; y++)
			for (int x = area.x; x + bw <= area.x + area.w; x += 2) {
				struct tui_rect rc = { x, y, bw, TUI_BOX_H };
				if (rect_free(L, placed, rc)) {
					L->rect[i] = rc;
					placed[i] = true;
					break;
				}
			}
	}
}

static bool borders(const struct rules *r, int i, int j)
{
	return (r->region[i].borders >> j & 1) || (r->region[j].borders >> i & 1);
}

/* The neutral layout's cells: regions in a grid of COLS x ROWS, each placed
 * in turn (breadth-first over the borders, the most connected first) in
 * the free cell nearest its placed neighbours; regions bordering Russia lean
 * to the right-hand side. CELL[i] gets region i's cell. */
static void grid_assign(const struct rules *r, int cols, int rows, int *cell)
{
	int n = r->nregions;
	bool done[RULES_MAX_REGIONS] = { false }, taken[RULES_MAX_REGIONS * 2] = { false };
	int queue[RULES_MAX_REGIONS], qh = 0, qt = 0;
	for (int placed = 0; placed < n; placed++) {
		if (qh == qt) { /* a new component: its most connected region */
			int best = -1, bestdeg = -1;
			for (int i = 0; i < n; i++) {
				if (done[i])
					continue;
				int deg = 0;
				for (int j = 0; j < n; j++)
					deg += j != i && borders(r, i, j);
				if (deg > bestdeg) {
					best = i;
					bestdeg = deg;
				}
			}
			queue[qt++] = best;
			done[best] = true;
		}
		int i = queue[qh++];
		int bestc = -1;
		long bestcost = 0;
		for (int c = 0; c < cols * rows; c++) {
			if (taken[c])
				continue;
			int cx = c % cols, cy = c / cols;
			long cost = 0;
			bool any = false;
			for (int j = 0; j < n; j++)
				if (j != i && cell[j] >= 0 && borders(r, i, j)) {
					cost += 4 * (labs((long)(cell[j] % cols - cx)) + labs((long)(cell[j] / cols - cy)));
					any = true;
				}
			if (!any) /* nothing to be near: the middle, for the first */
				cost += 2 * (labs((long)(2 * cx - (cols - 1))) + labs((long)(2 * cy - (rows - 1))));
			if (r->region[i].borders_russia)
				cost += cols - 1 - cx;
			if (bestc < 0 || cost < bestcost) {
				bestc = c;
				bestcost = cost;
			}
		}
		cell[i] = bestc;
		taken[bestc] = true;
		for (int j = 0; j < n; j++)
			if (!done[j] && j != i && borders(r, i, j)) {
				done[j] = true;
				queue[qt++] = j;
			}
	}
}

static int box_w(const struct rules *r, int i, int minw)
{
	int w = tui_box_width(r, i);
	return w > minw ? w : minw;
}

/* The grid with boxes at least MINW wide and BH tall; GAP_X, GAP_Y: the
 * least room wanted between them. Returns 0, or -1 when it does not fit. */
static int grid_try(struct tui_layout *L, const struct rules *r, bool *placed, int minw, int bh,
                    int gap_x, int gap_y)
{
	struct tui_rect area = L->area;
	int n = L->n;
	double best = -1;
	int bcols = 0;
	int cell[RULES_MAX_REGIONS];
	for (int cols = 1; cols <= n; cols++) {
		int rows = (n + cols - 1) / cols;
		if (rows * bh + (rows + 1) * gap_y > area.h || cols * minw + (cols + 1) * gap_x > area.w)
			continue;
		for (int i = 0; i < n; i++)
			cell[i] = -1;
		grid_assign(r, cols, rows, cell);
		int cw[RULES_MAX_REGIONS] = { 0 }, sum = 0;
		for (int i = 0; i < n; i++) {
			int w = box_w(r, i, minw);
			if (w > cw[cell[i] % cols])
				cw[cell[i] % cols] = w;
		}
		for (int c = 0; c < cols; c++)
			sum += cw[c];
		if (sum + (cols + 1) * gap_x > area.w)
			continue;
		/* The shape nearest the area's (a cell is about twice as tall as wide). */
		double shape = (double)sum / (rows * bh * 2.0);
		double want = (double)area.w / (area.h * 2.0);
		double score = shape > want ? shape / want : want / shape;
		if (best < 0 || score < best) {
			best = score;
			bcols = cols;
		}
	}
	if (!bcols)
		return -1;
	int cols = bcols, rows = (n + cols - 1) / cols;
	for (int i = 0; i < n; i++)
		cell[i] = -1;
	grid_assign(r, cols, rows, cell);
	int cw[RULES_MAX_REGIONS] = { 0 }, sum = 0;
	for (int i = 0; i < n; i++) {
		int w = box_w(r, i, minw);
		if (w > cw[cell[i] % cols])
			cw[cell[i] % cols] = w;
	}
	for (int c = 0; c < cols; c++)
		sum += cw[c];
	/* Spread the grid over the area: bigger terminals, wider gaps. */
	int gx = cols > 1 ? (area.w - sum) / (cols + 1) : 0;
	int gy = rows > 1 ? (area.h - rows * bh) / (rows + 1) : 0;
	gx = gx > 10 ? 10 : gx;
	gy = gy > 4 ? 4 : gy;
	int x0 = area.x + (area.w - sum - gx * (cols - 1)) / 2;
	int y0 = area.y + (area.h - rows * bh - gy * (rows - 1)) / 2;
	int cx[RULES_MAX_REGIONS];
	for (int c = 0, x = x0; c < cols; c++) {
		cx[c] = x;
		x += cw[c] + gx;
	}
	for (int i = 0; i < n; i++) {
		int c = cell[i] % cols, rw = cell[i] / cols;
		int w = box_w(r, i, minw);
		L->rect[i] = (struct tui_rect){ cx[c] + (cw[c] - w) / 2, y0 + rw * (bh + gy), w, bh };
		placed[i] = true;
	}
	/* Lines between neighbours in adjacent cells, where there is a gap. */
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++) {
			if (i == j || !borders(r, i, j) || L->nlinks >= TUI_MAX_LINKS)
				continue;
			struct tui_rect a = L->rect[i], b = L->rect[j];
			if (cell[j] == cell[i] + 1 && cell[i] / cols == cell[j] / cols && b.x > a.x + a.w)
				L->link[L->nlinks++] = (struct tui_link){ a.x + a.w, a.y + bh / 2,
				                                          b.x - a.x - a.w, false };
			else if (cell[j] == cell[i] + cols && gy > 0) {
				int lx = (a.x + a.w / 2 + b.x + b.w / 2) / 2;
				if (lx >= a.x && lx < a.x + a.w && lx >= b.x && lx < b.x + b.w)
					L->link[L->nlinks++] = (struct tui_link){ lx, a.y + a.h, gy, true };
			}
		}
	return 0;
}

/* Large areas (200x60) get the large boxes, with two more lines, when they
 * fit with room between them; else the standard ones. */
static int grid_layout(struct tui_layout *L, const struct rules *r, bool *placed)
{
	if (grid_try(L, r, placed, TUI_BOX_W_LARGE, TUI_BOX_H_LARGE, 4, 2) == 0)
		return 0;
	memset(placed, 0, sizeof(bool) * RULES_MAX_REGIONS);
	L->nlinks = 0;
	return grid_try(L, r, placed, TUI_BOX_W, TUI_BOX_H, 0, 0);
}

void tui_map_layout(struct tui_layout *L, const struct map_art *a, const struct rules *r,
                    struct tui_rect area, int sel)
{
	int keep_top = L->list_top;
	memset(L, 0, sizeof *L);
	L->list_top = keep_top;
	L->area = area;
	L->n = r->nregions;
	L->ax = area.x;
	L->ay = area.y;
	bool placed[RULES_MAX_REGIONS] = { false };
	if (a && a->h)
		art_layout(L, a, r, placed);
	else
		grid_layout(L, r, placed);
	for (int i = 0; i < L->n; i++)
		if (!placed[i]) {
			int widest = 0;
			for (int k = 0; k < L->n; k++)
				if (tui_box_width(r, k) > widest)
					widest = tui_box_width(r, k);
			snprintf(L->why, sizeof L->why, "A list: %d boxes up to %d wide do not fit %dx%d",
			         L->n, widest, area.w, area.h);
			L->nlinks = 0;
			layout_list(L, sel);
			return;
		}
}

const char *tui_stability_word(int s)
{
	return s >= 60 ? "stable" : s >= 35 ? "uneasy" : "unstable";
}

int tui_holder_role(const struct world *w, const struct rules *r, int i)
{
	int c = turn_controller(w, r, i);
	return c == SIDE_NATO ? TR_NATO : c == SIDE_RUSSIA ? TR_RUSSIA : TR_CONTESTED;
}

static int rv(const struct world *w, int i, int var)
{
	return w->region[i].v[var - VAR_WORLD_END];
}

/* The alignment bar: 4 cells toward Moscow, the centre, 4 toward the West. */
static int draw_alignment(struct tui *t, int y, int x, int align)
{
	int n = (abs(align) + 12) / 25;
	for (int k = 0; k < 4; k++) {
		bool on = align < 0 && 4 - k <= n;
		tui_put(t, y, x + k, 1, on ? TR_RUSSIA : TR_DIM, on ? t->g->east : ".");
	}
	tui_put(t, y, x + 4, 1, TR_NORMAL, t->g->mid);
	for (int k = 0; k < 4; k++) {
		bool on = align > 0 && k < n;
		tui_put(t, y, x + 5 + k, 1, on ? TR_NATO : TR_DIM, on ? t->g->west : ".");
	}
	return 9;
}

static const char *member_tag(int m)
{
	return m == MEMBER_NATO ? "NATO" : m == MEMBER_CSTO ? "CSTO" : "";
}

static const char *holder_text(const struct world *w, const struct rules *r, int i)
{
	int c = turn_controller(w, r, i);
	return c == SIDE_NATO ? "NATO holds" : c == SIDE_RUSSIA ? "Russia holds" : "contested";
}

static void draw_state_word(struct tui *t, int y, int x, int maxw, const struct world *w, int i)
{
	int conflict = rv(w, i, VAR_CONFLICT);
	if (conflict == CONFLICT_ACTIVE)
		tui_put(t, y, x, maxw, TR_BAD, "at war");
	else if (conflict == CONFLICT_FROZEN)
		tui_put(t, y, x, maxw, TR_CONTESTED, "frozen");
	else {
		int s = rv(w, i, VAR_STABILITY);
		tui_put(t, y, x, maxw, s >= 60 ? TR_GOOD : s >= 35 ? TR_CONTESTED : TR_BAD,
		        tui_stability_word(s));
	}
}

static void draw_box(struct tui *t, struct tui_rect rc, const struct rules *r,
                     const struct world *w, int i, bool selected)
{
	int role = selected ? TR_SELECT : tui_holder_role(w, r, i);
	tui_fill(t, rc.y, rc.x, rc.h, rc.w, TR_NORMAL);
	tui_box(t, rc.y, rc.x, rc.h, rc.w, role, NULL);
	/* Title: the name (selected: between markers), the membership at the right. */
	const char *tag = member_tag(rv(w, i, VAR_MEMBER));
	int tagw = (int)strlen(tag);
	char title[80];
	snprintf(title, sizeof title, selected ? ">%s<" : "%s", map_name(r, i));
	tui_put(t, rc.y, rc.x + 1, rc.w - 2 - (tagw ? tagw + 1 : 0), selected ? TR_SELECT : TR_TITLE,
	        title);
	if (tagw)
		tui_put(t, rc.y, rc.x + rc.w - 1 - tagw, tagw, tag[0] == 'N' ? TR_NATO : TR_RUSSIA, tag);
	int x = rc.x + 1, iw = rc.w - 2;
	tui_putf(t, rc.y + 1, x, 4, TR_NATO, "N%3d", rv(w, i, VAR_NATO_FORCES));
	tui_putf(t, rc.y + 1, x + 5, 4, TR_RUSSIA, "R%3d", rv(w, i, VAR_RUSSIA_FORCES));
	tui_putf(t, rc.y + 1, x + 10, iw - 10, TR_NORMAL, "%dvp", r->region[i].value);
	int al = rv(w, i, VAR_ALIGNMENT);
	draw_alignment(t, rc.y + 2, x, al);
	tui_putf(t, rc.y + 2, x + 10, iw - 10, al > 0 ? TR_NATO : al < 0 ? TR_RUSSIA : TR_NORMAL,
	         "%+d", al);
	tui_putf(t, rc.y + 3, x, 7, TR_NORMAL, "stab%3d", rv(w, i, VAR_STABILITY));
	/* "stab 33 unstable": the box is at least TUI_BOX_W wide for it */
	draw_state_word(t, rc.y + 3, x + 8, iw - 8, w, i);
	if (rc.h >= TUI_BOX_H_LARGE) {
		/* the large box: derived values, and the whole name when the title is short */
		tui_putf(t, rc.y + 4, x, iw, TR_NORMAL, "milit%4d  vuln%4d",
		         world_get(w, r, VAR_MILITARIZATION, i), world_get(w, r, VAR_VULNERABILITY, i));
		const char *full = r->region[i].name;
		if (r->region[i].short_name[0] && tui_width(full) <= iw)
			tui_put(t, rc.y + 5, x, iw, TR_DIM, full);
		else if (r->region[i].borders_russia)
			tui_put(t, rc.y + 5, x, iw, TR_DIM, "borders Russia");
	}
	const char *h = holder_text(w, r, i);
	int hw = (int)strlen(h);
	tui_put(t, rc.y + rc.h - 1, rc.x + (rc.w - hw) / 2, hw, tui_holder_role(w, r, i), h);
}

/* The list's columns, most important first; a column that does not fit
 * whole is left out, never cut. */
enum { COL_STAB, COL_ALIGN, COL_HOLDER, COL_FORCES, COL_BAR, COL_TAG, COL_COUNT };
static const int col_w[COL_COUNT] = { 17, 6, 10, 10, 10, 5 };

static void draw_row(struct tui *t, struct tui_rect rc, const struct rules *r,
                     const struct world *w, int i, bool selected, int namew, const bool *col)
{
	int x = rc.x;
	tui_fill(t, rc.y, rc.x, 1, rc.w, selected ? TR_SELECT : TR_NORMAL);
	tui_put(t, rc.y, x, 1, selected ? TR_SELECT : TR_TITLE, selected ? ">" : " ");
	tui_put(t, rc.y, x + 1, namew, selected ? TR_SELECT : TR_TITLE, map_name(r, i));
	x += namew + 2;
	int al = rv(w, i, VAR_ALIGNMENT);
	if (col[COL_STAB]) {
		tui_putf(t, rc.y, x, 8, TR_NORMAL, "stab%3d ", rv(w, i, VAR_STABILITY));
		draw_state_word(t, rc.y, x + 8, 8, w, i);
		x += col_w[COL_STAB];
	}
	if (col[COL_ALIGN]) {
		tui_putf(t, rc.y, x, 5, al > 0 ? TR_NATO : al < 0 ? TR_RUSSIA : TR_NORMAL, "%+4d", al);
		x += col_w[COL_ALIGN];
	}
	if (col[COL_HOLDER]) {
		int c = turn_controller(w, r, i);
		tui_put(t, rc.y, x, 9, tui_holder_role(w, r, i),
		        c == SIDE_NATO ? "NATO" : c == SIDE_RUSSIA ? "Russia" : "contested");
		x += col_w[COL_HOLDER];
	}
	if (col[COL_FORCES]) {
		tui_putf(t, rc.y, x, 4, TR_NATO, "N%3d", rv(w, i, VAR_NATO_FORCES));
		tui_putf(t, rc.y, x + 5, 4, TR_RUSSIA, "R%3d", rv(w, i, VAR_RUSSIA_FORCES));
		x += col_w[COL_FORCES];
	}
	if (col[COL_BAR]) {
		draw_alignment(t, rc.y, x, al);
		x += col_w[COL_BAR];
	}
	const char *tag = member_tag(rv(w, i, VAR_MEMBER));
	if (col[COL_TAG] && *tag)
		tui_put(t, rc.y, x, 4, tag[0] == 'N' ? TR_NATO : TR_RUSSIA, tag);
}

void tui_map_draw(struct tui *t, const struct tui_layout *L, const struct map_art *a,
                  const struct rules *r, const struct world *w, int sel)
{
	if (L->list) {
		int namew = 6;
		for (int i = 0; i < L->n; i++)
			if (tui_width(map_name(r, i)) > namew)
				namew = tui_width(map_name(r, i));
		if (namew > L->area.w - 2)
			namew = L->area.w - 2;
		bool col[COL_COUNT];
		int used = namew + 2;
		for (int c = 0; c < COL_COUNT; c++) {
			col[c] = used + col_w[c] <= L->area.w && (c == 0 || col[c - 1]);
			used += col[c] ? col_w[c] : 0;
		}
		tui_put(t, L->area.y, L->area.x, L->area.w, TR_DIM, L->why);
		static const char *const head[COL_COUNT] = { "stability", "align", "held by", "forces",
		                                             "<Mos West>", "" };
		int x = L->area.x;
		x += tui_putf(t, L->area.y + 1, x, L->area.w, TR_TITLE, " %-*s ", namew, "Region");
		for (int c = 0; c < COL_COUNT; c++)
			if (col[c]) {
				tui_put(t, L->area.y + 1, x, col_w[c] - 1, TR_TITLE, head[c]);
				x += col_w[c];
			}
		for (int i = 0; i < L->n; i++)
			if (L->rect[i].h)
				draw_row(t, L->rect[i], r, w, i, i == sel, namew, col);
		return;
	}
	for (int k = 0; k < L->nlinks; k++) {
		const struct tui_link *ln = &L->link[k];
		for (int c = 0; c < ln->len; c++)
			tui_put(t, ln->vertical ? ln->y + c : ln->y, ln->vertical ? ln->x : ln->x + c, 1,
			        TR_DIM, ln->vertical ? t->g->v : t->g->h);
	}
	for (int y = 0; a && y < a->h; y++) {
		int sy = L->ay + y;
		if (sy < L->area.y || sy >= L->area.y + L->area.h)
			continue;
		tui_put(t, sy, L->ax, L->area.x + L->area.w - L->ax, TR_ART, a->line[y]);
	}
	for (int i = 0; i < L->n; i++)
		if (L->rect[i].h)
			draw_box(t, L->rect[i], r, w, i, i == sel);
}

int tui_map_hit(const struct tui_layout *L, int y, int x)
{
	for (int i = 0; i < L->n; i++) {
		struct tui_rect rc = L->rect[i];
		if (rc.h && x >= rc.x && x < rc.x + rc.w && y >= rc.y && y < rc.y + rc.h)
			return i;
	}
	return -1;
}

int tui_map_move(const struct tui_layout *L, int sel, int dx, int dy)
{
	if (L->n == 0)
		return sel;
	if (sel < 0 || sel >= L->n)
		return 0;
	if (L->list) {
		int d = dy ? dy : dx;
		int n = sel + d;
		return n < 0 ? 0 : n >= L->n ? L->n - 1 : n;
	}
	/* Cells are about twice as tall as wide: weigh rows so the eye agrees. */
	int cx = L->rect[sel].x * 2 + L->rect[sel].w, cy = (L->rect[sel].y * 2 + L->rect[sel].h) * 2;
	int best = sel;
	long best_score = 0;
	for (int j = 0; j < L->n; j++) {
		if (j == sel)
			continue;
		int jx = L->rect[j].x * 2 + L->rect[j].w, jy = (L->rect[j].y * 2 + L->rect[j].h) * 2;
		long along = (long)(jx - cx) * dx + (long)(jy - cy) * dy;
		long across = dx ? labs((long)(jy - cy)) : labs((long)(jx - cx));
		if (along <= 0)
			continue;
		long score = along + 2 * across;
		if (best == sel || score < best_score) {
			best = j;
			best_score = score;
		}
	}
	return best;
}
