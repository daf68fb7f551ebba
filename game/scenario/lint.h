/* lint.h - `brink check`'s second look: what a loaded scenario allows but surely did not mean.
 *
 * Works on the loaded rules and where each part was written (struct
 * scenario_src); every finding is a warning at that FILE:LINE (`brink check
 * --strict` makes warnings errors). */
#ifndef BRINK_LINT_H
#define BRINK_LINT_H

#include "scenario.h"

/* Append a warning to DS for each of: a region with no borders; an action
 * whose requirements (or cost) can never be met; an event whose conditions
 * can never hold; no incident that can fire; a start where every game ends
 * in war at the first turn. Returns how many were added. */
int scenario_lint(const struct rules *r, const struct scenario_src *src, struct diags *ds);

#endif
