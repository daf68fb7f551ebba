/* scenario_extract.c - pass 3 of a scenario load: the tree into struct rules.
 *
 * The checks a table cannot do: duplicate ids, references to regions and
 * variables, read-only variables in effects. Trusts nothing pass 2
 * reported: values of the wrong type are skipped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/path.h"
#include "mapart.h"
#include "scenario_internal.h"

const config_setting_t *member(const config_setting_t *g, const char *key)
{
	return g && config_setting_type(g) == CONFIG_TYPE_GROUP ? config_setting_get_member(g, key)
	                                                         : NULL;
}

static long long get_int(const struct load *L, const config_setting_t *g, const char *key,
                         long long def)
{
	long long v;
	if (!setting_int(L, member(g, key), &v))
		return def;
	return v < -100000 ? -100000 : v > 100000 ? 100000 : v;
}

const char *get_str(const config_setting_t *g, const char *key, const char *def)
{
	const config_setting_t *s = member(g, key);
	return s && config_setting_type(s) == CONFIG_TYPE_STRING ? config_setting_get_string(s) : def;
}

static bool get_bool(const config_setting_t *g, const char *key, bool def)
{
	const config_setting_t *s = member(g, key);
	return s && config_setting_type(s) == CONFIG_TYPE_BOOL ? config_setting_get_bool(s) != 0 : def;
}

/* Copy at most N-1 bytes (too-long strings were reported by pass 2). */
void copy_str(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

/* Elements of list KEY of G, or 0 when it is missing or not a list. */
static int list_len(const config_setting_t *g, const char *key, const config_setting_t **list)
{
	*list = member(g, key);
	if (!*list || (config_setting_type(*list) != CONFIG_TYPE_LIST &&
	               config_setting_type(*list) != CONFIG_TYPE_ARRAY))
		return 0;
	return config_setting_length(*list);
}

void load_meta(struct load *L, const config_setting_t *root)
{
	struct rules *r = L->r;
	const config_setting_t *sc = member(root, "scenario");
	copy_str(r->id, sizeof r->id, get_str(sc, "id", ""));
	copy_str(r->title, sizeof r->title, get_str(sc, "title", ""));
	copy_str(r->summary, sizeof r->summary, get_str(sc, "summary", ""));
	copy_str(r->note, sizeof r->note, get_str(sc, "note", ""));
	const config_setting_t *start = member(sc, "start");
	r->start_year = (int16_t)get_int(L, start, "year", 2025);
	r->start_quarter = (uint8_t)get_int(L, start, "quarter", 1);
	r->turns = (uint8_t)get_int(L, sc, "turns", 1);
	const config_setting_t *sides = member(root, "sides");
	for (int s = 0; s < SIDE_COUNT; s++) {
		const config_setting_t *sd = member(sides, side_id(s));
		copy_str(r->side[s].name, sizeof r->side[s].name, get_str(sd, "name", side_id(s)));
		r->side[s].ap = (uint8_t)get_int(L, sd, "ap", 1);
	}
	const config_setting_t *world = member(root, "world");
	for (int v = 0; v < VAR_WORLD_END; v++)
		r->start_world[v] = (int16_t)get_int(L, world, var_info[v].name, 0);
}

static bool world_id_clash(const char *id)
{
	if (!strcmp(id, "target"))
		return true;
	enum var v = var_lookup(id);
	return v != VAR_NONE && !var_info[v].region;
}

void load_regions(struct load *L, const config_setting_t *root)
{
	struct rules *r = L->r;
	const config_setting_t *list;
	int n = list_len(root, "regions", &list);
	for (int i = 0; i < n && r->nregions < RULES_MAX_REGIONS; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		if (config_setting_type(g) != CONFIG_TYPE_GROUP)
			continue;
		struct region_info *ri = &r->region[r->nregions];
		const char *id = get_str(g, "id", "");
		const config_setting_t *ids = member(g, "id");
		int dup = *id ? rules_region_find(r, id) : -1;
		if (dup >= 0)
			load_error(L, ids, "duplicate region id \"%s\" (first defined at line %d)", id,
			           load_line(L, L->region_line[dup]));
		else if (world_id_clash(id))
			load_error(L, ids, "region id \"%s\" is taken by %s", id,
			           strcmp(id, "target") ? "a world variable" : "target.VAR references");
		L->region_line[r->nregions] = (int)config_setting_source_line(g);
		copy_str(ri->id, sizeof ri->id, id);
		copy_str(ri->name, sizeof ri->name, get_str(g, "name", ""));
		copy_str(ri->short_name, sizeof ri->short_name, get_str(g, "short", ""));
		ri->value = (uint8_t)get_int(L, g, "value", 1);
		ri->borders_russia = get_bool(g, "borders_russia", false);
		int16_t *st = ri->start;
		st[VAR_NATO_FORCES - VAR_WORLD_END] = (int16_t)get_int(L, g, "nato_forces", 0);
		st[VAR_RUSSIA_FORCES - VAR_WORLD_END] = (int16_t)get_int(L, g, "russia_forces", 0);
		st[VAR_ALIGNMENT - VAR_WORLD_END] = (int16_t)get_int(L, g, "alignment", 0);
		st[VAR_STABILITY - VAR_WORLD_END] = (int16_t)get_int(L, g, "stability", 50);
		int m = var_enum_lookup(VAR_MEMBER, get_str(g, "member", "none"));
		int c = var_enum_lookup(VAR_CONFLICT, get_str(g, "conflict", "none"));
		st[VAR_MEMBER - VAR_WORLD_END] = (int16_t)(m < 0 ? 0 : m);
		st[VAR_CONFLICT - VAR_WORLD_END] = (int16_t)(c < 0 ? 0 : c);
		r->nregions++;
	}
	/* borders, once every id is known */
	for (int i = 0, ri = 0; i < n && ri < r->nregions; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		if (config_setting_type(g) != CONFIG_TYPE_GROUP)
			continue;
		const config_setting_t *b;
		int nb = list_len(g, "borders", &b);
		for (int j = 0; j < nb; j++) {
			const config_setting_t *e = config_setting_get_elem(b, (unsigned)j);
			if (config_setting_type(e) != CONFIG_TYPE_STRING)
				continue;
			const char *id = config_setting_get_string(e);
			int k = rules_region_find(r, id);
			if (k < 0) {
				struct text_near nr;
				text_near_start(&nr, id);
				for (int x = 0; x < r->nregions; x++)
					text_near_try_str(&nr, r->region[x].id);
				char hint[80];
				load_error(L, e, "unknown region \"%s\" in borders%s", id,
				           near_text(&nr, hint, sizeof hint));
			} else if (k == ri) {
				load_error(L, e, "region \"%s\" cannot border itself", id);
			} else {
				r->region[ri].borders |= 1u << k;
			}
		}
		ri++;
	}
	for (int i = 0; i < r->nregions; i++)
		for (int k = 0; k < r->nregions; k++)
			if ((r->region[i].borders >> k & 1) && !(r->region[k].borders >> i & 1))
				load_diag_at(L, DIAG_WARNING, L->region_line[k] ? L->region_line[k] : 1,
				         "region \"%s\" borders \"%s\", but \"%s\" does not list \"%s\" in its borders",
				         r->region[i].id, r->region[k].id, r->region[k].id, r->region[i].id);
}

/* Parse the reference in setting S (var = "..."). WRITE: for an effect;
 * TARGET_OK: target.VAR allowed. Returns 0, or -1 after reporting. */
static int load_ref(struct load *L, const config_setting_t *s, bool write, bool target_ok,
                    struct varref *ref)
{
	if (!s || config_setting_type(s) != CONFIG_TYPE_STRING)
		return -1; /* reported by pass 2 */
	const char *text = config_setting_get_string(s);
	const char *dot = strchr(text, '.');
	char hint[80];
	enum var v;
	*ref = (struct varref){ SCOPE_WORLD, 0, RULES_NO_REGION };
	if (!dot) {
		v = var_lookup(text);
		if (v != VAR_NONE && var_info[v].region) {
			load_error(L, s, "\"%s\" is a region variable: write target.%s or REGION.%s", text,
			           text, text);
			return -1;
		}
		if (v == VAR_NONE) {
			struct text_near nr;
			text_near_start(&nr, text);
			for (int i = 0; i < VAR_WORLD_END; i++)
				text_near_try_str(&nr, var_info[i].name);
			load_error(L, s, "unknown variable \"%s\"%s", text, near_text(&nr, hint, sizeof hint));
			return -1;
		}
	} else {
		char prefix[RULES_ID_MAX + 8];
		size_t plen = (size_t)(dot - text);
		if (plen >= sizeof prefix)
			plen = sizeof prefix - 1;
		memcpy(prefix, text, plen);
		prefix[plen] = '\0';
		const char *name = dot + 1;
		v = var_lookup(name);
		if (v == VAR_NONE || !var_info[v].region) {
			struct text_near nr;
			text_near_start(&nr, name);
			for (int i = VAR_WORLD_END; i < VAR_COUNT; i++)
				if (var_info[i].region)
					text_near_try_str(&nr, var_info[i].name);
			load_error(L, s, "unknown region variable \"%s\" in \"%s\"%s", name, text,
			           near_text(&nr, hint, sizeof hint));
			return -1;
		}
		if (!strcmp(prefix, "target")) {
			if (!target_ok) {
				load_error(L, s, "\"%s\": target.VAR needs target = \"region\" (this one "
				           "targets the world)", text);
				return -1;
			}
			ref->scope = SCOPE_TARGET;
		} else if (L->rules_file) {
			load_error(L, s, "\"%s\": the standard rules cannot name a region (scenarios have "
			           "different regions); use target.%s", text, name);
			return -1;
		} else if (L->fragment && L->r->nregions == 0) {
			/* a fragment without regions: they are in the file that includes it */
			ref->scope = SCOPE_REGION;
			ref->region = RULES_NO_REGION;
		} else {
			int ri = rules_region_find(L->r, prefix);
			if (ri < 0) {
				struct text_near nr;
				text_near_start(&nr, prefix);
				for (int x = 0; x < L->r->nregions; x++)
					text_near_try_str(&nr, L->r->region[x].id);
				load_error(L, s, "unknown region \"%s\" in \"%s\"%s", prefix, text,
				           near_text(&nr, hint, sizeof hint));
				return -1;
			}
			ref->scope = SCOPE_REGION;
			ref->region = (uint8_t)ri;
		}
	}
	if (write && !var_info[v].writable) {
		load_error(L, s, "\"%s\" is read-only: effects cannot change %s", text, var_info[v].name);
		return -1;
	}
	ref->var = (uint8_t)v;
	return 0;
}

static const char *enum_list(enum var v, char *buf, size_t len)
{
	size_t o = 0;
	buf[0] = '\0';
	for (int i = 0; var_info[v].enum_names[i] && o + 8 < len; i++)
		o += (size_t)snprintf(buf + o, len - o, "%s\"%s\"", i ? ", " : "",
		                      var_info[v].enum_names[i]);
	return buf;
}

static int load_cond(struct load *L, const config_setting_t *g, bool target_ok, struct cond *c)
{
	if (load_ref(L, member(g, "var"), false, target_ok, &c->ref) < 0)
		return -1;
	const struct var_info *vi = &var_info[c->ref.var];
	const config_setting_t *is = member(g, "is"), *mn = member(g, "min"), *mx = member(g, "max");
	char words[80];
	if (is) {
		if (!vi->enum_names) {
			load_error(L, is, "'is' is only for member and conflict; use min and max for %s",
			           vi->name);
			return -1;
		}
		if (mn || mx) {
			load_error(L, is, "a condition has either 'is' or min/max, not both");
			return -1;
		}
		if (config_setting_type(is) != CONFIG_TYPE_STRING)
			return -1;
		int e = var_enum_lookup((enum var)c->ref.var, config_setting_get_string(is));
		if (e < 0) {
			load_error(L, is, "%s \"%s\" is unknown; expected one of %s", vi->name,
			           config_setting_get_string(is), enum_list((enum var)c->ref.var, words, sizeof words));
			return -1;
		}
		c->min = c->max = (int16_t)e;
		return 0;
	}
	if (!mn && !mx) {
		load_error(L, g, "a condition needs min, max or is");
		return -1;
	}
	long long lo = vi->min, hi = vi->max;
	int bad = 0;
	if (mn && setting_int(L, mn, &lo) && (lo < vi->min || lo > vi->max)) {
		load_error(L, mn, "min %lld is outside %s's range %d..%d", lo, vi->name, vi->min, vi->max);
		bad = -1;
	}
	if (mx && setting_int(L, mx, &hi) && (hi < vi->min || hi > vi->max)) {
		load_error(L, mx, "max %lld is outside %s's range %d..%d", hi, vi->name, vi->min, vi->max);
		bad = -1;
	}
	if (!bad && lo > hi) {
		load_error(L, mx ? mx : g, "min %lld is above max %lld: the condition never holds", lo, hi);
		bad = -1;
	}
	c->min = (int16_t)(lo < -1000 ? -1000 : lo > 2200 ? 2200 : lo);
	c->max = (int16_t)(hi < -1000 ? -1000 : hi > 2200 ? 2200 : hi);
	return bad;
}

static int load_effect(struct load *L, const config_setting_t *g, bool target_ok, struct effect *e)
{
	if (load_ref(L, member(g, "var"), true, target_ok, &e->ref) < 0)
		return -1;
	const struct var_info *vi = &var_info[e->ref.var];
	const config_setting_t *add = member(g, "add"), *set = member(g, "set");
	char words[80];
	long long v;
	if (add && set) {
		load_error(L, set, "an effect has either add or set, not both");
		return -1;
	}
	if (!add && !set) {
		load_error(L, g, "an effect needs add or set");
		return -1;
	}
	if (add) {
		e->op = EFFECT_ADD;
		if (vi->enum_names) {
			load_error(L, add, "%s cannot be added to; use set = %s", vi->name,
			           enum_list((enum var)e->ref.var, words, sizeof words));
			return -1;
		}
		if (!setting_int(L, add, &v))
			return -1;
		int span = vi->max - vi->min;
		if (v < -span || v > span) {
			load_error(L, add, "add %lld is beyond %s's range (at most -%d..%d)", v, vi->name,
			           span, span);
			return -1;
		}
		e->value = (int16_t)v;
		return 0;
	}
	e->op = EFFECT_SET;
	if (vi->enum_names) {
		if (config_setting_type(set) != CONFIG_TYPE_STRING) {
			load_error(L, set, "set for %s must be one of %s", vi->name,
			           enum_list((enum var)e->ref.var, words, sizeof words));
			return -1;
		}
		int x = var_enum_lookup((enum var)e->ref.var, config_setting_get_string(set));
		if (x < 0) {
			load_error(L, set, "%s \"%s\" is unknown; expected one of %s", vi->name,
			           config_setting_get_string(set),
			           enum_list((enum var)e->ref.var, words, sizeof words));
			return -1;
		}
		e->value = (int16_t)x;
		return 0;
	}
	if (config_setting_type(set) == CONFIG_TYPE_STRING) {
		load_error(L, set, "set for %s must be an integer, not a string", vi->name);
		return -1;
	}
	if (!setting_int(L, set, &v))
		return -1;
	if (v < vi->min || v > vi->max) {
		load_error(L, set, "set %lld is outside %s's range %d..%d", v, vi->name, vi->min, vi->max);
		return -1;
	}
	e->value = (int16_t)v;
	return 0;
}

/* Load list KEY of G as conditions into C (at most MAX); returns the count. */
static uint8_t load_conds(struct load *L, const config_setting_t *g, const char *key,
                          bool target_ok, struct cond *c, int max)
{
	const config_setting_t *list;
	int n = list_len(g, key, &list), k = 0;
	for (int i = 0; i < n && k < max; i++) {
		const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		if (config_setting_type(e) == CONFIG_TYPE_GROUP && load_cond(L, e, target_ok, &c[k]) == 0)
			k++;
	}
	return (uint8_t)k;
}

static uint8_t load_effects(struct load *L, const config_setting_t *g, const char *key,
                            bool target_ok, struct effect *ef, int max)
{
	const config_setting_t *list;
	int n = list_len(g, key, &list), k = 0;
	for (int i = 0; i < n && k < max; i++) {
		const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		if (config_setting_type(e) == CONFIG_TYPE_GROUP && load_effect(L, e, target_ok, &ef[k]) == 0)
			k++;
	}
	return (uint8_t)k;
}

void load_actions(struct load *L, const config_setting_t *root)
{
	struct rules *r = L->r;
	const config_setting_t *list;
	L->has_actions = member(root, "actions") != NULL;
	const char *key = "actions";
	const config_setting_t *add = member(root, "actions_add"), *rm = member(root, "actions_remove");
	if (L->has_actions && (add || rm))
		load_error(L, add ? add : rm, "'%s' extends the standard actions: with an 'actions' "
		           "section of your own, write every action there", add ? "actions_add" : "actions_remove");
	else if (add)
		key = "actions_add";
	int n = list_len(root, key, &list);
	for (int i = 0; i < n && r->nactions < RULES_MAX_ACTIONS; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		if (config_setting_type(g) != CONFIG_TYPE_GROUP)
			continue;
		struct action *a = &r->action[r->nactions];
		const char *id = get_str(g, "id", "");
		int dup = *id ? rules_action_find(r, id) : -1;
		if (dup >= 0)
			load_error(L, member(g, "id"), "duplicate action id \"%s\" (first defined at line %d)",
			           id, load_line(L, L->action_line[dup]));
		L->action_line[r->nactions] = (int)config_setting_source_line(g);
		copy_str(a->id, sizeof a->id, id);
		copy_str(a->name, sizeof a->name, get_str(g, "name", ""));
		copy_str(a->help, sizeof a->help, get_str(g, "help", ""));
		int side = side_parse(get_str(g, "side", "both"));
		a->side = (uint8_t)(side < 0 ? SIDE_BOTH : side);
		a->target = !strcmp(get_str(g, "target", "world"), "region") ? TARGET_REGION : TARGET_WORLD;
		a->cost = (uint8_t)get_int(L, g, "cost", 0);
		bool tgt = a->target == TARGET_REGION;
		a->nrequires = load_conds(L, g, "requires", tgt, a->requires, RULES_MAX_CONDS);
		a->neffects = load_effects(L, g, "effects", tgt, a->effects, RULES_MAX_EFFECTS);
		const config_setting_t *agreed = member(g, "agreed");
		if (agreed && side >= 0 && side != SIDE_BOTH)
			load_error(L, agreed, "'agreed' is only for side = \"both\" actions: an agreement "
			           "needs both sides to order it");
		else
			a->nagreed = load_effects(L, g, "agreed", tgt, a->agreed, RULES_MAX_EFFECTS);
		r->nactions++;
	}
}

void load_events(struct load *L, const config_setting_t *root)
{
	struct rules *r = L->r;
	const config_setting_t *list;
	L->has_events = member(root, "events") != NULL;
	const char *key = "events";
	const config_setting_t *add = member(root, "events_add"), *rm = member(root, "events_remove");
	if (L->has_events && (add || rm))
		load_error(L, add ? add : rm, "'%s' extends the standard events: with an 'events' "
		           "section of your own, write every event there", add ? "events_add" : "events_remove");
	else if (add)
		key = "events_add";
	int n = list_len(root, key, &list);
	for (int i = 0; i < n && r->nevents < RULES_MAX_EVENTS; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		if (config_setting_type(g) != CONFIG_TYPE_GROUP)
			continue;
		struct event *ev = &r->event[r->nevents];
		const char *id = get_str(g, "id", "");
		int dup = *id ? rules_event_find(r, id) : -1;
		if (dup >= 0)
			load_error(L, member(g, "id"), "duplicate event id \"%s\" (first defined at line %d)",
			           id, load_line(L, L->event_line[dup]));
		L->event_line[r->nevents] = (int)config_setting_source_line(g);
		copy_str(ev->id, sizeof ev->id, id);
		copy_str(ev->title, sizeof ev->title, get_str(g, "title", ""));
		copy_str(ev->text, sizeof ev->text, get_str(g, "text", ""));
		const char *kind = get_str(g, "kind", "event");
		ev->kind = !strcmp(kind, "incident")    ? EVENT_INCIDENT
		           : !strcmp(kind, "scheduled") ? EVENT_SCHEDULED
		                                        : EVENT_EVENT;
		ev->target = !strcmp(get_str(g, "target", "world"), "region") ? TARGET_REGION : TARGET_WORLD;
		ev->weight = (uint8_t)get_int(L, g, "weight", 1);
		ev->once = get_bool(g, "once", false);
		bool tgt = ev->target == TARGET_REGION;
		ev->nwhen = load_conds(L, g, "when", tgt, ev->when, RULES_MAX_CONDS);
		ev->neffects = load_effects(L, g, "effects", tgt, ev->effects, RULES_MAX_EFFECTS);
		r->nevents++;
	}
}

void load_dynamics(struct load *L, const config_setting_t *root)
{
	const config_setting_t *dyn = member(root, "dynamics");
	for (int i = 0; i < DYN_COUNT; i++) {
		long long v;
		if (setting_int(L, member(dyn, dyn_fields[i].name), &v) && v >= 0 && v <= 1000) {
			int16_t *f = (int16_t *)((char *)&L->r->dyn + dyn_fields[i].offset);
			*f = (int16_t)v;
			L->dyn_set[i] = true;
		}
	}
	const config_setting_t *vic = member(root, "victory");
	long long v;
	if (setting_int(L, member(vic, "control"), &v) && v >= 1 && v <= 100) {
		L->r->victory.control = (int16_t)v;
		L->control_set = true;
	}
	const config_setting_t *coop = member(vic, "cooperative");
	if (coop && config_setting_type(coop) == CONFIG_TYPE_BOOL) {
		L->r->victory.cooperative = config_setting_get_bool(coop) != 0;
		L->coop_set = true;
	}
}

/* One art file of the map section: resolved beside the scenario first, then
 * in the assets folders; its mistakes reported at ART:LINE. Art beside the
 * scenario is its own, so an anchor naming no region of it is a warning;
 * shared art in the assets folders names regions of many scenarios. */
static void load_art(struct load *L, const config_setting_t *map, const char *key, char *out,
                     size_t outlen)
{
	const config_setting_t *s = member(map, key);
	const char *name = get_str(map, key, "");
	if (!s || !*name)
		return;
	char path[PATH_MAX_LEN * 2];
	bool own = false;
	bool here = !L->basedir || !*L->basedir || !strcmp(L->basedir, ".");
	if (name[0] != '/' && (here ? snprintf(path, sizeof path, "%s", name) < (int)sizeof path
	                            : path_join(path, sizeof path, L->basedir, name)) && is_file(path))
		own = true;
	else if (map_art_find(name, path, sizeof path) == 0)
		own = strchr(name, '/') != NULL;
	else {
		load_warning(L, s, "map art \"%s\" not found beside the scenario (in %s) nor in the "
		             "assets folders; the map is laid out from the borders", name,
		             L->basedir && *L->basedir ? L->basedir : ".");
		return;
	}
	/* Own art is kept as an absolute path: a save (which holds the rules)
	 * finds it again from any working folder. */
	char *abs = own ? realpath(path, NULL) : NULL;
	const char *keep = abs && strlen(abs) < outlen ? abs : own ? path : name;
	size_t klen = strlen(keep);
	if (klen >= outlen) {
		load_error(L, s, "map art path \"%s\" is too long (at most %zu bytes)", keep, outlen - 1);
		free(abs);
		return;
	}
	memcpy(out, keep, klen + 1);
	free(abs);
	struct map_art *a = malloc(sizeof *a);
	if (!a)
		return;
	char err[160];
	int line = 0;
	if (map_art_load(a, path, err, sizeof err, &line) < 0) {
		diag_add(L->ds, DIAG_ERROR, path, line, "%s", err);
	} else if (own) {
		for (int k = 0; k < a->nanchors; k++) {
			if (rules_region_find(L->r, a->anchor[k].id) >= 0)
				continue;
			struct text_near nr;
			text_near_start(&nr, a->anchor[k].id);
			for (int x = 0; x < L->r->nregions; x++)
				text_near_try_str(&nr, L->r->region[x].id);
			char hint[80];
			diag_add(L->ds, DIAG_WARNING, path, a->anchor[k].line,
			         "anchor \"%s\" names no region of the scenario%s", a->anchor[k].id,
			         near_text(&nr, hint, sizeof hint));
		}
	}
	free(a);
}

void load_map(struct load *L, const config_setting_t *root)
{
	const config_setting_t *map = member(root, "map");
	if (!map || config_setting_type(map) != CONFIG_TYPE_GROUP)
		return;
	load_art(L, map, "art", L->r->map_art, sizeof L->r->map_art);
	load_art(L, map, "art_large", L->r->map_art_large, sizeof L->r->map_art_large);
}
