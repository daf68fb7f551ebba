/* cmd_replay.c - `brink replay SAVE [--verify] [--plain] [--save-dir DIR]`: watch or verify a saved game.
 *
 * The curses viewer when stdout is a terminal curses can drive, else (or with
 * --plain) the game told as text, turn by turn. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../save/replay.h"
#include "../save/save.h"
#include "../save/save_internal.h"
#include "../ui/tui.h"
#include "cmd.h"

static int replay_exec(int argc, char **argv)
{
	const char *save = NULL, *dir = NULL;
	bool verify = false, plain = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			printf("Usage: brink %s\n%s\n", cmd_replay.usage, cmd_replay.help);
			return 0;
		} else if (!strcmp(a, "--verify")) {
			verify = true;
		} else if (!strcmp(a, "--plain")) {
			plain = true;
		} else if (!strcmp(a, "--save-dir")) {
			if (++i >= argc)
				return cmd_usage_error("replay: --save-dir needs a folder");
			dir = argv[i];
		} else if (!strncmp(a, "--save-dir=", 11)) {
			dir = a + 11;
		} else if (a[0] == '-' && a[1]) {
			return cmd_usage_error("replay: unknown option '%s'", a);
		} else if (save) {
			return cmd_usage_error("replay: one save at a time ('%s' and '%s')", save, a);
		} else {
			save = a;
		}
	}
	if (!save)
		return cmd_usage_error("replay: which save? (a path, or a name in the save folder)");
	char path[4096];
	if (save_locate(save, dir, path, sizeof path)) {
		fprintf(stderr, "%s: error: no such save\n", save);
		return 1;
	}
	struct diags ds = { 0 };
	if (verify) {
		int rc = replay_verify(path, stdout, &ds);
		diag_print(&ds, stderr);
		return rc;
	}
	struct session *s = NULL;
	if (save_read(path, &s, &ds)) {
		diag_print(&ds, stderr);
		return 1;
	}
	diag_print(&ds, stderr);
	int rc;
	if (!plain && isatty(STDOUT_FILENO) && tui_usable())
		rc = tui_replay(s);
	else
		rc = replay_print(s, stdout) ? 1 : 0;
	session_free(s);
	return rc;
}

const struct cmd cmd_replay = {
	.name = "replay",
	.usage = "replay SAVE [--verify] [--plain] [--save-dir DIR]",
	.help = "watch a saved game again (--plain: as text); --verify re-executes it headless and compares (exit 1 on a mismatch)",
	.exec = replay_exec,
};
