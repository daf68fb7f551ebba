/* scenario_internal.h - what the scenario loader's files share (not for other modules).
 *
 * The loader is split by job: scenario.c (entry points, diagnostics, the
 * standard rules; pass 1, the text before libconfig, is the shared pre-pass
 * of game/base/cfgtext.c), scenario_walk.c (pass 2: the schema walk), scenario_extract.c (pass 3:
 * extraction into struct rules), scenario_write.c (the writer) and
 * scenario_catalog.c (the search path, lookup by id and the list). */
#ifndef BRINK_SCENARIO_INTERNAL_H
#define BRINK_SCENARIO_INTERNAL_H

#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>

#include "../base/cfgtext.h"
#include "../base/text.h"
#include "scenario.h"
#include "schema.h"

#define PATH_MAX_LEN 512

enum mode {
	MODE_SCENARIO, /* a scenario: every required section */
	MODE_RULES,    /* the standard rules file: no scenario sections */
	MODE_AUTO,     /* whichever the file looks like (brink check) */
	MODE_FRAGMENT, /* an include fragment on its own: no section required */
};

/* The dynamics keys, by name, onto the int16_t fields of struct dynamics. */
struct dyn_field {
	const char *name;
	size_t offset;
};

extern const struct dyn_field dyn_fields[];
#define DYN_COUNT 38

/* One load in progress. */
struct load {
	struct diags *ds;
	const char *name;    /* the top-level text's name in diagnostics */
	const char *basedir; /* folder of the standard rules; NULL: the search path */
	const struct cfgtext *ct; /* the text libconfig parsed: its line map */
	bool rules_file;     /* the standard rules file */
	bool fragment;       /* an include fragment checked alone */
	struct rules *r;     /* being filled */
	/* which keys the file set itself: the rest come from the standard rules */
	bool dyn_set[DYN_COUNT], control_set, coop_set, has_actions, has_events;
	struct scenario_src *src; /* where things were written, filled when not NULL */
	int nremove_actions, nremove_events; /* actions_remove, events_remove: how many */
	/* line of each id in the combined text, for "first defined at line N" */
	int region_line[RULES_MAX_REGIONS], action_line[RULES_MAX_ACTIONS],
		event_line[RULES_MAX_EVENTS];
};

static inline bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* scenario.c: diagnostics and loading */
/* The file and line of line RAW of the combined text (0: the top file). */
const char *load_where(const struct load *L, int raw, int *line);
int load_line(const struct load *L, int raw);
void load_diag_at(struct load *L, int level, int raw, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void load_error(struct load *L, const config_setting_t *s, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void load_warning(struct load *L, const config_setting_t *s, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
const char *near_text(const struct text_near *n, char *buf, size_t len);
int load_path(const char *path, int mode, struct rules *r, struct diags *ds, bool *is_rules);
int load_path_src(const char *path, int mode, struct rules *r, struct diags *ds, bool *is_rules,
                  struct scenario_src *src);
bool load_overflowed(const struct load *L, const config_setting_t *s);

/* scenario_walk.c: pass 2 */
const char *config_type_name(int type);
bool setting_int(const struct load *L, const config_setting_t *s, long long *v);
const char *enum_words(const char *words, char *buf, size_t len);
int enum_index(const char *words, const char *v, struct text_near *n);
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
void load_map(struct load *L, const config_setting_t *root);

#endif
