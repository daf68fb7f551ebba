/* fixture.h - what unit tests share: a small hand-built scenario that depends on no
 * file, and a curses screen on /dev/null read back row by row and cell by cell. */
#ifndef BRINK_TEST_FIXTURE_H
#define BRINK_TEST_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <wchar.h>

#include "../game/engine/rules.h"
#include "../game/ui/tui_term.h"

/* Actions of the fixture, by index. */
enum { FX_DEPLOY, FX_TALKS, FX_RED_LINE, FX_DOOR, FX_AID, FX_ACTIONS };
/* Events of the fixture, by index. */
enum { FX_EV_SUMMIT, FX_EV_UNREST, FX_INC_AIRSPACE, FX_EVENTS };

/* Fill R with four regions (poland, baltics, ukraine, caucasus), a few
 * actions of each kind and a few events. */
void fixture_rules(struct rules *r);

/* A curses screen with no terminal: output to /dev/null, input from it. */
struct screen {
	struct tui t;
	FILE *out, *in;
	volatile int stop;
};

/* Open S as an H x W xterm-256color screen in LOCALE (asserts it works). */
void screen_open(struct screen *s, const char *locale, int h, int w);
void screen_close(struct screen *s);

/* Row Y of the screen as UTF-8 into BUF (trailing blanks kept). */
void screen_row(int y, char *buf, size_t len);

/* True when TEXT appears on the screen / the first row where it does, or -1. */
bool screen_has(const char *text);
int screen_find(const char *text);

/* The character at Y, X. */
wchar_t screen_cell(int y, int x);

#endif
