/* save_internal.h - save-module entry points for replay, verify, the commands and tests.
 *
 * Not part of the public save interface (save.h): the finer-grained load that
 * reports which turn of a save stopped replaying, locating a save by name or
 * path, and the write with an injected failure that the atomicity tests use. */
#ifndef BRINK_SAVE_INTERNAL_H
#define BRINK_SAVE_INTERNAL_H

#include <stddef.h>

#include "../base/diag.h"
#include "../session/session.h"

#define SAVE_EXT ".save"
#define SAVE_NAME_MAX 64     /* characters kept of a save's name */
#define SAVE_FILE_MAX (4 * 1024 * 1024) /* bigger files are refused before parsing */

/* The steps of an atomic write, in order; save_write_faulty fails at one. */
enum save_step {
	SAVE_STEP_NONE,    /* no failure */
	SAVE_STEP_FORMAT,  /* building the text */
	SAVE_STEP_OPEN,    /* creating the temporary file */
	SAVE_STEP_WRITE,   /* writing it (fails half-way through) */
	SAVE_STEP_SYNC,    /* fsync of the temporary file */
	SAVE_STEP_CLOSE,   /* closing it */
	SAVE_STEP_RENAME,  /* renaming it over PATH */
	SAVE_STEP_DIRSYNC, /* fsync of the folder (after the rename: PATH is complete) */
	SAVE_STEP_COUNT
};

/* What a load found, for `brink replay --verify`. */
struct save_check {
	int turns;     /* turns recorded in the save */
	int bad_turn;  /* first turn (1-based) whose replay differs from the save,
	                  0 when all match, -1 when the save failed before replay */
	int bad_state; /* the stored state differs from the replayed game */
};

/* save_write that fails at step FAIL_AT (enum save_step), for tests. */
int save_write_faulty(const struct session *s, const char *path, int fail_at, struct diags *ds);

/* save_read, also filling *CHK (when not NULL) with where the replay diverged. */
int save_load(const char *path, struct session **out, struct save_check *chk, struct diags *ds);

/* The text of a save of S (malloc'd, caller frees), or NULL. */
char *save_format(const struct session *s);

/* The save folder as save_dir() names it, but only when it exists: nothing
 * is created. Returns 0 or -1. */
int save_dir_existing(const char *dir_override, char *out, size_t outlen);

/* Find a save given as a path or as a name in the save folder (DIR_OVERRIDE
 * or the default). Writes the path to OUT; returns 0, or -1 when none exists.
 * Creates no folder. */
int save_locate(const char *name_or_path, const char *dir_override, char *out, size_t outlen);

#endif
