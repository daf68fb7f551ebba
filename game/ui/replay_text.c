/* replay_text.c - a saved game told again as text, turn by turn (the plain replay viewer). */
#include <stdio.h>

#include "../engine/turn.h"
#include "../explain/explain.h"
#include "replay_text.h"

static void orders_line(const struct rules *r, int side, const struct orders *o, FILE *out)
{
	char words[ORDERS_MAX * (RULES_NAME_MAX * 2 + 8)];
	explain_orders(r, o, words, sizeof words);
	fprintf(out, "  %s orders: %s\n", explain_side(r, side), words);
}

int replay_text(const struct session *s, FILE *out)
{
	const struct rules *r = &s->rules;
	char date[32], line[320];
	struct world w = s->start;
	fprintf(out, "Replay: %s (%s), seed %llu\n", r->title, r->id, (unsigned long long)s->seed);
	if (explain_length(s, line, sizeof line))
		fprintf(out, "Length: %s\n", line);
	if (explain_branch(s, line, sizeof line))
		fprintf(out, "Branch: %s\n", line);
	fprintf(out, "Start: tension %d (%s)\n", w.v[VAR_TENSION], explain_band(w.v[VAR_TENSION]));
	for (int i = 0; i < s->start.log.n && i < CAUSE_MAX; i++) { /* the facilitator's, before turn 1 */
		explain_cause_in(r, &s->start.log, i, line, sizeof line);
		fprintf(out, "  - %s\n", line);
	}
	for (int t = 0; t < s->turns; t++) {
		explain_date(r, t, date, sizeof date);
		fprintf(out, "\nTurn %d (%s)\n", t + 1, date);
		orders_line(r, SIDE_NATO, &s->orders[t][SIDE_NATO], out);
		orders_line(r, SIDE_RUSSIA, &s->orders[t][SIDE_RUSSIA], out);
		const struct cause_log *log = &s->log[t];
		for (int i = 0; i < log->n && i < CAUSE_MAX; i++) {
			explain_cause_in(r, log, i, line, sizeof line);
			fprintf(out, "  - %s\n", line);
		}
		int a = w.v[VAR_TENSION];
		turn_resolve(&w, r, s->orders[t]);
		session_fac_replay(s, &w);
		int b = w.v[VAR_TENSION];
		fprintf(out, "  tension: %d -> %d (%+d), %s\n", a, b, b - a, explain_band(b));
	}
	const struct world *now = &s->world;
	if (now->over)
		fprintf(out, "\nSecurity index: %d of 100\nresult: %s (nato %d, russia %d)\n",
		        world_security_index(now, r), explain_result(now->result), now->score[SIDE_NATO],
		        now->score[SIDE_RUSSIA]);
	else
		fprintf(out, "\nThe game goes on: %d of %d turns played.\n", s->turns, r->turns);
	return fflush(out) || ferror(out) ? -1 : 0;
}

