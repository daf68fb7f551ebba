/* scenario_internal.h - what the scenario loader's files share (not for other modules).
 *
 * The loader is split by job: scenario.c (entry points, diagnostics, the
 * standard rules), scenario_lex.c (pass 1: the text before libconfig),
 * scenario_walk.c (pass 2: the schema walk), scenario_extract.c (pass 3:
 * extraction into struct rules), scenario_write.c (the writer) and
 * scenario_catalog.c (the search path, lookup by id and the list). */
#ifndef BRINK_SCENARIO_INTERNAL_H
#define BRINK_SCENARIO_INTERNAL_H

#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>

#include "scenario.h"
#include "schema.h"

#ifndef BRINK_DATADIR
#define BRINK_DATADIR "/usr/local/share/brink"
#endif

#define INCLUDE_DEPTH_MAX 10 /* libconfig's own limit; guards an include of itself */
#define OVERFLOW_MAX 64
#define PATH_MAX_LEN 512
#define SEARCH_DIRS 3

enum mode { MODE_SCENARIO, MODE_RULES, MODE_AUTO };

/* A line holding an integer literal libconfig wraps: reported once, and
 * range checks of settings on that line are skipped. */
struct overflow {
	char file[DIAG_FILE_MAX]; /* libconfig's source file name; "" for the top level */
	int line;
};

/* The dynamics keys, by name, onto the int16_t fields of struct dynamics. */
struct dyn_field {
	const char *name;
	size_t offset;
};

extern const struct dyn_field dyn_fields[];
#define DYN_COUNT 17

/* One load in progress. */
struct load {
	struct diags *ds;
	const char *name;    /* the top-level text's name in diagnostics */
	const char *basedir; /* folder of @include and the standard rules; NULL: cwd */
	bool rules_file;     /* the standard rules file */
	struct rules *r;     /* being filled */
	int nov;             /* wrapped literals found by pass 1 */
	struct overflow ov[OVERFLOW_MAX];
	/* which keys the file set itself: the rest come from the standard rules */
	bool dyn_set[DYN_COUNT], control_set, coop_set, has_actions, has_events;
	bool include_bad; /* an @include names something libconfig must not read */
	/* line of each id, for "first defined at line N" */
	int region_line[RULES_MAX_REGIONS], action_line[RULES_MAX_ACTIONS],
		event_line[RULES_MAX_EVENTS];
	char where[DIAG_FILE_MAX]; /* scratch for a file name */
};

/* A suggester: keeps the closest candidate to WORD. */
struct near {
	const char *word;
	const char *best;
	int dist;
};

static inline bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* scenario.c: diagnostics and loading */
const char *load_file(struct load *L, const char *src);
void load_error(struct load *L, const config_setting_t *s, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void load_warning(struct load *L, const config_setting_t *s, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int edit_distance(const char *a, const char *b);
void near_try(struct near *n, const char *cand);
const char *near_text(const struct near *n, char *buf, size_t len);
int load_path(const char *path, int mode, struct rules *r, struct diags *ds, bool *is_rules);
void path_dir(const char *path, char *dir, size_t len);

/* scenario_lex.c: pass 1 */
char *file_read(const char *path, size_t *len, int *err);
void scan_ints(struct load *L, const char *text, size_t len, const char *src, int depth);
bool load_overflowed(const struct load *L, const config_setting_t *s);

/* scenario_walk.c: pass 2 */
const char *config_type_name(int type);
bool setting_int(const struct load *L, const config_setting_t *s, long long *v);
const char *enum_words(const char *words, char *buf, size_t len);
int enum_index(const char *words, const char *v, struct near *n);
void walk_group(struct load *L, const config_setting_t *g, const char *path);

/* scenario_extract.c: pass 3 */
const config_setting_t *member(const config_setting_t *g, const char *key);
const char *get_str(const config_setting_t *g, const char *key, const char *def);
void copy_str(char *dst, size_t n, const char *src);
void load_meta(struct load *L, const config_setting_t *root);
void load_regions(struct load *L, const config_setting_t *root);
void load_actions(struct load *L, const config_setting_t *root);
void load_events(struct load *L, const config_setting_t *root);
void load_dynamics(struct load *L, const config_setting_t *root);

/* scenario_catalog.c: the search path */
bool is_file(const char *path);
bool path_join(char *out, size_t len, const char *a, const char *b);
int search_dirs(char dirs[SEARCH_DIRS][PATH_MAX_LEN]);

#endif
