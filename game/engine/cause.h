/* cause.h - the cause log: one typed record per variable change, and headlines.
 *
 * The engine appends; it never words anything. game/explain/explain.c turns
 * records into sentences for every front end. The log of a turn lives in the
 * world and is cleared when the next turn resolves. */
#ifndef BRINK_CAUSE_H
#define BRINK_CAUSE_H

#include <stdint.h>

#define CAUSE_MAX 512 /* records a turn; more than the rules can produce */

enum cause_kind {
	CAUSE_ORDER,      /* headline: SIDE's order SOURCE (action) resolved (region = target) */
	CAUSE_ORDER_FAILED, /* headline: the order could not be carried out; var = the
	                       unmet requirement's variable, delta = its index */
	CAUSE_ACTION,     /* a change made by SIDE's action SOURCE */
	CAUSE_AGREEMENT,  /* headline (var NONE) then changes: both sides agreed on action SOURCE */
	CAUSE_DRIFT,      /* a change by drift term SOURCE (enum drift_term) */
	CAUSE_MISCALC,    /* headline: the miscalculation check; delta = chance in 1/10000,
	                     source = 1 if it struck */
	CAUSE_INCIDENT,   /* headline (var NONE) then changes, from incident SOURCE (event index) */
	CAUSE_EVENT,      /* headline (var NONE) then changes, from event SOURCE */
	CAUSE_REGION,     /* a change by region dynamic SOURCE (enum region_term) */
	CAUSE_AP,         /* an AP modifier for next turn: region = side, source = enum ap_term */
	CAUSE_WAR,        /* headline: tension reached 100 */
	CAUSE_END,        /* headline: the last turn is over */
	CAUSE_CRISIS,     /* a crisis: headline (var NONE, source = the incident's event index,
	                     region = its region, delta = enum crisis_outcome) then changes */
	CAUSE_DETERRENCE, /* headline (var NONE): SIDE's order SOURCE on REGION was blunted by
	                     the other side's forces or alliance; delta = percent blunted */
	CAUSE_CREDIBILITY,/* a change by credibility rule SOURCE (enum credibility_term) */
	CAUSE_REFUSAL,    /* a change: SIDE left the other side's standing offer SOURCE
	                     (the proposal's action) unanswered */
	CAUSE_SCORE,      /* a change to a side's score (var SCORE, region = side) by
	                     scoring rule SOURCE (enum score_term) */
	CAUSE_FACILITATOR,/* the facilitator's change between turns (turn_facilitator),
	                     SOURCE = FAC_SOURCE(enum fac_kind, the variable set by a FAC_SET):
	                     a headline (var NONE; delta = the event for FAC_EVENT, the
	                     value set for FAC_SET, the note's index in the log for FAC_SAY)
	                     then its changes */
	CAUSE_KIND_COUNT
};

enum drift_term { DRIFT_MILITARIZATION, DRIFT_DIALOGUE, DRIFT_ARMS_CONTROL, DRIFT_CYBER, DRIFT_SPIRAL,
                  DRIFT_COUNT };
enum region_term { REGION_STABILITY, REGION_INFLUENCE, REGION_HARDENING, REGION_FORCE_DECAY, REGION_COUNT };
enum ap_term { AP_BASE, AP_SANCTIONS, AP_COHESION_LOW, AP_COHESION_HIGH, AP_COUNT };
/* How a crisis ended (CAUSE_CRISIS headline's delta). */
enum crisis_outcome { CRISIS_BOTH_BACK, CRISIS_NATO_FIRM, CRISIS_RUSSIA_FIRM, CRISIS_BOTH_FIRM,
                      CRISIS_ESCALATED, CRISIS_OUTCOME_COUNT };
/* CAUSE_CREDIBILITY sources: a red line crossed and left unanswered, one
 * answered (its tension), a red line drawn, a red line crossed (headline) */
enum credibility_term { CRED_UNANSWERED, CRED_ANSWERED, CRED_CROSSED, CRED_COUNT };
/* CAUSE_SCORE sources */
enum score_term { SCORE_CONTROL, SCORE_SECURITY, SCORE_END_CONTROL, SCORE_CREDIBILITY,
                  SCORE_WAR, SCORE_COUNT };

struct cause {
	uint8_t kind;   /* enum cause_kind */
	uint8_t side;   /* enum side of the actor, or SIDE_BOTH when none */
	uint8_t var;    /* enum var changed, or VAR_NONE for a headline */
	uint8_t region; /* region index of a region variable, else RULES_NO_REGION */
	int16_t delta;  /* the change actually applied, after clamping */
	uint16_t source;/* action, event, drift, region or AP term index (by kind) */
};

/* What the facilitator changed between turns (CAUSE_FACILITATOR's source). */
enum fac_kind { FAC_EVENT, FAC_SET, FAC_SAY, FAC_END, FAC_KIND_COUNT };
#define FAC_SOURCE(kind, var) ((uint16_t)((kind) | (var) << 4))
#define FAC_KIND(source) ((source) & 15)
#define FAC_VAR(source) ((source) >> 4)

#define CAUSE_NOTES 4     /* the facilitator's messages (FAC_SAY) a turn */
#define CAUSE_NOTE_MAX 80 /* a message's bytes, NUL included */

struct cause_log {
	uint16_t n;       /* records used */
	uint16_t dropped; /* records that did not fit (a bug if ever non-zero) */
	struct cause rec[CAUSE_MAX];
	uint8_t nnotes;   /* the facilitator's messages, named by FAC_SAY headlines */
	char note[CAUSE_NOTES][CAUSE_NOTE_MAX];
};

/* Append a record; counts it in DROPPED when the log is full. Inline: a
 * turn appends dozens, and the AI's look-ahead resolves many turns. */
static inline void cause_add(struct cause_log *log, struct cause c)
{
	if (log->n < CAUSE_MAX)
		log->rec[log->n++] = c;
	else
		log->dropped++;
}

/* Sum of the deltas recorded for VAR (in REGION, or RULES_NO_REGION). */
int cause_total(const struct cause_log *log, int var, int region);

#endif
