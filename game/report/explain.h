/* explain.h - cause records and numbers into words, for every front end and report.
 *
 * The engine logs typed records; this module is the one place that words them,
 * so the curses UI, plain mode and reports tell the same story. */
#ifndef BRINK_EXPLAIN_H
#define BRINK_EXPLAIN_H

#include <stddef.h>

#include "../engine/cause.h"
#include "../engine/world.h"
#include "../session/session.h"

/* The band of a tension value: "Detente", "Competition", "Confrontation",
 * "Crisis", "Brink", "War". UTF8 selects "Détente". */
const char *explain_band(int tension, int utf8);

/* "NATO" / "Russia" from the scenario's side names. */
const char *explain_side(const struct rules *r, int side);

/* "Tension" or "Poland: stability" for a variable. */
size_t explain_var(const struct rules *r, int var, int region, char *buf, size_t len);

/* One sentence for record C, e.g.
 * "Tension +3 (NATO: Deploy forces in Poland)" or
 * "Incident: Airspace violation over the Baltics". Returns strlen. */
size_t explain_cause(const struct rules *r, const struct cause *c, char *buf, size_t len);

/* A variable reference as written in files: "tension", "poland.stability". */
size_t explain_ref(const struct rules *r, struct varref ref, char *buf, size_t len);

/* "2025-Q1" for turn T. */
size_t explain_date(const struct rules *r, int t, char *buf, size_t len);

/* The result line's word: "nato", "russia", "draw", "war"; a cooperative
 * win (RESULT_PEACE) reads "draw": the contract has no other word. */
const char *explain_result(int result);

/* Where a what-if branched: "a what-if: a branch of door-closed-9 from the
 * start of turn 5 (2026-Q1)". Empty (returns 0) when S is not a branch. */
size_t explain_branch(const struct session *s, char *buf, size_t len);

/* A game shorter than its scenario: "6 of the scenario's 12 turns (--turns)".
 * Empty (returns 0) when it has the scenario's length. */
size_t explain_length(const struct session *s, char *buf, size_t len);

#endif
