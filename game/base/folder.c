/* folder.c - the user's data folder (XDG) and the search path for scenarios and art. */
#include <stdio.h>
#include <stdlib.h>

#include "folder.h"

#ifndef BRINK_DATADIR
#define BRINK_DATADIR "/usr/local/share/brink"
#endif

int folder_user(const char *sub, char *out, size_t len)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	int n;
	if (xdg && xdg[0] == '/')
		n = snprintf(out, len, "%s/brink/%s", xdg, sub);
	else if (home && *home)
		n = snprintf(out, len, "%s/.local/share/brink/%s", home, sub);
	else
		return -1;
	return n < 0 || (size_t)n >= len ? -1 : 0;
}

int folder_search(const char *sub, char dirs[FOLDER_SEARCH_MAX][FOLDER_PATH_MAX])
{
	int n = 0;
	snprintf(dirs[n++], FOLDER_PATH_MAX, "%s", sub);
	if (folder_user(sub, dirs[n], FOLDER_PATH_MAX) == 0)
		n++;
	int k = snprintf(dirs[n], FOLDER_PATH_MAX, "%s/%s", BRINK_DATADIR, sub);
	if (k > 0 && k < FOLDER_PATH_MAX)
		n++;
	return n;
}
