/* tui_replay.c - the replay viewer: a finished or saved game, turn by turn, forward and back.
 *
 * The world of every turn is rebuilt from s->start and the recorded orders
 * through turn_resolve (the one way the world moves), so the viewer shows
 * exactly what was played; S itself is never changed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../engine/turn.h"
#include "../explain/explain.h"
#include "tui.h"
#include "tui_game.h"
#include "tui_projector.h"

static const char *const replay_footer[] = {
	"Left/Right", "turn", "Home/End", "first/last", "Up/Down", "news", "x", "explain",
	"?", "help", "q", "leave",
};

int tui_replay_run(struct tui *t, const struct session *s)
{
	int turns = s->turns;
	struct world *worlds = malloc(sizeof *worlds * (size_t)(turns + 1));
	struct map_art *art = malloc(sizeof *art * 2);
	if (!worlds || !art) {
		free(worlds);
		free(art);
		return 0;
	}
	worlds[0] = s->start;
	for (int k = 0; k < turns; k++) {
		worlds[k + 1] = worlds[k];
		turn_resolve(&worlds[k + 1], &s->rules, s->orders[k]);
		session_fac_replay(s, &worlds[k + 1]);
	}
	tui_art_for(&art[0], &s->rules, false);
	tui_art_for(&art[1], &s->rules, true);
	struct tui_view v;
	memset(&v, 0, sizeof v);
	v.r = &s->rules;
	v.s = s;
	v.side = SIDE_BOTH;
	v.art = &art[0];
	v.art_large = &art[1];
	v.footer = replay_footer;
	v.nfooter = (int)(sizeof replay_footer / sizeof replay_footer[0]);
	/* From the first turn: a replay is watched from the beginning. */
	int cur = turns > 0 ? 1 : 0, rc = 0;
	for (;;) {
		v.w = &worlds[cur];
		v.log = cur > 0 ? &s->log[cur - 1] : NULL;
		v.news_turn = cur - 1;
		v.shown = cur > 0 ? s->orders[cur - 1] : NULL;
		/* The header and the side panel name the same turn: the one
		 * whose orders and news are shown, the map as it left it. */
		char date[32], from[96] = "";
		explain_date(&s->rules, cur > 0 ? cur - 1 : 0, date, sizeof date);
		if (s->branch_turn)
			snprintf(from, sizeof from, "  |  a what-if from %.40s%s", s->branch_from,
			         cur < s->branch_turn ? " (before the branch)" : "");
		char head[sizeof v.title + sizeof from];
		if (cur > 0)
			snprintf(head, sizeof head, "REPLAY  %s, turn %d of %d  |  %.60s (%d played)%s", date,
			         cur, s->rules.turns, s->rules.title, turns, from);
		else
			snprintf(head, sizeof head, "REPLAY  the start, before turn 1  |  %.60s (%d played)%s",
			         s->rules.title, turns, from);
		memcpy(v.title, head, sizeof v.title - 1);
		v.title[sizeof v.title - 1] = '\0';
		v.replay = true;
		tui_view_draw(t, &v);
		int key = tui_key(t);
		if (key == TUI_KEY_STOP) {
			rc = -1;
			break;
		}
		if (key == (TUI_FN | KEY_MOUSE)) {
			int hit = tui_map_hit(&v.layout, t->mouse_y, t->mouse_x);
			if (hit >= 0)
				v.sel = hit;
			continue;
		}
		enum tui_cmd c = tui_key_command(TK_REPLAY, key);
		if (c == TC_QUIT || c == TC_BACK)
			break;
		switch (c) {
		case TC_PREV: if (cur > 0) { cur--; v.log_top = 0; } break;
		case TC_NEXT: case TC_OK: if (cur < turns) { cur++; v.log_top = 0; } break;
		case TC_FIRST: cur = 0; v.log_top = 0; break;
		case TC_LAST: cur = turns; v.log_top = 0; break;
		case TC_UP: v.log_top--; break;
		case TC_DOWN: v.log_top++; break;
		case TC_PGUP: v.log_top -= 5; break;
		case TC_PGDN: v.log_top += 5; break;
		case TC_PROJECTOR: tui_projector_toggle(&v); break;
		case TC_TAB: v.sel = v.sel + 1 < s->rules.nregions ? v.sel + 1 : 0; break;
		case TC_BTAB: v.sel = v.sel > 0 ? v.sel - 1 : s->rules.nregions - 1; break;
		case TC_EXPLAIN:
			if (tui_explain(t, &s->rules, s, &worlds[cur], v.sel, cur) < 0)
				rc = -1;
			break;
		case TC_HELP:
			if (tui_help_for(t, &s->rules) < 0)
				rc = -1;
			break;
		default: break;
		}
		if (rc < 0)
			break;
	}
	free(worlds);
	free(art);
	return rc;
}

int tui_replay(struct session *s)
{
	struct tui_signals sig;
	volatile int *stop = tui_signals_catch(&sig);
	struct tui t;
	if (tui_open(&t, stop) != 0) {
		tui_signals_restore(&sig);
		return 1;
	}
	tui_replay_run(&t, s);
	tui_close(&t);
	tui_signals_restore(&sig);
	return 0;
}
