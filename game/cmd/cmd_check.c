/* cmd_check.c - `brink check FILE...`: validate scenario files (and the standard rules file).
 *
 * Every problem goes to stderr as FILE:LINE: error|warning: MESSAGE; each
 * valid file gets "FILE: ok" on stdout. Exit 0 when all are valid, 1 when
 * any is not, 2 on a usage error. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../scenario/check.h"
#include "cmd.h"

struct check_args {
	bool fragment;
	bool strict;
};

static const struct cmd_opt check_opts[] = {
	{ .name = "fragment", .type = CMD_FLAG, .offset = offsetof(struct check_args, fragment),
	  .help = "Check each FILE as an include fragment on its own: its syntax, its own "
	          "includes, and the types, ranges and keys of the sections it holds; no section "
	          "is required, and region names are left to the file that includes it." },
	{ .name = "strict", .type = CMD_FLAG, .offset = offsetof(struct check_args, strict),
	  .help = "Warnings are errors: a file with any warning (an isolated region, an action "
	          "or event that can never happen, no incident, no side able to win, an unknown "
	          "key...) is not valid, and the exit status is 1." },
	{ .name = NULL },
};

static int check_exec(int argc, char **argv)
{
	struct check_args a = { .fragment = false };
	int n, rc = cmd_parse(&cmd_check, argc, argv, &a, &n);
	if (rc)
		return rc < 0 ? 0 : rc;
	struct diags *ds = diags_new();
	if (!ds) {
		fputs("brink: out of memory\n", stderr);
		return 1;
	}
	int status = 0;
	for (int i = 1; i <= n; i++) {
		diags_clear(ds);
		bool rules = false;
		rc = a.fragment ? scenario_check_fragment(argv[i], ds) : scenario_check(argv[i], ds, &rules);
		if (a.strict && ds->warnings > 0) {
			for (int k = 0; k < ds->n; k++)
				ds->d[k].level = DIAG_ERROR;
			ds->errors += ds->warnings;
			ds->warnings = 0;
			rc = 1;
		}
		diag_print(ds, stderr);
		if (rc == 0)
			printf("%s: ok%s\n", argv[i], a.fragment ? " (fragment)"
			       : rules ? " (standard rules file)" : "");
		else
			status = 1;
	}
	diags_free(ds);
	fflush(stdout);
	return status;
}

const struct cmd cmd_check = {
	.name = "check",
	.operands = "FILE...",
	.min_operands = 1,
	.max_operands = CMD_MANY,
	.missing = "no scenario file given",
	.summary = "validate scenario files: every problem as FILE:LINE: error: MESSAGE",
	.about = "Validate scenario files. Every problem of every file is printed on stderr as "
	         "FILE:LINE: error: MESSAGE (or warning: for a warning); each valid file gets "
	         "\"FILE: ok\" on stdout. A file holding only format, actions, events, dynamics "
	         "and victory is checked as a standard rules file. An @include is resolved relative "
	         "to the including file's folder.",
	.more = "Besides errors, check warns about what is legal but surely not meant: a region "
	        "with no borders, an action whose requirements or cost can never be met, an event "
	        "whose conditions can never hold, no incident, a start where no side can win. "
	        "Exit status: 0 all valid (warnings allowed unless --strict), 1 any invalid, "
	        "2 usage error. "
	        "The format: man 5 brink-scenario.",
	.opts = check_opts,
	.exec = check_exec,
};
