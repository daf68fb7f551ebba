/* tui_console.c - the facilitator's console in curses: every table at a glance, pause and resume.
 *
 * One card a table: the teams, the turn, tension (its band and a bar), where
 * each side stands, the result, PAUSED. The cards share the screen: few
 * tables on a large terminal get large cards with tension in big digits,
 * readable on a projector; many tables get small ones, scrolled to the
 * selected one. The link (game/net/watch.c) is served while a key is
 * waited for, and a change on the server redraws the screen. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "../explain/explain.h"
#include "console.h"
#include "frontend.h"
#include "tui_projector.h"
#include "tui_term.h"

#define CARD_W 28      /* the smallest card: "Russia: orders in" and a bar */
#define CARD_H 8
#define CARD_BIG_W 44  /* a card with tension in big digits */
#define CARD_BIG_H 13
#define PROMPT_MAX 200 /* characters a command line holds (4 bytes each at most: under the protocol's line) */

/* tui_key serves the link through a play_link: this adapter. */
struct console_wait {
	struct play_link pl;
	struct console_link *cl;
};

static int console_wait(struct play_link *l, int fd, int ms)
{
	struct console_link *cl = ((struct console_wait *)l)->cl;
	return cl->wait(cl, fd, ms);
}

struct console {
	struct tui *t;
	struct console_link *l;
	int sel;             /* selected table, index into the tables */
	char note[256];      /* what the console says (a refused key, a command sent) */
	bool note_bad;
	/* The command prompt (:, i, s): a line of characters and the cursor. */
	bool prompting;
	wchar_t line[PROMPT_MAX + 1];
	int len, cur;
};

static int band_role(int tension)
{
	return tension >= 80 ? TR_BAD : tension >= 60 ? TR_RUSSIA : tension >= 40 ? TR_CONTESTED
	     : TR_GOOD;
}

/* A side's state for people. */
static const char *state_words(const char *s, int *role)
{
	*role = TR_NORMAL;
	if (!strcmp(s, "submitted")) {
		*role = TR_GOOD;
		return "orders in";
	}
	if (!strcmp(s, "ordering"))
		return "giving orders";
	if (!strcmp(s, "away")) {
		*role = TR_DIM;
		return "away (no player)";
	}
	if (!strcmp(s, "ai"))
		return "AI plays";
	if (!strcmp(s, "over"))
		return "game over";
	return s;
}

/* The result's id from the server ("war") in words, "" while playing. */
static const char *result_words(const char *id)
{
	for (int r = RESULT_NATO; r <= RESULT_PEACE; r++)
		if (!strcmp(id, explain_result_id(r)))
			return explain_result(r);
	return "";
}

/* The cards' grid: COLS_N columns of W x H cards, scrolled to the selection. */
struct grid {
	int cols, rows, w, h, top; /* top: the first row of cards shown */
	bool big;
};

static struct grid grid_for(int n, int sel)
{
	struct grid g;
	int aw = COLS, ah = LINES - 3; /* header, answer line, footer */
	if (n < 1)
		n = 1;
	/* Large cards when every table fits in them: of the grids that fit,
	 * the one whose cards are the largest (a card reads by its height and
	 * half its width, as characters are twice as tall as wide). */
	g.big = false;
	int best = 0;
	for (int c = 1; c <= n; c++) {
		int r = (n + c - 1) / c, cw = aw / c, ch = ah / r;
		int size = cw < 2 * ch ? cw : 2 * ch;
		if (cw >= CARD_BIG_W && ch >= CARD_BIG_H && size > best) {
			best = size;
			g.big = true;
			g.cols = c;
		}
	}
	if (!g.big) {
		g.cols = aw / CARD_W > 0 ? aw / CARD_W : 1;
		if (g.cols > n)
			g.cols = n;
	}
	int nrows = (n + g.cols - 1) / g.cols;
	g.w = aw / g.cols;
	g.h = g.big ? ah / nrows : CARD_H;
	if (!g.big && nrows * CARD_H <= ah)
		g.h = ah / nrows > CARD_H + 2 ? CARD_H + 2 : ah / nrows;
	g.rows = ah / g.h > 0 ? ah / g.h : 1;
	int srow = sel / g.cols;
	g.top = srow >= g.rows ? srow - g.rows + 1 : 0;
	return g;
}

static void draw_card(struct console *c, const struct console_table *tb, int y, int x, int w, int h,
                      bool big, bool sel)
{
	struct tui *t = c->t;
	char title[96];
	/* the selection reads without colour too: >Table 2< */
	snprintf(title, sizeof title, "%sTable %d%s%s", sel ? ">" : "", tb->id, sel ? "<" : "",
	         tb->paused ? " PAUSED" : "");
	tui_box(t, y, x, h, w, sel ? TR_SELECT : tb->paused ? TR_BAD : TR_DIM, title);
	int row = y + 1, last = y + h - 1, in = w - 4, cx = x + 2;
	if (tb->team[0][0] || tb->team[1][0])
		tui_putf(t, row++, cx, in, TR_TITLE, "%s v %s", tb->team[0][0] ? tb->team[0] : "NATO",
		         tb->team[1][0] ? tb->team[1] : "Russia");
	const char *res = result_words(tb->result);
	if (row < last)
		tui_putf(t, row++, cx, in, TR_NORMAL, res[0] ? "Turns played: %d, over" : "Turn %d", res[0]
		         ? tb->turn : tb->turn + 1);
	char num[16];
	snprintf(num, sizeof num, "%d", tb->tension);
	int role = band_role(tb->tension);
	if (big && row + 4 < last) {
		/* the largest digits the card has room for */
		int scale = w >= 50 && h >= 20 ? 2 : 1;
		int bh = scale < 2 && t->utf8 ? 3 : 5;
		tui_put(t, row, cx, in, TR_DIM, "TENSION");
		int bw = tui_big_text(t, row + 1, cx, in, scale, role, num);
		tui_put(t, row + 1 + bh / 2, cx + bw + 2, in - bw - 2, role, explain_band(tb->tension));
		row += 1 + bh;
	} else if (row < last) {
		int n = tui_putf(t, row, cx, in, TR_NORMAL, "Tension %3d ", tb->tension);
		tui_put(t, row++, cx + n, in - n, role, explain_band(tb->tension));
	}
	if (row < last)
		tui_bar(t, row++, cx, in, tb->tension, 100, role);
	for (int s = 0; s < 2 && row < last; s++) {
		int sr;
		const char *words = state_words(tb->state[s], &sr);
		int n = tui_putf(t, row, cx, in, s == 0 ? TR_NATO : TR_RUSSIA, "%-7s", s == 0 ? "NATO:" : "Russia:");
		tui_put(t, row++, cx + n + 1, in - n - 1, sr, words);
	}
	if (res[0] && row < last)
		tui_put(t, row++, cx, in, tb->result[0] == 'w' ? TR_BAD : TR_TITLE, res);
	else if (tb->paused && row < last)
		tui_put(t, row++, cx, in, TR_BAD, "paused: no turn resolves");
	if (tb->agreements >= 0 && row < last)
		tui_putf(t, row++, cx, in, TR_NORMAL, "Agreements: %d", tb->agreements);
	if (tb->incident[0] && row < last)
		tui_putf(t, row++, cx, in, TR_DIM, "Last incident: %s", tb->incident);
}

static const char *const foot[] = {
	"Arrows", "table", "p/r", "pause/resume", "P/R", "all", "e", "end", ":", "cmd",
	"i/s", "inject/set", "?", "help", "q", "quit",
};

static const char *const prompt_foot[] = {
	"Enter", "send", "Esc", "cancel", "Left/Right", "move", "Backspace", "erase",
	"Ctrl-U", "clear",
};

static int wchar_cols(wchar_t ch)
{
	int w = wcwidth(ch);
	return w < 0 ? 1 : w;
}

/* The prompt on the answer line: ":" and the part of the line around the
 * cursor that fits, the cursor shown where it stands. */
static void prompt_draw(struct console *c)
{
	struct tui *t = c->t;
	int y = LINES - 2, avail = COLS - 3; /* ":" at column 1, a column kept for the cursor */
	tui_fill(t, y, 0, 1, COLS, TR_NORMAL);
	tui_put(t, y, 1, 1, TR_KEY, ":");
	int off = 0, w = 0;
	for (int i = 0; i < c->cur; i++)
		w += wchar_cols(c->line[i]);
	while (off < c->cur && w > avail - 1)
		w -= wchar_cols(c->line[off++]);
	char text[PROMPT_MAX * 4 + 1];
	size_t used = 0;
	int cols = 0;
	for (int i = off; i < c->len; i++) {
		int cw = wchar_cols(c->line[i]);
		if (cols + cw > avail)
			break;
		mbstate_t st;
		memset(&st, 0, sizeof st);
		size_t nb = wcrtomb(text + used, c->line[i], &st);
		if (nb == (size_t)-1)
			continue; /* never: only characters that convert are taken */
		used += nb;
		cols += cw;
	}
	text[used] = 0;
	tui_put(t, y, 2, avail, TR_NORMAL, text);
	move(y, 2 + w);
	curs_set(1);
}

static void console_draw(void *ctx)
{
	struct console *c = ctx;
	struct tui *t = c->t;
	if (!tui_big_enough()) {
		tui_draw_small(t);
		return;
	}
	erase();
	int n;
	const struct console_table *tb = c->l->tables(c->l, &n);
	int paused = 0, over = 0, in = 0;
	for (int i = 0; i < n; i++) {
		paused += tb[i].paused;
		over += tb[i].result[0] && strcmp(tb[i].result, "none");
		in += !strcmp(tb[i].state[0], "submitted") + !strcmp(tb[i].state[1], "submitted");
	}
	tui_fill(t, 0, 0, 1, COLS, TR_HEADER);
	char stats[160];
	snprintf(stats, sizeof stats, "%d table%s: %d paused, %d over, orders in %d of %d", n,
	         n == 1 ? "" : "s", paused, over, in, 2 * n);
	int hx = tui_putf(t, 0, 1, COLS - 2, TR_HEADER, "BRINK  %s  %s",
	                  COLS >= 100 ? "Facilitator's console" : "Console",
	                  c->l->where ? c->l->where : "");
	int sx = COLS - 1 - tui_width(stats);
	tui_put(t, 0, sx > hx + 3 ? sx : hx + 3, COLS - 1 - (sx > hx + 3 ? sx : hx + 3), TR_HEADER, stats);
	if (c->sel >= n)
		c->sel = n > 0 ? n - 1 : 0;
	struct grid g = grid_for(n, c->sel);
	for (int i = g.top * g.cols; i < n; i++) {
		int r = i / g.cols - g.top, col = i % g.cols;
		if (r >= g.rows)
			break;
		draw_card(c, &tb[i], 1 + r * g.h, col * g.w, g.w, g.h, g.big, i == c->sel);
	}
	if (n == 0)
		tui_put(t, 2, 2, COLS - 4, TR_DIM, "No table heard of yet: waiting for the server.");
	/* The answer line: the console's note, else the server's last answer. */
	bool err = c->note_bad;
	const char *ans = c->note;
	if (!ans[0])
		ans = c->l->answer(c->l, &err);
	if (c->l->lost(c->l))
		err = true;
	if (c->prompting)
		; /* the prompt takes the line */
	else if (ans[0])
		tui_put(t, LINES - 2, 1, COLS - 2, err ? TR_BAD : TR_TITLE, ans);
	else if ((g.top + g.rows) * g.cols < n || g.top > 0)
		tui_putf(t, LINES - 2, 1, COLS - 2, TR_DIM, "Tables %d-%d of %d: arrows scroll",
		         g.top * g.cols + 1, (g.top + g.rows) * g.cols < n ? (g.top + g.rows) * g.cols : n, n);
	if (c->prompting) {
		tui_footer(t, prompt_foot, (int)(sizeof prompt_foot / sizeof prompt_foot[0]));
		prompt_draw(c); /* last: it leaves the cursor on the line */
	} else {
		curs_set(0);
		tui_footer(t, foot, (int)(sizeof foot / sizeof foot[0]));
	}
	refresh();
}

/* Send CMD; the note says what went, or why not. */
static void console_send(struct console *c, const char *cmd)
{
	char why[160];
	if (c->l->command(c->l, cmd, why, sizeof why) < 0) {
		snprintf(c->note, sizeof c->note, "Not sent: %s", why);
		c->note_bad = true;
	} else {
		c->note[0] = 0; /* the server's answer shows once it comes */
		c->note_bad = false;
	}
}

static const char *const help_lines[] = {
	"THE FACILITATOR'S CONSOLE",
	"Every table of the server: its teams, the turn being played, tension with its",
	"band, where each side stands (giving orders, orders in, away, AI), the result.",
	"The screen follows the server by itself; cards grow on a large terminal.",
	"",
	"KEYS",
	"  Arrows, h j k l  select a table",
	"  p                pause the selected table: it takes orders, resolves nothing",
	"  r                resume the selected table",
	"  P / R            pause / resume every table (asks y to confirm)",
	"  e                end the selected table's game now (asks y to confirm)",
	"  :                a command, as typed in brink watch --plain; Enter sends it,",
	"                   Esc cancels; the server's answer shows at the bottom:",
	"                     inject naval-collision 2     set tension 75 all",
	"                     say all - Talks resume       end 3      pause all",
	"  i / s            the prompt with 'inject ' / 'set ' and the selected table",
	"  ?                this help      q  quit (asks y to confirm; the tables go on)",
	"",
	"A paused table shows PAUSED; its players see their orders taken and wait.",
	"",
	"COMMANDS at the : prompt (T: a table's number, or all)",
	"  pause T, resume T            hold a table's turns, let them go on",
	"  inject EVENT[@REGION] T      an event of the rules, now",
	"  set VAR[@REGION] VALUE T     give a variable a value",
	"  say T EFFECTS TEXT           your message, with changes (VAR=+N,...) or -",
	"  end T                        end the game now, scored as after its last turn",
	"  tables, stats, help, quit",
	"Each change is the facilitator's in the students' news, saves and reports.",
};

static int console_help(struct console *c)
{
	int n = (int)(sizeof help_lines / sizeof help_lines[0]);
	struct tui_line *lines = calloc((size_t)n, sizeof *lines);
	if (!lines)
		return 0;
	for (int i = 0; i < n; i++) {
		snprintf(lines[i].text, sizeof lines[i].text, "%s", help_lines[i]);
		lines[i].role = i == 0 || !strcmp(help_lines[i], "KEYS") || !strncmp(help_lines[i], "COMMANDS", 8)
		                 ? TR_TITLE : TR_NORMAL;
	}
	static const char *const hf[] = { "Esc", "back" };
	int rc = tui_page(c->t, "Facilitator's console: help", lines, n, hf, 2, false);
	free(lines);
	return rc < 0 ? -1 : 0;
}

/* Ask for a command line, starting from PRE with the cursor at AT (-1: at
 * its end), then send it. Returns -1 when the console must close (a stop,
 * or quit typed and confirmed), else 0. */
static int console_prompt(struct console *c, const char *pre, int at)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	const char *p = pre;
	size_t n = mbsrtowcs(c->line, &p, PROMPT_MAX, &st);
	c->len = n == (size_t)-1 ? 0 : (int)n;
	c->line[c->len] = 0;
	c->cur = at >= 0 && at <= c->len ? at : c->len;
	c->prompting = true;
	c->note[0] = 0;
	for (;;) {
		console_draw(c);
		int k = tui_key(c->t);
		if (k == TUI_KEY_STOP) {
			c->prompting = false;
			return -1;
		}
		if (k == 27) {
			c->prompting = false;
			return 0;
		}
		if (k == '\n' || k == '\r' || k == (TUI_FN | KEY_ENTER))
			break;
		if (k == (TUI_FN | KEY_LEFT) || k == 2) { /* Ctrl-B */
			if (c->cur > 0)
				c->cur--;
		} else if (k == (TUI_FN | KEY_RIGHT) || k == 6) { /* Ctrl-F */
			if (c->cur < c->len)
				c->cur++;
		} else if (k == (TUI_FN | KEY_HOME) || k == 1) { /* Ctrl-A */
			c->cur = 0;
		} else if (k == (TUI_FN | KEY_END) || k == 5) { /* Ctrl-E */
			c->cur = c->len;
		} else if (k == (TUI_FN | KEY_BACKSPACE) || k == 127 || k == 8) {
			if (c->cur > 0) {
				memmove(c->line + c->cur - 1, c->line + c->cur,
				        sizeof c->line[0] * (size_t)(c->len - c->cur + 1));
				c->cur--;
				c->len--;
			}
		} else if (k == (TUI_FN | KEY_DC) || k == 4) { /* Ctrl-D */
			if (c->cur < c->len) {
				memmove(c->line + c->cur, c->line + c->cur + 1,
				        sizeof c->line[0] * (size_t)(c->len - c->cur));
				c->len--;
			}
		} else if (k == 21) { /* Ctrl-U: erase to the start */
			memmove(c->line, c->line + c->cur, sizeof c->line[0] * (size_t)(c->len - c->cur + 1));
			c->len -= c->cur;
			c->cur = 0;
		} else if (!(k & TUI_FN) && k >= 32 && k != 127 && iswprint((wint_t)k)) {
			char mb[MB_LEN_MAX];
			mbstate_t ws;
			memset(&ws, 0, sizeof ws);
			if (c->len >= PROMPT_MAX) {
				beep();
			} else if (wcrtomb(mb, (wchar_t)k, &ws) == (size_t)-1) {
				beep(); /* the locale cannot write it */
			} else {
				memmove(c->line + c->cur + 1, c->line + c->cur,
				        sizeof c->line[0] * (size_t)(c->len - c->cur + 1));
				c->line[c->cur++] = (wchar_t)k;
				c->len++;
			}
		}
		/* anything else (a resize, news, Tab, a function key) redraws */
	}
	c->prompting = false;
	char cmd[PROMPT_MAX * MB_LEN_MAX + 1];
	const wchar_t *wp = c->line;
	memset(&st, 0, sizeof st);
	size_t nb = wcsrtombs(cmd, &wp, sizeof cmd - 1, &st);
	if (nb == (size_t)-1) {
		snprintf(c->note, sizeof c->note, "Not sent: a character this terminal cannot send");
		c->note_bad = true;
		return 0;
	}
	cmd[nb] = 0;
	for (int i = 0; i < c->len; i++)
		if (c->line[i] > 0x7e) {
			char mb[MB_LEN_MAX + 1];
			mbstate_t ws;
			memset(&ws, 0, sizeof ws);
			size_t k = wcrtomb(mb, c->line[i], &ws);
			mb[k == (size_t)-1 ? 0 : k] = 0;
			snprintf(c->note, sizeof c->note, "Not sent: a command is plain ASCII, '%s' is not", mb);
			c->note_bad = true;
			return 0;
		}
	char *s = cmd + strspn(cmd, " ");
	size_t e = strlen(s);
	while (e > 0 && s[e - 1] == ' ')
		s[--e] = 0;
	if (!*s)
		return 0;
	if (!strcmp(s, "help"))
		return console_help(c);
	if (!strcmp(s, "quit")) {
		int a = tui_confirm(c->t, "Leave the console? The tables go on. (y/n)", console_draw, c);
		return a == TUI_KEY_STOP || a == 1 ? -1 : 0;
	}
	console_send(c, s);
	return 0;
}

int tui_console(struct console_link *l)
{
	struct tui t;
	struct tui_signals old;
	volatile int *stop = tui_signals_catch(&old);
	if (tui_open(&t, stop) != 0) {
		tui_signals_restore(&old);
		return 1;
	}
	struct console_wait cw = { { NULL, console_wait }, l };
	t.link = &cw.pl;
	struct console c;
	memset(&c, 0, sizeof c);
	c.t = &t;
	c.l = l;
	for (;;) {
		console_draw(&c);
		int k = tui_key(&t);
		if (k == TUI_KEY_STOP)
			break;
		if (k == (TUI_FN | KEY_RESIZE))
			continue;
		int n;
		const struct console_table *tb = l->tables(l, &n);
		struct grid g = grid_for(n, c.sel);
		char cmd[64];
		c.note[0] = 0;
		if (k == 'P' || k == 'R') {
			bool pause = k == 'P';
			int a = tui_confirm(&t, pause ? "Pause every table? (y/n)" : "Resume every table? (y/n)",
			                    console_draw, &c);
			if (a == TUI_KEY_STOP)
				break;
			if (a == 1)
				console_send(&c, pause ? "pause all" : "resume all");
			continue;
		}
		if (k == 'e' && c.sel < n) {
			char q[96];
			snprintf(q, sizeof q, "End table %d's game now, scored as after its last turn? (y/n)",
			         tb[c.sel].id);
			int a = tui_confirm(&t, q, console_draw, &c);
			if (a == TUI_KEY_STOP)
				break;
			if (a == 1) {
				snprintf(cmd, sizeof cmd, "end %d", tb[c.sel].id);
				console_send(&c, cmd);
			}
			continue;
		}
		if (k == ':' || ((k == 'i' || k == 's') && c.sel < n)) {
			char pre[64] = "";
			int at = -1;
			if (k != ':') {
				snprintf(pre, sizeof pre, "%s  %d", k == 'i' ? "inject" : "set", tb[c.sel].id);
				at = (int)strlen(k == 'i' ? "inject " : "set ");
			}
			if (console_prompt(&c, pre, at) < 0)
				goto out;
			continue;
		}
		if ((k == 'p' || k == 'r') && c.sel < n) {
			snprintf(cmd, sizeof cmd, "%s %d", k == 'p' ? "pause" : "resume", tb[c.sel].id);
			console_send(&c, cmd);
			continue;
		}
		switch (tui_key_command(TK_LIST, k)) {
		case TC_LEFT: if (c.sel > 0) c.sel--; break;
		case TC_RIGHT: if (c.sel + 1 < n) c.sel++; break;
		case TC_UP: if (c.sel - g.cols >= 0) c.sel -= g.cols; break;
		case TC_DOWN: if (c.sel + g.cols < n) c.sel += g.cols; break;
		case TC_FIRST: c.sel = 0; break;
		case TC_LAST: c.sel = n > 0 ? n - 1 : 0; break;
		case TC_HELP:
			if (console_help(&c) < 0)
				goto out;
			break;
		case TC_QUIT:
		case TC_BACK: {
			int a = tui_confirm(&t, "Leave the console? The tables go on. (y/n)", console_draw, &c);
			if (a == TUI_KEY_STOP || a == 1)
				goto out;
			break;
		}
		default: break;
		}
	}
out:
	tui_close(&t);
	tui_signals_restore(&old);
	return 0;
}
