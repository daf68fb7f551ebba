/* plain.c - the plain text front end: line-oriented commands on stdin/stdout, no curses.
 *
 * Everything is printed from the session alone (no hidden state but the
 * input position), so the same scenario, seed and input give the same
 * output byte for byte: scripts and the end-to-end tests rely on it. No
 * escape codes, no UTF-8 of our own, one fact a line where it can be: screen
 * readers read line by line. Every bad command gets one line starting with
 * "error: " and the prompt again; nothing the player types ends the game
 * except `quit` and the end of input. */
#define _GNU_SOURCE /* fopencookie: a FILE that wraps lines for plain_wrap */
#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/text.h"
#include "../engine/turn.h"
#include "../explain/explain.h"
#include "../report/debrief.h"
#include "../save/save.h"
#include "plain.h"
#include "play.h"

#define PLAIN_LINE_MAX 512   /* longer input lines are refused, not split */
#define PLAIN_WORDS_MAX 3    /* the longest command: do ACTION REGION */
#define PLAIN_WAR_CAUSES 8   /* tension rises shown on the road to war */
#define PLAIN_WAR_TURNS 4    /* how many last turns that road looks back over */

static const char *const plain_help_text =
	"Commands (one a line; upper or lower case; blank lines and lines starting with # are skipped):\n"
	"  help                this list\n"
	"  status              date, tension, miscalculation risk, every variable, each region\n"
	"  actions             the actions you can order now, and those you cannot and why\n"
	"  do ACTION [REGION]  queue an order, e.g. 'do deploy poland' or 'do talks'\n"
	"  orders              the orders you queued this turn\n"
	"  undo                drop the last order you queued\n"
	"  crisis firm|back    when a crisis is open: stand firm or back down (given with\n"
	"                      your orders; no answer backs down)\n"
	"  end                 submit your orders; the turn resolves when both sides are in\n"
	"  explain VAR         every change to VAR last turn and its cause: 'explain tension',\n"
	"                      'explain poland.stability', or 'explain poland' for a whole region;\n"
	"                      what a derived number is made of: 'explain security_index',\n"
	"                      'explain miscalculation', 'explain poland.militarization',\n"
	"                      'explain poland.vulnerability'; each side's 'explain score',\n"
	"                      'explain ap' (why this turn's action points), 'explain credibility'\n"
	"  save [NAME]         save the turns resolved so far (not this turn's orders); prints where\n"
	"  quit                leave the game: it was autosaved after the last turn; the orders\n"
	"                      queued this turn are dropped. End of input does the same.\n"
	"Orders can fail: both sides' orders resolve together, taking turns, and each is checked\n"
	"again when its turn comes. If the other side's orders broke a requirement first, yours\n"
	"fails and its AP are lost. 'do' and 'orders' warn when the other side could do that.\n";

/* " Did you mean 'deploy'?" or "". */
static void plain_near_say(const struct text_near *n, FILE *out)
{
	if (n->best)
		fprintf(out, " Did you mean '%.*s'?", (int)n->best_len, n->best);
}

static const struct rules *plain_rules(const struct play *p)
{
	return &p->session->rules;
}

static const struct world *plain_world(const struct play *p)
{
	return &p->session->world;
}

/* "2025-Q1" for turn T (0-based). */
static const char *plain_date(const struct play *p, int t, char *buf, size_t len)
{
	explain_date(plain_rules(p), t, buf, len);
	return buf;
}

static int plain_ap_left(const struct play *p, int side, const struct orders *o)
{
	return plain_world(p)->ap[side] - orders_spent(o, plain_rules(p));
}

/* A variable's value for people: "nato" for enum variables, else the number. */
static void plain_value(int var, int v, char *buf, size_t len)
{
	const char *name = var < VAR_COUNT ? var_enum_name((enum var)var, v) : NULL;
	if (name)
		snprintf(buf, len, "%s", name);
	else
		snprintf(buf, len, "%d", v);
}

/* The current value of a requirement's variable, for the region REGION
 * when it reads target.*: "now +10". */
static void plain_cond_now(const struct play *p, const struct cond *k, int region, char *buf,
                           size_t len)
{
	char v[32];
	explain_cond_now(plain_world(p), plain_rules(p), k, region, v, sizeof v);
	snprintf(buf, len, "now %s", v);
}

static void plain_intro(struct plain *pl, struct play *p)
{
	const struct session *s = p->session;
	const struct rules *r = plain_rules(p);
	char d[16];
	pl->intro_done = true;
	fprintf(pl->out, "Brink: %s (%s), %d turns from %s, seed %llu.\n", r->title, r->id, r->turns,
	        plain_date(p, 0, d, sizeof d), (unsigned long long)s->seed);
	if (r->summary[0])
		fprintf(pl->out, "%s\n", r->summary);
	if (r->note[0])
		fprintf(pl->out, "Note: %s\n", r->note);
	for (int side = 0; side < SIDE_COUNT; side++) {
		if (s->player[side] == PLAYER_HUMAN)
			fprintf(pl->out, "%s: played here.\n", explain_side(r, side));
		else if (s->player[side] == PLAYER_REMOTE)
			fprintf(pl->out, "%s: played at another terminal, over the network.\n",
			        explain_side(r, side));
		else
			fprintf(pl->out, "%s: the AI (%s).\n", explain_side(r, side),
			        ai_level_name(s->ai_level[side]));
	}
	if (s->player[SIDE_NATO] == PLAYER_HUMAN || s->player[SIDE_RUSSIA] == PLAYER_HUMAN)
		fputs("Type 'help' for the commands and how to win.\n", pl->out);
}

/* A headline of the last turn: an order, an agreement, an event, an incident,
 * the miscalculation check, the war, the end; and the AP changes to come. */
static bool plain_is_news(const struct cause *c)
{
	return c->var == VAR_NONE || c->kind == CAUSE_AP;
}

static void plain_briefing(void *ctx, struct play *p, int side)
{
	struct plain *pl = ctx;
	const struct world *w = plain_world(p);
	const struct rules *r = plain_rules(p);
	char d[16], line[512];

	if (!pl->intro_done)
		plain_intro(pl, p);
	fputc('\n', pl->out);
	if (side == SIDE_NATO || side == SIDE_RUSSIA)
		fprintf(pl->out, "== %s, turn %d of %d: %s to move ==\n", plain_date(p, w->turn, d, sizeof d),
		        w->turn + 1, r->turns, explain_side(r, side));
	else
		fprintf(pl->out, "== %s, turn %d of %d: the AIs move ==\n", plain_date(p, w->turn, d, sizeof d),
		        w->turn + 1, r->turns);
	if (w->turn > 0) {
		fprintf(pl->out, "News of %s:\n", plain_date(p, w->turn - 1, d, sizeof d));
		for (int i = 0; i < w->log.n; i++) {
			if (!plain_is_news(&w->log.rec[i]))
				continue;
			explain_cause_in(r, &w->log, i, line, sizeof line);
			fprintf(pl->out, "  %s\n", line);
		}
		int was = w->history[w->turn - 1][VAR_TENSION], now = w->v[VAR_TENSION];
		if (was == now)
			fprintf(pl->out, "Tension %d (%s), unchanged.\n", now, explain_band(now));
		else
			fprintf(pl->out, "Tension %d (%s), %s from %d.\n", now, explain_band(now),
			        was < now ? "up" : "down", was);
		if (side == SIDE_NATO || side == SIDE_RUSSIA) {
			/* The proposals this side left unmatched: the heart of the game. */
			char sum[12][EXPLAIN_MEASURE_W];
			int ns = explain_turn_summary(p->session, w->turn - 1, side, sum, 12);
			for (int i = 0; i < ns; i++)
				if (!strncmp(sum[i], "Missed: ", 8))
					fprintf(pl->out, "%s\n", sum[i]);
		}
	} else {
		fprintf(pl->out, "Tension %d (%s).\n", w->v[VAR_TENSION], explain_band(w->v[VAR_TENSION]));
	}
	if (side == SIDE_NATO || side == SIDE_RUSSIA)
		fprintf(pl->out, "%s has %d action points this turn.\n", explain_side(r, side), w->ap[side]);
	if (w->crisis && (side == SIDE_NATO || side == SIDE_RUSSIA)) {
		char text[1024];
		explain_crisis(r, w, side, text, sizeof text);
		fprintf(pl->out, "%s\n  Answer with 'crisis firm' or 'crisis back', then give your orders.\n", text);
	}
	fflush(pl->out);
}

static void plain_status(struct plain *pl, struct play *p, int side, const struct orders *o)
{
	const struct world *w = plain_world(p);
	const struct rules *r = plain_rules(p);
	char d[16], v[32];
	int chance = turn_miscalc_chance(w, r);

	fprintf(pl->out, "%s, turn %d of %d. %s to move, %d of %d AP left.\n",
	        plain_date(p, w->turn, d, sizeof d), w->turn + 1, r->turns, explain_side(r, side),
	        plain_ap_left(p, side, o), w->ap[side]);
	fprintf(pl->out, "Scenario %s, seed %llu.\n", r->id, (unsigned long long)p->session->seed);
	fprintf(pl->out, "Tension %d (%s). Chance of a miscalculation this turn: %d.%02d%%.\n",
	        w->v[VAR_TENSION], explain_band(w->v[VAR_TENSION]), chance / 100, chance % 100);
	fputs("World:", pl->out);
	for (int var = 0; var < VAR_WORLD_END; var++)
		fprintf(pl->out, "%s %s %d", var ? "," : "", var_info[var].name, w->v[var]);
	fputs(".\n", pl->out);
	fprintf(pl->out, "Credibility: %s %d, %s %d. Score so far: %s %d, %s %d.\n", explain_side(r, SIDE_NATO),
	        w->credibility[SIDE_NATO], explain_side(r, SIDE_RUSSIA), w->credibility[SIDE_RUSSIA],
	        explain_side(r, SIDE_NATO), w->score[SIDE_NATO], explain_side(r, SIDE_RUSSIA),
	        w->score[SIDE_RUSSIA]);
	if (w->crisis) {
		char text[1024];
		explain_crisis(r, w, side, text, sizeof text);
		fprintf(pl->out, "%s\n", text);
	}
	fputs("Regions:\n", pl->out);
	for (int i = 0; i < r->nregions; i++) {
		fprintf(pl->out, "  %s (%s):", r->region[i].id, r->region[i].name);
		static const int shown[] = { VAR_NATO_FORCES, VAR_RUSSIA_FORCES, VAR_ALIGNMENT,
		                             VAR_STABILITY, VAR_MEMBER, VAR_CONFLICT,
		                             VAR_VULNERABILITY, VAR_VALUE };
		for (size_t k = 0; k < sizeof shown / sizeof shown[0]; k++) {
			plain_value(shown[k], world_get(w, r, shown[k], i), v, sizeof v);
			fprintf(pl->out, "%s %s %s", k ? "," : "", var_info[shown[k]].name, v);
		}
		int c = turn_controller(w, r, i);
		if (w->red_line[i])
			fprintf(pl->out, ", red line %s", var_enum_name(VAR_RED_LINE, w->red_line[i]));
		fprintf(pl->out, ", controller %s.\n", c == SIDE_BOTH ? "contested" : side_id(c));
	}
}

/* Why action A cannot be ordered on any region: every distinct unmet
 * requirement with the regions it fails in and their values. */
static void plain_why_no_region(struct plain *pl, struct play *p, int side, const struct orders *o,
                                int a)
{
	const struct rules *r = plain_rules(p);
	const struct action *act = &r->action[a];
	bool said = false;
	for (int k = 0; k < act->nrequires; k++) {
		bool first = true;
		for (int i = 0; i < r->nregions; i++) {
			int failed = -1;
			if (order_check(plain_world(p), r, side, o, a, i, &failed) != ORDER_REQUIREMENT ||
			    failed != k)
				continue;
			char cond[160], now[48];
			if (first) {
				explain_cond(r, &act->requires[k], RULES_NO_REGION, cond, sizeof cond);
				fprintf(pl->out, "%s%s (", said ? "; " : "", cond);
			}
			plain_cond_now(p, &act->requires[k], i, now, sizeof now);
			fprintf(pl->out, "%s%s %s", first ? "" : ", ", r->region[i].id, now);
			first = false;
			said = true;
		}
		if (!first)
			fputc(')', pl->out);
	}
	if (!said)
		fputs("no region qualifies", pl->out);
}

static void plain_actions(struct plain *pl, struct play *p, int side, const struct orders *o)
{
	const struct rules *r = plain_rules(p);
	const struct world *w = plain_world(p);
	int unavailable = 0;

	fprintf(pl->out, "Actions for %s, %d AP left:\n", explain_side(r, side), plain_ap_left(p, side, o));
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1 && unavailable)
			fputs("Not possible now:\n", pl->out);
		for (int a = 0; a < r->nactions; a++) {
			if (!rules_action_for_side(r, a, side))
				continue;
			const struct action *act = &r->action[a];
			enum order_status st = ORDER_OK;
			int failed = -1, nok = 0;
			char regions[RULES_MAX_REGIONS * RULES_ID_MAX] = "";
			if (act->target == TARGET_WORLD) {
				st = order_check(w, r, side, o, a, RULES_NO_REGION, &failed);
				nok = st == ORDER_OK;
			} else {
				for (int i = 0; i < r->nregions; i++) {
					enum order_status si = order_check(w, r, side, o, a, i, NULL);
					if (si == ORDER_OK) {
						size_t n = strlen(regions);
						snprintf(regions + n, sizeof regions - n, "%s%s", nok ? ", " : "",
						         r->region[i].id);
						nok++;
					} else if (i == 0 || st == ORDER_REQUIREMENT) {
						st = si;
					}
				}
				if (r->nregions == 0)
					st = ORDER_NEED_REGION;
			}
			if (pass == 0 && !nok) {
				unavailable++;
				continue;
			}
			if ((pass == 0) != (nok > 0))
				continue;
			fprintf(pl->out, "  %s: %s, %d AP, %s", act->id, act->name, act->cost,
			        act->target == TARGET_WORLD ? "no region" : "region");
			if (pass == 0) {
				if (act->target == TARGET_REGION)
					fprintf(pl->out, " (%s)", regions);
				fprintf(pl->out, ". %s\n", act->help);
				continue;
			}
			fputs(": ", pl->out);
			if (st == ORDER_REQUIREMENT && act->target == TARGET_WORLD && failed >= 0) {
				char cond[160], now[48];
				explain_cond(r, &act->requires[failed], RULES_NO_REGION, cond, sizeof cond);
				plain_cond_now(p, &act->requires[failed], RULES_NO_REGION, now, sizeof now);
				fprintf(pl->out, "%s (%s)", cond, now);
			} else if (st == ORDER_REQUIREMENT) {
				plain_why_no_region(pl, p, side, o, a);
			} else {
				fputs(order_status_text(st), pl->out);
			}
			fputs(".\n", pl->out);
		}
	}
}

static void plain_list_regions(struct plain *pl, const struct rules *r)
{
	for (int i = 0; i < r->nregions; i++)
		fprintf(pl->out, "%s%s", i ? ", " : "", r->region[i].id);
}

static void plain_do(struct plain *pl, struct play *p, int side, struct orders *o, int nwords,
                     char **word)
{
	const struct rules *r = plain_rules(p);
	char what[RULES_NAME_MAX * 2 + 8];
	if (nwords < 2) {
		fputs("error: do what? Type 'do ACTION [REGION]'; 'actions' lists them.\n", pl->out);
		return;
	}
	int a = rules_action_find(r, word[1]);
	if (a < 0) {
		struct text_near near;
		text_near_start(&near, word[1]);
		for (int k = 0; k < r->nactions; k++)
			if (rules_action_for_side(r, k, side))
				text_near_try_str(&near, r->action[k].id);
		fprintf(pl->out, "error: unknown action '%s'.", word[1]);
		plain_near_say(&near, pl->out);
		fputs(" 'actions' lists the ones you can order.\n", pl->out);
		return;
	}
	const struct action *act = &r->action[a];
	if (!rules_action_for_side(r, a, side)) {
		fprintf(pl->out, "error: '%s' is an action of %s, not of %s.\n", act->id,
		        explain_side(r, act->side), explain_side(r, side));
		return;
	}
	int region = RULES_NO_REGION;
	if (nwords >= 3) {
		region = rules_region_find(r, word[2]);
		if (region < 0) {
			struct text_near near;
			text_near_start(&near, word[2]);
			for (int k = 0; k < r->nregions; k++)
				text_near_try_str(&near, r->region[k].id);
			fprintf(pl->out, "error: unknown region '%s'.", word[2]);
			plain_near_say(&near, pl->out);
			fputs(" The regions are: ", pl->out);
			plain_list_regions(pl, r);
			fputs(".\n", pl->out);
			return;
		}
	}
	int failed = -1;
	enum order_status st = orders_add(plain_world(p), r, side, o, a, region, &failed);
	switch (st) {
	case ORDER_OK: {
		explain_order(r, &o->list[o->n - 1], what, sizeof what);
		fprintf(pl->out, "queued: %s (%d AP; %d AP left).\n", what, act->cost,
		        plain_ap_left(p, side, o));
		int reach, k = play_order_risk(plain_world(p), r, side, a, region, &reach);
		if (k >= 0) {
			char risk[240];
			explain_risk(r, &act->requires[k], region, side == SIDE_NATO ? SIDE_RUSSIA : SIDE_NATO,
			             reach, risk, sizeof risk);
			fprintf(pl->out, "warning: this order %s. Then it fails and its AP are lost.\n", risk);
		}
		break;
	}
	case ORDER_NEED_REGION:
		fprintf(pl->out, "error: '%s' needs a region: do %s REGION, with REGION one of ", act->id,
		        act->id);
		plain_list_regions(pl, r);
		fputs(".\n", pl->out);
		break;
	case ORDER_NEED_WORLD:
		fprintf(pl->out, "error: '%s' takes no region: do %s\n", act->id, act->id);
		break;
	case ORDER_NO_AP:
		fprintf(pl->out, "error: not enough action points: %s costs %d AP and %s has %d left.\n",
		        act->name, act->cost, explain_side(r, side), plain_ap_left(p, side, o));
		break;
	case ORDER_REQUIREMENT: {
		char cond[160] = "a requirement", now[48] = "";
		if (failed >= 0 && failed < act->nrequires) {
			explain_cond(r, &act->requires[failed], region, cond, sizeof cond);
			plain_cond_now(p, &act->requires[failed], region, now, sizeof now);
		}
		fprintf(pl->out, "error: requirement not met: %s (%s).\n", cond, now);
		break;
	}
	case ORDER_REPEAT:
		explain_order(r, &(struct order){ (uint8_t)a, (uint8_t)region }, what, sizeof what);
		fprintf(pl->out, "error: %s is already ordered this turn (once per action and target).\n",
		        what);
		break;
	case ORDER_FULL:
		fprintf(pl->out, "error: too many orders this turn (at most %d).\n", ORDERS_MAX);
		break;
	default:
		fprintf(pl->out, "error: %s.\n", order_status_text(st));
	}
}

static void plain_orders_list(struct plain *pl, struct play *p, int side, const struct orders *o)
{
	const struct rules *r = plain_rules(p);
	char what[RULES_NAME_MAX * 2 + 8];
	if (o->n == 0) {
		fprintf(pl->out, "No orders queued; %d AP left.\n", plain_ap_left(p, side, o));
		return;
	}
	fprintf(pl->out, "Orders of %s this turn, %d AP left:\n", explain_side(r, side),
	        plain_ap_left(p, side, o));
	for (int i = 0; i < o->n; i++) {
		explain_order(r, &o->list[i], what, sizeof what);
		int reach, k = play_order_risk(plain_world(p), r, side, o->list[i].action, o->list[i].region,
		                               &reach);
		fprintf(pl->out, "  %d. %s (%d AP)%s\n", i + 1, what,
		        o->list[i].action < r->nactions ? r->action[o->list[i].action].cost : 0,
		        k >= 0 ? ", may fail" : "");
	}
}

/* Print the records of the last turn's log that MATCH, with their sum when
 * TOTAL. Returns how many were printed. */
static int plain_explain_records(struct plain *pl, const struct play *p, int var, int region)
{
	const struct world *w = plain_world(p);
	const struct rules *r = plain_rules(p);
	char line[512];
	int n = 0;
	for (int i = 0; i < w->log.n; i++) {
		const struct cause *c = &w->log.rec[i];
		if (c->var == VAR_NONE || c->var == VAR_AP || c->var >= VAR_COUNT ||
		    c->kind == CAUSE_ORDER_FAILED)
			continue;
		if (var != VAR_NONE ? c->var != var : !var_info[c->var].region)
			continue;
		if (var_info[c->var].region && c->region != region)
			continue;
		explain_cause(r, c, line, sizeof line);
		fprintf(pl->out, "  %s\n", line);
		n++;
	}
	return n;
}

/* Each side's own number VAR (score, ap, credibility): last turn's changes
 * and their causes, and the value now. */
static void plain_explain_sides(struct plain *pl, const struct play *p, int var)
{
	const struct world *w = plain_world(p);
	const struct rules *r = plain_rules(p);
	char d[16], label[RULES_NAME_MAX * 2], line[512];
	if (w->turn == 0) {
		fputs("Nothing has happened yet: no turn has been resolved.\n", pl->out);
		return;
	}
	plain_date(p, w->turn - 1, d, sizeof d);
	for (int side = 0; side < SIDE_COUNT; side++) {
		explain_var(r, var, side, label, sizeof label);
		fprintf(pl->out, "Changes to %s in %s:\n", label, d);
		int n = 0;
		for (int i = 0; i < w->log.n; i++) {
			const struct cause *c = &w->log.rec[i];
			if (c->var != var || c->region != side || c->kind == CAUSE_ORDER_FAILED)
				continue;
			explain_cause(r, c, line, sizeof line);
			fprintf(pl->out, "  %s\n", line);
			n++;
		}
		if (n == 0)
			fputs("  none\n", pl->out);
		int now = var == VAR_AP ? w->ap[side] : var == VAR_CREDIBILITY ? w->credibility[side]
		        : w->score[side];
		fprintf(pl->out, "Now %d%s.\n", now, var == VAR_AP ? " this turn" : "");
	}
}

static void plain_explain(struct plain *pl, struct play *p, int nwords, char **word)
{
	const struct world *w = plain_world(p);
	const struct rules *r = plain_rules(p);
	char d[16], label[RULES_NAME_MAX * 2], v[32];
	if (nwords < 2) {
		fputs("error: explain what? e.g. 'explain tension', 'explain poland.stability', "
		      "'explain poland'.\n", pl->out);
		return;
	}
	const char *arg = word[1];
	int var = VAR_NONE, region = RULES_NO_REGION;
	const char *dot = strchr(arg, '.');
	/* Each side's score, action points and credibility. */
	static const int side_vars[] = { VAR_SCORE, VAR_AP, VAR_CREDIBILITY };
	for (int k = 0; !dot && k < 3; k++)
		if (!strcmp(arg, var_info[side_vars[k]].name)) {
			plain_explain_sides(pl, p, side_vars[k]);
			return;
		}
	/* The derived numbers: what they are made of, now. */
	int m = explain_measure_find(dot ? dot + 1 : arg);
	if (m >= 0) {
		region = RULES_NO_REGION;
		if (m == EXPLAIN_MILITARIZATION || m == EXPLAIN_VULNERABILITY) {
			char rid[RULES_ID_MAX] = "";
			if (dot && (size_t)(dot - arg) < sizeof rid)
				snprintf(rid, sizeof rid, "%.*s", (int)(dot - arg), arg);
			region = rid[0] ? rules_region_find(r, rid) : -1;
			if (region < 0) {
				fprintf(pl->out, "error: %s is a region's; try %s.%s.\n", explain_measure_id(m),
				        r->nregions ? r->region[0].id : "REGION", explain_measure_id(m));
				return;
			}
		}
		char lines[12][EXPLAIN_MEASURE_W];
		int n = explain_measure(w, NULL, r, m, region, lines, 12);
		for (int i = 0; i < n; i++)
			fprintf(pl->out, "%s\n", lines[i]);
		return;
	}
	if (dot) {
		char rid[RULES_ID_MAX];
		size_t n = (size_t)(dot - arg);
		if (n < sizeof rid) {
			memcpy(rid, arg, n);
			rid[n] = 0;
			region = rules_region_find(r, rid);
		} else {
			region = -1;
		}
		if (region < 0) {
			fprintf(pl->out, "error: unknown region in '%s'; the regions are: ", arg);
			plain_list_regions(pl, r);
			fputs(".\n", pl->out);
			return;
		}
		var = var_lookup(dot + 1);
		if (var == VAR_NONE || var == VAR_AP || !var_info[var].region) {
			fprintf(pl->out, "error: '%s' is no region variable; try %s.stability, %s.alignment, "
			        "%s.nato_forces, %s.russia_forces.\n", dot + 1, r->region[region].id,
			        r->region[region].id, r->region[region].id, r->region[region].id);
			return;
		}
	} else {
		var = var_lookup(arg);
		if (var == VAR_NONE || var == VAR_AP || var_info[var].region) {
			var = VAR_NONE;
			region = rules_region_find(r, arg);
			if (region < 0) {
				struct text_near near;
				text_near_start(&near, arg);
				for (int k = 0; k < VAR_WORLD_END; k++)
					text_near_try_str(&near, var_info[k].name);
				for (int k = 0; k < 3; k++)
					text_near_try_str(&near, var_info[side_vars[k]].name);
				for (int k = 0; k < r->nregions; k++)
					text_near_try_str(&near, r->region[k].id);
				fprintf(pl->out, "error: unknown variable '%s'.", arg);
				plain_near_say(&near, pl->out);
				fputs(" Try one of:", pl->out);
				for (int k = 0; k < VAR_WORLD_END; k++)
					fprintf(pl->out, " %s", var_info[k].name);
				fputs("; score ap credibility (each side's); or REGION.VAR like poland.stability; "
				      "or a region id.\n", pl->out);
				return;
			}
		}
	}
	if (w->turn == 0) {
		fputs("Nothing has happened yet: no turn has been resolved.\n", pl->out);
		return;
	}
	plain_date(p, w->turn - 1, d, sizeof d);
	if (var == VAR_NONE) {
		fprintf(pl->out, "Changes in %s in %s:\n", r->region[region].name, d);
		if (!plain_explain_records(pl, p, VAR_NONE, region))
			fputs("  none\n", pl->out);
		return;
	}
	explain_var(r, var, region, label, sizeof label);
	plain_value(var, world_get(w, r, var, region), v, sizeof v);
	fprintf(pl->out, "Changes to %s in %s:\n", label, d);
	int n = plain_explain_records(pl, p, var, region);
	if (n == 0 && !var_info[var].writable)
		fprintf(pl->out, "  none: %s follows from other variables or never changes\n", label);
	else if (n == 0)
		fputs("  none\n", pl->out);
	if (var_info[var].enum_names)
		fprintf(pl->out, "Now %s.\n", v);
	else if (var_info[var].region)
		fprintf(pl->out, "Total %+d; now %s.\n",
		        cause_total(&w->log, var, region), v);
	else
		fprintf(pl->out, "Total %+d: from %d to %s.\n", cause_total(&w->log, var, RULES_NO_REGION),
		        w->history[w->turn - 1][var], v);
}

static void plain_save(struct plain *pl, struct play *p, const char *name)
{
	char path[1024];
	if (!p->save_dir[0]) {
		fputs("error: saving is off: there is no save folder (see --save-dir).\n", pl->out);
		return;
	}
	if (!name)
		name = p->save_name;
	if (save_path(p->save_dir, name, path, sizeof path) < 0) {
		fprintf(pl->out, "error: '%s' cannot name a save; use letters, digits, - and _.\n", name);
		return;
	}
	struct diags *ds = diags_new(); /* about 52 KB: never on the stack */
	if (!ds || save_write(p->session, path, ds) < 0) {
		fprintf(pl->out, "error: could not save to %s: %s\n", path,
		        ds && ds->n ? ds->d[0].msg : "unknown error");
		diags_free(ds);
		return;
	}
	diags_free(ds);
	fprintf(pl->out, "saved: %s\n", path);
}

enum plain_read { PLAIN_LINE, PLAIN_TOO_LONG, PLAIN_EOF, PLAIN_STOPPED, PLAIN_OVER };

#define PLAIN_POLL_MS 200 /* how soon a raised stop flag is seen while waiting */

/* Wait until IN has something to read (or its end): PLAIN_LINE, or
 * PLAIN_STOPPED when the stop flag was raised first, or PLAIN_OVER when the
 * game ended meanwhile (network play: the facilitator ended it), with no
 * line to wait for. A signal that lands between the flag's check and a
 * blocking read would otherwise go unseen until the next line: waiting in
 * poll() with a timeout closes that gap. */
static void plain_prompt(struct plain *pl, const struct play *p, int side, const struct orders *o);

static enum plain_read plain_wait(struct plain *pl, const struct play *p)
{
	int fd = pl->unbuffered ? fileno(pl->in) : -1;
	for (;;) {
		if (p->stop && *p->stop)
			return PLAIN_STOPPED;
		if (p->link && plain_world(p)->over)
			return PLAIN_OVER;
		if (fd < 0)
			return PLAIN_LINE;
		if (p->link) {
			int w = p->link->wait(p->link, fd, PLAIN_POLL_MS);
			if (w == 1)
				return PLAIN_LINE;
			if (w == 2 && pl->reprompt && !plain_world(p)->over && pl->prompt_orders)
				/* a note broke the prompt's line: give it again, as the
				 * world now is (an incident brought in opens a crisis) */
				plain_prompt(pl, p, pl->prompt_side, pl->prompt_orders);
			pl->reprompt = false;
			continue;
		}
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		int n = poll(&pfd, 1, PLAIN_POLL_MS);
		if (n > 0 || (n < 0 && errno != EINTR))
			return PLAIN_LINE; /* input, its end or an error: the read tells which */
	}
}

/* Read one line into BUF without its newline. A signal that raises the stop
 * flag interrupts the read (no SA_RESTART) and gives PLAIN_STOPPED. */
static enum plain_read plain_read(struct plain *pl, const struct play *p, char *buf, size_t len)
{
	for (;;) {
		enum plain_read w = plain_wait(pl, p);
		if (w != PLAIN_LINE)
			return w;
		errno = 0;
		if (fgets(buf, (int)len, pl->in))
			break;
		if (ferror(pl->in) && errno == EINTR) {
			clearerr(pl->in);
			continue;
		}
		return PLAIN_EOF;
	}
	/* Control bytes would reach the output through the echo and the error
	 * messages: plain mode never prints escape codes. A tab is a blank. */
	for (char *c = buf; *c; c++)
		if (*c == '\t')
			*c = ' ';
		else if ((*c > 0 && *c < ' ' && *c != '\n' && *c != '\r') || *c == 0x7f)
			*c = '?';
	size_t n = strlen(buf);
	if (n > 0 && buf[n - 1] == '\n') {
		buf[--n] = 0;
		if (n > 0 && buf[n - 1] == '\r')
			buf[--n] = 0;
		return PLAIN_LINE;
	}
	if (feof(pl->in))
		return PLAIN_LINE;
	int c;
	while ((c = fgetc(pl->in)) != EOF && c != '\n')
		;
	return PLAIN_TOO_LONG;
}

/* Split LINE in place into at most MAX words; returns the count, or MAX + 1
 * when there are more. */
static int plain_split(char *line, char **word, int max)
{
	int n = 0;
	char *c = line;
	for (;;) {
		while (*c && isspace((unsigned char)*c))
			c++;
		if (!*c)
			return n;
		if (n == max)
			return max + 1;
		word[n++] = c;
		while (*c && !isspace((unsigned char)*c))
			c++;
		if (*c)
			*c++ = 0;
	}
}

static void plain_lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* What a quit keeps: play_run autosaves the turns resolved so far. */
static const char *plain_kept(const struct play *p)
{
	if (p->link)
		return "The server keeps the game: join again with your code to go on; "
		       "this turn's orders are dropped.";
	if (!p->save_dir[0])
		return "Saving is off: the game is not kept.";
	/* never promise a save that failed (issue 9 defect 5) */
	return p->autosaved ? "The game is autosaved as it stood at the start of this turn; "
	                      "this turn's orders are dropped."
	                    : "The last autosave failed (see the note): the game may not be kept; "
	                      "this turn's orders are dropped.";
}

static void plain_prompt(struct plain *pl, const struct play *p, int side, const struct orders *o)
{
	char d[16];
	const char *c = !plain_world(p)->crisis ? ""
	                : o->crisis == CRISIS_FIRM ? " CRISIS firm"
	                : o->crisis == CRISIS_BACK ? " CRISIS back"
	                                           : " CRISIS";
	fprintf(pl->out, "[%s %s AP %d%s] > ", side_id(side), plain_date(p, plain_world(p)->turn, d, sizeof d),
	        plain_ap_left(p, side, o), c);
	fflush(pl->out);
	pl->at_prompt = true;
	pl->prompt_side = side;
	pl->prompt_orders = o;
}

static void plain_wrap_newline(struct plain *pl);

static enum fe_status plain_orders(void *ctx, struct play *p, int side, struct orders *out)
{
	struct plain *pl = ctx;
	char line[PLAIN_LINE_MAX + 2];
	memset(out, 0, sizeof *out);

	while (!pl->eof) {
		plain_prompt(pl, p, side, out);
		enum plain_read rd = plain_read(pl, p, line, sizeof line);
		bool prompt_open = pl->at_prompt;
		pl->at_prompt = pl->reprompt = false;
		if (rd == PLAIN_OVER) {
			/* network play: the game ended while this side ordered; the
			 * link's loop shows the result (the orders are moot) */
			if (prompt_open)
				fputc('\n', pl->out);
			fflush(pl->out);
			return FE_OK;
		}
		if (!pl->echo)
			plain_wrap_newline(pl); /* the terminal showed the line typed and its newline */
		if (rd == PLAIN_STOPPED) {
			fputc('\n', pl->out);
			return FE_QUIT;
		}
		if (rd == PLAIN_EOF) {
			pl->eof = true;
			break;
		}
		if (rd == PLAIN_TOO_LONG) {
			if (pl->echo)
				fputs("...\n", pl->out);
			fprintf(pl->out, "error: line too long (more than %d characters).\n", PLAIN_LINE_MAX);
			continue;
		}
		char *word[PLAIN_WORDS_MAX + 1];
		int n = plain_split(line, word, PLAIN_WORDS_MAX);
		if (pl->echo) {
			for (int i = 0; i < n && i < PLAIN_WORDS_MAX; i++)
				fprintf(pl->out, "%s%s", i ? " " : "", word[i]);
			fputc('\n', pl->out);
		}
		if (n == 0 || word[0][0] == '#')
			continue;
		if (n > PLAIN_WORDS_MAX) {
			fputs("error: too many words; type 'help' for the commands.\n", pl->out);
			continue;
		}
		/* Ids are lower case; a save name keeps its case. */
		plain_lower(word[0]);
		if (strcmp(word[0], "save"))
			for (int i = 1; i < n; i++)
				plain_lower(word[i]);
		const char *cmd = word[0];
		bool noarg = !strcmp(cmd, "help") || !strcmp(cmd, "status") || !strcmp(cmd, "actions") ||
		             !strcmp(cmd, "orders") || !strcmp(cmd, "undo") || !strcmp(cmd, "end") ||
		             !strcmp(cmd, "quit");
		if (noarg && n > 1) {
			fprintf(pl->out, "error: '%s' takes no argument.\n", cmd);
			continue;
		}
		if (!strcmp(cmd, "help")) {
			fputs(plain_help_text, pl->out);
			char how[1024];
			explain_scoring(plain_rules(p), how, sizeof how);
			fprintf(pl->out, "How to win: %s\n", how);
		} else if (!strcmp(cmd, "status")) {
			plain_status(pl, p, side, out);
		} else if (!strcmp(cmd, "actions")) {
			plain_actions(pl, p, side, out);
		} else if (!strcmp(cmd, "do")) {
			plain_do(pl, p, side, out, n, word);
		} else if (!strcmp(cmd, "orders")) {
			plain_orders_list(pl, p, side, out);
		} else if (!strcmp(cmd, "undo")) {
			char what[RULES_NAME_MAX * 2 + 8];
			if (out->n == 0) {
				fputs("error: no order to undo.\n", pl->out);
				continue;
			}
			explain_order(plain_rules(p), &out->list[out->n - 1], what, sizeof what);
			orders_undo(out);
			fprintf(pl->out, "undone: %s; %d AP left.\n", what, plain_ap_left(p, side, out));
		} else if (!strcmp(cmd, "end")) {
			fprintf(pl->out, "%s's orders are in (%d order%s).\n", explain_side(plain_rules(p), side),
			        out->n, out->n == 1 ? "" : "s");
			fflush(pl->out);
			return FE_OK;
		} else if (!strcmp(cmd, "crisis")) {
			bool firm = n == 2 && !strcmp(word[1], "firm"), back = n == 2 && !strcmp(word[1], "back");
			if (!plain_world(p)->crisis) {
				fputs("error: no crisis is open this turn.\n", pl->out);
			} else if (!firm && !back) {
				fputs("error: say 'crisis firm' or 'crisis back'.\n", pl->out);
			} else {
				out->crisis = firm ? CRISIS_FIRM : CRISIS_BACK;
				fprintf(pl->out, "%s will %s in the crisis.\n", explain_side(plain_rules(p), side),
				        firm ? "stand firm" : "back down");
			}
		} else if (!strcmp(cmd, "explain")) {
			if (n > 2)
				fputs("error: explain takes one variable, e.g. 'explain tension'.\n", pl->out);
			else
				plain_explain(pl, p, n, word);
		} else if (!strcmp(cmd, "save")) {
			if (n > 2)
				fputs("error: save takes at most one name.\n", pl->out);
			else
				plain_save(pl, p, n == 2 ? word[1] : NULL);
		} else if (!strcmp(cmd, "quit")) {
			fprintf(pl->out, "Quitting. %s\n", plain_kept(p));
			fflush(pl->out);
			return FE_QUIT;
		} else {
			static const char *const cmds[] = { "help", "status", "actions", "do", "orders", "undo",
			                                    "end", "explain", "save", "quit" };
			struct text_near near;
			text_near_start(&near, cmd);
			for (size_t k = 0; k < sizeof cmds / sizeof cmds[0]; k++)
				text_near_try_str(&near, cmds[k]);
			fprintf(pl->out, "error: unknown command '%s'.", cmd);
			plain_near_say(&near, pl->out);
			fputs(" Type 'help' for the commands.\n", pl->out);
		}
	}
	fprintf(pl->out, "\nEnd of input: quitting. %s\n", plain_kept(p));
	fflush(pl->out);
	return FE_QUIT;
}

static enum fe_status plain_handoff(void *ctx, struct play *p, int next_side)
{
	struct plain *pl = ctx;
	fprintf(pl->out, "\n-- Hand over to %s. --\n", explain_side(plain_rules(p), next_side));
	fflush(pl->out);
	return FE_OK;
}

static void plain_resolution(void *ctx, struct play *p)
{
	struct plain *pl = ctx;
	const struct session *s = p->session;
	const struct world *w = plain_world(p);
	const struct rules *r = plain_rules(p);
	char d[16], line[512];
	int t = s->turns - 1;

	fprintf(pl->out, "\n-- %s resolved --\n", plain_date(p, t, d, sizeof d));
	{
		/* The turn in a few lines first; the detail follows. */
		char sum[12][EXPLAIN_MEASURE_W];
		int ns = explain_turn_summary(s, t, SIDE_BOTH, sum, 12);
		fputs("Summary:\n", pl->out);
		for (int i = 0; i < ns; i++)
			fprintf(pl->out, "  %s\n", sum[i]);
	}
	for (int side = 0; side < SIDE_COUNT; side++) {
		const struct orders *o = &s->orders[t][side];
		fprintf(pl->out, "%s ordered: ", explain_side(r, side));
		if (o->n == 0)
			fputs("nothing", pl->out);
		for (int i = 0; i < o->n; i++) {
			explain_order(r, &o->list[i], line, sizeof line);
			fprintf(pl->out, "%s%s%s", i ? "; " : "", line,
			        play_order_failed(&w->log, side, &o->list[i]) >= 0 ? " (FAILED)" : "");
		}
		fputs(".\n", pl->out);
	}
	/* Headlines at two spaces, their changes under them at four; the
	 * end-of-turn changes, which no headline introduces, under a label. */
	int group = -1;
	for (int i = 0; i < w->log.n; i++) {
		const struct cause *c = &w->log.rec[i];
		if (c->kind == CAUSE_AP && w->over)
			continue; /* there is no next turn */
		if (c->var == VAR_NONE) {
			group = -1;
		} else if ((c->kind == CAUSE_DRIFT || c->kind == CAUSE_REGION || c->kind == CAUSE_AP ||
		            c->kind == CAUSE_SCORE || c->kind == CAUSE_REFUSAL || c->kind == CAUSE_CREDIBILITY) &&
		           c->kind != group) {
			group = c->kind;
			fputs(group == CAUSE_DRIFT       ? "  Drift:\n"
			      : group == CAUSE_REGION    ? "  In the regions:\n"
			      : group == CAUSE_SCORE     ? "  Points scored:\n"
			      : group == CAUSE_REFUSAL   ? "  Offers left unanswered:\n"
			      : group == CAUSE_CREDIBILITY ? "  Red lines:\n"
			                                 : "  Action points next turn:\n",
			      pl->out);
		}
		explain_cause_in(r, &w->log, i, line, sizeof line);
		fprintf(pl->out, "%s%s\n", c->var == VAR_NONE ? "  " : "    ", line);
	}
	int was = w->history[t][VAR_TENSION];
	fprintf(pl->out, "Tension went from %d to %d (%s).\n", was, w->v[VAR_TENSION],
	        explain_band(w->v[VAR_TENSION]));
	fflush(pl->out);
}

/* Tension turn by turn, then the road to war: the biggest tension rises of
 * the last turns, in the order they happened. */
static void plain_war_road(struct plain *pl, const struct play *p)
{
	const struct session *s = p->session;
	struct explain_step road[PLAIN_WAR_CAUSES];
	int n = explain_war_road(s->log, s->turns, PLAIN_WAR_TURNS, road, PLAIN_WAR_CAUSES);
	char d[16], line[512];

	fputs("Tension turn by turn:", pl->out);
	for (int t = 0; t <= s->turns && t <= RULES_MAX_TURNS; t++)
		fprintf(pl->out, " %d", t < s->turns ? s->world.history[t][VAR_TENSION] : s->world.v[VAR_TENSION]);
	fputs(".\n", pl->out);
	if (n == 0)
		return;
	fputs("The road to war, the biggest rises in tension of the last turns:\n", pl->out);
	for (int k = 0; k < n; k++) {
		explain_cause_in(plain_rules(p), &s->log[road[k].turn], road[k].index, line, sizeof line);
		fprintf(pl->out, "  %s: %s\n", plain_date(p, road[k].turn, d, sizeof d), line);
	}
	/* the push that made it war, even when it was a small one */
	struct explain_step last;
	if (s->world.result == RESULT_WAR && explain_war_last(s->log, s->turns, &last)) {
		explain_cause_in(plain_rules(p), &s->log[last.turn], last.index, line, sizeof line);
		fprintf(pl->out, "It reached 100 with: %s: %s\n", plain_date(p, last.turn, d, sizeof d), line);
	}
}

static void plain_game_over(void *ctx, struct play *p)
{
	struct plain *pl = ctx;
	const struct world *w = plain_world(p);
	const struct rules *r = plain_rules(p);
	char d[16];

	if (!pl->intro_done)
		plain_intro(pl, p);
	if (p->session->turns == 0) /* the facilitator ended it before the first turn */
		fprintf(pl->out, "\n== Game over before the first turn, %s ==\n", plain_date(p, 0, d, sizeof d));
	else
		fprintf(pl->out, "\n== Game over after %s ==\n", plain_date(p, w->turn > 0 ? w->turn - 1 : 0, d, sizeof d));
	char outcome[160];
	explain_outcome(r, w->result, outcome, sizeof outcome);
	fprintf(pl->out, "%s\n", outcome);
	if (w->result == RESULT_WAR)
		plain_war_road(pl, p);
	fprintf(pl->out, "Final tension %d (%s).\n", w->v[VAR_TENSION], explain_band(w->v[VAR_TENSION]));
	fputs("Regions:", pl->out);
	for (int i = 0; i < r->nregions; i++) {
		int c = turn_controller(w, r, i);
		fprintf(pl->out, "%s %s %s (worth %d)", i ? "," : "", r->region[i].id,
		        c == SIDE_BOTH ? "contested" : side_id(c), r->region[i].value);
	}
	fputs(".\n", pl->out);
	fprintf(pl->out, "Scores: %s %d, %s %d.\n", explain_side(r, SIDE_NATO), w->score[SIDE_NATO],
	        explain_side(r, SIDE_RUSSIA), w->score[SIDE_RUSSIA]);
	fprintf(pl->out, "Security index: %d of 100 (low tension, dialogue, stable regions).\n",
	        world_security_index(w, r));
	/* Why: the points per region, the deciding regions turn by turn. */
	struct debrief *db = malloc(sizeof *db);
	struct debrief_line *dl = calloc(80, sizeof *dl);
	if (db && dl) {
		debrief_build(p->session, db);
		int n = debrief_lines(p->session, db, dl, 80);
		for (int i = 0; i < n; i++)
			fprintf(pl->out, "%s%s%s\n", dl[i].kind == DEBRIEF_HEAD ? "" : "  ", dl[i].text,
			        dl[i].kind == DEBRIEF_HEAD ? ":" : "");
	}
	free(db);
	free(dl);
	/* The folder, not the file: the same input gives the same output, and a
	 * game's id (the file's name) depends on the games already there. */
	char saved[1024];
	if (play_saved_path(p, saved, sizeof saved) == 0)
		fprintf(pl->out, "Autosaved in %s; the after-action report: brink report on this game's "
		        "last autosave (its -auto-%02d save).\n", p->save_dir, p->session->turns);
	fprintf(pl->out, "result: %s (nato %d, russia %d)\n", explain_result(w->result),
	        w->score[SIDE_NATO], w->score[SIDE_RUSSIA]);
	fflush(pl->out);
}

/* ---- wrapping to the terminal's width ------------------------------------ */

struct plain_wrap_state {
	FILE *to;
	int width, col, indent, spaces, wlen, wcols;
	bool lead;        /* still in the line's leading blanks */
	char word[256];
};

static void wrap_emit_spaces(struct plain_wrap_state *st)
{
	for (; st->spaces > 0; st->spaces--, st->col++)
		fputc(' ', st->to);
}

static void wrap_flush_word(struct plain_wrap_state *st)
{
	if (st->wlen == 0)
		return;
	int ind = st->indent + 2 < st->width / 2 ? st->indent + 2 : st->width / 2;
	if (st->col + st->spaces + st->wcols > st->width && st->col > ind) {
		fputc('\n', st->to);
		fprintf(st->to, "%*s", ind, "");
		st->col = ind;
		st->spaces = 0;
	}
	wrap_emit_spaces(st);
	fwrite(st->word, 1, (size_t)st->wlen, st->to);
	st->col += st->wcols;
	st->wlen = st->wcols = 0;
}

static ssize_t wrap_write(void *cookie, const char *buf, size_t n)
{
	struct plain_wrap_state *st = cookie;
	for (size_t i = 0; i < n; i++) {
		char ch = buf[i];
		if (ch == '\n') {
			wrap_flush_word(st);
			fputc('\n', st->to);
			st->col = st->indent = st->spaces = 0;
			st->lead = true;
		} else if (ch == ' ' && st->lead) {
			fputc(' ', st->to);
			st->col++;
			st->indent++;
		} else if (ch == ' ') {
			wrap_flush_word(st);
			st->spaces++;
		} else {
			st->lead = false;
			if (st->wlen == (int)sizeof st->word)
				wrap_flush_word(st);
			st->word[st->wlen++] = ch;
			if (((unsigned char)ch & 0xc0) != 0x80)
				st->wcols++;
		}
	}
	/* What was flushed is shown now, a prompt's last blank included. */
	wrap_flush_word(st);
	wrap_emit_spaces(st);
	fflush(st->to);
	return (ssize_t)n;
}

static void plain_wrap_newline(struct plain *pl)
{
	if (!pl->wrap)
		return;
	fflush(pl->out);
	pl->wrap->col = pl->wrap->indent = pl->wrap->spaces = 0;
	pl->wrap->lead = true;
}

void plain_wrap(struct plain *pl, int width)
{
	if (width < 20 || pl->wrap)
		return;
	struct plain_wrap_state *st = calloc(1, sizeof *st);
	if (!st)
		return;
	st->to = pl->out;
	st->width = width;
	st->lead = true;
	cookie_io_functions_t io = { .write = wrap_write };
	FILE *f = fopencookie(st, "w", io);
	if (!f) {
		free(st);
		return;
	}
	setvbuf(f, NULL, _IOLBF, 0);
	pl->wrapped = pl->out;
	pl->wrap = st;
	pl->out = f;
}

void plain_fini(struct plain *pl)
{
	if (!pl->wrap)
		return;
	fclose(pl->out);
	pl->out = pl->wrapped;
	free(pl->wrap);
	pl->wrap = NULL;
	pl->wrapped = NULL;
	fflush(pl->out);
}

void plain_notice(void *ctx, const char *msg)
{
	struct plain *pl = ctx;
	if (pl->at_prompt) {
		/* network play tells of news while the prompt waits: on a line
		 * of its own, and the prompt comes again (plain_wait) */
		fputc('\n', pl->out);
		pl->at_prompt = false;
		pl->reprompt = true;
	}
	fprintf(pl->out, "note: %s\n", msg);
	fflush(pl->out);
}

void plain_init(struct plain *pl, struct frontend *fe, FILE *in, FILE *out, bool echo)
{
	memset(pl, 0, sizeof *pl);
	pl->in = in;
	pl->out = out;
	pl->echo = echo;
	/* Unbuffered, stdio reads a byte at a time and never holds a line
	 * back, so poll() on the descriptor is the truth about waiting input. */
	pl->unbuffered = fileno(in) >= 0 && setvbuf(in, NULL, _IONBF, 0) == 0;
	fe->ctx = pl;
	fe->briefing = plain_briefing;
	fe->orders = plain_orders;
	fe->handoff = plain_handoff;
	fe->resolution = plain_resolution;
	fe->game_over = plain_game_over;
}
