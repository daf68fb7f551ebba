/* test_autosave.c - every game's autosaves in its own name, every turn kept; branches
 * (what-ifs) that never touch the original; a game's length (--turns) and branch
 * point kept by its save. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../game/save/save.h"
#include "../game/save/save_catalog.h"
#include "../game/save/save_internal.h"
#include "../game/scenario/scenario.h"

#define SCENARIO "scenarios/door-closed.cfg"

static char tmp[64];

static void tmp_make(void)
{
	snprintf(tmp, sizeof tmp, "%s/brink-test-auto-XXXXXX", access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	cr_assert_not_null(mkdtemp(tmp));
}

static void tmp_clean(void)
{
	DIR *d = opendir(tmp);
	if (!d)
		return;
	struct dirent *e;
	char p[1024];
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			snprintf(p, sizeof p, "%s/%s", tmp, e->d_name);
			unlink(p);
		}
	closedir(d);
	rmdir(tmp);
}

static struct session *game_new(uint64_t seed)
{
	static struct rules r;
	struct diags ds = { 0 };
	cr_assert_eq(scenario_load(SCENARIO, &r, &ds), 0);
	struct session *s = session_create(&r, seed);
	cr_assert_not_null(s);
	return s;
}

/* Play one turn (no orders) and autosave it. */
static void turn_autosave(struct session *s, int first_turn)
{
	struct orders o[SIDE_COUNT] = { 0 };
	struct diags ds = { 0 };
	cr_assert_eq(session_submit(s, o), 0);
	int rc = save_autosave(s, tmp, first_turn, &ds);
	if (rc)
		diag_print(&ds, stderr);
	cr_assert_eq(rc, 0);
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

static int exists(const char *name)
{
	char p[512];
	snprintf(p, sizeof p, "%s/%s", tmp, name);
	return access(p, F_OK) == 0;
}

/* Every file of the folder, concatenated with its name, sorted by name: a
 * snapshot to compare byte for byte. */
static char *folder_snapshot(void)
{
	struct dirent **list;
	int n = scandir(tmp, &list, NULL, alphasort);
	cr_assert_geq(n, 0);
	size_t cap = 1, len = 0;
	char *all = calloc(1, 1);
	for (int i = 0; i < n; i++) {
		if (list[i]->d_name[0] != '.') {
			char p[512];
			snprintf(p, sizeof p, "%s/%s", tmp, list[i]->d_name);
			char *t = file_read(p);
			size_t add = strlen(list[i]->d_name) + strlen(t) + 2;
			all = realloc(all, cap += add);
			len += (size_t)sprintf(all + len, "%s\n%s\n", list[i]->d_name, t);
			free(t);
		}
		free(list[i]);
	}
	free(list);
	return all;
}

Test(autosave, two_games_with_one_seed_keep_separate_autosaves, .init = tmp_make, .fini = tmp_clean)
{
	struct session *a = game_new(7), *b = game_new(7);
	struct diags ds = { 0 };
	cr_assert_eq(save_claim(a, tmp, "door-closed-7", &ds), 0);
	cr_assert_eq(save_claim(b, tmp, "door-closed-7", &ds), 0);
	cr_assert_str_eq(a->id, "door-closed-7");
	cr_assert_str_eq(b->id, "door-closed-7-2");
	/* interleaved, as two tables at once; b plays talks so the games differ */
	int talks = rules_action_find(&b->rules, "talks");
	cr_assert_geq(talks, 0);
	for (int t = 1; t <= 8; t++) {
		turn_autosave(a, 1);
		struct orders o[SIDE_COUNT] = { 0 };
		orders_add(&b->world, &b->rules, SIDE_NATO, &o[SIDE_NATO], talks, RULES_NO_REGION, NULL);
		cr_assert_eq(session_submit(b, o), 0);
		cr_assert_eq(save_autosave(b, tmp, 1, &ds), 0);
	}
	/* every turn of each game kept, the start (00) included */
	for (int t = 0; t <= 8; t++) {
		char n[64];
		snprintf(n, sizeof n, "door-closed-7-auto-%02d.save", t);
		cr_assert(exists(n), "%s", n);
		snprintf(n, sizeof n, "door-closed-7-2-auto-%02d.save", t);
		cr_assert(exists(n), "%s", n);
	}
	/* and each file holds its own game */
	char p[512];
	struct session *x = NULL;
	snprintf(p, sizeof p, "%s/door-closed-7-auto-08.save", tmp);
	cr_assert_eq(save_read(p, &x, &ds), 0);
	cr_assert_str_eq(x->id, "door-closed-7");
	cr_assert_eq(x->hash[8], a->hash[8]);
	session_free(x);
	snprintf(p, sizeof p, "%s/door-closed-7-2-auto-08.save", tmp);
	cr_assert_eq(save_read(p, &x, &ds), 0);
	cr_assert_str_eq(x->id, "door-closed-7-2");
	cr_assert_eq(x->hash[8], b->hash[8]);
	cr_assert_neq(a->hash[8], b->hash[8]);
	session_free(x);
	session_free(a);
	session_free(b);
}

Test(autosave, an_id_with_a_manual_save_is_taken, .init = tmp_make, .fini = tmp_clean)
{
	struct session *a = game_new(1), *b = game_new(1);
	struct diags ds = { 0 };
	char p[512];
	snprintf(p, sizeof p, "%s/lesson.save", tmp);
	cr_assert_eq(save_write(a, p, &ds), 0);
	cr_assert_eq(save_claim(b, tmp, "lesson", &ds), 0);
	cr_assert_str_eq(b->id, "lesson-2");
	/* a name is cleaned like a save's: nothing lands outside the folder */
	struct session *c = game_new(1);
	cr_assert_eq(save_claim(c, tmp, "../../etc/x y", &ds), 0);
	cr_assert_str_eq(c->id, "etc_x_y");
	session_free(a);
	session_free(b);
	session_free(c);
}

Test(autosave, resuming_an_older_save_branches_and_keeps_the_original, .init = tmp_make, .fini = tmp_clean)
{
	struct session *a = game_new(3);
	struct diags ds = { 0 };
	cr_assert_eq(save_claim(a, tmp, "door-closed-3", &ds), 0);
	for (int t = 1; t <= 8; t++)
		turn_autosave(a, 1);
	cr_assert(a->world.turn == 8 && !a->world.over);
	char *before = folder_snapshot();

	/* load the autosave of turn 3 and play on */
	char p[512];
	snprintf(p, sizeof p, "%s/door-closed-3-auto-03.save", tmp);
	struct session *b = NULL;
	cr_assert_eq(save_read(p, &b, &ds), 0);
	cr_assert_eq(save_resume(b, tmp, "door-closed-3", &ds), 1, "an older save becomes a branch");
	cr_assert_str_eq(b->id, "door-closed-3-b1");
	cr_assert_str_eq(b->branch_from, "door-closed-3");
	cr_assert_eq(b->branch_turn, 4);
	for (int t = 4; t <= 10; t++)
		turn_autosave(b, 4);
	cr_assert(exists("door-closed-3-b1-auto-03.save"));
	cr_assert(exists("door-closed-3-b1-auto-10.save"));

	/* the original's files are all there, byte for byte */
	char *after = folder_snapshot();
	/* (the branch's files sort after the original's) */
	size_t n = strlen(before);
	cr_assert_eq(strncmp(after, before, n), 0, "the original's files changed");
	cr_assert_eq(strncmp(after + n, "door-closed-3-b1-auto-03.save\n", 30), 0);
	free(before);
	free(after);

	/* the branch's save says where it branched; a load keeps it */
	snprintf(p, sizeof p, "%s/door-closed-3-b1-auto-10.save", tmp);
	struct session *c = NULL;
	cr_assert_eq(save_read(p, &c, &ds), 0);
	cr_assert_str_eq(c->branch_from, "door-closed-3");
	cr_assert_eq(c->branch_turn, 4);
	/* resuming the branch's last save goes on as the branch */
	cr_assert_eq(save_resume(c, tmp, "whatever", &ds), 0);
	cr_assert_str_eq(c->id, "door-closed-3-b1");
	session_free(a);
	session_free(b);
	session_free(c);
}

Test(autosave, two_copies_of_one_save_played_on_never_overwrite, .init = tmp_make, .fini = tmp_clean)
{
	struct session *a = game_new(5);
	struct diags ds = { 0 };
	cr_assert_eq(save_claim(a, tmp, "g", &ds), 0);
	turn_autosave(a, 1);
	char p[512];
	snprintf(p, sizeof p, "%s/g-auto-01.save", tmp);
	struct session *b = NULL, *c = NULL;
	cr_assert_eq(save_read(p, &b, &ds), 0);
	cr_assert_eq(save_read(p, &c, &ds), 0);
	/* both see the latest autosave: both go on as "g" */
	cr_assert_eq(save_resume(b, tmp, "g", &ds), 0);
	cr_assert_eq(save_resume(c, tmp, "g", &ds), 0);
	turn_autosave(b, 2);
	char *first = file_read(p);
	snprintf(p, sizeof p, "%s/g-auto-02.save", tmp);
	char *b2 = file_read(p);
	/* the second to save turn 2 becomes a branch from turn 2 */
	turn_autosave(c, 2);
	cr_assert_str_eq(c->id, "g-b1");
	cr_assert_str_eq(c->branch_from, "g");
	cr_assert_eq(c->branch_turn, 2);
	char *again = file_read(p);
	cr_assert_str_eq(again, b2, "g-auto-02 was replaced");
	cr_assert(exists("g-b1-auto-02.save"));
	free(first);
	free(b2);
	free(again);
	session_free(a);
	session_free(b);
	session_free(c);
}

Test(autosave, a_branch_from_any_turn_replays_from_its_parent, .init = tmp_make, .fini = tmp_clean)
{
	struct session *a = game_new(11);
	struct diags ds = { 0 };
	cr_assert_eq(save_claim(a, tmp, "orig", &ds), 0);
	for (int t = 1; t <= 6; t++)
		turn_autosave(a, 1);
	cr_assert_eq(session_branch(a, 0), -1);
	cr_assert_eq(session_branch(a, 8), -1);
	uint64_t h2 = a->hash[2];
	cr_assert_eq(session_branch(a, 3), 0);
	cr_assert_eq(a->turns, 2);
	cr_assert_eq(world_hash(&a->world), h2);
	cr_assert_str_eq(a->branch_from, "orig");
	cr_assert_eq(a->id[0], '\0');
	cr_assert_eq(save_resume(a, tmp, "orig", &ds), 1);
	cr_assert_str_eq(a->id, "orig-b1");
	cr_assert(exists("orig-b1-auto-02.save"));
	session_free(a);
}

Test(autosave, a_shorter_game_ends_after_its_turns_and_its_save_says_so, .init = tmp_make, .fini = tmp_clean)
{
	struct session *s = game_new(2);
	int full = s->rules.turns;
	cr_assert_gt(full, 3);
	cr_assert_eq(session_set_turns(s, 0), -1);
	cr_assert_eq(session_set_turns(s, full + 1), -1);
	cr_assert_eq(session_set_turns(s, 3), 0);
	struct orders o[SIDE_COUNT] = { 0 };
	for (int t = 0; t < 3; t++)
		cr_assert_eq(session_submit(s, o), 0);
	cr_assert(s->world.over, "the game ends after 3 turns");
	cr_assert_eq(session_submit(s, o), -1);
	cr_assert_eq(session_set_turns(s, 2), -1, "not once turns are played");
	char p[512];
	struct diags ds = { 0 };
	snprintf(p, sizeof p, "%s/short.save", tmp);
	cr_assert_eq(save_write(s, p, &ds), 0);
	char *text = file_read(p);
	cr_assert_not_null(strstr(text, "\nlength = 3;"));
	/* the embedded scenario is the scenario as written */
	char want[64];
	snprintf(want, sizeof want, "turns = %d;", full);
	cr_assert_not_null(strstr(strstr(text, "scenario_file"), want));
	free(text);
	struct session *b = NULL;
	cr_assert_eq(save_read(p, &b, &ds), 0);
	cr_assert_eq(b->rules.turns, 3);
	cr_assert_eq(b->scenario_turns, full);
	cr_assert(b->world.over);
	session_free(b);
	session_free(s);
}

Test(autosave, the_load_list_shows_each_games_last_autosave, .init = tmp_make, .fini = tmp_clean)
{
	struct session *a = game_new(21), *b = game_new(21);
	struct diags ds = { 0 };
	cr_assert_eq(save_claim(a, tmp, "g", &ds), 0);
	cr_assert_eq(save_claim(b, tmp, "g", &ds), 0);
	for (int t = 1; t <= 3; t++)
		turn_autosave(a, 1);
	turn_autosave(b, 1);
	char p[512];
	snprintf(p, sizeof p, "%s/mine.save", tmp);
	cr_assert_eq(save_write(a, p, &ds), 0);
	struct save_entry *e = calloc(16, sizeof *e);
	int n = save_list(tmp, e, 16);
	cr_assert_eq(n, 3, "g-auto-03, g-2-auto-01 and mine: %d", n);
	int seen = 0;
	for (int i = 0; i < n; i++)
		seen |= (!strcmp(e[i].name, "g-auto-03") ? 1 : 0) | (!strcmp(e[i].name, "g-2-auto-01") ? 2 : 0) |
		        (!strcmp(e[i].name, "mine") ? 4 : 0);
	cr_assert_eq(seen, 7);
	free(e);
	session_free(a);
	session_free(b);
}
