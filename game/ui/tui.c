/* tui.c - the curses core: terminal detection and setup, glyphs, colours, clipped drawing, keys.
 *
 * Invariant: every cell written goes through tui_put, which clips to the
 * screen, so resizing at any moment cannot make a drawing wrap over another.
 * The terminal is restored by tui_close on every path out of a tui_* entry. */
#include <langinfo.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "tui.h"
#include "tui_term.h"

static const struct tui_glyphs glyphs_utf8 = {
	"\u2500", "\u2502", "\u250c", "\u2510", "\u2514", "\u2518",
	"\u2588", "\u2591", "\u25b6", "\u25c0", "\u2502", "\u2192",
};
static const struct tui_glyphs glyphs_ascii = {
	"-", "|", "+", "+", "+", "+", "#", ".", ">", "<", "|", "->",
};

static void colors_init(struct tui *t)
{
	const char *nc = getenv("NO_COLOR");
	t->color = has_colors() && !(nc && *nc);
	if (!t->color)
		return;
	start_color();
	/* -1 is the terminal's own background, where it has one. */
	short bg = use_default_colors() == OK ? -1 : COLOR_BLACK;
	init_pair(TR_NATO, COLOR_CYAN, bg);
	init_pair(TR_RUSSIA, COLOR_RED, bg);
	init_pair(TR_CONTESTED, COLOR_YELLOW, bg);
	init_pair(TR_HEADER, COLOR_WHITE, COLOR_BLUE);
	init_pair(TR_ART, COLOR_GREEN, bg);
	init_pair(TR_BAD, COLOR_RED, bg);
	init_pair(TR_GOOD, COLOR_GREEN, bg);
	init_pair(TR_SELECT, COLOR_BLACK, COLOR_YELLOW);
	init_pair(TR_DIM, COLOR_BLUE, bg);
	init_pair(TR_TITLE, COLOR_YELLOW, bg);
	init_pair(TR_KEY, COLOR_BLACK, COLOR_CYAN);
}

int tui_attr(const struct tui *t, int role)
{
	if (t->color) {
		switch (role) {
		case TR_NORMAL: return A_NORMAL;
		case TR_BAD: case TR_TITLE: case TR_SELECT: case TR_NATO: case TR_RUSSIA:
			return (int)(COLOR_PAIR(role) | A_BOLD);
		case TR_DIM: return (int)(COLOR_PAIR(role) | A_BOLD);
		default: return (int)COLOR_PAIR(role);
		}
	}
	/* Monochrome: attributes only; the symbols on screen carry the meaning. */
	switch (role) {
	case TR_HEADER: case TR_SELECT: case TR_KEY: return A_REVERSE;
	case TR_BAD: case TR_TITLE: return A_BOLD;
	case TR_DIM: case TR_ART: return A_DIM;
	default: return A_NORMAL;
	}
}

static int term_setup(struct tui *t, volatile int *stop)
{
	t->stop = stop;
	t->utf8 = !strcmp(nl_langinfo(CODESET), "UTF-8");
	t->g = t->utf8 ? &glyphs_utf8 : &glyphs_ascii;
	set_term(t->scr);
	cbreak(); /* Ctrl-C stays a signal: the handler sets the stop flag */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	wtimeout(stdscr, 100);
	set_escdelay(50);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED
	          | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	colors_init(t);
	return 0;
}

int tui_open(struct tui *t, volatile int *stop)
{
	memset(t, 0, sizeof *t);
	/* newterm, not initscr: an unknown TERM returns NULL instead of exiting. */
	t->scr = newterm(NULL, stdout, stdin);
	if (!t->scr)
		return -1;
	return term_setup(t, stop);
}

int tui_open_on(struct tui *t, const char *term, FILE *out, FILE *in, volatile int *stop)
{
	memset(t, 0, sizeof *t);
	t->scr = newterm(term, out, in);
	if (!t->scr)
		return -1;
	return term_setup(t, stop);
}

void tui_close(struct tui *t)
{
	if (!t->scr)
		return;
	set_term(t->scr);
	endwin();
	delscreen(t->scr);
	t->scr = NULL;
	fflush(stdout);
}

bool tui_big_enough(void)
{
	return COLS >= TUI_MIN_W && LINES >= TUI_MIN_H;
}

void tui_draw_small(struct tui *t)
{
	erase();
	curs_set(0); /* a prompt's cursor comes back with its screen */
	char msg[80];
	snprintf(msg, sizeof msg, "Enlarge the terminal to %dx%d (now %dx%d)", TUI_MIN_W, TUI_MIN_H,
	         COLS, LINES);
	int w = tui_width(msg);
	int x = COLS > w ? (COLS - w) / 2 : 0;
	tui_put(t, LINES / 2, x, COLS, TR_BAD, msg);
	if (LINES > 2)
		tui_put(t, LINES / 2 + 1, x, COLS, TR_NORMAL, "The game goes on once it is larger.");
	refresh();
}

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int tui_key(struct tui *t)
{
	int fast_errs = 0; /* ERRs that came back at once: input at end of file */
	for (;;) {
		if ((t->stop && *t->stop) || t->lost || (t->ended && *t->ended))
			return TUI_KEY_STOP;
		bool small = !tui_big_enough();
		if (small)
			tui_draw_small(t);
		wint_t ch;
		long before = now_ms();
		int rc;
		if (t->link) {
			/* Network play: the socket is served while the keyboard is
			 * waited on; news redraws the screen like a resize. */
			int w = t->link->wait(t->link, STDIN_FILENO, 100);
			if (w == 2)
				return TUI_FN | KEY_RESIZE;
			wtimeout(stdscr, 0);
			rc = wget_wch(stdscr, &ch);
			wtimeout(stdscr, 100);
			if (rc == ERR && w == 0)
				continue;
		} else {
			rc = wget_wch(stdscr, &ch);
		}
		if (t->stop && *t->stop)
			return TUI_KEY_STOP;
		if (rc == ERR) {
			/* A timeout takes 100 ms; a closed terminal returns at once,
			 * forever. Give up rather than spin. */
			fast_errs = now_ms() - before < 20 ? fast_errs + 1 : 0;
			if (fast_errs >= 50) {
				t->lost = true;
				return TUI_KEY_STOP;
			}
			continue;
		}
		if (rc == KEY_CODE_YES) {
			if (ch == KEY_RESIZE) {
				if (tui_big_enough())
					return TUI_FN | KEY_RESIZE;
				continue;
			}
			if (small)
				continue;
			if (ch == KEY_MOUSE) {
				MEVENT ev;
				if (getmouse(&ev) != OK)
					continue;
				t->mouse_y = ev.y;
				t->mouse_x = ev.x;
				t->mouse_b = (unsigned long)ev.bstate;
			}
			return TUI_FN | (int)ch;
		}
		if (small)
			continue;
		return (int)ch;
	}
}

enum tui_cmd tui_key_command(enum tui_ctx ctx, int key)
{
	/* Keys every context shares first. */
	switch (key) {
	case TUI_FN | KEY_UP: return TC_UP;
	case TUI_FN | KEY_DOWN: return TC_DOWN;
	case TUI_FN | KEY_HOME: return TC_FIRST;
	case TUI_FN | KEY_END: return TC_LAST;
	case TUI_FN | KEY_PPAGE: return TC_PGUP;
	case TUI_FN | KEY_NPAGE: return TC_PGDN;
	case '\t': return TC_TAB;
	case TUI_FN | KEY_BTAB: return TC_BTAB;
	case 27: return ctx == TK_CONFIRM ? TC_NO : TC_BACK;
	case '?': return ctx == TK_CONFIRM ? TC_NONE : TC_HELP;
	default: break;
	}
	switch (ctx) {
	case TK_CONFIRM:
		switch (key) {
		case 'y': case 'Y': return TC_YES;
		case 'n': case 'N': case 'q': return TC_NO;
		default: return TC_NONE;
		}
	case TK_GAME:
		switch (key) {
		case 'k': return TC_UP;
		case 'j': return TC_DOWN;
		case 'h': case TUI_FN | KEY_LEFT: return TC_LEFT;
		case 'l': case TUI_FN | KEY_RIGHT: return TC_RIGHT;
		case '\r': case '\n': case ' ': case 'a': case TUI_FN | KEY_ENTER: return TC_OK;
		case 'u': case 'U': return TC_UNDO;
		case 'e': case 'E': return TC_END;
		case 'x': case 'X': return TC_EXPLAIN;
		case 'q': case 'Q': return TC_QUIT;
		case 'd': case TUI_FN | KEY_DC: case 127: case TUI_FN | KEY_BACKSPACE: return TC_DELETE;
		case '[': return TC_PREV;
		case ']': return TC_NEXT;
		case 's': case 'S': return TC_SAVE;
		case 'v': case 'V': return TC_PROJECTOR;
		default: return TC_NONE;
		}
	case TK_LIST:
		switch (key) {
		case 'k': return TC_UP;
		case 'j': return TC_DOWN;
		case 'h': case TUI_FN | KEY_LEFT: return TC_LEFT;
		case 'l': case TUI_FN | KEY_RIGHT: return TC_RIGHT;
		case '\r': case '\n': case TUI_FN | KEY_ENTER: case 'a': return TC_OK;
		case 'q': case 'Q': return TC_QUIT;
		case 'x': case 'X': return TC_EXPLAIN;
		case '[': return TC_PREV;
		case ']': return TC_NEXT;
		case 'd': case TUI_FN | KEY_DC: return TC_DELETE;
		default: return TC_NONE;
		}
	case TK_REPLAY:
		switch (key) {
		case 'p': case 'P': case 'h': case TUI_FN | KEY_LEFT: return TC_PREV;
		case 'n': case 'N': case 'l': case ' ': case TUI_FN | KEY_RIGHT: return TC_NEXT;
		case 'g': return TC_FIRST;
		case 'G': return TC_LAST;
		case 'k': return TC_UP;
		case 'j': return TC_DOWN;
		case 'q': case 'Q': return TC_QUIT;
		case 'x': case 'X': return TC_EXPLAIN;
		case '\r': case '\n': case TUI_FN | KEY_ENTER: return TC_OK;
		case 'v': case 'V': return TC_PROJECTOR;
		default: return TC_NONE;
		}
	case TK_PAGE:
		switch (key) {
		case 'k': return TC_UP;
		case 'j': return TC_DOWN;
		case ' ': return TC_PGDN;
		case '\r': case '\n': case TUI_FN | KEY_ENTER: return TC_OK;
		case 'q': case 'Q': return TC_BACK;
		case 'r': case 'R': return TC_REPLAY;
		default: return TC_NONE;
		}
	}
	return TC_NONE;
}

/* Decode one UTF-8 character from S; *LEN gets the bytes used (1 for an
 * invalid byte, which decodes to '?'). */
static wchar_t utf8_next(const char *s, int *len)
{
	const unsigned char *u = (const unsigned char *)s;
	int n = u[0] < 0x80 ? 1 : (u[0] & 0xe0) == 0xc0 ? 2 : (u[0] & 0xf0) == 0xe0 ? 3
	      : (u[0] & 0xf8) == 0xf0 ? 4 : 0;
	if (n == 0) {
		*len = 1;
		return L'?';
	}
	wchar_t c = n == 1 ? u[0] : n == 2 ? (u[0] & 0x1f) : n == 3 ? (u[0] & 0x0f) : (u[0] & 0x07);
	for (int i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80) {
			*len = 1;
			return L'?';
		}
		c = (wchar_t)((c << 6) | (u[i] & 0x3f));
	}
	*len = n;
	return c;
}

static int char_width(const struct tui *t, wchar_t c)
{
	if (c < 0x20 || c == 0x7f)
		return -1;
	if (c < 0x80)
		return 1;
	if (t && !t->utf8)
		return 1; /* drawn as '?' */
	int w = wcwidth(c);
	return w < 0 ? 1 : w;
}

int tui_width(const char *s)
{
	int w = 0;
	while (*s) {
		int len;
		wchar_t c = utf8_next(s, &len);
		int cw = char_width(NULL, c);
		w += cw < 0 ? 1 : cw;
		s += len;
	}
	return w;
}

int tui_put(struct tui *t, int y, int x, int maxw, int role, const char *s)
{
	if (y < 0 || y >= LINES || !s)
		return 0;
	int limit = x + maxw < COLS ? x + maxw : COLS;
	int col = x;
	attr_t a = (attr_t)tui_attr(t, role);
	short pair = (short)PAIR_NUMBER(a);
	a &= ~A_COLOR;
	while (*s && col < limit) {
		int len;
		wchar_t c = utf8_next(s, &len);
		s += len;
		int cw = char_width(t, c);
		if (cw < 0) {
			c = L' ';
			cw = 1;
		}
		if ((c >= 0x80 && !t->utf8) || c == 0)
			c = L'?';
		if (col + cw > limit)
			break;
		if (col >= 0) {
			wchar_t wc[2] = { c, 0 };
			cchar_t cc;
			setcchar(&cc, wc, a, pair, NULL);
			mvadd_wch(y, col, &cc);
		}
		col += cw;
	}
	return col - x;
}

int tui_putf(struct tui *t, int y, int x, int maxw, int role, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return tui_put(t, y, x, maxw, role, buf);
}

void tui_fill(struct tui *t, int y, int x, int h, int w, int role)
{
	char line[512];
	if (w <= 0)
		return;
	if (w > (int)sizeof line - 1)
		w = (int)sizeof line - 1;
	memset(line, ' ', (size_t)w);
	line[w] = '\0';
	for (int i = 0; i < h; i++)
		tui_put(t, y + i, x, w, role, line);
}

void tui_box(struct tui *t, int y, int x, int h, int w, int role, const char *title)
{
	if (h < 2 || w < 2)
		return;
	const struct tui_glyphs *g = t->g;
	for (int i = 1; i < w - 1; i++) {
		tui_put(t, y, x + i, 1, role, g->h);
		tui_put(t, y + h - 1, x + i, 1, role, g->h);
	}
	for (int i = 1; i < h - 1; i++) {
		tui_put(t, y + i, x, 1, role, g->v);
		tui_put(t, y + i, x + w - 1, 1, role, g->v);
	}
	tui_put(t, y, x, 1, role, g->tl);
	tui_put(t, y, x + w - 1, 1, role, g->tr);
	tui_put(t, y + h - 1, x, 1, role, g->bl);
	tui_put(t, y + h - 1, x + w - 1, 1, role, g->br);
	if (title && *title && w > 4) {
		int n = tui_put(t, y, x + 1, w - 2, TR_TITLE, " ");
		n += tui_put(t, y, x + 1 + n, w - 3 - n, TR_TITLE, title);
		tui_put(t, y, x + 1 + n, w - 2 - n, TR_TITLE, " ");
	}
}

void tui_bar(struct tui *t, int y, int x, int w, int value, int max, int role)
{
	if (max <= 0 || w <= 0)
		return;
	int fill = (value * w + max / 2) / max;
	for (int i = 0; i < w; i++)
		tui_put(t, y, x + i, 1, i < fill ? role : TR_DIM, i < fill ? t->g->full : t->g->empty);
}

int tui_wrap(const char *s, int w, char lines[][256], int maxlines)
{
	int n = 0;
	if (w < 8)
		w = 8;
	if (w > 250)
		w = 250;
	while (*s && n < maxlines) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		/* Take the longest run of words that fits in W columns. */
		const char *p = s, *cut = NULL;
		int col = 0;
		while (*p && *p != '\n') {
			int len;
			utf8_next(p, &len);
			if (*p == ' ')
				cut = p;
			if (col >= w)
				break;
			col++;
			p += len;
		}
		const char *end;
		if (!*p || *p == '\n')
			end = p;
		else
			end = cut && cut > s ? cut : p;
		size_t len = (size_t)(end - s);
		if (len > 255)
			len = 255;
		memcpy(lines[n], s, len);
		lines[n][len] = '\0';
		n++;
		s = end;
		if (*s == '\n')
			s++;
	}
	return n;
}

void tui_footer(struct tui *t, const char *const *pairs, int n)
{
	int y = LINES - 1, x = 0;
	tui_fill(t, y, 0, 1, COLS, TR_NORMAL);
	for (int i = 0; i + 1 < n && x < COLS; i += 2) {
		x += tui_put(t, y, x, COLS - x, TR_KEY, pairs[i]);
		x += tui_put(t, y, x, COLS - x, TR_NORMAL, " ");
		x += tui_put(t, y, x, COLS - x, TR_NORMAL, pairs[i + 1]);
		x += tui_put(t, y, x, COLS - x, TR_NORMAL, " ");
	}
}

int tui_confirm(struct tui *t, const char *question, void (*redraw)(void *), void *ctx)
{
	for (;;) {
		if (tui_big_enough()) {
			if (redraw)
				redraw(ctx);
			else
				erase(); /* nothing stale around the question after a resize */
			char lines[4][256];
			int w = COLS - 8 < 60 ? COLS - 8 : 60;
			int n = tui_wrap(question, w - 4, lines, 4);
			int h = n + 4, y = (LINES - h) / 2, x = (COLS - w) / 2;
			tui_fill(t, y, x, h, w, TR_NORMAL);
			tui_box(t, y, x, h, w, TR_BAD, "Please confirm");
			for (int i = 0; i < n; i++)
				tui_put(t, y + 1 + i, x + 2, w - 4, TR_NORMAL, lines[i]);
			tui_put(t, y + h - 2, x + 2, w - 4, TR_TITLE, "y = yes     n or Esc = no");
			refresh();
		}
		int k = tui_key(t);
		if (k == TUI_KEY_STOP)
			return TUI_KEY_STOP;
		enum tui_cmd c = tui_key_command(TK_CONFIRM, k);
		if (c == TC_YES)
			return 1;
		if (c == TC_NO)
			return 0;
	}
}

int tui_page(struct tui *t, const char *title, const struct tui_line *lines, int n,
             const char *const *footer, int nfooter, bool allow_replay)
{
	int top = 0;
	/* Lines longer than the screen are wrapped, continuation indented. */
	struct tui_line *disp = malloc(sizeof *disp * (size_t)(n * 4 + 1));
	if (!disp)
		return -1;
	for (;;) {
		int h = LINES - 3; /* title bar, box borders... and the footer */
		int nd = 0;
		for (int i = 0; i < n; i++) {
			const char *s = lines[i].text;
			int ind = 0;
			while (s[ind] == ' ')
				ind++;
			char wrapped[4][256];
			int m = tui_width(s) <= COLS - 2 ? 0 : tui_wrap(s, COLS - 4 - ind, wrapped, 4);
			if (m == 0) {
				disp[nd++] = lines[i];
				continue;
			}
			for (int j = 0; j < m; j++) {
				snprintf(disp[nd].text, sizeof disp[nd].text, "%*s%.240s", j ? ind + 2 : ind, "",
				         wrapped[j]);
				disp[nd++].role = lines[i].role;
			}
		}
		if (tui_big_enough()) {
			erase();
			tui_fill(t, 0, 0, 1, COLS, TR_HEADER);
			tui_put(t, 0, 1, COLS - 2, TR_HEADER, title);
			int body = LINES - 2;
			if (top > nd - body)
				top = nd - body;
			if (top < 0)
				top = 0;
			for (int i = 0; i < body && top + i < nd; i++)
				tui_put(t, 1 + i, 1, COLS - 2, disp[top + i].role, disp[top + i].text);
			if (nd > body)
				tui_putf(t, 0, COLS - 22, 21, TR_HEADER, "lines %d-%d of %d", top + 1,
				         top + body < nd ? top + body : nd, nd);
			tui_footer(t, footer, nfooter);
			refresh();
		}
		int k = tui_key(t);
		if (k == TUI_KEY_STOP) {
			free(disp);
			return -1;
		}
		int done = -1;
		switch (tui_key_command(TK_PAGE, k)) {
		case TC_UP: top--; break;
		case TC_DOWN: top++; break;
		case TC_PGUP: top -= h; break;
		case TC_PGDN: top += h; break;
		case TC_FIRST: top = 0; break;
		case TC_LAST: top = nd; break;
		case TC_OK: done = TC_OK; break;
		case TC_BACK: done = TC_BACK; break;
		case TC_REPLAY:
			if (allow_replay)
				done = TC_REPLAY;
			break;
		default:
			if (k == (TUI_FN | KEY_MOUSE) && (t->mouse_b & BUTTON4_PRESSED))
				top -= 3;
			else if (k == (TUI_FN | KEY_MOUSE) && (t->mouse_b & BUTTON5_PRESSED))
				top += 3;
			break;
		}
		if (done >= 0) {
			free(disp);
			return done;
		}
	}
}

/* The one mutable static of the front end: a signal handler can reach
 * nothing else. It only sets the flag; the input loop acts on it. */
static volatile int signal_stop;

static void on_signal(int sig)
{
	(void)sig;
	signal_stop = 1;
}

volatile int *tui_signals_catch(struct tui_signals *old)
{
	static const int sigs[3] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	signal_stop = 0;
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], &sa, &old->old[i]);
	return &signal_stop;
}

void tui_signals_note(void)
{
	signal_stop = 1;
}

bool tui_signals_noted(void)
{
	return signal_stop != 0;
}

void tui_signals_restore(const struct tui_signals *old)
{
	static const int sigs[3] = { SIGINT, SIGTERM, SIGHUP };
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], &old->old[i], NULL);
}
