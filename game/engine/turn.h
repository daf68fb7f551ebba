/* turn.h - turn resolution: orders, agreements, drift, crisis, events, regions, scoring.
 *
 * turn_resolve() is the only way the world moves forward: the curses UI, plain
 * mode, the AI's look-ahead, replays and the simulator all call it. */
#ifndef BRINK_TURN_H
#define BRINK_TURN_H

#include "order.h"
#include "world.h"

/* Resolve one turn with both sides' orders (indexed by enum side), then
 * the end-of-turn phase and, on the last turn or at war, the end of the game.
 * Orders are re-checked as they resolve: one whose requirements no longer
 * hold fails (logged) and its AP is lost. Returns 0, or -1 if the game was
 * already over (W unchanged). */
int turn_resolve(struct world *w, const struct rules *r, const struct orders orders[SIDE_COUNT]);

/* Chance of a miscalculation at the end of this turn, in 1/10000, from the
 * current state (as the UI's side panel shows it). */
int turn_miscalc_chance(const struct world *w, const struct rules *r);

/* Which side moves first in turn T (initiative alternates; NATO in turn 0). */
int turn_initiative(int t);

/* The region's controller under the victory rules: SIDE_NATO, SIDE_RUSSIA,
 * or SIDE_BOTH for contested. */
int turn_controller(const struct world *w, const struct rules *r, int region);

#endif
