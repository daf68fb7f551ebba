/* report.h - after-action reports of a game: a Markdown debrief, a CSV of every variable, a PNG chart.
 *
 * The report reads a session (rules, orders, each turn's cause log) and
 * rebuilds the world after every turn through turn_resolve, so every number
 * is the game's own; all wording comes from explain.h.
 *
 * Markdown sections, in order: Summary, What each side did, What happened,
 * Why (largest tension changes; the path to war), Turn by turn (a row for
 * the start and one per turn, every world variable and the security index),
 * Regions at the end, Final scores, Tension over time (ASCII chart).
 *
 * CSV: a header line, then one row for the start (turn 0) and one per turn,
 * with the state after that turn. Columns: turn, date, every world variable
 * (tension, dialogue, arms_control, sanctions, nato_cohesion, axis, cyber),
 * security_index, nato_ap, russia_ap, then REGION.VAR for each region and
 * each of nato_forces, russia_forces, alignment, stability, member, conflict
 * (member 0 none, 1 nato, 2 csto; conflict 0 none, 1 frozen, 2 active), then
 * nato_orders and russia_orders (ACTION or ACTION:REGION, separated by ';'),
 * then result (none until the last row of a finished game). */
#ifndef BRINK_REPORT_H
#define BRINK_REPORT_H

#include <stdio.h>

#include "../base/diag.h"
#include "../session/session.h"

enum report_format { REPORT_MD, REPORT_CSV };

struct report_opts {
	int format;          /* enum report_format */
	const char *png;     /* a PNG chart to link from the Markdown, or NULL */
};

/* Write the report of S to OUT. Returns 0, or -1 when out of memory or OUT fails. */
int report_write(const struct session *s, const struct report_opts *o, FILE *out);

/* The PNG path for a report written to OUT_PATH: "x.md" -> "x.png",
 * anything else gets ".png" appended. Returns 0, or -1 when it does not fit. */
int report_png_path(const char *out_path, char *buf, size_t len);

/* Draw tension over time as a PNG at PATH with gnuplot. Returns 0 when
 * written, 1 when gnuplot is not on PATH (skipped), -1 on failure (in DS). */
int report_chart_png(const struct session *s, const char *path, struct diags *ds);

/* The foot of a text chart of COLS columns WIDTH characters wide: the rule,
 * the turn numbers, the legend, the end of the code block. */
void report_chart_axis(int cols, int width, FILE *out);

/* Can gnuplot draw a chart into PATH? 0 yes; 1 gnuplot is not installed
 * (no chart, no error); -1 PATH cannot be handed to it (a diagnostic in DS).
 * Shared by report_chart_png and report_class_png. */
int report_gnuplot_ready(const char *path, struct diags *ds);

#endif
