/* ai.h - AI players behind one interface: levels and study personalities.
 *
 * An AI sees only what its side could know: the world (which holds the last
 * turn's public cause log, never pending orders) and the rules. Its own random
 * stream lives in struct ai, so the same seed gives the same choices. */
#ifndef BRINK_AI_H
#define BRINK_AI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../engine/order.h"

enum ai_level {
	AI_EASY, AI_NORMAL, AI_HARD,
	AI_HAWK, AI_DOVE, AI_TIT_FOR_TAT, AI_RANDOM,
	AI_GREEDY,
	AI_LEVEL_COUNT
};

struct ai {
	uint8_t level;     /* enum ai_level */
	uint8_t side;      /* enum side it plays */
	uint64_t rng;      /* its own random stream */
	uint32_t budget;   /* hard: playouts per decision (not wall time, for determinism) */
	uint8_t unanswered;/* turns in a row its proposals went unmatched (from the public log) */
	uint8_t yielded;   /* it backed down alone in the last crisis: it will not twice running */
	/* the other side's record (from the public log): its orders, those that
	 * pressed, the crises it stood firm in and backed down from */
	uint16_t opp_orders, opp_press;
	uint8_t opp_firm, opp_back;
	uint8_t tense;     /* tension was 60 or more at its last decision */
};

/* True when the other side's record is a bully's: it has pressed with at
 * least AI_BULLY_PCT percent of its orders (six or more) and never backed down
 * in a crisis. Normal and hard then answer with deterrence, not concessions. */
#define AI_BULLY_PCT 60
#define AI_DETER_RISK 5 /* the risk weight (percent) normal and hard keep against a bully */
/* tit-for-tat's tilt (units per AP) toward pressure when pressed, toward
 * cooperation when not */
#define AI_TFT_ANSWER_TILT 60
#define AI_TFT_NICE_TILT 10
bool ai_faces_bully(const struct ai *ai);

/* A ranked short list of a side's allowed single orders and their estimated
 * worth (built by the AI, game/ai/ai_policy.h). */
#define AI_MENU_MAX 8
struct ai_pick {
	int worth;      /* gain per AP, times 10: the ranking key */
	int16_t gain;   /* estimated worth gained by the order */
	int16_t stance; /* ai_action_stance of its action */
	uint8_t action, region, match; /* match: assumed percent chance a proposal is matched */
};
struct ai_menu {
	int n;
	struct ai_pick p[AI_MENU_MAX];
};

/* Menus already built on one world, shared by the AIs that decide on it: in
 * a simulated game each side's AI also builds the other side's menu (to
 * sample its replies), the very menu that side builds for itself. Valid for
 * one world only: its owner clears it (ai_memo_clear) whenever the world
 * changes. A plain value, no pointers. */
#define AI_MEMO_MAX 4
#define AI_MEMO_KEY 24 /* ints: room for a struct ai_weights */
struct ai_memo {
	int n;
	struct {
		uint8_t side;
		int key[AI_MEMO_KEY]; /* the weights it was built with, minus those only ai_menu_fill reads */
		struct ai_menu menu;
	} e[AI_MEMO_MAX];
};

/* Forget every menu of MEMO (the world it was filled on has changed). */
void ai_memo_clear(struct ai_memo *memo);

/* Set up an AI of LEVEL for SIDE, seeded from SEED. */
void ai_init(struct ai *ai, int level, int side, uint64_t seed);

/* Choose this turn's orders into OUT (cleared first). Never fails: at worst
 * the orders are empty. */
void ai_choose(struct ai *ai, const struct world *w, const struct rules *r, struct orders *out);

/* ai_choose() sharing MEMO (NULL: none) with the other AIs that decide on W
 * this turn: the same choices, with less work. */
void ai_choose_shared(struct ai *ai, const struct world *w, const struct rules *r, struct ai_memo *memo,
                      struct orders *out);

/* Stand firm or back down in W's open crisis (CRISIS_NONE when none). */
int ai_crisis_choice(struct ai *ai, const struct world *w, const struct rules *r);

/* "normal" -> AI_NORMAL, ...; -1 when unknown. */
int ai_level_parse(const char *name);
const char *ai_level_name(int level);

/* Every level's name, "easy, normal, ..., greedy", into BUF: the one list
 * that help texts and error messages show. */
void ai_level_list(char *buf, size_t len);

#endif
