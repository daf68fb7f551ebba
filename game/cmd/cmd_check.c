/* cmd_check.c - `brink check FILE...`: validate scenario files (and the standard rules file).
 *
 * Every problem goes to stderr as FILE:LINE: error|warning: MESSAGE; each
 * valid file gets "FILE: ok" on stdout. Exit 0 when all are valid, 1 when
 * any is not, 2 on a usage error. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ai/ai.h"
#include "../explain/explain.h"
#include "../scenario/check.h"
#include "../scenario/scenario.h"
#include "../sim/sim.h"
#include "cmd.h"

struct check_args {
	bool fragment;
	bool strict;
	bool balance;
	bool games_given;
	unsigned long long games;
};

#define BALANCE_GAMES 200 /* a pairing, by default: about a second for the three */

static const struct cmd_opt check_opts[] = {
	{ .name = "fragment", .type = CMD_FLAG, .offset = offsetof(struct check_args, fragment),
	  .help = "Check each FILE as an include fragment on its own: its syntax, its own "
	          "includes, and the types, ranges and keys of the sections it holds; no section "
	          "is required, and region names are left to the file that includes it." },
	{ .name = "strict", .type = CMD_FLAG, .offset = offsetof(struct check_args, strict),
	  .help = "Warnings are errors: a file with any warning (an isolated region, an action "
	          "or event that can never happen, no incident, no side able to win, an unknown "
	          "key...) is not valid, and the exit status is 1." },
	{ .name = "balance", .type = CMD_FLAG, .offset = offsetof(struct check_args, balance),
	  .help = "Also play each valid scenario AI against AI (normal vs normal, hawk vs hawk, "
	          "dove vs dove) and print a verdict against the balance targets of "
	          "docs/balance.md. The verdict informs; it does not change the exit status." },
	{ .name = "games", .value = "N", .type = CMD_NUMBER,
	  .offset = offsetof(struct check_args, games),
	  .seen = CMD_SEEN(struct check_args, games_given), .min = 1, .max = 100000,
	  .help = "games a pairing for --balance (default 200)" },
	{ .name = NULL },
};

static double pct(uint64_t a, uint64_t b)
{
	return b ? 100.0 * (double)a / (double)b : 0.0;
}

/* Play one pairing of BALANCE: N games with seed 1. */
static int balance_run(const struct rules *r, int level, uint64_t games, struct sim_totals *t)
{
	struct sim_config c;
	memset(&c, 0, sizeof c);
	c.seed = 1;
	c.games = games;
	c.level[SIDE_NATO] = c.level[SIDE_RUSSIA] = (uint8_t)level;
	c.jobs = 2;
	c.shards = 1;
	return sim_run(r, &c, t, NULL, NULL);
}

/* `check --balance`: the targets of docs/balance.md that normal, hawk and
 * dove AIs can measure (the hard AI's is left to `make balance`: it takes
 * minutes). Prints the figures, then one line a target: ok or MISSED. */
static int balance_report(const char *path, uint64_t games)
{
	struct rules *r = malloc(sizeof *r);
	struct diags *ds = diags_new();
	struct sim_totals *t = malloc(sizeof *t * 3);
	int rc = 1;
	if (!r || !ds || !t || scenario_load(path, r, ds) != 0)
		goto out;
	static const int level[3] = { AI_NORMAL, AI_HAWK, AI_DOVE };
	for (int k = 0; k < 3; k++)
		if (balance_run(r, level[k], games, &t[k]) < 0)
			goto out;
	const struct sim_totals *nn = &t[0], *hh = &t[1], *dd = &t[2];
	uint64_t n_nato = nn->results[RESULT_NATO], n_rus = nn->results[RESULT_RUSSIA];
	uint64_t decided = n_nato + n_rus;
	printf("%s: balance, %llu games a pairing, seed 1 (targets: docs/balance.md)\n", path,
	       (unsigned long long)games);
	for (int k = 0; k < 3; k++) {
		const uint64_t *res = t[k].results;
		printf("  %-6s vs %-6s  NATO %5.1f%%  Russia %5.1f%%  draw %5.1f%%  peace %5.1f%%  war %5.1f%%\n",
		       ai_level_name(level[k]), ai_level_name(level[k]), pct(res[RESULT_NATO], t[k].games),
		       pct(res[RESULT_RUSSIA], t[k].games), pct(res[RESULT_DRAW], t[k].games),
		       pct(res[RESULT_PEACE], t[k].games), pct(res[RESULT_WAR], t[k].games));
	}
	int top[SIDE_COUNT] = { -1, -1 };
	for (int s = 0; s < SIDE_COUNT; s++)
		for (int a = 0; a < r->nactions; a++)
			if (nn->uses[s][a] && (top[s] < 0 || nn->uses[s][a] > nn->uses[s][top[s]]))
				top[s] = a;
	/* the verdict */
	int missed = 0;
	double share = decided ? pct(n_nato > n_rus ? n_nato : n_rus, decided) : 0;
	const char *leader = n_nato > n_rus ? "NATO" : "Russia";
	if (decided == 0) {
		printf("  MISSED  normal vs normal: no game of %llu was won by either side (draws %.1f%%, "
		       "wars %.1f%%)\n", (unsigned long long)games, pct(nn->results[RESULT_DRAW], games),
		       pct(nn->results[RESULT_WAR], games));
		missed++;
	} else {
		bool ok = share <= 60.0;
		missed += !ok;
		printf("  %-6s  normal vs normal: %s wins %.1f%% of the %llu decided games (at most 60%%)\n",
		       ok ? "ok" : "MISSED", leader, share, (unsigned long long)decided);
	}
	double gap = pct(hh->results[RESULT_WAR], games) - pct(dd->results[RESULT_WAR], games);
	bool gap_ok = gap >= 15.0;
	missed += !gap_ok;
	printf("  %-6s  hawks end in war %.1f points more often than doves (at least 15)\n",
	       gap_ok ? "ok" : "MISSED", gap);
	for (int s = 0; s < SIDE_COUNT; s++) {
		double use = top[s] >= 0 ? pct(nn->uses[s][top[s]], nn->orders[s]) : 0;
		bool ok = use <= 40.0;
		missed += !ok;
		printf("  %-6s  %s's most used action (normal AI): %s, %.1f%% of its orders (at most 40%%)\n",
		       ok ? "ok" : "MISSED", explain_side(r, s), top[s] >= 0 ? r->action[top[s]].id : "none", use);
	}
	printf("  verdict: %s\n", missed ? "unbalanced: see the MISSED lines (brink sim --events "
	       "shows which events fire)" : "every target met");
	rc = 0;
out:
	if (ds && ds->n)
		diag_print(ds, stderr);
	free(r);
	diags_free(ds);
	free(t);
	return rc;
}

static int check_exec(int argc, char **argv)
{
	struct check_args a = { .fragment = false, .games = BALANCE_GAMES };
	int n, rc = cmd_parse(&cmd_check, argc, argv, &a, &n);
	if (rc)
		return rc < 0 ? 0 : rc;
	struct diags *ds = diags_new();
	if (!ds) {
		fputs("brink: out of memory\n", stderr);
		return 1;
	}
	int status = 0;
	for (int i = 1; i <= n; i++) {
		diags_clear(ds);
		bool rules = false;
		rc = a.fragment ? scenario_check_fragment(argv[i], ds) : scenario_check(argv[i], ds, &rules);
		if (a.strict && ds->warnings > 0) {
			for (int k = 0; k < ds->n; k++)
				ds->d[k].level = DIAG_ERROR;
			ds->errors += ds->warnings;
			ds->warnings = 0;
			rc = 1;
		}
		diag_print(ds, stderr);
		if (rc == 0)
			printf("%s: ok%s\n", argv[i], a.fragment ? " (fragment)"
			       : rules ? " (standard rules file)" : "");
		else
			status = 1;
		if (rc == 0 && a.balance && !a.fragment && !rules && balance_report(argv[i], a.games) != 0)
			status = 1;
	}
	diags_free(ds);
	fflush(stdout);
	return status;
}

const struct cmd cmd_check = {
	.name = "check",
	.operands = "FILE...",
	.min_operands = 1,
	.max_operands = CMD_MANY,
	.missing = "no scenario file given",
	.summary = "validate scenario files: every problem as FILE:LINE: error: MESSAGE",
	.about = "Validate scenario files. Every problem of every file is printed on stderr as "
	         "FILE:LINE: error: MESSAGE (or warning: for a warning); each valid file gets "
	         "\"FILE: ok\" on stdout. A file holding only format, actions, events, dynamics "
	         "and victory is checked as a standard rules file. An @include is resolved relative "
	         "to the including file's folder.",
	.more = "Besides errors, check warns about what is legal but surely not meant: a region "
	        "with no borders, an action whose requirements or cost can never be met, an event "
	        "whose conditions can never hold, no incident, a start where no side can win. "
	        "Exit status: 0 all valid (warnings allowed unless --strict), 1 any invalid, "
	        "2 usage error. "
	        "The format: man 5 brink-scenario.",
	.opts = check_opts,
	.exec = check_exec,
};
