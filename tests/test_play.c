/* test_play.c - the play loop with the null and plain front ends: whole games, hot-seat
 * hand-offs, quitting, the stop flag, autosaves and their failures, determinism. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../game/ui/null.h"
#include "../game/ui/plain.h"
#include "../game/explain/explain.h"
#include "../game/save/save.h"
#include "../game/ui/play.h"
#include "fixture.h"

static struct rules R;

static void setup(void)
{
	fixture_rules(&R);
}

TestSuite(play, .init = setup);

/* A session with NATO and Russia played as given (AI level, or -1 human). */
static struct session *game(uint64_t seed, int nato, int russia)
{
	struct session *s = session_create(&R, seed);
	cr_assert_not_null(s);
	int who[SIDE_COUNT] = { nato, russia };
	for (int side = 0; side < SIDE_COUNT; side++) {
		s->player[side] = who[side] < 0 ? PLAYER_HUMAN : PLAYER_AI;
		s->ai_level[side] = (uint8_t)(who[side] < 0 ? 0 : who[side]);
	}
	return s;
}

static void play_setup(struct play *p, struct session *s, volatile int *stop)
{
	memset(p, 0, sizeof *p);
	p->session = s;
	p->stop = stop;
	snprintf(p->save_name, sizeof p->save_name, "test");
	for (int side = 0; side < SIDE_COUNT; side++)
		ai_init(&p->ai[side], s->ai_level[side], side, s->seed + 17 * (uint64_t)side);
}

Test(play, ai_vs_ai_games_finish_with_invariants_held)
{
	for (int level = 0; level < AI_LEVEL_COUNT; level++) {
		for (uint64_t seed = 1; seed <= 3; seed++) {
			struct session *s = game(seed, level, (level + 3) % AI_LEVEL_COUNT);
			volatile int stop = 0;
			struct play p;
			struct null_fe n;
			struct frontend fe;
			play_setup(&p, s, &stop);
			null_init(&n, &fe);
			cr_assert_eq(play_run(&p, &fe), 0);
			cr_assert(s->world.over, "level %d seed %d: the game did not end", level, (int)seed);
			cr_assert_null(n.broken, "level %d seed %d: after turn %d: %s", level, (int)seed,
			               n.broken_turn, n.broken);
			cr_assert_eq(n.game_overs, 1);
			cr_assert_eq(n.resolutions, s->turns);
			cr_assert_eq(n.briefings, s->turns, "watch mode: one briefing a turn");
			cr_assert_eq(n.orders, 0, "no human side: the front end gives no orders");
			cr_assert_eq(n.handoffs, 0);
			cr_assert(s->turns == R.turns || s->world.result == RESULT_WAR);
			session_free(s);
		}
	}
}

Test(play, same_seed_same_game)
{
	uint64_t hash[2];
	for (int k = 0; k < 2; k++) {
		struct session *s = game(99, AI_NORMAL, AI_HAWK);
		struct play p;
		struct null_fe n;
		struct frontend fe;
		play_setup(&p, s, NULL);
		null_init(&n, &fe);
		cr_assert_eq(play_run(&p, &fe), 0);
		hash[k] = world_hash(&s->world);
		session_free(s);
	}
	cr_assert_eq(hash[0], hash[1]);
}

Test(play, one_human_gets_briefing_and_orders_each_turn)
{
	struct session *s = game(5, -1, AI_EASY);
	struct play p;
	struct null_fe n;
	struct frontend fe;
	play_setup(&p, s, NULL);
	null_init(&n, &fe);
	cr_assert_eq(play_run(&p, &fe), 0);
	cr_assert(s->world.over);
	cr_assert_eq(n.orders, s->turns);
	cr_assert_eq(n.briefings, s->turns);
	cr_assert_eq(n.handoffs, 0, "no hand-off with one human");
	cr_assert_null(n.broken, "%s", n.broken);
	session_free(s);
}

Test(play, scripted_orders_are_what_gets_submitted)
{
	struct session *s = game(5, -1, -1);
	struct orders script[2 * SIDE_COUNT];
	memset(script, 0, sizeof script);
	cr_assert_eq(orders_add(&s->world, &R, SIDE_NATO, &script[0], FX_DEPLOY, 0, NULL), ORDER_OK);
	cr_assert_eq(orders_add(&s->world, &R, SIDE_RUSSIA, &script[1], FX_TALKS, RULES_NO_REGION, NULL),
	             ORDER_OK);
	cr_assert_eq(orders_add(&s->world, &R, SIDE_NATO, &script[2], FX_TALKS, RULES_NO_REGION, NULL),
	             ORDER_OK);
	struct play p;
	struct null_fe n;
	struct frontend fe;
	play_setup(&p, s, NULL);
	null_init(&n, &fe);
	n.script = script;
	n.nscript = 4;
	cr_assert_eq(play_run(&p, &fe), 0);
	cr_assert_eq(s->orders[0][SIDE_NATO].n, 1);
	cr_assert_eq(s->orders[0][SIDE_NATO].list[0].action, FX_DEPLOY);
	cr_assert_eq(s->orders[0][SIDE_RUSSIA].list[0].action, FX_TALKS);
	cr_assert_eq(s->orders[1][SIDE_NATO].list[0].action, FX_TALKS);
	cr_assert_eq(s->orders[1][SIDE_RUSSIA].n, 0);
	cr_assert_eq(s->orders[2][SIDE_NATO].n, 0, "past the script: empty orders");
	session_free(s);
}

Test(play, hotseat_hands_over_between_sides_and_turns)
{
	struct session *s = game(8, -1, -1);
	struct play p;
	struct null_fe n;
	struct frontend fe;
	play_setup(&p, s, NULL);
	null_init(&n, &fe);
	cr_assert_eq(play_run(&p, &fe), 0);
	int t = s->turns;
	cr_assert_gt(t, 1);
	/* turn 1: NATO, hand-off, Russia; then hand-off before each side */
	cr_assert_eq(n.handoffs, 2 * t - 1);
	for (int k = 0; k < n.handoffs; k++)
		cr_assert_eq(n.handoff_to[k], k % 2 == 0 ? SIDE_RUSSIA : SIDE_NATO, "hand-off %d", k);
	cr_assert_eq(n.orders, 2 * t);
	cr_assert_eq(n.briefings, 2 * t);
	session_free(s);
}

Test(play, quit_returns_zero_without_game_over)
{
	struct session *s = game(3, -1, AI_NORMAL);
	struct play p;
	struct null_fe n;
	struct frontend fe;
	play_setup(&p, s, NULL);
	null_init(&n, &fe);
	n.quit_at = 2;
	cr_assert_eq(play_run(&p, &fe), 0);
	cr_assert_eq(s->turns, 2);
	cr_assert_not(s->world.over);
	cr_assert_eq(n.game_overs, 0);
	session_free(s);
}

Test(play, stop_flag_ends_the_loop_at_once)
{
	struct session *s = game(3, -1, AI_NORMAL);
	volatile int stop = 0;
	struct play p;
	struct null_fe n;
	struct frontend fe;
	play_setup(&p, s, &stop);
	null_init(&n, &fe);
	n.stop_at = 3;
	n.stop = &stop;
	cr_assert_eq(play_run(&p, &fe), 0);
	cr_assert_eq(s->turns, 3, "stopped at the briefing of turn 3: no orders asked");
	cr_assert_eq(n.orders, 3);
	cr_assert_eq(n.game_overs, 0);
	cr_assert_not(s->world.over);

	/* raised before the game starts: nothing happens at all */
	struct session *s2 = game(3, -1, AI_NORMAL);
	stop = 1;
	play_setup(&p, s2, &stop);
	null_init(&n, &fe);
	cr_assert_eq(play_run(&p, &fe), 0);
	cr_assert_eq(s2->turns, 0);
	cr_assert_eq(n.briefings + n.orders + n.resolutions + n.game_overs, 0);
	session_free(s);
	session_free(s2);
}

static int count_files(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		if (!strncmp(e->d_name, prefix, strlen(prefix)))
			n++;
	closedir(d);
	return n;
}

static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	char path[1024];
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

Test(play, autosaves_after_turns_and_on_stop)
{
	char dir[] = "/tmp/brink-test-play-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	struct session *s = game(4, -1, AI_NORMAL);
	volatile int stop = 0;
	struct play p;
	struct null_fe n;
	struct frontend fe;
	play_setup(&p, s, &stop);
	snprintf(p.save_dir, sizeof p.save_dir, "%s", dir);
	null_init(&n, &fe);
	n.stop_at = 2;
	n.stop = &stop;
	cr_assert_eq(play_run_notify(&p, &fe, null_notice), 0);
	cr_assert_eq(n.notices, 0, "no autosave failed");
	cr_assert_eq(count_files(dir, "test-auto"), 2, "one autosave per resolved turn");

	/* a whole game keeps every turn, in its own name */
	struct session *s2 = game(4, AI_EASY, AI_NORMAL);
	play_setup(&p, s2, NULL);
	snprintf(p.save_dir, sizeof p.save_dir, "%s", dir);
	snprintf(p.save_name, sizeof p.save_name, "whole");
	null_init(&n, &fe);
	cr_assert_eq(play_run_notify(&p, &fe, null_notice), 0);
	int kept = count_files(dir, "whole-auto");
	cr_assert_eq(kept, s2->turns, "%d autosaves kept of %d turns", kept, s2->turns);
	cr_assert_str_eq(s2->id, "whole");
	remove_dir(dir);
	session_free(s);
	session_free(s2);
}

Test(play, failed_autosave_is_told_and_the_game_goes_on)
{
	struct session *s = game(6, AI_EASY, AI_EASY);
	struct play p;
	struct null_fe n;
	struct frontend fe;
	play_setup(&p, s, NULL);
	/* nothing can be created under a file */
	snprintf(p.save_dir, sizeof p.save_dir, "/dev/null/saves");
	null_init(&n, &fe);
	cr_assert_eq(play_run_notify(&p, &fe, null_notice), 0);
	cr_assert(s->world.over);
	cr_assert_eq(n.game_overs, 1);
	cr_assert_eq(n.notices, s->turns, "one notice per failed autosave");
	session_free(s);
}

/* Play a game in plain mode with INPUT; returns the output (caller frees). */
static char *plain_game(struct session *s, const char *input, int *rc)
{
	FILE *in = fmemopen((void *)input, strlen(input), "r");
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	cr_assert(in && out);
	struct play p;
	struct plain pl;
	struct frontend fe;
	play_setup(&p, s, NULL);
	plain_init(&pl, &fe, in, out, true);
	*rc = play_run_notify(&p, &fe, plain_notice);
	fclose(in);
	fclose(out);
	return text;
}

static const char *last_line(const char *text)
{
	size_t n = strlen(text);
	while (n > 0 && text[n - 1] == '\n')
		n--;
	while (n > 0 && text[n - 1] != '\n')
		n--;
	return text + n;
}

Test(play, plain_game_ends_with_the_result_line)
{
	char input[4096] = "";
	for (int t = 0; t < R.turns; t++)
		strcat(input, "do talks\ndo deploy poland\nend\n");
	struct session *s = game(12, -1, AI_NORMAL);
	int rc;
	char *out = plain_game(s, input, &rc);
	cr_assert_eq(rc, 0);
	cr_assert(s->world.over);
	cr_assert_not_null(strstr(out, "[nato 2025-Q1 AP 4] > do talks\nqueued: Propose talks"));
	cr_assert_not_null(strstr(out, "== 2025-Q2, turn 2 of 12: NATO to move ==\n"));
	char want[96];
	snprintf(want, sizeof want, "result: %s (nato %d, russia %d)\n", explain_result(s->world.result),
	         s->world.score[SIDE_NATO], s->world.score[SIDE_RUSSIA]);
	cr_assert_str_eq(last_line(out), want);
	free(out);
	session_free(s);
}

Test(play, plain_end_of_input_quits_cleanly)
{
	struct session *s = game(12, -1, AI_NORMAL);
	int rc;
	char *out = plain_game(s, "do talks\nend\ndo talks\n", &rc);
	cr_assert_eq(rc, 0);
	cr_assert_eq(s->turns, 1);
	cr_assert_not_null(strstr(out, "End of input: quitting"));
	cr_assert_null(strstr(out, "result: "));
	free(out);
	session_free(s);
}

Test(play, plain_hotseat_hands_over_in_one_line)
{
	struct session *s = game(12, -1, -1);
	int rc;
	char *out = plain_game(s, "do talks\nend\ndo talks\nend\nquit\n", &rc);
	cr_assert_eq(rc, 0);
	cr_assert_eq(s->turns, 1);
	cr_assert_not_null(strstr(out, "\n-- Hand over to Russia. --\n"));
	cr_assert_not_null(strstr(out, "[russia 2025-Q1 AP 4] > "));
	cr_assert_not_null(strstr(out, "Agreement: both sides chose Propose talks"));
	free(out);
	session_free(s);
}

/* Reads the game's output until the first prompt, then raises the stop flag:
 * the game is then waiting for input that never comes. */
struct stopper {
	int fd;
	volatile int *stop;
};

static void *stopper_run(void *arg)
{
	struct stopper *st = arg;
	char c, prev = 0;
	while (read(st->fd, &c, 1) == 1) {
		if (prev == '>' && c == ' ')
			break;
		prev = c;
	}
	*st->stop = 1;
	return NULL;
}

Test(play, plain_sees_the_stop_flag_while_waiting_for_input, .timeout = 30)
{
	int in[2], out[2];
	cr_assert_eq(pipe(in), 0);
	cr_assert_eq(pipe(out), 0);
	FILE *fin = fdopen(in[0], "r");
	FILE *fout = fdopen(out[1], "w");
	cr_assert(fin && fout);
	struct session *s = game(12, -1, AI_NORMAL);
	volatile int stop = 0;
	struct play p;
	struct plain pl;
	struct frontend fe;
	play_setup(&p, s, &stop);
	plain_init(&pl, &fe, fin, fout, false);
	struct stopper st = { out[0], &stop };
	pthread_t th;
	cr_assert_eq(pthread_create(&th, NULL, stopper_run, &st), 0);
	/* in[1] stays open: without the stop flag this would wait for ever */
	cr_assert_eq(play_run_notify(&p, &fe, plain_notice), 0);
	cr_assert(stop);
	cr_assert_eq(s->turns, 0);
	fclose(fout);
	pthread_join(th, NULL);
	fclose(fin);
	close(in[1]);
	close(out[0]);
	session_free(s);
}

/* Issue 11, defect 11: plain mode on a terminal breaks long lines at spaces
 * within its width, continuation lines indented, every word whole. */
Test(play, plain_wraps_long_lines_to_the_width_at_spaces)
{
	char input[4096] = "";
	for (int t = 0; t < R.turns; t++)
		strcat(input, "do deploi poland\nexplain tensoin\ndo talks\nend\n");
	FILE *in = fmemopen(input, strlen(input), "r");
	char *text = NULL, *plain_text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	cr_assert(in && out);
	struct session *s = game(12, -1, AI_NORMAL);
	struct play p;
	struct plain pl;
	struct frontend fe;
	play_setup(&p, s, NULL);
	plain_init(&pl, &fe, in, out, true);
	plain_wrap(&pl, 50);
	cr_assert_eq(play_run_notify(&p, &fe, plain_notice), 0);
	plain_fini(&pl);
	fclose(in);
	fclose(out);
	/* The same game unwrapped: the same words in the same order. */
	struct session *s2 = game(12, -1, AI_NORMAL);
	int rc;
	plain_text = plain_game(s2, input, &rc);
	int longest = 0, lines = 0;
	for (char *l = text; *l;) {
		char *e = strchr(l, '\n');
		int w = e ? (int)(e - l) : (int)strlen(l);
		if (w > longest)
			longest = w;
		lines++;
		l = e ? e + 1 : l + w;
	}
	cr_assert_leq(longest, 50, "a line of %d columns at width 50", longest);
	/* Words survive: collapse blanks and newlines of both and compare. */
	char *a = text, *b = plain_text;
	for (;;) {
		while (*a == ' ' || *a == '\n')
			a++;
		while (*b == ' ' || *b == '\n')
			b++;
		if (!*a || !*b)
			break;
		cr_assert_eq(*a, *b, "the wrapped text differs at '%.30s' / '%.30s'", a, b);
		a++;
		b++;
	}
	cr_assert(!*a && !*b, "one text is longer");
	cr_assert_gt(lines, 50);
	free(text);
	free(plain_text);
	session_free(s);
	session_free(s2);
}
