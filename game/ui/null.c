/* null.c - the null front end: no screen; orders from AIs or a script; counts every call. */
#include <string.h>

#include "null.h"

static void null_briefing(void *ctx, struct play *p, int side)
{
	struct null_fe *n = ctx;
	(void)side;
	n->briefings++;
	if (n->stop_at >= 0 && p->session->world.turn >= n->stop_at && n->stop)
		*n->stop = 1;
}

static enum fe_status null_orders(void *ctx, struct play *p, int side, struct orders *out)
{
	struct null_fe *n = ctx;
	const struct session *s = p->session;
	n->orders++;
	memset(out, 0, sizeof *out);
	if (n->quit_at >= 0 && s->world.turn >= n->quit_at)
		return FE_QUIT;
	int k = s->world.turn * SIDE_COUNT + side;
	if (n->use_ai[side])
		ai_choose(&n->ai[side], &s->world, &s->rules, out);
	else if (n->script && k < n->nscript)
		*out = n->script[k];
	return FE_OK;
}

static enum fe_status null_handoff(void *ctx, struct play *p, int next_side)
{
	struct null_fe *n = ctx;
	(void)p;
	if (n->handoffs < (int)(sizeof n->handoff_to / sizeof n->handoff_to[0]))
		n->handoff_to[n->handoffs] = next_side;
	n->handoffs++;
	return FE_OK;
}

static void null_resolution(void *ctx, struct play *p)
{
	struct null_fe *n = ctx;
	const struct session *s = p->session;
	n->resolutions++;
	const char *why = world_check(&s->world, &s->rules);
	if (why && !n->broken) {
		n->broken = why;
		n->broken_turn = s->world.turn;
	}
}

static void null_game_over(void *ctx, struct play *p)
{
	struct null_fe *n = ctx;
	(void)p;
	n->game_overs++;
}

void null_notice(void *ctx, const char *msg)
{
	struct null_fe *n = ctx;
	(void)msg;
	n->notices++;
}

void null_init(struct null_fe *n, struct frontend *fe)
{
	memset(n, 0, sizeof *n);
	n->quit_at = -1;
	n->stop_at = -1;
	fe->ctx = n;
	fe->briefing = null_briefing;
	fe->orders = null_orders;
	fe->handoff = null_handoff;
	fe->resolution = null_resolution;
	fe->game_over = null_game_over;
}
