/* cmd_serve.c - `brink serve`: host tables of a scenario over TCP (game/net/server.c). */
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ai/ai.h"
#include "../net/server.h"
#include "../scenario/scenario.h"
#include "cmd.h"

struct serve_args {
	unsigned long long port, tables, seed, turns;
	bool seeded;
	const char *bind, *save_dir;
	int ai;
};

#define ARG(f) offsetof(struct serve_args, f)

static const struct cmd_opt serve_opts[] = {
	{ .name = "port", .value = "P", .type = CMD_NUMBER, .offset = ARG(port), .max = 65535,
	  .help = "the TCP port to listen on (default: 7755; 0: any free port, printed)" },
	{ .name = "bind", .value = "ADDR", .type = CMD_TEXT, .offset = ARG(bind),
	  .help = "the address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for "
	          "every network, as in a computer lab)" },
	{ .name = "tables", .value = "N", .type = CMD_NUMBER, .offset = ARG(tables), .min = 1,
	  .max = SERVER_TABLES_MAX, .help = "how many games to host (default: 1)" },
	{ .name = "seed", .value = "N", .type = CMD_NUMBER, .offset = ARG(seed),
	  .seen = CMD_SEEN(struct serve_args, seeded), .max = ULLONG_MAX,
	  .help = "every table's random seed, so every table plays the same game (default: from "
	          "the clock)" },
	{ .name = "ai", .value = "LEVEL", .type = CMD_LEVEL, .offset = ARG(ai), .note = cmd_note_levels,
	  .help = "an AI of this level orders for a seat whose player is not connected when the "
	          "other side has ended its orders (default: none, the table waits)." },
	{ .name = "turns", .value = "N", .type = CMD_NUMBER, .offset = ARG(turns), .min = 1,
	  .max = 60, .help = "a shorter game than the scenario's" },
	{ .name = "save-dir", .value = "DIR", .type = CMD_TEXT, .offset = ARG(save_dir),
	  .help = "where the tables' saves and the server's state go (default: serve/ in the save "
	          "folder); a server started on a folder whose games are not over resumes them" },
	{ .name = NULL },
};

static int serve_exec(int argc, char **argv)
{
	struct serve_args a;
	memset(&a, 0, sizeof a);
	a.port = 7755;
	a.tables = 1;
	a.ai = -1;
	int n, rc = cmd_parse(&cmd_serve, argc, argv, &a, &n);
	if (rc)
		return rc < 0 ? 0 : rc;
	struct rules *rules = cmd_scenario_load(n ? argv[1] : SCENARIO_DEFAULT);
	if (!rules)
		return 1;
	struct server_opts o = {
		.rules = rules,
		.bind = a.bind,
		.port = (int)a.port,
		.tables = (int)a.tables,
		.seeded = a.seeded,
		.seed = a.seed,
		.ai = a.ai,
		.turns = (int)a.turns,
		.save_dir = a.save_dir,
		.out = stdout,
	};
	rc = server_run(&o);
	free(rules);
	return rc;
}

const struct cmd cmd_serve = {
	.name = "serve",
	.operands = "[SCENARIO]",
	.min_operands = 0,
	.max_operands = 1,
	.summary = "host games over the network for 'brink join' (seat codes printed)",
	.about = "Host TABLES games of SCENARIO (default: " SCENARIO_DEFAULT ") over TCP. Prints "
	         "'listening: ADDR:PORT', one line 'table T nato|russia code CODE' per seat and "
	         "'facilitator code CODE'. Give each team its code; they play with 'brink join "
	         "ADDR:PORT --code CODE'. Every table is saved after every turn; stop the server "
	         "with Ctrl-C (or SIGTERM) and start it again on the same --save-dir to resume.",
	.more = "For play across the internet, keep the default 127.0.0.1 and let each remote "
	        "player forward the port over ssh: ssh -N -L 7755:localhost:7755 you@server, "
	        "then brink join localhost:7755 --code CODE. The protocol: docs/protocol.md.",
	.opts = serve_opts,
	.exec = serve_exec,
};
