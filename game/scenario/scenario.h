/* scenario.h - scenario files (libconfig) to struct rules, the checker, and the catalog.
 *
 * Format: ../shared/CONTRACT.md and man/brink-scenario.5. Sections a scenario
 * leaves out (actions, events, dynamics, victory) come from the standard rules
 * file, scenarios/rules/standard.cfg, found next to the scenario or on the
 * scenario search path. */
#ifndef BRINK_SCENARIO_H
#define BRINK_SCENARIO_H

#include <stddef.h>

#include "../engine/rules.h"
#include "../base/diag.h"

#define SCENARIO_FILE_MAX (1024 * 1024) /* bigger files are refused before parsing */
#define SCENARIO_RULES_FILE "rules/standard.cfg"

/* Where a part of a loaded scenario was written. */
struct scenario_pos {
	char file[DIAG_FILE_MAX]; /* "" when unknown */
	int line;
};

/* Where each region, action and event of a loaded scenario was written (an
 * action of the standard rules points into the standard rules file), for
 * checks made after the load (game/scenario/lint.c). */
struct scenario_src {
	struct scenario_pos top;      /* the scenario file itself, line 1 */
	struct scenario_pos events;   /* its events or events_add section; else top */
	struct scenario_pos victory;  /* its victory section; else top */
	struct scenario_pos tension;  /* its world.tension; else top */
	struct scenario_pos region[RULES_MAX_REGIONS];
	struct scenario_pos action[RULES_MAX_ACTIONS];
	struct scenario_pos event[RULES_MAX_EVENTS];
	/* taken unchanged from the standard rules (not the scenario's own) */
	bool action_std[RULES_MAX_ACTIONS], event_std[RULES_MAX_EVENTS];
};

/* Load and validate the scenario file PATH into *R. Every problem found is
 * appended to DS. Returns 0 when there is no error (warnings allowed). */
int scenario_load(const char *path, struct rules *r, struct diags *ds);

/* The same from text in memory; NAME is the file name used in diagnostics,
 * BASEDIR the folder @include and the standard rules are looked up in
 * (NULL: includes from the working folder, the standard rules from the
 * scenario search path only). */
int scenario_load_string(const char *text, const char *name, const char *basedir,
                         struct rules *r, struct diags *ds);

struct config_setting_t;
struct cfgtext;

/* Load the scenario held in the libconfig group GROUP of a text already
 * read through cfgtext (CT maps its lines back to files), such as the copy
 * embedded in a save; NAME names the file in diagnostics. Sections left out
 * are not filled from the standard rules. Returns 0 or -1. */
int scenario_load_setting(const struct config_setting_t *group, const struct cfgtext *ct,
                          const char *name, struct rules *r, struct diags *ds);

/* Write R as a complete, self-contained scenario file (every section,
 * actions and events included) that scenario_load_string() reads back to
 * an equal struct rules. Returns a malloc'd string the caller frees, or NULL. */
char *scenario_write(const struct rules *r);

/* Find a scenario by path or by id: a path to an existing file is used as
 * is; otherwise ID.cfg, or any file whose scenario.id is ID, in the search
 * path (./scenarios, $XDG_DATA_HOME/brink/scenarios, the installed data
 * folder). Writes the path into OUT; returns 0 or -1 when not found. A file
 * of those folders that cannot be read or parsed is skipped, with a warning
 * naming it in WARN (when not NULL). */
int scenario_find(const char *name_or_path, char *out, size_t outlen, struct diags *warn);

/* The id of the default scenario. */
#define SCENARIO_DEFAULT "door-closed"

struct scenario_entry {
	char id[RULES_ID_MAX];
	char title[RULES_NAME_MAX];
	char summary[RULES_TEXT_MAX];
	char path[512];
	int16_t start_year; /* when it starts, and how many turns (quarters) it lasts */
	uint8_t start_quarter, turns;
};

/* List the valid scenarios on the search path, first occurrence of an id
 * winning, sorted by id. Returns how many were written to OUT (at most MAX).
 * A file that does not load is skipped, with a warning naming it and its
 * first error in WARN (when not NULL). */
int scenario_list(struct scenario_entry *out, int max, struct diags *warn);

#endif
