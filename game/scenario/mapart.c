/* mapart.c - parsing and finding map art; see mapart.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mapart.h"

#ifndef BRINK_DATADIR
#define BRINK_DATADIR "/usr/local/share/brink"
#endif

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

static bool regular_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int map_art_find(const char *name, char *out, size_t outlen)
{
	if (!name || !*name)
		return -1;
	if (strchr(name, '/')) {
		if (!regular_file(name))
			return -1;
		snprintf(out, outlen, "%s", name);
		return 0;
	}
	char path[1024];
	snprintf(path, sizeof path, "assets/%s", name);
	if (regular_file(path))
		goto found;
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	path[0] = '\0';
	if (xdg && *xdg)
		snprintf(path, sizeof path, "%s/brink/assets/%s", xdg, name);
	else if (home && *home)
		snprintf(path, sizeof path, "%s/.local/share/brink/assets/%s", home, name);
	if (path[0] && regular_file(path))
		goto found;
	snprintf(path, sizeof path, "%s/assets/%s", BRINK_DATADIR, name);
	if (regular_file(path))
		goto found;
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
			snprintf(path, sizeof path, "%s/assets/%s", exe, name);
			if (regular_file(path))
				goto found;
		}
	}
	return -1;
found:
	snprintf(out, outlen, "%s", path);
	return 0;
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
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "cannot open map art \"%s\"", path);
		return -1;
	}
	char *buf = malloc(MAP_ART_FILE_MAX + 1);
	if (!buf) {
		fclose(f);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	size_t n = fread(buf, 1, MAP_ART_FILE_MAX, f);
	fclose(f);
	buf[n] = '\0';
	int rc = map_art_parse(a, buf, err, errlen, errline);
	free(buf);
	if (rc < 0)
		memset(a, 0, sizeof *a);
	return rc;
}
