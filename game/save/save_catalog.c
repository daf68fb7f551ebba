/* save_catalog.c - a folder's saves as a list; locate, read and report one save. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../base/file.h"
#include "../base/path.h"
#include "save.h"
#include "save_catalog.h"
#include "save_internal.h"

static int save_cmp(const void *a, const void *b)
{
	const struct save_entry *x = a, *y = b;
	return x->mtime < y->mtime ? 1 : x->mtime > y->mtime ? -1 : strcmp(x->name, y->name);
}

static void save_describe(struct save_entry *e)
{
	struct session *s = NULL;
	struct diags *ds = diags_new();
	if (!ds) {
		snprintf(e->error, sizeof e->error, "out of memory");
		return;
	}
	if (save_read(e->path, &s, ds) != 0 || !s) {
		e->ok = false;
		snprintf(e->error, sizeof e->error, "%.190s", ds->n ? ds->d[0].msg : "unreadable");
	} else {
		e->ok = true;
		snprintf(e->title, sizeof e->title, "%s", s->rules.title);
		bool nh = s->player[SIDE_NATO] == PLAYER_HUMAN, rh = s->player[SIDE_RUSSIA] == PLAYER_HUMAN;
		snprintf(e->sides, sizeof e->sides, "%s", nh && rh ? "hot-seat" : nh ? "NATO"
		         : rh ? "Russia" : "AI vs AI");
		e->turn = s->turns;
		e->turns = s->rules.turns;
		e->over = s->world.over;
	}
	session_free(s);
	diags_free(ds);
}

/* True when FILE is an autosave ID-auto-TT.save and DIR holds the same
 * game's next one: every turn's autosave is kept, and the list shows a
 * game's last one only. */
static bool autosave_superseded(const char *dir, const char *file)
{
	char stem[256], next[1400];
	int turn;
	save_stem(file, stem, sizeof stem);
	size_t n = strlen(stem);
	if (!strncmp(stem, file, n) && sscanf(file + n, "-auto-%d", &turn) == 1 &&
	    (size_t)snprintf(next, sizeof next, "%.1000s/%s-auto-%02d%s", dir, stem, turn + 1, SAVE_EXT) <
	            sizeof next)
		return is_file(next);
	return false;
}

struct list_scan {
	const char *dir;
	struct save_entry *out;
	int n, max;
};

static int list_one(void *ctx, const char *name)
{
	struct list_scan *l = ctx;
	if (l->n >= l->max)
		return 1;
	size_t len = strlen(name), sl = strlen(SAVE_EXT);
	if (name[0] == '.' || len <= sl || strcmp(name + len - sl, SAVE_EXT))
		return 0;
	struct save_entry *e = &l->out[l->n];
	memset(e, 0, sizeof *e);
	if ((size_t)snprintf(e->path, sizeof e->path, "%s/%s", l->dir, name) >= sizeof e->path)
		return 0;
	struct stat st;
	if (stat(e->path, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	if (autosave_superseded(l->dir, name))
		return 0;
	snprintf(e->name, sizeof e->name, "%.*s", (int)(len - sl), name);
	e->mtime = st.st_mtime;
	l->n++;
	return 0;
}

int save_list(const char *dir, struct save_entry *out, int max)
{
	struct list_scan l = { dir, out, 0, max };
	if (file_each(dir, list_one, &l) < 0)
		return -1;
	qsort(out, (size_t)l.n, sizeof *out, save_cmp);
	for (int i = 0; i < l.n; i++)
		save_describe(&out[i]);
	return l.n;
}

int save_find(const char *name_or_path, const char *dir_override, char *path, size_t pathlen,
              FILE *err)
{
	if (save_locate(name_or_path, dir_override, path, pathlen)) {
		fprintf(err, "%s: error: no such save\n", name_or_path ? name_or_path : "");
		return -1;
	}
	return 0;
}

struct session *save_open(const char *name_or_path, const char *dir_override, char *path,
                          size_t pathlen, FILE *err)
{
	char own[4096];
	if (!path) {
		path = own;
		pathlen = sizeof own;
	}
	if (save_find(name_or_path, dir_override, path, pathlen, err))
		return NULL;
	struct diags *ds = diags_new();
	if (!ds) {
		fprintf(err, "brink: out of memory\n");
		return NULL;
	}
	struct session *s = NULL;
	if (save_read(path, &s, ds)) {
		session_free(s);
		s = NULL;
	}
	diag_print(ds, err); /* the errors, or the warnings of a save that loads */
	diags_free(ds);
	return s;
}
