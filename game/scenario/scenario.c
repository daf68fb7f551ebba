/* scenario.c - scenario files (libconfig 1.5) to struct rules; the writer; the search path.
 *
 * Loading runs in three passes, each reporting every problem it sees
 * (collected in a struct diags, never fatal):
 *   1. before libconfig sees the text, a scan of it (and of what it
 *      includes) for integer literals libconfig would wrap silently (it reads
 *      3000000000 as a negative number, 4294967346 as 50) and for @includes
 *      of things libconfig must not open (its scanner exit()s on a folder);
 *   2. a walk of the tree against the schema table (schema.c): types, ranges,
 *      string lengths, required and unknown keys;
 *   3. extraction into struct rules with the checks a table cannot do:
 *      duplicate ids, references to regions and variables, read-only
 *      variables in effects.
 * Pass 3 trusts nothing pass 2 reported: it skips values of the wrong type,
 * and any error makes the load fail, so a wrong value never escapes.
 * Sections a scenario leaves out come from the standard rules file, loaded
 * the same way in "rules" mode (no scenario sections, no named regions). */
#include <dirent.h>
#include <errno.h>
#include <libconfig.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
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

#define DYNF(f) { #f, offsetof(struct dynamics, f) }
static const struct dyn_field dyn_fields[] = {
	DYNF(mil_baseline), DYNF(mil_divisor), DYNF(dialogue_divisor), DYNF(arms_divisor),
	DYNF(cyber_divisor), DYNF(misc_threshold), DYNF(cyber_risk_divisor),
	DYNF(stability_pull), DYNF(unstable_below), DYNF(influence_step),
	DYNF(vulnerable_at), DYNF(harden_step), DYNF(force_decay), DYNF(sanctions_ap_at),
	DYNF(axis_offset_at), DYNF(cohesion_low), DYNF(cohesion_high),
};
#define DYN_COUNT ((int)(sizeof dyn_fields / sizeof dyn_fields[0]))

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

static int load_path(const char *path, int mode, struct rules *r, struct diags *ds,
                     bool *is_rules);

/* ---- diagnostics ------------------------------------------------------ */

/* The name of libconfig's source file SRC as the author knows it. */
static const char *load_file(struct load *L, const char *src)
{
	if (!src || !*src)
		return L->name;
	if (src[0] == '/' || !L->basedir || !*L->basedir || !strcmp(L->basedir, "."))
		return src;
	snprintf(L->where, sizeof L->where, "%s/%s", L->basedir, src);
	return L->where;
}

static void load_vdiag(struct load *L, int level, const config_setting_t *s, const char *fmt,
                       va_list ap)
{
	char msg[DIAG_MSG_MAX];
	vsnprintf(msg, sizeof msg, fmt, ap);
	int line = s ? (int)config_setting_source_line(s) : 1;
	diag_add(L->ds, level, load_file(L, s ? config_setting_source_file(s) : NULL),
	         line > 0 ? line : 1, "%s", msg);
}

__attribute__((format(printf, 3, 4)))
static void load_error(struct load *L, const config_setting_t *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	load_vdiag(L, DIAG_ERROR, s, fmt, ap);
	va_end(ap);
}

__attribute__((format(printf, 3, 4)))
static void load_warning(struct load *L, const config_setting_t *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	load_vdiag(L, DIAG_WARNING, s, fmt, ap);
	va_end(ap);
}

/* Edit distance between A and B, capped: enough to suggest a near miss. */
static int edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 40 || lb > 40)
		return 99;
	int row[41];
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int diag = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int up = row[j];
			int best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* A suggester: keeps the closest candidate to WORD. */
struct near {
	const char *word;
	const char *best;
	int dist;
};

static void near_try(struct near *n, const char *cand)
{
	int d = edit_distance(n->word, cand);
	int len = (int)strlen(n->word);
	int limit = len <= 4 ? 1 : 2;
	if (limit > len - 1)
		limit = len - 1; /* "c" is one edit from every one-letter id */
	if (d <= limit && d < n->dist) {
		n->dist = d;
		n->best = cand;
	}
}

/* Writes "; did you mean "X"?" into BUF when there is a near miss, else "". */
static const char *near_text(const struct near *n, char *buf, size_t len)
{
	if (!n->best)
		return "";
	snprintf(buf, len, "; did you mean \"%s\"?", n->best);
	return buf;
}

/* ---- pass 1: integer literals libconfig would wrap ---------------------- */

/* Read a whole file of at most SCENARIO_FILE_MAX bytes; NULL on failure. The
 * caller frees. */
static char *file_read(const char *path, size_t *len, int *err)
{
	struct stat st;
	*err = 0;
	if (stat(path, &st) != 0) {
		*err = errno;
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		*err = EISDIR;
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		*err = EINVAL;
		return NULL;
	}
	if (st.st_size > SCENARIO_FILE_MAX) {
		*err = EFBIG;
		return NULL;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		*err = errno;
		return NULL;
	}
	/* st_size is a hint (files in /proc say 0): grow until EOF or the cap */
	size_t cap = (size_t)st.st_size + 2 < 4096 ? 4096 : (size_t)st.st_size + 2, n = 0;
	char *buf = malloc(cap);
	int bad = 0;
	while (buf) {
		n += fread(buf + n, 1, cap - 1 - n, f);
		if (ferror(f) || feof(f) || n > SCENARIO_FILE_MAX)
			break;
		size_t grown = cap * 2 > SCENARIO_FILE_MAX + 2 ? SCENARIO_FILE_MAX + 2 : cap * 2;
		char *more = grown > cap ? realloc(buf, grown) : NULL;
		if (!more)
			break;
		buf = more;
		cap = grown;
	}
	if (!buf) {
		fclose(f);
		*err = ENOMEM;
		return NULL;
	}
	bad = ferror(f) ? EIO : !feof(f) && n <= SCENARIO_FILE_MAX ? ENOMEM : 0;
	fclose(f);
	if (bad) {
		free(buf);
		*err = bad;
		return NULL;
	}
	if (n > SCENARIO_FILE_MAX) {
		free(buf);
		*err = EFBIG;
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

static bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static bool is_xdigit(int c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool is_name_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '*' || c == '_';
}

static bool is_name_char(int c)
{
	return is_name_start(c) || is_digit(c) || c == '-';
}

/* Scan TEXT (libconfig's lexical rules) for integer literals without the L
 * suffix that do not fit 32 bits; SRC is libconfig's name for the file
 * (NULL for the top level). Follows @include like libconfig does. */
static void scan_ints(struct load *L, const char *text, size_t len, const char *src, int depth)
{
	int line = 1;
	size_t i = 0;
	while (i < len) {
		char c = text[i];
		if (c == '\n') {
			line++;
			i++;
		} else if (c == '#' || (c == '/' && i + 1 < len && text[i + 1] == '/')) {
			while (i < len && text[i] != '\n')
				i++;
		} else if (c == '/' && i + 1 < len && text[i + 1] == '*') {
			i += 2;
			while (i < len && !(text[i] == '*' && i + 1 < len && text[i + 1] == '/')) {
				if (text[i] == '\n')
					line++;
				i++;
			}
			i += 2;
		} else if (c == '"') {
			for (i++; i < len && text[i] != '"'; i++) {
				if (text[i] == '\\' && i + 1 < len)
					i++;
				if (text[i] == '\n')
					line++;
			}
			i++;
		} else if (c == '@' && !strncmp(text + i, "@include", 8)) {
			i += 8;
			while (i < len && (text[i] == ' ' || text[i] == '\t'))
				i++;
			if (i >= len || text[i] != '"')
				continue;
			size_t start = ++i;
			while (i < len && text[i] != '"' && text[i] != '\n')
				i++;
			char name[PATH_MAX_LEN];
			if (i - start >= sizeof name || depth >= INCLUDE_DEPTH_MAX)
				continue;
			memcpy(name, text + start, i - start);
			name[i - start] = '\0';
			char path[PATH_MAX_LEN * 2];
			if (name[0] != '/' && L->basedir && *L->basedir)
				snprintf(path, sizeof path, "%s/%s", L->basedir, name);
			else
				snprintf(path, sizeof path, "%s", name);
			size_t n;
			int err;
			char *inc = file_read(path, &n, &err);
			const char *nul = inc ? memchr(inc, '\0', n) : NULL;
			if (inc && !nul) {
				scan_ints(L, inc, n, name, depth + 1);
			} else if (err && err != ENOENT && err != ENOTDIR) {
				/* libconfig's scanner exit()s on a directory and may block
				 * on a FIFO: refuse before it sees them */
				diag_add(L->ds, DIAG_ERROR, load_file(L, src), line, "cannot include \"%s\": %s",
				         name, err == EISDIR ? "it is a directory"
				         : err == EINVAL ? "not a regular file"
				         : err == EFBIG ? "file is too big" : strerror(err));
				L->include_bad = true;
			} else if (nul) {
				int nline = 1;
				for (const char *p = inc; p < nul; p++)
					nline += *p == '\n';
				diag_add(L->ds, DIAG_ERROR, load_file(L, name), nline,
				         "NUL byte in the file: this is not a text file");
				L->include_bad = true;
			}
			free(inc);
		} else if (is_name_start((unsigned char)c)) {
			while (i < len && is_name_char((unsigned char)text[i]))
				i++;
		} else if (is_digit((unsigned char)c) ||
		           ((c == '-' || c == '+') && i + 1 < len && is_digit((unsigned char)text[i + 1]))) {
			size_t start = i;
			bool neg = c == '-';
			if (c == '-' || c == '+')
				i++;
			bool hex = text[i] == '0' && i + 2 < len && (text[i + 1] == 'x' || text[i + 1] == 'X') &&
			           is_xdigit((unsigned char)text[i + 2]);
			unsigned long long v = 0;
			bool huge = false;
			if (hex) {
				for (i += 2; i < len && is_xdigit((unsigned char)text[i]); i++) {
					int d = is_digit((unsigned char)text[i]) ? text[i] - '0' : (text[i] | 0x20) - 'a' + 10;
					if (v > (ULLONG_MAX >> 4))
						huge = true;
					v = v * 16 + (unsigned)d;
				}
			} else {
				for (; i < len && is_digit((unsigned char)text[i]); i++) {
					if (v > ULLONG_MAX / 10 - 1)
						huge = true;
					v = v * 10 + (unsigned)(text[i] - '0');
				}
			}
			if (i < len && (text[i] == '.' || text[i] == 'e' || text[i] == 'E') && !hex) {
				/* a float: libconfig reads these with strtod */
				while (i < len && (is_digit((unsigned char)text[i]) || text[i] == '.' ||
				                   text[i] == 'e' || text[i] == 'E' || text[i] == '-' ||
				                   text[i] == '+'))
					i++;
				continue;
			}
			if (i < len && text[i] == 'L') {
				while (i < len && text[i] == 'L')
					i++;
				continue; /* a 64-bit literal: libconfig reads it right */
			}
			bool wraps = huge || (hex ? v > 0x7fffffffULL
			                          : v > (neg ? 2147483648ULL : 2147483647ULL));
			if (!wraps)
				continue;
			char lit[48];
			size_t n = i - start < sizeof lit - 4 ? i - start : sizeof lit - 4;
			memcpy(lit, text + start, n);
			strcpy(lit + n, n < i - start ? "..." : "");
			diag_add(L->ds, DIAG_ERROR, load_file(L, src), line,
			         "integer %s does not fit in 32 bits (libconfig would read a wrong value; "
			         "write it with an L suffix if you mean a 64-bit number)",
			         lit);
			if (L->nov < OVERFLOW_MAX) {
				snprintf(L->ov[L->nov].file, sizeof L->ov[L->nov].file, "%s", src ? src : "");
				L->ov[L->nov++].line = line;
			}
		} else {
			i++;
		}
	}
}

/* True when setting S sits on a line with a wrapped literal (already reported). */
static bool load_overflowed(const struct load *L, const config_setting_t *s)
{
	const char *src = config_setting_source_file(s);
	int line = (int)config_setting_source_line(s);
	for (int i = 0; i < L->nov; i++)
		if (L->ov[i].line == line && !strcmp(L->ov[i].file, src ? src : ""))
			return true;
	return false;
}

/* ---- pass 2: the schema walk -------------------------------------------- */

static const char *config_type_name(int type)
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
static bool setting_int(const struct load *L, const config_setting_t *s, long long *v)
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
static const char *enum_words(const char *words, char *buf, size_t len)
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
static int enum_index(const char *words, const char *v, struct near *n)
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
		if (n) {
			int d = edit_distance(v, word);
			if (d <= 2 && d < n->dist) {
				n->dist = d;
				n->best = w; /* points into WORDS: printed up to '|' below */
			}
		}
		w += len + (w[len] == '|');
	}
	return -1;
}

static void walk_group(struct load *L, const config_setting_t *g, const char *path);

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
	case SCHEMA_LIST: {
		int n = config_setting_length(s);
		if (type != CONFIG_TYPE_LIST && !(type == CONFIG_TYPE_ARRAY && n == 0)) {
			type_error(L, s, k);
			return;
		}
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
		return;
	}
	case SCHEMA_INT: {
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
				load_error(L, s, "'%s' is %lld, outside %d..%d", setting_label(s), v, k->min,
				           k->max);
		}
		return;
	}
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
		if (type != CONFIG_TYPE_STRING) {
			type_error(L, s, k);
			return;
		}
		if (k->type == SCHEMA_ENUM) {
			const char *v = config_setting_get_string(s);
			struct near n = { v, NULL, 99 };
			if (enum_index(k->values, v, &n) < 0) {
				char words[160];
				char hint[64] = "";
				if (n.best)
					snprintf(hint, sizeof hint, "; did you mean \"%.*s\"?",
					         (int)strcspn(n.best, "|"), n.best);
				load_error(L, s, "'%s' is \"%s\"; expected one of %s%s", setting_label(s), v,
				           enum_words(k->values, words, sizeof words), hint);
			}
		}
		return;
	case SCHEMA_IDS: {
		int n = config_setting_length(s);
		if (type != CONFIG_TYPE_ARRAY && type != CONFIG_TYPE_LIST) {
			type_error(L, s, k);
			return;
		}
		if (n > k->max)
			load_error(L, s, "'%s' has %d elements, at most %d", setting_label(s), n, k->max);
		for (int i = 0; i < n; i++) {
			const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
			if (config_setting_type(e) != CONFIG_TYPE_STRING)
				load_error(L, e, "element %d of '%s' must be a string, not %s", i + 1,
				           setting_label(s), config_type_name(config_setting_type(e)));
		}
		return;
	}
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
	       !strcmp(key, "regions");
}

static void walk_group(struct load *L, const config_setting_t *g, const char *path)
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
			struct near nr = { name, NULL, 99 };
			const char *key;
			for (int j = 0; j < schema_nkeys; j++)
				if (schema_child(&schema_keys[j], path, &key))
					near_try(&nr, key);
			char hint[80];
			load_warning(L, c, "unknown key '%s' %s%s%s (ignored)%s", name,
			             root ? "at the top level" : "in", root ? "" : " ", path,
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
		if (root && L->rules_file && scenario_only(key))
			continue;
		if (!config_setting_get_member(g, key))
			load_error(L, g, "missing required key '%s'%s%s", key, root ? "" : " in ",
			           root ? "" : path);
	}
}

/* ---- pass 3: extraction into struct rules --------------------------------- */

static const config_setting_t *member(const config_setting_t *g, const char *key)
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

static const char *get_str(const config_setting_t *g, const char *key, const char *def)
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
static void copy_str(char *dst, size_t n, const char *src)
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

static void load_meta(struct load *L, const config_setting_t *root)
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

static void load_regions(struct load *L, const config_setting_t *root)
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
			           L->region_line[dup]);
		else if (world_id_clash(id))
			load_error(L, ids, "region id \"%s\" is taken by %s", id,
			           strcmp(id, "target") ? "a world variable" : "target.VAR references");
		L->region_line[r->nregions] = (int)config_setting_source_line(g);
		copy_str(ri->id, sizeof ri->id, id);
		copy_str(ri->name, sizeof ri->name, get_str(g, "name", ""));
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
				struct near nr = { id, NULL, 99 };
				for (int x = 0; x < r->nregions; x++)
					near_try(&nr, r->region[x].id);
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
				diag_add(L->ds, DIAG_WARNING, load_file(L, NULL), L->region_line[k] ? L->region_line[k] : 1,
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
			struct near nr = { text, NULL, 99 };
			for (int i = 0; i < VAR_WORLD_END; i++)
				near_try(&nr, var_info[i].name);
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
			struct near nr = { name, NULL, 99 };
			for (int i = VAR_WORLD_END; i < VAR_COUNT; i++)
				if (var_info[i].region)
					near_try(&nr, var_info[i].name);
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
		} else {
			int ri = rules_region_find(L->r, prefix);
			if (ri < 0) {
				struct near nr = { prefix, NULL, 99 };
				for (int x = 0; x < L->r->nregions; x++)
					near_try(&nr, L->r->region[x].id);
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
	c->min = (int16_t)(lo < -1000 ? -1000 : lo > 1000 ? 1000 : lo);
	c->max = (int16_t)(hi < -1000 ? -1000 : hi > 1000 ? 1000 : hi);
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

static void load_actions(struct load *L, const config_setting_t *root)
{
	struct rules *r = L->r;
	const config_setting_t *list;
	L->has_actions = member(root, "actions") != NULL;
	int n = list_len(root, "actions", &list);
	for (int i = 0; i < n && r->nactions < RULES_MAX_ACTIONS; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		if (config_setting_type(g) != CONFIG_TYPE_GROUP)
			continue;
		struct action *a = &r->action[r->nactions];
		const char *id = get_str(g, "id", "");
		int dup = *id ? rules_action_find(r, id) : -1;
		if (dup >= 0)
			load_error(L, member(g, "id"), "duplicate action id \"%s\" (first defined at line %d)",
			           id, L->action_line[dup]);
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

static void load_events(struct load *L, const config_setting_t *root)
{
	struct rules *r = L->r;
	const config_setting_t *list;
	L->has_events = member(root, "events") != NULL;
	int n = list_len(root, "events", &list);
	for (int i = 0; i < n && r->nevents < RULES_MAX_EVENTS; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		if (config_setting_type(g) != CONFIG_TYPE_GROUP)
			continue;
		struct event *ev = &r->event[r->nevents];
		const char *id = get_str(g, "id", "");
		int dup = *id ? rules_event_find(r, id) : -1;
		if (dup >= 0)
			load_error(L, member(g, "id"), "duplicate event id \"%s\" (first defined at line %d)",
			           id, L->event_line[dup]);
		L->event_line[r->nevents] = (int)config_setting_source_line(g);
		copy_str(ev->id, sizeof ev->id, id);
		copy_str(ev->title, sizeof ev->title, get_str(g, "title", ""));
		copy_str(ev->text, sizeof ev->text, get_str(g, "text", ""));
		ev->kind = !strcmp(get_str(g, "kind", "event"), "incident") ? EVENT_INCIDENT : EVENT_EVENT;
		ev->target = !strcmp(get_str(g, "target", "world"), "region") ? TARGET_REGION : TARGET_WORLD;
		ev->weight = (uint8_t)get_int(L, g, "weight", 1);
		ev->once = get_bool(g, "once", false);
		bool tgt = ev->target == TARGET_REGION;
		ev->nwhen = load_conds(L, g, "when", tgt, ev->when, RULES_MAX_CONDS);
		ev->neffects = load_effects(L, g, "effects", tgt, ev->effects, RULES_MAX_EFFECTS);
		r->nevents++;
	}
}

static void load_dynamics(struct load *L, const config_setting_t *root)
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

/* ---- the search path and the standard rules -------------------------------- */

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* OUT = A/B; false (and OUT empty) when it does not fit. */
static bool path_join(char *out, size_t len, const char *a, const char *b)
{
	int n = snprintf(out, len, "%s/%s", a, b);
	if (n < 0 || (size_t)n >= len) {
		out[0] = '\0';
		return false;
	}
	return true;
}

/* The scenario folders in search order; returns how many. */
static int search_dirs(char dirs[SEARCH_DIRS][PATH_MAX_LEN])
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

/* Find the standard rules for a scenario in BASEDIR (NULL: search path only). */
static int find_standard(const char *basedir, char *out, size_t len)
{
	if (basedir) {
		if (path_join(out, len, *basedir ? basedir : ".", SCENARIO_RULES_FILE) && is_file(out))
			return 0;
	}
	char dirs[SEARCH_DIRS][PATH_MAX_LEN];
	int n = search_dirs(dirs);
	for (int i = 0; i < n; i++) {
		if (path_join(out, len, dirs[i], SCENARIO_RULES_FILE) && is_file(out))
			return 0;
	}
	return -1;
}

/* Fill the sections the scenario left out from the standard rules file. */
static void load_standard(struct load *L)
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
	if (!std) {
		diag_add(L->ds, DIAG_ERROR, L->name, 1, "out of memory");
		return;
	}
	/* load_path() fills the dynamics in the right order: defaults, then the
	 * standard file's keys; the scenario's own keys go on top below. */
	int errors = L->ds->errors;
	if (load_path(path, MODE_RULES, std, L->ds, NULL) < 0 && L->ds->errors == errors)
		diag_add(L->ds, DIAG_ERROR, path, 0, "cannot load the standard rules");
	struct rules *r = L->r;
	if (!L->has_actions) {
		r->nactions = std->nactions;
		memcpy(r->action, std->action, sizeof r->action);
	}
	if (!L->has_events) {
		r->nevents = std->nevents;
		memcpy(r->event, std->event, sizeof r->event);
	}
	for (int i = 0; i < DYN_COUNT; i++)
		if (!L->dyn_set[i])
			memcpy((char *)&r->dyn + dyn_fields[i].offset,
			       (const char *)&std->dyn + dyn_fields[i].offset, sizeof(int16_t));
	if (!L->control_set)
		r->victory.control = std->victory.control;
	if (!L->coop_set)
		r->victory.cooperative = std->victory.cooperative;
	free(std);
}

/* ---- loading ------------------------------------------------------------ */

static bool root_has_any(const config_setting_t *root, const char *const *keys)
{
	for (; *keys; keys++)
		if (config_setting_get_member(root, *keys))
			return true;
	return false;
}

static int load_text(const char *text, size_t len, const char *name, const char *basedir,
                     int mode, struct rules *r, struct diags *ds, bool *is_rules)
{
	int errors0 = ds->errors;
	memset(r, 0, sizeof *r);
	rules_defaults(r);
	if (len > SCENARIO_FILE_MAX) {
		diag_add(ds, DIAG_ERROR, name, 0, "file is too big: %zu bytes, at most %d", len,
		         SCENARIO_FILE_MAX);
		return -1;
	}
	struct load *L = calloc(1, sizeof *L);
	if (!L) {
		diag_add(ds, DIAG_ERROR, name, 0, "out of memory");
		return -1;
	}
	L->ds = ds;
	L->name = name;
	L->basedir = basedir;
	L->r = r;
	config_t cf;
	config_init(&cf);
	if (basedir)
		config_set_include_dir(&cf, basedir);
	/* a UTF-8 byte order mark (some editors write one) is no syntax error */
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3)) {
		text += 3;
		len -= 3;
	}
	/* pass 1 runs first: it also vets every @include before libconfig opens it */
	scan_ints(L, text, len, NULL, 0);
	if (L->include_bad)
		goto done;
	if (!config_read_string(&cf, text)) {
		const char *msg = config_error_text(&cf);
		if (msg && !strcmp(msg, "memory exhausted"))
			msg = "nesting too deep";
		diag_add(ds, DIAG_ERROR, load_file(L, config_error_file(&cf)), config_error_line(&cf),
		         "%s", msg ? msg : "cannot parse");
		goto done;
	}
	const config_setting_t *root = config_root_setting(&cf);
	static const char *const scenario_keys[] = { "scenario", "sides", "world", "regions", NULL };
	static const char *const rules_keys[] = { "actions", "events", "dynamics", "victory", NULL };
	if (mode == MODE_AUTO)
		mode = !root_has_any(root, scenario_keys) && root_has_any(root, rules_keys) ? MODE_RULES
		                                                                            : MODE_SCENARIO;
	L->rules_file = mode == MODE_RULES;
	if (is_rules)
		*is_rules = L->rules_file;
	if (config_setting_length(root) == 0) {
		diag_add(ds, DIAG_ERROR, name, 1, "no settings: this is not a scenario file (it needs "
		         "format = 1; and the sections scenario, sides, world, regions)");
		goto done;
	}
	walk_group(L, root, "");
	if (!L->rules_file) {
		load_meta(L, root);
		load_regions(L, root);
	}
	load_actions(L, root);
	load_events(L, root);
	load_dynamics(L, root);
	if (!L->rules_file) {
		load_standard(L);
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
	config_destroy(&cf);
	free(L);
	return ds->errors > errors0 ? -1 : 0;
}

/* The folder of PATH into DIR: "." when it has none. */
static void path_dir(const char *path, char *dir, size_t len)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		snprintf(dir, len, ".");
	else if (slash == path)
		snprintf(dir, len, "/");
	else
		snprintf(dir, len, "%.*s", (int)(slash - path), path);
}

static int load_path(const char *path, int mode, struct rules *r, struct diags *ds, bool *is_rules)
{
	memset(r, 0, sizeof *r);
	rules_defaults(r);
	if (!path || !*path) {
		diag_add(ds, DIAG_ERROR, "brink", 0, "no file name given");
		return -1;
	}
	size_t len;
	int err;
	char *text = file_read(path, &len, &err);
	if (!text) {
		if (err == EFBIG)
			diag_add(ds, DIAG_ERROR, path, 0, "file is too big (at most %d bytes)",
			         SCENARIO_FILE_MAX);
		else if (err == EISDIR)
			diag_add(ds, DIAG_ERROR, path, 0, "cannot read: it is a directory");
		else if (err == EINVAL)
			diag_add(ds, DIAG_ERROR, path, 0, "cannot read: not a regular file");
		else
			diag_add(ds, DIAG_ERROR, path, 0, "cannot open: %s", strerror(err));
		return -1;
	}
	const char *nul = memchr(text, '\0', len);
	if (nul) {
		int line = 1;
		for (const char *p = text; p < nul; p++)
			line += *p == '\n';
		diag_add(ds, DIAG_ERROR, path, line, "NUL byte in the file: this is not a text file");
		free(text);
		return -1;
	}
	char dir[PATH_MAX_LEN];
	path_dir(path, dir, sizeof dir);
	int rc = load_text(text, len, path, dir, mode, r, ds, is_rules);
	free(text);
	return rc;
}

int scenario_load(const char *path, struct rules *r, struct diags *ds)
{
	struct diags *own = ds ? NULL : calloc(1, sizeof *own);
	if (!ds && !own)
		return -1;
	int rc = load_path(path, MODE_SCENARIO, r, ds ? ds : own, NULL);
	free(own);
	return rc;
}

int scenario_check(const char *path, struct diags *ds, bool *is_rules)
{
	struct rules *r = malloc(sizeof *r);
	if (!r) {
		diag_add(ds, DIAG_ERROR, path, 0, "out of memory");
		return -1;
	}
	int rc = load_path(path, MODE_AUTO, r, ds, is_rules);
	free(r);
	return rc;
}

int scenario_load_string(const char *text, const char *name, const char *basedir,
                         struct rules *r, struct diags *ds)
{
	struct diags *own = ds ? NULL : calloc(1, sizeof *own);
	if (!ds && !own)
		return -1;
	if (!name)
		name = "<string>";
	int rc;
	if (!text) {
		memset(r, 0, sizeof *r);
		diag_add(ds ? ds : own, DIAG_ERROR, name, 0, "no text");
		rc = -1;
	} else {
		rc = load_text(text, strlen(text), name, basedir, MODE_SCENARIO, r, ds ? ds : own, NULL);
	}
	free(own);
	return rc;
}

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

char *scenario_write(const struct rules *r)
{
	if (!r)
		return NULL;
	config_t cf;
	config_init(&cf);
	config_setting_t *root = config_root_setting(&cf);
	char w[32];
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
	config_setting_t *regions = add(root, "regions", CONFIG_TYPE_LIST);
	for (int i = 0; i < r->nregions && i < RULES_MAX_REGIONS; i++) {
		const struct region_info *ri = &r->region[i];
		config_setting_t *g = add(regions, NULL, CONFIG_TYPE_GROUP);
		add_str(g, "id", ri->id);
		add_str(g, "name", ri->name);
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
	config_setting_t *events = add(root, "events", CONFIG_TYPE_LIST);
	for (int i = 0; i < r->nevents && i < RULES_MAX_EVENTS; i++) {
		const struct event *ev = &r->event[i];
		config_setting_t *g = add(events, NULL, CONFIG_TYPE_GROUP);
		add_str(g, "id", ev->id);
		add_str(g, "title", ev->title);
		add_str(g, "text", ev->text);
		add_str(g, "kind", enum_word("event|incident", ev->kind, w, sizeof w));
		add_int(g, "weight", ev->weight);
		add_bool(g, "once", ev->once);
		add_str(g, "target", enum_word("world|region", ev->target, w, sizeof w));
		write_conds(r, g, "when", ev->when, ev->nwhen < RULES_MAX_CONDS ? ev->nwhen : RULES_MAX_CONDS);
		write_effects(r, g, "effects", ev->effects,
		              ev->neffects < RULES_MAX_EFFECTS ? ev->neffects : RULES_MAX_EFFECTS);
	}
	config_setting_t *dyn = add(root, "dynamics", CONFIG_TYPE_GROUP);
	for (int i = 0; i < DYN_COUNT; i++) {
		int16_t v;
		memcpy(&v, (const char *)&r->dyn + dyn_fields[i].offset, sizeof v);
		add_int(dyn, dyn_fields[i].name, v);
	}
	config_setting_t *vic = add(root, "victory", CONFIG_TYPE_GROUP);
	add_int(vic, "control", r->victory.control);
	add_bool(vic, "cooperative", r->victory.cooperative);

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
