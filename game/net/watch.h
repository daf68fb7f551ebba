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

struct watch;

struct watch_opts {
	const char *host, *port;  /* the server */
	const char *code;         /* the facilitator's code */
	FILE *in, *out;           /* commands in, the console out */
};

/* Run the console until end of input, 'quit' or a signal. Returns the exit
 * status: 0, or 1 when refused (bad code, no server). */
int watch_run(const struct watch_opts *o);

/* ---- the same client for a front end of its own (the curses console) ---- */

/* Connect and join as the facilitator (o->host, o->port, o->code; in and
 * out unused). Returns NULL, the reason on stderr, when refused or
 * unreachable. The console keeps O. */
struct watch *watch_open(const struct watch_opts *o);

/* The console link (game/ui/console.h) W serves: tables, commands, answers. */
struct console_link *watch_link(struct watch *w);

/* Say goodbye to the server and free W. */
void watch_close(struct watch *w);

#endif
