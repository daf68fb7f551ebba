/* save.h - save files: a versioned libconfig text that is a replay.
 *
 * A save holds the format version, the whole scenario (so it loads when the
 * scenario file changed or is gone), the seed, the players, every order of
 * every turn, and a digest of each turn's state to catch replay drift.
 * Writes are atomic: temporary file in the same folder, fsync, rename. */
#ifndef BRINK_SAVE_H
#define BRINK_SAVE_H

#include <stddef.h>

#include "../base/diag.h"
#include "../session/session.h"

#define SAVE_FORMAT 1     /* a save of a game the facilitator never changed */
#define SAVE_FORMAT_FAC 2 /* ... one with the facilitator's changes (`facilitator`) */
#define SAVE_EXISTS (-2) /* a create-only write found the file there */

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

/* The saves (*.save, not hidden) directly in folder DIR, sorted by name:
 * *OUT is a malloc'd array of malloc'd paths (the caller frees both).
 * Returns how many, or -1 when DIR cannot be read. */
int save_folder_list(const char *dir, char ***out);

/* The name of the game a save at PATH holds, for saves that do not record
 * their id: the file name without ".save" and without "-auto-TT". */
void save_stem(const char *path, char *out, size_t len);

/* Autosaves. Each game has an id (s->id) no other game in the folder has;
 * its autosave after turn T is DIR/ID-auto-TT.save, and every one is kept.
 * No autosave ever replaces a file: a game that would (two copies of one
 * save played on) becomes a branch with an id of its own. */

/* NAME kept to [A-Za-z0-9_-] (other runs become one '_') and short enough
 * to leave ROOM characters for a suffix, into OUT. Returns 0, or -1 when
 * nothing is left. */
int save_id_clean(const char *name, char out[SESSION_ID_MAX], int room);

/* Whether NAME can name a game's saves: printable ASCII without '/', with
 * at least one letter or digit (other characters become '_'). Returns 0, or
 * -1 with the reason in WHY. */
int save_name_usable(const char *name, char *why, size_t len);

/* 1 when folder DIR holds a save of game ID (ID.save or any ID-auto-NN.save),
 * else 0: a new game must take another name so that nothing is overwritten. */
int save_taken(const char *dir, const char *id);

/* A new game, or a branch still without an id (s->branch_turn set, s->id
 * empty): give S the first id no game in DIR uses (STEM, STEM-2, ... for a
 * game; PARENT-b1, -b2, ... for a branch) and write its autosave of the
 * current turn, which claims the id. Returns 0, or -1 (DS). */
int save_claim(struct session *s, const char *dir, const char *stem, struct diags *ds);

/* A loaded game about to be played on in DIR. Its id is the save's (or
 * NAME, for saves without one). When DIR holds later autosaves of that id
 * (an older save was loaded), or S was made a branch by session_branch,
 * S becomes a branch with an id of its own, claimed as save_claim does.
 * Returns 0 (goes on as the same game), 1 (a branch), or -1 (DS). */
int save_resume(struct session *s, const char *dir, const char *name, struct diags *ds);

/* Autosave S's current turn in DIR as its id's (claiming one when S has
 * none). FIRST_TURN: the first turn this run played, where S branches if
 * another copy of the game already saved this turn. Returns 0 or -1 (DS). */
int save_autosave(struct session *s, const char *dir, int first_turn, struct diags *ds);

#endif
