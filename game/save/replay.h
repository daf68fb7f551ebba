/* replay.h - verifying that a save replays exactly: `brink replay SAVE --verify`.
 *
 * The viewers are in game/ui: tui_replay() (curses) and replay_text(). */
#ifndef BRINK_REPLAY_H
#define BRINK_REPLAY_H

#include <stdio.h>

#include "../base/diag.h"
#include "../session/session.h"

/* Re-execute the save at PATH from its seed and compare every turn's digest
 * and the stored state. Prints "verify: ok (N turns)" to OUT and returns 0,
 * or puts the problems in DS, prints which turn differs to OUT and returns 1. */
int replay_verify(const char *path, FILE *out, struct diags *ds);

#endif
