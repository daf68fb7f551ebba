/* cmd_check.c - `brink check FILE...`: validate scenario files (and the standard rules file).
 *
 * Every problem goes to stderr as FILE:LINE: error|warning: MESSAGE; each
 * valid file gets "FILE: ok" on stdout. Exit 0 when all are valid, 1 when
 * any is not, 2 on a usage error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../scenario/check.h"
#include "cmd.h"

static int check_exec(int argc, char **argv)
{
	int nfiles = 0;
	bool opts = true;
	for (int i = 1; i < argc; i++) {
		if (opts && !strcmp(argv[i], "--")) {
			opts = false;
		} else if (opts && (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))) {
			printf("Usage: brink %s\n\n"
			       "Validate scenario files. Every problem of every file is printed on\n"
			       "stderr as FILE:LINE: error: MESSAGE (or warning: for a warning); each\n"
			       "valid file gets \"FILE: ok\" on stdout. A file holding only format,\n"
			       "actions, events, dynamics and victory is checked as a standard rules file.\n"
			       "Exit status: 0 all valid (warnings allowed), 1 any invalid, 2 usage error.\n"
			       "The format: man 5 brink-scenario.\n",
			       cmd_check.usage);
			return 0;
		} else if (opts && argv[i][0] == '-' && argv[i][1]) {
			return cmd_usage_error("check: unknown option '%s'", argv[i]);
		} else {
			nfiles++;
		}
	}
	if (nfiles == 0)
		return cmd_usage_error("check: no scenario file given");
	struct diags *ds = malloc(sizeof *ds);
	if (!ds) {
		fputs("brink: out of memory\n", stderr);
		return 1;
	}
	int status = 0;
	opts = true;
	for (int i = 1; i < argc; i++) {
		if (opts && !strcmp(argv[i], "--")) {
			opts = false;
			continue;
		}
		if (opts && argv[i][0] == '-' && argv[i][1])
			continue;
		memset(ds, 0, sizeof *ds);
		bool rules = false;
		int rc = scenario_check(argv[i], ds, &rules);
		diag_print(ds, stderr);
		if (rc == 0)
			printf("%s: ok%s\n", argv[i], rules ? " (standard rules file)" : "");
		else
			status = 1;
	}
	free(ds);
	fflush(stdout);
	return status;
}

const struct cmd cmd_check = {
	.name = "check",
	.usage = "check FILE...",
	.help = "Validate scenario files: every problem as FILE:LINE: error: MESSAGE",
	.exec = check_exec,
};
