/* watch.h - `brink watch`: the facilitator's console to a `brink serve`, as plain text.
 *
 * Every table at a glance (turn, tension, who has ended their orders,
 * result, paused), refreshed as it changes; commands typed one a line are
 * sent to the server (tables, pause T|all, resume T|all, stats, inject,
 * set) and its answers shown. One libevent loop for the keyboard, the
 * socket and the refresh timer. */
#ifndef BRINK_WATCH_H
#define BRINK_WATCH_H

#include <stdio.h>

struct watch_opts {
	const char *host, *port;  /* the server */
	const char *code;         /* the facilitator's code */
	FILE *in, *out;           /* commands in, the console out */
};

/* Run the console until end of input, 'quit' or a signal. Returns the exit
 * status: 0, or 1 when refused (bad code, no server). */
int watch_run(const struct watch_opts *o);

#endif
