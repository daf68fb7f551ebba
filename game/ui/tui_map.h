/* tui_map.h - the curses map: art from assets/, where each region's box goes, drawing regions.
 *
 * The art is a text picture with anchors naming where a region id's box goes
 * (format: assets/README.md). Regions the art does not know are placed in free
 * space; when the boxes cannot all fit, every region is drawn as a list row
 * instead, so every region is always visible and selectable. */
#ifndef BRINK_TUI_MAP_H
#define BRINK_TUI_MAP_H

#include <stdbool.h>
#include <stddef.h>

#include "../engine/world.h"
#include "tui_term.h"

#define TUI_ART_MAX_W 200
#define TUI_ART_MAX_H 60
#define TUI_ART_MAX_ANCHORS 64
#define TUI_BOX_W 16
#define TUI_BOX_H 5

struct tui_anchor {
	char id[RULES_ID_MAX]; /* region id */
	int x, y;              /* top-left of its box, in art cells */
};

struct tui_art {
	char name[64];                 /* "map:" line, for people */
	int w, h;                      /* size in cells (h 0: no art) */
	char line[TUI_ART_MAX_H][TUI_ART_MAX_W + 1];
	int nanchors;
	struct tui_anchor anchor[TUI_ART_MAX_ANCHORS];
};

struct tui_rect {
	int x, y, w, h;
};

struct tui_layout {
	struct tui_rect area;  /* the map's part of the screen */
	int ax, ay;            /* where the art's top-left cell is drawn */
	bool list;             /* regions drawn as list rows (boxes did not fit) */
	int list_top;          /* first list row shown */
	int n;                 /* regions */
	struct tui_rect rect[RULES_MAX_REGIONS]; /* each region's box or row on screen (h 0: hidden) */
};

/* Parse art TEXT into *A. Returns 0, or -1 with a reason in ERR. */
int tui_art_parse(struct tui_art *a, const char *text, char *err, size_t errlen);

/* Load the art file NAME from ./assets, $XDG_DATA_HOME/brink/assets, the
 * installed data folder or the folder next to the executable. Returns 0, or
 * -1 (A then has no art and the layout places every region itself). */
int tui_art_load(struct tui_art *a, const char *name);

/* Lay out R's regions in AREA over art A (h 0 for none), keeping SEL visible. */
void tui_map_layout(struct tui_layout *L, const struct tui_art *a, const struct rules *r,
                    struct tui_rect area, int sel);

/* Draw the art and every region of W; SEL is highlighted. */
void tui_map_draw(struct tui *t, const struct tui_layout *L, const struct tui_art *a,
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
