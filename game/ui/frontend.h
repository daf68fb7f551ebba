/* frontend.h - the play loop and the small table of functions a front end provides.
 *
 * play_run() drives a session: briefing, orders from humans (through the
 * front end) and AIs, hand-off in hot-seat, resolution, autosave, game over.
 * Front ends: curses (game/ui/tui*.c, the only files that include curses),
 * plain text (game/ui/plain.c), and null (game/ui/null.c, for tests; the
 * simulator needs no front end: it calls turn_resolve() itself). */
#ifndef BRINK_FRONTEND_H
#define BRINK_FRONTEND_H

#include "../ai/ai.h"
#include "../session/session.h"

enum fe_status {
	FE_OK,     /* orders given: submit them */
	FE_QUIT,   /* the player quit (already confirmed) */
	FE_ERROR   /* the front end cannot go on (terminal lost) */
};

struct play;

struct frontend {
	void *ctx; /* the front end's own state */
	/* A new turn begins for SIDE (the cause log of the last turn is in
	 * p->session->world.log). */
	void (*briefing)(void *ctx, struct play *p, int side);
	/* A human side gives its orders into OUT. */
	enum fe_status (*orders)(void *ctx, struct play *p, int side, struct orders *out);
	/* Hot-seat: hide the screen until NEXT_SIDE's players take over. */
	enum fe_status (*handoff)(void *ctx, struct play *p, int next_side);
	/* Both sides' orders were just resolved; show what happened. */
	void (*resolution)(void *ctx, struct play *p);
	/* The game is over; show the result. */
	void (*game_over)(void *ctx, struct play *p);
};

/* Network play (game/net/client.c) plugs in here; NULL for local play.
 * The front ends stay the same: while they wait for their player they let
 * the link serve the network (one event loop: keyboard and socket). */
struct play_link {
	/* Runs instead of play_run's own loop: this side's orders go to the
	 * server, the news of each turn comes back from it. */
	int (*run)(struct play_link *l, struct play *p, const struct frontend *fe,
	           void (*notice)(void *ctx, const char *msg));
	/* Wait up to MS milliseconds for input on FD while serving the network.
	 * Returns 1 when FD is readable, 0 when not yet, 2 when news came that
	 * the screen should show (the front end draws again and waits again). */
	int (*wait)(struct play_link *l, int fd, int ms);
};

/* What play_run works on. */
struct play {
	struct session *session;
	struct ai ai[SIDE_COUNT];  /* used for sides played by the AI */
	char save_dir[512];        /* where saves and autosaves go ("" = none) */
	char save_name[128];       /* name of this game's saves */
	volatile int *stop;        /* set by a signal handler: autosave and leave */
	bool autosaved;            /* play_run: every turn played so far is in an autosave */
	struct play_link *link;    /* network play, else NULL */
};

/* Play until the game ends, a player quits or *p->stop is set. Returns 0 at
 * the game's end or a quit, 1 when the front end failed. Autosaves after
 * every turn when p->save_dir is set. */
int play_run(struct play *p, const struct frontend *fe);

#endif
