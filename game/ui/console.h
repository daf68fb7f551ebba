/* console.h - the facilitator's console as a front end sees it: tables and commands through a link.
 *
 * game/net/watch.c is the link (the protocol client of `brink watch`);
 * game/ui/tui_console.c draws it in curses. The front end never speaks the
 * protocol: it reads the tables and hands over command lines. */
#ifndef BRINK_CONSOLE_H
#define BRINK_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>

#define CONSOLE_STATE_MAX 16
#define CONSOLE_TEAM_MAX 24

/* A table as the server last told it. */
struct console_table {
	int id;                                /* 1-based */
	int turn, tension;                     /* turns resolved; tension now */
	char state[2][CONSOLE_STATE_MAX];      /* NATO, Russia: ordering, submitted, away, ai, over */
	char team[2][CONSOLE_TEAM_MAX];        /* the teams' names, "" unknown */
	char result[CONSOLE_STATE_MAX];        /* none, nato, russia, draw, war, peace */
	bool paused;
	int agreements;                        /* agreements made so far, -1 unknown */
	char incident[CONSOLE_STATE_MAX * 2];  /* the last incident's id, "" none */
};

struct console_link {
	/* Serve the connection up to MS milliseconds while waiting for input
	 * on FD. Returns 1 when FD is readable, 0 when not yet, 2 when a table
	 * or the server's answer changed (draw again). */
	int (*wait)(struct console_link *l, int fd, int ms);
	/* Send a command line ("pause 2", "resume all"), checked first.
	 * Returns 0, or -1 with the reason in WHY. */
	int (*command)(struct console_link *l, const char *cmd, char *why, size_t len);
	/* The tables heard of so far: [0, *N). */
	const struct console_table *(*tables)(struct console_link *l, int *n);
	/* The server's last answer for people ("ok: pause 2", "error: ..."), "" none. */
	const char *(*answer)(struct console_link *l, bool *error);
	/* True once the connection is gone (the answer says why). */
	bool (*lost)(struct console_link *l);
	const char *where;                     /* "HOST:PORT", for the header */
};

/* The curses console on link L until q (confirmed), a lost terminal or a
 * signal (SIGINT, SIGTERM, SIGHUP). Returns 0, or 1 when the terminal could
 * not be set up. */
int tui_console(struct console_link *l);

#endif
