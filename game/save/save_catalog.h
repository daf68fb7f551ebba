/* save_catalog.h - the saves of a folder as a list, and opening one save for a command.
 *
 * The title menu's Load screen lists a folder through save_list; the
 * commands that take a save (load, report, replay) open it through
 * save_open: one place locates, reads and reports. A save that does not
 * load is listed with its first error, never a reason to stop. */
#ifndef BRINK_SAVE_CATALOG_H
#define BRINK_SAVE_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "../engine/rules.h"
#include "../session/session.h"

struct save_entry {
	char path[1024];
	char name[256];              /* the file name without its ending */
	time_t mtime;
	bool ok;                     /* it loads; else ERROR says why */
	char title[RULES_NAME_MAX];  /* the scenario's */
	char sides[64];              /* "NATO", "Russia", "hot-seat", "AI vs AI" */
	int turn, turns;
	bool over;
	char error[200];
};

/* The saves (*.save, regular files) of DIR, newest first, each read and
 * described; at most MAX into OUT. Returns how many, or -1 when DIR cannot
 * be read. */
int save_list(const char *dir, struct save_entry *out, int max);

/* Open the save NAME_OR_PATH (a path, or a name in the save folder
 * DIR_OVERRIDE or the default one) for a command: locate it (creating no
 * folder), read and replay it, and print every diagnostic to ERR
 * (FILE:LINE: error: ...). Writes the file's path to PATH (when not NULL).
 * Returns the session (the caller frees it with session_free), or NULL
 * after saying why. */
struct session *save_open(const char *name_or_path, const char *dir_override, char *path,
                          size_t pathlen, FILE *err);

/* Locate NAME_OR_PATH as save_open does, saying on ERR when there is none.
 * Returns 0 or -1. */
int save_find(const char *name_or_path, const char *dir_override, char *path, size_t pathlen,
              FILE *err);

#endif
