/* test_tui.c - the curses front end without a terminal: key mapping, map art, layout,
 * and the game screen drawn on a curses screen over /dev/null, read back cell by cell. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "../game/scenario/scenario.h"
#include "../game/engine/turn.h"
#include "../game/explain/explain.h"
#include "../game/session/session.h"
#include "../game/ui/tui.h"
#include "../game/ui/tui_game.h"
#include "../game/ui/tui_map.h"
#include "../game/ui/tui_term.h"
#include "fixture.h"

static struct rules R;
static struct world W;
static struct map_art ART;

static void setup(void)
{
	fixture_rules(&R);
	world_init(&W, &R, 42);
	char err[128];
	/* A 54x15 art, the map area at 80x24, with anchors for the fixture. */
	char art[2048];
	int n = snprintf(art, sizeof art, "# test art\nmap: Test\nanchor poland 0 5\n"
	                 "anchor baltics 0 0\nanchor ukraine 18 10\nanchor caucasus 36 10\n---\n");
	for (int y = 0; y < 15; y++)
		n += snprintf(art + n, sizeof art - (size_t)n, "%-53s%c\n", y == 6 ? "                   BELARUS" : "",
		              y == 0 ? '#' : ' ');
	cr_assert_eq(map_art_parse(&ART, art, err, sizeof err, NULL), 0, "%s", err);
}

TestSuite(tui, .init = setup);

/* ---- keys --------------------------------------------------------------- */

Test(tui, keys_move_the_selection_with_arrows_and_hjkl)
{
	cr_assert_eq(tui_key_command(TK_GAME, 'h'), TC_LEFT);
	cr_assert_eq(tui_key_command(TK_GAME, 'j'), TC_DOWN);
	cr_assert_eq(tui_key_command(TK_GAME, 'k'), TC_UP);
	cr_assert_eq(tui_key_command(TK_GAME, 'l'), TC_RIGHT);
	cr_assert_eq(tui_key_command(TK_GAME, TUI_FN | KEY_LEFT), TC_LEFT);
	cr_assert_eq(tui_key_command(TK_GAME, TUI_FN | KEY_RIGHT), TC_RIGHT);
	cr_assert_eq(tui_key_command(TK_GAME, TUI_FN | KEY_UP), TC_UP);
	cr_assert_eq(tui_key_command(TK_GAME, TUI_FN | KEY_DOWN), TC_DOWN);
}

Test(tui, keys_of_the_game_screen)
{
	cr_assert_eq(tui_key_command(TK_GAME, '\r'), TC_OK);
	cr_assert_eq(tui_key_command(TK_GAME, 'a'), TC_OK);
	cr_assert_eq(tui_key_command(TK_GAME, 'u'), TC_UNDO);
	cr_assert_eq(tui_key_command(TK_GAME, 'e'), TC_END);
	cr_assert_eq(tui_key_command(TK_GAME, 'x'), TC_EXPLAIN);
	cr_assert_eq(tui_key_command(TK_GAME, '?'), TC_HELP);
	cr_assert_eq(tui_key_command(TK_GAME, 'q'), TC_QUIT);
	cr_assert_eq(tui_key_command(TK_GAME, 27), TC_BACK);
	cr_assert_eq(tui_key_command(TK_GAME, '\t'), TC_TAB);
	cr_assert_eq(tui_key_command(TK_GAME, 'Z'), TC_NONE);
}

Test(tui, keys_of_a_confirmation_only_yes_with_y)
{
	cr_assert_eq(tui_key_command(TK_CONFIRM, 'y'), TC_YES);
	cr_assert_eq(tui_key_command(TK_CONFIRM, 'Y'), TC_YES);
	cr_assert_eq(tui_key_command(TK_CONFIRM, 'n'), TC_NO);
	cr_assert_eq(tui_key_command(TK_CONFIRM, 27), TC_NO);
	cr_assert_eq(tui_key_command(TK_CONFIRM, 'q'), TC_NO);
	cr_assert_eq(tui_key_command(TK_CONFIRM, '\r'), TC_NONE);
	cr_assert_eq(tui_key_command(TK_CONFIRM, 'x'), TC_NONE);
}

Test(tui, keys_of_the_replay_step_turns)
{
	cr_assert_eq(tui_key_command(TK_REPLAY, 'p'), TC_PREV);
	cr_assert_eq(tui_key_command(TK_REPLAY, 'n'), TC_NEXT);
	cr_assert_eq(tui_key_command(TK_REPLAY, TUI_FN | KEY_LEFT), TC_PREV);
	cr_assert_eq(tui_key_command(TK_REPLAY, TUI_FN | KEY_RIGHT), TC_NEXT);
	cr_assert_eq(tui_key_command(TK_REPLAY, TUI_FN | KEY_HOME), TC_FIRST);
	cr_assert_eq(tui_key_command(TK_REPLAY, TUI_FN | KEY_END), TC_LAST);
	cr_assert_eq(tui_key_command(TK_REPLAY, 'q'), TC_QUIT);
}

Test(tui, keys_code_points_do_not_collide_with_curses_codes)
{
	/* U+0102 has the value of KEY_DOWN without TUI_FN: it is no arrow. */
	cr_assert_eq(tui_key_command(TK_GAME, KEY_DOWN), TC_NONE);
	cr_assert_eq(tui_key_command(TK_LIST, 0x0102), TC_NONE);
}

/* ---- art ---------------------------------------------------------------- */

Test(tui, art_parses_anchors_and_lines)
{
	cr_assert_str_eq(ART.name, "Test");
	cr_assert_eq(ART.nanchors, 4);
	cr_assert_str_eq(ART.anchor[0].id, "poland");
	cr_assert_eq(ART.anchor[0].x, 0);
	cr_assert_eq(ART.anchor[0].y, 5);
	cr_assert_eq(ART.h, 15);
	cr_assert_eq(ART.w, 54);
	cr_assert(strstr(ART.line[6], "BELARUS"));
}

Test(tui, art_errors_are_reported_not_fatal)
{
	struct map_art a;
	char err[128];
	int line;
	cr_assert_eq(map_art_parse(&a, "anchor poland 1 1\nno art marker\n", err, sizeof err, &line), -1);
	cr_assert_eq(line, 2, "%s", err);
	cr_assert(strstr(err, "expected"), "%s", err);
	cr_assert_eq(map_art_parse(&a, "anchor poland 1 1\n", err, sizeof err, NULL), -1);
	cr_assert(strstr(err, "---"), "%s", err);
	cr_assert_eq(map_art_parse(&a, "# c\nanchor poland -3 1\n---\n", err, sizeof err, &line), -1);
	cr_assert_eq(line, 2);
	/* Non-ASCII art and tabs are drawn as '?' and spaces, never as raw bytes. */
	cr_assert_eq(map_art_parse(&a, "---\n\xc3\xa9\tx\n", err, sizeof err, NULL), 0);
	cr_assert_str_eq(a.line[0], "?? x");
}

Test(tui, the_shipped_map_art_loads_and_names_the_default_regions)
{
	struct map_art a;
	cr_assert_eq(map_art_load(&a, "map-eastern-europe.txt", NULL, 0, NULL), 0, "assets/map-eastern-europe.txt not found");
	static const char *const ids[] = { "poland", "baltics", "ukraine", "caucasus" };
	for (int i = 0; i < 4; i++) {
		bool found = false;
		for (int k = 0; k < a.nanchors; k++)
			found |= !strcmp(a.anchor[k].id, ids[i]);
		cr_assert(found, "no anchor for %s", ids[i]);
	}
	cr_assert_leq(a.w, 54, "the art must fit the map area at 80 columns");
	cr_assert_leq(a.h, 15, "the art must fit the map area at 24 lines");
	struct map_art big;
	cr_assert_eq(map_art_load(&big, "map-eastern-europe-large.txt", NULL, 0, NULL), 0);
	cr_assert_leq(big.w, 120 - 32 - 1, "the large art fits the map area at 120 columns");
	cr_assert_leq(big.h, 40 - 2 - 10, "the large art fits at 40 lines");
	cr_assert_gt(big.w, a.w);
}

Test(tui, the_large_art_is_used_when_it_fits)
{
	struct map_art big;
	cr_assert_eq(map_art_load(&big, "map-eastern-europe-large.txt", NULL, 0, NULL), 0);
	struct screen s;
	screen_open(&s, "C.UTF-8", 48, 160);
	struct tui_view v;
	memset(&v, 0, sizeof v);
	v.r = &R;
	v.w = &W;
	v.side = SIDE_BOTH;
	v.news_turn = -1;
	v.art = &ART;
	v.art_large = &big;
	tui_view_draw(&s.t, &v);
	cr_assert(screen_has("GERMANY"), "the large map's art");
	resize_term(24, 80);
	tui_view_draw(&s.t, &v);
	cr_assert(!screen_has("GERMANY"), "the small map at 80x24");
	cr_assert(screen_has("BELARUS"));
	screen_close(&s);
}

/* ---- layout ------------------------------------------------------------- */

static void assert_no_overlap(const struct tui_layout *L)
{
	for (int i = 0; i < L->n; i++) {
		struct tui_rect a = L->rect[i];
		cr_assert_gt(a.h, 0, "region %d not placed", i);
		cr_assert(a.x >= L->area.x && a.y >= L->area.y && a.x + a.w <= L->area.x + L->area.w &&
		          a.y + a.h <= L->area.y + L->area.h, "region %d outside the map", i);
		for (int j = i + 1; j < L->n; j++) {
			struct tui_rect b = L->rect[j];
			bool over = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
			cr_assert(!over, "regions %d and %d overlap", i, j);
		}
	}
}

Test(tui, layout_puts_regions_at_their_anchors)
{
	struct tui_layout L = { 0 };
	tui_map_layout(&L, &ART, &R, (struct tui_rect){ 0, 1, 54, 15 }, 0);
	cr_assert(!L.list);
	int p = rules_region_find(&R, "poland");
	cr_assert_eq(L.rect[p].x, 0);
	cr_assert_eq(L.rect[p].y, 1 + 5);
	assert_no_overlap(&L);
}

Test(tui, layout_places_regions_the_art_does_not_know)
{
	int k = R.nregions;
	strcpy(R.region[k].id, "kaliningrad");
	strcpy(R.region[k].name, "Kaliningrad");
	R.region[k].value = 1;
	strcpy(R.region[k + 1].id, "moldova");
	strcpy(R.region[k + 1].name, "Moldova");
	R.region[k + 1].value = 1;
	R.nregions += 2;
	struct tui_layout L = { 0 };
	tui_map_layout(&L, &ART, &R, (struct tui_rect){ 0, 1, 54, 15 }, 0);
	cr_assert(!L.list, "six boxes fit in 54x15");
	assert_no_overlap(&L);
	/* Selectable: a click inside its box finds it. */
	cr_assert_eq(tui_map_hit(&L, L.rect[k].y + 1, L.rect[k].x + 2), k);
}

Test(tui, layout_falls_back_to_a_list_when_boxes_do_not_fit)
{
	for (int k = R.nregions; k < RULES_MAX_REGIONS; k++) {
		snprintf(R.region[k].id, sizeof R.region[k].id, "r%d", k);
		snprintf(R.region[k].name, sizeof R.region[k].name, "Region %d", k);
		R.region[k].value = 1;
	}
	R.nregions = RULES_MAX_REGIONS;
	struct tui_layout L = { 0 };
	tui_map_layout(&L, &ART, &R, (struct tui_rect){ 0, 1, 54, 15 }, 31);
	cr_assert(L.list);
	cr_assert_gt(L.rect[31].h, 0, "the selected region must be visible");
	cr_assert_eq(L.rect[0].h, 0, "the first rows scrolled away");
	cr_assert_eq(tui_map_move(&L, 31, 0, 1), 31);
	cr_assert_eq(tui_map_move(&L, 31, 0, -1), 30);
}

Test(tui, moving_goes_to_the_neighbour_in_that_direction)
{
	struct tui_layout L = { 0 };
	tui_map_layout(&L, &ART, &R, (struct tui_rect){ 0, 1, 54, 15 }, 0);
	int pol = rules_region_find(&R, "poland"), bal = rules_region_find(&R, "baltics");
	int ukr = rules_region_find(&R, "ukraine"), cau = rules_region_find(&R, "caucasus");
	cr_assert_eq(tui_map_move(&L, pol, 0, -1), bal);
	cr_assert_eq(tui_map_move(&L, bal, 0, 1), pol);
	cr_assert_eq(tui_map_move(&L, ukr, 1, 0), cau);
	cr_assert_eq(tui_map_move(&L, cau, -1, 0), ukr);
	cr_assert_eq(tui_map_move(&L, bal, -1, 0), bal, "nothing to the left: stay");
}

/* ---- text helpers ------------------------------------------------------- */

Test(tui, wrap_breaks_at_spaces_within_the_width)
{
	char lines[8][256];
	int n = tui_wrap("the quick brown fox jumps over the lazy dog", 10, lines, 8);
	cr_assert_geq(n, 4);
	for (int i = 0; i < n; i++)
		cr_assert_leq(strlen(lines[i]), 10, "line %d: '%s'", i, lines[i]);
	cr_assert_str_eq(lines[0], "the quick");
}

Test(tui, width_counts_columns_not_bytes)
{
	setlocale(LC_ALL, "C.UTF-8");
	cr_assert_eq(tui_width("D\xc3\xa9tente"), 7);
	cr_assert_eq(tui_width(""), 0);
}

/* ---- drawing ------------------------------------------------------------ */

static void view_init(struct tui_view *v, const struct orders *q)
{
	memset(v, 0, sizeof *v);
	v->r = &R;
	v->w = &W;
	v->side = SIDE_NATO;
	v->queued = q;
	v->log = &W.log;
	v->news_turn = -1;
	v->art = &ART;
	snprintf(v->title, sizeof v->title, "BRINK test screen");
}

Test(tui, the_scenarios_own_art_is_found_beside_it)
{
	static struct rules r2;
	struct diags *ds = diags_new();
	cr_assert_eq(scenario_load("tests/data/good/with-map.cfg", &r2, ds), 0);
	diags_free(ds);
	struct map_art a;
	tui_art_for(&a, &r2, false);
	cr_assert_gt(a.h, 0, "the art beside the scenario");
	cr_assert_str_eq(a.name, "Two regions");
	tui_art_for(&a, &r2, true);
	cr_assert_eq(a.w, 85, "the shared large art from the assets folder");
	r2.map_art[0] = '\0';
	tui_art_for(&a, &r2, false);
	cr_assert_eq(a.h, 0, "no art named: the neutral layout");
}

/* ---- the neutral layout (no art) ----------------------------------------- */

/* Side by side (same rows) or one above the other (same columns), not diagonal. */
static bool in_line(struct tui_rect a, struct tui_rect b)
{
	return a.y == b.y || (a.x < b.x + b.w && b.x < a.x + a.w);
}

Test(tui, neutral_layout_puts_neighbours_next_to_each_other)
{
	struct tui_layout L = { 0 };
	tui_map_layout(&L, NULL, &R, (struct tui_rect){ 0, 1, 54, 15 }, 0);
	cr_assert(!L.list, "four boxes fit in 54x15");
	assert_no_overlap(&L);
	for (int i = 0; i < R.nregions; i++)
		for (int j = 0; j < R.nregions; j++)
			if (R.region[i].borders >> j & 1)
				cr_assert(in_line(L.rect[i], L.rect[j]), "%s and %s are neighbours",
				              R.region[i].id, R.region[j].id);
}

Test(tui, neutral_layout_spreads_out_and_joins_neighbours_when_there_is_room)
{
	struct tui_layout L = { 0 };
	tui_map_layout(&L, NULL, &R, (struct tui_rect){ 0, 1, 167, 29 }, 0);
	cr_assert(!L.list);
	assert_no_overlap(&L);
	cr_assert_gt(L.nlinks, 0, "lines between neighbours");
	int minx = 999, maxx = 0;
	for (int i = 0; i < L.n; i++) {
		minx = L.rect[i].x < minx ? L.rect[i].x : minx;
		maxx = L.rect[i].x + L.rect[i].w > maxx ? L.rect[i].x + L.rect[i].w : maxx;
	}
	cr_assert_gt(maxx - minx, 2 * TUI_BOX_W + 4, "the grid spreads over a large area");
	cr_assert_eq(L.rect[0].h, TUI_BOX_H_LARGE, "the large boxes where there is room");
	cr_assert_geq(L.rect[0].w, TUI_BOX_W_LARGE);
}

Test(tui, a_long_name_widens_its_box_and_is_never_cut)
{
	strcpy(R.region[2].name, "The Northern Sea Route");
	struct screen s;
	screen_open(&s, "C", 24, 80);
	struct tui_view v;
	view_init(&v, NULL);
	v.art = NULL;
	tui_view_draw(&s.t, &v);
	cr_assert(screen_has("The Northern Sea Route"), "the whole name on the map");
	cr_assert_eq(tui_box_width(&R, 2), (int)strlen("The Northern Sea Route") + 9);
	cr_assert(screen_has("+Baltics"), "a short name is used on the map");
	cr_assert(!screen_has("ROMANIA") && !screen_has("BELARUS"), "no labels it does not own");
	screen_close(&s);
}

static void many_regions(int n, const char *fmt)
{
	for (int k = R.nregions; k < n; k++) {
		snprintf(R.region[k].id, sizeof R.region[k].id, "r%d", k);
		snprintf(R.region[k].name, sizeof R.region[k].name, fmt, k);
		R.region[k].value = 1;
		R.region[k].borders = 1u << (k - 1);
		R.region[k - 1].borders |= 1u << k;
	}
	R.nregions = (uint8_t)n;
}

Test(tui, the_list_says_why_the_boxes_do_not_fit)
{
	many_regions(12, "Region number %d");
	struct screen s;
	screen_open(&s, "C", 24, 80);
	struct tui_view v;
	view_init(&v, NULL);
	v.art = NULL;
	tui_view_draw(&s.t, &v);
	cr_assert(screen_has("A list: 12 boxes"), "the reason for the list");
	cr_assert(screen_has("Region number 11"), "names whole in the list too");
	screen_close(&s);
}

Test(tui, thirty_two_regions_are_a_map_at_200x60)
{
	many_regions(RULES_MAX_REGIONS, "Region %7d"); /* 14 columns, as brink-scenario(5) says */
	struct screen s;
	screen_open(&s, "C", 60, 200);
	struct tui_view v;
	view_init(&v, NULL);
	v.art = NULL;
	v.sel = 31;
	tui_view_draw(&s.t, &v);
	cr_assert(!v.layout.list, "32 boxes fit at 200x60");
	assert_no_overlap(&v.layout);
	cr_assert(screen_has(">Region      31<"));
	screen_close(&s);
}

Test(tui, help_takes_the_scenarios_victory_control)
{
	/* tui_help_for's page waits for a key: feed it Esc. */
	R.victory.control = 35;
	struct screen s;
	screen_open(&s, "C", 24, 80);
	ungetch(27);
	tui_help_for(&s.t, &R);
	cr_assert(screen_has("alignment +35 or more by NATO, -35 or less"), "the scenario's number");
	screen_close(&s);
}

/* The screen's rows joined by single spaces, runs of blanks squeezed: text
 * that a page wrapped reads as one sentence. */
static void screen_joined(char *out, size_t len)
{
	size_t o = 0;
	for (int y = 0; y < LINES && o + 1 < len; y++) {
		char row[512];
		screen_row(y, row, sizeof row);
		for (const char *p = row; *p && o + 1 < len; p++)
			if (*p != ' ' || (o > 0 && out[o - 1] != ' '))
				out[o++] = *p;
		if (o > 0 && out[o - 1] != ' ' && o + 1 < len)
			out[o++] = ' ';
	}
	out[o] = '\0';
}

Test(tui, help_tells_how_a_game_is_scored_and_what_a_crisis_asks)
{
	/* It said only "at the end ... the regions it holds. Higher score
	 * wins": points come every turn, from security and credibility too. */
	R.dyn.turn_points = 2;
	R.dyn.security_divisor = 25;
	R.dyn.end_points = 5;
	R.dyn.credibility_divisor = 8;
	R.dyn.draw_margin = 3;
	R.dyn.war_penalty = 50;
	struct screen s;
	screen_open(&s, "C", 80, 80); /* tall enough for the whole page */
	ungetch(27);
	tui_help_for(&s.t, &R);
	static char all[80 * 90];
	screen_joined(all, sizeof all);
	static const char *const want[] = {
		"Every turn each side scores 2 x the points (vp) of the regions it holds",
		"both score the security index / 25",
		"At the end each scores 5 x the vp it holds then, and its credibility / 8.",
		"More than 3 points ahead wins; closer is a draw.",
		"both sides lose 50 points.",
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		cr_assert_not_null(strstr(all, want[i]), "'%s' not in the help", want[i]);
	cr_assert(screen_has("CRISES"));
	cr_assert(screen_has("stands firm (f)"));
	cr_assert(screen_has("or backs down (b)"));
	/* every line fits 80 columns: none is wrapped onto a second row */
	cr_assert(screen_has("NUMBERS ON THE SCREEN (x explains each: what changed it, what it is made of)"));
	screen_close(&s);
	/* without a scenario (the title menu), the standard numbers */
	screen_open(&s, "C", 80, 80);
	ungetch(27);
	tui_help_for(&s.t, NULL);
	screen_joined(all, sizeof all);
	cr_assert_not_null(strstr(all, "More than 2 points ahead wins"));
	cr_assert_not_null(strstr(all, "both sides lose 60 points."));
	screen_close(&s);
}

Test(tui, game_screen_shows_map_panel_and_orders_at_80x24)
{
	struct screen s;
	screen_open(&s, "C.UTF-8", 24, 80);
	struct orders q = { 0 };
	cr_assert_eq(orders_add(&W, &R, SIDE_NATO, &q, FX_DEPLOY, rules_region_find(&R, "poland"),
	                        NULL), ORDER_OK);
	struct tui_view v;
	view_init(&v, &q);
	v.sel = rules_region_find(&R, "ukraine");
	tui_view_draw(&s.t, &v);
	cr_assert(screen_has("BRINK test screen"));
	cr_assert(screen_has("Poland"), "a region box");
	cr_assert(screen_has(">Ukraine<"), "the selection is marked without colour");
	cr_assert(screen_has("TENSION 50"));
	cr_assert(screen_has("Confrontation"), "the band's name");
	cr_assert(screen_has("Miscalculation"));
	cr_assert(screen_has("NATO: 3 of 4 AP left"));
	cr_assert(screen_has("1. Deploy forces in Poland"), "the queued order, worded by explain");
	cr_assert(screen_has("Security index"));
	/* both sides score every turn: the score so far is on the screen */
	char sc[64];
	snprintf(sc, sizeof sc, "Score: NATO %d, Russia %d", W.score[SIDE_NATO], W.score[SIDE_RUSSIA]);
	cr_assert(screen_has(sc), "'%s'", sc);
	char buf[64];
	snprintf(buf, sizeof buf, "N%3d R%3d", world_get(&W, &R, VAR_NATO_FORCES, 0),
	         world_get(&W, &R, VAR_RUSSIA_FORCES, 0));
	cr_assert(screen_has(buf), "forces of both sides: %s", buf);
	cr_assert(screen_has("\u250c"), "UTF-8 box drawing");
	screen_close(&s);
}

Test(tui, orders_the_panel_has_no_room_for_are_counted_on_its_border)
{
	/* At 80x24 the fourth order was cut off the panel without a word. */
	struct screen s;
	screen_open(&s, "C.UTF-8", 24, 80);
	struct orders q = { 0 };
	static const char *const where[] = { "poland", "baltics", "ukraine", "caucasus" };
	for (int i = 0; i < 4; i++)
		q.list[q.n++] = (struct order){ FX_DEPLOY, (uint8_t)rules_region_find(&R, where[i]) };
	struct tui_view v;
	view_init(&v, &q);
	tui_view_draw(&s.t, &v);
	cr_assert(screen_has("1. Deploy forces in"), "the first order is shown");
	cr_assert(!screen_has("4. Deploy forces in"), "no room for the fourth at 80x24");
	cr_assert(screen_has("of 4 shown: Tab"), "the border says orders are hidden, and how to see them");
	/* with room for all, no such note */
	q.n = 1;
	erase();
	tui_view_draw(&s.t, &v);
	cr_assert(!screen_has("shown: Tab"));
	screen_close(&s);
}

Test(tui, a_long_message_fits_the_title_bar_at_80_columns)
{
	/* It read "Queued: Information campaign in Ukraine (1 A" at 80x24. */
	struct screen s;
	screen_open(&s, "C.UTF-8", 24, 80);
	struct tui_view v;
	view_init(&v, NULL);
	snprintf(v.title, sizeof v.title, "BRINK  Russia's orders, 2026-Q1  |  The Door Closes");
	snprintf(v.status, sizeof v.status, "Queued: Information campaign in Ukraine (1 AP)");
	tui_view_draw(&s.t, &v);
	cr_assert(screen_has("Queued: Information campaign in Ukraine (1 AP)"), "the whole message");
	cr_assert(screen_has("Russia's orders, 2026-Q1"), "the side and the date are kept");
	/* a short one leaves the title as it was */
	snprintf(v.status, sizeof v.status, "Saved");
	erase();
	tui_view_draw(&s.t, &v);
	cr_assert(screen_has("BRINK  Russia's orders, 2026-Q1"));
	screen_close(&s);
}

Test(tui, credibility_shows_where_a_row_is_left_under_the_score)
{
	struct screen s;
	screen_open(&s, "C.UTF-8", 40, 120);
	struct tui_view v;
	view_init(&v, NULL);
	tui_view_draw(&s.t, &v);
	char want[64];
	snprintf(want, sizeof want, "Credibility: N %d, R %d", W.credibility[SIDE_NATO],
	         W.credibility[SIDE_RUSSIA]);
	cr_assert(screen_has(want), "'%s' at 120x40", want);
	cr_assert_eq(screen_find(want), screen_find("Score: ") + 1, "right under the score");
	screen_close(&s);
}

Test(tui, the_replays_orders_are_whole_and_counted_at_80x24)
{
	/* They were cut at the panel's edge ("Economic aid in The Caucasu",
	 * "Diplomatic outreach in The"), and Russia's did not show at all. */
	struct screen s;
	screen_open(&s, "C.UTF-8", 24, 80);
	int cau = rules_region_find(&R, "caucasus"), ukr = rules_region_find(&R, "ukraine");
	struct orders shown[SIDE_COUNT] = { 0 };
	shown[SIDE_NATO].list[shown[SIDE_NATO].n++] = (struct order){ FX_AID, (uint8_t)cau };
	shown[SIDE_NATO].list[shown[SIDE_NATO].n++] = (struct order){ FX_DEPLOY, (uint8_t)ukr };
	shown[SIDE_NATO].list[shown[SIDE_NATO].n++] = (struct order){ FX_TALKS, RULES_NO_REGION };
	shown[SIDE_RUSSIA].list[shown[SIDE_RUSSIA].n++] = (struct order){ FX_DEPLOY, (uint8_t)cau };
	shown[SIDE_RUSSIA].list[shown[SIDE_RUSSIA].n++] = (struct order){ FX_TALKS, RULES_NO_REGION };
	struct tui_view v;
	view_init(&v, NULL);
	v.shown = shown;
	tui_view_draw(&s.t, &v);
	cr_assert(screen_has("NATO, 3 orders:"));
	cr_assert(screen_has("Russia, 2 orders:"), "the second side's heading keeps its row");
	cr_assert(screen_has("more in the news"), "orders with no room are counted");
	/* the first order, wrapped rather than cut: its region's whole name */
	char full[160], row[512];
	explain_order(&R, &shown[SIDE_NATO].list[0], full, sizeof full);
	int y = screen_find("NATO, 3 orders:");
	screen_row(y + 1, row, sizeof row);
	char row2[512];
	screen_row(y + 2, row2, sizeof row2);
	const char *last_word = strrchr(full, ' ') + 1;
	cr_assert(strstr(row, "Economic aid") && (strstr(row, full) || strstr(row2, last_word)),
	          "'%s' whole over '%s' / '%s'", full, row, row2);
	screen_close(&s);
}

Test(tui, every_world_variable_is_on_the_side_panel)
{
	struct screen s;
	screen_open(&s, "C.UTF-8", 24, 80);
	struct tui_view v;
	view_init(&v, NULL);
	tui_view_draw(&s.t, &v);
	static const char *const labels[] = { "Dialogue", "Arms control", "Sanctions",
	                                      "NATO cohesion", "Axis", "Cyber" };
	for (int i = 0; i < 6; i++)
		cr_assert(screen_has(labels[i]), "%s missing", labels[i]);
	screen_close(&s);
}

Test(tui, ascii_box_drawing_when_the_locale_is_not_utf8)
{
	struct screen s;
	screen_open(&s, "C", 24, 80);
	cr_assert(!s.t.utf8);
	struct tui_view v;
	view_init(&v, NULL);
	tui_view_draw(&s.t, &v);
	char buf[2048];
	bool ascii = true;
	for (int y = 0; y < LINES; y++) {
		screen_row(y, buf, sizeof buf);
		for (char *p = buf; *p; p++)
			ascii &= (unsigned char)*p < 0x80;
	}
	cr_assert(ascii, "only ASCII on screen in the C locale");
	cr_assert(screen_has("+Ukraine"), "ASCII box corners");
	cr_assert(screen_has("Det Com Con Cri Bri War"));
	screen_close(&s);
}

Test(tui, no_color_turns_colours_off)
{
	setenv("NO_COLOR", "1", 1);
	struct screen s;
	screen_open(&s, "C.UTF-8", 24, 80);
	cr_assert(!s.t.color);
	cr_assert_eq(tui_attr(&s.t, TR_NATO) & A_COLOR, 0);
	cr_assert_neq(tui_attr(&s.t, TR_SELECT), A_NORMAL, "the selection still shows");
	screen_close(&s);
}

Test(tui, empty_no_color_keeps_colours)
{
	setenv("NO_COLOR", "", 1);
	struct screen s;
	screen_open(&s, "C.UTF-8", 24, 80);
	cr_assert_eq(s.t.color, has_colors());
	screen_close(&s);
}

Test(tui, too_small_shows_the_enlarge_message)
{
	struct screen s;
	screen_open(&s, "C.UTF-8", 20, 60);
	struct tui_view v;
	view_init(&v, NULL);
	tui_view_draw(&s.t, &v);
	cr_assert(screen_has("Enlarge the terminal to 80x24 (now 60x20)"));
	cr_assert(!screen_has("TENSION"), "nothing else drawn");
	screen_close(&s);
}

Test(tui, resizing_redraws_without_garbage)
{
	struct screen s;
	screen_open(&s, "C.UTF-8", 48, 160);
	struct tui_view v;
	view_init(&v, NULL);
	tui_view_draw(&s.t, &v);
	cr_assert(screen_has("TENSION 50"));
	resize_term(24, 80);
	tui_view_draw(&s.t, &v);
	cr_assert(screen_has("TENSION 50"));
	int y = screen_find("TENSION 50");
	cr_assert_lt(y, 24);
	resize_term(30, 100);
	tui_view_draw(&s.t, &v);
	/* The footer sits on the last line whatever the size. */
	cr_assert_eq(screen_find("Arrows") == -1 || screen_find("Arrows") == LINES - 1, true);
	screen_close(&s);
}

Test(tui, drawing_is_clipped_at_the_edges)
{
	struct screen s;
	screen_open(&s, "C.UTF-8", 24, 80);
	erase();
	cr_assert_eq(tui_put(&s.t, 3, 75, 100, TR_NORMAL, "0123456789"), 5);
	cr_assert_eq(tui_put(&s.t, 24, 0, 80, TR_NORMAL, "off screen"), 0);
	cr_assert_eq(tui_put(&s.t, -1, 0, 80, TR_NORMAL, "off screen"), 0);
	char buf[256];
	screen_row(4, buf, sizeof buf);
	cr_assert(!strchr(buf, '5'), "nothing wrapped to the next line");
	screen_row(3, buf, sizeof buf);
	cr_assert(strstr(buf, "01234"));
	screen_close(&s);
}

Test(tui, a_bigger_terminal_shows_more_news)
{
	struct world w2 = W;
	struct orders o[SIDE_COUNT] = { 0 };
	orders_add(&w2, &R, SIDE_NATO, &o[SIDE_NATO], FX_DEPLOY, rules_region_find(&R, "poland"), NULL);
	cr_assert_eq(turn_resolve(&w2, &R, o), 0);
	struct screen s;
	screen_open(&s, "C.UTF-8", 24, 80);
	struct tui_view v;
	view_init(&v, NULL);
	v.w = &w2;
	v.log = &w2.log;
	v.news_turn = 0;
	tui_view_draw(&s.t, &v);
	cr_assert(screen_has("News: what happened in 2025-Q1"));
	cr_assert(screen_has("NATO forces +10"), "the order's change, with its cause");
	struct tui_line lines[CAUSE_MAX];
	int n = tui_news_lines(&R, &w2.log, lines, CAUSE_MAX);
	cr_assert_gt(n, 5, "more news than the 5 lines of an 80x24 screen");
	const char *last = lines[n - 1].text + 2; /* skip the indent */
	bool small = screen_has(last);
	resize_term(48, 160);
	tui_view_draw(&s.t, &v);
	bool big = screen_has(last);
	cr_assert(!small && big, "the last news line only fits on the bigger screen: '%s'", last);
	screen_close(&s);
}

Test(tui, key_wait_returns_on_the_stop_flag)
{
	struct screen s;
	screen_open(&s, "C.UTF-8", 24, 80);
	s.stop = 1;
	cr_assert_eq(tui_key(&s.t), TUI_KEY_STOP);
	screen_close(&s);
}

Test(tui, confirm_takes_y_and_refuses_anything_else)
{
	struct screen s;
	screen_open(&s, "C.UTF-8", 24, 80);
	unget_wch(L'y');
	cr_assert_eq(tui_confirm(&s.t, "Quit?", NULL, NULL), 1);
	unget_wch(L'n');
	cr_assert_eq(tui_confirm(&s.t, "Quit?", NULL, NULL), 0);
	cr_assert(screen_has("Quit?"));
	cr_assert(screen_has("y = yes"));
	screen_close(&s);
}

Test(tui, news_lines_word_every_cause)
{
	struct world w2 = W;
	struct orders o[SIDE_COUNT] = { 0 };
	orders_add(&w2, &R, SIDE_NATO, &o[SIDE_NATO], FX_DEPLOY, rules_region_find(&R, "poland"), NULL);
	turn_resolve(&w2, &R, o);
	struct tui_line lines[CAUSE_MAX];
	int n = tui_news_lines(&R, &w2.log, lines, CAUSE_MAX);
	cr_assert_geq(n, w2.log.n, "a line per record, and group headings");
	cr_assert_eq(lines[0].role, TR_TITLE, "the order's headline stands out");
	cr_assert_eq(strncmp(lines[1].text, "  ", 2), 0, "changes are indented under it");
	/* Every drift record sits under the drift heading, not under an order. */
	int head = -1;
	for (int i = 0; i < n; i++)
		if (strstr(lines[i].text, "tension drift"))
			head = i;
	bool drift = false;
	for (int i = 0; i < w2.log.n; i++)
		drift |= w2.log.rec[i].kind == CAUSE_DRIFT;
	if (drift)
		cr_assert_geq(head, 0, "a heading for the drift");
}

Test(tui, usable_is_false_without_a_terminal)
{
	/* Criterion runs tests with pipes, not a terminal, on stdin/stdout. */
	setenv("TERM", "xterm", 1);
	if (!isatty(0) || !isatty(1))
		cr_assert(!tui_usable());
	setenv("TERM", "dumb", 1);
	cr_assert(!tui_usable());
}

Test(tui, pages_wrap_long_lines_instead_of_cutting_them)
{
	struct screen s;
	screen_open(&s, "C.UTF-8", 24, 80);
	struct tui_line l[2];
	snprintf(l[0].text, sizeof l[0].text, "%s", "first");
	l[0].role = TR_NORMAL;
	snprintf(l[1].text, sizeof l[1].text, "  %s",
	         "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron "
	         "pi rho sigma tau upsilon phi chi psi omega-the-last-word");
	l[1].role = TR_NORMAL;
	static const char *const foot[] = { "Enter", "done" };
	unget_wch(L'\r');
	cr_assert_eq(tui_page(&s.t, "Page", l, 2, foot, 2, false), TC_OK);
	cr_assert(screen_has("omega-the-last-word"), "the end of a long line is on screen");
	cr_assert(screen_has("Enter done"), "the footer");
	screen_close(&s);
}

Test(tui, key_wait_gives_up_when_the_input_is_gone)
{
	/* /dev/null is at end of file at once: a lost terminal, not a hang. */
	struct screen s;
	screen_open(&s, "C.UTF-8", 24, 80);
	cr_assert_eq(tui_key(&s.t), TUI_KEY_STOP);
	cr_assert(s.t.lost);
	screen_close(&s);
}

Test(tui, a_region_box_reads_without_colour)
{
	/* Make the Caucasus Russian-held, at war, in the CSTO. */
	int c = rules_region_find(&R, "caucasus");
	W.region[c].v[VAR_ALIGNMENT - VAR_WORLD_END] = -60;
	W.region[c].v[VAR_CONFLICT - VAR_WORLD_END] = CONFLICT_ACTIVE;
	W.region[c].v[VAR_MEMBER - VAR_WORLD_END] = MEMBER_CSTO;
	W.region[rules_region_find(&R, "ukraine")].v[VAR_STABILITY - VAR_WORLD_END] = 33;
	struct screen s;
	screen_open(&s, "C", 24, 80);
	struct tui_view v;
	view_init(&v, NULL);
	v.sel = rules_region_find(&R, "poland");
	tui_view_draw(&s.t, &v);
	cr_assert(screen_has("+>Poland<----NATO+"), "selected, and a NATO member");
	cr_assert(screen_has("|....|>>>. +85   |"), "alignment bar toward the West, and its value");
	cr_assert(screen_has("NATO holds"));
	cr_assert(screen_has("CSTO+"), "the CSTO member tag");
	cr_assert(screen_has("..<<|.... -60"), "alignment toward Moscow");
	cr_assert(screen_has("at war"), "the conflict instead of the stability word");
	cr_assert(screen_has("Russia holds"));
	cr_assert(screen_has("contested"), "Ukraine at +30 is nobody's");
	cr_assert(screen_has("|stab 33 unstable|"), "the stability word whole");
	screen_close(&s);
}

/* Issue 11, large terminals: at 200x60 the news box keeps lines of a readable
 * length and tension turn by turn stands beside it; 80x24 has no room for it. */
Test(tui, a_wide_terminal_shows_tension_turn_by_turn_beside_shorter_news)
{
	struct world w2 = W;
	struct orders o[SIDE_COUNT] = { 0 };
	for (int k = 0; k < 3; k++)
		cr_assert_eq(turn_resolve(&w2, &R, o), 0);
	struct screen s;
	screen_open(&s, "C.UTF-8", 24, 80);
	struct tui_view v;
	view_init(&v, NULL);
	v.w = &w2;
	v.log = &w2.log;
	v.news_turn = 2;
	tui_view_draw(&s.t, &v);
	cr_assert(!screen_has("Tension, turn by turn"), "no room at 80x24");
	resize_term(60, 200);
	tui_view_draw(&s.t, &v);
	int y = screen_find("Tension, turn by turn");
	cr_assert_geq(y, 0, "the history box at 200x60");
	char buf[2048], want[64];
	snprintf(want, sizeof want, "start     %d", w2.history[0][VAR_TENSION]);
	cr_assert(screen_has(want), "the start's tension: '%s'", want);
	snprintf(want, sizeof want, "2025-Q3   %d", w2.v[VAR_TENSION]);
	cr_assert(screen_has(want), "the last turn's tension: '%s'", want);
	/* the news box ends at column 100: its right border is there */
	screen_row(y, buf, sizeof buf);
	wchar_t wrow[512];
	mvinnwstr(y, 0, wrow, 200);
	cr_assert(wrow[99] == L'\u2510' || wrow[99] == L'+', "the news box is 100 columns wide");
	screen_close(&s);
}

/* Issue 11, large terminals: at 200x60 the selected region stands at length
 * under tension turn by turn (who holds it, forces, stability, membership,
 * what moved it in the last turns); at 80x24 there is no room for it. */
Test(tui, a_large_terminal_shows_the_selected_region_at_length)
{
	struct session *ss = session_create(&R, 42);
	cr_assert_not_null(ss);
	struct orders o[SIDE_COUNT] = { 0 };
	for (int k = 0; k < 3; k++)
		cr_assert_eq(session_submit(ss, o), 0);
	/* a region the last turn changed */
	int sel = 0, moved = -1;
	for (int j = 0; j < ss->log[2].n && moved < 0; j++) {
		const struct cause *c = &ss->log[2].rec[j];
		if (c->region < R.nregions && c->var >= VAR_WORLD_END && c->var < VAR_REGION_STORED_END &&
		    c->delta && c->kind != CAUSE_ORDER_FAILED)
			moved = sel = c->region;
	}
	struct screen s;
	screen_open(&s, "C.UTF-8", 24, 80);
	struct tui_view v;
	view_init(&v, NULL);
	v.s = ss;
	v.w = &ss->world;
	v.log = &ss->log[2];
	v.news_turn = 2;
	v.sel = sel;
	tui_view_draw(&s.t, &v);
	cr_assert(!screen_has("What moved it lately"), "no room at 80x24");
	resize_term(60, 200);
	tui_view_draw(&s.t, &v);
	char want[160];
	int c = turn_controller(&ss->world, &R, sel);
	snprintf(want, sizeof want, "%s: %s", R.region[sel].name,
	         c == SIDE_NATO ? "NATO holds it" : c == SIDE_RUSSIA ? "Russia holds it" : "contested");
	int y = screen_find(want);
	cr_assert_geq(y, 0, "the details' title '%s'", want);
	cr_assert_gt(y, screen_find("Tension, turn by turn"), "under the tension history");
	snprintf(want, sizeof want, "Alignment %+d; held at %+d (NATO)",
	         world_get(&ss->world, &R, VAR_ALIGNMENT, sel), R.victory.control);
	cr_assert(screen_has(want), "'%s'", want);
	snprintf(want, sizeof want, "Forces: NATO %d, Russia %d",
	         world_get(&ss->world, &R, VAR_NATO_FORCES, sel),
	         world_get(&ss->world, &R, VAR_RUSSIA_FORCES, sel));
	cr_assert(screen_has(want), "'%s'", want);
	snprintf(want, sizeof want, "Stability %d (%s)", world_get(&ss->world, &R, VAR_STABILITY, sel),
	         tui_stability_word(world_get(&ss->world, &R, VAR_STABILITY, sel)));
	cr_assert(screen_has(want), "'%s'", want);
	cr_assert(screen_has("Member: "));
	/* a held region scores every turn, and more at the end */
	snprintf(want, sizeof want, "worth %d a turn, %d at the end", R.region[sel].value * R.dyn.turn_points,
	         R.region[sel].value * R.dyn.end_points);
	cr_assert(screen_has(want), "'%s'", want);
	snprintf(want, sizeof want, "Credibility: N %d, R %d", ss->world.credibility[SIDE_NATO],
	         ss->world.credibility[SIDE_RUSSIA]);
	cr_assert(screen_has(want), "'%s' where there is room", want);
	int ym = screen_find("What moved it lately:");
	cr_assert_gt(ym, y);
	cr_assert_geq(moved, 0, "the fixture's third turn moves a region");
	char buf[2048], date[32];
	explain_date(&R, 2, date, sizeof date);
	screen_row(ym + 1, buf, sizeof buf);
	cr_assert(strstr(buf, date), "the last turn's change first: '%s'", buf);
	screen_close(&s);
	session_free(ss);
}

/* Feed tui_explain N presses of KEY (j down, k up), then Esc, on a 24x80
 * screen; the screen keeps what it showed before the Esc. */
static void explain_after(struct screen *s, const struct session *ss, int region, int key, int n)
{
	ungetch(27);
	for (int i = 0; i < n; i++)
		ungetch(key);
	tui_explain(&s->t, &R, ss, &ss->world, region, 0);
}

Test(tui, explain_tells_each_sides_score_ap_and_credibility_and_scrolls_at_80x24)
{
	/* x had no row for the score, the AP or credibility: "why do I have 3
	 * AP?" and "where did my points come from?" had no answer. */
	R.dyn.turn_points = 1;
	R.dyn.security_divisor = 20;
	struct session *ss = session_create(&R, 42);
	cr_assert_not_null(ss);
	struct orders o[SIDE_COUNT] = { 0 };
	for (int k = 0; k < 2; k++)
		cr_assert_eq(session_submit(ss, o), 0);
	struct screen s;
	screen_open(&s, "C.UTF-8", 24, 80);
	/* the sides' rows come last: Up from the top wraps to them, six up is
	 * NATO's score */
	explain_after(&s, ss, 0, 'k', 6);
	cr_assert(screen_has(">NATO: score"), "a row for NATO's score, chosen");
	cr_assert(screen_has(": NATO: score"), "its changes in the turn, titled");
	cr_assert(screen_has("NATO: score +"), "where the points came from, change by change");
	cr_assert(screen_has("Russia: action points"));
	cr_assert(screen_has("NATO: credibility"));
	cr_assert(screen_has("Russia: credibility"), "the last row is in sight: the list scrolls");
	/* the top of the list comes back in sight on the way down again */
	erase();
	explain_after(&s, ss, 0, 'k', 1);
	cr_assert(screen_has(">Russia: credibility"));
	cr_assert(!screen_has(" Tension "), "scrolled: the first row is out of sight");
	erase();
	explain_after(&s, ss, 0, 'j', 1);
	cr_assert(screen_has(">Dialogue"));
	cr_assert(screen_has("   vulnerability"), "the region's rows are in sight at first");
	screen_close(&s);
	session_free(ss);
}
