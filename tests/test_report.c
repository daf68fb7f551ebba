/* test_report.c - after-action reports: every section, a table row per turn, the path to
 * war named in a war game, the CSV's columns and rows, the chart's file name. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../game/engine/rng.h"
#include "../game/engine/turn.h"
#include "../game/explain/explain.h"
#include "../game/report/debrief.h"
#include "../game/report/report.h"
#include "../game/scenario/scenario.h"

#define SCENARIO "scenarios/door-closed.cfg"

static void rules_load(struct rules *r)
{
	struct diags ds = { 0 };
	int rc = scenario_load(SCENARIO, r, &ds);
	if (rc)
		diag_print(&ds, stderr);
	cr_assert_eq(rc, 0, "cannot load " SCENARIO);
}

/* Play up to TURNS turns; NATO deploys to Poland and the rest is random. */
static struct session *game_play(const struct rules *r, uint64_t seed, int turns)
{
	struct session *s = session_create(r, seed);
	uint64_t rng = rng_mix(seed);
	int deploy = rules_action_find(r, "deploy"), poland = rules_region_find(r, "poland");
	for (int t = 0; t < turns && !s->world.over; t++) {
		struct orders o[SIDE_COUNT] = { 0 };
		orders_add(&s->world, r, SIDE_NATO, &o[SIDE_NATO], deploy, poland, NULL);
		for (int side = 0; side < SIDE_COUNT; side++)
			for (int k = 0; k < 6; k++) {
				int a = (int)rng_below(&rng, r->nactions);
				int reg = r->action[a].target == TARGET_REGION ? (int)rng_below(&rng, r->nregions)
				                                                : RULES_NO_REGION;
				orders_add(&s->world, r, side, &o[side], a, reg, NULL);
			}
		cr_assert_eq(session_submit(s, o), 0);
	}
	return s;
}

static char *report_text(const struct session *s, int format)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct report_opts o = { .format = format, .png = NULL };
	cr_assert_eq(report_write(s, &o, f), 0);
	fclose(f);
	return buf;
}

/* Lines of the Markdown table that follows HEADING (up to the next blank line
 * after it starts), minus its header and rule lines. */
static int table_rows(const char *text, const char *heading)
{
	const char *p = strstr(text, heading);
	cr_assert_not_null(p, "no '%s'", heading);
	p = strstr(p, "\n|");
	cr_assert_not_null(p);
	p++;
	int rows = 0;
	while (*p == '|') {
		rows++;
		p = strchr(p, '\n');
		if (!p)
			break;
		p++;
	}
	return rows - 2;
}

static int count(const char *text, const char *needle)
{
	int n = 0;
	for (const char *p = text; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

Test(report, markdown_has_every_section_and_a_row_per_turn)
{
	struct rules r;
	rules_load(&r);
	struct session *s = NULL;
	for (uint64_t seed = 11; !s || s->turns < 7 || s->world.over; seed++) {
		session_free(s);
		s = game_play(&r, seed, 7);
	}
	char *md = report_text(s, REPORT_MD);
	static const char *const sections[] = {
		"# After-action report: ", "## Summary", "## What each side did", "## What happened",
		"## Why", "### The largest tension changes", "### The path to war", "## Turn by turn",
		"### Regions at the end", "## Final scores", "## Tension over time",
	};
	const char *last = md;
	for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		const char *at = strstr(md, sections[i]);
		cr_assert_not_null(at, "missing section '%s'", sections[i]);
		cr_assert_geq(at, last, "section '%s' out of order", sections[i]);
		last = at;
	}
	cr_assert_eq(table_rows(md, "## Turn by turn"), s->turns + 1, "the start and one row per turn");
	cr_assert_eq(table_rows(md, "## What each side did"), s->turns);
	cr_assert_eq(table_rows(md, "### Regions at the end"), r.nregions);
	cr_assert_not_null(strstr(md, "| Result | in progress |"));
	/* the game is not over (the loop above chose it so): no war, and the
	 * peak the report names is the highest tension of the game's history */
	int peak = 0;
	for (int t = 0; t <= s->turns; t++)
		if (s->world.history[t][VAR_TENSION] > peak)
			peak = s->world.history[t][VAR_TENSION];
	char said[64];
	snprintf(said, sizeof said, "There was no war. Tension peaked at %d (", peak);
	cr_assert_not_null(strstr(md, said), "no '%s'", said);
	cr_assert_not_null(strstr(md, "Deploy forces in Poland"), "NATO's orders are told");
	/* each row of the table carries the tension after that turn */
	char row[64];
	for (int t = 1; t <= s->turns; t++) {
		char date[16];
		int y, q;
		rules_date(&r, t - 1, &y, &q);
		snprintf(date, sizeof date, "%d-Q%d", y, q);
		snprintf(row, sizeof row, "| %d | %s | %d |", t, date, s->world.history[t][VAR_TENSION]);
		cr_assert_not_null(strstr(md, row), "row '%s'", row);
	}
	/* the chart: 11 levels and one point per column (the start and each turn) */
	const char *chart = strstr(md, "```text\n");
	cr_assert_not_null(chart);
	cr_assert_not_null(strstr(chart, "100 |"));
	cr_assert_not_null(strstr(chart, "  0 |"));
	cr_assert_eq(count(chart, "*"), s->turns + 1);
	free(md);
	session_free(s);
}

Test(report, a_war_game_names_the_path_to_war)
{
	struct rules r;
	rules_load(&r);
	r.start_world[VAR_TENSION] = 80;
	r.start_world[VAR_DIALOGUE] = 0;
	r.start_world[VAR_ARMS_CONTROL] = 0;
	r.start_world[VAR_CYBER] = 100;
	struct session *s = NULL;
	for (uint64_t seed = 1; seed < 50; seed++) {
		s = game_play(&r, seed, r.turns);
		if (s->world.result == RESULT_WAR)
			break;
		session_free(s);
		s = NULL;
	}
	cr_assert_not_null(s, "some game reaches war");
	char *md = report_text(s, REPORT_MD);
	char want[128];
	snprintf(want, sizeof want, "Tension reached 100 in turn %d", s->turns);
	cr_assert_not_null(strstr(md, want), "the war turn is named");
	cr_assert_not_null(strstr(md, "The climb began in turn"));
	cr_assert_not_null(strstr(md, "The largest single push on the way: Tension +"));
	cr_assert_not_null(strstr(md, "| Result | war: both sides lose |"));
	cr_assert_not_null(strstr(md, "WAR: tension reached 100."), "the war headline is in what happened");
	snprintf(want, sizeof want, ". Turn %d (", s->turns);
	const char *path = strstr(md, "### The path to war");
	cr_assert_not_null(strstr(path, want), "the chain ends with the war turn");
	cr_assert_null(strstr(md, "There was no war"));
	free(md);
	session_free(s);
}

Test(report, csv_has_every_variable_and_a_row_per_turn)
{
	struct rules r;
	rules_load(&r);
	struct session *s = game_play(&r, 12, 12);
	char *csv = report_text(s, REPORT_CSV);
	char *save = NULL;
	char *line = strtok_r(csv, "\n", &save);
	cr_assert_not_null(line);
	const char *want =
		"turn,date,tension,dialogue,arms_control,sanctions,nato_cohesion,axis,cyber,"
		"security_index,nato_ap,russia_ap,poland.nato_forces,poland.russia_forces,"
		"poland.alignment,poland.stability,poland.member,poland.conflict,baltics.nato_forces";
	cr_assert_eq(strncmp(line, want, strlen(want)), 0, "header: %s", line);
	int cols = 1;
	for (const char *p = line; *p; p++)
		cols += *p == ',';
	cr_assert_eq(cols, 2 + VAR_WORLD_END + 3 + r.nregions * VAR_REGION_STORED + 3);
	cr_assert_not_null(strstr(line, ",nato_orders,russia_orders,result"));
	int rows = 0;
	char *last = NULL;
	while ((line = strtok_r(NULL, "\n", &save))) {
		int c = 1;
		for (const char *p = line; *p; p++)
			c += *p == ',';
		cr_assert_eq(c, cols, "row %d has every column", rows);
		int t, tension;
		char date[16];
		cr_assert_eq(sscanf(line, "%d,%15[^,],%d,", &t, date, &tension), 3);
		cr_assert_eq(t, rows);
		cr_assert_eq(tension, s->world.history[t][VAR_TENSION], "tension of turn %d", t);
		rows++;
		last = line;
	}
	cr_assert_eq(rows, s->turns + 1);
	const char *res = strrchr(last, ',') + 1;
	cr_assert_str_eq(res, explain_result(s->world.result));
	free(csv);
	session_free(s);
}

Test(report, an_unplayed_game_still_reports)
{
	struct rules r;
	rules_load(&r);
	struct session *s = session_create(&r, 1);
	char *md = report_text(s, REPORT_MD);
	cr_assert_not_null(strstr(md, "No turn was played."));
	cr_assert_eq(table_rows(md, "## Turn by turn"), 1);
	free(md);
	char *csv = report_text(s, REPORT_CSV);
	cr_assert_eq(count(csv, "\n"), 2, "header and the start row");
	free(csv);
	session_free(s);
}

Test(report, chart_file_names)
{
	char buf[256];
	cr_assert_eq(report_png_path("debrief.md", buf, sizeof buf), 0);
	cr_assert_str_eq(buf, "debrief.png");
	cr_assert_eq(report_png_path("out/report", buf, sizeof buf), 0);
	cr_assert_str_eq(buf, "out/report.png");
	cr_assert_eq(report_png_path("x.md", buf, 4), -1);
}

Test(report, no_gnuplot_no_chart)
{
	struct rules r;
	rules_load(&r);
	struct session *s = session_create(&r, 1);
	setenv("PATH", "/nonexistent", 1);
	struct diags ds = { 0 };
	cr_assert_eq(report_chart_png(s, "/tmp/brink-test-never.png", &ds), 1, "skipped silently");
	cr_assert_eq(ds.n, 0);
	session_free(s);
}

Test(report, gnuplot_draws_a_png_when_installed)
{
	if (system("command -v gnuplot >/dev/null 2>&1") != 0)
		cr_skip_test("gnuplot is not installed");
	struct rules r;
	rules_load(&r);
	struct session *s = game_play(&r, 3, 4);
	char path[] = "/tmp/brink-test-chart-XXXXXX";
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	close(fd);
	struct diags ds = { 0 };
	int rc = report_chart_png(s, path, &ds);
	if (rc)
		diag_print(&ds, stderr);
	cr_assert_eq(rc, 0);
	unsigned char magic[8] = { 0 };
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f);
	cr_assert_eq(fread(magic, 1, 8, f), 8);
	fclose(f);
	unlink(path);
	cr_assert_eq(memcmp(magic, "\x89PNG\r\n\x1a\n", 8), 0, "a PNG file");
	memset(&ds, 0, sizeof ds);
	cr_assert_eq(report_chart_png(s, "/tmp/it's.png", &ds), -1, "a quote in the name is refused");
	session_free(s);
}

/* Issue 11, what a player wants 1: the debrief. The alignment it shows turn by
 * turn is the alignment of the replayed worlds, the points it counts per side
 * are the final scores, and the report and its lines name each deciding region. */
Test(report, the_debrief_follows_each_region_turn_by_turn)
{
	struct rules *r = malloc(sizeof *r);
	rules_load(r);
	for (uint64_t seed = 1; seed <= 6; seed++) {
		struct session *s = game_play(r, seed, r->turns);
		struct debrief *d = malloc(sizeof *d);
		debrief_build(s, d);
		struct world *w = malloc(sizeof *w);
		*w = s->start;
		for (int t = 0; t <= s->turns; t++) {
			if (t > 0)
				turn_resolve(w, r, s->orders[t - 1]);
			for (int i = 0; i < r->nregions; i++)
				cr_assert_eq(d->reg[i].align[t], world_get(w, r, VAR_ALIGNMENT, i),
				             "seed %llu region %d turn %d: %d vs %d", (unsigned long long)seed, i, t, d->reg[i].align[t], world_get(w, r, VAR_ALIGNMENT, i));
		}
		for (int i = 0; i < r->nregions; i++)
			cr_assert_eq(d->reg[i].holder, turn_controller(&s->world, r, i));
		for (int side = 0; side < SIDE_COUNT; side++) {
			int sum = 0, held = 0;
			for (int k = 0; k < SCORE_COUNT; k++)
				sum += d->scored[side][k];
			cr_assert_eq(sum, s->world.score[side], "the score's terms add up to the score");
			for (int i = 0; i < r->nregions; i++)
				if (turn_controller(&s->world, r, i) == side)
					held += r->region[i].value;
			cr_assert_eq(d->held[side], held);
		}
		struct debrief_line *dl = calloc(80, sizeof *dl);
		int n = debrief_lines(s, d, dl, 80);
		char *md = report_text(s, REPORT_MD);
		cr_assert_not_null(strstr(md, "### The deciding regions"), "seed %llu", (unsigned long long)seed);
		for (int k = 0; k < d->nshown; k++) {
			const char *name = r->region[d->shown[k]].name;
			bool said = false;
			for (int i = 0; i < n; i++)
				said = said || (dl[i].kind == DEBRIEF_TEXT && strstr(dl[i].text, name) == dl[i].text);
			cr_assert(said, "the debrief does not follow %s", name);
			cr_assert_not_null(strstr(md, name));
		}
		free(md);
		free(dl);
		free(w);
		free(d);
		session_free(s);
	}
	free(r);
}

/* The debrief sums each score term over the game: "regions held this turn
 * +84" read as one turn's points. */
Test(report, the_debriefs_totals_are_over_the_game_not_this_turn)
{
	struct rules *r = malloc(sizeof *r);
	rules_load(r);
	struct session *s = game_play(r, 2, r->turns);
	struct debrief *d = malloc(sizeof *d);
	debrief_build(s, d);
	struct debrief_line *dl = calloc(80, sizeof *dl);
	int n = debrief_lines(s, d, dl, 80);
	int sides = 0;
	for (int i = 0; i < n; i++) {
		cr_assert_null(strstr(dl[i].text, "this turn"), "'%s'", dl[i].text);
		sides += strstr(dl[i].text, "regions held, turn by turn +") != NULL;
	}
	cr_assert_geq(sides, 1, "a side's total for the regions held, turn by turn");
	free(dl);
	free(d);
	session_free(s);
	free(r);
}
