/* cmd_join.c - `brink join HOST:PORT --code CODE`: take a seat at a served table (game/net/client.c). */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../net/client.h"
#include "../net/protocol.h"
#include "cmd.h"

struct join_args {
	const char *code, *name, *save_dir;
	bool plain;
};

#define ARG(f) offsetof(struct join_args, f)

static const struct cmd_opt join_opts[] = {
	{ .name = "code", .value = "CODE", .type = CMD_TEXT, .offset = ARG(code),
	  .help = "the seat's code, as 'brink serve' printed it (required)" },
	{ .name = "plain", .type = CMD_FLAG, .offset = ARG(plain),
	  .help = "line-oriented text on stdin/stdout instead of the full-screen interface" },
	{ .name = "name", .value = "TEAM", .type = CMD_TEXT, .offset = ARG(name),
	  .help = "your team's name, shown to the other side and the facilitator" },
	{ .name = "save-dir", .value = "DIR", .type = CMD_TEXT, .offset = ARG(save_dir),
	  .help = "where 'save' in the game writes a copy (the server saves every turn anyway)" },
	{ .name = NULL },
};

/* "HOST:PORT" or "[V6]:PORT" into HOST and PORT; returns 0 or -1. */
static int split_address(const char *a, char *host, size_t hlen, char *port, size_t plen)
{
	const char *colon = strrchr(a, ':');
	if (!colon || !colon[1] || strspn(colon + 1, "0123456789") != strlen(colon + 1))
		return -1;
	const char *h = a;
	size_t n = (size_t)(colon - a);
	if (n >= 2 && a[0] == '[' && a[n - 1] == ']') {
		h++;
		n -= 2;
	}
	if (n == 0 || n >= hlen || strlen(colon + 1) >= plen)
		return -1;
	memcpy(host, h, n);
	host[n] = 0;
	snprintf(port, plen, "%s", colon + 1);
	return 0;
}

static int join_exec(int argc, char **argv)
{
	struct join_args a = { 0 };
	int n, rc = cmd_parse(&cmd_join, argc, argv, &a, &n);
	if (rc)
		return rc < 0 ? 0 : rc;
	char host[256], port[16];
	if (split_address(argv[1], host, sizeof host, port, sizeof port) < 0)
		return cmd_usage_error(&cmd_join, "'%s' is not HOST:PORT", argv[1]);
	if (!a.code)
		return cmd_usage_error(&cmd_join, "--code is required (the seat's code from 'brink serve')");
	if (a.name && !*a.name)
		return cmd_usage_error(&cmd_join, "--name needs a name");
	char name[PROTO_NAME_MAX];
	if (a.name)
		proto_name_clean(a.name, name);
	struct client_opts o = { .host = host, .port = port, .code = a.code,
	                         .name = a.name ? name : NULL, .plain = a.plain,
	                         .save_dir = a.save_dir };
	return client_run(&o);
}

const struct cmd cmd_join = {
	.name = "join",
	.operands = "HOST:PORT",
	.min_operands = 1,
	.max_operands = 1,
	.missing = "which server? (HOST:PORT, as 'brink serve' printed it)",
	.summary = "take a seat at a game hosted with 'brink serve' (curses, or --plain text)",
	.about = "Join the table and side that CODE names on the server at HOST:PORT, and play "
	         "with the same interface as 'brink play'. The other side's progress is shown "
	         "while you order; if the connection drops, the game says so and rejoins on its "
	         "own. Quitting leaves the seat free: join again with the same code.",
	.more = "Exit status: 0 at the end of the game or a quit; 1 refused (bad code, seat "
	        "taken, server gone).",
	.opts = join_opts,
	.exec = join_exec,
};
