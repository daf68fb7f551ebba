/* launch.h - start playing a session: pick the front end, install signal handlers, run.
 *
 * The one entry point for `brink play`, `brink load` and the title menu. */
#ifndef BRINK_LAUNCH_H
#define BRINK_LAUNCH_H

#include <stdbool.h>

#include "../session/session.h"

struct launch_opts {
	bool plain;              /* line-oriented text on stdin/stdout */
	const char *save_dir;    /* --save-dir, or NULL for the default */
	const char *save_name;   /* base name for saves, or NULL to derive one */
	bool resume;             /* S was loaded: go on as the same game unless its
	                            folder holds later autosaves (then S branches) */
	struct play_link *link;  /* network play (brink join), else NULL */
};

/* Play S (AI sides and levels from s->player / s->ai_level) until it ends,
 * the player quits or a signal stops it (after an autosave). The curses front
 * end is used unless O->plain or the terminal cannot address the cursor, in
 * which case plain mode is used with a note on stderr. S stays the caller's.
 * Before the first turn a new game (or a branch) gets its own id and its
 * first autosave (save_claim); a resumed game keeps its id (save_resume). 
 * Returns the process exit status: 0, or 1 when the front end failed. */
int play_launch(struct session *s, const struct launch_opts *o);

#endif
