/* explain.h - the one place that words the game: causes, orders, requirements, results.
 *
 * The engine logs typed records and holds numbers; this module turns them into
 * the player's words, so the curses UI, plain mode, the text replay, reports and
 * save diagnostics tell the same story. The front ends only lay the text out.
 * Every function writes at most LEN bytes into BUF (always terminated) and
 * returns the length it wrote, or returns a string that lives for ever. */
#ifndef BRINK_EXPLAIN_H
#define BRINK_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "../engine/cause.h"
#include "../engine/order.h"
#include "../engine/world.h"
#include "../session/session.h"

/* The band of a tension value: "Detente", "Competition", "Confrontation",
 * "Crisis", "Brink", "War": one spelling on every screen and report. */
const char *explain_band(int tension);

/* "NATO" / "Russia" from the scenario's side names. */
const char *explain_side(const struct rules *r, int side);

/* "Tension" or "Poland: stability" for a variable. */
size_t explain_var(const struct rules *r, int var, int region, char *buf, size_t len);

/* One sentence for record C, e.g.
 * "Tension +3 (NATO: Deploy forces in Poland)" or
 * "Incident: Airspace violation over the Baltics". Returns strlen. */
size_t explain_cause(const struct rules *r, const struct cause *c, char *buf, size_t len);

/* What a score term (enum score_term) counts: "regions held this turn". */
const char *explain_score_term(int term);

/* The same term summed over a whole game: "regions held, turn by turn" (a
 * game's total is no "this turn"). */
const char *explain_score_total(int term);

/* explain_cause for record I of LOG, with what its headline adds: a change
 * of a world variable by an order also names the order's region,
 * "Tension +2 (NATO: Deploy forces in Poland)". Returns strlen. */
size_t explain_cause_in(const struct rules *r, const struct cause_log *log, int i, char *buf,
                        size_t len);

/* A variable reference as written in files: "tension", "poland.stability". */
size_t explain_ref(const struct rules *r, struct varref ref, char *buf, size_t len);

/* "2025-Q1" for turn T. */
size_t explain_date(const struct rules *r, int t, char *buf, size_t len);

/* A scenario's span: "From 2025-Q1, 12 turns of a quarter year." */
size_t explain_span(int year, int quarter, int turns, char *buf, size_t len);

/* The result line's word: "nato", "russia", "draw", "war"; a cooperative
 * win (RESULT_PEACE) reads "draw": the contract has no other word. */
const char *explain_result(int result);

/* The result as files write it (saves, CSV): "none", "nato", "russia",
 * "draw", "war", "peace". */
const char *explain_result_id(int result);

/* The result as a sentence for people, e.g. "NATO wins on points: more
 * than 2 ahead at the end." or "War: tension reached 100. Both sides lose." */
size_t explain_outcome(const struct rules *r, int result, char *buf, size_t len);

/* The result in a few words for tables: "NATO wins", "war: both sides lose". */
size_t explain_outcome_short(const struct rules *r, int result, char *buf, size_t len);

/* An order for people: "Deploy forces in Poland", "Propose talks". */
size_t explain_order(const struct rules *r, const struct order *o, char *buf, size_t len);

/* Orders for people, "; " between them: "Deploy forces in Poland; Propose
 * talks", or "none". */
size_t explain_orders(const struct rules *r, const struct orders *o, char *buf, size_t len);

/* An order as files write it: "deploy" SEP "poland", or "talks". */
size_t explain_order_ids(const struct rules *r, const struct order *o, char sep, char *buf,
                         size_t len);

/* A value of variable VAR for people: "nato" for enum variables, "+20" for
 * signed ones (alignment), else "20". */
size_t explain_value(int var, int value, char *buf, size_t len);

/* Requirement K of an action in the player's words, for the target region
 * TARGET (RULES_NO_REGION: not chosen yet): "needs alignment of at least +20
 * in Ukraine", "needs tension of at most 60". */
size_t explain_cond(const struct rules *r, const struct cond *k, int target, char *buf, size_t len);

/* The value K's variable has now, for TARGET: "+12", "frozen". */
size_t explain_cond_now(const struct world *w, const struct rules *r, const struct cond *k,
                        int target, char *buf, size_t len);

/* An order that may still fail: requirement K (for TARGET) could be broken
 * by OTHER's orders this turn, which could bring its variable to REACH:
 * "may fail: Russia's orders this turn could bring alignment in Poland to
 * +12 first; it needs alignment of at least +20 in Poland". */
size_t explain_risk(const struct rules *r, const struct cond *k, int target, int other, int reach,
                    char *buf, size_t len);

/* One step on the road to war: record INDEX of turn TURN's cause log. */
struct explain_step {
	int turn, index;
};

/* The MAX biggest changes of variable VAR in REGION (RULES_NO_REGION for a
 * world variable) over turns FROM..TO-1 of LOGS, biggest first (by size,
 * up or down; only rises when RISES), among equals the earliest. A failed
 * order's records are no push. Returns how many. */
int explain_pushes(const struct cause_log *logs, int from, int to, int var, int region, bool rises,
                   struct explain_step *out, int max);

/* The road to war: the MAX biggest rises of tension in the last WINDOW of
 * the NTURNS turns of LOGS (among equal rises the earliest), into OUT in the
 * order they happened. Returns how many. */
int explain_war_road(const struct cause_log *logs, int nturns, int window,
                     struct explain_step *out, int max);

/* How a game is scored, in one paragraph with R's numbers (the standard
 * rules' when R is NULL): holding a region, every turn and at the end, the
 * security share, credibility, the draw margin, war; and the cooperative
 * goal where R has it. */
size_t explain_scoring(const struct rules *r, char *buf, size_t len);

/* The push that took tension to 100: the last rise of tension in turn
 * NTURNS-1 of LOGS (a failed order's records are no push), into OUT.
 * Returns 1, or 0 when there is none. */
int explain_war_last(const struct cause_log *logs, int nturns, struct explain_step *out);

/* Where a what-if branched: "a what-if: a branch of door-closed-9 from the
 * start of turn 5 (2026-Q1)". Empty (returns 0) when S is not a branch. */
size_t explain_branch(const struct session *s, char *buf, size_t len);

/* A game shorter than its scenario: "6 of the scenario's 12 turns (--turns)".
 * Empty (returns 0) when it has the scenario's length. */
size_t explain_length(const struct session *s, char *buf, size_t len);

/* The open crisis of W as SIDE faces it: what happened, the stakes, the two
 * choices and their odds (several lines, no trailing newline). Empty (0)
 * when no crisis is open. */
size_t explain_crisis(const struct rules *r, const struct world *w, int side, char *buf, size_t len);

/* The numbers the screens show that no record changes directly, derived
 * from others: what each is made of now (and, given PREV, the world a turn
 * before, how its inputs moved). */
enum explain_measure {
	EXPLAIN_SECURITY,       /* the security index */
	EXPLAIN_MISCALC,        /* the chance of a miscalculation this turn */
	EXPLAIN_MILITARIZATION, /* a region's militarization */
	EXPLAIN_VULNERABILITY,  /* a region's vulnerability */
	EXPLAIN_MEASURES
};
#define EXPLAIN_MEASURE_W 200 /* the longest line of explain_measure and explain_turn_summary */

/* "security_index", "miscalculation", "militarization", "vulnerability". */
const char *explain_measure_id(int m);

/* The measure named NAME (its id or "security", "miscalc"), or -1. */
int explain_measure_find(const char *name);

/* Measure M of W (for REGION where it is a region's) in lines: its value,
 * what it is made of, term by term. Returns the lines written (at most MAX). */
int explain_measure(const struct world *w, const struct world *prev, const struct rules *r, int m,
                    int region, char out[][EXPLAIN_MEASURE_W], int max);

/* Turn T of S (0-based) in a few lines, for the top of its resolution and
 * the next briefing: the tension change, agreements, incidents and events,
 * failed orders, action points for the next turn, and the proposals one side
 * made that the other did not match (for SIDE only, "you did not", unless
 * SIDE is SIDE_BOTH). Returns the lines written (at most MAX). */
int explain_turn_summary(const struct session *s, int t, int side, char out[][EXPLAIN_MEASURE_W],
                         int max);

#endif
