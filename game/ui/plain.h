/* plain.h - the plain text front end: line-oriented commands on stdin/stdout, no curses.
 *
 * For screen readers, scripts and classroom logs: every screen is words on
 * lines, no escape codes, and the same input gives the same output byte for
 * byte. Commands: help, status, actions, do, orders, undo, end, explain,
 * save, quit (see plain_help in plain.c). */
#ifndef BRINK_PLAIN_H
#define BRINK_PLAIN_H

#include <stdbool.h>
#include <stdio.h>

#include "frontend.h"

struct plain {
	FILE *in;        /* commands, one a line (not owned) */
	FILE *out;       /* everything the player reads (not owned) */
	bool echo;       /* repeat each command after the prompt (input is no terminal) */
	bool eof;        /* end of input was seen: quit at once from now on */
	bool intro_done; /* the scenario's introduction was printed */
	bool unbuffered; /* IN reads no further than the line asked for: poll() on its
	                    descriptor tells whether a read would block */
	FILE *wrapped;   /* OUT as given, when plain_wrap put a wrapping stream in its place */
	int prompt_side; /* the orders prompt last printed: its side and orders */
	const struct orders *prompt_orders;
	bool at_prompt;  /* it ends the output: the player types after it */
	bool reprompt;   /* a note broke its line: print it again (network play) */
	struct plain_wrap_state *wrap;
};

/* Set up PL on IN and OUT and fill FE with the plain front end's functions
 * (FE->ctx = PL). ECHO: repeat each command read, so a log of a scripted
 * game reads like a session at the terminal. Call it before anything reads
 * IN: an IN with a file descriptor is made unbuffered, so a waiting read can
 * watch the stop flag without a race. */
void plain_init(struct plain *pl, struct frontend *fe, FILE *in, FILE *out, bool echo);

/* Break the lines written to PL->out at spaces before WIDTH columns from now
 * on, each continuation indented two more than its line (a terminal's width:
 * scripts and logs, which are no terminal, keep their lines whole). WIDTH
 * below 20 leaves the output as it is. Undo with plain_fini. */
void plain_wrap(struct plain *pl, int width);

/* Flush and release what plain_wrap set up; PL->out is the stream given again. */
void plain_fini(struct plain *pl);

/* Print a notice (an autosave failure, say) as one line "note: MSG".
 * CTX is a struct plain; matches play_run_notify's NOTICE. */
void plain_notice(void *ctx, const char *msg);

#endif
