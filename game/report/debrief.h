/* debrief.h - why a game was won or lost: the score per region and how the deciding
 * regions' alignment moved, turn by turn, with the largest pushes on it.
 *
 * Built from the session alone (the start and each turn's cause log), so the
 * end screen, plain mode and `brink report` tell the same story in the same
 * words: debrief_lines() is the one place that words it. */
#ifndef BRINK_DEBRIEF_H
#define BRINK_DEBRIEF_H

#include "../session/session.h"

#define DEBRIEF_SHOWN 6  /* deciding regions followed turn by turn */
#define DEBRIEF_PUSHES 3 /* largest pushes named for each of them */

struct debrief_region {
	int region;
	int holder;        /* at the end: SIDE_NATO, SIDE_RUSSIA, or SIDE_BOTH (nobody) */
	int changed;       /* the last turn (1-based) its holder changed, 0: never */
	int align[RULES_MAX_TURNS + 1]; /* alignment at the start, then after each turn */
};

struct debrief {
	int turns;         /* turns played */
	int control;       /* the alignment a side needs to hold a region */
	int held[SIDE_COUNT + 1]; /* region values held at the end, by holder */
	int scored[SIDE_COUNT][SCORE_COUNT]; /* each side's score by term (enum score_term) */
	int nshown;        /* deciding regions, most valuable first */
	int shown[DEBRIEF_SHOWN];
	struct debrief_region reg[RULES_MAX_REGIONS];
};

/* Fill D from S. */
void debrief_build(const struct session *s, struct debrief *d);

enum debrief_kind { DEBRIEF_HEAD, DEBRIEF_TEXT, DEBRIEF_SERIES, DEBRIEF_CAUSE };

struct debrief_line {
	int kind;          /* enum debrief_kind: a front end picks its style */
	char text[240];
};

/* The debrief in lines of at most 240 bytes: the points each side held and
 * from which regions, then each deciding region's alignment turn by turn and
 * what pushed it most. Returns the number of lines written (at most MAX). */
int debrief_lines(const struct session *s, const struct debrief *d, struct debrief_line *out,
                  int max);

#endif
