/* replay.h - watching a saved game again as text, and verifying that a save replays exactly.
 *
 * The curses replay viewer is tui_replay() (game/ui/tui.h); this is the
 * plain-text one used when stdout is not a terminal, and the headless check
 * behind `brink replay SAVE --verify`. */
#ifndef BRINK_REPLAY_H
#define BRINK_REPLAY_H

#include <stdio.h>

#include "../base/diag.h"
#include "../session/session.h"

/* Print S turn by turn to OUT: date, both sides' orders, every cause in
 * words, tension; then the result. Returns 0, or -1 when OUT fails. */
int replay_print(const struct session *s, FILE *out);

/* Re-execute the save at PATH from its seed and compare every turn's digest
 * and the stored state. Prints "verify: ok (N turns)" to OUT and returns 0,
 * or puts the problems in DS, prints which turn differs to OUT and returns 1. */
int replay_verify(const char *path, FILE *out, struct diags *ds);

#endif
