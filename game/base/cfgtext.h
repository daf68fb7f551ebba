/* cfgtext.h - libconfig text before libconfig sees it: @include resolved by Brink, a line map.
 *
 * Every libconfig load (scenarios, standard rules, saves) goes through this
 * one pre-pass. It reads the file through file_read (regular files only),
 * resolves each `@include "FILE"` itself, relative to the including file's
 * folder (a name of any length, regular files only, opened without blocking,
 * nested at most CFGTEXT_DEPTH_MAX deep, cycles reported with their chain,
 * the size cap applied to the whole), and hands libconfig one combined text
 * with no @include in it: libconfig 1.5 exit()s or blocks on what some
 * includes name, and cannot switch them off. A line map takes each line of
 * the combined text back to its file and line, so diagnostics point into
 * included files. The same lexer notes integer literals libconfig would wrap
 * silently (3000000000 reads as a negative number) and reports them. */
#ifndef BRINK_CFGTEXT_H
#define BRINK_CFGTEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

#define CFGTEXT_DEPTH_MAX 10 /* includes nested deeper are refused */

enum cfgtext_flag {
	CFGTEXT_INCLUDES = 1, /* resolve @include; without it an @include is an error */
};

struct cfgtext_line {
	int file; /* index into files */
	int line; /* 1-based line in that file */
};

struct cfgtext {
	char *text;                /* the combined text, NUL-terminated */
	size_t len, cap;
	struct cfgtext_line *map;  /* map[i]: where line i + 1 of text comes from */
	int nlines, mapcap;
	char **files;              /* every file read, as named in diagnostics */
	int nfiles;
	int *wrapped;              /* lines of text with an integer libconfig wraps */
	int nwrapped, wrapcap;
};

/* Read the file PATH (at most MAX bytes with everything it includes) into
 * CT. Problems go to DS as FILE:LINE diagnostics. Returns 0, or -1 when the
 * text must not reach libconfig (CT is then still freed by cfgtext_free). */
int cfgtext_read(struct cfgtext *ct, const char *path, size_t max, int flags, struct diags *ds);

/* The same for TEXT in memory, named NAME in diagnostics; its includes are
 * resolved in BASEDIR (NULL: the working folder). */
int cfgtext_string(struct cfgtext *ct, const char *text, const char *name, const char *basedir,
                   size_t max, int flags, struct diags *ds);

/* The file and line that line LINE of the combined text comes from; FILE is
 * the top file for a line out of range (libconfig says 0 for "no line"). */
const char *cfgtext_where(const struct cfgtext *ct, int line, int *file_line);

/* True when line LINE of the combined text holds an integer that libconfig
 * wraps (already reported: range checks of that line are moot). */
bool cfgtext_wrapped(const struct cfgtext *ct, int line);

void cfgtext_free(struct cfgtext *ct);

#endif
