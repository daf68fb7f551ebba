/* scenario.c - scenario files (libconfig 1.5) to struct rules: the entry points.
 *
 * Loading runs in three passes, each reporting every problem it sees
 * (collected in a struct diags, never fatal):
 *   1. game/base/cfgtext.c, the pre-pass every libconfig load shares: Brink
 *      resolves @include itself (libconfig never sees one), keeps a map of
 *      lines back to files, and reports integer literals libconfig would
 *      wrap silently;
 *   2. scenario_walk.c: a walk of the tree against the schema table
 *      (schema.c): types, ranges, string lengths, required and unknown keys;
 *   3. scenario_extract.c: extraction into struct rules with the checks a
 *      table cannot do: duplicate ids, references to regions and variables,
 *      read-only variables in effects.
 * Pass 3 trusts nothing pass 2 reported: it skips values of the wrong type,
 * and any error makes the load fail, so a wrong value never escapes.
 * Sections a scenario leaves out come from the standard rules file, loaded
 * the same way in "rules" mode (no scenario sections, no named regions).
 * This file holds the diagnostics helpers, the standard rules and the
 * entry points; the writer is scenario_write.c, the search path and the
 * catalog scenario_catalog.c. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/folder.h"
#include "../base/path.h"
#include "../base/text.h"
#include "check.h"
#include "lint.h"
#include "scenario_syntax.h"
#include "scenario_internal.h"

#define DYNF(f) { #f, offsetof(struct dynamics, f) }
const struct dyn_field dyn_fields[] = {
	DYNF(mil_baseline), DYNF(mil_divisor), DYNF(dialogue_divisor), DYNF(arms_divisor),
	DYNF(cyber_divisor), DYNF(misc_threshold), DYNF(cyber_risk_divisor),
	DYNF(stability_pull), DYNF(unstable_below), DYNF(influence_step),
	DYNF(vulnerable_at), DYNF(harden_step), DYNF(force_decay), DYNF(sanctions_ap_at),
	DYNF(axis_offset_at), DYNF(cohesion_low), DYNF(cohesion_high),
	DYNF(spiral_divisor), DYNF(deter_pct), DYNF(deter_max), DYNF(member_shield),
	DYNF(credibility_start), DYNF(redline_cred), DYNF(redline_answer), DYNF(refuse_cost),
	DYNF(crisis_back_cred), DYNF(crisis_firm_cred), DYNF(crisis_stake), DYNF(crisis_firm_tension),
	DYNF(crisis_war_pct), DYNF(crisis_war_tension), DYNF(crisis_calm),
	DYNF(turn_points), DYNF(end_points), DYNF(security_divisor), DYNF(credibility_divisor),
	DYNF(war_penalty), DYNF(draw_margin),
};
_Static_assert(sizeof dyn_fields / sizeof dyn_fields[0] == DYN_COUNT, "DYN_COUNT");

/* ---- diagnostics ------------------------------------------------------ */

const char *load_where(const struct load *L, int raw, int *line)
{
	const char *f = L->ct ? cfgtext_where(L->ct, raw, line) : NULL;
	if (!f) {
		*line = raw;
		f = L->name;
	}
	if (*line < 1)
		*line = 1;
	return f;
}

int load_line(const struct load *L, int raw)
{
	int line;
	load_where(L, raw, &line);
	return line;
}

static void load_vdiag_at(struct load *L, int level, int raw, const char *fmt, va_list ap)
{
	char msg[DIAG_MSG_MAX];
	vsnprintf(msg, sizeof msg, fmt, ap);
	int line;
	const char *file = load_where(L, raw, &line);
	diag_add(L->ds, level, file, line, "%s", msg);
}

void load_diag_at(struct load *L, int level, int raw, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	load_vdiag_at(L, level, raw, fmt, ap);
	va_end(ap);
}

static void load_vdiag(struct load *L, int level, const config_setting_t *s, const char *fmt,
                       va_list ap)
{
	load_vdiag_at(L, level, s ? (int)config_setting_source_line(s) : 1, fmt, ap);
}

/* True when setting S sits on a line with a wrapped literal (already reported). */
bool load_overflowed(const struct load *L, const config_setting_t *s)
{
	return L->ct && cfgtext_wrapped(L->ct, (int)config_setting_source_line(s));
}

void load_error(struct load *L, const config_setting_t *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	load_vdiag(L, DIAG_ERROR, s, fmt, ap);
	va_end(ap);
}

void load_warning(struct load *L, const config_setting_t *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	load_vdiag(L, DIAG_WARNING, s, fmt, ap);
	va_end(ap);
}

/* Writes "; did you mean "X"?" into BUF when there is a near miss, else "". */
const char *near_text(const struct text_near *n, char *buf, size_t len)
{
	if (!n->best)
		return "";
	snprintf(buf, len, "; did you mean \"%.*s\"?", (int)n->best_len, n->best);
	return buf;
}

/* Find the standard rules for a scenario in BASEDIR (NULL: search path only). */
static int find_standard(const char *basedir, char *out, size_t len)
{
	if (basedir) {
		if (path_join(out, len, *basedir ? basedir : ".", SCENARIO_RULES_FILE) && is_file(out))
			return 0;
	}
	char dirs[FOLDER_SEARCH_MAX][FOLDER_PATH_MAX];
	int n = folder_search("scenarios", dirs);
	for (int i = 0; i < n; i++) {
		if (path_join(out, len, dirs[i], SCENARIO_RULES_FILE) && is_file(out))
			return 0;
	}
	return -1;
}

static void pos_set(struct scenario_pos *p, const char *file, int line)
{
	snprintf(p->file, sizeof p->file, "%s", file ? file : "");
	p->line = line;
}

/* Where this file wrote the things it holds, into L->src. */
static void load_src(struct load *L, const config_setting_t *root)
{
	struct scenario_src *src = L->src;
	if (!src)
		return;
	pos_set(&src->top, L->name, 1);
	int line;
	const char *file;
	for (int i = 0; i < L->r->nregions; i++) {
		file = load_where(L, L->region_line[i], &line);
		pos_set(&src->region[i], file, line);
	}
	for (int i = 0; i < L->r->nactions; i++) {
		file = load_where(L, L->action_line[i], &line);
		pos_set(&src->action[i], file, line);
	}
	for (int i = 0; i < L->r->nevents; i++) {
		file = load_where(L, L->event_line[i], &line);
		pos_set(&src->event[i], file, line);
	}
	static const char *const keys[] = { "events", "events_add", "victory" };
	src->events = src->top;
	src->victory = src->top;
	src->tension = src->top;
	const config_setting_t *t = member(member(root, "world"), "tension");
	if (t) {
		file = load_where(L, (int)config_setting_source_line(t), &line);
		pos_set(&src->tension, file, line);
	}
	for (int k = 0; k < 3; k++) {
		const config_setting_t *sec = member(root, keys[k]);
		if (!sec)
			continue;
		file = load_where(L, (int)config_setting_source_line(sec), &line);
		pos_set(k == 2 ? &src->victory : &src->events, file, line);
	}
}

/* The standard actions (or events, EVENTS true) into the scenario's: the
 * standard ones less those KEY_remove names, then the scenario's own
 * (KEY_add, already in R) replacing a standard one of the same id or added
 * after them. STD_SRC and L->src (when not NULL) follow. */
static void merge_standard(struct load *L, const config_setting_t *root, const struct rules *std,
                           const struct scenario_src *std_src, bool events)
{
	struct rules *r = L->r;
	int max = events ? RULES_MAX_EVENTS : RULES_MAX_ACTIONS;
	int nmine = events ? r->nevents : r->nactions, nstd = events ? std->nevents : std->nactions;
	size_t size = events ? sizeof(struct event) : sizeof(struct action);
	char *mine = malloc(size * (size_t)(nmine ? nmine : 1));
	struct scenario_pos *mine_pos = calloc((size_t)(nmine ? nmine : 1), sizeof *mine_pos);
	if (!mine || !mine_pos) {
		free(mine);
		free(mine_pos);
		diag_add(L->ds, DIAG_ERROR, L->name, 1, "out of memory");
		return;
	}
	char *dst = events ? (char *)r->event : (char *)r->action;
	const char *from = events ? (const char *)std->event : (const char *)std->action;
	struct scenario_pos *dpos = L->src ? (events ? L->src->event : L->src->action) : NULL;
	bool *dstd = L->src ? (events ? L->src->event_std : L->src->action_std) : NULL;
	const struct scenario_pos *spos = events ? std_src->event : std_src->action;
	memcpy(mine, dst, size * (size_t)nmine);
	if (dpos)
		memcpy(mine_pos, dpos, sizeof *mine_pos * (size_t)nmine);
	const char *kind = events ? "event" : "action";
	const config_setting_t *rm = member(root, events ? "events_remove" : "actions_remove");
	int nrm = rm ? config_setting_length(rm) : 0;
	bool removed[RULES_MAX_EVENTS] = { false };
	for (int k = 0; k < nrm; k++) {
		const config_setting_t *e = config_setting_get_elem(rm, (unsigned)k);
		const char *id = config_setting_get_string(e);
		if (!id)
			continue;
		bool found = false;
		struct text_near nr;
		text_near_start(&nr, id);
		for (int i = 0; i < nstd; i++) {
			const char *sid = from + size * (size_t)i; /* id is the first field of both */
			text_near_try_str(&nr, sid);
			if (!strcmp(sid, id))
				found = removed[i] = true;
		}
		if (!found) {
			char hint[80];
			load_error(L, e, "no standard %s \"%s\" to remove%s", kind, id,
			           near_text(&nr, hint, sizeof hint));
		}
	}
	int n = 0;
	for (int i = 0; i < nstd; i++) {
		if (removed[i])
			continue;
		memcpy(dst + size * (size_t)n, from + size * (size_t)i, size);
		if (dpos) {
			dpos[n] = spos[i];
			dstd[n] = true;
		}
		n++;
	}
	for (int k = 0; k < nmine; k++) {
		const char *id = mine + size * (size_t)k;
		int at = -1;
		for (int i = 0; i < n; i++)
			if (!strcmp(dst + size * (size_t)i, id))
				at = i;
		if (at < 0 && n >= max) {
			diag_add(L->ds, DIAG_ERROR, mine_pos[k].file[0] ? mine_pos[k].file : L->name,
			         mine_pos[k].line ? mine_pos[k].line : 1,
			         "too many %ss with the standard ones: at most %d", kind, max);
			break;
		}
		if (at < 0)
			at = n++;
		memcpy(dst + size * (size_t)at, mine + size * (size_t)k, size);
		if (dpos) {
			dpos[at] = mine_pos[k];
			dstd[at] = false;
		}
	}
	if (events)
		r->nevents = (uint8_t)n;
	else
		r->nactions = (uint8_t)n;
	free(mine);
	free(mine_pos);
}

/* Fill the sections the scenario left out from the standard rules file. */
static void load_standard(struct load *L, const config_setting_t *root)
{
	bool need = !L->has_actions || !L->has_events || !L->control_set || !L->coop_set;
	for (int i = 0; i < DYN_COUNT; i++)
		need = need || !L->dyn_set[i];
	if (!need)
		return;
	char path[PATH_MAX_LEN * 2];
	if (find_standard(L->basedir, path, sizeof path) < 0) {
		if (!L->has_actions)
			diag_add(L->ds, DIAG_ERROR, L->name, 1, "no 'actions' section, and the standard "
			         "rules file (%s) was not found next to the scenario or on the scenario path",
			         SCENARIO_RULES_FILE);
		if (!L->has_events)
			diag_add(L->ds, DIAG_ERROR, L->name, 1, "no 'events' section, and the standard "
			         "rules file (%s) was not found next to the scenario or on the scenario path",
			         SCENARIO_RULES_FILE);
		return;
	}
	struct rules *std = malloc(sizeof *std);
	struct scenario_src *std_src = calloc(1, sizeof *std_src);
	if (!std || !std_src) {
		free(std);
		free(std_src);
		diag_add(L->ds, DIAG_ERROR, L->name, 1, "out of memory");
		return;
	}
	/* load_path() fills the dynamics in the right order: defaults, then the
	 * standard file's keys; the scenario's own keys go on top below. */
	int errors = L->ds->errors;
	if (load_path_src(path, MODE_RULES, std, L->ds, NULL, std_src) < 0 && L->ds->errors == errors)
		diag_add(L->ds, DIAG_ERROR, path, 0, "cannot load the standard rules");
	struct rules *r = L->r;
	if (!L->has_actions)
		merge_standard(L, root, std, std_src, false);
	if (!L->has_events)
		merge_standard(L, root, std, std_src, true);
	for (int i = 0; i < DYN_COUNT; i++)
		if (!L->dyn_set[i])
			memcpy((char *)&r->dyn + dyn_fields[i].offset,
			       (const char *)&std->dyn + dyn_fields[i].offset, sizeof(int16_t));
	if (!L->control_set)
		r->victory.control = std->victory.control;
	if (!L->coop_set)
		r->victory.cooperative = std->victory.cooperative;
	free(std);
	free(std_src);
}

/* ---- loading ------------------------------------------------------------ */

static bool root_has_any(const config_setting_t *root, const char *const *keys)
{
	for (; *keys; keys++)
		if (config_setting_get_member(root, *keys))
			return true;
	return false;
}

/* Passes 2 and 3 on the parsed ROOT (a group) of the text CT. */
static int load_root(const config_setting_t *root, const struct cfgtext *ct, const char *name,
                     const char *basedir, int mode, struct rules *r, struct diags *ds,
                     bool *is_rules, struct scenario_src *src)
{
	int errors0 = ds->errors;
	struct load *L = calloc(1, sizeof *L);
	if (!L) {
		diag_add(ds, DIAG_ERROR, name, 0, "out of memory");
		return -1;
	}
	L->ds = ds;
	L->name = name;
	L->basedir = basedir;
	L->ct = ct;
	L->r = r;
	L->src = src;
	static const char *const scenario_keys[] = { "scenario", "sides", "world", "regions", NULL };
	static const char *const rules_keys[] = { "actions", "events", "dynamics", "victory", NULL };
	if (mode == MODE_AUTO)
		mode = !root_has_any(root, scenario_keys) && root_has_any(root, rules_keys) ? MODE_RULES
		                                                                            : MODE_SCENARIO;
	L->rules_file = mode == MODE_RULES;
	L->fragment = mode == MODE_FRAGMENT;
	if (is_rules)
		*is_rules = L->rules_file;
	if (config_setting_length(root) == 0 && !L->fragment) {
		diag_add(ds, DIAG_ERROR, name, 1, "no settings: this is not a scenario file (it needs "
		         "format = 1; and the sections scenario, sides, world, regions)");
		goto done;
	}
	walk_group(L, root, "");
	if (!L->rules_file) {
		if (!L->fragment || member(root, "scenario"))
			load_meta(L, root);
		load_regions(L, root);
		load_map(L, root);
	}
	load_actions(L, root);
	load_events(L, root);
	load_dynamics(L, root);
	load_src(L, root);
	if (!L->rules_file && !L->fragment) {
		load_standard(L, root);
		for (int s = 0; s < SIDE_COUNT; s++) {
			bool any = false;
			for (int a = 0; a < r->nactions; a++)
				any = any || rules_action_for_side(r, a, s);
			if (!any && ds->errors == errors0)
				diag_add(ds, DIAG_WARNING, name, 1, "%s has no action it may order",
				         side_id(s));
		}
	}
done:
	free(L);
	rules_prepare(r);
	return ds->errors > errors0 ? -1 : 0;
}

#define SYNTAX_REPAIRS_MAX 10 /* syntax faults repaired to check the rest, at most */

/* Parse the pre-passed text CT with libconfig, then passes 2 and 3. A
 * syntax error is worded by scenario_syntax.c (what was expected, at the
 * line of the fault); when it has an obvious repair (a missing ',', '=' or
 * bracket, a ',' too many), the repaired text is parsed again so the rest
 * of the file is checked too. The load fails all the same. */
static int load_text(const struct cfgtext *ct, const char *name, const char *basedir, int mode,
                     struct rules *r, struct diags *ds, bool *is_rules, struct scenario_src *src)
{
	config_t cf;
	config_init(&cf);
	int rc = -1, repairs = 0;
	char *fixed = NULL;
	const char *text = ct->text;
	bool bad = false;
	while (!config_read_string(&cf, text)) {
		bad = true;
		const char *msg = config_error_text(&cf);
		if (msg && !strcmp(msg, "memory exhausted"))
			msg = "nesting too deep";
		int lc_line = config_error_line(&cf), line;
		struct syntax_fault sf;
		bool dup = msg && !strcmp(msg, "duplicate setting name");
		bool mine = msg && (!strcmp(msg, "syntax error") || dup) && syntax_check(text, &sf) < 0 &&
		            sf.line <= lc_line;
		const char *file = cfgtext_where(ct, mine ? sf.line : lc_line, &line);
		if (mine && !strncmp(sf.msg, "duplicate", 9)) {
			/* "first set at line N" is a line of the combined text: say the file's */
			char *at = strstr(sf.msg, "(first set at line ");
			int first = at ? atoi(at + 19) : 0, fline = 0;
			const char *ffile = cfgtext_where(ct, first, &fline);
			if (at)
				*at = '\0';
			bool same = ffile && file && !strcmp(ffile, file);
			diag_add(ds, DIAG_ERROR, file ? file : name, line, "%s(first set at %s%s%d)", sf.msg,
			         same ? "" : ffile ? ffile : "", same ? "line " : ":", fline);
		} else if (mine)
			diag_add(ds, DIAG_ERROR, file ? file : name, line, "syntax error: %s", sf.msg);
		else
			diag_add(ds, DIAG_ERROR, file ? file : name, line, "%s", msg ? msg : "cannot parse");
		if (!mine || sf.fix == SYNTAX_FIX_NONE || ++repairs > SYNTAX_REPAIRS_MAX)
			goto done;
		size_t len = strlen(text), ins = sf.fix == SYNTAX_FIX_INSERT ? strlen(sf.insert) : 0;
		char *next = malloc(len + ins + 1);
		if (!next || sf.pos > len)
			goto done_free;
		memcpy(next, text, sf.pos);
		if (sf.fix == SYNTAX_FIX_INSERT) {
			memcpy(next + sf.pos, sf.insert, ins);
			memcpy(next + sf.pos + ins, text + sf.pos, len - sf.pos + 1);
		} else {
			next[sf.pos] = ' '; /* the byte deleted, the columns kept */
			memcpy(next + sf.pos + 1, text + sf.pos + 1, len - sf.pos);
		}
		free(fixed);
		fixed = next;
		text = fixed;
		config_destroy(&cf);
		config_init(&cf);
		continue;
done_free:
		free(next);
		goto done;
	}
	rc = load_root(config_root_setting(&cf), ct, name, basedir, mode, r, ds, is_rules, src);
	if (bad)
		rc = -1;
done:
	config_destroy(&cf);
	free(fixed);
	return rc;
}

int load_path(const char *path, int mode, struct rules *r, struct diags *ds, bool *is_rules)
{
	return load_path_src(path, mode, r, ds, is_rules, NULL);
}

int load_path_src(const char *path, int mode, struct rules *r, struct diags *ds, bool *is_rules,
                  struct scenario_src *src)
{
	memset(r, 0, sizeof *r);
	rules_defaults(r);
	struct cfgtext ct;
	int rc = -1;
	if (cfgtext_read(&ct, path, SCENARIO_FILE_MAX, CFGTEXT_INCLUDES, ds) == 0) {
		char dir[PATH_MAX_LEN];
		path_dir(path, dir, sizeof dir);
		rc = load_text(&ct, path, dir, mode, r, ds, is_rules, src);
	}
	cfgtext_free(&ct);
	return rc;
}

int scenario_load(const char *path, struct rules *r, struct diags *ds)
{
	struct diags *own = ds ? NULL : diags_new();
	if (!ds && !own)
		return -1;
	int rc = load_path(path, MODE_SCENARIO, r, ds ? ds : own, NULL);
	diags_free(own);
	return rc;
}

int scenario_check(const char *path, struct diags *ds, bool *is_rules)
{
	struct rules *r = malloc(sizeof *r);
	struct scenario_src *src = calloc(1, sizeof *src);
	if (!r || !src) {
		free(r);
		free(src);
		diag_add(ds, DIAG_ERROR, path, 0, "out of memory");
		return -1;
	}
	bool rules = false;
	int rc = load_path_src(path, MODE_AUTO, r, ds, &rules, src);
	/* A scenario that loads gets the second look: legal, but surely not meant.
	 * So does one with errors, when it was read (repaired, if need be) to its
	 * regions and rules: the author sees every problem in one run. */
	if (!rules && r->nregions > 0 && r->nactions > 0)
		scenario_lint(r, src, ds);
	if (is_rules)
		*is_rules = rules;
	free(r);
	free(src);
	return rc;
}

int scenario_check_fragment(const char *path, struct diags *ds)
{
	struct rules *r = malloc(sizeof *r);
	if (!r) {
		diag_add(ds, DIAG_ERROR, path, 0, "out of memory");
		return -1;
	}
	int rc = load_path(path, MODE_FRAGMENT, r, ds, NULL);
	free(r);
	return rc;
}

int scenario_load_string(const char *text, const char *name, const char *basedir,
                         struct rules *r, struct diags *ds)
{
	struct diags *own = ds ? NULL : diags_new();
	if (!ds && !own)
		return -1;
	if (!name)
		name = "<string>";
	memset(r, 0, sizeof *r);
	rules_defaults(r);
	struct cfgtext ct;
	int rc = -1;
	if (cfgtext_string(&ct, text, name, basedir, SCENARIO_FILE_MAX, CFGTEXT_INCLUDES,
	                   ds ? ds : own) == 0)
		rc = load_text(&ct, name, basedir, MODE_SCENARIO, r, ds ? ds : own, NULL, NULL);
	cfgtext_free(&ct);
	diags_free(own);
	return rc;
}

int scenario_load_setting(const struct config_setting_t *group, const struct cfgtext *ct,
                          const char *name, struct rules *r, struct diags *ds)
{
	memset(r, 0, sizeof *r);
	rules_defaults(r);
	if (!group || config_setting_type(group) != CONFIG_TYPE_GROUP) {
		diag_add(ds, DIAG_ERROR, name, 0, "no scenario group");
		return -1;
	}
	return load_root(group, ct, name, NULL, MODE_SCENARIO, r, ds, NULL, NULL);
}
