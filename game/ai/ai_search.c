/* ai_search.c - the thinking levels: normal looks one turn ahead against the
 * reply it expects; hard runs Monte Carlo playouts within a fixed budget.
 *
 * Both build a few candidate order sets from the side's menu of single
 * orders (ai_menu_build, ai_menu_fill in ai_eval.c), then play each
 * through turn_resolve() on copies of the world (a struct world copies with
 * '='). The copy's rules stream is reseeded from the AI's own stream, so the
 * AI never peeks at the real dice; every candidate meets the same sampled
 * replies and dice (common random numbers), so the comparison is fair.
 * Normal samples one reply and takes its candidates from the menu's own
 * estimates (games a second: make bench); hard re-estimates its greedy set
 * after each pick and plays its candidates out against many replies.
 * The budget is a count of playouts, not a clock, so a seed always gives the
 * same choice. No allocation: everything lives on the stack. */
#include <string.h>

#include "../engine/rng.h"
#include "../engine/turn.h"
#include "ai_policy.h"

#define CAND_MAX 8
#define HARD_HORIZON 2   /* turns a playout runs past the decision turn */

static uint64_t rng_next64(uint64_t *rng)
{
	uint64_t hi = rng_next(rng);
	return hi << 32 | rng_next(rng);
}

static bool orders_equal(const struct orders *a, const struct orders *b)
{
	if (a->n != b->n)
		return false;
	for (int i = 0; i < a->n; i++)
		if (a->list[i].action != b->list[i].action || a->list[i].region != b->list[i].region)
			return false;
	return true;
}

static int cand_add(struct orders *cand, int n, const struct orders *o)
{
	for (int i = 0; i < n; i++)
		if (orders_equal(&cand[i], o))
			return n;
	cand[n] = *o;
	return n + 1;
}

/* Candidate order sets for SIDE from its menu M: the greedy best (its
 * orders re-estimated after each pick when REFINE, else the menu's
 * estimates), greedy sets opening with the 2nd..VARIANTS-th best order, and
 * one tilted toward cooperation and one toward pressure. Empty variants are
 * dropped. */
static int cand_build(const struct world *w, const struct rules *r, int side, const struct ai_weights *wt,
                      const struct ai_menu *m, int variants, bool refine, struct orders cand[CAND_MAX])
{
	struct ai_weights quick = *wt; /* variants keep the menu's estimates: cheaper */
	quick.quick = 1;
	struct orders o;
	int n = 0;
	ai_menu_fill(w, r, side, refine ? wt : &quick, m, -1, 0, NULL, &o);
	n = cand_add(cand, n, &o);
	for (int f = 1; f < variants && n < CAND_MAX - 2; f++) {
		ai_menu_fill(w, r, side, &quick, m, f, 0, NULL, &o);
		if (o.n > 0)
			n = cand_add(cand, n, &o);
	}
	ai_menu_fill(w, r, side, &quick, m, -1, 40, NULL, &o);
	n = cand_add(cand, n, &o);
	ai_menu_fill(w, r, side, &quick, m, -1, -40, NULL, &o);
	n = cand_add(cand, n, &o);
	return n;
}

/* The model of the other side: a sound player that sometimes errs; a side
 * whose record is a bully's is expected to press as a hawk does. */
static struct ai_weights reply_model(const struct ai *ai)
{
	struct ai_weights m = *ai_weights_of(ai && ai_faces_bully(ai) ? AI_HAWK : AI_NORMAL);
	m.noise = 15;
	m.topk = 2;
	m.quick = 1;
	return m;
}

static int best_of(const long *val, int n)
{
	int best = 0;
	for (int i = 1; i < n; i++)
		if (val[i] > val[best])
			best = i;
	return best;
}

/* One round of the look-ahead: a reply of the other side drawn from its
 * menu THEIRS with MODEL's weights, and the dice, met by every candidate
 * (common random numbers). Each candidate's position after the turn, and
 * after HORIZON more turns in which both sides play a sound player's quick
 * greedy sets (a playout), is weighed for the AI's side and added to VAL. */
static void play_round(struct ai *ai, const struct world *w, const struct rules *r,
                       const struct ai_weights *wt, const struct ai_weights *model,
                       const struct ai_menu *theirs, const struct orders *cand, int n, int horizon,
                       long *val)
{
	int side = ai->side, opp = 1 - side;
	struct ai_weights fast = reply_model(NULL);
	struct orders both[SIDE_COUNT];
	ai_menu_fill(w, r, opp, model, theirs, -1, 0, &ai->rng, &both[opp]);
	uint64_t dice = rng_next64(&ai->rng);
	struct world s;
	for (int c = 0; c < n; c++) {
		world_copy_state(&s, w);
		s.rng = rng_mix(dice);
		uint64_t play = dice ^ 0x9e3779b97f4a7c15ULL;
		both[side] = cand[c];
		turn_resolve(&s, r, both);
		for (int h = 0; h < horizon && !s.over; h++) {
			struct orders next[SIDE_COUNT];
			ai_fill(&s, r, side, &fast, -1, &play, &next[side]);
			ai_fill(&s, r, opp, &fast, -1, &play, &next[opp]);
			turn_resolve(&s, r, next);
		}
		val[c] += ai_eval(&s, r, side, wt);
	}
}

void ai_search_normal(struct ai *ai, const struct world *w, const struct rules *r,
                      const struct ai_weights *wt, struct ai_memo *memo, struct orders *out)
{
	int side = ai->side, opp = 1 - side;
	struct ai_weights model = reply_model(ai);
	struct ai_menu mine, theirs;
	ai_menu_get(memo, w, r, side, wt, &mine);
	struct orders cand[CAND_MAX];
	int n = cand_build(w, r, side, wt, &mine, 2, false, cand);
	if (n == 1) {
		*out = cand[0];
		return;
	}
	ai_menu_get(memo, w, r, opp, &model, &theirs);
	long val[CAND_MAX] = { 0 };
	play_round(ai, w, r, wt, &model, &theirs, cand, n, 0, val);
	*out = cand[best_of(val, n)];
}

void ai_search_hard(struct ai *ai, const struct world *w, const struct rules *r,
                    const struct ai_weights *wt, struct ai_memo *memo, struct orders *out)
{
	int side = ai->side, opp = 1 - side;
	struct ai_weights model = reply_model(ai);
	struct ai_menu mine, theirs;
	ai_menu_get(memo, w, r, side, wt, &mine);
	struct orders cand[CAND_MAX];
	int n = cand_build(w, r, side, wt, &mine, 5, true, cand);
	if (n == 1) {
		*out = cand[0];
		return;
	}
	ai_menu_get(memo, w, r, opp, &model, &theirs);
	uint32_t budget = ai->budget ? ai->budget : AI_HARD_BUDGET;
	int rounds = (int)(budget / (uint32_t)n);
	if (rounds < 1)
		rounds = 1;
	long val[CAND_MAX] = { 0 };
	for (int k = 0; k < rounds; k++)
		play_round(ai, w, r, wt, &model, &theirs, cand, n, HARD_HORIZON, val);
	*out = cand[best_of(val, n)];
}
