/* scenario_syntax.h - what a libconfig syntax error is, in words, and a repair to go on.
 *
 * libconfig 1.5 says "syntax error" at the token where it noticed, which for
 * a missing ',' between two list elements is the line after the fault. This
 * small parser of the same grammar finds the first fault, says what was
 * expected and where the fault is, and, when one is obvious (a missing ',',
 * '=' or closing bracket, a ',' too many), the edit that repairs it, so the
 * loader can check the rest of the file too. */
#ifndef BRINK_SCENARIO_SYNTAX_H
#define BRINK_SCENARIO_SYNTAX_H

#include <stddef.h>

enum syntax_fix { SYNTAX_FIX_NONE, SYNTAX_FIX_INSERT, SYNTAX_FIX_DELETE };

struct syntax_fault {
	int line;         /* 1-based line of TEXT where the fault is */
	char msg[200];    /* "missing ',' between two elements of the list (line 12 starts the next)" */
	int fix;          /* enum syntax_fix */
	size_t pos;       /* byte offset of the repair in TEXT */
	char insert[8];   /* SYNTAX_FIX_INSERT: what to insert at pos; DELETE removes 1 byte */
};

/* Parse TEXT (libconfig syntax, no @include left). Returns 0 when it finds
 * no fault, else -1 with the first fault in *F. */
int syntax_check(const char *text, struct syntax_fault *f);

#endif
