/* scenario_catalog.c - the scenario search path, lookup by id and the list of scenarios.
 *
 * Listing never dies: a file of the scenario folders that cannot be read or
 * parsed is skipped with a warning naming it (files are read through the
 * same pre-pass as every load: a folder, a FIFO or a hostile @include is an
 * error of that file, never a hang or an exit). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/file.h"
#include "../base/folder.h"
#include "../base/path.h"
#include "scenario_internal.h"

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

struct cfg_scan {
	char **names;
	int n, max;
};

static int cfg_one(void *ctx, const char *name)
{
	struct cfg_scan *c = ctx;
	if (c->n >= c->max)
		return 1;
	size_t len = strlen(name);
	if (len < 5 || strcmp(name + len - 4, ".cfg") || name[0] == '.')
		return 0;
	/* not only regular files: anything else is skipped with a warning */
	c->names[c->n] = strdup(name);
	if (c->names[c->n])
		c->n++;
	return 0;
}

/* The .cfg files of DIR, sorted, as malloc'd names in NAMES (at most MAX);
 * returns how many. The caller frees each. */
static int dir_files(const char *dir, char **names, int max)
{
	struct cfg_scan c = { names, 0, max };
	if (file_each(dir, cfg_one, &c) < 0)
		return 0;
	qsort(names, (size_t)c.n, sizeof *names, name_cmp);
	return c.n;
}

/* Warn in WARN (when not NULL) that PATH was skipped, at its first error. */
static void skipped(struct diags *warn, const char *path, const struct diags *ds)
{
	if (!warn)
		return;
	for (int i = 0; i < ds->n; i++)
		if (ds->d[i].level == DIAG_ERROR) {
			diag_add(warn, DIAG_WARNING, ds->d[i].file[0] ? ds->d[i].file : path, ds->d[i].line,
			         "%s skipped: %s", path, ds->d[i].msg);
			return;
		}
	diag_add(warn, DIAG_WARNING, path, 0, "skipped: it cannot be read");
}

/* The scenario.id of the file PATH into ID, without a full check; a file
 * that cannot be read or parsed is reported to WARN. DS is scratch. */
static int peek_id(const char *path, char *id, size_t len, struct diags *ds, struct diags *warn)
{
	diags_clear(ds);
	struct cfgtext ct;
	int rc = -1;
	if (cfgtext_read(&ct, path, SCENARIO_FILE_MAX, CFGTEXT_INCLUDES, ds) == 0) {
		config_t cf;
		config_init(&cf);
		const char *s;
		if (!config_read_string(&cf, ct.text)) {
			int line;
			const char *file = cfgtext_where(&ct, config_error_line(&cf), &line);
			diag_add(ds, DIAG_ERROR, file ? file : path, line, "%s",
			         config_error_text(&cf) ? config_error_text(&cf) : "cannot parse");
		} else if (config_lookup_string(&cf, "scenario.id", &s) && strlen(s) < len) {
			snprintf(id, len, "%s", s);
			rc = 0;
		}
		config_destroy(&cf);
	}
	cfgtext_free(&ct);
	if (ds->errors)
		skipped(warn, path, ds);
	return rc;
}

#define DIR_FILES_MAX 256

int scenario_find(const char *name, char *out, size_t outlen, struct diags *warn)
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
	char dirs[FOLDER_SEARCH_MAX][FOLDER_PATH_MAX];
	int nd = folder_search("scenarios", dirs);
	char path[PATH_MAX_LEN * 2];
	struct diags *ds = diags_new();
	if (!ds)
		return -1;
	int rc = -1;
	for (int i = 0; i < nd && rc < 0; i++) {
		char file[RULES_ID_MAX + 8];
		snprintf(file, sizeof file, "%s.cfg", id);
		int found = path_join(path, sizeof path, dirs[i], file) && is_file(path);
		char *names[DIR_FILES_MAX];
		int n = found ? 0 : dir_files(dirs[i], names, DIR_FILES_MAX);
		for (int k = 0; k < n; k++) {
			char fid[RULES_ID_MAX], cand[PATH_MAX_LEN * 2];
			if (!found && path_join(cand, sizeof cand, dirs[i], names[k]) &&
			    peek_id(cand, fid, sizeof fid, ds, warn) == 0 && !strcmp(fid, id)) {
				found = 1;
				memcpy(path, cand, sizeof path);
			}
			free(names[k]);
		}
		if (found && strlen(path) < outlen) {
			snprintf(out, outlen, "%s", path);
			rc = 0;
		} else if (found) {
			break;
		}
	}
	diags_free(ds);
	return rc;
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct scenario_entry *)a)->id, ((const struct scenario_entry *)b)->id);
}

int scenario_list(struct scenario_entry *out, int max, struct diags *warn)
{
	if (!out || max <= 0)
		return 0;
	struct rules *r = malloc(sizeof *r);
	struct diags *ds = diags_new();
	if (!r || !ds) {
		free(r);
		diags_free(ds);
		return 0;
	}
	char dirs[FOLDER_SEARCH_MAX][FOLDER_PATH_MAX];
	int nd = folder_search("scenarios", dirs), count = 0;
	for (int i = 0; i < nd; i++) {
		char *names[DIR_FILES_MAX];
		int n = dir_files(dirs[i], names, DIR_FILES_MAX);
		for (int k = 0; k < n; k++) {
			char path[PATH_MAX_LEN * 2];
			bool ok = path_join(path, sizeof path, dirs[i], names[k]);
			free(names[k]);
			diags_clear(ds);
			if (!ok || count >= max || strlen(path) >= sizeof out->path)
				continue;
			if (scenario_load(path, r, ds) < 0) {
				skipped(warn, path, ds);
				continue;
			}
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
			e->start_year = r->start_year;
			e->start_quarter = r->start_quarter;
			e->turns = r->turns;
		}
	}
	free(r);
	diags_free(ds);
	qsort(out, (size_t)count, sizeof *out, entry_cmp);
	return count;
}
