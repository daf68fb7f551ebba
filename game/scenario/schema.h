/* schema.h - the scenario format as a table: every key, its type, range, default and help.
 *
 * The loader (scenario.c) walks a parsed file against this table: types,
 * ranges, required keys and unknown keys are all checked from here, so a new
 * key is one new row. Element groups of lists have their own names
 * ("region", "action", "condition", ...) so conditions and effects are
 * described once wherever they appear. The same rows document the format:
 * tests check that man/brink-scenario.5 names every key. */
#ifndef BRINK_SCHEMA_H
#define BRINK_SCHEMA_H

#include <stdbool.h>

enum schema_type {
	SCHEMA_GROUP,  /* { key = value; ... } */
	SCHEMA_LIST,   /* ( { ... }, ... ): min..max elements, each an 'elem' group */
	SCHEMA_INT,    /* integer in min..max */
	SCHEMA_BOOL,   /* true | false */
	SCHEMA_STRING, /* one line of min..max bytes, valid UTF-8 */
	SCHEMA_TEXT,   /* like SCHEMA_STRING, newlines allowed */
	SCHEMA_ID,     /* [a-z0-9-]+, 1..max bytes */
	SCHEMA_ENUM,   /* one of the words of 'values' */
	SCHEMA_VAR,    /* a variable reference: "tension", "target.VAR", "REGION.VAR" */
	SCHEMA_IDS,    /* [ "id", ... ]: region ids */
	SCHEMA_VALUE,  /* an integer, or a string for enum variables (effect's set) */
};

struct schema_key {
	const char *path;   /* "scenario.turns", "region.value": group name, '.', key */
	int type;           /* enum schema_type */
	int min, max;       /* range of an int; length of a string; elements of a list */
	bool required;      /* an error when left out */
	const char *values; /* SCHEMA_ENUM: "nato|russia|both"; SCHEMA_LIST: element group name */
	const char *def;    /* the value used when left out, as documentation; NULL: none */
	const char *help;   /* one line for the reference */
};

extern const struct schema_key schema_keys[];
extern const int schema_nkeys;

/* The row for PATH ("region.value"), or NULL. */
const struct schema_key *schema_find(const char *path);

/* Name of a type for messages and docs: "an integer", "a list". */
const char *schema_type_name(int type);

#endif
