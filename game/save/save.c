/* save.c - save files: writing (atomic), reading (a replay, checked), folders, autosaves.
 *
 * A save is libconfig text (docs/saves.md): format version, Brink version,
 * a summary for the load menu, the players, the seed (a decimal string:
 * libconfig wraps big integers), every order of every turn by action and
 * region id with the digest (world_hash) after the turn, the current state
 * in integers, and the whole scenario as a group, so a save loads when its
 * scenario file changed or is gone. Loading rebuilds the game by replaying
 * the orders through session_submit and checks each digest and the state:
 * the stored state is never trusted, only compared. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../ai/ai.h"
#include "../base/cfgtext.h"
#include "../base/file.h"
#include "../base/folder.h"
#include "../base/path.h"
#include "../explain/explain.h"
#include "../scenario/scenario.h"
#include "../session/fac_text.h"
#include "save.h"
#include "save_internal.h"

#ifndef BRINK_VERSION
#define BRINK_VERSION "0"
#endif

static const char *crisis_word(int c)
{
	return c == CRISIS_FIRM ? "firm" : c == CRISIS_BACK ? "back" : "none";
}

static int crisis_parse(const char *w)
{
	return !strcmp(w, "firm") ? CRISIS_FIRM : !strcmp(w, "back") ? CRISIS_BACK : !strcmp(w, "none") ? CRISIS_NONE : -1;
}

/* The first words of every save written: how a save is told from other files. */
#define SAVE_HEADER "# Brink save file"


static void date_text(const struct rules *r, int t, char *buf, size_t len)
{
	int y, q;
	rules_date(r, t, &y, &q);
	snprintf(buf, len, "%d-Q%d", y, q);
}

/* ---- writing ---------------------------------------------------------- */

static config_setting_t *add_int(config_setting_t *g, const char *name, int v)
{
	config_setting_t *s = config_setting_add(g, name, CONFIG_TYPE_INT);
	if (s)
		config_setting_set_int(s, v);
	return s;
}

static config_setting_t *add_str(config_setting_t *g, const char *name, const char *v)
{
	config_setting_t *s = config_setting_add(g, name, CONFIG_TYPE_STRING);
	if (s)
		config_setting_set_string(s, v);
	return s;
}

static config_setting_t *add_bool(config_setting_t *g, const char *name, int v)
{
	config_setting_t *s = config_setting_add(g, name, CONFIG_TYPE_BOOL);
	if (s)
		config_setting_set_bool(s, v);
	return s;
}

/* Deep copy of SRC into PARENT (a group, list or array); NAME is NULL inside
 * lists and arrays. Returns 0 or -1. */
static int setting_copy(config_setting_t *parent, const char *name, const config_setting_t *src)
{
	int type = config_setting_type(src);
	config_setting_t *d = config_setting_add(parent, name, type);
	if (!d)
		return -1;
	switch (type) {
	case CONFIG_TYPE_INT: config_setting_set_int(d, config_setting_get_int(src)); break;
	case CONFIG_TYPE_INT64: config_setting_set_int64(d, config_setting_get_int64(src)); break;
	case CONFIG_TYPE_FLOAT: config_setting_set_float(d, config_setting_get_float(src)); break;
	case CONFIG_TYPE_BOOL: config_setting_set_bool(d, config_setting_get_bool(src)); break;
	case CONFIG_TYPE_STRING: config_setting_set_string(d, config_setting_get_string(src)); break;
	case CONFIG_TYPE_GROUP:
	case CONFIG_TYPE_LIST:
	case CONFIG_TYPE_ARRAY:
		for (int i = 0; i < config_setting_length(src); i++) {
			const config_setting_t *e = config_setting_get_elem(src, (unsigned)i);
			if (setting_copy(d, type == CONFIG_TYPE_GROUP ? config_setting_name(e) : NULL, e))
				return -1;
		}
		break;
	default: return -1;
	}
	config_setting_set_format(d, config_setting_get_format(src));
	return 0;
}

static int format_config(const struct session *s, config_t *cfg)
{
	const struct rules *r = &s->rules;
	const struct world *w = &s->world;
	config_setting_t *root = config_root_setting(cfg);
	char buf[256];

	/* Format 2 only when there is something format 1 cannot hold: a Brink
	 * that reads format 1 then says so instead of failing a digest. */
	add_int(root, "format", s->nfac ? SAVE_FORMAT_FAC : SAVE_FORMAT);
	add_str(root, "version", BRINK_VERSION);

	config_setting_t *g = config_setting_add(root, "game", CONFIG_TYPE_GROUP);
	add_str(g, "scenario", r->id);
	add_str(g, "title", r->title);
	add_int(g, "turn", s->turns);
	add_int(g, "turns", r->turns);
	date_text(r, w->over && s->turns ? s->turns - 1 : s->turns, buf, sizeof buf);
	add_str(g, "date", buf);
	add_str(g, "result", explain_result_id(w->result));

	config_setting_t *pl = config_setting_add(root, "players", CONFIG_TYPE_GROUP);
	for (int side = 0; side < SIDE_COUNT; side++) {
		config_setting_t *p = config_setting_add(pl, side_id(side), CONFIG_TYPE_GROUP);
		add_str(p, "player", s->player[side] == PLAYER_AI ? "ai" : "human");
		const char *lvl = ai_level_name(s->ai_level[side]);
		add_str(p, "ai", lvl ? lvl : "normal");
		if (s->team[side][0])
			add_str(p, "team", s->team[side]);
	}

	snprintf(buf, sizeof buf, "%" PRIu64, s->seed);
	add_str(root, "seed", buf);
	if (s->id[0])
		add_str(root, "id", s->id);
	add_int(root, "length", r->turns);
	if (s->branch_turn) {
		config_setting_t *b = config_setting_add(root, "branch", CONFIG_TYPE_GROUP);
		add_str(b, "from", s->branch_from);
		add_int(b, "turn", s->branch_turn);
	}
	if (s->nfac) {
		config_setting_t *fl = config_setting_add(root, "facilitator", CONFIG_TYPE_LIST);
		for (int i = 0; i < s->nfac && i < SESSION_FAC_MAX; i++) {
			const struct session_fac *f = &s->fac[i];
			char arg[240];
			config_setting_t *fg = config_setting_add(fl, NULL, CONFIG_TYPE_GROUP);
			add_int(fg, "after", f->after);
			if (fac_text_arg(r, &f->c, arg, sizeof arg) < 0)
				return -1;
			snprintf(buf, sizeof buf, "%s %s", fac_kind_word(f->c.kind), arg);
			add_str(fg, "change", buf);
			if (f->c.kind == FAC_SAY)
				add_str(fg, "text", f->c.text);
			snprintf(buf, sizeof buf, "%016" PRIx64, f->digest);
			add_str(fg, "digest", buf);
		}
	}

	config_setting_t *turns = config_setting_add(root, "turns", CONFIG_TYPE_LIST);
	for (int t = 0; t < s->turns && t < RULES_MAX_TURNS; t++) {
		config_setting_t *tg = config_setting_add(turns, NULL, CONFIG_TYPE_GROUP);
		add_int(tg, "turn", t + 1);
		date_text(r, t, buf, sizeof buf);
		add_str(tg, "date", buf);
		for (int side = 0; side < SIDE_COUNT; side++) {
			config_setting_t *l = config_setting_add(tg, side_id(side), CONFIG_TYPE_LIST);
			const struct orders *o = &s->orders[t][side];
			for (int i = 0; i < o->n && i < ORDERS_MAX; i++) {
				explain_order_ids(r, &o->list[i], ' ', buf, sizeof buf);
				add_str(l, NULL, buf);
			}
		}
		/* the answers to a crisis, given with the orders (only when given) */
		if (s->orders[t][SIDE_NATO].crisis || s->orders[t][SIDE_RUSSIA].crisis) {
			config_setting_t *cg = config_setting_add(tg, "crisis", CONFIG_TYPE_GROUP);
			for (int side = 0; side < SIDE_COUNT; side++)
				add_str(cg, side_id(side), crisis_word(s->orders[t][side].crisis));
		}
		snprintf(buf, sizeof buf, "%016" PRIx64, s->hash[t + 1]);
		add_str(tg, "digest", buf);
	}

	config_setting_t *st = config_setting_add(root, "state", CONFIG_TYPE_GROUP);
	add_int(st, "turn", w->turn);
	add_bool(st, "over", w->over);
	add_str(st, "result", explain_result_id(w->result));
	config_setting_t *ap = config_setting_add(st, "ap", CONFIG_TYPE_GROUP);
	config_setting_t *sc = config_setting_add(st, "score", CONFIG_TYPE_GROUP);
	for (int side = 0; side < SIDE_COUNT; side++) {
		add_int(ap, side_id(side), w->ap[side]);
		add_int(sc, side_id(side), w->score[side]);
	}
	config_setting_t *wv = config_setting_add(st, "world", CONFIG_TYPE_GROUP);
	for (int v = 0; v < VAR_WORLD_END; v++)
		add_int(wv, var_info[v].name, w->v[v]);
	config_setting_t *regs = config_setting_add(st, "regions", CONFIG_TYPE_LIST);
	for (int i = 0; i < r->nregions; i++) {
		config_setting_t *rg = config_setting_add(regs, NULL, CONFIG_TYPE_GROUP);
		add_str(rg, "id", r->region[i].id);
		for (int k = 0; k < VAR_REGION_STORED; k++)
			add_int(rg, var_info[VAR_WORLD_END + k].name, w->region[i].v[k]);
	}
	snprintf(buf, sizeof buf, "%016" PRIx64, s->hash[s->turns <= RULES_MAX_TURNS ? s->turns : 0]);
	add_str(st, "digest", buf);

	/* The scenario last: it is long, and the parts people read come first.
	 * It is the scenario as written: a shorter game (`length`) is not a
	 * change of the scenario. */
	struct rules *full = malloc(sizeof *full);
	if (!full)
		return -1;
	*full = *r;
	if (s->scenario_turns >= r->turns)
		full->turns = s->scenario_turns;
	char *text = scenario_write(full);
	free(full);
	if (!text)
		return -1;
	config_t sc_cfg;
	config_init(&sc_cfg);
	int rc = -1;
	if (config_read_string(&sc_cfg, text) == CONFIG_TRUE)
		rc = setting_copy(root, "scenario_file", config_root_setting(&sc_cfg));
	config_destroy(&sc_cfg);
	free(text);
	return rc;
}

char *save_format(const struct session *s)
{
	config_t cfg;
	config_init(&cfg);
	char *text = NULL;
	size_t len = 0;
	FILE *f = NULL;
	if (format_config(s, &cfg) == 0 && (f = open_memstream(&text, &len))) {
		fputs(SAVE_HEADER " (libconfig text); see docs/saves.md.\n"
		      "# Hand edits are checked when it loads: 'brink replay FILE --verify'.\n", f);
		config_write(&cfg, f);
		if (fclose(f)) {
			free(text);
			text = NULL;
		}
	}
	config_destroy(&cfg);
	return text;
}

#define SAVE_TMP_STALE 600 /* seconds: an older temporary file is a killed save's */

/* Remove the temporary files of saves killed half-way (".NAME.save.tmp-XXXXXX",
 * left when the process died between mkstemp and rename) from DIR. A fresh
 * one may be another game's save in progress: only old ones go. */
static int tmp_sweep_one(void *ctx, const char *n)
{
	const char *dir = ctx, *t = strstr(n, SAVE_EXT ".tmp-");
	if (n[0] != '.' || !t || strlen(t) != strlen(SAVE_EXT ".tmp-XXXXXX"))
		return 0;
	struct stat st;
	char path[4096];
	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, n) < sizeof path &&
	    lstat(path, &st) == 0 && S_ISREG(st.st_mode) && time(NULL) - st.st_mtime > SAVE_TMP_STALE)
		unlink(path);
	return 0;
}

static void tmp_sweep(const char *dir)
{
	(void)file_each(dir, tmp_sweep_one, (void *)dir);
}

/* The atomic write (file_replace); EXCL: never replace an existing PATH.
 * Returns 0, -1 with a diagnostic, or SAVE_EXISTS (no diagnostic) when EXCL
 * and PATH exists. */
static int write_file(const struct session *s, const char *path, int fail_at, int excl,
                      struct diags *ds)
{
	_Static_assert(SAVE_STEP_DIRSYNC - SAVE_STEP_OPEN == FILE_STEP_DIRSYNC - FILE_STEP_OPEN,
	               "the save's steps are file_replace's");
	char *text = fail_at == SAVE_STEP_FORMAT ? NULL : save_format(s);
	if (!text) {
		diag_add(ds, DIAG_ERROR, path, 0, "cannot save: the game could not be written as text");
		return -1;
	}
	struct file_fault why;
	int file_fail = fail_at >= SAVE_STEP_OPEN ? fail_at - SAVE_STEP_OPEN + FILE_STEP_OPEN : FILE_STEP_NONE;
	int rc = file_replace(path, text, strlen(text), 0644, excl ? FILE_EXCL : 0, file_fail, &why);
	free(text);
	if (rc == FILE_EXISTS)
		return SAVE_EXISTS;
	if (rc == 0) {
		char dir[4096];
		path_dir(path, dir, sizeof dir);
		tmp_sweep(dir);
		return 0;
	}
	char dir[4096];
	path_dir(path, dir, sizeof dir);
	if (why.step == FILE_STEP_NAME)
		diag_add(ds, DIAG_ERROR, path, 0, "cannot save: bad file name");
	else if (why.step == FILE_STEP_OPEN)
		diag_add(ds, DIAG_ERROR, path, 0, "cannot save: cannot create a file in %s: %s", dir,
		         strerror(why.err));
	else if (why.step == FILE_STEP_DIRSYNC)
		diag_add(ds, DIAG_ERROR, path, 0, "saved, but the folder %s could not be synced to disk", dir);
	else
		diag_add(ds, DIAG_ERROR, path, 0, "cannot save (%s failed): %s; any earlier save is unchanged",
		         file_step_name(why.step), strerror(why.err));
	return -1;
}

int save_write_faulty(const struct session *s, const char *path, int fail_at, struct diags *ds)
{
	return write_file(s, path, fail_at, 0, ds);
}

int save_write(const struct session *s, const char *path, struct diags *ds)
{
	return write_file(s, path, SAVE_STEP_NONE, 0, ds);
}

/* ---- folders and names ------------------------------------------------ */

static int mkdir_p(const char *path)
{
	char buf[4096];
	if ((size_t)snprintf(buf, sizeof buf, "%s", path) >= sizeof buf)
		return -1;
	for (char *p = buf + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(buf, 0755) && errno != EEXIST)
				return -1;
			*p = '/';
		}
	if (mkdir(buf, 0755) && errno != EEXIST)
		return -1;
	struct stat st;
	return stat(buf, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
}

/* The save folder's path into BUF (not created); -1 when there is none. */
static int save_dir_name(const char *dir_override, char *buf, size_t len)
{
	if (dir_override && *dir_override) {
		if ((size_t)snprintf(buf, len, "%s", dir_override) >= len)
			return -1;
	} else if (is_dir("saves") && (is_file("game/main.c") || is_file("Makefile"))) {
		snprintf(buf, len, "saves");
	} else if (folder_user("saves", buf, len)) {
		return -1;
	}
	return 0;
}

int save_dir(const char *dir_override, char *out, size_t outlen)
{
	char buf[4096];
	if (save_dir_name(dir_override, buf, sizeof buf) || mkdir_p(buf) || strlen(buf) >= outlen)
		return -1;
	snprintf(out, outlen, "%s", buf);
	return 0;
}

int save_dir_existing(const char *dir_override, char *out, size_t outlen)
{
	char buf[4096];
	if (save_dir_name(dir_override, buf, sizeof buf) || !is_dir(buf) || strlen(buf) >= outlen)
		return -1;
	snprintf(out, outlen, "%s", buf);
	return 0;
}

static int name_char(int c)
{
	return isascii(c) && (isalnum(c) || c == '_' || c == '-');
}

int save_path(const char *dir, const char *name, char *out, size_t outlen)
{
	if (!name || !dir || !*dir)
		return -1;
	char clean[SAVE_NAME_MAX + 1];
	size_t n = strlen(name), k = 0;
	if (n > strlen(SAVE_EXT) && !strcmp(name + n - strlen(SAVE_EXT), SAVE_EXT))
		n -= strlen(SAVE_EXT);
	/* A run of other characters becomes one '_'; none at the ends. */
	int gap = 0;
	for (size_t i = 0; i < n && k < SAVE_NAME_MAX; i++) {
		unsigned char c = (unsigned char)name[i];
		if (!name_char(c)) {
			gap = 1;
			continue;
		}
		if (gap && k > 0 && k < SAVE_NAME_MAX)
			clean[k++] = '_';
		gap = 0;
		if (k < SAVE_NAME_MAX)
			clean[k++] = (char)c;
	}
	clean[k] = '\0';
	if (k == 0)
		return -1;
	if ((size_t)snprintf(out, outlen, "%s/%s%s", dir, clean, SAVE_EXT) >= outlen)
		return -1;
	return 0;
}

/* The turn of an autosave file name PREFIX<digits>.save, or -1. */
static int autosave_turn(const char *file, const char *prefix)
{
	size_t p = strlen(prefix);
	if (strncmp(file, prefix, p))
		return -1;
	const char *d = file + p;
	int t = 0, nd = 0;
	while (isdigit((unsigned char)*d) && nd < 4)
		t = t * 10 + (*d++ - '0'), nd++;
	return nd && !strcmp(d, SAVE_EXT) ? t : -1;
}

struct autosave_scan {
	char prefix[SESSION_ID_MAX + 16];
	int last;
};

static int autosave_one(void *ctx, const char *name)
{
	struct autosave_scan *a = ctx;
	int t = autosave_turn(name, a->prefix);
	if (t > a->last)
		a->last = t;
	return 0;
}

/* The highest turn of ID's autosaves in DIR; -1 when it has none. */
static int autosave_last(const char *dir, const char *id)
{
	struct autosave_scan a = { .last = -1 };
	snprintf(a.prefix, sizeof a.prefix, "%s-auto-", id);
	return file_each(dir, autosave_one, &a) < 0 ? -1 : a.last;
}

/* True when a game called ID has a save or an autosave in DIR. */
int save_taken(const char *dir, const char *id)
{
	char path[4096];
	if ((size_t)snprintf(path, sizeof path, "%s/%s%s", dir, id, SAVE_EXT) < sizeof path &&
	    access(path, F_OK) == 0)
		return 1;
	return autosave_last(dir, id) >= 0;
}

int save_id_clean(const char *name, char out[SESSION_ID_MAX], int room)
{
	size_t k = 0, cap = SESSION_ID_MAX - 1 - (room > 0 ? (size_t)room : 0);
	int gap = 0;
	for (const char *c = name ? name : ""; *c && k < cap; c++) {
		if (!name_char((unsigned char)*c)) {
			gap = 1;
			continue;
		}
		if (gap && k > 0 && k + 1 < cap)
			out[k++] = '_';
		gap = 0;
		out[k++] = *c;
	}
	out[k] = '\0';
	return k ? 0 : -1;
}

int save_name_usable(const char *name, char *why, size_t len)
{
	char id[SESSION_ID_MAX];
	if (!name || !*name) {
		snprintf(why, len, "a save name cannot be empty");
		return -1;
	}
	for (const unsigned char *c = (const unsigned char *)name; *c; c++)
		if (*c == '/' || *c < 0x20 || *c > 0x7e) {
			snprintf(why, len, "'%s' cannot name a save: use letters, digits, '-' and '_' "
			         "(no '/', no letters outside ASCII)", *c < 0x20 ? "?" : name);
			return -1;
		}
	if (save_id_clean(name, id, 0) < 0) {
		snprintf(why, len, "'%s' cannot name a save: it needs a letter or a digit", name);
		return -1;
	}
	return 0;
}

/* Write the autosave of S's current turn under ID, never replacing a file.
 * Returns 0, -1 (DS) or SAVE_EXISTS. */
static int autosave_excl(const struct session *s, const char *dir, const char *id, struct diags *ds)
{
	char path[4096];
	if ((size_t)snprintf(path, sizeof path, "%s/%s-auto-%02d%s", dir, id, s->turns, SAVE_EXT) >=
	    sizeof path) {
		diag_add(ds, DIAG_ERROR, dir, 0, "cannot autosave: the folder's name is too long");
		return -1;
	}
	return write_file(s, path, SAVE_STEP_NONE, 1, ds);
}

int save_claim(struct session *s, const char *dir, const char *stem, struct diags *ds)
{
	char base[SESSION_ID_MAX], id[SESSION_ID_MAX + 16];
	int branch = s->branch_turn && !s->id[0];
	/* room for "-999" or "-b999" */
	if (save_id_clean(branch ? s->branch_from : stem, base, 5) &&
	    save_id_clean("game", base, 5)) {
		diag_add(ds, DIAG_ERROR, dir, 0, "cannot autosave: no name for this game");
		return -1;
	}
	for (int k = 1; k < 1000; k++) {
		if (branch)
			snprintf(id, sizeof id, "%s-b%d", base, k);
		else if (k == 1)
			snprintf(id, sizeof id, "%s", base);
		else
			snprintf(id, sizeof id, "%s-%d", base, k);
		if (strlen(id) >= sizeof s->id || save_taken(dir, id))
			continue;
		memcpy(s->id, id, sizeof s->id);
		int rc = autosave_excl(s, dir, id, ds);
		if (rc != SAVE_EXISTS) {
			if (rc)
				s->id[0] = '\0';
			return rc ? -1 : 0;
		}
	}
	s->id[0] = '\0';
	diag_add(ds, DIAG_ERROR, dir, 0, "cannot autosave: 999 games are already called %s", base);
	return -1;
}

int save_resume(struct session *s, const char *dir, const char *name, struct diags *ds)
{
	if (s->branch_turn && !s->id[0]) /* made by session_branch, still to be named */
		return save_claim(s, dir, s->branch_from, ds) ? -1 : 1;
	if (!s->id[0] && save_id_clean(name, s->id, 5))
		save_id_clean("game", s->id, 5);
	if (autosave_last(dir, s->id) <= s->turns)
		return 0; /* the game goes on where it stopped */
	if (session_branch(s, s->turns + 1))
		return -1;
	return save_claim(s, dir, s->branch_from, ds) ? -1 : 1;
}

int save_autosave(struct session *s, const char *dir, int first_turn, struct diags *ds)
{
	if (!s->id[0])
		return save_claim(s, dir, s->rules.id, ds);
	int rc = autosave_excl(s, dir, s->id, ds);
	if (rc != SAVE_EXISTS)
		return rc;
	/* Another copy of this game went on from the same point (two players
	 * resumed one save): this one becomes a branch, nothing is replaced. */
	memcpy(s->branch_from, s->id, sizeof s->branch_from);
	s->branch_turn = (uint8_t)(first_turn >= 1 && first_turn <= s->turns ? first_turn : s->turns);
	s->id[0] = '\0';
	return save_claim(s, dir, s->branch_from, ds);
}

static int path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct folder_scan {
	const char *dir;
	char **list;
	int n, cap;
};

static int folder_list_one(void *ctx, const char *name)
{
	struct folder_scan *f = ctx;
	size_t len = strlen(name), el = strlen(SAVE_EXT);
	if (name[0] == '.' || len <= el || strcmp(name + len - el, SAVE_EXT))
		return 0;
	char *p = malloc(strlen(f->dir) + len + 2);
	if (!p)
		return 1;
	sprintf(p, "%s/%s", f->dir, name);
	if (!is_file(p)) {
		free(p);
		return 0;
	}
	if (f->n == f->cap) {
		char **grown = realloc(f->list, sizeof *f->list * (size_t)(f->cap = f->cap ? f->cap * 2 : 16));
		if (!grown) {
			free(p);
			return 1;
		}
		f->list = grown;
	}
	f->list[f->n++] = p;
	return 0;
}

int save_folder_list(const char *dir, char ***out)
{
	struct folder_scan f = { dir, NULL, 0, 0 };
	*out = NULL;
	if (file_each(dir, folder_list_one, &f) < 0)
		return -1;
	if (f.n > 1)
		qsort(f.list, (size_t)f.n, sizeof *f.list, path_cmp);
	*out = f.list;
	return f.n;
}

void save_stem(const char *path, char *out, size_t len)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	snprintf(out, len, "%s", b);
	size_t n = strlen(out);
	if (n > strlen(SAVE_EXT) && !strcmp(out + n - strlen(SAVE_EXT), SAVE_EXT))
		out[n -= strlen(SAVE_EXT)] = '\0';
	char *auto_ = strstr(out, "-auto-");
	if (auto_ && auto_ != out && auto_[6] && strspn(auto_ + 6, "0123456789") == strlen(auto_ + 6))
		*auto_ = '\0';
}

int save_locate(const char *name_or_path, const char *dir_override, char *out, size_t outlen)
{
	if (!name_or_path || !*name_or_path)
		return -1;
	if (is_file(name_or_path) || strchr(name_or_path, '/')) {
		if (strlen(name_or_path) >= outlen)
			return -1;
		snprintf(out, outlen, "%s", name_or_path);
		return is_file(out) ? 0 : -1;
	}
	char dir[4096];
	/* a lookup creates nothing: a missing folder holds no save */
	if (save_dir_existing(dir_override, dir, sizeof dir) ||
	    save_path(dir, name_or_path, out, outlen))
		return -1;
	return is_file(out) ? 0 : -1;
}

/* ---- reading ---------------------------------------------------------- */

struct loader {
	const char *path;
	struct diags *ds;
	const config_setting_t *root;
};

/* A save never includes (cfgtext refuses @include in it), so the lines of
 * the text libconfig parsed are the file's own. */
static int line_of(const config_setting_t *s)
{
	int l = s ? (int)config_setting_source_line(s) : 0;
	return l > 0 ? l : 1;
}

static const char *type_name(int type)
{
	switch (type) {
	case CONFIG_TYPE_INT: return "an integer";
	case CONFIG_TYPE_STRING: return "a string";
	case CONFIG_TYPE_BOOL: return "true or false";
	case CONFIG_TYPE_GROUP: return "a group { ... }";
	case CONFIG_TYPE_LIST: return "a list ( ... )";
	default: return "a value of another type";
	}
}

/* The setting NAME of group G with TYPE, or NULL with a diagnostic. WHERE
 * names G in the message ("state.world"). */
static const config_setting_t *need(struct loader *L, const config_setting_t *g, const char *where,
                                    const char *name, int type)
{
	const config_setting_t *s = config_setting_get_member(g, name);
	if (!s) {
		diag_add(L->ds, DIAG_ERROR, L->path, line_of(g), "missing '%s%s%s'", where,
		         *where ? "." : "", name);
		return NULL;
	}
	int t = config_setting_type(s);
	int ok = t == type || (type == CONFIG_TYPE_LIST && t == CONFIG_TYPE_ARRAY) ||
	         (type == CONFIG_TYPE_INT && t == CONFIG_TYPE_INT64);
	if (!ok) {
		diag_add(L->ds, DIAG_ERROR, L->path, line_of(s), "'%s%s%s' should be %s", where,
		         *where ? "." : "", name, type_name(type));
		return NULL;
	}
	return s;
}

static int need_int(struct loader *L, const config_setting_t *g, const char *where,
                    const char *name, int lo, int hi, int *out)
{
	const config_setting_t *s = need(L, g, where, name, CONFIG_TYPE_INT);
	if (!s)
		return -1;
	long long v = config_setting_type(s) == CONFIG_TYPE_INT64 ? config_setting_get_int64(s)
	                                                          : config_setting_get_int(s);
	if (v < lo || v > hi) {
		diag_add(L->ds, DIAG_ERROR, L->path, line_of(s), "'%s%s%s' is %lld, out of range %d..%d",
		         where, *where ? "." : "", name, v, lo, hi);
		return -1;
	}
	*out = (int)v;
	return 0;
}

static const char *need_str(struct loader *L, const config_setting_t *g, const char *where,
                            const char *name)
{
	const config_setting_t *s = need(L, g, where, name, CONFIG_TYPE_STRING);
	return s ? config_setting_get_string(s) : NULL;
}

/* Load the embedded scenario, its diagnostics at the save's own lines. */
static int load_scenario(struct loader *L, const struct cfgtext *ct, struct rules *r)
{
	const config_setting_t *g = need(L, L->root, "", "scenario_file", CONFIG_TYPE_GROUP);
	if (!g)
		return -1;
	int errors = L->ds->errors;
	int rc = scenario_load_setting(g, ct, L->path, r, L->ds);
	if (rc || L->ds->errors > errors) {
		diag_add(L->ds, DIAG_ERROR, L->path, line_of(g),
		         "the scenario embedded in this save does not validate (problems above)");
		return -1;
	}
	return 0;
}

static int parse_hex64(const char *s, uint64_t *out)
{
	if (!s || strlen(s) != 16)
		return -1;
	uint64_t v = 0;
	for (int i = 0; i < 16; i++) {
		int c = tolower((unsigned char)s[i]);
		if (!isxdigit(c))
			return -1;
		v = v << 4 | (uint64_t)(isdigit(c) ? c - '0' : c - 'a' + 10);
	}
	*out = v;
	return 0;
}

static int load_players(struct loader *L, struct session *s)
{
	const config_setting_t *pl = need(L, L->root, "", "players", CONFIG_TYPE_GROUP);
	if (!pl)
		return -1;
	int rc = 0;
	for (int side = 0; side < SIDE_COUNT; side++) {
		char where[32];
		snprintf(where, sizeof where, "players.%s", side_id(side));
		const config_setting_t *p = need(L, pl, "players", side_id(side), CONFIG_TYPE_GROUP);
		if (!p) {
			rc = -1;
			continue;
		}
		const char *who = need_str(L, p, where, "player");
		const char *lvl = need_str(L, p, where, "ai");
		if (who && strcmp(who, "human") && strcmp(who, "ai")) {
			diag_add(L->ds, DIAG_ERROR, L->path, line_of(config_setting_get_member(p, "player")),
			         "'%s.player' is '%s': expected human or ai", where, who);
			who = NULL;
		}
		int level = lvl ? ai_level_parse(lvl) : -1;
		if (lvl && level < 0) {
			char levels[160];
			ai_level_list(levels, sizeof levels);
			diag_add(L->ds, DIAG_ERROR, L->path, line_of(config_setting_get_member(p, "ai")),
			         "'%s.ai' is '%s': not an AI level (%s)", where, lvl, levels);
		}
		if (!who || level < 0) {
			rc = -1;
			continue;
		}
		s->player[side] = !strcmp(who, "ai") ? PLAYER_AI : PLAYER_HUMAN;
		s->ai_level[side] = (uint8_t)level;
		/* the team's name (brink join --name; optional) */
		if (config_setting_get_member(p, "team")) {
			const char *team = need_str(L, p, where, "team");
			if (!team) {
				rc = -1;
				continue;
			}
			session_team_clean(team, s->team[side]);
		}
	}
	return rc;
}

/* An optional game id at setting NAME of G into OUT: [A-Za-z0-9_-], 1 to
 * SESSION_ID_MAX - 1 characters. Returns 0 (also when absent) or -1. */
static int load_id(struct loader *L, const config_setting_t *g, const char *where,
                   const char *name, char out[SESSION_ID_MAX])
{
	const config_setting_t *e = config_setting_get_member(g, name);
	if (!e)
		return 0;
	const char *v = need_str(L, g, where, name);
	if (!v)
		return -1;
	size_t n = strlen(v);
	int ok = n > 0 && n < SESSION_ID_MAX;
	for (size_t i = 0; ok && i < n; i++)
		ok = name_char((unsigned char)v[i]);
	if (!ok) {
		diag_add(L->ds, DIAG_ERROR, L->path, line_of(e),
		         "'%s%s%s' is '%.60s': a game id is 1 to %d of A-Z a-z 0-9 _ -", where,
		         *where ? "." : "", name, v, SESSION_ID_MAX - 1);
		return -1;
	}
	memcpy(out, v, n + 1);
	return 0;
}

/* The game's own settings: its id, its length (`--turns`) and, for a
 * what-if, where it branched. All optional: saves of older Brinks lack them. */
static int load_game(struct loader *L, struct session *s)
{
	int rc = load_id(L, L->root, "", "id", s->id);
	if (config_setting_get_member(L->root, "length")) {
		int n;
		if (need_int(L, L->root, "", "length", 1, s->scenario_turns, &n) ||
		    session_set_turns(s, n))
			rc = -1;
	}
	const config_setting_t *b = config_setting_get_member(L->root, "branch");
	if (b) {
		int turn;
		if (!need(L, L->root, "", "branch", CONFIG_TYPE_GROUP) ||
		    need_int(L, b, "branch", "turn", 1, s->rules.turns, &turn)) {
			rc = -1;
		} else if (!config_setting_get_member(b, "from")) {
			diag_add(L->ds, DIAG_ERROR, L->path, line_of(b), "missing 'branch.from'");
			rc = -1;
		} else if (load_id(L, b, "branch", "from", s->branch_from) == 0) {
			s->branch_turn = (uint8_t)turn;
		} else {
			rc = -1;
		}
	}
	return rc;
}

/* Parse the order string "ACTION [REGION]" of SIDE at setting E and queue
 * it in O if it is legal now. */
static int load_order(struct loader *L, struct session *s, int t, int side,
                      const config_setting_t *e, struct orders *o)
{
	const struct rules *r = &s->rules;
	int line = line_of(e);
	if (config_setting_type(e) != CONFIG_TYPE_STRING) {
		diag_add(L->ds, DIAG_ERROR, L->path, line,
		         "turn %d: a %s order should be a string \"ACTION [REGION]\"", t, side_id(side));
		return -1;
	}
	const char *text = config_setting_get_string(e);
	char act[RULES_ID_MAX + 1] = "", reg[RULES_ID_MAX + 1] = "", extra[2] = "";
	int n = sscanf(text, "%32s %32s %1s", act, reg, extra);
	if (n < 1 || n > 2 || strlen(act) >= RULES_ID_MAX || strlen(reg) >= RULES_ID_MAX) {
		diag_add(L->ds, DIAG_ERROR, L->path, line,
		         "turn %d: bad %s order '%s': expected \"ACTION [REGION]\"", t, side_id(side), text);
		return -1;
	}
	int a = rules_action_find(r, act);
	if (a < 0) {
		diag_add(L->ds, DIAG_ERROR, L->path, line, "turn %d: unknown action '%s' in %s's orders",
		         t, act, side_id(side));
		return -1;
	}
	int region = RULES_NO_REGION;
	if (n == 2) {
		region = rules_region_find(r, reg);
		if (region < 0) {
			diag_add(L->ds, DIAG_ERROR, L->path, line, "turn %d: unknown region '%s' in %s's orders",
			         t, reg, side_id(side));
			return -1;
		}
	}
	int failed = -1;
	enum order_status st = orders_add(&s->world, r, side, o, a, region, &failed);
	if (st == ORDER_OK)
		return 0;
	char why[160] = "";
	if (st == ORDER_REQUIREMENT && failed >= 0 && failed < r->action[a].nrequires) {
		char cond[140];
		explain_cond(r, &r->action[a].requires[failed], region, cond, sizeof cond);
		snprintf(why, sizeof why, " (%s)", cond);
	}
	diag_add(L->ds, DIAG_ERROR, L->path, line, "turn %d: %s cannot order '%s' at that point: %s%s",
	         t, side_id(side), text, order_status_text(st), why);
	return -1;
}

/* The facilitator's changes made at this point of the game (after
 * s->turns turns), from element *NEXT of the list FL on. */
static int load_fac(struct loader *L, struct session *s, const config_setting_t *fl, int *next)
{
	for (; fl && *next < config_setting_length(fl); ++*next) {
		const config_setting_t *fg = config_setting_get_elem(fl, (unsigned)*next);
		int k = *next + 1, after;
		char where[48];
		snprintf(where, sizeof where, "facilitator[%d]", k);
		if (config_setting_type(fg) != CONFIG_TYPE_GROUP) {
			diag_add(L->ds, DIAG_ERROR, L->path, line_of(fg),
			         "facilitator change %d should be a group { after = N; change = \"...\"; ... }", k);
			return -1;
		}
		if (need_int(L, fg, where, "after", 0, RULES_MAX_TURNS, &after))
			return -1;
		if (after < s->turns) {
			diag_add(L->ds, DIAG_ERROR, L->path, line_of(config_setting_get_member(fg, "after")),
			         "facilitator change %d is after turn %d, before the change listed ahead of it: "
			         "changes are listed in the order they were made", k, after);
			return -1;
		}
		if (after > s->turns)
			return 0; /* later in the game */
		const char *change = need_str(L, fg, where, "change");
		const char *dg = need_str(L, fg, where, "digest");
		if (!change || !dg)
			return -1;
		const config_setting_t *te = config_setting_get_member(fg, "text");
		const char *text = te ? need_str(L, fg, where, "text") : NULL;
		if (te && !text)
			return -1;
		char kind[16] = "", arg[256] = "", extra[2] = "", why[320];
		int n = sscanf(change, "%15s %255s %1s", kind, arg, extra);
		int line = line_of(config_setting_get_member(fg, "change"));
		struct fac_change c;
		const char *word = n < 1 || n > 2 ? "bad-kind"
		                   : fac_text_parse(&s->rules, kind, n == 2 ? arg : NULL, text, &c, why, sizeof why);
		if (word) {
			diag_add(L->ds, DIAG_ERROR, L->path, line, "facilitator change %d: %s", k,
			         n < 1 || n > 2 ? "expected \"KIND ARG\" (inject, set, say, end)" : why);
			return -1;
		}
		uint64_t want = 0;
		if (parse_hex64(dg, &want)) {
			diag_add(L->ds, DIAG_ERROR, L->path, line_of(config_setting_get_member(fg, "digest")),
			         "facilitator change %d: digest '%s' should be 16 hex digits", k, dg);
			return -1;
		}
		const char *refused = session_facilitate(s, &c);
		if (refused) {
			diag_add(L->ds, DIAG_ERROR, L->path, line, "facilitator change %d (after turn %d) cannot be "
			         "made at that point: %s", k, after, refused);
			return -1;
		}
		if (s->fac[s->nfac - 1].digest != want) {
			diag_add(L->ds, DIAG_ERROR, L->path, line_of(config_setting_get_member(fg, "digest")),
			         "facilitator change %d (after turn %d) does not replay to its stored digest (save %s, "
			         "replay %016" PRIx64 "): the save was edited, or written by another version of Brink",
			         k, after, dg, s->fac[s->nfac - 1].digest);
			return -1;
		}
	}
	return 0;
}

static int load_turns(struct loader *L, struct session *s, struct save_check *chk)
{
	const config_setting_t *turns = need(L, L->root, "", "turns", CONFIG_TYPE_LIST);
	if (!turns)
		return -1;
	int n = config_setting_length(turns);
	chk->turns = n;
	const config_setting_t *fl = config_setting_get_member(L->root, "facilitator");
	int next = 0;
	if (fl && !need(L, L->root, "", "facilitator", CONFIG_TYPE_LIST))
		return -1;
	if (fl && config_setting_length(fl) > SESSION_FAC_MAX) {
		diag_add(L->ds, DIAG_ERROR, L->path, line_of(fl), "'facilitator' lists %d changes; at most %d",
		         config_setting_length(fl), SESSION_FAC_MAX);
		return -1;
	}
	chk->bad_turn = 1;
	if (load_fac(L, s, fl, &next))
		return -1;
	for (int i = 0; i < n; i++) {
		const config_setting_t *tg = config_setting_get_elem(turns, (unsigned)i);
		int t = i + 1, num;
		chk->bad_turn = t;
		if (config_setting_type(tg) != CONFIG_TYPE_GROUP) {
			diag_add(L->ds, DIAG_ERROR, L->path, line_of(tg), "turn %d should be a group { ... }", t);
			return -1;
		}
		if (need_int(L, tg, "turns", "turn", 1, RULES_MAX_TURNS, &num))
			return -1;
		if (num != t) {
			diag_add(L->ds, DIAG_ERROR, L->path, line_of(config_setting_get_member(tg, "turn")),
			         "turn %d is numbered %d: turns must be listed in order from 1", t, num);
			return -1;
		}
		if (s->world.over) {
			diag_add(L->ds, DIAG_ERROR, L->path, line_of(tg),
			         "turn %d: the game was already over after turn %d", t, s->turns);
			return -1;
		}
		struct orders o[SIDE_COUNT];
		memset(o, 0, sizeof o);
		int bad = 0;
		for (int side = 0; side < SIDE_COUNT; side++) {
			const config_setting_t *l = need(L, tg, "turns", side_id(side), CONFIG_TYPE_LIST);
			if (!l) {
				bad = 1;
				continue;
			}
			for (int k = 0; k < config_setting_length(l); k++)
				if (load_order(L, s, t, side, config_setting_get_elem(l, (unsigned)k), &o[side]))
					bad = 1;
		}
		const config_setting_t *cg = config_setting_get_member(tg, "crisis");
		for (int side = 0; cg && side < SIDE_COUNT; side++) {
			const config_setting_t *c = config_setting_get_member(cg, side_id(side));
			const char *word = c ? config_setting_get_string(c) : "none";
			int choice = crisis_parse(word ? word : "");
			if (choice < 0) {
				diag_add(L->ds, DIAG_ERROR, L->path, line_of(c ? c : cg),
				         "turn %d: %s's crisis answer should be \"firm\", \"back\" or \"none\"", t,
				         side_id(side));
				bad = 1;
			} else {
				o[side].crisis = (uint8_t)choice;
			}
		}
		const char *dg = need_str(L, tg, "turns", "digest");
		uint64_t want = 0;
		if (dg && parse_hex64(dg, &want)) {
			diag_add(L->ds, DIAG_ERROR, L->path, line_of(config_setting_get_member(tg, "digest")),
			         "turn %d: digest '%s' should be 16 hex digits", t, dg);
			bad = 1;
		}
		if (bad || !dg)
			return -1;
		if (session_submit(s, o)) {
			diag_add(L->ds, DIAG_ERROR, L->path, line_of(tg), "turn %d: the game was already over", t);
			return -1;
		}
		if (s->hash[t] != want) {
			char date[32];
			date_text(&s->rules, i, date, sizeof date);
			diag_add(L->ds, DIAG_ERROR, L->path, line_of(config_setting_get_member(tg, "digest")),
			         "turn %d (%s) does not replay to its stored digest (save %s, replay %016" PRIx64
			         "): the save was edited, or written by another version of Brink",
			         t, date, dg, s->hash[t]);
			return -1;
		}
		const char *check = world_check(&s->world, &s->rules);
		if (check) {
			diag_add(L->ds, DIAG_ERROR, L->path, line_of(tg), "turn %d: the replayed world is broken: %s",
			         t, check);
			return -1;
		}
		if (load_fac(L, s, fl, &next))
			return -1;
	}
	if (fl && next < config_setting_length(fl)) {
		const config_setting_t *fg = config_setting_get_elem(fl, (unsigned)next);
		diag_add(L->ds, DIAG_ERROR, L->path, line_of(fg),
		         "facilitator change %d is after a turn the save does not have (it has %d)", next + 1, n);
		return -1;
	}
	chk->bad_turn = 0;
	return 0;
}

/* Compare one stored integer with the replayed value. */
static int state_int(struct loader *L, const config_setting_t *g, const char *where,
                     const char *name, int lo, int hi, int actual)
{
	int v;
	if (need_int(L, g, where, name, lo, hi, &v))
		return -1;
	if (v != actual) {
		diag_add(L->ds, DIAG_ERROR, L->path, line_of(config_setting_get_member(g, name)),
		         "'%s.%s' is %d in the save but the recorded orders replay to %d", where, name, v, actual);
		return -1;
	}
	return 0;
}

static int load_state(struct loader *L, const struct session *s)
{
	const struct world *w = &s->world;
	const struct rules *r = &s->rules;
	const config_setting_t *st = need(L, L->root, "", "state", CONFIG_TYPE_GROUP);
	if (!st)
		return -1;
	int bad = 0;
	bad |= state_int(L, st, "state", "turn", 0, RULES_MAX_TURNS, w->turn);
	const config_setting_t *over = need(L, st, "state", "over", CONFIG_TYPE_BOOL);
	if (!over)
		bad = 1;
	else if (!config_setting_get_bool(over) != !w->over) {
		diag_add(L->ds, DIAG_ERROR, L->path, line_of(over),
		         "'state.over' is %s in the save but the recorded orders replay to %s",
		         w->over ? "false" : "true", w->over ? "true" : "false");
		bad = 1;
	}
	const char *res = need_str(L, st, "state", "result");
	if (!res)
		bad = 1;
	else if (strcmp(res, explain_result_id(w->result))) {
		diag_add(L->ds, DIAG_ERROR, L->path, line_of(config_setting_get_member(st, "result")),
		         "'state.result' is '%s' in the save but the recorded orders replay to '%s'", res,
		         explain_result_id(w->result));
		bad = 1;
	}
	static const char *const sub[2] = { "ap", "score" };
	for (int k = 0; k < 2; k++) {
		char where[16];
		snprintf(where, sizeof where, "state.%s", sub[k]);
		const config_setting_t *g = need(L, st, "state", sub[k], CONFIG_TYPE_GROUP);
		if (!g) {
			bad = 1;
			continue;
		}
		for (int side = 0; side < SIDE_COUNT; side++)
			bad |= state_int(L, g, where, side_id(side), -1000, 1000,
			                 k == 0 ? w->ap[side] : w->score[side]);
	}
	const config_setting_t *wv = need(L, st, "state", "world", CONFIG_TYPE_GROUP);
	if (!wv)
		bad = 1;
	for (int v = 0; wv && v < VAR_WORLD_END; v++)
		bad |= state_int(L, wv, "state.world", var_info[v].name, var_info[v].min, var_info[v].max,
		                 w->v[v]);
	const config_setting_t *regs = need(L, st, "state", "regions", CONFIG_TYPE_LIST);
	if (!regs)
		return -1;
	if (config_setting_length(regs) != r->nregions) {
		diag_add(L->ds, DIAG_ERROR, L->path, line_of(regs),
		         "'state.regions' lists %d regions; the scenario has %d", config_setting_length(regs),
		         r->nregions);
		return -1;
	}
	for (int i = 0; i < r->nregions; i++) {
		const config_setting_t *rg = config_setting_get_elem(regs, (unsigned)i);
		if (config_setting_type(rg) != CONFIG_TYPE_GROUP) {
			diag_add(L->ds, DIAG_ERROR, L->path, line_of(rg), "'state.regions' should hold groups");
			bad = 1;
			continue;
		}
		const char *id = need_str(L, rg, "state.regions", "id");
		if (!id) {
			bad = 1;
			continue;
		}
		if (strcmp(id, r->region[i].id)) {
			diag_add(L->ds, DIAG_ERROR, L->path, line_of(config_setting_get_member(rg, "id")),
			         "state region %d is '%s'; the scenario's is '%s'", i + 1, id, r->region[i].id);
			bad = 1;
			continue;
		}
		char where[64];
		snprintf(where, sizeof where, "state.regions.%s", id);
		for (int k = 0; k < VAR_REGION_STORED; k++) {
			const struct var_info *vi = &var_info[VAR_WORLD_END + k];
			bad |= state_int(L, rg, where, vi->name, vi->min, vi->max, w->region[i].v[k]);
		}
	}
	const char *dg = need_str(L, st, "state", "digest");
	uint64_t want = 0;
	if (!dg) {
		bad = 1;
	} else if (parse_hex64(dg, &want) || want != s->hash[s->turns]) {
		diag_add(L->ds, DIAG_ERROR, L->path, line_of(config_setting_get_member(st, "digest")),
		         "'state.digest' is '%s' but the recorded orders replay to %016" PRIx64, dg,
		         s->hash[s->turns]);
		bad = 1;
	}
	return bad ? -1 : 0;
}

int save_load(const char *path, struct session **out, struct save_check *chk, struct diags *ds)
{
	struct save_check dummy;
	if (!chk)
		chk = &dummy;
	*chk = (struct save_check){ .turns = 0, .bad_turn = -1, .bad_state = 0 };
	*out = NULL;
	/* the one pre-pass of every libconfig load: no @include in a save */
	struct cfgtext ct;
	if (cfgtext_read(&ct, path, SAVE_FILE_MAX, 0, ds)) {
		cfgtext_free(&ct);
		return -1;
	}
	config_t cfg;
	config_init(&cfg);
	struct session *s = NULL;
	struct rules *rules = NULL;
	int rc = -1;
	/* Every save starts with the writer's header: without it, a file that is
	 * not libconfig text, or has none of a save's settings, is not a save. */
	bool header = !strncmp(ct.text, SAVE_HEADER, strlen(SAVE_HEADER));
	if (config_read_string(&cfg, ct.text) != CONFIG_TRUE) {
		const char *why = config_error_text(&cfg) ? config_error_text(&cfg) : "syntax error";
		if (header)
			diag_add(ds, DIAG_ERROR, path, config_error_line(&cfg), "%s", why);
		else
			diag_add(ds, DIAG_ERROR, path, config_error_line(&cfg),
			         "not a Brink save: %s (a save starts with '%s')", why, SAVE_HEADER);
		goto done;
	}
	struct loader L = { path, ds, config_root_setting(&cfg) };
	if (!header && !config_setting_get_member(L.root, "game")) {
		diag_add(ds, DIAG_ERROR, path, 1, "not a Brink save: no 'game' setting (a save starts "
		         "with '%s')", SAVE_HEADER);
		goto done;
	}
	int fmt;
	if (need_int(&L, L.root, "", "format", 0, 1000000, &fmt))
		goto done;
	if (fmt != SAVE_FORMAT && fmt != SAVE_FORMAT_FAC) {
		diag_add(ds, DIAG_ERROR, path, line_of(config_setting_get_member(L.root, "format")),
		         "unknown save format %d: this Brink reads formats %d and %d", fmt, SAVE_FORMAT,
		         SAVE_FORMAT_FAC);
		goto done;
	}
	int bad = 0;
	if (!need_str(&L, L.root, "", "version"))
		bad = 1;
	const config_setting_t *game = need(&L, L.root, "", "game", CONFIG_TYPE_GROUP);
	if (!game || !need_str(&L, game, "game", "scenario"))
		bad = 1;
	const char *seed_text = need_str(&L, L.root, "", "seed");
	uint64_t seed = 0;
	if (seed_text && parse_u64(seed_text, &seed)) {
		diag_add(ds, DIAG_ERROR, path, line_of(config_setting_get_member(L.root, "seed")),
		         "'seed' is '%s': expected a decimal number below 2^64", seed_text);
		bad = 1;
	}
	if (!seed_text)
		bad = 1;
	rules = malloc(sizeof *rules);
	if (!rules || load_scenario(&L, &ct, rules) || bad)
		goto done;
	s = session_create(rules, seed);
	if (!s) {
		diag_add(ds, DIAG_ERROR, path, 0, "out of memory");
		goto done;
	}
	if (load_game(&L, s) || load_players(&L, s) || load_turns(&L, s, chk))
		goto done;
	if (load_state(&L, s)) {
		chk->bad_state = 1;
		goto done;
	}
	rc = 0;
	*out = s;
	s = NULL;
done:
	session_free(s);
	free(rules);
	config_destroy(&cfg);
	cfgtext_free(&ct);
	return rc;
}

int save_read(const char *path, struct session **out, struct diags *ds)
{
	return save_load(path, out, NULL, ds);
}
