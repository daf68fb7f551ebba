/* mapart.h - a scenario's map art: a text picture with anchors placing region boxes.
 *
 * Read by the curses front end (to draw it) and by `brink check` (to report
 * its mistakes at ART_FILE:LINE); no curses here. Format: assets/README.md
 * and brink-scenario(5), MAP ART. */
#ifndef BRINK_MAPART_H
#define BRINK_MAPART_H

#include <stdbool.h>
#include <stddef.h>

#include "../engine/rules.h"

#define MAP_ART_MAX_W 200
#define MAP_ART_MAX_H 60
#define MAP_ART_MAX_ANCHORS 64
#define MAP_ART_FILE_MAX (64 * 1024)

struct map_anchor {
	char id[RULES_ID_MAX]; /* region id */
	int x, y;              /* top-left of its box, in art cells */
	int line;              /* line of the anchor in the art file */
};

struct map_art {
	char name[64];                 /* "map:" line, for people */
	int w, h;                      /* size in cells (h 0: no art) */
	char line[MAP_ART_MAX_H][MAP_ART_MAX_W + 1];
	int nanchors;
	struct map_anchor anchor[MAP_ART_MAX_ANCHORS];
};

/* Parse art TEXT into *A. Returns 0, or -1 with a reason in ERR and the
 * 1-based line at fault in *ERRLINE (0 when the fault has no line). */
int map_art_parse(struct map_art *a, const char *text, char *err, size_t errlen, int *errline);

/* Find the art file NAME: as a path when it holds a '/' or names a file, else in
 * ./assets, $XDG_DATA_HOME/brink/assets (~/.local/share/brink/assets), the
 * installed data folder, or an assets folder next to the executable or up to
 * two folders above it. Writes the path into OUT; returns 0 or -1. */
int map_art_find(const char *name, char *out, size_t outlen);

/* Find (map_art_find) and parse the art NAME into *A. Returns 0, or -1
 * (A then has no art: h 0). ERR, when not NULL, gets the reason. */
int map_art_load(struct map_art *a, const char *name, char *err, size_t errlen, int *errline);

#endif
