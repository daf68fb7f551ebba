/* var.h - the game's variables: world and region, their names, ranges and kinds.
 *
 * Every variable the rules can read or change has one entry in var_info[]; the
 * scenario loader, the cause log and all front ends name variables through it,
 * so a new variable is added here once. */
#ifndef BRINK_VAR_H
#define BRINK_VAR_H

#include <stdbool.h>
#include <stdint.h>

enum var {
	/* world variables, 0..100 */
	VAR_TENSION,
	VAR_DIALOGUE,
	VAR_ARMS_CONTROL,
	VAR_SANCTIONS,
	VAR_NATO_COHESION,
	VAR_AXIS,
	VAR_CYBER,
	VAR_WORLD_END,
	/* region variables stored in the world */
	VAR_NATO_FORCES = VAR_WORLD_END, /* 0..100 */
	VAR_RUSSIA_FORCES,               /* 0..100 */
	VAR_ALIGNMENT,                   /* -100 (Moscow) .. +100 (the West) */
	VAR_STABILITY,                   /* 0..100 */
	VAR_MEMBER,                      /* enum member */
	VAR_CONFLICT,                    /* enum conflict */
	VAR_REGION_STORED_END,
	/* region variables read-only to rules: static or derived */
	VAR_VALUE = VAR_REGION_STORED_END, /* 1..5, victory points (static) */
	VAR_BORDERS_RUSSIA,                /* 0 or 1 (static) */
	VAR_MILITARIZATION,                /* nato_forces + russia_forces */
	VAR_VULNERABILITY,                 /* 0..100, see world_vulnerability() */
	VAR_RED_LINE,                      /* enum red_line: who drew a red line here (stored
	                                      apart, in world.red_line; effects may set it) */
	/* world variables read-only to rules: the calendar of the current turn */
	VAR_YEAR,                          /* 1900..2200 */
	VAR_QUARTER,                       /* 1..4 */
	/* per side, only in cause records (region field holds the side) */
	VAR_AP,
	VAR_CREDIBILITY,                   /* 0..100, world.credibility[side] */
	VAR_SCORE,                         /* victory points scored (world.score[side]) */
	VAR_COUNT,
	VAR_NONE = 255
};

#define VAR_REGION_STORED (VAR_REGION_STORED_END - VAR_WORLD_END)

enum member { MEMBER_NONE, MEMBER_NATO, MEMBER_CSTO, MEMBER_COUNT };
enum conflict { CONFLICT_NONE, CONFLICT_FROZEN, CONFLICT_ACTIVE, CONFLICT_COUNT };
/* who has drawn a red line over a region: none, or the side + 1 */
enum red_line { RED_LINE_NONE, RED_LINE_NATO, RED_LINE_RUSSIA, RED_LINE_COUNT };

struct var_info {
	const char *name;     /* as written in scenario files: "nato_forces" */
	const char *label;    /* for people: "NATO forces" */
	bool region;          /* a per-region variable */
	bool writable;        /* effects may change it */
	int16_t min, max;     /* inclusive range; values are clamped to it */
	const char *const *enum_names; /* value names for enum variables, else NULL */
};

extern const struct var_info var_info[VAR_COUNT];

/* The variable named NAME, or VAR_NONE. */
enum var var_lookup(const char *name);

/* Value of an enum variable spelled NAME ("nato", "frozen"), or -1. */
int var_enum_lookup(enum var v, const char *name);

/* Name of VALUE for an enum variable, or NULL for a non-enum or bad value. */
const char *var_enum_name(enum var v, int value);

#endif
