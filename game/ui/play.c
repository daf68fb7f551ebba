/* play.c - the play loop: briefing, orders, hand-off, resolution, autosave, game over.
 *
 * The loop keeps no state of its own beyond the session: whatever a front end
 * or an AI decides, the world moves only through session_submit(). Each side's
 * orders are gathered into a separate struct orders that the other side (an
 * AI included) never sees before resolution. Signals only raise *p->stop; the
 * loop looks at it after every step, autosaves and returns. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../engine/turn.h"
#include "../save/save.h"
#include "play.h"

/* The loop's working state for one play_run call. */
struct loop {
	struct play *p;
	const struct frontend *fe;
	void (*notice)(void *ctx, const char *msg); /* NULL: stderr */
	int saved; /* the number of turns the last good autosave held */
	int first; /* the first turn this run plays (where it would branch) */
};

static bool loop_stopped(const struct loop *l)
{
	return l->p->stop && *l->p->stop;
}

static void loop_notice(const struct loop *l, const char *msg)
{
	if (l->notice)
		l->notice(l->fe->ctx, msg);
	else
		fprintf(stderr, "brink: %s\n", msg);
}

/* Autosave unless saving is off or this very turn is already saved (a quit
 * right after a turn's end would only rewrite the same file). A failure is
 * told to the player and the game goes on: losing an autosave must not
 * lose the game being played. */
static void loop_autosave(struct loop *l)
{
	struct play *p = l->p;
	p->autosaved = p->save_dir[0] && l->saved == p->session->turns;
	if (!p->save_dir[0] || l->saved == p->session->turns)
		return;
	struct diags *ds = diags_new(); /* about 52 KB: never on the stack */
	struct session *s = p->session;
	int rc = !ds ? -1 : s->id[0] ? save_autosave(s, p->save_dir, l->first, ds)
	                  : save_claim(s, p->save_dir, p->save_name[0] ? p->save_name : s->rules.id, ds);
	if (rc == 0) {
		l->saved = p->session->turns;
		p->autosaved = true;
		/* The game's name changes when it became a branch. */
		if (strcmp(p->save_name, p->session->id)) {
			snprintf(p->save_name, sizeof p->save_name, "%s", p->session->id);
			char msg[256];
			snprintf(msg, sizeof msg, "this game went on from a save another game also went on "
			         "from: it is now a branch, saved as %s", p->save_name);
			loop_notice(l, msg);
		}
		diags_free(ds);
		return;
	}
	char msg[DIAG_FILE_MAX + DIAG_MSG_MAX + 64];
	if (ds && ds->n > 0 && ds->d[0].file[0])
		snprintf(msg, sizeof msg, "autosave failed: %s: %s", ds->d[0].file, ds->d[0].msg);
	else if (ds && ds->n > 0)
		snprintf(msg, sizeof msg, "autosave failed: %s", ds->d[0].msg);
	else
		snprintf(msg, sizeof msg, "autosave failed in %s", p->save_dir);
	diags_free(ds);
	loop_notice(l, msg);
}

void play_ai_catch_up(struct play *p)
{
	struct session *s = p->session;
	struct world w = s->start;
	for (int t = 0; t < s->turns; t++) {
		for (int side = 0; side < SIDE_COUNT; side++)
			if (s->player[side] != PLAYER_HUMAN) {
				struct orders mine;
				ai_choose(&p->ai[side], &w, &s->rules, &mine);
			}
		if (turn_resolve(&w, &s->rules, s->orders[t]) < 0 || session_fac_replay(s, &w) < 0)
			return;
	}
}

/* Gather this turn's orders of both sides into ORDERS. Returns FE_OK, or
 * the front end's FE_QUIT / FE_ERROR; a raised stop flag returns FE_OK
 * early, the caller looks at the flag. */
static enum fe_status loop_orders(struct loop *l, struct orders orders[SIDE_COUNT])
{
	struct play *p = l->p;
	struct session *s = p->session;
	const struct frontend *fe = l->fe;
	bool hotseat = s->player[SIDE_NATO] == PLAYER_HUMAN && s->player[SIDE_RUSSIA] == PLAYER_HUMAN;
	bool watch = s->player[SIDE_NATO] != PLAYER_HUMAN && s->player[SIDE_RUSSIA] != PLAYER_HUMAN;
	int asked = 0;

	memset(orders, 0, SIDE_COUNT * sizeof *orders);
	if (watch)
		fe->briefing(fe->ctx, p, SIDE_BOTH);
	for (int side = 0; side < SIDE_COUNT; side++) {
		if (loop_stopped(l))
			return FE_OK;
		if (s->player[side] != PLAYER_HUMAN) {
			ai_choose(&p->ai[side], &s->world, &s->rules, &orders[side]);
			continue;
		}
		/* Hot-seat: hide the screen between the two sides, and before
		 * the first side of a turn when the previous turn's resolution
		 * is still on it. */
		if (hotseat && (asked > 0 || s->turns > 0)) {
			enum fe_status st = fe->handoff(fe->ctx, p, side);
			if (st != FE_OK)
				return st;
			if (loop_stopped(l))
				return FE_OK;
		}
		fe->briefing(fe->ctx, p, side);
		if (loop_stopped(l))
			return FE_OK;
		enum fe_status st = fe->orders(fe->ctx, p, side, &orders[side]);
		asked++;
		if (st != FE_OK)
			return st;
	}
	return FE_OK;
}

int play_run_notify(struct play *p, const struct frontend *fe,
                    void (*notice)(void *ctx, const char *msg))
{
	if (p->link)
		return p->link->run(p->link, p, fe, notice);
	/* play_launch wrote (or found) the autosave of the turn it starts at. */
	struct loop l = { p, fe, notice, p->session->turns, p->session->turns + 1 };
	struct session *s = p->session;

	while (!s->world.over) {
		struct orders orders[SIDE_COUNT];
		enum fe_status st = loop_orders(&l, orders);
		if (loop_stopped(&l))
			break;
		if (st != FE_OK) {
			/* The orders of this turn are dropped; the autosave holds
			 * every turn resolved so far. */
			loop_autosave(&l);
			return st == FE_QUIT ? 0 : 1;
		}
		if (session_submit(s, orders) < 0)
			break;
		fe->resolution(fe->ctx, p);
		loop_autosave(&l);
		if (loop_stopped(&l))
			break;
	}
	if (loop_stopped(&l)) {
		loop_autosave(&l);
		return 0;
	}
	fe->game_over(fe->ctx, p);
	return 0;
}

int play_run(struct play *p, const struct frontend *fe)
{
	return play_run_notify(p, fe, NULL);
}

/* How far the other side's orders could move variable VAR (in REGION) in
 * direction DIR (+1 up, -1 down) this turn: each of its actions once, at its
 * best target, the largest pushes first while its action points last. */
static int play_push(const struct world *w, const struct rules *r, int other, int var, int region,
                     int dir)
{
	int push[RULES_MAX_ACTIONS], cost[RULES_MAX_ACTIONS], n = 0;
	struct orders none = { 0 };
	for (int b = 0; b < r->nactions; b++) {
		const struct action *a = &r->action[b];
		if (!rules_action_for_side(r, b, other))
			continue;
		int best = 0;
		int from = a->target == TARGET_REGION ? 0 : RULES_NO_REGION;
		int to = a->target == TARGET_REGION ? r->nregions - 1 : RULES_NO_REGION;
		for (int t = from; t <= to; t++) {
			if (order_check(w, r, other, &none, b, t, NULL) != ORDER_OK)
				continue;
			int sum = 0;
			for (int e = 0; e < a->neffects; e++) {
				int v, reg, d;
				if (turn_effect_delta(w, r, other, &a->effects[e], t, 0, &v, &reg, &d) && v == var &&
				    (var < VAR_WORLD_END || reg == region))
					sum += d * dir;
			}
			if (sum > best)
				best = sum;
		}
		if (best > 0) {
			push[n] = best;
			cost[n++] = a->cost;
		}
	}
	/* largest first, as far as the action points go */
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && push[j - 1] < push[j]; j--) {
			int tp = push[j], tc = cost[j];
			push[j] = push[j - 1];
			cost[j] = cost[j - 1];
			push[j - 1] = tp;
			cost[j - 1] = tc;
		}
	int ap = w->ap[other], total = 0;
	for (int i = 0; i < n; i++)
		if (cost[i] <= ap) {
			ap -= cost[i];
			total += push[i];
		}
	return total;
}

int play_order_risk(const struct world *w, const struct rules *r, int side, int action, int region,
                    int *reach)
{
	if ((side != SIDE_NATO && side != SIDE_RUSSIA) || action < 0 || action >= r->nactions)
		return -1;
	const struct action *a = &r->action[action];
	int other = side == SIDE_NATO ? SIDE_RUSSIA : SIDE_NATO;
	for (int k = 0; k < a->nrequires; k++) {
		const struct cond *c = &a->requires[k];
		if (c->ref.var >= VAR_COUNT)
			continue;
		int creg = c->ref.scope == SCOPE_TARGET ? region
		         : c->ref.scope == SCOPE_REGION ? c->ref.region : RULES_NO_REGION;
		const struct var_info *vi = &var_info[c->ref.var];
		int now = world_ref(w, r, c->ref, region);
		if (c->min > vi->min) {
			int low = now - play_push(w, r, other, c->ref.var, creg, -1);
			if (low < c->min) {
				*reach = low < vi->min ? vi->min : low;
				return k;
			}
		}
		if (c->max < vi->max) {
			int high = now + play_push(w, r, other, c->ref.var, creg, +1);
			if (high > c->max) {
				*reach = high > vi->max ? vi->max : high;
				return k;
			}
		}
	}
	return -1;
}

int play_order_failed(const struct cause_log *log, int side, const struct order *o)
{
	for (int i = 0; log && i < log->n; i++) {
		const struct cause *c = &log->rec[i];
		if (c->kind == CAUSE_ORDER_FAILED && c->side == side && c->source == o->action &&
		    c->region == o->region)
			return i;
	}
	return -1;
}

int play_saved_path(const struct play *p, char *out, size_t len)
{
	const struct session *s = p->session;
	char name[SESSION_ID_MAX + 16];
	if (!p->autosaved || !p->save_dir[0] || !s->id[0])
		return -1;
	snprintf(name, sizeof name, "%s-auto-%02d", s->id, s->turns);
	return save_path(p->save_dir, name, out, len) == 0 ? 0 : -1;
}
