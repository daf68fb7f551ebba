/* test_save.c - save files: round trips over many random games, tampering caught by
 * verify, the bad-save corpus (tests/data/badsaves), atomic writes under injected
 * failures, name sanitising and save folders (autosaves: test_autosave.c). */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../game/ai/ai.h"
#include "../game/engine/rng.h"
#include "../game/save/replay.h"
#include "../game/save/save.h"
#include "../game/save/save_internal.h"
#include "../game/scenario/scenario.h"

#define SCENARIO "scenarios/door-closed.cfg"
#define BADSAVES "tests/data/badsaves"

static char tmp[64];

static void tmp_make(void)
{
	/* tmpfs when there is one: 200 games of fsync on a disk are slow */
	snprintf(tmp, sizeof tmp, "%s/brink-test-save-XXXXXX", access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	cr_assert_not_null(mkdtemp(tmp));
}

/* Remove DIR and everything in it (two levels are all the tests make). */
static void rm_tree(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	char p[1024];
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
			if (unlink(p))
				rm_tree(p);
		}
	closedir(d);
	rmdir(dir);
}

static void tmp_clean(void)
{
	rm_tree(tmp);
}

static void rules_load(struct rules *r)
{
	struct diags ds = { 0 };
	int rc = scenario_load(SCENARIO, r, &ds);
	if (rc)
		diag_print(&ds, stderr);
	cr_assert_eq(rc, 0, "cannot load " SCENARIO);
}

/* Random legal orders for SIDE: a few tries at random actions and regions. */
static void orders_random(const struct session *s, int side, uint64_t *rng, struct orders *o)
{
	const struct rules *r = &s->rules;
	memset(o, 0, sizeof *o);
	int tries = (int)rng_below(rng, 10);
	for (int i = 0; i < tries; i++) {
		int a = (int)rng_below(rng, r->nactions);
		int reg = r->action[a].target == TARGET_REGION ? (int)rng_below(rng, r->nregions) : RULES_NO_REGION;
		orders_add(&s->world, r, side, o, a, reg, NULL);
	}
}

/* A session of RULES played for up to TURNS turns, each side human (random
 * legal orders) or AI (ai_choose) at random; when TALKS_FIRST, NATO's orders
 * each turn are just "talks". */
static struct session *game_random(const struct rules *r, uint64_t seed, int turns, int talks_first)
{
	struct session *s = session_create(r, seed);
	cr_assert_not_null(s);
	uint64_t rng = rng_mix(seed ^ 0x5a5a);
	s->player[SIDE_NATO] = (uint8_t)rng_below(&rng, 2);
	s->player[SIDE_RUSSIA] = (uint8_t)rng_below(&rng, 2);
	s->ai_level[SIDE_NATO] = (uint8_t)rng_below(&rng, AI_LEVEL_COUNT);
	s->ai_level[SIDE_RUSSIA] = (uint8_t)rng_below(&rng, AI_LEVEL_COUNT);
	int talks = rules_action_find(r, "talks");
	/* AI players for AI sides (any level but the slow search of "hard"),
	 * random legal orders for "human" ones */
	struct ai ai[SIDE_COUNT];
	for (int side = 0; side < SIDE_COUNT; side++) {
		if (s->ai_level[side] == AI_HARD)
			s->ai_level[side] = AI_GREEDY;
		ai_init(&ai[side], s->ai_level[side], side, seed + (uint64_t)side);
	}
	for (int t = 0; t < turns && !s->world.over; t++) {
		struct orders o[SIDE_COUNT];
		for (int side = 0; side < SIDE_COUNT; side++)
			if (s->player[side] == PLAYER_AI)
				ai_choose(&ai[side], &s->world, r, &o[side]);
			else
				orders_random(s, side, &rng, &o[side]);
		if (talks_first) {
			memset(&o[SIDE_NATO], 0, sizeof o[SIDE_NATO]);
			cr_assert_eq(orders_add(&s->world, r, SIDE_NATO, &o[SIDE_NATO], talks, RULES_NO_REGION, NULL),
			             ORDER_OK);
		}
		cr_assert_eq(session_submit(s, o), 0);
	}
	return s;
}

static char *file_read(const char *path)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void file_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

static int diags_have(const struct diags *ds, int line, const char *sub)
{
	for (int i = 0; i < ds->n; i++)
		if (ds->d[i].level == DIAG_ERROR && (line < 0 || ds->d[i].line == line) && strstr(ds->d[i].msg, sub))
			return 1;
	return 0;
}

static void save_ok(const struct session *s, const char *path)
{
	struct diags ds = { 0 };
	int rc = save_write(s, path, &ds);
	if (rc)
		diag_print(&ds, stderr);
	cr_assert_eq(rc, 0);
}

/* ---- round trips ---- */

static void same_game(const struct session *a, const struct session *b)
{
	cr_assert_eq(b->seed, a->seed);
	cr_assert_eq(b->turns, a->turns);
	cr_assert_str_eq(b->rules.id, a->rules.id);
	for (int side = 0; side < SIDE_COUNT; side++) {
		cr_assert_eq(b->player[side], a->player[side]);
		cr_assert_eq(b->ai_level[side], a->ai_level[side]);
	}
	for (int t = 0; t < a->turns; t++)
		for (int side = 0; side < SIDE_COUNT; side++) {
			const struct orders *x = &a->orders[t][side], *y = &b->orders[t][side];
			cr_assert_eq(y->n, x->n, "turn %d side %d: order count", t + 1, side);
			for (int i = 0; i < x->n; i++) {
				cr_assert_eq(y->list[i].action, x->list[i].action);
				cr_assert_eq(y->list[i].region, x->list[i].region);
			}
		}
	for (int t = 0; t <= a->turns; t++)
		cr_assert_eq(b->hash[t], a->hash[t], "digest of turn %d", t);
	cr_assert_eq(world_hash(&b->world), world_hash(&a->world));
	cr_assert_eq(b->world.result, a->world.result);
}

Test(save, round_trip_200_random_games, .init = tmp_make, .fini = tmp_clean)
{
	struct rules base, hot;
	rules_load(&base);
	hot = base;
	hot.start_world[VAR_TENSION] = 90; /* some games end in war */
	uint64_t rng = rng_mix(2026);
	int over = 0, wars = 0, mid = 0;
	char path[256];
	snprintf(path, sizeof path, "%s/game.save", tmp);
	for (int g = 0; g < 200; g++) {
		uint64_t seed = (uint64_t)rng_next(&rng) << 32 | rng_next(&rng);
		const struct rules *r = g % 4 == 3 ? &hot : &base;
		int turns = (int)rng_below(&rng, (uint32_t)r->turns + 2);
		struct session *a = game_random(r, seed, turns, 0);
		save_ok(a, path);
		struct diags ds = { 0 };
		struct session *b = NULL;
		int rc = save_read(path, &b, &ds);
		if (rc)
			diag_print(&ds, stderr);
		cr_assert_eq(rc, 0, "game %d (seed %llu) does not load back", g, (unsigned long long)seed);
		same_game(a, b);
		FILE *null = fopen("/dev/null", "w");
		cr_assert_eq(replay_verify(path, null, &ds), 0, "game %d does not verify", g);
		fclose(null);
		over += a->world.over;
		wars += a->world.result == RESULT_WAR;
		mid += !a->world.over && a->turns > 0;
		session_free(a);
		session_free(b);
	}
	cr_assert_gt(over, 10, "some games finished");
	cr_assert_gt(wars, 0, "some games ended in war");
	cr_assert_gt(mid, 10, "some games were saved mid-way");
}

Test(save, undone_orders_are_never_saved, .init = tmp_make, .fini = tmp_clean)
{
	struct rules r;
	rules_load(&r);
	struct session *s = session_create(&r, 9);
	int talks = rules_action_find(&r, "talks"), deploy = rules_action_find(&r, "deploy");
	int poland = rules_region_find(&r, "poland");
	struct orders o[SIDE_COUNT] = { 0 };
	cr_assert_eq(orders_add(&s->world, &r, SIDE_NATO, &o[0], talks, RULES_NO_REGION, NULL), ORDER_OK);
	cr_assert_eq(orders_add(&s->world, &r, SIDE_NATO, &o[0], deploy, poland, NULL), ORDER_OK);
	cr_assert_eq(orders_undo(&o[0]), 0);
	cr_assert_eq(session_submit(s, o), 0);
	char path[256];
	snprintf(path, sizeof path, "%s/undo.save", tmp);
	save_ok(s, path);
	char *text = file_read(path);
	cr_assert_not_null(strstr(text, "nato = ( \"talks\" );"), "the kept order is saved");
	cr_assert_null(strstr(text, "\"deploy poland\""), "the undone order is not");
	free(text);
	struct diags ds = { 0 };
	struct session *b = NULL;
	cr_assert_eq(save_read(path, &b, &ds), 0);
	cr_assert_eq(b->orders[0][SIDE_NATO].n, 1);
	cr_assert_eq(b->orders[0][SIDE_NATO].list[0].action, talks);
	session_free(s);
	session_free(b);
}

Test(save, a_save_loads_when_its_scenario_is_gone, .init = tmp_make, .fini = tmp_clean)
{
	/* a copy of the scenario, played, saved, then deleted */
	char cfg[256], path[256];
	snprintf(cfg, sizeof cfg, "%s/mine.cfg", tmp);
	snprintf(path, sizeof path, "%s/mine.save", tmp);
	char *text = file_read(BADSAVES "/tiny.cfg");
	file_write(cfg, text);
	free(text);
	struct rules r;
	struct diags ds = { 0 };
	cr_assert_eq(scenario_load(cfg, &r, &ds), 0);
	struct session *a = game_random(&r, 77, 4, 0);
	save_ok(a, path);
	cr_assert_eq(unlink(cfg), 0);
	struct session *b = NULL;
	cr_assert_eq(save_read(path, &b, &ds), 0);
	same_game(a, b);
	session_free(a);
	session_free(b);
}

/* ---- tampering ---- */

/* Replace the first occurrence of OLD after position FROM in *TEXT. */
static void text_replace(char **text, const char *from, const char *old, const char *new)
{
	char *at = strstr(*text, from);
	cr_assert_not_null(at, "'%s' not in the save", from);
	char *p = strstr(at, old);
	cr_assert_not_null(p, "'%s' not after '%s'", old, from);
	size_t n = strlen(*text), a = (size_t)(p - *text);
	char *t = malloc(n - strlen(old) + strlen(new) + 1);
	memcpy(t, *text, a);
	strcpy(t + a, new);
	strcat(t, p + strlen(old));
	free(*text);
	*text = t;
}

/* The line of TEXT that starts with PREFIX after the marker FROM, whole. */
static char *line_after(const char *text, const char *from, const char *prefix)
{
	const char *at = strstr(text, from);
	cr_assert_not_null(at);
	const char *p = strstr(at, prefix);
	cr_assert_not_null(p);
	const char *e = strchr(p, '\n');
	return strndup(p, (size_t)(e - p));
}

static int verify_text(const char *path, const char *text, struct save_check *chk, struct diags *ds)
{
	file_write(path, text);
	struct session *s = NULL;
	int rc = save_load(path, &s, chk, ds);
	session_free(s);
	FILE *null = fopen("/dev/null", "w");
	struct diags d2 = { 0 };
	int v = replay_verify(path, null, &d2);
	fclose(null);
	cr_assert_eq(v, rc ? 1 : 0, "verify agrees with the load");
	return rc;
}

Test(save, tampered_saves_fail_verification, .init = tmp_make, .fini = tmp_clean)
{
	struct rules r;
	rules_load(&r);
	struct session *s = game_random(&r, 31337, 6, 1);
	cr_assert_geq(s->turns, 4, "the game lasts long enough to tamper with");
	char path[256], bad[256];
	snprintf(path, sizeof path, "%s/good.save", tmp);
	snprintf(bad, sizeof bad, "%s/bad.save", tmp);
	save_ok(s, path);
	char *good = file_read(path);
	struct save_check chk;
	struct diags ds = { 0 };
	cr_assert_eq(verify_text(bad, good, &chk, &ds), 0, "the untouched save verifies");

	/* one digest changed */
	char *t = strdup(good);
	char *dg = line_after(t, "turn = 2;", "digest = \"");
	char *dg2 = strdup(dg);
	char *hex = dg2 + strlen("digest = \"");
	hex[0] = hex[0] == '0' ? '1' : '0';
	text_replace(&t, "turn = 2;", dg, dg2);
	memset(&ds, 0, sizeof ds);
	cr_assert_eq(verify_text(bad, t, &chk, &ds), -1);
	cr_assert_eq(chk.bad_turn, 2);
	cr_assert(diags_have(&ds, -1, "turn 2"), "the diagnostic names the turn");
	free(t), free(dg), free(dg2);

	/* one order dropped (NATO's "talks" of turn 3) */
	t = strdup(good);
	text_replace(&t, "turn = 3;", "nato = ( \"talks\"", "nato = ( \"cyber-defense\"");
	memset(&ds, 0, sizeof ds);
	cr_assert_eq(verify_text(bad, t, &chk, &ds), -1);
	cr_assert_eq(chk.bad_turn, 3, "the first turn that differs is 3, not %d", chk.bad_turn);
	free(t);

	t = strdup(good);
	char *line = line_after(t, "turn = 4;", "nato = (");
	text_replace(&t, "turn = 4;", line, "nato = ( );");
	memset(&ds, 0, sizeof ds);
	cr_assert_eq(verify_text(bad, t, &chk, &ds), -1);
	cr_assert_eq(chk.bad_turn, 4);
	free(t), free(line);

	/* one variable of the stored state changed */
	t = strdup(good);
	char *var = line_after(t, "state :", "dialogue = ");
	int v = atoi(var + strlen("dialogue = "));
	char nv[64];
	snprintf(nv, sizeof nv, "dialogue = %d;", v == 0 ? 1 : v - 1);
	text_replace(&t, "state :", var, nv);
	memset(&ds, 0, sizeof ds);
	cr_assert_eq(verify_text(bad, t, &chk, &ds), -1);
	cr_assert_eq(chk.bad_turn, 0);
	cr_assert_eq(chk.bad_state, 1);
	cr_assert(diags_have(&ds, -1, "state.world.dialogue"));
	free(t), free(var);

	/* the seed changed: turn 1 no longer replays */
	t = strdup(good);
	text_replace(&t, "seed = ", "\"31337\"", "\"31338\"");
	memset(&ds, 0, sizeof ds);
	cr_assert_eq(verify_text(bad, t, &chk, &ds), -1);
	cr_assert_eq(chk.bad_turn, 1);
	free(t);

	free(good);
	session_free(s);
}

Test(save, turns_after_the_end_are_refused, .init = tmp_make, .fini = tmp_clean)
{
	struct rules r;
	rules_load(&r);
	struct session *s = game_random(&r, 5, RULES_MAX_TURNS, 0);
	cr_assert(s->world.over);
	char path[256];
	snprintf(path, sizeof path, "%s/over.save", tmp);
	save_ok(s, path);
	char *t = file_read(path);
	text_replace(&t, "turns = (", "} );\nstate",
	             "},\n  { turn = 99; nato = ( ); russia = ( ); digest = \"0000000000000000\"; } );\nstate");
	char num[32];
	snprintf(num, sizeof num, "turn = %d;", s->turns + 1);
	text_replace(&t, "turn = 99;", "turn = 99;", num);
	file_write(path, t);
	free(t);
	struct diags ds = { 0 };
	struct session *b = NULL;
	cr_assert_eq(save_read(path, &b, &ds), -1);
	cr_assert_null(b);
	cr_assert(diags_have(&ds, -1, "the game was already over"));
	session_free(s);
}

/* ---- the corpus of bad saves ---- */

Test(save, bad_saves_are_refused_at_their_line)
{
	DIR *d = opendir(BADSAVES);
	cr_assert_not_null(d, BADSAVES " is missing");
	struct dirent *e;
	int files = 0;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n < 6 || strcmp(e->d_name + n - 5, ".save"))
			continue;
		char path[512];
		snprintf(path, sizeof path, BADSAVES "/%s", e->d_name);
		char *text = file_read(path);
		struct diags ds = { 0 };
		struct session *s = NULL;
		int rc = save_read(path, &s, &ds);
		cr_assert_eq(rc, -1, "%s was accepted", path);
		cr_assert_null(s);
		cr_assert_gt(ds.errors, 0, "%s: no error reported", path);
		int expects = 0;
		for (char *l = text; !strncmp(l, "# expect: ", 10); l = strchr(l, '\n') + 1) {
			int line = atoi(l + 10);
			char *sub = strchr(l + 10, ' ');
			char *end = strchr(l, '\n');
			char want[256] = "";
			if (sub && sub < end)
				snprintf(want, sizeof want, "%.*s", (int)(end - sub - 1), sub + 1);
			int found = 0;
			for (int i = 0; i < ds.n; i++)
				found |= ds.d[i].level == DIAG_ERROR && ds.d[i].line == line &&
				         !strcmp(ds.d[i].file, path) && strstr(ds.d[i].msg, want);
			if (!found)
				diag_print(&ds, stderr);
			cr_assert(found, "%s: no error at line %d containing '%s'", path, line, want);
			expects++;
		}
		cr_assert_gt(expects, 0, "%s has no '# expect:' line", path);
		free(text);
		files++;
	}
	closedir(d);
	cr_assert_geq(files, 25, "the corpus is there");
}

Test(save, missing_huge_and_binary_files_are_refused, .init = tmp_make, .fini = tmp_clean)
{
	struct diags ds = { 0 };
	struct session *s = NULL;
	char path[256];
	snprintf(path, sizeof path, "%s/none.save", tmp);
	cr_assert_eq(save_read(path, &s, &ds), -1);
	cr_assert(diags_have(&ds, 0, "cannot open"));

	snprintf(path, sizeof path, "%s/huge.save", tmp);
	FILE *f = fopen(path, "wb");
	for (int i = 0; i < SAVE_FILE_MAX / 64 + 2; i++)
		fputs("# padding padding padding padding padding padding padding paddin\n", f);
	fclose(f);
	memset(&ds, 0, sizeof ds);
	cr_assert_eq(save_read(path, &s, &ds), -1);
	cr_assert(diags_have(&ds, 0, "larger than"));

	snprintf(path, sizeof path, "%s/bin.save", tmp);
	f = fopen(path, "wb");
	fwrite("format = 1;\n\0\1\2", 1, 15, f);
	fclose(f);
	memset(&ds, 0, sizeof ds);
	cr_assert_eq(save_read(path, &s, &ds), -1);
	cr_assert(diags_have(&ds, -1, "NUL"));
	cr_assert_null(s);
}

/* ---- atomic writes ---- */

static int dir_count(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += e->d_name[0] != '.' || (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."));
	closedir(d);
	return n;
}

Test(save, a_failed_write_keeps_the_old_save_and_no_temp_file, .init = tmp_make, .fini = tmp_clean)
{
	struct rules r;
	rules_load(&r);
	struct session *old = game_random(&r, 1, 2, 0), *now = game_random(&r, 2, 5, 0);
	char path[256];
	snprintf(path, sizeof path, "%s/slot.save", tmp);
	for (int step = SAVE_STEP_FORMAT; step < SAVE_STEP_COUNT; step++) {
		save_ok(old, path);
		char *before = file_read(path);
		struct diags ds = { 0 };
		cr_assert_eq(save_write_faulty(now, path, step, &ds), -1, "step %d reports its failure", step);
		cr_assert_gt(ds.errors, 0);
		cr_assert_eq(dir_count(tmp), 1, "step %d: no temporary file is left", step);
		char *after = file_read(path);
		struct session *b = NULL;
		memset(&ds, 0, sizeof ds);
		cr_assert_eq(save_read(path, &b, &ds), 0, "step %d: the file is a whole save", step);
		if (step < SAVE_STEP_DIRSYNC) {
			cr_assert_str_eq(after, before, "step %d: the old save is intact", step);
			cr_assert_eq(b->turns, old->turns);
		} else {
			cr_assert_eq(b->turns, now->turns, "after the rename the new save is complete");
		}
		session_free(b);
		free(before);
		free(after);
	}
	session_free(old);
	session_free(now);
}

Test(save, a_real_rename_failure_leaves_no_temp_file, .init = tmp_make, .fini = tmp_clean)
{
	struct rules r;
	rules_load(&r);
	struct session *s = game_random(&r, 3, 1, 0);
	char path[256], inner[300];
	snprintf(path, sizeof path, "%s/dir.save", tmp);
	snprintf(inner, sizeof inner, "%s/keep", path);
	cr_assert_eq(mkdir(path, 0755), 0);
	file_write(inner, "x");
	struct diags ds = { 0 };
	cr_assert_eq(save_write(s, path, &ds), -1, "a save cannot replace a folder");
	cr_assert(diags_have(&ds, 0, "rename failed"));
	cr_assert_eq(dir_count(tmp), 1);

	snprintf(path, sizeof path, "%s/no/such/folder/x.save", tmp);
	memset(&ds, 0, sizeof ds);
	cr_assert_eq(save_write(s, path, &ds), -1);
	cr_assert(diags_have(&ds, 0, "cannot create a file"));
	session_free(s);
}

/* ---- names and folders ---- */

Test(save, names_are_sanitised_into_the_folder)
{
	char out[512];
	static const struct { const char *name, *want; } cases[] = {
		{ "mygame", "d/mygame.save" },
		{ "mygame.save", "d/mygame.save" },
		{ "My Game 2", "d/My_Game_2.save" },
		{ "../../etc/passwd", "d/etc_passwd.save" },
		{ "/abs", "d/abs.save" },
		{ "a/b", "d/a_b.save" },
		{ "..", NULL },
		{ "", NULL },
		{ "///", NULL },
		{ "ok_name-1", "d/ok_name-1.save" },
		{ "caf\xc3\xa9", "d/caf.save" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int rc = save_path("d", cases[i].name, out, sizeof out);
		if (!cases[i].want) {
			cr_assert_eq(rc, -1, "'%s' is refused", cases[i].name);
			continue;
		}
		cr_assert_eq(rc, 0, "'%s'", cases[i].name);
		cr_assert_str_eq(out, cases[i].want);
	}
	char longname[1000];
	memset(longname, 'x', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	cr_assert_eq(save_path("d", longname, out, sizeof out), 0);
	cr_assert_eq(strlen(out), strlen("d/") + SAVE_NAME_MAX + strlen(".save"), "long names are cut");
	cr_assert_eq(save_path("d", "abc", out, 8), -1, "a path that does not fit is refused");
	cr_assert_eq(save_path("d", NULL, out, sizeof out), -1);
}

Test(save, save_dir_override_is_created, .init = tmp_make, .fini = tmp_clean)
{
	char want[256], out[512];
	snprintf(want, sizeof want, "%s/a/b/c", tmp);
	cr_assert_eq(save_dir(want, out, sizeof out), 0);
	cr_assert_str_eq(out, want);
	struct stat st;
	cr_assert_eq(stat(want, &st), 0);
	cr_assert(S_ISDIR(st.st_mode));
}

Test(save, save_dir_in_the_source_tree_and_outside, .init = tmp_make, .fini = tmp_clean)
{
	char out[512], want[512], p[512];
	cr_assert_eq(chdir(tmp), 0);
	/* no ./saves: XDG_DATA_HOME */
	snprintf(p, sizeof p, "%s/xdg", tmp);
	setenv("XDG_DATA_HOME", p, 1);
	cr_assert_eq(save_dir(NULL, out, sizeof out), 0);
	snprintf(want, sizeof want, "%s/xdg/brink/saves", tmp);
	cr_assert_str_eq(out, want);
	/* no XDG_DATA_HOME: ~/.local/share */
	unsetenv("XDG_DATA_HOME");
	snprintf(p, sizeof p, "%s/home", tmp);
	setenv("HOME", p, 1);
	cr_assert_eq(save_dir(NULL, out, sizeof out), 0);
	snprintf(want, sizeof want, "%s/home/.local/share/brink/saves", tmp);
	cr_assert_str_eq(out, want);
	/* ./saves alone is not the source tree; with a Makefile next to it, it is */
	cr_assert_eq(mkdir("saves", 0755), 0);
	cr_assert_eq(save_dir(NULL, out, sizeof out), 0);
	cr_assert_str_eq(out, want);
	file_write("Makefile", "all:\n");
	cr_assert_eq(save_dir(NULL, out, sizeof out), 0);
	cr_assert_str_eq(out, "saves");
}

Test(save, saves_are_found_by_path_or_by_name, .init = tmp_make, .fini = tmp_clean)
{
	struct rules r;
	rules_load(&r);
	struct session *s = game_random(&r, 8, 2, 0);
	char path[512], out[512];
	snprintf(path, sizeof path, "%s/found.save", tmp);
	save_ok(s, path);
	cr_assert_eq(save_locate(path, NULL, out, sizeof out), 0);
	cr_assert_str_eq(out, path);
	cr_assert_eq(save_locate("found", tmp, out, sizeof out), 0);
	cr_assert_str_eq(out, path);
	cr_assert_eq(save_locate("found.save", tmp, out, sizeof out), 0);
	cr_assert_eq(save_locate("lost", tmp, out, sizeof out), -1);
	cr_assert_eq(save_locate("", tmp, out, sizeof out), -1);
	session_free(s);
}

Test(save, the_format_is_readable_text)
{
	struct rules r;
	rules_load(&r);
	struct session *s = game_random(&r, UINT64_MAX, 2, 1);
	char *t = save_format(s);
	cr_assert_not_null(t);
	cr_assert_not_null(strstr(t, "format = 1;"));
	cr_assert_not_null(strstr(t, "seed = \"18446744073709551615\";"), "64-bit seeds as decimal strings");
	cr_assert_not_null(strstr(t, "nato = ( \"talks\""), "orders by action id");
	cr_assert_not_null(strstr(t, "scenario = \"door-closed\";"));
	cr_assert_not_null(strstr(t, "scenario_file"));
	free(t);
	session_free(s);
}

/* ---- malformed input never crashes ---- */

static int load_text(const char *path, const char *text, size_t n, struct diags *ds)
{
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	fwrite(text, 1, n, f);
	fclose(f);
	struct session *s = NULL;
	int rc = save_read(path, &s, ds);
	if (rc == 0) {
		cr_assert_not_null(s);
		cr_assert_null(world_check(&s->world, &s->rules));
	} else {
		cr_assert_null(s);
		cr_assert_gt(ds->errors, 0, "a refused save says why");
	}
	session_free(s);
	return rc;
}

Test(save, every_truncation_is_refused, .init = tmp_make, .fini = tmp_clean)
{
	char *base = file_read(BADSAVES "/base.save.in");
	char path[256];
	snprintf(path, sizeof path, "%s/cut.save", tmp);
	size_t n = strlen(base);
	struct diags ds = { 0 };
	cr_assert_eq(load_text(path, base, n, &ds), 0, "the base save loads");
	int cuts = 0;
	for (size_t i = 0; i < n; i++) {
		if (i && base[i - 1] != '\n' && i % 7)
			continue; /* every line end, and every 7th byte */
		memset(&ds, 0, sizeof ds);
		cr_assert_eq(load_text(path, base, i, &ds), -1, "the save cut at byte %zu loads", i);
		cuts++;
	}
	cr_assert_gt(cuts, 300);
	free(base);
}

Test(save, random_damage_never_crashes, .init = tmp_make, .fini = tmp_clean)
{
	char *base = file_read(BADSAVES "/base.save.in");
	size_t n = strlen(base);
	char *buf = malloc(n * 2 + 64);
	char path[256];
	snprintf(path, sizeof path, "%s/damaged.save", tmp);
	uint64_t rng = rng_mix(99);
	static const char junk[] = "{}()[];=:\",#/*\\-0123456789abcxyz \n\t";
	int refused = 0;
	for (int iter = 0; iter < 400; iter++) {
		memcpy(buf, base, n);
		size_t len = n;
		int edits = 1 + (int)rng_below(&rng, 4);
		for (int e = 0; e < edits; e++) {
			size_t at = rng_below(&rng, (uint32_t)len);
			switch (rng_below(&rng, 3)) {
			case 0: /* overwrite a byte */
				buf[at] = junk[rng_below(&rng, sizeof junk - 1)];
				break;
			case 1: { /* delete a span */
				size_t k = 1 + rng_below(&rng, 40);
				if (at + k > len)
					k = len - at;
				memmove(buf + at, buf + at + k, len - at - k);
				len -= k;
				break;
			}
			default: { /* duplicate a span */
				size_t k = 1 + rng_below(&rng, 40);
				if (at + k > len)
					k = len - at;
				memmove(buf + at + k, buf + at, len - at);
				len += k;
				break;
			}
			}
			if (!len)
				break;
		}
		struct diags ds = { 0 };
		refused += load_text(path, buf, len, &ds) != 0;
	}
	cr_assert_gt(refused, 300, "most damage is caught");
	free(buf);
	free(base);
}

/* Issue 9 defect 4: a save killed between mkstemp and rename left
 * .NAME.save.tmp-XXXXXX behind for ever. The next save in the folder removes
 * the old ones; a fresh one (another game saving now) stays. */
Test(save, stale_temp_files_of_killed_saves_are_removed, .init = tmp_make, .fini = tmp_clean)
{
	struct rules r;
	rules_load(&r);
	struct session *s = game_random(&r, 3, 2, 0);
	char old[256], fresh[256], path[256];
	snprintf(old, sizeof old, "%s/.killed.save.tmp-Ab12Cd", tmp);
	snprintf(fresh, sizeof fresh, "%s/.busy.save.tmp-Ef34Gh", tmp);
	FILE *f = fopen(old, "w");
	cr_assert(f);
	fputs("half a save", f);
	fclose(f);
	f = fopen(fresh, "w");
	cr_assert(f);
	fclose(f);
	struct timespec hour_ago[2] = { { time(NULL) - 3600, 0 }, { time(NULL) - 3600, 0 } };
	cr_assert_eq(utimensat(AT_FDCWD, old, hour_ago, 0), 0);
	snprintf(path, sizeof path, "%s/game.save", tmp);
	save_ok(s, path);
	cr_expect_neq(access(old, F_OK), 0, "the killed save's temporary file is removed");
	cr_expect_eq(access(fresh, F_OK), 0, "a fresh temporary file (a save in progress) stays");
	session_free(s);
}

/* Issue 9 defect 7: `brink report nosuch --save-dir new/nested/folder`
 * created the whole path. A lookup creates nothing. */
Test(save, a_failed_lookup_creates_no_folder, .init = tmp_make, .fini = tmp_clean)
{
	char dir[256], out[512];
	snprintf(dir, sizeof dir, "%s/new/nested/folder", tmp);
	cr_assert_eq(save_locate("nosuch", dir, out, sizeof out), -1);
	struct stat st;
	snprintf(out, sizeof out, "%s/new", tmp);
	cr_expect_neq(stat(out, &st), 0, "no folder was created by the lookup");
}

/* Issue 9 defect 1: a save is written whole and never includes; an
 * @include in one is refused at its line before libconfig sees it. */
Test(save, a_save_with_an_include_is_refused_at_its_line, .init = tmp_make, .fini = tmp_clean)
{
	char path[256];
	snprintf(path, sizeof path, "%s/planted.save", tmp);
	FILE *f = fopen(path, "w");
	cr_assert(f);
	fputs("# Brink save file\nformat = 1;\n@include \"/\"\n", f);
	fclose(f);
	struct diags *ds = diags_new();
	struct session *s = NULL;
	cr_assert_eq(save_read(path, &s, ds), -1);
	cr_assert_null(s);
	cr_assert(ds->n > 0);
	cr_expect_str_eq(ds->d[0].file, path);
	cr_expect_eq(ds->d[0].line, 3);
	cr_expect(strstr(ds->d[0].msg, "@include is not allowed"), "%s", ds->d[0].msg);
	diags_free(ds);
}
