/* folder.h - Brink's data folders: the one place that reads $XDG_DATA_HOME and $HOME.
 *
 * Scenarios and map art are looked up in ./SUB, then the user's data folder
 * ($XDG_DATA_HOME/brink/SUB, by default ~/.local/share/brink/SUB), then the
 * installed data folder (BRINK_DATADIR/SUB). Saves live in the user's data
 * folder. */
#ifndef BRINK_FOLDER_H
#define BRINK_FOLDER_H

#include <stddef.h>

#define FOLDER_PATH_MAX 512
#define FOLDER_SEARCH_MAX 3

/* The user's data folder for SUB ("saves", "scenarios") into OUT:
 * $XDG_DATA_HOME/brink/SUB when XDG_DATA_HOME is an absolute path, else
 * $HOME/.local/share/brink/SUB. Returns 0, or -1 when neither is set or it
 * does not fit. Creates nothing. */
int folder_user(const char *sub, char *out, size_t len);

/* The folders to look for SUB in, in order (./SUB, the user's, the
 * installed one). Returns how many were written to DIRS. */
int folder_search(const char *sub, char dirs[FOLDER_SEARCH_MAX][FOLDER_PATH_MAX]);

#endif
