/* save.h - save files: a versioned libconfig text that is a replay.
 *
 * A save holds the format version, the whole scenario (so it loads when the
 * scenario file changed or is gone), the seed, the players, every order of
 * every turn, and a digest of each turn's state to catch replay drift.
 * Writes are atomic: temporary file in the same folder, fsync, rename. */
#ifndef BRINK_SAVE_H
#define BRINK_SAVE_H

#include <stddef.h>

#include "../scenario/diag.h"
#include "../session/session.h"

#define SAVE_FORMAT 1
#define SAVE_AUTOSAVE_KEEP 5

/* Write S to PATH atomically. Returns 0, or -1 with a diagnostic in DS. */
int save_write(const struct session *s, const char *path, struct diags *ds);

/* Read the save at PATH into a new session (*out, caller frees with
 * session_free), replaying its orders and checking every stored digest.
 * Returns 0, or -1 with FILE:LINE diagnostics in DS. */
int save_read(const char *path, struct session **out, struct diags *ds);

/* The save folder: DIR_OVERRIDE if set, ./saves in the source tree, else
 * $XDG_DATA_HOME/brink/saves (created). Returns 0 or -1. */
int save_dir(const char *dir_override, char *out, size_t outlen);

/* The path for a save called NAME in DIR, NAME sanitised to [A-Za-z0-9_-]
 * so nothing lands outside DIR. Returns 0, or -1 for an empty name. */
int save_path(const char *dir, const char *name, char *out, size_t outlen);

/* Autosave S as NAME-auto-TURN in DIR, keeping the last SAVE_AUTOSAVE_KEEP. */
int save_autosave(const struct session *s, const char *dir, const char *name, struct diags *ds);

#endif
