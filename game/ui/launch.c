/* launch.c - start playing a session: save folder and name, AIs, signal handlers, front end.
 *
 * The signal flag below is Brink's one global: a signal handler can reach
 * nothing else. The handlers only raise it; play_run looks at it after every
 * step, autosaves and returns, so the terminal is restored by the code that
 * set it up and no save is ever half written by a handler. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../save/save.h"
#include "launch.h"
#include "plain.h"
#include "play.h"
#include "tui.h"

static volatile sig_atomic_t launch_stop;

/* struct play's stop flag is a volatile int *: it must be this very flag. */
_Static_assert(_Generic((sig_atomic_t)0, int: 1, default: 0), "sig_atomic_t is not int");

static void launch_on_signal(int sig)
{
	(void)sig;
	launch_stop = 1;
}

static const int launch_signals[] = { SIGTERM, SIGHUP, SIGINT };
#define LAUNCH_NSIGNALS (sizeof launch_signals / sizeof launch_signals[0])

/* No SA_RESTART: a blocking read returns EINTR, so plain mode notices the
 * signal at once instead of after the next line of input. */
static void launch_handlers(struct sigaction old[LAUNCH_NSIGNALS])
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = launch_on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	for (size_t i = 0; i < LAUNCH_NSIGNALS; i++)
		sigaction(launch_signals[i], &sa, &old[i]);
}

static void launch_restore(const struct sigaction old[LAUNCH_NSIGNALS])
{
	for (size_t i = 0; i < LAUNCH_NSIGNALS; i++)
		sigaction(launch_signals[i], &old[i], NULL);
}

/* "door-closed-42": the scenario id and the seed, kept to the characters
 * save_path accepts so the name means the same on every system. */
static void launch_name(const struct session *s, char *out, size_t len)
{
	snprintf(out, len, "%s-%llu", s->rules.id[0] ? s->rules.id : "game",
	         (unsigned long long)s->seed);
	for (char *c = out; *c; c++) {
		bool ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		          (*c >= '0' && *c <= '9') || *c == '-' || *c == '_';
		if (!ok)
			*c = '-';
	}
}

/* Each AI's stream differs from the rules' stream and from the other side's,
 * yet follows from the game's seed, so a game can be replayed. */
static const uint64_t launch_ai_salt[SIDE_COUNT] = {
	0x9e3779b97f4a7c15ULL, 0xc2b2ae3d27d4eb4fULL,
};

/* What to tell the player when a signal stopped the game P, into BUF. */
static const char *launch_stopped(const struct play *p, char *buf, size_t len)
{
	if (p->autosaved)
		snprintf(buf, len, "stopped by a signal; the game was autosaved in %s", p->save_dir);
	else
		snprintf(buf, len, "stopped by a signal; the game was not saved");
	return buf;
}

int play_launch(struct session *s, const struct launch_opts *o)
{
	struct play p;
	memset(&p, 0, sizeof p);
	p.session = s;
	p.stop = &launch_stop;
	p.link = o->link;
	launch_stop = 0;

	if (save_dir(o->save_dir, p.save_dir, sizeof p.save_dir) < 0) {
		fprintf(stderr, "brink: cannot use the save folder %s; this game will not be saved\n",
		        o->save_dir ? o->save_dir : "(default)");
		p.save_dir[0] = 0;
	}
	char stem[128];
	if (o->save_name && o->save_name[0])
		snprintf(stem, sizeof stem, "%s", o->save_name);
	else
		launch_name(s, stem, sizeof stem);
	char note[256] = "";
	if (p.save_dir[0] && !s->world.over && !o->link) { /* a network game is saved by its server */
		struct diags *ds = diags_new(); /* about 52 KB: never on the stack */
		int rc = !ds ? -1 : o->resume ? save_resume(s, p.save_dir, stem, ds)
		                               : save_claim(s, p.save_dir, stem, ds);
		p.autosaved = rc >= 0; /* what a quit may promise (plain_kept) */
		if (rc < 0 && ds && ds->n > 0)
			snprintf(note, sizeof note, "autosave failed: %.200s", ds->d[0].msg);
		else if (rc == 1)
			snprintf(note, sizeof note, "a what-if: a branch of %s from turn %d, saved as %s "
			         "(the original is kept as it was)", s->branch_from, s->branch_turn, s->id);
		else if (rc == 0 && !o->resume && strcmp(s->id, stem))
			/* stderr, like the seed: the game's own output stays the same */
			fprintf(stderr, "brink: another game is called %s: this one's saves are %s\n", stem,
			        s->id);
		diags_free(ds);
	}
	snprintf(p.save_name, sizeof p.save_name, "%s", s->id[0] ? s->id : stem);

	for (int side = 0; side < SIDE_COUNT; side++)
		if (s->player[side] == PLAYER_AI)
			ai_init(&p.ai[side], s->ai_level[side], side, s->seed ^ launch_ai_salt[side]);
	play_ai_catch_up(&p);

	struct sigaction old[LAUNCH_NSIGNALS];
	launch_handlers(old);
	int rc;
	char stopped[1024];
	if (!o->plain && tui_usable()) {
		if (note[0])
			fprintf(stderr, "brink: %s\n", note);
		rc = tui_play(&p);
		if (launch_stop) /* the terminal is restored: say it where the shell shows it */
			fprintf(stderr, "brink: %s\n", launch_stopped(&p, stopped, sizeof stopped));
	} else {
		if (!o->plain)
			fputs("brink: this terminal cannot run the full-screen interface; using plain mode\n",
			      stderr);
		struct plain pl;
		struct frontend fe;
		plain_init(&pl, &fe, stdin, stdout, !isatty(STDIN_FILENO));
		struct winsize ws;
		if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
			plain_wrap(&pl, ws.ws_col); /* a terminal: lines broken at spaces, not mid-word */
		if (note[0])
			plain_notice(&pl, note);
		rc = play_run_notify(&p, &fe, plain_notice);
		if (launch_stop)
			plain_notice(&pl, launch_stopped(&p, stopped, sizeof stopped));
		plain_fini(&pl);
		fflush(stdout);
	}
	launch_restore(old);
	return rc;
}
