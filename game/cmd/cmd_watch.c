/* cmd_watch.c - `brink watch HOST:PORT --code CODE`: the facilitator's console (game/net/watch.c). */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../net/watch.h"
#include "../ui/console.h"
#include "../ui/tui.h"
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
	  .help = "plain text, one line a table, commands typed one a line (for scripts and "
	          "screen readers; also when the terminal cannot run the full screen)" },
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
	if (a.plain || !tui_usable())
		return watch_run(&o);
	/* The full-screen console: joined first, so a refusal is said on the
	 * terminal as it is. */
	struct watch *w = watch_open(&o);
	if (!w)
		return 1;
	rc = tui_console(watch_link(w));
	watch_close(w);
	if (rc)
		fputs("brink: the terminal cannot run the full-screen console; try --plain\n", stderr);
	return rc;
}

const struct cmd cmd_watch = {
	.name = "watch",
	.operands = "HOST:PORT",
	.min_operands = 1,
	.max_operands = 1,
	.missing = "which server? (HOST:PORT, as 'brink serve' printed it)",
	.summary = "the facilitator's console: every table of a 'brink serve' at a glance",
	.about = "Connect to the server at HOST:PORT with the facilitator's code and show every "
	         "table: the teams, the turn, tension and its band, whether each side has ended "
	         "its orders, the result, paused or not. On a terminal, a full screen of cards, "
	         "larger on a large terminal (a projector): arrows select a table, p pauses it, "
	         "r resumes it, P and R pause and resume every table (asking first), e ends its "
	         "game (asking first), : opens a prompt for any command below (Enter sends, Esc "
	         "cancels; i and s open it with inject or set and the table), ? help, q "
	         "quit. With --plain (or no usable terminal), a table's line is printed when it "
	         "changes, and commands are typed one a line (T: a table's number, or all): "
	         "tables, pause T, resume T (a paused table takes orders but resolves nothing), "
	         "inject EVENT[@REGION] T (an event of the rules, now), set VAR[@REGION] VALUE T, "
	         "say T EFFECTS TEXT (your message, with changes VAR[@REGION]=+N,... or -), end T "
	         "(end the game now), stats, help, quit.",
	.more = "Every change is the facilitator's cause in the game's news, saves, replays and "
	        "reports (docs/protocol.md). Exit status: 0 at end of input or quit; 1 refused "
	        "(bad code, no server).",
	.opts = watch_opts,
	.exec = watch_exec,
};
