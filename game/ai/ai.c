/* ai.c - the AI's one entry point: levels, personalities, and their names.
 *
 * ai_choose() sees only the world (with last turn's public cause log) and the
 * rules, never the other side's pending orders. Its randomness comes from its
 * own stream in struct ai, so a seed gives the same choices every time.
 * Nothing here allocates. */
#include <stdio.h>
#include <string.h>

#include "../engine/rng.h"
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
 * kind, judged by the stance of the orders it gave (from the public log). */
static void choose_tit_for_tat(struct ai *ai, const struct world *w, const struct rules *r,
                               struct orders *out)
{
	int n = 0;
	int stance = ai_last_stance(w, r, 1 - ai->side, &n);
	bool answer = n > 0 && stance > 0;
	const struct ai_weights *wt = ai_weights_of(answer ? AI_HAWK : AI_DOVE);
	struct ai_menu m;
	ai_menu_build(w, r, ai->side, wt, &m);
	/* the tilt makes the answer unmistakable: pressure for pressure */
	ai_menu_fill(w, r, ai->side, wt, &m, -1, answer ? -60 : 60, &ai->rng, out);
}

void ai_choose(struct ai *ai, const struct world *w, const struct rules *r, struct orders *out)
{
	out->n = 0;
	if (w->over)
		return;
	switch (ai->level) {
	case AI_RANDOM:
		ai_random_orders(w, r, ai->side, &ai->rng, out);
		break;
	case AI_TIT_FOR_TAT:
		choose_tit_for_tat(ai, w, r, out);
		break;
	case AI_NORMAL:
		ai_search_normal(ai, w, r, out);
		break;
	case AI_HARD:
		ai_search_hard(ai, w, r, out);
		break;
	default: /* easy, hawk, dove, greedy: one ply, each with its weights */
		ai_fill(w, r, ai->side, ai_weights_of(ai->level), -1, &ai->rng, out);
		break;
	}
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
