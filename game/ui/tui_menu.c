/* tui_menu.c - the title menu: new game, load, scenarios, help, quit.
 *
 * Games are started through play_launch() like `brink play`, so the menu
 * leaves curses (and hands the signals back) while a game runs, then comes
 * back to the title screen when it ends. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../explain/explain.h"
#include "../save/save.h"
#include "../save/save_catalog.h"
#include "../scenario/scenario.h"
#include "launch.h"
#include "tui.h"
#include "tui_game.h"

#define MENU_SCENARIOS 64
#define MENU_SAVES 64

struct menu {
	struct tui t;
	struct tui_signals sig;
	volatile int *stop;
	bool open;
	struct scenario_entry scen[MENU_SCENARIOS];
	int nscen;
	/* the new-game form */
	bool scen_loaded; /* the scenarios are read when a screen needs them, not
	                     before the title's first frame (issue 11: start-up) */
	int scen_cur, side, ai, field;
	char seed[24];
	char msg[256];
};

static const char *const logo[] = {
	" ____  ____  ___ _   _ _  __",
	"| __ )|  _ \\|_ _| \\ | | |/ /",
	"|  _ \\| |_) || ||  \\| | ' / ",
	"| |_) |  _ < | || |\\  | . \\ ",
	"|____/|_| \\_\\___|_| \\_|_|\\_\\",
};

static const char *const title_items[] = {
	"New game", "Load a saved game", "Scenarios", "How to play", "Quit",
};

static void header(struct tui *t, const char *text)
{
	tui_fill(t, 0, 0, 1, COLS, TR_HEADER);
	tui_put(t, 0, 1, COLS - 2, TR_HEADER, text);
}

static void centre(struct tui *t, int y, int role, const char *s)
{
	int w = tui_width(s);
	tui_put(t, y, COLS > w ? (COLS - w) / 2 : 0, COLS, role, s);
}

static int menu_reopen(struct menu *m)
{
	m->stop = tui_signals_catch(&m->sig);
	if (tui_open(&m->t, m->stop) != 0) {
		tui_signals_restore(&m->sig);
		return -1;
	}
	m->open = true;
	return 0;
}

static void menu_leave(struct menu *m)
{
	if (!m->open)
		return;
	tui_close(&m->t);
	tui_signals_restore(&m->sig);
	m->open = false;
}

/* Run a game: leave curses, play it like `brink play`, come back. */
static int menu_launch(struct menu *m, struct session *s, const char *loaded_from)
{
	menu_leave(m);
	char name[256];
	if (loaded_from)
		save_stem(loaded_from, name, sizeof name);
	struct launch_opts o = { .save_name = loaded_from ? name : NULL, .resume = loaded_from != NULL };
	int rc = play_launch(s, &o);
	/* A signal (or a lost terminal) ended the game: leave Brink, do not
	 * come back to the title screen. */
	if (tui_signals_noted() || menu_reopen(m) != 0)
		return -1;
	if (rc != 0)
		snprintf(m->msg, sizeof m->msg, "The game ended with an error (status %d).", rc);
	return 0;
}

/* ---- new game --------------------------------------------------------- */

/* An empty Seed field: a fresh seed, written into the field so the player
 * sees which game this is (and can play it again). */
static void menu_seed_fresh(struct menu *m)
{
	static unsigned n;
	if (!m->seed[0])
		snprintf(m->seed, sizeof m->seed, "%llu",
		         ((unsigned long long)time(NULL) * 7919ULL + (unsigned long long)getpid() * 31ULL + n++) %
		                 1000000ULL);
}

static int start_new(struct menu *m)
{
	if (m->nscen == 0) {
		snprintf(m->msg, sizeof m->msg, "No scenario found (looked in ./scenarios and the data folder).");
		return 0;
	}
	struct rules *r = malloc(sizeof *r);
	struct diags *ds = calloc(1, sizeof *ds);
	int rc = 0;
	if (!r || !ds) {
		snprintf(m->msg, sizeof m->msg, "Out of memory.");
		goto out;
	}
	const struct scenario_entry *e = &m->scen[m->scen_cur];
	if (scenario_load(e->path, r, ds) != 0) {
		snprintf(m->msg, sizeof m->msg, "%.60s: %.180s", e->path,
		         ds->n ? ds->d[0].msg : "cannot be loaded");
		goto out;
	}
	unsigned long long seed = strtoull(m->seed, NULL, 10);
	struct session *s = session_create(r, seed);
	if (!s) {
		snprintf(m->msg, sizeof m->msg, "Out of memory.");
		goto out;
	}
	for (int side = 0; side < SIDE_COUNT; side++) {
		bool human = m->side == SIDE_BOTH || m->side == side;
		s->player[side] = human ? PLAYER_HUMAN : PLAYER_AI;
		s->ai_level[side] = (uint8_t)m->ai;
	}
	rc = menu_launch(m, s, NULL);
	session_free(s);
out:
	free(r);
	free(ds);
	return rc;
}

static void new_game_draw(struct menu *m)
{
	struct tui *t = &m->t;
	erase();
	header(t, "BRINK  New game");
	static const char *const side_names[] = { "NATO", "Russia", "Both (hot-seat, two players)" };
	int x = 4, y = 2;
	const struct scenario_entry *e = m->nscen ? &m->scen[m->scen_cur] : NULL;
	char val[5][160];
	snprintf(val[0], sizeof val[0], "%s %.100s %s", t->g->east, e ? e->title : "(none found)",
	         t->g->west);
	snprintf(val[1], sizeof val[1], "%s %s %s", t->g->east, side_names[m->side], t->g->west);
	if (m->side == SIDE_BOTH)
		snprintf(val[2], sizeof val[2], "  (no computer player)");
	else
		snprintf(val[2], sizeof val[2], "%s %s %s", t->g->east, ai_level_name(m->ai), t->g->west);
	snprintf(val[3], sizeof val[3], "%s_", m->seed);
	snprintf(val[4], sizeof val[4], "[ Start the game ]");
	static const char *const label[] = { "Scenario", "You play", "Computer", "Seed", "" };
	for (int i = 0; i < 5; i++) {
		tui_put(t, y + i * 2, x, 12, TR_TITLE, label[i]);
		tui_put(t, y + i * 2, x + 12, COLS - x - 14, i == m->field ? TR_SELECT : TR_NORMAL, val[i]);
	}
	int row = y + 11;
	if (e) {
		tui_putf(t, row++, x, COLS - 2 * x, TR_TITLE, "%s  (%s)", e->title, e->id);
		char wrapped[10][256];
		int n = tui_wrap(e->summary, COLS - 2 * x, wrapped, 10);
		for (int i = 0; i < n && row < LINES - 3; i++)
			tui_put(t, row++, x, COLS - 2 * x, TR_NORMAL, wrapped[i]);
	}
	char levels[200], list[160];
	ai_level_list(list, sizeof list);
	snprintf(levels, sizeof levels, "Computer levels: %s.", list);
	const char *const hints[] = {
		"Left/Right changes a choice; digits type the seed (same seed, same game).",
		"You choose your side; the computer plays the other at the level chosen.",
		levels,
	};
	/* the hint wraps rather than being cut (the level list is wider than 80 columns) */
	char hint[2][256];
	int nh = tui_wrap(hints[m->field == 3 ? 0 : m->field == 2 ? 2 : 1], COLS - 2 * x, hint,
	                  m->msg[0] ? 1 : 2); /* its second line shares the message's row */
	for (int i = 0; i < nh && row < LINES - 4; i++)
		tui_put(t, LINES - 4 + i, x, COLS - 2 * x, TR_DIM, hint[i]);
	if (m->msg[0])
		tui_put(t, LINES - 3, x, COLS - 2 * x, TR_BAD, m->msg);
	static const char *const foot[] = {
		"Up/Down", "field", "Left/Right", "change", "Enter", "next/start", "s", "start now",
		"Esc", "back",
	};
	tui_footer(t, foot, 10);
	refresh();
}

/* Read the scenarios the first time a screen needs them: the title screen
 * does not, and reading every one of them took most of its start-up. */
static void menu_scenarios(struct menu *m)
{
	if (m->scen_loaded)
		return;
	m->scen_loaded = true;
	struct diags *warn = diags_new();
	m->nscen = scenario_list(m->scen, MENU_SCENARIOS, warn);
	if (warn && warn->n)
		snprintf(m->msg, sizeof m->msg, "%d scenario file%s skipped: %.180s", warn->n,
		         warn->n == 1 ? "" : "s", warn->d[0].msg);
	diags_free(warn);
	for (int i = 0; i < m->nscen; i++)
		if (!strcmp(m->scen[i].id, SCENARIO_DEFAULT))
			m->scen_cur = i;
}

static int new_game(struct menu *m, int scenario)
{
	if (scenario >= 0)
		m->scen_cur = scenario;
	m->field = 0;
	m->msg[0] = '\0';
	menu_scenarios(m);
	for (;;) {
		if (tui_big_enough())
			new_game_draw(m);
		int key = tui_key(&m->t);
		if (key == TUI_KEY_STOP)
			return -1;
		if (m->field == 3 && key >= '0' && key <= '9') {
			size_t len = strlen(m->seed);
			if (len < 19) {
				m->seed[len] = (char)key;
				m->seed[len + 1] = '\0';
			}
			continue;
		}
		if (m->field == 3 && (key == 127 || key == 8 || key == (TUI_FN | KEY_BACKSPACE))) {
			size_t len = strlen(m->seed);
			if (len)
				m->seed[len - 1] = '\0';
			continue;
		}
		if (key == 's' || key == 'S') {
			menu_seed_fresh(m);
			return start_new(m);
		}
		enum tui_cmd c = tui_key_command(TK_LIST, key);
		int d = c == TC_LEFT ? -1 : c == TC_RIGHT ? 1 : 0;
		if (d) {
			if (m->field == 0 && m->nscen)
				m->scen_cur = (m->scen_cur + d + m->nscen) % m->nscen;
			else if (m->field == 1)
				m->side = (m->side + d + 3) % 3;
			else if (m->field == 2 && m->side != SIDE_BOTH)
				m->ai = (m->ai + d + AI_RANDOM + 1) % (AI_RANDOM + 1);
			continue;
		}
		switch (c) {
		case TC_UP: m->field = (m->field + 4) % 5; break;
		case TC_DOWN: m->field = (m->field + 1) % 5; break;
		case TC_OK:
			if (m->field < 4) {
				m->field++;
				break;
			}
			menu_seed_fresh(m);
			return start_new(m);
		case TC_BACK: case TC_QUIT: return 0;
		case TC_HELP: if (tui_help(&m->t) < 0) return -1; break;
		default: break;
		}
	}
}

/* ---- lists: saves and scenarios ------------------------------------------ */

/* The saves in the save folder, newest first. Returns how many (at most MAX). */
static int saves_find(struct save_entry *out, int max, char *dir, size_t dirlen)
{
	if (save_dir(NULL, dir, dirlen) != 0)
		return -1;
	int n = save_list(dir, out, max);
	return n < 0 ? 0 : n;
}

static void list_frame(struct tui *t, const char *title, const char *const *foot, int nfoot)
{
	erase();
	header(t, title);
	tui_footer(t, foot, nfoot);
}

static int load_game(struct menu *m, struct session *s, const char *path)
{
	if (s->world.over) {
		/* A finished game: watch it again. */
		return tui_replay_run(&m->t, s) < 0 ? -1 : 0;
	}
	return menu_launch(m, s, path);
}

static int load_screen(struct menu *m)
{
	struct save_entry *saves = calloc(MENU_SAVES, sizeof *saves);
	char dir[512] = "";
	if (!saves)
		return 0;
	int n = saves_find(saves, MENU_SAVES, dir, sizeof dir);
	int cur = 0, rc = 0;
	static const char *const foot[] = { "Up/Down", "choose", "Enter", "load", "Esc", "back" };
	for (;;) {
		if (tui_big_enough()) {
			struct tui *t = &m->t;
			list_frame(t, "BRINK  Load a saved game", foot, 6);
			if (n <= 0) {
				tui_put(t, 3, 4, COLS - 8, TR_TITLE, "No saved games yet.");
				tui_putf(t, 5, 4, COLS - 8, TR_NORMAL, "Games are saved in %s", n < 0 ? "(no save folder)" : dir);
				tui_put(t, 6, 4, COLS - 8, TR_NORMAL,
				        "automatically after every turn, and when you press s in a game.");
				tui_put(t, 8, 4, COLS - 8, TR_DIM, "Press Esc to go back and start a new game.");
			} else {
				tui_putf(t, 2, 2, COLS - 4, TR_DIM, "%d saved game%s in %s", n, n == 1 ? "" : "s", dir);
				/* The names in full (saves of one scenario differ only at
				 * their end); the scenario's title gets what is left. */
				int nw = 4;
				for (int i = 0; i < n; i++)
					if (tui_width(saves[i].name) > nw)
						nw = tui_width(saves[i].name);
				int fixed = 1 + 1 + 1 + 1 + 8 + 1 + 7 + 1 + 11, tw = COLS - 4 - fixed - nw;
				if (tw < 10) {
					nw -= 10 - tw;
					tw = 10;
				}
				if (nw < 4)
					nw = 4;
				tui_putf(t, 3, 2, COLS - 4, TR_TITLE, "  %-*s %-*s %-8s %-7s %s", nw, "name", tw,
				         "scenario", "side", "turn", "saved");
				int rows = LINES - 6, top = cur >= rows ? cur - rows + 1 : 0;
				for (int i = top; i < n && 4 + i - top < LINES - 2; i++) {
					struct save_entry *e = &saves[i];
					char when[32], turn[16];
					struct tm tm;
					localtime_r(&e->mtime, &tm);
					strftime(when, sizeof when, "%m-%d %H:%M", &tm);
					/* The turn the game resumes at, as the game screen counts it. */
					if (e->over)
						snprintf(turn, sizeof turn, "over");
					else
						snprintf(turn, sizeof turn, "%d/%d", e->turn + 1, e->turns);
					if (e->ok)
						tui_putf(t, 4 + i - top, 2, COLS - 4, i == cur ? TR_SELECT : TR_NORMAL,
						         "%c %-*.*s %-*.*s %-8s %-7s %s", i == cur ? '>' : ' ', nw, nw,
						         e->name, tw, tw, e->title, e->sides, turn, when);
					else
						tui_putf(t, 4 + i - top, 2, COLS - 4, i == cur ? TR_SELECT : TR_BAD,
						         "%c %-*.*s unreadable: %s", i == cur ? '>' : ' ', nw, nw, e->name,
						         e->error);
				}
				if (m->msg[0])
					tui_put(t, LINES - 2, 2, COLS - 4, TR_BAD, m->msg);
			}
			refresh();
		}
		int key = tui_key(&m->t);
		if (key == TUI_KEY_STOP) {
			rc = -1;
			break;
		}
		enum tui_cmd c = tui_key_command(TK_LIST, key);
		if (c == TC_BACK || c == TC_QUIT || c == TC_LEFT)
			break;
		if (n <= 0)
			continue;
		if (c == TC_UP)
			cur = cur > 0 ? cur - 1 : n - 1;
		else if (c == TC_DOWN)
			cur = cur + 1 < n ? cur + 1 : 0;
		else if (c == TC_OK || c == TC_RIGHT) {
			struct session *s = NULL;
			struct diags *ds = calloc(1, sizeof *ds);
			if (ds && save_read(saves[cur].path, &s, ds) == 0 && s) {
				m->msg[0] = '\0';
				rc = load_game(m, s, saves[cur].path);
				session_free(s);
				free(ds);
				break;
			}
			snprintf(m->msg, sizeof m->msg, "Cannot load %.100s: %.120s", saves[cur].name,
			         ds && ds->n ? ds->d[0].msg : "unreadable");
			session_free(s);
			free(ds);
		}
	}
	free(saves);
	return rc;
}

static int scenarios_screen(struct menu *m)
{
	menu_scenarios(m);
	int cur = m->scen_cur;
	static const char *const foot[] = { "Up/Down", "choose", "Enter", "play it", "Esc", "back" };
	for (;;) {
		if (tui_big_enough()) {
			struct tui *t = &m->t;
			list_frame(t, "BRINK  Scenarios", foot, 6);
			if (m->nscen == 0) {
				tui_put(t, 3, 4, COLS - 8, TR_BAD, "No scenario found.");
				tui_put(t, 4, 4, COLS - 8, TR_NORMAL,
				        "Brink looks in ./scenarios, $XDG_DATA_HOME/brink/scenarios and its data folder.");
			}
			int lw = 30;
			for (int i = 0; i < m->nscen && 2 + i < LINES - 2; i++)
				tui_putf(t, 2 + i, 1, lw, i == cur ? TR_SELECT : TR_NORMAL, "%c %-26.26s",
				         i == cur ? '>' : ' ', m->scen[i].title);
			if (m->nscen) {
				const struct scenario_entry *e = &m->scen[cur];
				int x = lw + 3, w = COLS - x - 2, row = 2;
				tui_put(t, row++, x, w, TR_TITLE, e->title);
				char span[96];
				explain_span(e->start_year, e->start_quarter, e->turns, span, sizeof span);
				tui_put(t, row++, x, w, TR_NORMAL, span);
				/* the file's path whole, wrapped when long: it is what `brink play` takes */
				char where[1200], wl[4][256];
				snprintf(where, sizeof where, "id: %s   file: %s", e->id, e->path);
				int nw = tui_wrap(where, w, wl, 4);
				for (int i = 0; i < nw && row < LINES - 2; i++)
					tui_put(t, row++, x + (i ? 2 : 0), w - (i ? 2 : 0), TR_DIM, wl[i]);
				row++;
				char wrapped[16][256];
				int n = tui_wrap(e->summary, w, wrapped, 16);
				for (int i = 0; i < n && row < LINES - 2; i++)
					tui_put(t, row++, x, w, TR_NORMAL, wrapped[i]);
			}
			refresh();
		}
		int key = tui_key(&m->t);
		if (key == TUI_KEY_STOP)
			return -1;
		enum tui_cmd c = tui_key_command(TK_LIST, key);
		if (c == TC_BACK || c == TC_QUIT || c == TC_LEFT)
			return 0;
		if (m->nscen == 0)
			continue;
		if (c == TC_UP)
			cur = cur > 0 ? cur - 1 : m->nscen - 1;
		else if (c == TC_DOWN)
			cur = cur + 1 < m->nscen ? cur + 1 : 0;
		else if (c == TC_OK || c == TC_RIGHT)
			return new_game(m, cur);
	}
}

/* ---- the title screen --------------------------------------------------- */

static void title_draw(struct menu *m, int cur)
{
	struct tui *t = &m->t;
	erase();
	int nlogo = (int)(sizeof logo / sizeof logo[0]);
	int y = LINES >= 30 ? 3 : 1;
	for (int i = 0; i < nlogo; i++)
		centre(t, y + i, TR_TITLE, logo[i]);
	y += nlogo + 1;
	centre(t, y++, TR_NORMAL, "NATO and Russia, one step from the edge.");
	centre(t, y++, TR_DIM, "A turn-based game about the security dilemma.");
	y += 1;
	int n = (int)(sizeof title_items / sizeof title_items[0]);
	for (int i = 0; i < n; i++) {
		char buf[64];
		snprintf(buf, sizeof buf, i == cur ? "> %-20s <" : "  %-20s  ", title_items[i]);
		centre(t, y + i, i == cur ? TR_SELECT : TR_NORMAL, buf);
	}
	y += n + 1;
	/* The tension track, as a promise of what the game is about. */
	if (y + 2 < LINES - 2) {
		char bands[128] = "";
		for (int v = 0; v <= 100; v += 20) /* the bands, in the words of every screen */
			snprintf(bands + strlen(bands), sizeof bands - strlen(bands), "%s%s", v ? " > " : "",
			         explain_band(v));
		centre(t, y + 1, TR_DIM, bands);
	}
	if (m->msg[0])
		centre(t, LINES - 2, TR_BAD, m->msg);
	static const char *const foot[] = {
		"Up/Down", "choose", "Enter", "select", "?", "help", "q", "quit",
	};
	tui_footer(t, foot, 8);
	refresh();
}

int tui_menu(void)
{
	struct menu *m = calloc(1, sizeof *m);
	if (!m)
		return 1;
	m->side = SIDE_NATO;
	m->ai = AI_NORMAL;
	/* The seed comes from the clock here, in the menu, and is shown: the
	 * game itself never reads the clock, and the same seed replays it. */
	snprintf(m->seed, sizeof m->seed, "%llu", (unsigned long long)time(NULL) % 1000000ULL);
	if (menu_reopen(m) != 0) {
		free(m);
		fprintf(stderr, "brink: cannot start the terminal interface (TERM=%s); "
		        "try 'brink play --plain'\n", getenv("TERM") ? getenv("TERM") : "");
		return 1;
	}
	int cur = 0, n = (int)(sizeof title_items / sizeof title_items[0]);
	int rc = 0;
	for (;;) {
		if (!m->open)
			break;
		if (tui_big_enough())
			title_draw(m, cur);
		int key = tui_key(&m->t);
		if (key == TUI_KEY_STOP)
			break;
		enum tui_cmd c = tui_key_command(TK_LIST, key);
		int chosen = -1;
		if (c == TC_UP)
			cur = (cur + n - 1) % n;
		else if (c == TC_DOWN)
			cur = (cur + 1) % n;
		else if (c == TC_OK || c == TC_RIGHT)
			chosen = cur;
		else if (c == TC_HELP)
			chosen = 3;
		else if (key == 'n' || key == 'N')
			chosen = 0;
		else if (c == TC_QUIT || c == TC_BACK) {
			int a = tui_confirm(&m->t, "Quit Brink?", NULL, NULL);
			if (a != 0)
				break;
		} else if (key == (TUI_FN | KEY_MOUSE)) {
			int y0 = (LINES >= 30 ? 3 : 1) + 5 + 1 + 2 + 1;
			int i = m->t.mouse_y - y0;
			if (i >= 0 && i < n)
				chosen = cur = i;
		}
		int r = 0;
		switch (chosen) {
		case 0: m->msg[0] = '\0'; r = new_game(m, -1); break;
		case 1: m->msg[0] = '\0'; r = load_screen(m); break;
		case 2: m->msg[0] = '\0'; r = scenarios_screen(m); break;
		case 3: r = tui_help(&m->t); break;
		case 4: goto done;
		default: break;
		}
		if (r < 0)
			break;
	}
done:
	menu_leave(m);
	free(m);
	return rc;
}
