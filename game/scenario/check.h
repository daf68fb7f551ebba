/* check.h - `brink check`'s entry point: validate a scenario file or a standard rules file.
 *
 * scenario_load() only accepts scenarios; an author also checks
 * scenarios/rules/standard.cfg, which holds only format, actions, events,
 * dynamics and victory. */
#ifndef BRINK_CHECK_H
#define BRINK_CHECK_H

#include <stdbool.h>

#include "../base/diag.h"

/* Validate the file PATH, appending every problem to DS. A file with none of
 * the scenario sections (scenario, sides, world, regions) but some of the
 * rules sections is checked as a standard rules file, and *IS_RULES (when
 * not NULL) is set. Returns 0 when there is no error (warnings allowed). */
int scenario_check(const char *path, struct diags *ds, bool *is_rules);

/* Validate the include fragment PATH on its own: syntax, its includes,
 * types, ranges and unknown keys of the sections it holds, with no section
 * required and region names left to the file that includes it. */
int scenario_check_fragment(const char *path, struct diags *ds);

#endif
