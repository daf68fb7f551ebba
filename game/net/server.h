/* server.h - `brink serve`: tables of one scenario played over TCP, on libevent.
 *
 * A table is one game: the world of a session, its orders and digests; the
 * rules are shared by every table (so a table costs a few KiB, not a copy of
 * the scenario). The server only carries orders in and news out: the engine
 * resolves, game/save writes the autosaves. Orders stay on the server until
 * both sides of a table have given theirs. See docs/protocol.md. */
#ifndef BRINK_SERVER_H
#define BRINK_SERVER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct rules;

struct server_opts {
	const struct rules *rules; /* the scenario of new tables (copied; unused on resume) */
	const char *bind;       /* address to listen on; NULL: 127.0.0.1 */
	int port;               /* 0: any free port (printed) */
	int tables;             /* 1..SERVER_TABLES_MAX (ignored on resume) */
	bool seeded;            /* seed given (else from the clock) */
	uint64_t seed;          /* every table starts from this seed */
	int ai;                 /* AI level for seats without a player, -1: none */
	int turns;              /* a shorter game (1..scenario turns), 0: the scenario's */
	const char *save_dir;   /* the tables' saves and the server's state; NULL: default */
	bool quiet;             /* no "resumed" notes on stderr */
	FILE *out;              /* where "listening:" and the codes go (stdout) */
};

#define SERVER_TABLES_MAX 500

/* Serve until SIGTERM or SIGINT; every table is saved after every turn and
 * once more before returning. When SAVE_DIR holds the state of a server
 * whose games are not all over, they are resumed (codes included) instead
 * of new ones started. Returns the exit status: 0, 1 (scenario, folder or
 * socket problem, printed on stderr). */
int server_run(const struct server_opts *o);

#endif
