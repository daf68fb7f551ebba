/* cmd_menu.c - `brink` without a command: the title menu, or a pointer to plain mode. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../ui/tui.h"
#include "cmd.h"

static int menu_exec(int argc, char **argv)
{
	int n, rc = cmd_parse(&cmd_menu, argc, argv, NULL, &n);
	if (rc)
		return rc < 0 ? 0 : rc;
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
	.name = "menu",
	.summary = "the title menu: new game, load, scenarios, help (the default)",
	.about = "The title menu: a new game, a saved game, the scenarios, help. It needs a "
	         "terminal that can move the cursor; 'brink play --plain' works anywhere.",
	.exec = menu_exec,
};
