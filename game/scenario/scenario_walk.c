/* scenario_walk.c - pass 2 of a scenario load: the parsed tree against the schema table.
 *
 * Types, ranges, string lengths, required and unknown keys, all from the
 * rows of schema.c. */
#include <stdio.h>
#include <string.h>

#include "scenario_internal.h"

const char *config_type_name(int type)
{
	switch (type) {
	case CONFIG_TYPE_GROUP: return "a group";
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64: return "an integer";
	case CONFIG_TYPE_FLOAT: return "a decimal number";
	case CONFIG_TYPE_STRING: return "a string";
	case CONFIG_TYPE_BOOL: return "a boolean";
	case CONFIG_TYPE_ARRAY: return "an array";
	case CONFIG_TYPE_LIST: return "a list";
	default: return "nothing";
	}
}

static const char *setting_label(const config_setting_t *s)
{
	const char *name = config_setting_name(s);
	return name ? name : "this element";
}

static void type_error(struct load *L, const config_setting_t *s, const struct schema_key *k)
{
	load_error(L, s, "'%s' must be %s, not %s", setting_label(s), schema_type_name(k->type),
	           config_type_name(config_setting_type(s)));
}

/* The integer value of S when it is an int or int64 not on a wrapped line. */
bool setting_int(const struct load *L, const config_setting_t *s, long long *v)
{
	if (!s)
		return false;
	if (config_setting_type(s) == CONFIG_TYPE_INT)
		*v = config_setting_get_int(s);
	else if (config_setting_type(s) == CONFIG_TYPE_INT64)
		*v = config_setting_get_int64(s);
	else
		return false;
	return !load_overflowed(L, s);
}

/* Length of the valid UTF-8 sequence at S, or 0. */
static int utf8_len(const unsigned char *s)
{
	if (s[0] < 0x80)
		return 1;
	int n = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 ? 2 : 0;
	if (n == 0 || (n == 3 && s[0] > 0xef))
		return 0;
	for (int i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	if (n == 3 && ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] >= 0xa0)))
		return 0;
	if (n == 4 && ((s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] >= 0x90)))
		return 0;
	return n;
}

static void check_string(struct load *L, const config_setting_t *s, const struct schema_key *k)
{
	const char *v = config_setting_get_string(s);
	size_t len = v ? strlen(v) : 0;
	if (!v || len < (size_t)k->min) {
		load_error(L, s, "'%s' must not be empty", setting_label(s));
		return;
	}
	if (len > (size_t)k->max) {
		load_error(L, s, "'%s' is too long: %zu bytes, at most %d", setting_label(s), len, k->max);
		return;
	}
	if (k->type == SCHEMA_ID) {
		for (size_t i = 0; i < len; i++)
			if (!((v[i] >= 'a' && v[i] <= 'z') || is_digit((unsigned char)v[i]) || v[i] == '-')) {
				load_error(L, s, "'%s' \"%s\" may only hold a-z, 0-9 and '-'",
				           setting_label(s), v);
				return;
			}
		return;
	}
	for (const unsigned char *p = (const unsigned char *)v; *p;) {
		if (*p < 0x20 || *p == 0x7f) {
			if (*p == '\n' && k->type == SCHEMA_TEXT) {
				p++;
				continue;
			}
			load_error(L, s, "'%s' holds a control character (byte %d)", setting_label(s), *p);
			return;
		}
		int n = utf8_len(p);
		if (!n) {
			load_error(L, s, "'%s' is not valid UTF-8 (byte %zu)", setting_label(s),
			           (size_t)(p - (const unsigned char *)v) + 1);
			return;
		}
		p += n;
	}
}

/* The WORDS of an enum ("a|b|c") as "\"a\", \"b\", \"c\"" into BUF. */
const char *enum_words(const char *words, char *buf, size_t len)
{
	size_t o = 0;
	buf[0] = '\0';
	for (const char *w = words; *w && o + 8 < len;) {
		size_t n = strcspn(w, "|");
		o += (size_t)snprintf(buf + o, len - o, "%s\"%.*s\"", o ? ", " : "", (int)n, w);
		w += n + (w[n] == '|');
	}
	return buf;
}

/* Index of V among WORDS ("a|b|c"), or -1; suggests into N. */
int enum_index(const char *words, const char *v, struct text_near *n)
{
	int idx = 0;
	for (const char *w = words; *w; idx++) {
		size_t len = strcspn(w, "|");
		char word[RULES_ID_MAX];
		if (len >= sizeof word)
			len = sizeof word - 1;
		memcpy(word, w, len);
		word[len] = '\0';
		if (!strcmp(word, v))
			return idx;
		if (n)
			text_near_try(n, w, len); /* points into WORDS: BEST_LEN characters */
		w += len + (w[len] == '|');
	}
	return -1;
}

/* A list of groups, each walked against K's schema. */
static void check_list(struct load *L, const config_setting_t *s, const struct schema_key *k)
{
	int n = config_setting_length(s);
	if (n < k->min)
		load_error(L, s, "'%s' needs at least %d element%s", setting_label(s), k->min,
		           k->min == 1 ? "" : "s");
	if (n > k->max)
		load_error(L, s, "'%s' has %d elements, at most %d", setting_label(s), n, k->max);
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		if (config_setting_type(e) != CONFIG_TYPE_GROUP)
			load_error(L, e, "element %d of '%s' must be a group { ... }, not %s", i + 1,
			           setting_label(s), config_type_name(config_setting_type(e)));
		else
			walk_group(L, e, k->values);
	}
}

/* An integer (of libconfig type TYPE) within K's range. */
static void check_int(struct load *L, const config_setting_t *s, const struct schema_key *k, int type)
{
	long long v;
	if (type == CONFIG_TYPE_FLOAT) {
		load_error(L, s, "'%s' must be an integer, not a decimal number", setting_label(s));
		return;
	}
	if (type != CONFIG_TYPE_INT && type != CONFIG_TYPE_INT64) {
		type_error(L, s, k);
		return;
	}
	if (setting_int(L, s, &v) && (v < k->min || v > k->max)) {
		if (k->min == k->max)
			load_error(L, s, "'%s' must be %d, not %lld", setting_label(s), k->min, v);
		else
			load_error(L, s, "'%s' is %lld, outside %d..%d", setting_label(s), v, k->min, k->max);
	}
}

/* A string that is one of K's words, with a did-you-mean. */
static void check_enum(struct load *L, const config_setting_t *s, const struct schema_key *k)
{
	const char *v = config_setting_get_string(s);
	struct text_near n;
	text_near_start(&n, v);
	if (enum_index(k->values, v, &n) >= 0)
		return;
	char words[160];
	char hint[64] = "";
	if (n.best)
		snprintf(hint, sizeof hint, "; did you mean \"%.*s\"?", (int)n.best_len, n.best);
	load_error(L, s, "'%s' is \"%s\"; expected one of %s%s", setting_label(s), v,
	           enum_words(k->values, words, sizeof words), hint);
}

/* A list or array of strings, at most K's max. */
static void check_ids(struct load *L, const config_setting_t *s, const struct schema_key *k)
{
	int n = config_setting_length(s);
	if (n > k->max)
		load_error(L, s, "'%s' has %d elements, at most %d", setting_label(s), n, k->max);
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		if (config_setting_type(e) != CONFIG_TYPE_STRING)
			load_error(L, e, "element %d of '%s' must be a string, not %s", i + 1, setting_label(s),
			           config_type_name(config_setting_type(e)));
	}
}

static void check_setting(struct load *L, const config_setting_t *s, const struct schema_key *k)
{
	int type = config_setting_type(s);
	switch (k->type) {
	case SCHEMA_GROUP:
		if (type != CONFIG_TYPE_GROUP)
			type_error(L, s, k);
		else
			walk_group(L, s, k->values ? k->values : k->path);
		return;
	case SCHEMA_LIST:
		if (type != CONFIG_TYPE_LIST && !(type == CONFIG_TYPE_ARRAY && config_setting_length(s) == 0))
			type_error(L, s, k);
		else
			check_list(L, s, k);
		return;
	case SCHEMA_INT:
		check_int(L, s, k, type);
		return;
	case SCHEMA_BOOL:
		if (type != CONFIG_TYPE_BOOL)
			type_error(L, s, k);
		return;
	case SCHEMA_STRING:
	case SCHEMA_TEXT:
	case SCHEMA_ID:
		if (type != CONFIG_TYPE_STRING)
			type_error(L, s, k);
		else
			check_string(L, s, k);
		return;
	case SCHEMA_ENUM:
	case SCHEMA_VAR:
		if (type != CONFIG_TYPE_STRING)
			type_error(L, s, k);
		else if (k->type == SCHEMA_ENUM)
			check_enum(L, s, k);
		return;
	case SCHEMA_IDS:
		if (type != CONFIG_TYPE_ARRAY && type != CONFIG_TYPE_LIST)
			type_error(L, s, k);
		else
			check_ids(L, s, k);
		return;
	case SCHEMA_VALUE:
		if (type == CONFIG_TYPE_FLOAT)
			load_error(L, s, "'%s' must be an integer, not a decimal number", setting_label(s));
		else if (type != CONFIG_TYPE_INT && type != CONFIG_TYPE_INT64 && type != CONFIG_TYPE_STRING)
			type_error(L, s, k);
		return;
	}
}

/* True when schema row K is a direct child of the group named PATH. */
static bool schema_child(const struct schema_key *k, const char *path, const char **key)
{
	size_t n = strlen(path);
	if (n == 0) {
		*key = k->path;
		return !strchr(k->path, '.');
	}
	if (strncmp(k->path, path, n) || k->path[n] != '.' || strchr(k->path + n + 1, '.'))
		return false;
	*key = k->path + n + 1;
	return true;
}

static bool scenario_only(const char *key)
{
	return !strcmp(key, "scenario") || !strcmp(key, "sides") || !strcmp(key, "world") ||
	       !strcmp(key, "regions") || !strcmp(key, "map") || !strncmp(key, "actions_", 8) ||
	       !strncmp(key, "events_", 7);
}

void walk_group(struct load *L, const config_setting_t *g, const char *path)
{
	bool root = !*path;
	int n = config_setting_length(g);
	for (int i = 0; i < n; i++) {
		const config_setting_t *c = config_setting_get_elem(g, (unsigned)i);
		const char *name = config_setting_name(c);
		if (!name)
			continue;
		char p[128];
		snprintf(p, sizeof p, "%s%s%s", path, root ? "" : ".", name);
		const struct schema_key *k = schema_find(p);
		if (!k) {
			struct text_near nr;
			text_near_start(&nr, name);
			const char *key;
			for (int j = 0; j < schema_nkeys; j++)
				if (schema_child(&schema_keys[j], path, &key))
					text_near_try_str(&nr, key);
			char hint[80];
			/* A section misspelt at the top level would silently leave the
			 * scenario on the standard rules: an error, not a warning. */
			if (root)
				load_error(L, c, "unknown section '%s'%s", name,
				           near_text(&nr, hint, sizeof hint));
			else
				load_warning(L, c, "unknown key '%s' in %s (ignored)%s", name, path,
				             near_text(&nr, hint, sizeof hint));
		} else if (root && L->rules_file && scenario_only(name)) {
			load_error(L, c, "'%s' does not belong in the standard rules file (it holds only "
			           "format, actions, events, dynamics and victory)", name);
		} else {
			check_setting(L, c, k);
		}
	}
	for (int j = 0; j < schema_nkeys; j++) {
		const char *key;
		if (!schema_child(&schema_keys[j], path, &key) || !schema_keys[j].required)
			continue;
		if (root && ((L->rules_file && scenario_only(key)) || L->fragment))
			continue; /* a fragment's other sections are in the files that include it */
		if (!config_setting_get_member(g, key))
			load_error(L, g, "missing required key '%s'%s%s", key, root ? "" : " in ",
			           root ? "" : path);
	}
}

/* ---- pass 3: extraction into struct rules --------------------------------- */
