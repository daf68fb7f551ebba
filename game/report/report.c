/* report.c - the after-action report: debrief in Markdown, variables in CSV, tension as a PNG.
 *
 * Everything is computed from the session: the world after each turn is
 * rebuilt from s->start and the recorded orders (turn_resolve, the one way
 * the world moves), the causes come from s->log[], the words from explain.
 * The world list is heap-allocated (a world is a few kilobytes, a game up to
 * 61 of them) and freed before returning. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../ai/ai.h"
#include "../engine/turn.h"
#include "../explain/explain.h"
#include "debrief.h"
#include "report.h"

#define TOP_TURNS 5     /* turns shown under "largest tension changes" */
#define TOP_CAUSES 6    /* causes shown for each of them */

/* The world after each turn: w[0] the start, w[t] after turn t. */
static struct world *worlds_build(const struct session *s)
{
	struct world *w = malloc(sizeof *w * ((size_t)s->turns + 1));
	if (!w)
		return NULL;
	w[0] = s->start;
	for (int t = 0; t < s->turns; t++) {
		w[t + 1] = w[t];
		if (turn_resolve(&w[t + 1], &s->rules, s->orders[t]) < 0 || session_fac_replay(s, &w[t + 1]) < 0) {
			free(w);
			return NULL;
		}
	}
	return w;
}

static void player_text(const struct session *s, int side, char *buf, size_t len)
{
	char team[SESSION_TEAM_MAX + 8] = "";
	if (s->team[side][0])
		snprintf(team, sizeof team, ", team %s", s->team[side]);
	if (s->player[side] == PLAYER_AI) {
		const char *lvl = ai_level_name(s->ai_level[side]);
		snprintf(buf, len, "%s (AI, %s%s)", explain_side(&s->rules, side), lvl ? lvl : "?", team);
	} else {
		snprintf(buf, len, "%s (human%s)", explain_side(&s->rules, side), team);
	}
}

/* "deploy:poland;talks" for the CSV. */
static void orders_ids(const struct rules *r, const struct orders *o, char *buf, size_t len)
{
	size_t n = 0;
	buf[0] = '\0';
	for (int i = 0; i < o->n && i < ORDERS_MAX && n + 2 < len; i++) {
		if (i)
			buf[n++] = ';';
		size_t k = explain_order_ids(r, &o->list[i], ':', buf + n, len - n);
		n += k < len - n ? k : len - n - 1;
	}
}

static int abs_i(int v)
{
	return v < 0 ? -v : v;
}

/* Indexes of LOG's records changing VAR (world), largest first. Returns how many. */
static int causes_of(const struct cause_log *log, int var, int positive_only, int *idx, int max)
{
	int n = 0;
	for (int i = 0; i < log->n && i < CAUSE_MAX; i++) {
		const struct cause *c = &log->rec[i];
		if (c->var != var || c->region != RULES_NO_REGION || c->delta == 0 ||
		    c->kind == CAUSE_ORDER_FAILED)
			continue;
		if (positive_only && c->delta < 0)
			continue;
		/* insertion into the sorted top list */
		int j = n < max ? n++ : max;
		if (j == max && abs_i(log->rec[idx[max - 1]].delta) >= abs_i(c->delta))
			continue;
		if (j == max)
			j = max - 1;
		while (j > 0 && abs_i(log->rec[idx[j - 1]].delta) < abs_i(c->delta)) {
			idx[j] = idx[j - 1];
			j--;
		}
		idx[j] = i;
	}
	return n;
}

static void md_summary(const struct session *s, const struct world *w, FILE *out)
{
	const struct rules *r = &s->rules;
	const struct world *now = &w[s->turns];
	char a[128], b[128], d0[32], d1[32];
	player_text(s, SIDE_NATO, a, sizeof a);
	player_text(s, SIDE_RUSSIA, b, sizeof b);
	explain_date(r, 0, d0, sizeof d0);
	explain_date(r, s->turns ? s->turns - 1 : 0, d1, sizeof d1);
	fprintf(out, "## Summary\n\n| | |\n|---|---|\n");
	fprintf(out, "| Scenario | %s (`%s`) |\n", r->title, r->id);
	fprintf(out, "| Sides | %s vs %s |\n", a, b);
	if (s->turns)
		fprintf(out, "| Turns played | %d of %d, %s to %s |\n", s->turns, r->turns, d0, d1);
	else
		fprintf(out, "| Turns played | 0 of %d |\n", r->turns);
	char what[256];
	if (s->id[0])
		fprintf(out, "| Game | `%s` |\n", s->id);
	if (explain_length(s, what, sizeof what))
		fprintf(out, "| Length | %s |\n", what);
	if (explain_branch(s, what, sizeof what))
		fprintf(out, "| Branch | %s |\n", what);
	char res[160];
	explain_outcome_short(r, now->result, res, sizeof res);
	fprintf(out, "| Result | %s |\n", res);
	if (now->over)
		fprintf(out, "| Scores | %s %d, %s %d |\n", explain_side(r, SIDE_NATO), now->score[SIDE_NATO],
		        explain_side(r, SIDE_RUSSIA), now->score[SIDE_RUSSIA]);
	else
		fprintf(out, "| Scores | not counted yet: the game is not over |\n");
	fprintf(out, "| Security index | %d (at the start %d) |\n", world_security_index(now, r),
	        world_security_index(&w[0], r));
	fprintf(out, "| Tension | %d, %s (at the start %d, %s) |\n\n", now->v[VAR_TENSION],
	        explain_band(now->v[VAR_TENSION]), w[0].v[VAR_TENSION], explain_band(w[0].v[VAR_TENSION]));
}

static void md_orders(const struct session *s, FILE *out)
{
	const struct rules *r = &s->rules;
	char date[32], a[1024], b[1024];
	fprintf(out, "## What each side did\n\n");
	if (!s->turns) {
		fprintf(out, "No turn was played.\n\n");
		return;
	}
	fprintf(out, "| Turn | Date | %s | %s |\n|---|---|---|---|\n", explain_side(r, SIDE_NATO),
	        explain_side(r, SIDE_RUSSIA));
	for (int t = 0; t < s->turns; t++) {
		explain_date(r, t, date, sizeof date);
		explain_orders(r, &s->orders[t][SIDE_NATO], a, sizeof a);
		explain_orders(r, &s->orders[t][SIDE_RUSSIA], b, sizeof b);
		fprintf(out, "| %d | %s | %s | %s |\n", t + 1, date, a, b);
	}
	fprintf(out, "\n");
}

/* A headline worth telling in "What happened". */
static int notable(const struct cause *c)
{
	switch (c->kind) {
	case CAUSE_EVENT:
	case CAUSE_INCIDENT:
	case CAUSE_AGREEMENT:
	case CAUSE_FACILITATOR: return c->var == VAR_NONE;
	case CAUSE_ORDER_FAILED:
	case CAUSE_WAR:
	case CAUSE_END: return 1;
	case CAUSE_MISCALC: return c->source != 0;
	default: return 0;
	}
}

/* The notable records of LOG under HEADING (printed before the first). */
static int md_log(const struct rules *r, const struct cause_log *log, const char *heading, FILE *out)
{
	char line[320];
	int shown = 0;
	for (int i = 0; i < log->n && i < CAUSE_MAX; i++) {
		const struct cause *c = &log->rec[i];
		if (!notable(c))
			continue;
		if (!shown++)
			fprintf(out, "%s", heading);
		explain_cause_in(r, log, i, line, sizeof line);
		fprintf(out, "- %s\n", line);
		/* the changes that follow an event, incident, agreement or facilitator's headline */
		if (c->kind == CAUSE_EVENT || c->kind == CAUSE_INCIDENT || c->kind == CAUSE_AGREEMENT ||
		    c->kind == CAUSE_FACILITATOR)
			for (int j = i + 1; j < log->n && j < CAUSE_MAX && log->rec[j].kind == c->kind &&
			                    FAC_KIND(log->rec[j].source) == FAC_KIND(c->source) &&
			                    (c->kind == CAUSE_FACILITATOR || log->rec[j].source == c->source) &&
			                    log->rec[j].var != VAR_NONE; j++) {
				explain_cause_in(r, log, j, line, sizeof line);
				fprintf(out, "  - %s\n", line);
			}
	}
	if (shown)
		fprintf(out, "\n");
	return shown;
}

static void md_happened(const struct session *s, FILE *out)
{
	const struct rules *r = &s->rules;
	char date[32], heading[96];
	fprintf(out, "## What happened\n\n");
	/* the facilitator's changes before the first turn */
	int any = md_log(r, &s->start.log, "### Before the first turn\n\n", out);
	for (int t = 0; t < s->turns; t++) {
		explain_date(r, t, date, sizeof date);
		snprintf(heading, sizeof heading, "### Turn %d (%s)\n\n", t + 1, date);
		any += md_log(r, &s->log[t], heading, out);
	}
	if (!any)
		fprintf(out, "No event, incident or agreement.\n\n");
}

static void md_turn_causes(const struct session *s, int t, int positive_only, FILE *out)
{
	const struct rules *r = &s->rules;
	int idx[TOP_CAUSES];
	char line[320];
	int n = causes_of(&s->log[t], VAR_TENSION, positive_only, idx, TOP_CAUSES);
	for (int i = 0; i < n; i++) {
		explain_cause_in(r, &s->log[t], idx[i], line, sizeof line);
		fprintf(out, "   - %s\n", line);
	}
}

static void md_why(const struct session *s, const struct world *w, FILE *out)
{
	const struct rules *r = &s->rules;
	char date[32];
	fprintf(out, "## Why\n\n### The largest tension changes\n\n");
	int top[TOP_TURNS], n = 0;
	for (int t = 0; t < s->turns; t++) {
		int d = abs_i(w[t + 1].v[VAR_TENSION] - w[t].v[VAR_TENSION]);
		if (!d)
			continue;
		int j = n < TOP_TURNS ? n++ : TOP_TURNS;
		if (j == TOP_TURNS) {
			int last = top[TOP_TURNS - 1];
			if (abs_i(w[last + 1].v[VAR_TENSION] - w[last].v[VAR_TENSION]) >= d)
				continue;
			j = TOP_TURNS - 1;
		}
		while (j > 0 && abs_i(w[top[j - 1] + 1].v[VAR_TENSION] - w[top[j - 1]].v[VAR_TENSION]) < d) {
			top[j] = top[j - 1];
			j--;
		}
		top[j] = t;
	}
	if (!n)
		fprintf(out, "Tension never changed.\n\n");
	for (int i = 0; i < n; i++) {
		int t = top[i], a = w[t].v[VAR_TENSION], b = w[t + 1].v[VAR_TENSION];
		explain_date(r, t, date, sizeof date);
		fprintf(out, "%d. **Turn %d (%s): tension %+d (%d to %d)**\n", i + 1, t + 1, date, b - a, a, b);
		md_turn_causes(s, t, 0, out);
	}
	if (n)
		fprintf(out, "\n");

	fprintf(out, "### The path to war\n\n");
	const struct world *now = &w[s->turns];
	if (now->result != RESULT_WAR) {
		int peak = 0;
		for (int t = 1; t <= s->turns; t++)
			if (w[t].v[VAR_TENSION] > w[peak].v[VAR_TENSION])
				peak = t;
		fprintf(out, "There was no war. Tension peaked at %d (%s) ", w[peak].v[VAR_TENSION],
		        explain_band(w[peak].v[VAR_TENSION]));
		if (peak) {
			explain_date(r, peak - 1, date, sizeof date);
			fprintf(out, "after turn %d (%s).\n\n", peak, date);
		} else {
			fprintf(out, "at the start.\n\n");
		}
		return;
	}
	/* The climb: from the last time tension stood below the Crisis band
	 * (60), or from the start, to the turn it reached 100. */
	int war = s->turns, from = 0;
	for (int t = war - 1; t >= 0; t--)
		if (w[t].v[VAR_TENSION] < 60) {
			from = t;
			break;
		}
	explain_date(r, war - 1, date, sizeof date);
	fprintf(out, "Tension reached 100 in turn %d (%s): war, and both sides lose. ", war, date);
	explain_date(r, from, date, sizeof date);
	fprintf(out, "The climb began in turn %d (%s), at tension %d (%s). The chain of turns and causes:\n\n",
	        from + 1, date, w[from].v[VAR_TENSION], explain_band(w[from].v[VAR_TENSION]));
	int step = 0;
	for (int t = from; t < war; t++) {
		int a = w[t].v[VAR_TENSION], b = w[t + 1].v[VAR_TENSION];
		explain_date(r, t, date, sizeof date);
		fprintf(out, "%d. Turn %d (%s): tension %d to %d (%+d), %s\n", ++step, t + 1, date, a, b, b - a,
		        explain_band(b));
		md_turn_causes(s, t, 1, out);
	}
	struct explain_step push;
	if (explain_war_road(s->log, war, war - from, &push, 1) == 1) {
		char line[320];
		explain_cause_in(r, &s->log[push.turn], push.index, line, sizeof line);
		fprintf(out, "\nThe largest single push on the way: %s, in turn %d.\n", line, push.turn + 1);
	}
	fprintf(out, "\n");
}

/* Why the game was won or lost on the map: the debrief, as the end screen has it. */
static void md_debrief(const struct session *s, FILE *out)
{
	struct debrief *d = malloc(sizeof *d);
	struct debrief_line *dl = calloc(80, sizeof *dl);
	if (d && dl) {
		debrief_build(s, d);
		int n = debrief_lines(s, d, dl, 80);
		for (int i = 0; i < n; i++) {
			const char *t = dl[i].text;
			while (*t == ' ')
				t++;
			if (dl[i].kind == DEBRIEF_HEAD)
				fprintf(out, "%s### %s\n\n", i ? "\n" : "", t);
			else if (dl[i].kind == DEBRIEF_SERIES)
				fprintf(out, "  - alignment: %s\n", t);
			else if (dl[i].kind == DEBRIEF_CAUSE)
				fprintf(out, "  - %s\n", t);
			else
				fprintf(out, "- %s\n", t);
		}
		fprintf(out, "\n");
	}
	free(d);
	free(dl);
}

static void md_table(const struct session *s, const struct world *w, FILE *out)
{
	const struct rules *r = &s->rules;
	char date[32];
	fprintf(out, "## Turn by turn\n\nThe state at the start, then after each turn.\n\n| Turn | Date |");
	for (int v = 0; v < VAR_WORLD_END; v++)
		fprintf(out, " %s |", var_info[v].label);
	fprintf(out, " Security index |\n|---|---|");
	for (int v = 0; v <= VAR_WORLD_END; v++)
		fprintf(out, "---:|");
	fprintf(out, "\n");
	for (int t = 0; t <= s->turns; t++) {
		explain_date(r, t ? t - 1 : 0, date, sizeof date);
		if (t)
			fprintf(out, "| %d | %s |", t, date);
		else
			fprintf(out, "| start | %s |", date);
		for (int v = 0; v < VAR_WORLD_END; v++)
			fprintf(out, " %d |", w[t].v[v]);
		fprintf(out, " %d |\n", world_security_index(&w[t], r));
	}

	const struct world *now = &w[s->turns];
	fprintf(out, "\n### Regions at the end\n\n| Region |");
	for (int k = 0; k < VAR_REGION_STORED; k++) {
		const char *label = var_info[VAR_WORLD_END + k].label;
		fprintf(out, " %c%s |", toupper((unsigned char)label[0]), label + 1);
	}
	fprintf(out, " Held by |\n|---|");
	for (int k = 0; k <= VAR_REGION_STORED; k++)
		fprintf(out, "---|");
	fprintf(out, "\n");
	for (int i = 0; i < r->nregions; i++) {
		fprintf(out, "| %s |", r->region[i].name);
		for (int k = 0; k < VAR_REGION_STORED; k++) {
			int var = VAR_WORLD_END + k, v = now->region[i].v[k];
			const char *name = var_info[var].enum_names ? var_enum_name(var, v) : NULL;
			if (name)
				fprintf(out, " %s |", name);
			else
				fprintf(out, " %d |", v);
		}
		int c = turn_controller(now, r, i);
		fprintf(out, " %s |\n", c == SIDE_BOTH ? "contested" : explain_side(r, c));
	}
	fprintf(out, "\n");
}

static void md_scores(const struct session *s, const struct world *w, FILE *out)
{
	const struct rules *r = &s->rules;
	const struct world *now = &w[s->turns];
	int held[SIDE_COUNT + 1] = { 0 };
	for (int i = 0; i < r->nregions; i++)
		held[turn_controller(now, r, i)] += r->region[i].value;
	fprintf(out, "## Final scores\n\n");
	char res[160];
	explain_outcome_short(r, now->result, res, sizeof res);
	if (now->over)
		fprintf(out, "- %s: %d\n- %s: %d\n- Result: %s\n", explain_side(r, SIDE_NATO),
		        now->score[SIDE_NATO], explain_side(r, SIDE_RUSSIA), now->score[SIDE_RUSSIA], res);
	else
		fprintf(out, "The game is not over. Region values held now: %s %d, %s %d.\n",
		        explain_side(r, SIDE_NATO), held[SIDE_NATO], explain_side(r, SIDE_RUSSIA), held[SIDE_RUSSIA]);
	fprintf(out, "- Security index at the end: %d\n\n", world_security_index(now, r));
}

void report_chart_axis(int cols, int width, FILE *out)
{
	fprintf(out, "    +");
	for (int t = 0; t < cols * width; t++)
		fputc('-', out);
	fprintf(out, "\n     ");
	for (int t = 0; t < cols; t++)
		fprintf(out, "%*d", width, t % 10);
	fprintf(out, "\n     turn (0 = start; every 10th turn reads 0)\n```\n\n");
}

/* Tension at the start and after each turn, rows 100 down to 0 by 10. */
static void md_chart(const struct session *s, const struct world *w, const char *png, FILE *out)
{
	int cols = s->turns + 1, width = cols <= 36 ? 2 : 1;
	fprintf(out, "## Tension over time\n\n```text\n");
	for (int level = 100; level >= 0; level -= 10) {
		fprintf(out, "%3d |", level);
		for (int t = 0; t < cols; t++) {
			int v = w[t].v[VAR_TENSION];
			int row = (v + 5) / 10 * 10; /* nearest row */
			fprintf(out, "%*s", width, row == level ? "*" : v > level ? ":" : " ");
		}
		fprintf(out, "\n");
	}
	report_chart_axis(cols, width, out);
	if (png)
		fprintf(out, "![Tension over time](%s)\n\n", png);
}

static void csv_write(const struct session *s, const struct world *w, FILE *out)
{
	const struct rules *r = &s->rules;
	char date[32], a[1024], b[1024];
	fprintf(out, "turn,date");
	for (int v = 0; v < VAR_WORLD_END; v++)
		fprintf(out, ",%s", var_info[v].name);
	fprintf(out, ",security_index,nato_ap,russia_ap");
	for (int i = 0; i < r->nregions; i++)
		for (int k = 0; k < VAR_REGION_STORED; k++)
			fprintf(out, ",%s.%s", r->region[i].id, var_info[VAR_WORLD_END + k].name);
	fprintf(out, ",nato_orders,russia_orders,result\n");
	for (int t = 0; t <= s->turns; t++) {
		explain_date(r, t ? t - 1 : 0, date, sizeof date);
		fprintf(out, "%d,%s", t, date);
		for (int v = 0; v < VAR_WORLD_END; v++)
			fprintf(out, ",%d", w[t].v[v]);
		fprintf(out, ",%d,%d,%d", world_security_index(&w[t], r), w[t].ap[SIDE_NATO], w[t].ap[SIDE_RUSSIA]);
		for (int i = 0; i < r->nregions; i++)
			for (int k = 0; k < VAR_REGION_STORED; k++)
				fprintf(out, ",%d", w[t].region[i].v[k]);
		a[0] = b[0] = '\0';
		if (t) {
			orders_ids(r, &s->orders[t - 1][SIDE_NATO], a, sizeof a);
			orders_ids(r, &s->orders[t - 1][SIDE_RUSSIA], b, sizeof b);
		}
		fprintf(out, ",%s,%s,%s\n", a, b, explain_result(w[t].result));
	}
}

int report_write(const struct session *s, const struct report_opts *o, FILE *out)
{
	struct world *w = worlds_build(s);
	if (!w)
		return -1;
	if (o && o->format == REPORT_CSV) {
		csv_write(s, w, out);
	} else {
		fprintf(out, "# After-action report: %s\n\n", s->rules.title);
		md_summary(s, w, out);
		md_orders(s, out);
		md_happened(s, out);
		md_why(s, w, out);
		md_debrief(s, out);
		md_table(s, w, out);
		md_scores(s, w, out);
		md_chart(s, w, o ? o->png : NULL, out);
	}
	free(w);
	return fflush(out) || ferror(out) ? -1 : 0;
}

int report_png_path(const char *out_path, char *buf, size_t len)
{
	size_t n = strlen(out_path);
	int k;
	if (n > 3 && !strcmp(out_path + n - 3, ".md"))
		k = snprintf(buf, len, "%.*s.png", (int)(n - 3), out_path);
	else
		k = snprintf(buf, len, "%s.png", out_path);
	return k < 0 || (size_t)k >= len ? -1 : 0;
}

/* Is PROG an executable on $PATH? */
static int on_path(const char *prog)
{
	const char *path = getenv("PATH");
	char buf[4096];
	while (path && *path) {
		const char *colon = strchr(path, ':');
		size_t n = colon ? (size_t)(colon - path) : strlen(path);
		if (n && (size_t)snprintf(buf, sizeof buf, "%.*s/%s", (int)n, path, prog) < sizeof buf &&
		    access(buf, X_OK) == 0)
			return 1;
		path = colon ? colon + 1 : NULL;
	}
	return 0;
}

int report_gnuplot_ready(const char *path, struct diags *ds)
{
	if (!on_path("gnuplot"))
		return 1;
	if (strpbrk(path, "'\"\n\\")) {
		diag_add(ds, DIAG_ERROR, path, 0, "no chart: gnuplot cannot be given this file name");
		return -1;
	}
	return 0;
}

int report_chart_png(const struct session *s, const char *path, struct diags *ds)
{
	int ready = report_gnuplot_ready(path, ds);
	if (ready)
		return ready;
	struct world *w = worlds_build(s);
	if (!w)
		return -1;
	FILE *g = popen("gnuplot 2>/dev/null", "w");
	if (!g) {
		free(w);
		diag_add(ds, DIAG_ERROR, path, 0, "no chart: gnuplot did not start");
		return -1;
	}
	fprintf(g, "set terminal pngcairo size 800,400\nset output '%s'\n"
	           "set title 'Tension over time: %s'\nset xlabel 'turn'\nset ylabel 'tension'\n"
	           "set yrange [0:100]\nset grid\nunset key\n"
	           "plot '-' using 1:2 with linespoints lw 2\n", path, s->rules.id);
	for (int t = 0; t <= s->turns; t++)
		fprintf(g, "%d %d\n", t, w[t].v[VAR_TENSION]);
	fprintf(g, "e\n");
	free(w);
	int rc = pclose(g);
	if (rc != 0 || access(path, F_OK) != 0) {
		diag_add(ds, DIAG_ERROR, path, 0, "no chart: gnuplot failed");
		return -1;
	}
	return 0;
}
