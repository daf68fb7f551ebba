/* tui_game.h - the curses game screen: map, side panel, news, orders; explain, help, replay.
 *
 * One drawing function (tui_view_draw) paints the whole screen from a
 * struct tui_view, so the play front end, the resolution and the replay
 * viewer show the same screen, and a resize simply paints it again. */
#ifndef BRINK_TUI_GAME_H
#define BRINK_TUI_GAME_H

#include "../session/session.h"
#include "tui_map.h"
#include "tui_term.h"

enum tui_focus { TF_MAP, TF_LOG, TF_ORDERS, TF_COUNT };

struct tui_view {
	const struct rules *r;
	const struct world *w;
	const struct session *s;     /* past turns' logs; may be NULL */
	int side;                    /* side giving orders, or SIDE_BOTH (replay) */
	bool replay;                 /* the replay: W is the world after turn news_turn */
	const struct orders *queued; /* that side's queued orders, or NULL */
	const struct orders *shown;  /* both sides' revealed orders (replay), or NULL */
	const struct cause_log *log; /* the news shown: last resolved turn */
	int news_turn;               /* turn index the news is about (-1: none yet) */
	char title[160];             /* header, left */
	char status[160];            /* header, right: the last message */
	int status_role;
	int sel;                     /* selected region */
	int focus;                   /* enum tui_focus */
	int log_top;                 /* first news line shown */
	int order_sel;               /* selected queued order (orders focus) */
	const struct map_art *art;       /* the map art (h 0: none) */
	const struct map_art *art_large; /* used instead when it fits; may be NULL */
	struct tui_layout layout;    /* filled by tui_view_draw */
	const char *const *footer;
	int nfooter;
	bool projector;              /* the projector view (tui_projector.h) when it fits */
};

/* Paint the game screen (or the enlarge message when too small). */
void tui_view_draw(struct tui *t, struct tui_view *v);

/* Lines of news for LOG (headlines marked), for the panels and pages.
 * Returns how many were written to OUT (at most MAX). */
int tui_news_lines(const struct rules *r, const struct cause_log *log, struct tui_line *out,
                   int max);

/* The explain screen: pick a variable (world, or REGION's) and see every
 * change of a turn and its cause, starting at turn TURN (1-based; 0 = the
 * last one played). Returns -1 on stop, else 0. */
int tui_explain(struct tui *t, const struct rules *r, const struct session *s,
                const struct world *w, int region, int turn);

/* The help page: the security dilemma in five lines and every key. */
int tui_help(struct tui *t);
/* The same with R's numbers (victory control); R NULL: the standard ones. */
int tui_help_for(struct tui *t, const struct rules *r);

/* Step through S turn by turn on an open terminal. Returns -1 on stop, else 0. */
int tui_replay_run(struct tui *t, const struct session *s);

#endif
