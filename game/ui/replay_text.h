/* replay_text.h - watching a saved game again as text (the curses viewer is tui_replay()).
 *
 * Used when stdout is not a terminal, or with `brink replay --plain`. */
#ifndef BRINK_REPLAY_TEXT_H
#define BRINK_REPLAY_TEXT_H

#include <stdio.h>

#include "../session/session.h"

/* Print S turn by turn to OUT: date, both sides' orders, every cause in
 * words, tension; then the result. Returns 0, or -1 when OUT fails. */
int replay_text(const struct session *s, FILE *out);

#endif
