/* main.c - the program's entry: the locale, then the command line (game/cmd/cmd.c).
 *
 * Every subcommand lives in game/cmd/cmd_NAME.c behind a struct cmd listed in
 * cmd_table; only the cmd_* functions print to the user and choose exit codes. */
#include <locale.h>

#include "cmd/cmd.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	return cmd_main(argc, argv);
}
