/* cmd_replay.c - `brink replay SAVE`: watch or verify a saved game.
 *
 * The curses viewer when stdout is a terminal curses can drive, else (or with
 * --plain) the game told as text, turn by turn. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../save/replay.h"
#include "../save/save_catalog.h"
#include "../ui/replay_text.h"
#include "../save/save.h"
#include "../save/save_internal.h"
#include "../ui/tui.h"
#include "cmd.h"

struct replay_args {
	bool verify, plain;
	const char *dir; /* --save-dir */
};

static const struct cmd_opt replay_opts[] = {
	{ .name = "verify", .type = CMD_FLAG, .offset = offsetof(struct replay_args, verify),
	  .help = "re-execute the game headless and compare every turn with the save: exit 1 on "
	          "a mismatch" },
	{ .name = "plain", .type = CMD_FLAG, .offset = offsetof(struct replay_args, plain),
	  .help = "tell the game as text, turn by turn, instead of the full-screen viewer" },
	{ .name = "save-dir", .value = "DIR", .type = CMD_TEXT,
	  .offset = offsetof(struct replay_args, dir), .help = "the save folder to look in" },
	{ .name = NULL },
};

static int replay_exec(int argc, char **argv)
{
	struct replay_args a = { .verify = false, .plain = false, .dir = NULL };
	int n, rc = cmd_parse(&cmd_replay, argc, argv, &a, &n);
	if (rc)
		return rc < 0 ? 0 : rc;
	const char *save = argv[1], *dir = a.dir;
	bool verify = a.verify, plain = a.plain;
	char path[4096];
	if (verify) {
		struct diags *ds = diags_new();
		if (!ds || save_find(save, dir, path, sizeof path, stderr)) {
			diags_free(ds);
			return 1;
		}
		rc = replay_verify(path, stdout, ds);
		diag_print(ds, stderr);
		diags_free(ds);
		return rc;
	}
	struct session *s = save_open(save, dir, path, sizeof path, stderr);
	if (!s)
		return 1;
	if (!plain && isatty(STDOUT_FILENO) && tui_usable())
		rc = tui_replay(s);
	else
		rc = replay_text(s, stdout) ? 1 : 0;
	session_free(s);
	return rc;
}

const struct cmd cmd_replay = {
	.name = "replay",
	.operands = "SAVE",
	.min_operands = 1,
	.max_operands = 1,
	.missing = "which save? (a path, or a name in the save folder)",
	.summary = "watch a saved game again (--plain: as text); --verify re-executes it "
	           "headless and compares (exit 1 on a mismatch)",
	.about = "Watch a saved game again: the full-screen viewer when the terminal allows it, "
	         "else (or with --plain) the game told as text, turn by turn.",
	.opts = replay_opts,
	.exec = replay_exec,
};
