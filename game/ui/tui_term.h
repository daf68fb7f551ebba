/* tui_term.h - the curses front end's core: the terminal, glyphs, colours, clipped drawing, keys.
 *
 * Private to game/ui/tui*.c, the only files that include curses. Everything
 * drawn goes through tui_put/tui_box/tui_fill, which clip to the screen, so
 * no caller can write past an edge whatever the terminal size. */
#ifndef BRINK_TUI_TERM_H
#define BRINK_TUI_TERM_H

#include <stdbool.h>
#include <stdio.h>

#include <curses.h>

#define TUI_MIN_W 80
#define TUI_MIN_H 24

/* Keys as tui_key returns them: a character's code point, or a curses key
 * code with TUI_FN set (curses key codes overlap code points above 0400). */
#define TUI_FN 0x1000000
#define TUI_KEY_STOP (-2) /* the stop flag was set (signal): leave now */

/* Drawing roles; tui_attr maps them to colours or, without colour, to
 * attributes. Meaning never rests on colour alone: symbols carry it too. */
enum tui_role {
	TR_NORMAL, TR_NATO, TR_RUSSIA, TR_CONTESTED, TR_HEADER, TR_ART, TR_BAD,
	TR_GOOD, TR_SELECT, TR_DIM, TR_TITLE, TR_KEY, TR_ROLE_COUNT
};

/* Characters that differ between UTF-8 and ASCII terminals. */
struct tui_glyphs {
	const char *h, *v, *tl, *tr, *bl, *br; /* box drawing */
	const char *full, *empty;             /* bar cells */
	const char *west, *east, *mid;        /* alignment bar: toward the West, toward Moscow, centre */
	const char *arrow;                    /* "->" in text */
};

struct tui {
	SCREEN *scr;             /* our curses screen (newterm) */
	bool utf8;               /* the locale's codeset is UTF-8 */
	bool color;              /* colours in use (has_colors and NO_COLOR unset) */
	volatile int *stop;      /* set by a signal handler; NULL when none */
	const struct tui_glyphs *g;
	int mouse_y, mouse_x;    /* the last mouse event (when tui_key returned KEY_MOUSE) */
	unsigned long mouse_b;   /* its button state */
	bool lost;               /* input is gone (EOF): tui_key returns TUI_KEY_STOP */
	struct play_link *link;  /* network play: served while waiting for a key; else NULL */
	const bool *ended;       /* network play, while orders are given: once true (the
	                            facilitator ended the game), tui_key returns TUI_KEY_STOP */
};

/* What a key means. The mapping is a pure function of the context and key
 * (tui_key_command) so it is unit-tested without a terminal. */
enum tui_cmd {
	TC_NONE, TC_UP, TC_DOWN, TC_LEFT, TC_RIGHT, TC_OK, TC_BACK, TC_QUIT, TC_HELP,
	TC_TAB, TC_BTAB, TC_UNDO, TC_END, TC_EXPLAIN, TC_FIRST, TC_LAST, TC_PGUP, TC_PGDN,
	TC_YES, TC_NO, TC_PREV, TC_NEXT, TC_DELETE, TC_REPLAY, TC_SAVE,
	TC_PROJECTOR, /* v: the projector view on and off (large terminals) */
	TC_CMD_COUNT
};

enum tui_ctx {
	TK_GAME,    /* the game screen: map, log, orders */
	TK_LIST,    /* menus and lists */
	TK_CONFIRM, /* a yes/no question */
	TK_REPLAY,  /* the replay viewer */
	TK_PAGE     /* a page of text: help, resolution, end of game */
};

/* Set up curses on the process's terminal. Returns 0, or -1 (nothing to undo). */
int tui_open(struct tui *t, volatile int *stop);

/* For the title menu and the replay viewer, which run outside play_launch:
 * route SIGINT, SIGTERM and SIGHUP to a stop flag (returned) until
 * tui_signals_restore. OLD keeps the previous handlers. */
#include <signal.h>
struct tui_signals {
	struct sigaction old[3];
};
volatile int *tui_signals_catch(struct tui_signals *old);
void tui_signals_restore(const struct tui_signals *old);
/* A game run through play_launch was stopped by a signal or lost its
 * terminal: note it (tui_play), so the title menu that started the game
 * leaves too instead of coming back (tui_signals_noted). */
void tui_signals_note(void);
bool tui_signals_noted(void);
/* The same on explicit streams and terminal type (tests use /dev/null). */
int tui_open_on(struct tui *t, const char *term, FILE *out, FILE *in, volatile int *stop);
/* Leave curses and restore the terminal; safe to call twice. */
void tui_close(struct tui *t);

/* Wait for a key (100 ms polls of the stop flag). Returns a key as above,
 * TUI_FN|KEY_RESIZE after a resize, TUI_FN|KEY_MOUSE with t->mouse_*, or
 * TUI_KEY_STOP. While the screen is below TUI_MIN_W x TUI_MIN_H it shows the
 * enlarge message and waits for a resize. */
int tui_key(struct tui *t);

/* What KEY means in context CTX. */
enum tui_cmd tui_key_command(enum tui_ctx ctx, int key);

/* True when the screen is at least TUI_MIN_W x TUI_MIN_H. */
bool tui_big_enough(void);
/* Draw "Enlarge the terminal to 80x24 (now WxH)" on an erased screen. */
void tui_draw_small(struct tui *t);

int tui_attr(const struct tui *t, int role);

/* Draw UTF-8 text S at Y, X in at most MAXW columns (and never past the
 * screen's edge). Returns the columns used. */
int tui_put(struct tui *t, int y, int x, int maxw, int role, const char *s);
/* printf into tui_put. */
int tui_putf(struct tui *t, int y, int x, int maxw, int role, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Display width of UTF-8 text (invalid bytes count one column each). */
int tui_width(const char *s);
void tui_fill(struct tui *t, int y, int x, int h, int w, int role);
/* A box frame with TITLE (may be NULL) in its top border. */
void tui_box(struct tui *t, int y, int x, int h, int w, int role, const char *title);
/* A bar of W cells, VALUE of MAX filled. */
void tui_bar(struct tui *t, int y, int x, int w, int value, int max, int role);

/* Word-wrap S to width W into LINES (each at most W bytes-ish columns,
 * LINELEN bytes); returns the number of lines written (at most MAXLINES). */
int tui_wrap(const char *s, int w, char lines[][256], int maxlines);

/* The footer: "KEY label" pairs separated by spaces, drawn on the last line. */
void tui_footer(struct tui *t, const char *const *pairs, int n);

/* Ask a yes/no question in a box over the current screen; REDRAW (may be
 * NULL) repaints the background after a resize. Returns 1 yes, 0 no,
 * TUI_KEY_STOP on stop. */
int tui_confirm(struct tui *t, const char *question, void (*redraw)(void *), void *ctx);

/* A page of text lines (role per line), scrolled with the arrow keys and
 * left with Enter, Esc or q. KEYS is a footer hint. Returns the command that
 * closed it (TC_OK, TC_BACK, TC_REPLAY), or -1 on stop. */
struct tui_line {
	char text[256];
	int role;
};
int tui_page(struct tui *t, const char *title, const struct tui_line *lines, int n,
             const char *const *footer, int nfooter, bool allow_replay);

#endif
