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

#ifndef BRINK_DATADIR
#define BRINK_DATADIR "/usr/local/share/brink"
#endif

#define ART_FILE_MAX (64 * 1024)

int tui_art_parse(struct tui_art *a, const char *text, char *err, size_t errlen)
{
	memset(a, 0, sizeof *a);
	bool in_art = false;
	int lineno = 0;
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char buf[512];
		if (len > sizeof buf - 1)
			len = sizeof buf - 1;
		memcpy(buf, p, len);
		buf[len] = '\0';
		if (len && buf[len - 1] == '\r')
			buf[--len] = '\0';
		p = nl ? nl + 1 : p + strlen(p);
		lineno++;
		if (in_art) {
			if (a->h >= TUI_ART_MAX_H)
				break; /* taller art is cut, not refused */
			char *dst = a->line[a->h++];
			size_t n = len > TUI_ART_MAX_W ? TUI_ART_MAX_W : len;
			for (size_t i = 0; i < n; i++) /* the art is ASCII: anything else shows as '?' */
				dst[i] = buf[i] == '\t' ? ' ' : (buf[i] < 32 || buf[i] > 126) ? '?' : buf[i];
			dst[n] = '\0';
			if ((int)n > a->w)
				a->w = (int)n;
			continue;
		}
		if (!strcmp(buf, "---")) {
			in_art = true;
			continue;
		}
		if (buf[0] == '#' || buf[0] == '\0')
			continue;
		if (!strncmp(buf, "map:", 4)) {
			const char *s = buf + 4;
			while (*s == ' ')
				s++;
			snprintf(a->name, sizeof a->name, "%.63s", s);
			continue;
		}
		char id[64];
		int x, y;
		char extra;
		if (sscanf(buf, "anchor %63s %d %d %c", id, &x, &y, &extra) == 3) {
			if (x < 0 || y < 0 || x > TUI_ART_MAX_W || y > TUI_ART_MAX_H) {
				snprintf(err, errlen, "line %d: anchor %s out of the art", lineno, id);
				return -1;
			}
			if (a->nanchors < TUI_ART_MAX_ANCHORS) {
				struct tui_anchor *an = &a->anchor[a->nanchors++];
				snprintf(an->id, sizeof an->id, "%.31s", id);
				an->x = x;
				an->y = y;
			}
			continue;
		}
		snprintf(err, errlen, "line %d: expected 'map: NAME', 'anchor ID X Y' or '---'", lineno);
		return -1;
	}
	if (!in_art) {
		snprintf(err, errlen, "no '---' line before the art");
		return -1;
	}
	return 0;
}

static int art_try(struct tui_art *a, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char *buf = malloc(ART_FILE_MAX + 1);
	if (!buf) {
		fclose(f);
		return -1;
	}
	size_t n = fread(buf, 1, ART_FILE_MAX, f);
	fclose(f);
	buf[n] = '\0';
	char err[128];
	int rc = tui_art_parse(a, buf, err, sizeof err);
	free(buf);
	return rc;
}

int tui_art_load(struct tui_art *a, const char *name)
{
	char path[1024];
	snprintf(path, sizeof path, "assets/%s", name);
	if (art_try(a, path) == 0)
		return 0;
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	if (xdg && *xdg)
		snprintf(path, sizeof path, "%s/brink/assets/%s", xdg, name);
	else if (home && *home)
		snprintf(path, sizeof path, "%s/.local/share/brink/assets/%s", home, name);
	else
		path[0] = '\0';
	if (path[0] && art_try(a, path) == 0)
		return 0;
	snprintf(path, sizeof path, "%s/assets/%s", BRINK_DATADIR, name);
	if (art_try(a, path) == 0)
		return 0;
	/* Next to the executable or up to two folders above it (build/asan/brink):
	 * a build run from another folder still finds its art. */
	char exe[900];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		for (int up = 0; up < 3; up++) {
			char *slash = strrchr(exe, '/');
			if (!slash)
				break;
			*slash = '\0';
			snprintf(path, sizeof path, "%s/assets/%s", exe, name);
			if (art_try(a, path) == 0)
				return 0;
		}
	}
	memset(a, 0, sizeof *a);
	return -1;
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
	int rows = L->area.h - 1; /* one header row */
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
		L->rect[i] = (struct tui_rect){ L->area.x, L->area.y + 1 + row, L->area.w, 1 };
		if (row < 0 || row >= rows)
			L->rect[i].h = 0;
	}
}

void tui_map_layout(struct tui_layout *L, const struct tui_art *a, const struct rules *r,
                    struct tui_rect area, int sel)
{
	int keep_top = L->list_top;
	memset(L, 0, sizeof *L);
	L->list_top = keep_top;
	L->area = area;
	L->n = r->nregions;
	int aw = a ? a->w : 0, ah = a ? a->h : 0;
	L->ax = area.x + (area.w > aw ? (area.w - aw) / 2 : 0);
	L->ay = area.y + (area.h > ah ? (area.h - ah) / 2 : 0);
	bool placed[RULES_MAX_REGIONS] = { false };
	/* Anchored regions first, where the art says. */
	for (int i = 0; a && i < L->n; i++)
		for (int k = 0; k < a->nanchors; k++)
			if (!strcmp(a->anchor[k].id, r->region[i].id)) {
				struct tui_rect rc = { L->ax + a->anchor[k].x, L->ay + a->anchor[k].y,
				                       TUI_BOX_W, TUI_BOX_H };
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
		for (int k = 0; a && k < a->nanchors && !placed[i]; k++) {
			struct tui_rect rc = { L->ax + a->anchor[k].x, L->ay + a->anchor[k].y,
			                       TUI_BOX_W, TUI_BOX_H };
			if (rect_free(L, placed, rc)) {
				L->rect[i] = rc;
				placed[i] = true;
			}
		}
		for (int y = area.y; y + TUI_BOX_H <= area.y + area.h && !placed[i]; y++)
			for (int x = area.x; x + TUI_BOX_W <= area.x + area.w; x += 2) {
				struct tui_rect rc = { x, y, TUI_BOX_W, TUI_BOX_H };
				if (rect_free(L, placed, rc)) {
					L->rect[i] = rc;
					placed[i] = true;
					break;
				}
			}
		if (!placed[i]) {
			layout_list(L, sel);
			return;
		}
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
	const char *name = r->region[i].name;
	if (!strncmp(name, "The ", 4) && tui_width(name) > rc.w - 4 - tagw)
		name += 4; /* "Baltics" reads better than "The Balti" */
	snprintf(title, sizeof title, selected ? ">%s<" : "%s", name);
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
	draw_state_word(t, rc.y + 3, x + 8, iw - 8, w, i);
	const char *h = holder_text(w, r, i);
	int hw = (int)strlen(h);
	tui_put(t, rc.y + 4, rc.x + (rc.w - hw) / 2, hw, tui_holder_role(w, r, i), h);
}

static void draw_row(struct tui *t, struct tui_rect rc, const struct rules *r,
                     const struct world *w, int i, bool selected)
{
	int x = rc.x;
	tui_fill(t, rc.y, rc.x, 1, rc.w, selected ? TR_SELECT : TR_NORMAL);
	x += tui_putf(t, rc.y, x, 16, selected ? TR_SELECT : TR_TITLE, "%c%-14.14s ",
	              selected ? '>' : ' ', r->region[i].name);
	x += tui_putf(t, rc.y, x, 5, TR_NATO, "N%3d ", rv(w, i, VAR_NATO_FORCES));
	x += tui_putf(t, rc.y, x, 5, TR_RUSSIA, "R%3d ", rv(w, i, VAR_RUSSIA_FORCES));
	x += draw_alignment(t, rc.y, x, rv(w, i, VAR_ALIGNMENT));
	x += tui_putf(t, rc.y, x, 6, TR_NORMAL, "%+5d ", rv(w, i, VAR_ALIGNMENT));
	x += tui_putf(t, rc.y, x, 8, TR_NORMAL, "stab%3d ", rv(w, i, VAR_STABILITY));
	draw_state_word(t, rc.y, x, 10, w, i);
	x += 11;
	const char *tag = member_tag(rv(w, i, VAR_MEMBER));
	if (*tag)
		x += tui_putf(t, rc.y, x, rc.x + rc.w - x, TR_NORMAL, "%s ", tag);
	tui_put(t, rc.y, x, rc.x + rc.w - x, tui_holder_role(w, r, i), holder_text(w, r, i));
}

void tui_map_draw(struct tui *t, const struct tui_layout *L, const struct tui_art *a,
                  const struct rules *r, const struct world *w, int sel)
{
	if (L->list) {
		tui_putf(t, L->area.y, L->area.x, L->area.w, TR_TITLE,
		         " Region          forces   Moscow%sWest        stability   (%d regions)",
		         t->g->mid, L->n);
		for (int i = 0; i < L->n; i++)
			if (L->rect[i].h)
				draw_row(t, L->rect[i], r, w, i, i == sel);
		return;
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
