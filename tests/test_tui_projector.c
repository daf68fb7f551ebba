/* test_tui_projector.c - the projector view without a terminal: the key, the block font
 * read back cell by cell, and the whole view drawn at 200x60 and 160x48 (cards where the
 * map puts the regions, selectable; the tension in block digits; the news headlines). */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../game/explain/explain.h"
#include "../game/ui/tui_game.h"
#include "../game/ui/tui_projector.h"
#include "../game/ui/tui_term.h"
#include "fixture.h"

Test(projector, v_is_the_key_in_the_game_and_the_replay)
{
	cr_assert_eq(tui_key_command(TK_GAME, 'v'), TC_PROJECTOR);
	cr_assert_eq(tui_key_command(TK_REPLAY, 'v'), TC_PROJECTOR);
	cr_assert_eq(tui_key_command(TK_LIST, 'v'), TC_NONE);
}

Test(projector, block_digits_read_back_as_their_pixels)
{
	struct screen s;
	screen_open(&s, "C.UTF-8", 30, 100);
	erase();
	/* "1" at scale 2: pixel rows .#. ##. .#. .#. ###, a pixel two cells wide */
	int w = tui_big_text(&s.t, 2, 4, 90, 2, TR_NORMAL, "1");
	cr_assert_eq(w, 6);
	static const char *const want[5] = { "  ##  ", "####  ", "  ##  ", "  ##  ", "######" };
	for (int r = 0; r < 5; r++)
		for (int c = 0; c < 6; c++)
			cr_assert_eq(screen_cell(2 + r, 4 + c), want[r][c] == '#' ? L'\u2588' : L' ', "row %d col %d", r, c);
	/* scale 1 with half blocks: "7" is ### ..# ..# .#. .#. -> rows 0+1, 2+3, 4 */
	erase();
	cr_assert_eq(tui_big_text(&s.t, 10, 0, 90, 1, TR_NORMAL, "7"), 3);
	cr_assert_eq(screen_cell(10, 0), L'\u2580'); /* top pixel only */
	cr_assert_eq(screen_cell(10, 2), L'\u2588'); /* both */
	cr_assert_eq(screen_cell(11, 1), L'\u2584'); /* lower only: row 3 has .#. */
	cr_assert_eq(screen_cell(12, 1), L'\u2580'); /* row 4 in the top half */
	/* clipped to its width: nothing past MAXW */
	erase();
	int used = tui_big_text(&s.t, 20, 0, 10, 1, TR_NORMAL, "CRISIS");
	cr_assert_leq(used, 10);
	cr_assert_eq(screen_cell(20, 11), L' ');
	cr_assert_eq(tui_big_width("CRISIS", 1), 23);
	screen_close(&s);
}

static void view_draw_at(int h, int w, struct tui_view *v, struct rules *r, struct world *wd)
{
	struct screen s;
	screen_open(&s, "C.UTF-8", h, w);
	memset(v, 0, sizeof *v);
	v->r = r;
	v->w = wd;
	v->side = SIDE_NATO;
	v->news_turn = -1;
	v->projector = true;
	snprintf(v->title, sizeof v->title, "BRINK  test");
	cr_assert(tui_projector_fits());
	tui_view_draw(&s.t, v);
	cr_assert_geq(screen_find("TENSION, TURN BY TURN"), 0);
	cr_assert_geq(screen_find("DETENTE"), 0);
	/* every region as a card at its layout rect, its holder in words */
	for (int i = 0; i < r->nregions; i++) {
		struct tui_rect rc = v->layout.rect[i];
		cr_assert(rc.w > 0 && rc.h > 0, "region %d has a card", i);
		cr_assert(rc.x >= 0 && rc.y >= 0 && rc.x + rc.w <= COLS && rc.y + rc.h <= LINES - 1,
		          "card %d inside the screen", i);
		cr_assert_eq(screen_cell(rc.y, rc.x), L'\u250c', "card %d's corner", i);
	}
	/* the tension in block digits: its first digit's top row is full blocks */
	int y = screen_find("TENSION");
	cr_assert_geq(y, 0);
	cr_assert_eq(screen_cell(y + 1, 2), L'\u2588');
	screen_close(&s);
}

Test(projector, the_whole_view_at_200x60_and_160x48)
{
	struct rules r;
	struct world w;
	fixture_rules(&r);
	world_init(&w, &r, 1);
	struct tui_view v;
	view_draw_at(60, 200, &v, &r, &w);
	view_draw_at(48, 160, &v, &r, &w);
}

Test(projector, too_small_draws_the_normal_screen_and_says_why)
{
	struct rules r;
	struct world w;
	fixture_rules(&r);
	world_init(&w, &r, 1);
	struct screen s;
	screen_open(&s, "C.UTF-8", 40, 120);
	struct tui_view v;
	memset(&v, 0, sizeof v);
	v.r = &r;
	v.w = &w;
	v.side = SIDE_NATO;
	v.news_turn = -1;
	tui_projector_toggle(&v);
	cr_assert(v.projector);
	cr_assert_str_eq(v.status, "Projector view needs 160x48 (now 120x40)");
	tui_view_draw(&s.t, &v);
	cr_assert_lt(screen_find("TENSION, TURN BY TURN"), 0);
	char want[32];
	snprintf(want, sizeof want, "TENSION %d", w.v[VAR_TENSION]);
	cr_assert_geq(screen_find(want), 0, "the normal side panel");
	tui_projector_toggle(&v);
	cr_assert(!v.projector);
	screen_close(&s);
}
