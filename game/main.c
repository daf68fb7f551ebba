/* main.c - the command line: find the subcommand, run it, return its status.
 *
 * Every subcommand lives in game/cmd/cmd_NAME.c behind a struct cmd; this file
 * only dispatches and prints the global help. Only main() and the cmd_*
 * functions print to the user and choose exit codes. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"

static const struct cmd *const cmds[] = {
	&cmd_play, &cmd_load, &cmd_check, &cmd_sim, &cmd_replay, &cmd_report, &cmd_scenarios,
};

static void usage(FILE *out)
{
	fprintf(out, "Usage: brink [COMMAND [ARGS...]]\n\n"
	             "Brink is a turn-based strategy game about NATO-Russia tensions: the\n"
	             "security dilemma, played at the terminal. Without a command, the title\n"
	             "menu opens.\n\nCommands:\n");
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		fprintf(out, "  brink %s\n      %s\n", cmds[i]->usage, cmds[i]->help);
	fprintf(out, "  brink --help | --version\n\n"
	             "Run 'brink COMMAND --help' for a command's options; man brink(6) for the\n"
	             "game and brink-scenario(5) for the scenario format.\n");
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc < 2)
		return cmd_menu.exec(argc, argv);
	const char *name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(name, "--version") || !strcmp(name, "-V")) {
		printf("brink %s\n", BRINK_VERSION);
		return 0;
	}
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (!strcmp(name, cmds[i]->name))
			return cmds[i]->exec(argc - 1, argv + 1);
	return cmd_usage_error("unknown command '%s'", name);
}
