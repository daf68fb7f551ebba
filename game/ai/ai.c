/* ai.c - the AI's one entry point: levels, personalities, and their names.
 *
 * ai_choose() sees only the world (with last turn's public cause log) and the
 * rules, never the other side's pending orders. Its randomness comes from its
 * own stream in struct ai, so a seed gives the same choices every time.
 * Nothing here allocates. */
#include <stdio.h>
#include <string.h>

#include "../engine/rng.h"
#include "../engine/turn.h"
#include "ai_policy.h"

static const char *const level_names[AI_LEVEL_COUNT] = {
	[AI_EASY] = "easy",     [AI_NORMAL] = "normal",           [AI_HARD] = "hard",
	[AI_HAWK] = "hawk",     [AI_DOVE] = "dove",               [AI_TIT_FOR_TAT] = "tit-for-tat",
	[AI_RANDOM] = "random", [AI_GREEDY] = "greedy",
};

void ai_init(struct ai *ai, int level, int side, uint64_t seed)
{
	memset(ai, 0, sizeof *ai);
	ai->level = (uint8_t)(level >= 0 && level < AI_LEVEL_COUNT ? level : AI_NORMAL);
	ai->side = (uint8_t)(side == SIDE_RUSSIA ? SIDE_RUSSIA : SIDE_NATO);
	/* a stream of its own, apart from the world's even for the same seed */
	ai->rng = rng_mix(seed ^ 0x5bd1e9955bd1e995ULL ^ ((uint64_t)ai->side << 32));
	ai->budget = ai->level == AI_HARD ? AI_HARD_BUDGET : 0;
}

/* Tit-for-tat: open cooperatively, then answer the other side's last turn in
 * kind, reading its pressure and its offers apart (the same rule for both
 * sides): pressure is answered with pressure, an offer with the same offer. */
static void choose_tit_for_tat(struct ai *ai, const struct world *w, const struct rules *r,
                               struct ai_memo *memo, struct orders *out)
{
	struct ai_reading last;
	ai_read_last(w, r, 1 - ai->side, &last);
	bool answer = last.press > 0;
	/* pressed: the hawk's weights, tilted to pressure (the answer is
	 * unmistakable); not pressed: its own sound judgement leaning to
	 * cooperation, not the dove's, which any side that pauses could exploit */
	const struct ai_weights *wt = ai_weights_of(answer ? AI_HAWK : AI_TIT_FOR_TAT);
	struct ai_menu m;
	ai_menu_get(memo, w, r, ai->side, wt, &m);
	ai_menu_fill(w, r, ai->side, wt, &m, -1, answer ? -AI_TFT_ANSWER_TILT : AI_TFT_NICE_TILT, &ai->rng, out);
	if (!answer || last.offers == 0)
		return;
	/* ... and an offer is met by the same offer, in place of pressure if need be */
	for (int i = 0; i < w->log.n && i < CAUSE_MAX; i++) {
		const struct cause *c = &w->log.rec[i];
		if (c->kind != CAUSE_ORDER || c->side == ai->side || !rules_action_is_proposal(r, c->source))
			continue;
		for (int k = 0; k < out->n; k++)
			if (out->list[k].action == c->source)
				return;
		while (out->n > 0 && orders_add(w, r, ai->side, out, c->source, c->region, NULL) == ORDER_NO_AP)
			out->n--;
		if (out->n == 0)
			orders_add(w, r, ai->side, out, c->source, c->region, NULL);
		return;
	}
}

/* Did this side's proposals of last turn go unmatched? From the public log. */
static void track_offers(struct ai *ai, const struct world *w, const struct rules *r)
{
	bool offered = false, agreed = false;
	for (int i = 0; i < w->log.n && i < CAUSE_MAX; i++) {
		const struct cause *c = &w->log.rec[i];
		if (c->kind == CAUSE_ORDER && c->side == ai->side && rules_action_is_proposal(r, c->source))
			offered = true;
		if (c->kind == CAUSE_AGREEMENT && c->var == VAR_NONE)
			agreed = true;
	}
	int opp = 1 - ai->side;
	for (int i = 0; i < w->log.n && i < CAUSE_MAX; i++) {
		const struct cause *c = &w->log.rec[i];
		if (c->kind != CAUSE_CRISIS || c->var != VAR_NONE)
			continue;
		ai->yielded = c->delta == (ai->side == SIDE_NATO ? CRISIS_RUSSIA_FIRM : CRISIS_NATO_FIRM);
		bool firm = c->delta == CRISIS_BOTH_FIRM || c->delta == CRISIS_ESCALATED ||
		            c->delta == (opp == SIDE_NATO ? CRISIS_NATO_FIRM : CRISIS_RUSSIA_FIRM);
		if (firm && ai->opp_firm < 255)
			ai->opp_firm++;
		else if (!firm && ai->opp_back < 255)
			ai->opp_back++;
	}
	struct ai_reading last;
	ai_read_last(w, r, opp, &last);
	ai->tense = w->v[VAR_TENSION] >= 60;
	if (ai->opp_orders < 60000) {
		ai->opp_orders = (uint16_t)(ai->opp_orders + last.orders);
		ai->opp_press = (uint16_t)(ai->opp_press + last.press);
	}
	if (agreed)
		ai->unanswered = 0;
	else if (offered && ai->unanswered < 255)
		ai->unanswered++;
}

bool ai_faces_bully(const struct ai *ai)
{
	return ai->opp_orders >= 6 && ai->opp_press * 100 >= AI_BULLY_PCT * ai->opp_orders && ai->opp_firm >= 1 &&
	       ai->opp_back == 0;
}

int ai_crisis_choice(struct ai *ai, const struct world *w, const struct rules *r)
{
	if (!w->crisis || w->over)
		return CRISIS_NONE;
	switch (ai->level) {
	case AI_HAWK: return CRISIS_FIRM;
	case AI_DOVE: return CRISIS_BACK;
	case AI_RANDOM: return rng_below(&ai->rng, 2) ? CRISIS_FIRM : CRISIS_BACK;
	case AI_TIT_FOR_TAT: {
		struct ai_reading last;
		ai_read_last(w, r, 1 - ai->side, &last);
		return last.press > 0 ? CRISIS_FIRM : CRISIS_BACK;
	}
	default: break;
	}
	if ((ai->level == AI_NORMAL || ai->level == AI_HARD) && ai_faces_bully(ai))
		return CRISIS_FIRM; /* a bully is not appeased by backing down */
	/* Chicken: the worth of each outcome for this side, then the mixed
	 * strategy of the game's equilibrium (stand firm with the chance that
	 * would leave a like-minded other side indifferent): a threat that
	 * leaves something to chance. */
	int side = ai->side;
	const struct ai_weights *wt = ai_weights_of(ai->level);
	int war = world_crisis_war_pct(w, r);
	long v[4]; /* FB: firm alone, BB, BF: back alone, FF */
	static const int mine_firm[4] = { 1, 0, 0, 1 }, theirs_firm[4] = { 0, 0, 1, 1 };
	for (int k = 0; k < 4; k++) {
		bool f[SIDE_COUNT];
		f[side] = mine_firm[k];
		f[1 - side] = theirs_firm[k];
		int outcome = f[SIDE_NATO] && f[SIDE_RUSSIA] ? CRISIS_BOTH_FIRM
		              : f[SIDE_NATO]                  ? CRISIS_NATO_FIRM
		              : f[SIDE_RUSSIA]                ? CRISIS_RUSSIA_FIRM
		                                              : CRISIS_BOTH_BACK;
		struct world s;
		world_copy_state(&s, w);
		turn_crisis_outcome(&s, r, outcome);
		v[k] = ai_eval(&s, r, side, wt);
		if (outcome == CRISIS_BOTH_FIRM)
			v[k] = (v[k] * (100 - war) - (long)wt->war * war) / 100;
	}
	long gain = v[0] - v[1], loss = v[2] - v[3];
	if (ai->yielded && ai->level != AI_EASY)
		return CRISIS_FIRM; /* bullied last time: not again (a reputation to rebuild) */
	if (gain <= 0)
		return CRISIS_BACK;
	if (loss <= 0)
		return CRISIS_FIRM;
	long pct = gain * 100 / (gain + loss);
	return (long)rng_below(&ai->rng, 100) < pct ? CRISIS_FIRM : CRISIS_BACK;
}

void ai_choose(struct ai *ai, const struct world *w, const struct rules *r, struct orders *out)
{
	ai_choose_shared(ai, w, r, NULL, out);
}

void ai_choose_shared(struct ai *ai, const struct world *w, const struct rules *r, struct ai_memo *memo,
                      struct orders *out)
{
	out->n = 0;
	out->crisis = CRISIS_NONE;
	if (w->over)
		return;
	if (ai->level == AI_RANDOM) {
		ai_random_orders(w, r, ai->side, &ai->rng, out);
		out->crisis = (uint8_t)ai_crisis_choice(ai, w, r);
		return;
	}
	track_offers(ai, w, r);
	struct ai_weights wt = *ai_weights_of(AI_NORMAL);
	if (ai->unanswered >= 2)
		wt.trust = 0; /* it stops offering to a side that never answers */
	if ((ai->level == AI_NORMAL || ai->level == AI_HARD) && ai_faces_bully(ai)) {
		/* deterrence, not concessions: no offers to a side that only
		 * presses, and less fear of the war it threatens */
		wt.trust = 0;
		wt.echo = 0;
		wt.risk = AI_DETER_RISK;
	}
	switch (ai->level) {
	case AI_RANDOM:
		ai_random_orders(w, r, ai->side, &ai->rng, out);
		break;
	case AI_TIT_FOR_TAT:
		choose_tit_for_tat(ai, w, r, memo, out);
		break;
	case AI_NORMAL:
		ai_search_normal(ai, w, r, &wt, memo, out);
		break;
	case AI_HARD:
		ai_search_hard(ai, w, r, &wt, memo, out);
		break;
	default: { /* easy, hawk, dove, greedy: one ply, each with its weights */
		const struct ai_weights *own = ai_weights_of(ai->level);
		struct ai_menu m;
		ai_menu_get(memo, w, r, ai->side, own, &m);
		ai_menu_fill(w, r, ai->side, own, &m, -1, 0, &ai->rng, out);
		break;
	}
	}
	out->crisis = (uint8_t)ai_crisis_choice(ai, w, r);
}

int ai_level_parse(const char *name)
{
	if (!name)
		return -1;
	for (int i = 0; i < AI_LEVEL_COUNT; i++)
		if (!strcmp(name, level_names[i]))
			return i;
	if (!strcmp(name, "tft"))
		return AI_TIT_FOR_TAT;
	return -1;
}

const char *ai_level_name(int level)
{
	return level >= 0 && level < AI_LEVEL_COUNT ? level_names[level] : "unknown";
}

void ai_level_list(char *buf, size_t len)
{
	size_t n = 0;
	if (len)
		buf[0] = '\0';
	for (int i = 0; i < AI_LEVEL_COUNT && n < len; i++)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", i ? ", " : "", level_names[i]);
}
