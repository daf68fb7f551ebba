/* scenario_lex.c - pass 1 of a scenario load: the text before libconfig sees it.
 *
 * Finds integer literals libconfig would wrap silently (it reads 3000000000
 * as a negative number, 4294967346 as 50) and vets every @include before
 * libconfig opens it (its scanner exit()s on a folder). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "scenario_internal.h"

/* ---- pass 1: integer literals libconfig would wrap ---------------------- */

/* Read a whole file of at most SCENARIO_FILE_MAX bytes; NULL on failure. The
 * caller frees. */
char *file_read(const char *path, size_t *len, int *err)
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
void scan_ints(struct load *L, const char *text, size_t len, const char *src, int depth)
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
bool load_overflowed(const struct load *L, const config_setting_t *s)
{
	const char *src = config_setting_source_file(s);
	int line = (int)config_setting_source_line(s);
	for (int i = 0; i < L->nov; i++)
		if (L->ov[i].line == line && !strcmp(L->ov[i].file, src ? src : ""))
			return true;
	return false;
}

/* ---- pass 2: the schema walk -------------------------------------------- */
