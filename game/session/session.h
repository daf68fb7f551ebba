/* session.h - one game in progress: rules, seed, who plays each side, every order given.
 *
 * A session is what a save stores and a replay rebuilds: the rules, the seed,
 * and the orders of each turn; the world is a function of those. It also
 * keeps each turn's cause log, so any screen or report can explain the past. */
#ifndef BRINK_SESSION_H
#define BRINK_SESSION_H

#include <stdint.h>

#include "../engine/order.h"
#include "../engine/turn.h"
#include "../engine/world.h"

/* PLAYER_REMOTE: a person at another terminal (network play, brink join);
 * saved as "human". */
enum player { PLAYER_HUMAN, PLAYER_AI, PLAYER_REMOTE };

#define SESSION_ID_MAX 48 /* a game id's characters + NUL; ids keep [A-Za-z0-9_-] */
#define SESSION_FAC_MAX 64 /* the facilitator's changes a game */
#define SESSION_TEAM_MAX 24 /* a team's name + NUL ([A-Za-z0-9_.-], brink join --name) */

/* One change the facilitator made, where it was made: after AFTER turns had
 * been resolved (0: before the first), in the order they were made. */
struct session_fac {
	uint8_t after;
	struct fac_change c;  /* as applied (an event's region filled in) */
	uint64_t digest;      /* world_hash right after it */
};

struct session {
	struct rules rules;          /* owned copy of the scenario */
	uint64_t seed;
	uint8_t player[SIDE_COUNT];  /* enum player */
	uint8_t ai_level[SIDE_COUNT];/* enum ai_level for AI sides */
	struct world start;          /* the world before turn 1 */
	struct world world;          /* the world now */
	uint8_t turns;               /* turns resolved, == world.turn */
	struct orders orders[RULES_MAX_TURNS][SIDE_COUNT]; /* orders of each resolved turn */
	uint64_t hash[RULES_MAX_TURNS + 1]; /* world_hash after each turn; [0] = start */
	struct cause_log log[RULES_MAX_TURNS]; /* the cause log of each resolved turn */
	uint8_t scenario_turns;      /* the scenario's own length; rules.turns may be
	                                shorter (session_set_turns, `--turns`) */
	char id[SESSION_ID_MAX];     /* this game's id, its saves' name ("" until
	                                saved: save_claim picks one no other game has) */
	char branch_from[SESSION_ID_MAX]; /* a what-if: the id of the game it
	                                branched from ("" when not a branch) */
	uint8_t branch_turn;         /* ... at the start of this turn (1-based; 0: none) */
	uint8_t nfac;                /* the facilitator's changes, in the order made; those
	                                before turn 1 are also in start (and start.log) */
	struct session_fac fac[SESSION_FAC_MAX];
	char team[SIDE_COUNT][SESSION_TEAM_MAX]; /* the teams' names, "" unknown */
};

/* Allocate a session for RULES (copied) and SEED; free with session_free. */
struct session *session_create(const struct rules *rules, uint64_t seed);

/* A shorter game than the scenario's: N turns, 1..s->scenario_turns, set
 * before the first turn is resolved. Returns 0, or -1 (N out of range, or
 * turns already played). */
int session_set_turns(struct session *s, int n);

/* Make S a what-if branch of the game it is now, from the start of turn
 * TURN (1-based: a turn played, or the next one of a game not over): drops the turns from TURN on and
 * records the branch point (the branch's own id is chosen when it is first
 * saved: save_claim). Returns 0, or -1 when TURN is out of range. */
int session_branch(struct session *s, int turn);

/* Copy a team's NAME into OUT keeping [A-Za-z0-9_.-] (others become '_'),
 * at most SESSION_TEAM_MAX - 1 characters. */
void session_team_clean(const char *name, char out[SESSION_TEAM_MAX]);

/* Free S; NULL is fine. */
void session_free(struct session *s);

/* Resolve the current turn with ORDERS through turn_resolve() and record it.
 * Returns 0, or -1 when the game is already over. */
int session_submit(struct session *s, const struct orders orders[SIDE_COUNT]);

/* The facilitator's change C, made now (between turns): applied to the
 * world through turn_facilitator, added to the last turn's cause log, and
 * recorded. Returns NULL, or why it is refused (S unchanged). */
const char *session_facilitate(struct session *s, struct fac_change *c);

/* Apply to W (rebuilt from S's recorded turns, W->turn of them resolved,
 * turn_resolve just done) the facilitator's changes S recorded at that
 * point. Every rebuild of a game calls it after each turn_resolve. Returns 0,
 * or -1 when a change does not apply or replay to its digest. */
int session_fac_replay(const struct session *s, struct world *w);

/* Rebuild S->world from S->start and the first N recorded turns (N <= turns),
 * dropping the turns after N. Returns 0, or -1 if a stored hash disagrees. */
int session_rewind(struct session *s, int n);

#endif
