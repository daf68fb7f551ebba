/* tui.h - the curses front end: title menu, game screen, hand-off, end screen, replay viewer.
 *
 * The tui*.c files are the only ones in Brink that include curses. */
#ifndef BRINK_TUI_H
#define BRINK_TUI_H

#include <stdbool.h>

#include "frontend.h"

/* True when stdin/stdout are terminals that curses can drive (a known TERM
 * with cursor addressing); false for TERM=dumb, pipes, unknown terminals. */
bool tui_usable(void);

/* Run play_run(P) with the curses front end: set up the terminal, play,
 * restore the terminal whatever happens. Returns play_run's status, or 1
 * when the terminal could not be set up. */
int tui_play(struct play *p);

/* The title menu (`brink` without a command): new game (scenario with its
 * summary, side, AI level, seed), load, scenarios, help, quit. Starts games
 * through play_launch(). Returns the exit status. */
int tui_menu(void);

/* Step through a finished or saved game turn by turn, forward and back.
 * Returns 0, or 1 when the terminal could not be set up. */
int tui_replay(struct session *s);

#endif
