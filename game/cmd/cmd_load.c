/* cmd_load.c - `brink load SAVE [--plain] [--save-dir DIR]`: resume a saved game. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../save/save.h"
#include "../save/save_internal.h"
#include "../ui/launch.h"
#include "cmd.h"

/* The save's name for further saves: its base name without ".save" and
 * without an "-auto-NN" suffix, so autosaves of a loaded game keep its name. */
static void base_name(const char *path, char *out, size_t len)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	snprintf(out, len, "%s", b);
	size_t n = strlen(out);
	if (n > strlen(SAVE_EXT) && !strcmp(out + n - strlen(SAVE_EXT), SAVE_EXT))
		out[n -= strlen(SAVE_EXT)] = '\0';
	char *auto_ = strstr(out, "-auto-");
	if (auto_ && auto_ != out && strspn(auto_ + 6, "0123456789") == strlen(auto_ + 6) && auto_[6])
		*auto_ = '\0';
}

static int load_exec(int argc, char **argv)
{
	const char *save = NULL, *dir = NULL;
	bool plain = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			printf("Usage: brink %s\n%s\n", cmd_load.usage, cmd_load.help);
			return 0;
		} else if (!strcmp(a, "--plain")) {
			plain = true;
		} else if (!strcmp(a, "--save-dir")) {
			if (++i >= argc)
				return cmd_usage_error("load: --save-dir needs a folder");
			dir = argv[i];
		} else if (!strncmp(a, "--save-dir=", 11)) {
			dir = a + 11;
		} else if (a[0] == '-' && a[1]) {
			return cmd_usage_error("load: unknown option '%s'", a);
		} else if (save) {
			return cmd_usage_error("load: one save at a time ('%s' and '%s')", save, a);
		} else {
			save = a;
		}
	}
	if (!save)
		return cmd_usage_error("load: which save? (a path, or a name in the save folder)");
	char path[4096];
	if (save_locate(save, dir, path, sizeof path)) {
		fprintf(stderr, "%s: error: no such save\n", save);
		return 1;
	}
	struct diags ds = { 0 };
	struct session *s = NULL;
	if (save_read(path, &s, &ds)) {
		diag_print(&ds, stderr);
		return 1;
	}
	diag_print(&ds, stderr); /* warnings, if any */
	char name[4096], folder[4096];
	base_name(path, name, sizeof name);
	if (!dir) {
		/* keep saving next to the save that was loaded */
		const char *slash = strrchr(path, '/');
		snprintf(folder, sizeof folder, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
		if (slash == path)
			snprintf(folder, sizeof folder, "/");
		dir = folder;
	}
	struct launch_opts o = { .plain = plain, .save_dir = dir, .save_name = name };
	int rc = play_launch(s, &o);
	session_free(s);
	return rc;
}

const struct cmd cmd_load = {
	.name = "load",
	.usage = "load SAVE [--plain] [--save-dir DIR]",
	.help = "resume a saved game (SAVE: a .save file, or a name in the save folder)",
	.exec = load_exec,
};
