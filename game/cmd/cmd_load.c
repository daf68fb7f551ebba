/* cmd_load.c - `brink load SAVE [--turn N]`: resume a saved game, or branch a what-if from turn N. */
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../save/save.h"
#include "../save/save_catalog.h"
#include "../save/save_internal.h"
#include "../ui/launch.h"
#include "cmd.h"

struct load_args {
	bool plain;
	const char *dir; /* --save-dir */
	bool branch;     /* --turn given */
	unsigned long long turn; /* --turn: branch from the start of this turn */
};

static const struct cmd_opt load_opts[] = {
	{ .name = "plain", .type = CMD_FLAG, .offset = offsetof(struct load_args, plain),
	  .help = "line-oriented text on stdin/stdout instead of the full-screen interface" },
	{ .name = "save-dir", .value = "DIR", .type = CMD_TEXT, .offset = offsetof(struct load_args, dir),
	  .help = "the save folder to look in and to save to (default: the folder of the save "
	          "loaded)" },
	{ .name = "turn", .value = "N", .type = CMD_NUMBER, .offset = offsetof(struct load_args, turn),
	  .seen = CMD_SEEN(struct load_args, branch), .max = ULLONG_MAX,
	  .help = "a what-if: branch a new game from the start of turn N of the saved one (any turn "
	          "it played); the original and its saves are left as they are, and the branch's "
	          "saves record where it branched" },
	{ .name = NULL },
};

static int load_exec(int argc, char **argv)
{
	struct load_args a = { .plain = false, .dir = NULL };
	int n, rc = cmd_parse(&cmd_load, argc, argv, &a, &n);
	if (rc)
		return rc < 0 ? 0 : rc;
	const char *save = argv[1], *dir = a.dir;
	bool plain = a.plain;
	char path[4096];
	struct session *s = save_open(save, dir, path, sizeof path, stderr);
	if (!s)
		return 1;
	char name[4096], folder[4096];
	save_stem(path, name, sizeof name);
	if (a.branch) {
		if (!s->id[0])
			save_id_clean(name, s->id, 5);
		int last = s->turns + (s->world.over ? 0 : 1);
		if (last > s->rules.turns)
			last = s->rules.turns;
		if (a.turn > (unsigned long long)last || session_branch(s, (int)a.turn)) {
			fprintf(stderr, "%s: error: cannot branch from turn %llu: this game can branch from "
			        "turns 1 to %d\n", path, a.turn, last);
			session_free(s);
			return 1;
		}
	}
	if (!dir) {
		/* keep saving next to the save that was loaded */
		const char *slash = strrchr(path, '/');
		snprintf(folder, sizeof folder, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
		if (slash == path)
			snprintf(folder, sizeof folder, "/");
		dir = folder;
	}
	struct launch_opts o = { .plain = plain, .save_dir = dir, .save_name = name, .resume = true };
	rc = play_launch(s, &o);
	session_free(s);
	return rc;
}

const struct cmd cmd_load = {
	.name = "load",
	.operands = "SAVE",
	.min_operands = 1,
	.max_operands = 1,
	.missing = "which save? (a path, or a name in the save folder)",
	.summary = "resume a saved game (SAVE: a .save file, or a name in the save folder)",
	.about = "Resume a saved game. SAVE is a .save file, or a name in the save folder "
	         "('brink' without a command lists the saves). Further saves keep its name.",
	.opts = load_opts,
	.exec = load_exec,
};
