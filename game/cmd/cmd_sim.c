/* cmd_sim.c - `brink sim`: headless AI-vs-AI batches, summaries, CSV, shards, tournaments.
 *
 * Prints `key: value` lines. Everything but games_per_second (the last line)
 * depends only on the scenario, the seed and the options, never on --jobs:
 * game i's seed comes from (seed, i) alone, and totals are integer sums. */
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../ai/ai.h"
#include "../base/file.h"
#include "../scenario/scenario.h"
#include "../sim/sim.h"
#include "cmd.h"

/* The hard AI's default playouts a decision, as ai_init() sets it. */
static void budget_note(char *buf, size_t len)
{
	struct ai probe;
	ai_init(&probe, AI_HARD, SIDE_NATO, 0);
	snprintf(buf, len, "(default %u)", probe.budget);
}

#define SIM_BUDGET_MAX 4096        /* --ai-budget: a hard game takes seconds, not minutes */
#define SIM_WORK_MAX (24 * 3600.0) /* a run estimated longer than this is refused */
#define SIM_PROBE_SECONDS 0.2      /* games timed before a batch to estimate it */
#define SIM_PROGRESS_AFTER 2.0     /* runs estimated longer show progress on a terminal */

struct sim_args {
	const char *csv;
	struct sim_config c;
	unsigned long long games, seed, jobs, budget; /* read into c once parsed */
	const char *policy[SIDE_COUNT]; /* fixed:... strategies (checked once the scenario is loaded) */
	bool games_given, budget_given, tournament, actions, events;
};

/* --nato/--russia (ARG: the side): an AI level or a fixed policy. */
static int parse_level(void *args, int side, const char *v, char *why, size_t len)
{
	struct sim_args *a = args;
	int level = ai_level_parse(v);
	if (!strncmp(v, "fixed:", 6)) {
		a->policy[side] = v;
		return 0;
	}
	if (level < 0) {
		char list[256];
		ai_level_list(list, sizeof list);
		snprintf(why, len, "unknown AI level '%s' for --%s (%s; or fixed:ACTION[@REGION],...)", v,
		         side_id(side), list);
		return -1;
	}
	a->c.level[side] = (uint8_t)level;
	return 0;
}

/* --shard I/N with 0 <= I < N. */
static int parse_shard(void *args, int arg, const char *v, char *why, size_t len)
{
	(void)arg;
	struct sim_args *a = args;
	unsigned long long si, sn;
	const char *slash = strchr(v, '/');
	char head[32];
	size_t hl = slash ? (size_t)(slash - v) : 0;
	if (!slash || hl == 0 || hl >= sizeof head) {
		snprintf(why, len, "--shard needs I/N, such as 0/4, not '%s'", v);
		return -1;
	}
	memcpy(head, v, hl);
	head[hl] = 0;
	if (cmd_parse_u64(head, &si) < 0 || cmd_parse_u64(slash + 1, &sn) < 0 || sn == 0 ||
	    si >= sn || sn > 1000000) {
		snprintf(why, len, "--shard needs I/N with 0 <= I < N (N up to 1000000), not '%s'", v);
		return -1;
	}
	a->c.shard = si;
	a->c.shards = sn;
	return 0;
}

#define ARG(f) offsetof(struct sim_args, f)
#define STR_(x) #x
#define STR(x) STR_(x)

static const struct cmd_opt sim_opts[] = {
	{ .name = "games", .value = "N", .type = CMD_NUMBER, .offset = ARG(games),
	  .seen = CMD_SEEN(struct sim_args, games_given), .min = 1, .max = 1000000000000ULL,
	  .help = "games to play (default 1000; 100 a pairing with --tournament)" },
	{ .name = "seed", .value = "S", .type = CMD_NUMBER, .offset = ARG(seed), .max = ULLONG_MAX,
	  .help = "the batch seed (default 1); game i plays with a seed made from S and i only, "
	          "so results never depend on --jobs" },
	{ .name = "nato", .value = "POLICY", .type = CMD_CUSTOM, .parse = parse_level, .arg = SIDE_NATO,
	  .help = "NATO's AI level (default normal), or fixed:ACTION[@REGION][,...]: those orders "
	          "every turn where affordable and allowed, firm in crises" },
	{ .name = "russia", .value = "POLICY", .type = CMD_CUSTOM, .parse = parse_level, .arg = SIDE_RUSSIA,
	  .help = "Russia's, the same way.", .note = cmd_note_levels },
	{ .name = "jobs", .value = "J", .type = CMD_NUMBER, .offset = ARG(jobs), .min = 1,
	  .max = SIM_JOBS_MAX, .help = "play on J threads (default 1, at most " STR(SIM_JOBS_MAX) ")" },
	{ .name = "csv", .value = "FILE", .type = CMD_TEXT, .offset = ARG(csv),
	  .help = "one row per game, in game order, with the columns game, seed, winner, turns, "
	          "final_tension, nato_score, russia_score, war, security_index" },
	{ .name = "shard", .value = "I/N", .type = CMD_CUSTOM, .parse = parse_shard,
	  .help = "play only the games whose number modulo N is I (0 <= I < N); the CSVs of all N "
	          "shards sort (by game) into the full run's" },
	{ .name = "tournament", .type = CMD_FLAG, .offset = ARG(tournament),
	  .help = "every level against every other, both ways round: a table of win, draw and war "
	          "rates (CSV rows gain nato_ai,russia_ai)" },
	{ .name = "ai-budget", .value = "N", .type = CMD_NUMBER, .offset = ARG(budget),
	  .seen = CMD_SEEN(struct sim_args, budget_given), .min = 1, .max = SIM_BUDGET_MAX,
	  .help = "playouts per decision of the hard AI, at most 4096 (a hard game then takes "
	          "seconds)", .note = budget_note },
	{ .name = "actions", .type = CMD_FLAG, .offset = ARG(actions),
	  .help = "also print each action's share of each side's orders" },
	{ .name = "events", .type = CMD_FLAG, .offset = ARG(events),
	  .help = "also print how often each event and incident fired (event_ID: times, per "
	          "game; \"never\" for one that never did) and how many miscalculations struck" },
	{ .name = NULL },
};

static double sim_clock(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

struct csv_out {
	FILE *f;
	const char *levels; /* ",nato_ai,russia_ai" values in a tournament, else NULL */
};

static void csv_row(void *ctx, const struct sim_game *g)
{
	struct csv_out *o = ctx;
	fprintf(o->f, "%llu,%llu,%s,%d,%d,%d,%d,%d,%d%s\n", (unsigned long long)g->index,
	        (unsigned long long)g->seed, sim_result_word(g->result), g->turns, g->tension,
	        g->score[SIDE_NATO], g->score[SIDE_RUSSIA], g->result == RESULT_WAR, g->security,
	        o->levels ? o->levels : "");
}

/* Progress on stderr (a terminal), printed by a thread of its own every
 * second from the count sim_run keeps in c.played. */
struct sim_progress {
	uint64_t played, total;
	double t0;
	int stop;
	pthread_mutex_t lock;
	pthread_cond_t wake;
};

/* SECONDS in words: "40 s", "12 min", "3.5 h", "300 days". */
static const char *duration_text(double seconds, char *buf, size_t len)
{
	if (seconds < 90)
		snprintf(buf, len, "%.0f s", seconds);
	else if (seconds < 90 * 60)
		snprintf(buf, len, "%.0f min", seconds / 60);
	else if (seconds < 48 * 3600)
		snprintf(buf, len, "%.1f h", seconds / 3600);
	else
		snprintf(buf, len, "%.0f days", seconds / 86400);
	return buf;
}

static void *progress_run(void *arg)
{
	struct sim_progress *p = arg;
	pthread_mutex_lock(&p->lock);
	while (!p->stop) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += 1;
		pthread_cond_timedwait(&p->wake, &p->lock, &ts);
		if (p->stop)
			break;
		uint64_t done = __atomic_load_n(&p->played, __ATOMIC_RELAXED);
		double dt = sim_clock() - p->t0;
		char left[32] = "?";
		if (done > 0 && dt > 0)
			duration_text((double)(p->total - done) * dt / (double)done, left, sizeof left);
		fprintf(stderr, "\rsim: %llu of %llu games (%.0f%%), about %s left   ",
		        (unsigned long long)done, (unsigned long long)p->total,
		        100.0 * (double)done / (double)p->total, left);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* Time a few games of C (on one thread) and estimate the whole shard's run
 * on C->jobs threads, in seconds. */
static double sim_estimate(const struct rules *r, const struct sim_config *c)
{
	uint64_t n = sim_shard_games(c), probed = 0;
	double t0 = sim_clock(), dt = 0;
	struct sim_game g;
	while (probed < n && probed < 8 && dt < SIM_PROBE_SECONDS) {
		sim_play(r, c, c->shard + probed * c->shards, &g, NULL);
		probed++;
		dt = sim_clock() - t0;
	}
	if (!probed)
		return 0;
	return dt / (double)probed * (double)n / (double)(c->jobs > 0 ? c->jobs : 1);
}

/* sim_run, with its progress on stderr when SHOW. */
static int sim_run_shown(const struct rules *r, struct sim_config *c, struct sim_totals *t,
                         sim_row_fn row, void *ctx, bool show)
{
	struct sim_progress p = { .total = sim_shard_games(c), .t0 = sim_clock() };
	pthread_t tid;
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.wake, NULL);
	show = show && pthread_create(&tid, NULL, progress_run, &p) == 0;
	if (show)
		c->played = &p.played;
	int rc = sim_run(r, c, t, row, ctx);
	c->played = NULL;
	if (show) {
		pthread_mutex_lock(&p.lock);
		p.stop = 1;
		pthread_cond_signal(&p.wake);
		pthread_mutex_unlock(&p.lock);
		pthread_join(tid, NULL);
		fputs("\r\033[K", stderr); /* the progress line goes: the summary follows */
	}
	pthread_mutex_destroy(&p.lock);
	pthread_cond_destroy(&p.wake);
	return rc;
}

static double ratio(uint64_t a, uint64_t b)
{
	return b ? (double)a / (double)b : 0.0;
}

/* The summary of one batch, every line but games_per_second. */
static void sim_summary(const struct rules *r, const struct sim_args *a, const struct sim_totals *t)
{
	const uint64_t *res = t->results;
	uint64_t decided = res[RESULT_NATO] + res[RESULT_RUSSIA];
	printf("scenario: %s\n", r->id);
	for (int s = 0; s < SIDE_COUNT; s++)
		printf("%s: %s\n", side_id(s), a->policy[s] ? a->policy[s] : ai_level_name(a->c.level[s]));
	printf("seed: %llu\n", (unsigned long long)a->c.seed);
	if (a->c.shards > 1)
		printf("shard: %llu/%llu\n", (unsigned long long)a->c.shard, (unsigned long long)a->c.shards);
	printf("games: %llu\n", (unsigned long long)t->games);
	printf("nato_wins: %llu\n", (unsigned long long)res[RESULT_NATO]);
	printf("russia_wins: %llu\n", (unsigned long long)res[RESULT_RUSSIA]);
	printf("draws: %llu\n", (unsigned long long)res[RESULT_DRAW]);
	if (r->victory.cooperative || res[RESULT_PEACE])
		printf("peace: %llu\n", (unsigned long long)res[RESULT_PEACE]);
	printf("wars: %llu\n", (unsigned long long)res[RESULT_WAR]);
	printf("nato_win_share: %.3f\n", ratio(res[RESULT_NATO], decided));
	printf("war_rate: %.3f\n", ratio(res[RESULT_WAR], t->games));
	printf("draw_rate: %.3f\n", ratio(res[RESULT_DRAW], t->games));
	printf("mean_nato_score: %.2f\n", t->games ? (double)t->score[SIDE_NATO] / (double)t->games : 0.0);
	printf("mean_russia_score: %.2f\n",
	       t->games ? (double)t->score[SIDE_RUSSIA] / (double)t->games : 0.0);
	for (int i = 0; i < r->nregions; i++)
		printf("decided_by_%s: %.3f\n", r->region[i].id, ratio(t->decided_by[i], decided));
	printf("mean_crises: %.3f\n", ratio(t->crises, t->games));
	printf("mean_standoffs: %.3f\n", ratio(t->standoffs, t->games));
	printf("mean_final_tension: %.2f\n", ratio(t->tension, t->games));
	printf("mean_turns: %.2f\n", ratio(t->turns, t->games));
	printf("mean_security_index: %.2f\n", ratio(t->security, t->games));
	for (int s = 0; s < SIDE_COUNT; s++) {
		int top = -1;
		for (int k = 0; k < r->nactions && k < RULES_MAX_ACTIONS; k++)
			if (t->uses[s][k] && (top < 0 || t->uses[s][k] > t->uses[s][top]))
				top = k;
		printf("%s_orders_per_turn: %.2f\n", side_id(s), ratio(t->orders[s], t->turns));
		if (top >= 0)
			printf("%s_top_action: %s %.3f\n", side_id(s), r->action[top].id,
			       ratio(t->uses[s][top], t->orders[s]));
		else
			printf("%s_top_action: none 0\n", side_id(s));
		for (int k = 0; a->actions && k < r->nactions && k < RULES_MAX_ACTIONS; k++)
			if (rules_action_for_side(r, k, s))
				printf("action_%s_%s: %.3f\n", side_id(s), r->action[k].id,
				       ratio(t->uses[s][k], t->orders[s]));
	}
	if (!a->events)
		return;
	/* An author's view: which events fire, how often; one that never does
	 * in this many games is worth a look (brink check says when it cannot). */
	uint64_t incidents = 0;
	for (int e = 0; e < r->nevents && e < RULES_MAX_EVENTS; e++)
		if (r->event[e].kind == EVENT_INCIDENT)
			incidents += t->fired[e];
	printf("miscalculations: %llu\n", (unsigned long long)t->struck);
	printf("incidents: %llu\n", (unsigned long long)incidents);
	for (int e = 0; e < r->nevents && e < RULES_MAX_EVENTS; e++) {
		const char *kind = r->event[e].kind == EVENT_INCIDENT ? "incident" : "event";
		if (t->fired[e])
			printf("%s_%s: %llu %.3f\n", kind, r->event[e].id, (unsigned long long)t->fired[e],
			       ratio(t->fired[e], t->games));
		else
			printf("%s_%s: 0 never\n", kind, r->event[e].id);
	}
}

/* Every level against every other (and itself), NATO rows, Russia columns. */
static int sim_tournament(const struct rules *r, struct sim_args *a, struct csv_out *csv)
{
	static const int order[] = { AI_RANDOM, AI_EASY, AI_GREEDY, AI_NORMAL, AI_HARD,
	                             AI_HAWK,   AI_DOVE, AI_TIT_FOR_TAT };
	enum { N = sizeof order / sizeof order[0] };
	uint64_t played[N] = { 0 }, won[N] = { 0 }, drew[N] = { 0 }, warred[N] = { 0 }, all = 0;
	printf("scenario: %s\nseed: %llu\ngames_per_pairing: %llu\n", r->id,
	       (unsigned long long)a->c.seed, (unsigned long long)a->c.games);
	printf("%-12s %-12s %8s %8s %8s %8s %8s %9s\n", "nato", "russia", "nato%", "russia%", "draw%",
	       "peace%", "war%", "tension");
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++) {
			struct sim_totals t;
			a->c.level[SIDE_NATO] = (uint8_t)order[i];
			a->c.level[SIDE_RUSSIA] = (uint8_t)order[j];
			char levels[64];
			snprintf(levels, sizeof levels, ",%s,%s", ai_level_name(order[i]), ai_level_name(order[j]));
			csv->levels = levels;
			if (sim_run(r, &a->c, &t, csv->f ? csv_row : NULL, csv) < 0) {
				fputs("brink: out of memory\n", stderr);
				return 1;
			}
			const uint64_t *res = t.results;
			printf("%-12s %-12s %7.1f%% %7.1f%% %7.1f%% %7.1f%% %7.1f%% %9.2f\n",
			       ai_level_name(order[i]), ai_level_name(order[j]),
			       100 * ratio(res[RESULT_NATO], t.games), 100 * ratio(res[RESULT_RUSSIA], t.games),
			       100 * ratio(res[RESULT_DRAW], t.games), 100 * ratio(res[RESULT_PEACE], t.games),
			       100 * ratio(res[RESULT_WAR], t.games), ratio(t.tension, t.games));
			played[i] += t.games;
			played[j] += t.games;
			won[i] += res[RESULT_NATO];
			won[j] += res[RESULT_RUSSIA];
			drew[i] += res[RESULT_DRAW] + res[RESULT_PEACE];
			drew[j] += res[RESULT_DRAW] + res[RESULT_PEACE];
			warred[i] += res[RESULT_WAR];
			warred[j] += res[RESULT_WAR];
			all += t.games;
		}
	printf("\n%-12s %8s %8s %8s %8s\n", "player", "games", "win%", "draw%", "war%");
	for (int i = 0; i < N; i++)
		printf("%-12s %8llu %7.1f%% %7.1f%% %7.1f%%\n", ai_level_name(order[i]),
		       (unsigned long long)played[i], 100 * ratio(won[i], played[i]),
		       100 * ratio(drew[i], played[i]), 100 * ratio(warred[i], played[i]));
	printf("games: %llu\n", (unsigned long long)all);
	return 0;
}

static int sim_exec(int argc, char **argv)
{
	struct sim_args a;
	memset(&a, 0, sizeof a);
	a.c = (struct sim_config){ .level = { AI_NORMAL, AI_NORMAL }, .shard = 0, .shards = 1 };
	a.games = 1000;
	a.seed = 1;
	a.jobs = 1;
	int n, rc = cmd_parse(&cmd_sim, argc, argv, &a, &n);
	if (rc)
		return rc < 0 ? 0 : rc;
	a.c.games = a.tournament && !a.games_given ? 100 : a.games;
	a.c.seed = a.seed;
	a.c.jobs = (int)a.jobs;
	if (a.budget_given)
		a.c.budget = (uint32_t)a.budget;

	struct rules *rules = cmd_scenario_load(n ? argv[1] : SCENARIO_DEFAULT);
	if (!rules)
		return 1;
	for (int side = 0; side < SIDE_COUNT; side++) {
		char err[200];
		if (a.policy[side] &&
		    sim_fixed_parse(rules, side, a.policy[side], &a.c.fixed[side], err, sizeof err) < 0) {
			free(rules);
			return cmd_usage_error(&cmd_sim, "--%s: %s", side_id(side), err);
		}
	}

	struct csv_out csv = { NULL, NULL };
	if (a.csv) {
		csv.f = file_create(a.csv);
		if (!csv.f) {
			fprintf(stderr, "brink: cannot write %s: ", a.csv);
			perror(NULL);
			free(rules);
			return 1;
		}
		fprintf(csv.f, "game,seed,winner,turns,final_tension,nato_score,russia_score,war,"
		               "security_index%s\n", a.tournament ? ",nato_ai,russia_ai" : "");
	}
	/* a few games timed first: a run that cannot finish is refused, a long
	 * one shows its progress */
	double est = a.tournament ? 0 : sim_estimate(rules, &a.c);
	double t0 = sim_clock();
	struct sim_totals t;
	if (a.tournament) {
		rc = sim_tournament(rules, &a, &csv);
		t.games = 0;
	} else if (est > SIM_WORK_MAX) {
		char d[32];
		fprintf(stderr, "brink: sim: %llu games would take about %s here (%.3g s a game on %d "
		        "job%s); a run is refused above a day's work: ask for fewer --games, or split "
		        "the batch with --shard I/N\n", (unsigned long long)sim_shard_games(&a.c),
		        duration_text(est, d, sizeof d), est * a.c.jobs / (double)sim_shard_games(&a.c),
		        a.c.jobs, a.c.jobs == 1 ? "" : "s");
		rc = 1;
	} else if (sim_run_shown(rules, &a.c, &t, csv.f ? csv_row : NULL, &csv,
	                         est > SIM_PROGRESS_AFTER && isatty(2)) < 0) {
		fputs("brink: out of memory\n", stderr);
		rc = 1;
	} else {
		sim_summary(rules, &a, &t);
	}
	double dt = sim_clock() - t0;
	if (rc == 0 && !a.tournament)
		printf("games_per_second: %.0f\n", dt > 0 ? (double)t.games / dt : 0.0);
	if (csv.f && fclose(csv.f) != 0) {
		fprintf(stderr, "brink: error writing %s\n", a.csv);
		rc = 1;
	}
	free(rules);
	return rc;
}

const struct cmd cmd_sim = {
	.name = "sim",
	.operands = "[SCENARIO]",
	.max_operands = 1,
	.summary = "headless AI-vs-AI games: win, draw and war rates; CSV; shards; tournaments",
	.about = "Play AI-vs-AI games without a screen and print a summary as 'key: value' lines. "
	         "SCENARIO is a .cfg file or a scenario id (default: " SCENARIO_DEFAULT ").",
	.more = "Lines: games, nato_wins, russia_wins, draws, (peace,) wars, nato_win_share (of "
	        "decided games), war_rate, mean_final_tension, mean_turns, mean_security_index, top "
	        "actions, and games_per_second last.",
	.opts = sim_opts,
	.exec = sim_exec,
};
