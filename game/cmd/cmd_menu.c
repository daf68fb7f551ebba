/* cmd_menu.c - `brink` without a command: the title menu, or a pointer to plain mode. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../ui/tui.h"
#include "cmd.h"

static int menu_exec(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	if (!tui_usable()) {
		/* No terminal curses can drive (TERM=dumb, a pipe): say what works instead. */
		const char *term = getenv("TERM");
		fprintf(stderr, "brink: the title menu needs a terminal that can move the cursor "
		        "(TERM=%s%s).\n", term ? term : "",
		        isatty(0) && isatty(1) ? "" : ", not a terminal");
		fprintf(stderr, "Play in text mode with 'brink play --plain', or see 'brink --help'.\n");
		return 1;
	}
	return tui_menu();
}

const struct cmd cmd_menu = {
	"menu", "", "the title menu: new game, load, scenarios, help (the default)", menu_exec,
};
