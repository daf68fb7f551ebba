/* mapart.c - parsing and finding map art; see mapart.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/file.h"
#include "../base/folder.h"
#include "../base/path.h"
#include "mapart.h"

int map_art_parse(struct map_art *a, const char *text, char *err, size_t errlen, int *errline)
{
	memset(a, 0, sizeof *a);
	int dummy;
	if (!errline)
		errline = &dummy;
	*errline = 0;
	bool in_art = false;
	int lineno = 0;
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char buf[512];
		if (len > sizeof buf - 1)
			len = sizeof buf - 1;
		memcpy(buf, p, len);
		buf[len] = '\0';
		if (len && buf[len - 1] == '\r')
			buf[--len] = '\0';
		p = nl ? nl + 1 : p + strlen(p);
		lineno++;
		if (in_art) {
			if (a->h >= MAP_ART_MAX_H)
				break; /* taller art is cut, not refused */
			char *dst = a->line[a->h++];
			size_t n = len > MAP_ART_MAX_W ? MAP_ART_MAX_W : len;
			for (size_t i = 0; i < n; i++) /* the art is ASCII: anything else shows as '?' */
				dst[i] = buf[i] == '\t' ? ' ' : (buf[i] < 32 || buf[i] > 126) ? '?' : buf[i];
			dst[n] = '\0';
			if ((int)n > a->w)
				a->w = (int)n;
			continue;
		}
		if (!strcmp(buf, "---")) {
			in_art = true;
			continue;
		}
		if (buf[0] == '#' || buf[0] == '\0')
			continue;
		if (!strncmp(buf, "map:", 4)) {
			const char *s = buf + 4;
			while (*s == ' ')
				s++;
			snprintf(a->name, sizeof a->name, "%.63s", s);
			continue;
		}
		char id[64];
		int x, y;
		char extra;
		if (sscanf(buf, "anchor %63s %d %d %c", id, &x, &y, &extra) == 3 ||
		    (sscanf(buf, "anchor %63s %d %d %c", id, &x, &y, &extra) == 4 && extra == '#')) {
			if (x < 0 || y < 0 || x > MAP_ART_MAX_W || y > MAP_ART_MAX_H) {
				snprintf(err, errlen, "anchor \"%s\" at %d %d is out of the art (0..%d, 0..%d)",
				         id, x, y, MAP_ART_MAX_W, MAP_ART_MAX_H);
				*errline = lineno;
				return -1;
			}
			if (a->nanchors < MAP_ART_MAX_ANCHORS) {
				struct map_anchor *an = &a->anchor[a->nanchors++];
				snprintf(an->id, sizeof an->id, "%.31s", id);
				an->x = x;
				an->y = y;
				an->line = lineno;
			}
			continue;
		}
		snprintf(err, errlen, "expected \"map: NAME\", \"anchor ID COLUMN ROW\" or \"---\"");
		*errline = lineno;
		return -1;
	}
	if (!in_art) {
		snprintf(err, errlen, "no \"---\" line before the art");
		*errline = lineno;
		return -1;
	}
	return 0;
}

int map_art_find(const char *name, char *out, size_t outlen)
{
	if (!name || !*name)
		return -1;
	if (strchr(name, '/') || is_file(name)) { /* a path (the scenario's own art) */
		if (!is_file(name))
			return -1;
		snprintf(out, outlen, "%s", name);
		return 0;
	}
	char dirs[FOLDER_SEARCH_MAX][FOLDER_PATH_MAX];
	int nd = folder_search("assets", dirs);
	for (int i = 0; i < nd; i++)
		if (path_join(out, outlen, dirs[i], name) && is_file(out))
			return 0;
	/* Next to the executable or up to two folders above it (build/asan/brink):
	 * a build run from another folder still finds its art. */
	char exe[900];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		for (int up = 0; up < 3; up++) {
			char *slash = strrchr(exe, '/');
			if (!slash)
				break;
			*slash = '\0';
			char dir[1024];
			snprintf(dir, sizeof dir, "%s/assets", exe);
			if (path_join(out, outlen, dir, name) && is_file(out))
				return 0;
		}
	}
	return -1;
}

int map_art_load(struct map_art *a, const char *name, char *err, size_t errlen, int *errline)
{
	char ebuf[160];
	if (!err) {
		err = ebuf;
		errlen = sizeof ebuf;
	}
	if (errline)
		*errline = 0;
	memset(a, 0, sizeof *a);
	char path[1024];
	if (map_art_find(name, path, sizeof path) < 0) {
		snprintf(err, errlen, "map art \"%s\" not found", name ? name : "");
		return -1;
	}
	char *buf = NULL;
	size_t len = 0;
	int e = file_read(path, MAP_ART_FILE_MAX, &buf, &len);
	if (e) {
		snprintf(err, errlen, "cannot read map art \"%s\": %s", path, file_error(e));
		return -1;
	}
	int nul = file_nul_line(buf, len);
	int rc;
	if (nul) {
		snprintf(err, errlen, "a NUL byte in map art");
		if (errline)
			*errline = nul;
		rc = -1;
	} else {
		rc = map_art_parse(a, buf, err, errlen, errline);
	}
	free(buf);
	if (rc < 0)
		memset(a, 0, sizeof *a);
	return rc;
}
