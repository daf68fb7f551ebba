/* play.h - additions to the play loop of frontend.h: play_run with a notice channel.
 *
 * struct frontend has no slot for a one-line message, yet play_run must tell
 * the player when an autosave failed without stopping the game. */
#ifndef BRINK_PLAY_H
#define BRINK_PLAY_H

#include "frontend.h"

/* The AIs of a game that goes on from a save: each chooses again, on the
 * world each turn started from, for every turn already played (the orders
 * that count are the recorded ones), so that its memory of the other side
 * and its dice are as if the game had never stopped. Call after ai_init. */
void play_ai_catch_up(struct play *p);

/* play_run, telling the player about problems that do not stop the game
 * (an autosave that failed) through NOTICE(FE->ctx, message). NOTICE NULL:
 * they go to stderr. play_run(p, fe) is play_run_notify(p, fe, NULL). */
int play_run_notify(struct play *p, const struct frontend *fe,
                    void (*notice)(void *ctx, const char *msg));

/* Can SIDE's order of ACTION on REGION, possible now, still fail when the
 * turn resolves? Orders are checked again as they resolve, after the other
 * side's: the other side's orders this turn (each action once, the ones that
 * push hardest, as many as its action points buy, through the engine's own
 * effect rule) could break one of its requirements. Returns the index of the
 * first requirement at risk, with *REACH the value the other side could
 * bring its variable to, or -1 when none is. */
int play_order_risk(const struct world *w, const struct rules *r, int side, int action, int region,
                    int *reach);

/* The record in LOG telling that SIDE's order O failed as it resolved, or
 * -1 when it did not fail. */
int play_order_failed(const struct cause_log *log, int side, const struct order *o);

/* Where P's game was last autosaved (DIR/ID-auto-TT.save, as save.h names
 * autosaves), into OUT. Returns 0, or -1 when the game is not saved. */
int play_saved_path(const struct play *p, char *out, size_t len);

#endif
