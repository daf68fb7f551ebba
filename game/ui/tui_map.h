/* tui_map.h - the curses map: where each region's box goes, drawing regions.
 *
 * With the scenario's map art (game/scenario/mapart.h), boxes go where its
 * anchors say and regions it does not know into free space. Without art, a
 * neutral layout: a grid computed from the borders graph, neighbours in
 * adjacent cells joined by a line, no geographic labels. A box is as wide as
 * the region's name (or its short name). When the boxes cannot all fit,
 * every region is drawn as a list row instead, under a line saying why, so
 * every region is always visible and selectable. */
#ifndef BRINK_TUI_MAP_H
#define BRINK_TUI_MAP_H

#include <stdbool.h>
#include <stddef.h>

#include "../engine/world.h"
#include "../scenario/mapart.h"
#include "tui_term.h"

#define TUI_BOX_W 18 /* the narrowest box: "stab 33 unstable" and its borders */
#define TUI_BOX_H 5
#define TUI_BOX_W_LARGE 26 /* the neutral layout's boxes where there is room (200x60) */
#define TUI_BOX_H_LARGE 7  /* two more lines: militarization and vulnerability, the whole name */
#define TUI_MAX_LINKS (RULES_MAX_REGIONS * 4)

struct tui_rect {
	int x, y, w, h;
};

/* A line joining two neighbours' boxes in the neutral layout. */
struct tui_link {
	int x, y, len; /* first cell and length in cells */
	bool vertical;
};

struct tui_layout {
	struct tui_rect area;  /* the map's part of the screen */
	char why[120];         /* list: why the boxes did not fit */
	int nlinks;
	struct tui_link link[TUI_MAX_LINKS];
	int ax, ay;            /* where the art's top-left cell is drawn */
	bool list;             /* regions drawn as list rows (boxes did not fit) */
	int list_top;          /* first list row shown */
	int n;                 /* regions */
	struct tui_rect rect[RULES_MAX_REGIONS]; /* each region's box or row on screen (h 0: hidden) */
};

/* Load the art R names (map.art, or map.art_large when LARGE), into *A;
 * h 0 when the scenario names none or it cannot be read. */
void tui_art_for(struct map_art *a, const struct rules *r, bool large);

/* The width of region I's box: its name (or short name) fits whole. */
int tui_box_width(const struct rules *r, int i);

/* Lay out R's regions in AREA over art A (NULL or h 0: the neutral layout),
 * keeping SEL visible. */
void tui_map_layout(struct tui_layout *L, const struct map_art *a, const struct rules *r,
                    struct tui_rect area, int sel);

/* Draw the art and every region of W; SEL is highlighted. */
void tui_map_draw(struct tui *t, const struct tui_layout *L, const struct map_art *a,
                  const struct rules *r, const struct world *w, int sel);

/* The region drawn at screen cell Y, X, or -1. */
int tui_map_hit(const struct tui_layout *L, int y, int x);

/* The region nearest to SEL in direction DX, DY (each -1, 0 or 1); SEL when none. */
int tui_map_move(const struct tui_layout *L, int sel, int dx, int dy);

/* A word for a region's stability: "stable", "uneasy", "unstable". */
const char *tui_stability_word(int stability);

/* The role (colour) of whoever holds region I. */
int tui_holder_role(const struct world *w, const struct rules *r, int i);

#endif
