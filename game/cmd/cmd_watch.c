/* cmd_watch.c - `brink watch HOST:PORT --code CODE`: the facilitator's console (game/net/watch.c). */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../net/watch.h"
#include "cmd.h"

struct watch_args {
	const char *code;
	bool plain;
};

#define ARG(f) offsetof(struct watch_args, f)

static const struct cmd_opt watch_opts[] = {
	{ .name = "code", .value = "CODE", .type = CMD_TEXT, .offset = ARG(code),
	  .help = "the facilitator's code, as 'brink serve' printed it (required)" },
	{ .name = "plain", .type = CMD_FLAG, .offset = ARG(plain),
	  .help = "plain text, one line a table (the only console in this version)" },
	{ .name = NULL },
};

static int watch_exec(int argc, char **argv)
{
	struct watch_args a = { 0 };
	int n, rc = cmd_parse(&cmd_watch, argc, argv, &a, &n);
	if (rc)
		return rc < 0 ? 0 : rc;
	const char *addr = argv[1];
	const char *colon = strrchr(addr, ':');
	char host[256], port[16];
	size_t hl = colon ? (size_t)(colon - addr) : 0;
	if (hl >= 2 && addr[0] == '[' && addr[hl - 1] == ']') {
		addr++;
		hl -= 2;
	}
	if (!colon || !hl || hl >= sizeof host || !colon[1] || strlen(colon + 1) >= sizeof port ||
	    strspn(colon + 1, "0123456789") != strlen(colon + 1))
		return cmd_usage_error(&cmd_watch, "'%s' is not HOST:PORT", argv[1]);
	memcpy(host, addr, hl);
	host[hl] = 0;
	snprintf(port, sizeof port, "%s", colon + 1);
	if (!a.code)
		return cmd_usage_error(&cmd_watch, "--code is required (the facilitator's code from "
		                       "'brink serve')");
	struct watch_opts o = { .host = host, .port = port, .code = a.code, .in = stdin, .out = stdout };
	return watch_run(&o);
}

const struct cmd cmd_watch = {
	.name = "watch",
	.operands = "HOST:PORT",
	.min_operands = 1,
	.max_operands = 1,
	.missing = "which server? (HOST:PORT, as 'brink serve' printed it)",
	.summary = "the facilitator's console: every table of a 'brink serve' at a glance",
	.about = "Connect to the server at HOST:PORT with the facilitator's code and show every "
	         "table: the teams, turn, tension, whether each side has ended its orders, the "
	         "result, paused or not; a table's line is printed again when it changes. "
	         "Commands, one a line (T: a table's number, or all): tables, pause T, resume T "
	         "(a paused table takes orders but resolves nothing), inject EVENT[@REGION] T "
	         "(an event of the rules, now), set VAR[@REGION] VALUE T, say T EFFECTS TEXT "
	         "(your message, with changes VAR[@REGION]=+N,... or -), end T (end the game now), "
	         "stats, help, quit.",
	.more = "Every change is the facilitator's cause in the game's news, saves, replays and "
	        "reports (docs/protocol.md). Exit status: 0 at end of input or quit; 1 refused "
	        "(bad code, no server).",
	.opts = watch_opts,
	.exec = watch_exec,
};
