/* play.h - additions to the play loop of frontend.h: play_run with a notice channel.
 *
 * struct frontend has no slot for a one-line message, yet play_run must tell
 * the player when an autosave failed without stopping the game. */
#ifndef BRINK_PLAY_H
#define BRINK_PLAY_H

#include "frontend.h"

/* play_run, telling the player about problems that do not stop the game
 * (an autosave that failed) through NOTICE(FE->ctx, message). NOTICE NULL:
 * they go to stderr. play_run(p, fe) is play_run_notify(p, fe, NULL). */
int play_run_notify(struct play *p, const struct frontend *fe,
                    void (*notice)(void *ctx, const char *msg));

#endif
