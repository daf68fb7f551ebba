/* test_scenario.c - the scenario loader, writer and catalog (game/scenario/).
 *
 * The malformed-input corpus lives in tests/data/bad/: each file says what it
 * expects in its first lines, "# expect: LINE error|warning TEXT" (or
 * "# expect: OTHER-FILE:LINE ..." for a problem inside an included file), and
 * one test walks the folder, so adding a case is adding a file. Every error
 * the loader reports must be expected by a marker (the exact line), and
 * every marker must be met. A file without markers must simply fail. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../game/engine/world.h"
#include "../game/scenario/check.h"
#include "../game/scenario/scenario.h"
#include "../game/scenario/schema.h"
#include "fixture.h"

/* libconfig 1.5 leaks a few bytes on its parse-error paths (TOOLCHAIN.md),
 * which the corpus walks on purpose: LeakSanitizer reads this hook, so
 * `make unit-asan` passes without LSAN_OPTIONS too. Unused in other builds. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libconfig.so\n";
}

#define BAD_DIR "tests/data/bad"
#define GOOD_DIR "tests/data/good"

static struct rules *rules_new(void)
{
	struct rules *r = calloc(1, sizeof *r);
	cr_assert(r);
	return r;
}

static struct diags *diags_alloc(void)
{
	struct diags *ds = diags_new();
	cr_assert(ds);
	return ds;
}

/* All diagnostics as text, for failure messages. */
static const char *diags_text(const struct diags *ds)
{
	static char buf[8192]; /* test-only scratch */
	size_t o = 0;
	buf[0] = '\0';
	for (int i = 0; i < ds->n && o + 600 < sizeof buf; i++)
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s:%d: %s: %s\n", ds->d[i].file,
		                      ds->d[i].line, ds->d[i].level == DIAG_ERROR ? "error" : "warning",
		                      ds->d[i].msg);
	return buf;
}

/* ---- field-by-field equality ---------------------------------------------- */

static bool ref_eq(struct varref a, struct varref b)
{
	return a.scope == b.scope && a.var == b.var && a.region == b.region;
}

static bool conds_eq(const struct cond *a, const struct cond *b, int n)
{
	for (int i = 0; i < n; i++)
		if (!ref_eq(a[i].ref, b[i].ref) || a[i].min != b[i].min || a[i].max != b[i].max)
			return false;
	return true;
}

static bool effects_eq(const struct effect *a, const struct effect *b, int n)
{
	for (int i = 0; i < n; i++)
		if (!ref_eq(a[i].ref, b[i].ref) || a[i].op != b[i].op || a[i].value != b[i].value)
			return false;
	return true;
}

/* NULL when A and B are equal field by field, else the first field that differs. */
static const char *rules_diff(const struct rules *a, const struct rules *b)
{
	static char what[128]; /* test-only scratch */
#define DIFF(cond, ...) do { if (cond) { snprintf(what, sizeof what, __VA_ARGS__); return what; } } while (0)
	DIFF(strcmp(a->id, b->id), "id");
	DIFF(strcmp(a->title, b->title), "title");
	DIFF(strcmp(a->summary, b->summary), "summary");
	DIFF(strcmp(a->note, b->note), "note");
	DIFF(a->start_year != b->start_year || a->start_quarter != b->start_quarter, "start");
	DIFF(a->turns != b->turns, "turns");
	for (int s = 0; s < SIDE_COUNT; s++)
		DIFF(strcmp(a->side[s].name, b->side[s].name) || a->side[s].ap != b->side[s].ap, "side %d", s);
	for (int v = 0; v < VAR_WORLD_END; v++)
		DIFF(a->start_world[v] != b->start_world[v], "world %s", var_info[v].name);
	DIFF(a->nregions != b->nregions || a->nactions != b->nactions || a->nevents != b->nevents,
	     "counts %d/%d %d/%d %d/%d", a->nregions, b->nregions, a->nactions, b->nactions,
	     a->nevents, b->nevents);
	for (int i = 0; i < a->nregions; i++) {
		const struct region_info *x = &a->region[i], *y = &b->region[i];
		DIFF(strcmp(x->id, y->id) || strcmp(x->name, y->name) || x->value != y->value ||
		     x->borders_russia != y->borders_russia || x->borders != y->borders ||
		     memcmp(x->start, y->start, sizeof x->start), "region %s", x->id);
	}
	for (int i = 0; i < a->nactions; i++) {
		const struct action *x = &a->action[i], *y = &b->action[i];
		DIFF(strcmp(x->id, y->id) || strcmp(x->name, y->name) || strcmp(x->help, y->help) ||
		     x->side != y->side || x->target != y->target || x->cost != y->cost ||
		     x->nrequires != y->nrequires || x->neffects != y->neffects ||
		     x->nagreed != y->nagreed || !conds_eq(x->requires, y->requires, x->nrequires) ||
		     !effects_eq(x->effects, y->effects, x->neffects) ||
		     !effects_eq(x->agreed, y->agreed, x->nagreed), "action %s", x->id);
	}
	for (int i = 0; i < a->nevents; i++) {
		const struct event *x = &a->event[i], *y = &b->event[i];
		DIFF(strcmp(x->id, y->id) || strcmp(x->title, y->title) || strcmp(x->text, y->text) ||
		     x->kind != y->kind || x->target != y->target || x->weight != y->weight ||
		     x->once != y->once || x->nwhen != y->nwhen || x->neffects != y->neffects ||
		     !conds_eq(x->when, y->when, x->nwhen) ||
		     !effects_eq(x->effects, y->effects, x->neffects), "event %s", x->id);
	}
	DIFF(memcmp(&a->dyn, &b->dyn, sizeof a->dyn), "dynamics");
	DIFF(a->victory.control != b->victory.control || a->victory.cooperative != b->victory.cooperative,
	     "victory");
#undef DIFF
	return NULL;
}

/* write(R), load it back, and compare. */
static void assert_round_trip(const struct rules *r, const char *what)
{
	char *text = scenario_write(r);
	cr_assert(text, "%s: scenario_write failed", what);
	struct rules *back = rules_new();
	struct diags *ds = diags_alloc();
	int rc = scenario_load_string(text, "written", NULL, back, ds);
	cr_assert_eq(rc, 0, "%s: the written text does not load:\n%s\n%s", what, diags_text(ds), text);
	cr_expect_eq(ds->warnings, 0, "%s: warnings on the written text:\n%s", what, diags_text(ds));
	const char *diff = rules_diff(r, back);
	cr_assert(!diff, "%s: round trip differs in %s", what, diff ? diff : "");
	free(text);
	free(back);
	free(ds);
}

/* The engine accepts what the loader accepted: the starting world is valid. */
static void assert_world_starts(const struct rules *r, const char *what)
{
	struct world *w = calloc(1, sizeof *w);
	cr_assert(w);
	world_init(w, r, 1);
	const char *broken = world_check(w, r);
	cr_expect(!broken, "%s: world_check: %s", what, broken ? broken : "");
	free(w);
}

/* ---- the good files ---------------------------------------------------------- */

Test(scenario, map_art_beside_the_scenario_and_short_names)
{
	struct rules *r = rules_new();
	struct diags *ds = diags_new();
	int rc = scenario_load(GOOD_DIR "/with-map.cfg", r, ds);
	cr_assert_eq(rc, 0, "%s", diags_text(ds));
	cr_expect_eq(ds->n, 0, "%s", diags_text(ds));
	const char *tail = GOOD_DIR "/with-map.txt";
	size_t n = strlen(r->map_art), t = strlen(tail);
	cr_expect(r->map_art[0] == '/' && n > t && !strcmp(r->map_art + n - t, tail),
	          "the art beside the scenario, as an absolute path: %s", r->map_art);
	cr_expect_str_eq(r->map_art_large, "map-eastern-europe-large.txt", "shared art by name");
	cr_expect_str_eq(r->region[0].short_name, "N. Norway");
	cr_expect_str_eq(r->region[1].short_name, "", "no short name: the name");
	free(r);
	free(ds);
}

Test(scenario, extend_the_standard_rules_by_id)
{
	struct rules *r = rules_new();
	struct diags *ds = diags_new();
	int rc = scenario_load(GOOD_DIR "/extend.cfg", r, ds);
	cr_assert_eq(rc, 0, "%s", diags_text(ds));
	cr_expect_eq(ds->n, 0, "%s", diags_text(ds));
	/* standard: talks, deploy, pressure; talks removed, deploy replaced, patrol added */
	cr_assert_eq(r->nactions, 3);
	cr_expect_eq(rules_action_find(r, "talks"), -1, "removed");
	int d = rules_action_find(r, "deploy");
	cr_assert_geq(d, 0);
	cr_expect_str_eq(r->action[d].name, "Deploy a brigade", "replaced by the scenario's");
	cr_expect_eq(r->action[d].cost, 2);
	cr_expect_lt(d, rules_action_find(r, "pressure"), "a replacement keeps the standard place");
	cr_expect_geq(rules_action_find(r, "pressure"), 0, "kept");
	cr_expect_eq(rules_action_find(r, "patrol"), 2, "added after the standard ones");
	/* standard events: summit, airspace; summit removed, thaw added */
	cr_assert_eq(r->nevents, 2);
	cr_expect_eq(rules_event_find(r, "summit"), -1);
	cr_expect_eq(rules_event_find(r, "airspace"), 0);
	cr_expect_eq(rules_event_find(r, "thaw"), 1);
	free(r);
	free(ds);
}

Test(scenario, minimal_uses_standard_rules_next_to_it)
{
	struct rules *r = rules_new();
	struct diags *ds = diags_alloc();
	int rc = scenario_load(GOOD_DIR "/minimal.cfg", r, ds);
	cr_assert_eq(rc, 0, "%s", diags_text(ds));
	cr_expect_eq(ds->n, 0, "%s", diags_text(ds));
	cr_expect_str_eq(r->id, "minimal");
	cr_expect_str_eq(r->title, "Minimal");
	cr_expect_str_eq(r->note, "");
	cr_expect_eq(r->start_year, 2030);
	cr_expect_eq(r->start_quarter, 3);
	cr_expect_eq(r->turns, 8);
	cr_expect_str_eq(r->side[SIDE_NATO].name, "NATO");
	cr_expect_eq(r->side[SIDE_NATO].ap, 4);
	cr_expect_eq(r->side[SIDE_RUSSIA].ap, 3);
	cr_expect_eq(r->start_world[VAR_TENSION], 50);
	cr_expect_eq(r->start_world[VAR_CYBER], 40);
	cr_assert_eq(r->nregions, 2);
	const struct region_info *pl = &r->region[0], *ua = &r->region[1];
	cr_expect_str_eq(pl->id, "poland");
	cr_expect_eq(pl->value, 3);
	cr_expect(pl->borders_russia);
	cr_expect(!ua->borders_russia);
	cr_expect_eq(pl->borders, 1u << 1);
	cr_expect_eq(ua->borders, 1u << 0);
	cr_expect_eq(pl->start[VAR_MEMBER - VAR_WORLD_END], MEMBER_NATO);
	cr_expect_eq(ua->start[VAR_MEMBER - VAR_WORLD_END], MEMBER_NONE);
	cr_expect_eq(ua->start[VAR_CONFLICT - VAR_WORLD_END], CONFLICT_ACTIVE);
	cr_expect_eq(pl->start[VAR_NATO_FORCES - VAR_WORLD_END], 45);
	cr_expect_eq(pl->start[VAR_RUSSIA_FORCES - VAR_WORLD_END], 0); /* default */
	cr_expect_eq(ua->start[VAR_ALIGNMENT - VAR_WORLD_END], -45);
	cr_expect_eq(ua->start[VAR_STABILITY - VAR_WORLD_END], 30);
	/* actions and events: the standard file's, whole */
	cr_assert_eq(r->nactions, 3);
	cr_assert_eq(r->nevents, 2);
	const struct action *talks = &r->action[0], *deploy = &r->action[1];
	cr_expect_str_eq(talks->id, "talks");
	cr_expect_eq(talks->side, SIDE_BOTH);
	cr_expect_eq(talks->target, TARGET_WORLD);
	cr_expect_eq(talks->nagreed, 2);
	cr_expect_eq(talks->agreed[0].ref.var, VAR_TENSION);
	cr_expect_eq(talks->agreed[0].value, -8);
	cr_expect_str_eq(deploy->help, "");
	cr_expect_eq(deploy->nrequires, 2);
	cr_expect_eq(deploy->requires[0].ref.scope, SCOPE_TARGET);
	cr_expect_eq(deploy->requires[0].min, 20);
	cr_expect_eq(deploy->requires[0].max, 100); /* max left out: the variable's own */
	cr_expect_eq(deploy->requires[1].ref.var, VAR_MEMBER);
	cr_expect_eq(deploy->requires[1].min, MEMBER_NATO);
	cr_expect_eq(deploy->requires[1].max, MEMBER_NATO);
	cr_expect_eq(r->action[2].effects[1].op, EFFECT_SET);
	cr_expect_eq(r->action[2].effects[1].value, CONFLICT_FROZEN);
	cr_expect_eq(r->event[0].once, true);
	cr_expect_eq(r->event[1].kind, EVENT_INCIDENT);
	cr_expect_eq(r->event[1].target, TARGET_REGION);
	cr_expect_eq(r->event[0].target, TARGET_WORLD);
	/* dynamics: defaults, then the standard file's keys */
	cr_expect_eq(r->dyn.mil_baseline, 55);
	cr_expect_eq(r->dyn.force_decay, 1);
	cr_expect_eq(r->dyn.mil_divisor, 10);
	cr_expect_eq(r->victory.control, 35);
	cr_expect_eq(r->victory.cooperative, false);
	free(r);
	free(ds);
}

Test(scenario, own_sections_win_and_dynamics_layer_key_by_key)
{
	struct rules *r = rules_new();
	struct diags *ds = diags_alloc();
	int rc = scenario_load(GOOD_DIR "/full.cfg", r, ds);
	cr_assert_eq(rc, 0, "%s", diags_text(ds));
	cr_expect_eq(ds->n, 0, "%s", diags_text(ds));
	cr_expect_str_eq(r->title, "Full \"quoted\" title");
	cr_expect(strstr(r->summary, "Łódź") && strstr(r->summary, "\\ in it"));
	cr_expect_str_eq(r->event[0].text, "Line one.\nLine two, \"quoted\".");
	cr_assert_eq(r->nactions, 2);
	cr_expect_str_eq(r->action[0].id, "summit");
	cr_assert_eq(r->nevents, 1);
	cr_expect_eq(r->event[0].neffects, 0);
	const struct cond *c = &r->action[0].requires[0];
	cr_expect_eq(c->ref.scope, SCOPE_REGION);
	cr_expect_eq(c->ref.region, 1);
	cr_expect_eq(c->ref.var, VAR_CONFLICT);
	cr_expect_eq(c->min, CONFLICT_FROZEN);
	cr_expect_eq(r->action[0].agreed[1].ref.region, 1);
	cr_expect_eq(r->action[0].agreed[1].value, MEMBER_NONE);
	cr_expect_eq(r->action[1].neffects, 8);
	cr_expect_eq(r->action[1].effects[7].ref.region, 2);
	cr_expect_eq(r->action[1].effects[7].value, 200);
	cr_expect_eq(r->region[1].borders, (1u << 0) | (1u << 2));
	/* the scenario's keys, then the standard file's, then the defaults */
	cr_expect_eq(r->dyn.mil_divisor, 0);
	cr_expect_eq(r->dyn.cohesion_high, 1000);
	cr_expect_eq(r->dyn.mil_baseline, 55);
	cr_expect_eq(r->dyn.force_decay, 1);
	cr_expect_eq(r->dyn.dialogue_divisor, 15);
	cr_expect_eq(r->victory.cooperative, true);
	cr_expect_eq(r->victory.control, 35);
	free(r);
	free(ds);
}

Test(scenario, include_is_relative_to_the_including_file)
{
	char path[PATH_MAX];
	cr_assert(realpath(GOOD_DIR "/with-include.cfg", path));
	cr_assert_eq(chdir("/"), 0); /* each Criterion test runs in its own process */
	struct rules *r = rules_new();
	struct diags *ds = diags_alloc();
	int rc = scenario_load(path, r, ds);
	cr_assert_eq(rc, 0, "%s", diags_text(ds));
	cr_assert_eq(r->nregions, 1);
	cr_expect_str_eq(r->region[0].id, "finland");
	cr_expect_eq(r->nactions, 3); /* the good corpus's standard rules, found next to the file */
	free(r);
	free(ds);
}

Test(scenario, every_good_file_loads_clean_and_round_trips)
{
	DIR *d = opendir(GOOD_DIR);
	cr_assert(d);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".cfg"))
			continue;
		char path[600];
		snprintf(path, sizeof path, GOOD_DIR "/%s", e->d_name);
		struct rules *r = rules_new();
		struct diags *ds = diags_alloc();
		cr_expect_eq(scenario_load(path, r, ds), 0, "%s:\n%s", path, diags_text(ds));
		cr_expect_eq(ds->n, 0, "%s:\n%s", path, diags_text(ds));
		assert_round_trip(r, path);
		assert_world_starts(r, path);
		free(r);
		free(ds);
		n++;
	}
	closedir(d);
	cr_expect_geq(n, 3);
}

Test(scenario, shipped_scenarios_load_and_round_trip)
{
	DIR *d = opendir("scenarios");
	if (!d)
		cr_skip_test("no scenarios folder");
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".cfg"))
			continue;
		char path[600];
		snprintf(path, sizeof path, "scenarios/%s", e->d_name);
		struct rules *r = rules_new();
		struct diags *ds = diags_alloc();
		cr_expect_eq(scenario_load(path, r, ds), 0, "%s:\n%s", path, diags_text(ds));
		cr_expect_eq(ds->warnings, 0, "%s:\n%s", path, diags_text(ds));
		if (ds->errors == 0) {
			assert_round_trip(r, path);
			assert_world_starts(r, path);
		}
		free(r);
		free(ds);
	}
	closedir(d);
	struct diags *ds = diags_alloc();
	bool rules = false;
	cr_expect_eq(scenario_check("scenarios/rules/standard.cfg", ds, &rules), 0, "%s", diags_text(ds));
	cr_expect(rules);
	free(ds);
}

Test(scenario, synthetic_rules_round_trip)
{
	struct rules *r = rules_new();
	fixture_rules(r);
	assert_round_trip(r, "fixture");
	/* awkward strings and every kind of value */
	snprintf(r->title, sizeof r->title, "Quote \" backslash \\ tab-free, UTF-8: Österreich");
	snprintf(r->summary, sizeof r->summary, "Two\nlines, and a # not a comment; /* nor this */");
	snprintf(r->note, sizeof r->note, "@include \"not-a-file.cfg\"");
	r->victory.cooperative = true;
	r->victory.control = 100;
	r->dyn.mil_divisor = 0;
	r->dyn.cohesion_high = 1000;
	assert_round_trip(r, "fixture with awkward strings");
	free(r);
}

/* ---- the malformed-input corpus ---------------------------------------------- */

struct marker {
	char file[400]; /* diagnostics file name */
	int line;
	int level;
	char text[200];
	bool met;
};

/* Parse the "# expect:" lines of PATH into M; returns how many. */
static int markers_read(const char *path, struct marker *m, int max)
{
	FILE *f = fopen(path, "rb");
	cr_assert(f, "%s: cannot open", path);
	char line[512];
	int n = 0;
	while (fgets(line, sizeof line, f) && n < max) {
		const char *p = strstr(line, "# expect: ");
		if (p != line)
			continue;
		p += strlen("# expect: ");
		char where[300], level[16];
		int used = 0;
		cr_assert_eq(sscanf(p, "%299s %15s %n", where, level, &used), 2, "%s: bad marker %s", path, line);
		struct marker *k = &m[n++];
		memset(k, 0, sizeof *k);
		snprintf(k->text, sizeof k->text, "%s", p + used);
		k->text[strcspn(k->text, "\n")] = '\0';
		k->level = !strcmp(level, "error") ? DIAG_ERROR : DIAG_WARNING;
		char *colon = strrchr(where, ':');
		if (colon) {
			*colon = '\0';
			snprintf(k->file, sizeof k->file, BAD_DIR "/%s", where);
			k->line = atoi(colon + 1);
		} else {
			snprintf(k->file, sizeof k->file, "%s", path);
			k->line = atoi(where);
		}
	}
	fclose(f);
	return n;
}

static void check_bad_file(const char *path)
{
	struct marker m[16];
	int nm = markers_read(path, m, 16);
	int nerr = 0;
	for (int i = 0; i < nm; i++)
		nerr += m[i].level == DIAG_ERROR;
	struct diags *ds = diags_alloc();
	bool rules = false;
	int rc = scenario_check(path, ds, &rules);
	const char *all = diags_text(ds);
	if (nm == 0 || nerr > 0)
		cr_expect_neq(rc, 0, "%s: loads, but should fail", path);
	else
		cr_expect_eq(rc, 0, "%s: only warnings expected, but it fails:\n%s", path, all);
	cr_expect_eq(rc != 0, ds->errors > 0, "%s: status and error count disagree", path);
	for (int i = 0; i < ds->n; i++) {
		const struct diag *d = &ds->d[i];
		bool expected = false;
		for (int k = 0; k < nm; k++) {
			if (m[k].line == d->line && m[k].level == d->level && !strcmp(m[k].file, d->file) &&
			    strstr(d->msg, m[k].text)) {
				m[k].met = true;
				expected = true;
			}
		}
		if (d->level == DIAG_ERROR && nm > 0)
			cr_expect(expected, "%s: unexpected error %s:%d: %s", path, d->file, d->line, d->msg);
		cr_expect(d->file[0], "%s: a diagnostic without a file name", path);
	}
	for (int k = 0; k < nm; k++)
		cr_expect(m[k].met, "%s: expected %s:%d %s \"%s\"; got:\n%s", path, m[k].file, m[k].line,
		          m[k].level == DIAG_ERROR ? "error" : "warning", m[k].text, all);
	free(ds);
}

Test(scenario, bad_corpus_reports_each_problem_at_its_line)
{
	DIR *d = opendir(BAD_DIR);
	cr_assert(d);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".cfg"))
			continue;
		char path[600];
		snprintf(path, sizeof path, BAD_DIR "/%s", e->d_name);
		check_bad_file(path);
		n++;
	}
	closedir(d);
	cr_expect_geq(n, 30, "the corpus has only %d files", n);
}

/* ---- files that are not there, not files, or too big ----------------------------- */

static void expect_one_error(const char *path, const char *text)
{
	struct rules *r = rules_new();
	struct diags *ds = diags_alloc();
	cr_expect_eq(scenario_load(path, r, ds), -1);
	cr_assert_geq(ds->n, 1, "%s: no diagnostic", path);
	cr_expect_str_eq(ds->d[0].file, path);
	cr_expect(strstr(ds->d[0].msg, text), "%s: got \"%s\", wanted \"%s\"", path, ds->d[0].msg, text);
	cr_expect_eq(ds->errors, 1);
	free(r);
	free(ds);
}

Test(scenario, missing_file_is_reported_with_its_path_at_line_0)
{
	expect_one_error("tests/data/no-such-file.cfg", "cannot open");
	struct diags *ds = diags_alloc();
	struct rules *r = rules_new();
	scenario_load("tests/data/no-such-file.cfg", r, ds);
	cr_expect_eq(ds->d[0].line, 0);
	free(ds);
	free(r);
}

Test(scenario, directory_is_refused)
{
	expect_one_error(BAD_DIR, "directory");
}

Test(scenario, huge_file_is_refused_before_parsing)
{
	char path[] = "/tmp/brink-huge-XXXXXX";
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("format = 1;\nx = \"", f);
	for (int i = 0; i < SCENARIO_FILE_MAX; i++)
		fputc('a', f);
	fputs("\";\n", f);
	fclose(f);
	expect_one_error(path, "too big");
	unlink(path);
}

Test(scenario, unreadable_file)
{
	if (geteuid() == 0)
		cr_skip_test("root reads any file");
	char path[] = "/tmp/brink-unreadable-XXXXXX";
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	close(fd);
	chmod(path, 0);
	expect_one_error(path, "cannot open");
	unlink(path);
}

Test(scenario, load_string_edge_cases)
{
	struct rules *r = rules_new();
	struct diags *ds = diags_alloc();
	cr_expect_eq(scenario_load_string(NULL, "x", NULL, r, ds), -1);
	cr_expect_eq(ds->errors, 1);
	cr_expect_eq(scenario_load_string("", NULL, NULL, r, ds), -1);
	cr_expect_eq(ds->errors, 2);
	cr_expect_str_eq(ds->d[1].file, "<string>");
	cr_expect_eq(scenario_load_string("format = 1;", "x", NULL, r, NULL), -1); /* no diags: no crash */
	cr_expect_eq(scenario_load(NULL, r, NULL), -1);
	free(r);
	free(ds);
}

Test(scenario, the_largest_int_in_range_is_a_range_error_not_a_wrap)
{
	struct rules *r = rules_new();
	struct diags *ds = diags_alloc();
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	FILE *in = fopen(GOOD_DIR "/minimal.cfg", "r");
	cr_assert(f && in);
	char line[512];
	while (fgets(line, sizeof line, in))
		fputs(strstr(line, "turns = 8;") ? "  turns = 2147483647;\n" : line, f);
	fclose(in);
	fclose(f);
	cr_expect_eq(scenario_load_string(text, "t.cfg", GOOD_DIR, r, ds), -1);
	cr_assert_eq(ds->errors, 1, "%s", diags_text(ds));
	cr_expect(strstr(ds->d[0].msg, "'turns' is 2147483647, outside 1..60"), "%s", ds->d[0].msg);
	free(text);
	free(r);
	free(ds);
}

/* ---- mutations: never a crash, never success with an error ---------------------- */

/* Sanity of a struct rules the loader accepted. */
static void expect_sane(const struct rules *r, const char *what)
{
	cr_assert(r->nregions >= 1 && r->nregions <= RULES_MAX_REGIONS, "%s", what);
	cr_assert(r->nactions <= RULES_MAX_ACTIONS && r->nevents <= RULES_MAX_EVENTS, "%s", what);
	cr_assert(r->turns >= 1 && r->turns <= RULES_MAX_TURNS, "%s", what);
	cr_assert(r->start_quarter >= 1 && r->start_quarter <= 4, "%s", what);
	for (int v = 0; v < VAR_WORLD_END; v++)
		cr_assert(r->start_world[v] >= var_info[v].min && r->start_world[v] <= var_info[v].max,
		          "%s: %s", what, var_info[v].name);
	for (int i = 0; i < r->nregions; i++) {
		cr_assert(r->region[i].id[0], "%s", what);
		for (int k = 0; k < VAR_REGION_STORED; k++)
			cr_assert(r->region[i].start[k] >= var_info[VAR_WORLD_END + k].min &&
			          r->region[i].start[k] <= var_info[VAR_WORLD_END + k].max, "%s", what);
	}
	for (int a = 0; a < r->nactions; a++) {
		const struct action *x = &r->action[a];
		cr_assert(x->cost <= RULES_MAX_AP && x->side <= SIDE_BOTH, "%s", what);
		for (int k = 0; k < x->neffects; k++)
			cr_assert(var_info[x->effects[k].ref.var].writable, "%s", what);
		for (int k = 0; k < x->neffects; k++)
			cr_assert(x->effects[k].ref.scope != SCOPE_REGION ||
			          x->effects[k].ref.region < r->nregions, "%s", what);
	}
}

static void load_mutant(const char *text, const char *what)
{
	struct rules *r = rules_new();
	struct diags *ds = diags_alloc();
	int rc = scenario_load_string(text, "mutant.cfg", GOOD_DIR, r, ds);
	cr_assert_eq(rc != 0, ds->errors > 0, "%s: status %d with %d errors", what, rc, ds->errors);
	if (rc == 0)
		expect_sane(r, what);
	free(r);
	free(ds);
}

Test(scenario, mutated_files_never_crash, .timeout = 120)
{
	FILE *f = fopen(GOOD_DIR "/full.cfg", "rb");
	cr_assert(f);
	char orig[8192];
	size_t n = fread(orig, 1, sizeof orig - 1, f);
	fclose(f);
	orig[n] = '\0';
	char buf[8192], what[64];
	/* every truncation point, in steps */
	for (size_t cut = 0; cut < n; cut += 3) {
		memcpy(buf, orig, cut);
		buf[cut] = '\0';
		snprintf(what, sizeof what, "truncated at %zu", cut);
		load_mutant(buf, what);
	}
	/* byte flips and replacements, from a fixed seed */
	static const char repl[] = { '"', '{', '}', '(', ')', ';', '=', '9', '-', '.', 'L', '@', '\\',
	                             '\n', '#', 'x', (char)0xff, (char)0x80 };
	uint64_t s = 0x9e3779b97f4a7c15u;
	for (int round = 0; round < 1500; round++) {
		memcpy(buf, orig, n + 1);
		int edits = 1 + round % 3;
		for (int k = 0; k < edits; k++) {
			s ^= s << 13;
			s ^= s >> 7;
			s ^= s << 17;
			size_t at = (size_t)(s % n);
			char c = (s >> 32) & 1 ? repl[(s >> 40) % sizeof repl] : (char)((s >> 24) & 0xff);
			buf[at] = c ? c : ' ';
		}
		snprintf(what, sizeof what, "mutation round %d", round);
		load_mutant(buf, what);
	}
	/* numbers swapped for extremes */
	static const char *nums[] = { "2147483648", "-2147483649", "4294967346", "0x7fffffff",
	                              "99999999999999999999", "1e999", "-0", "5L", "9223372036854775807L" };
	for (size_t k = 0; k < sizeof nums / sizeof nums[0]; k++) {
		for (size_t at = 0; at < n; at++) {
			if (orig[at] < '0' || orig[at] > '9' || (at && orig[at - 1] >= '0' && orig[at - 1] <= '9'))
				continue;
			size_t end = at;
			while (orig[end] >= '0' && orig[end] <= '9')
				end++;
			int len = snprintf(buf, sizeof buf, "%.*s%s%s", (int)at, orig, nums[k], orig + end);
			cr_assert(len > 0 && (size_t)len < sizeof buf);
			snprintf(what, sizeof what, "%s at %zu", nums[k], at);
			load_mutant(buf, what);
			at = end;
		}
	}
}

/* ---- the catalog ---------------------------------------------------------------- */

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	cr_assert(f, "%s", path);
	fputs(text, f);
	fclose(f);
}

/* A temporary XDG_DATA_HOME holding brink/scenarios with: other-name.cfg (id
 * "extra"), door-closed.cfg (a second "door-closed"), broken.cfg. */
static void make_xdg(char *dir)
{
	cr_assert(mkdtemp(dir));
	char path[512], text[4096];
	snprintf(path, sizeof path, "%s/brink", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/brink/scenarios", dir);
	mkdir(path, 0700);
	FILE *f = fopen(GOOD_DIR "/full.cfg", "r");
	size_t n = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[n] = '\0';
	char *id = strstr(text, "id = \"full\"");
	cr_assert(id);
	char out[4200];
	*id = '\0';
	const char *rest = id + strlen("id = \"full\"");
	snprintf(path, sizeof path, "%s/brink/scenarios/other-name.cfg", dir);
	snprintf(out, sizeof out, "%sid = \"xtra\"%s", text, rest);
	write_file(path, out);
	snprintf(path, sizeof path, "%s/brink/scenarios/door-closed.cfg", dir);
	snprintf(out, sizeof out, "%sid = \"door-closed\"%s", text, rest);
	write_file(path, out);
	snprintf(path, sizeof path, "%s/brink/scenarios/broken.cfg", dir);
	write_file(path, "format = 1;\nscenario = { id = \"broken\"; };\n");
	setenv("XDG_DATA_HOME", dir, 1);
}

static void remove_xdg(const char *dir)
{
	static const char *const files[] = { "other-name.cfg", "door-closed.cfg", "broken.cfg" };
	char path[512];
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(path, sizeof path, "%s/brink/scenarios/%s", dir, files[i]);
		unlink(path);
	}
	snprintf(path, sizeof path, "%s/brink/scenarios", dir);
	rmdir(path);
	snprintf(path, sizeof path, "%s/brink", dir);
	rmdir(path);
	rmdir(dir);
}

Test(scenario, find_by_path_id_and_scenario_id)
{
	char dir[] = "/tmp/brink-xdg-XXXXXX";
	make_xdg(dir);
	char out[512];
	cr_expect_eq(scenario_find(GOOD_DIR "/minimal.cfg", out, sizeof out, NULL), 0);
	cr_expect_str_eq(out, GOOD_DIR "/minimal.cfg");
	cr_expect_eq(scenario_find("xtra", out, sizeof out, NULL), 0); /* found by its scenario.id */
	char want[600];
	snprintf(want, sizeof want, "%s/brink/scenarios/other-name.cfg", dir);
	cr_expect_str_eq(out, want);
	cr_expect_eq(scenario_find("no-such-scenario", out, sizeof out, NULL), -1);
	cr_expect_eq(scenario_find("../etc/passwd", out, sizeof out, NULL), -1);
	cr_expect_eq(scenario_find("", out, sizeof out, NULL), -1);
	cr_expect_eq(scenario_find(GOOD_DIR "/minimal.cfg", out, 4, NULL), -1); /* does not fit */
	if (access("scenarios/" SCENARIO_DEFAULT ".cfg", R_OK) == 0) {
		cr_expect_eq(scenario_find(SCENARIO_DEFAULT, out, sizeof out, NULL), 0);
		cr_expect_str_eq(out, "scenarios/" SCENARIO_DEFAULT ".cfg");
	}
	remove_xdg(dir);
}

Test(scenario, list_is_sorted_valid_and_first_id_wins)
{
	char dir[] = "/tmp/brink-xdg-XXXXXX";
	make_xdg(dir);
	struct scenario_entry *e = calloc(64, sizeof *e);
	int n = scenario_list(e, 64, NULL);
	bool xtra = false;
	for (int i = 0; i < n; i++) {
		if (i > 0)
			cr_expect_lt(strcmp(e[i - 1].id, e[i].id), 0, "not sorted or a duplicate id");
		cr_expect_str_neq(e[i].id, "broken");
		if (!strcmp(e[i].id, "xtra")) {
			xtra = true;
			cr_expect_str_eq(e[i].title, "Full \"quoted\" title");
		}
		if (!strcmp(e[i].id, SCENARIO_DEFAULT))
			cr_expect_str_eq(e[i].path, "scenarios/" SCENARIO_DEFAULT ".cfg");
	}
	cr_expect(xtra);
	cr_expect_eq(scenario_list(e, 1, NULL), 1);
	cr_expect_eq(scenario_list(e, 0, NULL), 0);
	free(e);
	remove_xdg(dir);
}

/* ---- the schema and its documentation ------------------------------------------------ */

Test(scenario, man_page_names_every_key)
{
	FILE *f = fopen("man/brink-scenario.5", "r");
	cr_assert(f, "man/brink-scenario.5 is missing");
	static char page[200000];
	size_t n = fread(page, 1, sizeof page - 1, f);
	fclose(f);
	page[n] = '\0';
	for (int i = 0; i < schema_nkeys; i++) {
		const char *key = strrchr(schema_keys[i].path, '.');
		key = key ? key + 1 : schema_keys[i].path;
		char bare[64];
		snprintf(bare, sizeof bare, "%s", key);
		/* roff escapes '-' and '_' is plain; look for the key as a word */
		cr_expect(strstr(page, bare), "the man page does not mention '%s'", schema_keys[i].path);
	}
	for (int v = 0; v < VAR_COUNT; v++)
		if (v != VAR_AP)
			cr_expect(strstr(page, var_info[v].name), "the man page does not mention %s",
			          var_info[v].name);
}

Test(scenario, schema_rows_are_consistent)
{
	for (int i = 0; i < schema_nkeys; i++) {
		const struct schema_key *k = &schema_keys[i];
		cr_expect_eq(schema_find(k->path), k, "duplicate row %s", k->path);
		cr_expect(k->help && k->help[0], "%s has no help", k->path);
		if (k->type == SCHEMA_LIST)
			cr_expect(k->values, "%s: a list needs its element group name", k->path);
		if (k->type == SCHEMA_INT)
			cr_expect_leq(k->min, k->max, "%s", k->path);
		if (k->required)
			cr_expect(!k->def, "%s is required but has a default", k->path);
	}
}
