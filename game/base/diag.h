/* diag.h - diagnostics: errors and warnings pinned to FILE:LINE, collected not fatal.
 *
 * Loaders append to a struct diags and go on, so an author sees every problem
 * of a file in one run; only the commands print them. A struct diags is about
 * 52 KB: it always lives on the heap (diags_new), never on the stack. */
#ifndef BRINK_DIAG_H
#define BRINK_DIAG_H

#include <stdio.h>

#define DIAG_MAX 100        /* kept; more are counted in 'more' */
#define DIAG_FILE_MAX 256
#define DIAG_MSG_MAX 256

enum diag_level { DIAG_WARNING, DIAG_ERROR };

struct diag {
	int level;                 /* enum diag_level */
	int line;                  /* 1-based; 0 when the problem has no line */
	char file[DIAG_FILE_MAX];
	char msg[DIAG_MSG_MAX];
};

struct diags {
	int n, errors, warnings, more;
	struct diag d[DIAG_MAX];
};

/* A new, empty struct diags on the heap (NULL when out of memory); free it
 * with diags_free. */
struct diags *diags_new(void);
void diags_free(struct diags *ds);

/* Forget every diagnostic of DS. */
void diags_clear(struct diags *ds);

/* Append a diagnostic (printf-style message). FILE may be NULL. */
void diag_add(struct diags *ds, int level, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Print every diagnostic as "FILE:LINE: error: MSG" (GCC style) to OUT. */
void diag_print(const struct diags *ds, FILE *out);

#endif
