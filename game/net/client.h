/* client.h - `brink join`: a seat at a `brink serve` table, through the same front ends as play.
 *
 * The client keeps a session of its own, rebuilt from what the server sends
 * (the scenario, the seed, both sides' orders of every resolved turn) and
 * checked against the server's digest after every turn. It plugs into the
 * play loop as a struct play_link: this side's orders go to the server, the
 * news comes back, and the curses or plain front end waits on the keyboard
 * and the socket in one libevent loop. A lost connection is rejoined with
 * the same code, on its own. */
#ifndef BRINK_CLIENT_H
#define BRINK_CLIENT_H

#include <stdbool.h>

struct client_opts {
	const char *host;      /* server name or address */
	const char *port;      /* its port */
	const char *code;      /* the seat's code */
	const char *name;      /* the team's name, or NULL */
	bool plain;            /* plain text instead of curses */
	const char *save_dir;  /* where 'save' in the game writes, or NULL */
};

/* Join, play until the game ends or the player quits. Returns the exit
 * status: 0, or 1 when refused (bad code, seat taken, server gone). */
int client_run(const struct client_opts *o);

#endif
