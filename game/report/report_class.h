/* report_class.h - the class report: many games side by side, their spread, one chart, debrief prompts.
 *
 * For a teacher after a lesson: one row per game (its name, sides, result,
 * scores, war, tension, turns, agreements, incidents, miscalculations,
 * crises), the spread across the class (mean, min, max; a tally of results),
 * every game's tension on one chart, and debrief prompts drawn from what
 * happened in these games. Every number is the games' own: the sessions are
 * those rebuilt by loading their saves. Markdown or CSV (one row per game). */
#ifndef BRINK_REPORT_CLASS_H
#define BRINK_REPORT_CLASS_H

#include <stdio.h>

#include "../base/diag.h"
#include "../session/session.h"

/* One game of the class. */
struct class_game {
	const struct session *s; /* the game (not owned) */
	const char *name;        /* how the report names it: its id, or its file's name */
};

/* Write the class report of the N games G to OUT as FORMAT (enum
 * report_format); PNG, when not NULL, is a chart to link from the Markdown.
 * Returns 0, or -1 when out of memory or OUT fails. */
int report_class_write(const struct class_game *g, int n, int format, const char *png, FILE *out);

/* Draw every game's tension on one PNG at PATH with gnuplot. Returns 0 when
 * written, 1 when gnuplot is not on PATH (skipped), -1 on failure (in DS). */
int report_class_png(const struct class_game *g, int n, const char *path, struct diags *ds);

#endif
