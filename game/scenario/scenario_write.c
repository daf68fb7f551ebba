/* scenario_write.c - struct rules back to a complete, self-contained scenario file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario_internal.h"

/* ---- writing ------------------------------------------------------------ */

static config_setting_t *add(config_setting_t *parent, const char *key, int type)
{
	return parent ? config_setting_add(parent, key, type) : NULL;
}

static void add_int(config_setting_t *g, const char *key, int v)
{
	config_setting_t *s = add(g, key, CONFIG_TYPE_INT);
	if (s)
		config_setting_set_int(s, v);
}

static void add_str(config_setting_t *g, const char *key, const char *v)
{
	config_setting_t *s = add(g, key, CONFIG_TYPE_STRING);
	if (s)
		config_setting_set_string(s, v);
}

static void add_bool(config_setting_t *g, const char *key, bool v)
{
	config_setting_t *s = add(g, key, CONFIG_TYPE_BOOL);
	if (s)
		config_setting_set_bool(s, v);
}

static void ref_text(const struct rules *r, struct varref ref, char *buf, size_t len)
{
	const char *name = ref.var < VAR_COUNT ? var_info[ref.var].name : "?";
	if (ref.scope == SCOPE_TARGET)
		snprintf(buf, len, "target.%s", name);
	else if (ref.scope == SCOPE_REGION)
		snprintf(buf, len, "%s.%s", ref.region < r->nregions ? r->region[ref.region].id : "?", name);
	else
		snprintf(buf, len, "%s", name);
}

static void write_conds(const struct rules *r, config_setting_t *g, const char *key,
                        const struct cond *c, int n)
{
	config_setting_t *list = add(g, key, CONFIG_TYPE_LIST);
	for (int i = 0; i < n; i++) {
		config_setting_t *e = add(list, NULL, CONFIG_TYPE_GROUP);
		char ref[80];
		ref_text(r, c[i].ref, ref, sizeof ref);
		add_str(e, "var", ref);
		const char *is = c[i].min == c[i].max ? var_enum_name((enum var)c[i].ref.var, c[i].min) : NULL;
		if (is) {
			add_str(e, "is", is);
		} else {
			add_int(e, "min", c[i].min);
			add_int(e, "max", c[i].max);
		}
	}
}

static void write_effects(const struct rules *r, config_setting_t *g, const char *key,
                          const struct effect *ef, int n)
{
	config_setting_t *list = add(g, key, CONFIG_TYPE_LIST);
	for (int i = 0; i < n; i++) {
		config_setting_t *e = add(list, NULL, CONFIG_TYPE_GROUP);
		char ref[80];
		ref_text(r, ef[i].ref, ref, sizeof ref);
		add_str(e, "var", ref);
		const char *name = var_enum_name((enum var)ef[i].ref.var, ef[i].value);
		if (ef[i].op == EFFECT_ADD)
			add_int(e, "add", ef[i].value);
		else if (name)
			add_str(e, "set", name);
		else
			add_int(e, "set", ef[i].value);
	}
}

static const char *enum_word(const char *words, int i, char *buf, size_t len)
{
	for (const char *w = words; *w; i--) {
		size_t n = strcspn(w, "|");
		if (i == 0) {
			snprintf(buf, len, "%.*s", (int)n, w);
			return buf;
		}
		w += n + (w[n] == '|');
	}
	snprintf(buf, len, "?");
	return buf;
}

/* The scenario, sides and world sections. */
static void write_head(config_setting_t *root, const struct rules *r)
{
	add_int(root, "format", 1);
	config_setting_t *sc = add(root, "scenario", CONFIG_TYPE_GROUP);
	add_str(sc, "id", r->id);
	add_str(sc, "title", r->title);
	add_str(sc, "summary", r->summary);
	if (r->note[0])
		add_str(sc, "note", r->note);
	config_setting_t *start = add(sc, "start", CONFIG_TYPE_GROUP);
	add_int(start, "year", r->start_year);
	add_int(start, "quarter", r->start_quarter);
	add_int(sc, "turns", r->turns);
	config_setting_t *sides = add(root, "sides", CONFIG_TYPE_GROUP);
	for (int s = 0; s < SIDE_COUNT; s++) {
		config_setting_t *sd = add(sides, side_id(s), CONFIG_TYPE_GROUP);
		add_str(sd, "name", r->side[s].name);
		add_int(sd, "ap", r->side[s].ap);
	}
	config_setting_t *world = add(root, "world", CONFIG_TYPE_GROUP);
	for (int v = 0; v < VAR_WORLD_END; v++)
		add_int(world, var_info[v].name, r->start_world[v]);
}

static void write_regions(config_setting_t *root, const struct rules *r)
{
	config_setting_t *regions = add(root, "regions", CONFIG_TYPE_LIST);
	for (int i = 0; i < r->nregions && i < RULES_MAX_REGIONS; i++) {
		const struct region_info *ri = &r->region[i];
		config_setting_t *g = add(regions, NULL, CONFIG_TYPE_GROUP);
		add_str(g, "id", ri->id);
		add_str(g, "name", ri->name);
		if (ri->short_name[0])
			add_str(g, "short", ri->short_name);
		const char *m = var_enum_name(VAR_MEMBER, ri->start[VAR_MEMBER - VAR_WORLD_END]);
		add_str(g, "member", m ? m : "none");
		add_int(g, "value", ri->value);
		add_int(g, "nato_forces", ri->start[VAR_NATO_FORCES - VAR_WORLD_END]);
		add_int(g, "russia_forces", ri->start[VAR_RUSSIA_FORCES - VAR_WORLD_END]);
		add_int(g, "alignment", ri->start[VAR_ALIGNMENT - VAR_WORLD_END]);
		add_int(g, "stability", ri->start[VAR_STABILITY - VAR_WORLD_END]);
		const char *c = var_enum_name(VAR_CONFLICT, ri->start[VAR_CONFLICT - VAR_WORLD_END]);
		add_str(g, "conflict", c ? c : "none");
		config_setting_t *b = add(g, "borders", CONFIG_TYPE_ARRAY);
		for (int k = 0; k < r->nregions && k < RULES_MAX_REGIONS; k++)
			if (b && (ri->borders >> k & 1))
				config_setting_set_string_elem(b, -1, r->region[k].id);
		add_bool(g, "borders_russia", ri->borders_russia);
	}
}

static void write_actions(config_setting_t *root, const struct rules *r)
{
	char w[32];
	config_setting_t *actions = add(root, "actions", CONFIG_TYPE_LIST);
	for (int i = 0; i < r->nactions && i < RULES_MAX_ACTIONS; i++) {
		const struct action *a = &r->action[i];
		config_setting_t *g = add(actions, NULL, CONFIG_TYPE_GROUP);
		add_str(g, "id", a->id);
		add_str(g, "name", a->name);
		add_str(g, "side", side_id(a->side));
		add_int(g, "cost", a->cost);
		add_str(g, "target", enum_word("world|region", a->target, w, sizeof w));
		write_conds(r, g, "requires", a->requires, a->nrequires < RULES_MAX_CONDS ? a->nrequires : RULES_MAX_CONDS);
		write_effects(r, g, "effects", a->effects, a->neffects < RULES_MAX_EFFECTS ? a->neffects : RULES_MAX_EFFECTS);
		if (a->nagreed)
			write_effects(r, g, "agreed", a->agreed,
			              a->nagreed < RULES_MAX_EFFECTS ? a->nagreed : RULES_MAX_EFFECTS);
		add_str(g, "help", a->help);
	}
}

static void write_events(config_setting_t *root, const struct rules *r)
{
	char w[32];
	config_setting_t *events = add(root, "events", CONFIG_TYPE_LIST);
	for (int i = 0; i < r->nevents && i < RULES_MAX_EVENTS; i++) {
		const struct event *ev = &r->event[i];
		config_setting_t *g = add(events, NULL, CONFIG_TYPE_GROUP);
		add_str(g, "id", ev->id);
		add_str(g, "title", ev->title);
		add_str(g, "text", ev->text);
		add_str(g, "kind", enum_word("event|incident|scheduled", ev->kind, w, sizeof w));
		add_int(g, "weight", ev->weight);
		add_bool(g, "once", ev->once);
		add_str(g, "target", enum_word("world|region", ev->target, w, sizeof w));
		write_conds(r, g, "when", ev->when, ev->nwhen < RULES_MAX_CONDS ? ev->nwhen : RULES_MAX_CONDS);
		write_effects(r, g, "effects", ev->effects,
		              ev->neffects < RULES_MAX_EFFECTS ? ev->neffects : RULES_MAX_EFFECTS);
	}
}

/* The dynamics, victory and map sections. */
static void write_tail(config_setting_t *root, const struct rules *r)
{
	config_setting_t *dyn = add(root, "dynamics", CONFIG_TYPE_GROUP);
	for (int i = 0; i < DYN_COUNT; i++) {
		int16_t v;
		memcpy(&v, (const char *)&r->dyn + dyn_fields[i].offset, sizeof v);
		add_int(dyn, dyn_fields[i].name, v);
	}
	config_setting_t *vic = add(root, "victory", CONFIG_TYPE_GROUP);
	add_int(vic, "control", r->victory.control);
	add_bool(vic, "cooperative", r->victory.cooperative);
	if (r->map_art[0] || r->map_art_large[0]) {
		config_setting_t *map = add(root, "map", CONFIG_TYPE_GROUP);
		if (r->map_art[0])
			add_str(map, "art", r->map_art);
		if (r->map_art_large[0])
			add_str(map, "art_large", r->map_art_large);
	}
}

char *scenario_write(const struct rules *r)
{
	if (!r)
		return NULL;
	config_t cf;
	config_init(&cf);
	config_setting_t *root = config_root_setting(&cf);
	write_head(root, r);
	write_regions(root, r);
	write_actions(root, r);
	write_events(root, r);
	write_tail(root, r);

	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	if (!f) {
		config_destroy(&cf);
		return NULL;
	}
	fprintf(f, "# %s - written by brink: a complete scenario with every section.\n", r->id);
	config_write(&cf, f);
	bool bad = ferror(f) != 0;
	if (fclose(f) != 0)
		bad = true;
	config_destroy(&cf);
	if (bad) {
		free(buf);
		return NULL;
	}
	return buf;
}
