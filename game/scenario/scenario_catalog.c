/* scenario_catalog.c - the scenario search path, lookup by id and the list of scenarios. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "scenario_internal.h"

/* ---- the search path and the standard rules -------------------------------- */

bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* OUT = A/B; false (and OUT empty) when it does not fit. */
bool path_join(char *out, size_t len, const char *a, const char *b)
{
	int n = snprintf(out, len, "%s/%s", a, b);
	if (n < 0 || (size_t)n >= len) {
		out[0] = '\0';
		return false;
	}
	return true;
}

/* The scenario folders in search order; returns how many. */
int search_dirs(char dirs[SEARCH_DIRS][PATH_MAX_LEN])
{
	int n = 0;
	snprintf(dirs[n++], PATH_MAX_LEN, "scenarios");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		snprintf(dirs[n++], PATH_MAX_LEN, "%s/brink/scenarios", xdg);
	else if (home && *home)
		snprintf(dirs[n++], PATH_MAX_LEN, "%s/.local/share/brink/scenarios", home);
	snprintf(dirs[n++], PATH_MAX_LEN, "%s/scenarios", BRINK_DATADIR);
	return n;
}


/* ---- the catalog ------------------------------------------------------------ */

static bool id_valid(const char *s)
{
	if (!*s || strlen(s) >= RULES_ID_MAX)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || is_digit((unsigned char)*s) || *s == '-'))
			return false;
	return true;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .cfg files of DIR, sorted, as malloc'd names in NAMES (at most MAX);
 * returns how many. The caller frees each. */
static int dir_files(const char *dir, char **names, int max)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < max) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".cfg") || e->d_name[0] == '.')
			continue;
		char path[PATH_MAX_LEN * 2];
		if (!path_join(path, sizeof path, dir, e->d_name) || !is_file(path))
			continue;
		names[n] = strdup(e->d_name);
		if (names[n])
			n++;
	}
	closedir(d);
	qsort(names, (size_t)n, sizeof *names, name_cmp);
	return n;
}

/* The scenario.id of the file PATH into ID, without a full check. */
static int peek_id(const char *path, char *id, size_t len)
{
	size_t n;
	int err;
	char *text = file_read(path, &n, &err);
	if (!text)
		return -1;
	int rc = -1;
	if (!memchr(text, '\0', n)) {
		config_t cf;
		config_init(&cf);
		char dir[PATH_MAX_LEN];
		path_dir(path, dir, sizeof dir);
		config_set_include_dir(&cf, dir);
		const char *s;
		if (config_read_string(&cf, text) && config_lookup_string(&cf, "scenario.id", &s) &&
		    strlen(s) < len) {
			snprintf(id, len, "%s", s);
			rc = 0;
		}
		config_destroy(&cf);
	}
	free(text);
	return rc;
}

#define DIR_FILES_MAX 256

int scenario_find(const char *name, char *out, size_t outlen)
{
	if (!name || !*name || !out || !outlen)
		return -1;
	if (is_file(name)) {
		if (strlen(name) >= outlen)
			return -1;
		snprintf(out, outlen, "%s", name);
		return 0;
	}
	char id[RULES_ID_MAX];
	size_t len = strlen(name);
	if (strchr(name, '/') || len >= sizeof id + 4)
		return -1;
	snprintf(id, sizeof id, "%.*s", (int)(len > 4 && !strcmp(name + len - 4, ".cfg") ? len - 4 : len),
	         name);
	if (!id_valid(id))
		return -1;
	char dirs[SEARCH_DIRS][PATH_MAX_LEN];
	int nd = search_dirs(dirs);
	char path[PATH_MAX_LEN * 2];
	for (int i = 0; i < nd; i++) {
		char file[RULES_ID_MAX + 8];
		snprintf(file, sizeof file, "%s.cfg", id);
		int found = path_join(path, sizeof path, dirs[i], file) && is_file(path);
		char *names[DIR_FILES_MAX];
		int n = found ? 0 : dir_files(dirs[i], names, DIR_FILES_MAX);
		for (int k = 0; k < n; k++) {
			char fid[RULES_ID_MAX], cand[PATH_MAX_LEN * 2];
			if (!found && path_join(cand, sizeof cand, dirs[i], names[k]) &&
			    peek_id(cand, fid, sizeof fid) == 0 && !strcmp(fid, id)) {
				found = 1;
				memcpy(path, cand, sizeof path);
			}
			free(names[k]);
		}
		if (found) {
			if (strlen(path) >= outlen)
				return -1;
			snprintf(out, outlen, "%s", path);
			return 0;
		}
	}
	return -1;
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct scenario_entry *)a)->id, ((const struct scenario_entry *)b)->id);
}

int scenario_list(struct scenario_entry *out, int max)
{
	if (!out || max <= 0)
		return 0;
	struct rules *r = malloc(sizeof *r);
	struct diags *ds = malloc(sizeof *ds);
	if (!r || !ds) {
		free(r);
		free(ds);
		return 0;
	}
	char dirs[SEARCH_DIRS][PATH_MAX_LEN];
	int nd = search_dirs(dirs), count = 0;
	for (int i = 0; i < nd; i++) {
		char *names[DIR_FILES_MAX];
		int n = dir_files(dirs[i], names, DIR_FILES_MAX);
		for (int k = 0; k < n; k++) {
			char path[PATH_MAX_LEN * 2];
			bool ok = path_join(path, sizeof path, dirs[i], names[k]);
			free(names[k]);
			memset(ds, 0, sizeof *ds);
			if (!ok || count >= max || strlen(path) >= sizeof out->path ||
			    scenario_load(path, r, ds) < 0)
				continue;
			bool seen = false;
			for (int j = 0; j < count; j++)
				seen = seen || !strcmp(out[j].id, r->id);
			if (seen)
				continue;
			struct scenario_entry *e = &out[count++];
			copy_str(e->id, sizeof e->id, r->id);
			copy_str(e->title, sizeof e->title, r->title);
			copy_str(e->summary, sizeof e->summary, r->summary);
			copy_str(e->path, sizeof e->path, path);
		}
	}
	free(r);
	free(ds);
	qsort(out, (size_t)count, sizeof *out, entry_cmp);
	return count;
}
