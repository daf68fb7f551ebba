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
