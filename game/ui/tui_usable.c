/* tui_usable.c - can curses drive this terminal? (stdin/stdout ttys, a known TERM with cursor addressing)
 *
 * Kept apart from the drawing code because <term.h> defines macros named
 * after terminfo capabilities (lines, columns) that clash with ordinary names. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "tui.h"

bool tui_usable(void)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return false;
	const char *term = getenv("TERM");
	if (!term || !*term || !strcmp(term, "dumb"))
		return false;
	int err = 0;
	/* With an error pointer setupterm reports instead of exiting. */
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return false;
	char *cup = tigetstr("cup");
	bool ok = cup && cup != (char *)-1;
	del_curterm(cur_term);
	return ok;
}

