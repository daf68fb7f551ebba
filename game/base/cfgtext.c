/* cfgtext.c - the libconfig pre-pass: includes, the line map, wrapped integers.
 *
 * The lexer follows libconfig 1.5's scanner: "..." strings (backslash
 * escapes, newlines allowed), # and // comments to the end of the line,
 * block comments, and `@include "FILE"` recognised only in code at the start
 * of a line (after blanks). Each file is lexed on its own; an included file
 * must end outside strings and comments. As a last guard the combined text is
 * refused if any line of it, in whatever context, still starts with
 * `@include "`: libconfig never sees an include directive. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfgtext.h"
#include "file.h"
#include "path.h"

/* One file being read: where it is and how it was reached. */
struct frame {
	int file;           /* index into ct->files */
	const char *dir;    /* folder its includes are resolved in */
	struct file_id id;  /* zero for text in memory */
	bool has_id;
};

struct pp {
	struct cfgtext *ct;
	struct diags *ds;
	size_t max;
	int flags;
	int errors;
	bool oom, too_big;
	struct frame stack[CFGTEXT_DEPTH_MAX + 1];
	int depth; /* frames in use */
};

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

__attribute__((format(printf, 4, 5)))
static void pp_error(struct pp *P, int file, int line, const char *fmt, ...)
{
	char msg[DIAG_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_add(P->ds, DIAG_ERROR, file >= 0 ? P->ct->files[file] : NULL, line, "%s", msg);
	P->errors++;
}

static int add_file(struct pp *P, const char *name)
{
	struct cfgtext *ct = P->ct;
	char **more = realloc(ct->files, (size_t)(ct->nfiles + 1) * sizeof *more);
	char *copy = strdup(name);
	if (!more || !copy) {
		if (more)
			ct->files = more;
		free(copy);
		P->oom = true;
		return -1;
	}
	ct->files = more;
	ct->files[ct->nfiles] = copy;
	return ct->nfiles++;
}

/* Append byte C, which comes from FILE:LINE, to the combined text. */
static void emit(struct pp *P, char c, int file, int line)
{
	struct cfgtext *ct = P->ct;
	if (P->oom)
		return;
	if (ct->len + 2 > ct->cap) {
		size_t cap = ct->cap ? ct->cap * 2 : 4096;
		char *more = realloc(ct->text, cap);
		if (!more) {
			P->oom = true;
			return;
		}
		ct->text = more;
		ct->cap = cap;
	}
	if (ct->len == 0 || ct->text[ct->len - 1] == '\n') {
		if (ct->nlines == ct->mapcap) {
			int cap = ct->mapcap ? ct->mapcap * 2 : 256;
			struct cfgtext_line *more = realloc(ct->map, (size_t)cap * sizeof *more);
			if (!more) {
				P->oom = true;
				return;
			}
			ct->map = more;
			ct->mapcap = cap;
		}
		ct->map[ct->nlines++] = (struct cfgtext_line){ file, line };
	}
	ct->text[ct->len++] = c;
	ct->text[ct->len] = '\0';
}

static void note_wrapped(struct pp *P)
{
	struct cfgtext *ct = P->ct;
	if (ct->nwrapped == ct->wrapcap) {
		int cap = ct->wrapcap ? ct->wrapcap * 2 : 16;
		int *more = realloc(ct->wrapped, (size_t)cap * sizeof *more);
		if (!more) {
			P->oom = true;
			return;
		}
		ct->wrapped = more;
		ct->wrapcap = cap;
	}
	ct->wrapped[ct->nwrapped++] = ct->nlines;
}

static void lex(struct pp *P, const char *text, size_t len);

/* The folder of PATH, malloc'd. */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

/* NAME for a message: a long one is shortened in its middle. */
static const char *brief(const char *name, char *buf, size_t len)
{
	size_t n = strlen(name);
	if (n < 72 || len < 72)
		return name;
	snprintf(buf, len, "%.32s...%s", name, name + n - 32);
	return buf;
}

/* The include chain down to the file being read, then NEXT, into BUF. */
static const char *chain_text(const struct pp *P, int from, const char *next, char *buf, size_t len)
{
	size_t o = 0;
	buf[0] = '\0';
	for (int i = from; i < P->depth && o < len; i++)
		o += (size_t)snprintf(buf + o, len - o, "%s -> ", P->ct->files[P->stack[i].file]);
	if (o < len)
		snprintf(buf + o, len - o, "%s", next);
	return buf;
}

/* Resolve `@include "NAME"` found at LINE of the file on top of the stack. */
static void include(struct pp *P, const char *name, int line)
{
	const struct frame *f = &P->stack[P->depth - 1];
	if (!(P->flags & CFGTEXT_INCLUDES)) {
		pp_error(P, f->file, line, "@include is not allowed here (a save is written whole and "
		         "never includes other files)");
		return;
	}
	char *path = path_join_new(f->dir, name);
	if (!path) {
		P->oom = true;
		return;
	}
	char chain[DIAG_MSG_MAX], nb[80], pb[80];
	const char *bname = brief(name, nb, sizeof nb), *bpath = brief(path, pb, sizeof pb);
	if (P->depth > CFGTEXT_DEPTH_MAX) {
		pp_error(P, f->file, line, "includes nest deeper than %d files: %s", CFGTEXT_DEPTH_MAX,
		         chain_text(P, 0, path, chain, sizeof chain));
		free(path);
		return;
	}
	size_t room = P->max > P->ct->len ? P->max - P->ct->len : 0;
	char *text = NULL;
	size_t n = 0;
	struct file_id id;
	int err = file_read_id(path, room, &text, &n, &id);
	if (err == ENOENT) {
		char *dir = dir_of(path);
		char db[80];
		pp_error(P, f->file, line, "cannot include \"%s\": no such file in the folder %s", bname,
		         dir ? brief(dir, db, sizeof db) : "?");
		free(dir);
	} else if (err == EFBIG) {
		pp_error(P, f->file, line, "cannot include \"%s\" (%s): the file with everything it "
		         "includes would be larger than %zu bytes", bname, bpath, P->max);
		P->too_big = true;
	} else if (err) {
		pp_error(P, f->file, line, "cannot include \"%s\" (%s): %s", bname, bpath,
		         err == EISDIR ? "it is a directory" : file_error(err));
	}
	if (err) {
		free(path);
		return;
	}
	for (int i = 0; i < P->depth; i++)
		if (P->stack[i].has_id && P->stack[i].id.dev == id.dev && P->stack[i].id.ino == id.ino) {
			pp_error(P, f->file, line, "include cycle: %s", chain_text(P, i, path, chain, sizeof chain));
			free(path);
			free(text);
			return;
		}
	int file = add_file(P, path);
	char *dir = dir_of(path);
	free(path);
	int nul = file_nul_line(text, n);
	if (file < 0 || !dir) {
		P->oom = true;
	} else if (nul) {
		pp_error(P, file, nul, "NUL byte in the file: this is not a text file");
	} else {
		P->stack[P->depth++] = (struct frame){ file, dir, id, true };
		lex(P, text, n);
		P->depth--;
		/* the including line goes on after the include, on a line of its own */
		if (P->ct->len && P->ct->text[P->ct->len - 1] != '\n')
			emit(P, '\n', file, 0);
	}
	free(dir);
	free(text);
}

/* Check the literal TEXT[START..I) (an integer without L suffix). */
static void check_int(struct pp *P, const char *text, size_t start, size_t end, bool neg, bool hex,
                      unsigned long long v, bool huge, int line)
{
	bool wraps = huge || (hex ? v > 0x7fffffffULL : v > (neg ? 2147483648ULL : 2147483647ULL));
	if (!wraps)
		return;
	char lit[48];
	size_t n = end - start < sizeof lit - 4 ? end - start : sizeof lit - 4;
	memcpy(lit, text + start, n);
	strcpy(lit + n, n < end - start ? "..." : "");
	pp_error(P, P->stack[P->depth - 1].file, line,
	         "integer %s does not fit in 32 bits (libconfig would read a wrong value; "
	         "write it with an L suffix if you mean a 64-bit number)", lit);
	note_wrapped(P);
}

static void lex(struct pp *P, const char *text, size_t len)
{
	int file = P->stack[P->depth - 1].file;
	int line = 1;
	size_t i = 0;
	bool bol = true; /* only blanks so far on this line */
	/* a UTF-8 byte order mark (some editors write one) is no syntax error */
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
		i = 3;
#define PUT(c) emit(P, (c), file, line)
	while (i < len && !P->oom) {
		char c = text[i];
		if (c == '\n') {
			PUT(c);
			line++;
			i++;
			bol = true;
			continue;
		}
		if (bol && (c == ' ' || c == '\t')) {
			/* blanks that start a line: held back in case an @include follows */
			size_t j = i;
			while (j < len && (text[j] == ' ' || text[j] == '\t'))
				j++;
			if (j < len && text[j] == '@') {
				i = j;
				continue;
			}
			for (; i < j; i++)
				PUT(text[i]);
			bol = false;
			continue;
		}
		bool at_bol = bol;
		bol = false;
		if (c == '#' || (c == '/' && i + 1 < len && text[i + 1] == '/')) {
			while (i < len && text[i] != '\n')
				PUT(text[i++]);
		} else if (c == '/' && i + 1 < len && text[i + 1] == '*') {
			int open = line;
			PUT(text[i++]);
			PUT(text[i++]);
			while (i < len && !(text[i] == '*' && i + 1 < len && text[i + 1] == '/')) {
				PUT(text[i]);
				if (text[i++] == '\n')
					line++;
			}
			if (i >= len) {
				if (P->depth > 1)
					pp_error(P, file, open, "comment not closed at the end of the file");
				break;
			}
			PUT(text[i++]);
			PUT(text[i++]);
		} else if (c == '"') {
			int open = line;
			PUT(text[i++]);
			while (i < len && text[i] != '"') {
				if (text[i] == '\\' && i + 1 < len)
					PUT(text[i++]);
				PUT(text[i]);
				if (text[i++] == '\n')
					line++;
			}
			if (i >= len) {
				if (P->depth > 1)
					pp_error(P, file, open, "string not closed at the end of the file");
				break;
			}
			PUT(text[i++]);
		} else if (c == '@') {
			size_t j = i + 1;
			while (j < len && is_name_char((unsigned char)text[j]))
				j++;
			if (j - i != 8 || strncmp(text + i, "@include", 8)) {
				PUT(text[i++]); /* libconfig reports the stray '@' */
				continue;
			}
			size_t k = j;
			while (k < len && (text[k] == ' ' || text[k] == '\t'))
				k++;
			if (!at_bol || k == j || k >= len || text[k] != '"') {
				pp_error(P, file, line, "@include must begin a line and be followed by the file "
				         "name in double quotes: @include \"FILE\"");
				i = j;
				continue;
			}
			size_t start = ++k;
			while (k < len && text[k] != '"' && text[k] != '\n')
				k++;
			if (k >= len || text[k] != '"') {
				pp_error(P, file, line, "@include: the file name's closing '\"' is missing");
				i = k;
				continue;
			}
			char *name = strndup(text + start, k - start);
			if (!name) {
				P->oom = true;
				break;
			}
			include(P, name, line);
			free(name);
			i = k + 1;
		} else if (is_name_start((unsigned char)c)) {
			while (i < len && is_name_char((unsigned char)text[i]))
				PUT(text[i++]);
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
			bool is_float = !hex && i < len && (text[i] == '.' || text[i] == 'e' || text[i] == 'E');
			if (is_float) /* libconfig reads these with strtod */
				while (i < len && (is_digit((unsigned char)text[i]) || text[i] == '.' ||
				                   text[i] == 'e' || text[i] == 'E' || text[i] == '-' ||
				                   text[i] == '+'))
					i++;
			bool long_lit = !is_float && i < len && text[i] == 'L';
			while (i < len && text[i] == 'L')
				i++;
			for (size_t k = start; k < i; k++)
				PUT(text[k]);
			if (!is_float && !long_lit) /* a 64-bit literal: libconfig reads it right */
				check_int(P, text, start, i, neg, hex, v, huge, line);
		} else {
			PUT(text[i++]);
		}
	}
#undef PUT
}

/* The last guard: no line of the combined text starts an include for libconfig. */
static void guard(struct pp *P)
{
	const struct cfgtext *ct = P->ct;
	const char *t = ct->text;
	int line = 1;
	for (size_t i = 0; t && i < ct->len; line++) {
		size_t j = i;
		while (j < ct->len && (t[j] == ' ' || t[j] == '\t'))
			j++;
		if (!strncmp(t + j, "@include", 8)) {
			size_t k = j + 8;
			while (k < ct->len && (t[k] == ' ' || t[k] == '\t'))
				k++;
			if (k > j + 8 && t[k] == '"') {
				int fl;
				const char *f = cfgtext_where(ct, line, &fl);
				diag_add(P->ds, DIAG_ERROR, f, fl, "a line inside a string or comment starts "
				         "with @include: write it another way");
				P->errors++;
			}
		}
		const char *nl = memchr(t + i, '\n', ct->len - i);
		if (!nl)
			break;
		i = (size_t)(nl - t) + 1;
	}
}

static int run(struct pp *P, const char *text, size_t len, const char *name, const char *dir,
               const struct file_id *id)
{
	int file = add_file(P, name);
	if (file < 0) {
		diag_add(P->ds, DIAG_ERROR, name, 0, "out of memory");
		return -1;
	}
	int nul = file_nul_line(text, len);
	if (nul) {
		pp_error(P, file, nul, "NUL byte in the file: this is not a text file");
		return -1;
	}
	P->stack[0] = (struct frame){ file, dir, id ? *id : (struct file_id){ 0, 0 }, id != NULL };
	P->depth = 1;
	lex(P, text, len);
	P->depth = 0;
	if (!P->oom && !P->ct->text)
		emit(P, '\n', file, 1); /* an empty file: an empty text, never NULL */
	if (P->oom) {
		diag_add(P->ds, DIAG_ERROR, name, 0, "out of memory");
		return -1;
	}
	if (P->ct->len > P->max && !P->too_big) {
		diag_add(P->ds, DIAG_ERROR, name, 0, "the file with everything it includes is larger "
		         "than %zu bytes", P->max);
		return -1;
	}
	guard(P);
	return P->errors ? -1 : 0;
}

int cfgtext_string(struct cfgtext *ct, const char *text, const char *name, const char *basedir,
                   size_t max, int flags, struct diags *ds)
{
	memset(ct, 0, sizeof *ct);
	struct pp P = { .ct = ct, .ds = ds, .max = max, .flags = flags };
	if (!name)
		name = "<string>";
	if (!text) {
		diag_add(ds, DIAG_ERROR, name, 0, "no text");
		return -1;
	}
	size_t len = strlen(text);
	if (len > max) {
		diag_add(ds, DIAG_ERROR, name, 0, "file is too big: %zu bytes, at most %zu", len, max);
		return -1;
	}
	return run(&P, text, len, name, basedir && *basedir ? basedir : ".", NULL);
}

int cfgtext_read(struct cfgtext *ct, const char *path, size_t max, int flags, struct diags *ds)
{
	memset(ct, 0, sizeof *ct);
	if (!path || !*path) {
		diag_add(ds, DIAG_ERROR, "brink", 0, "no file name given");
		return -1;
	}
	char *text = NULL;
	size_t len = 0;
	struct file_id id;
	int err = file_read_id(path, max, &text, &len, &id);
	if (err) {
		if (err == EFBIG)
			diag_add(ds, DIAG_ERROR, path, 0, "file is too big: larger than %zu bytes", max);
		else if (err == EISDIR)
			diag_add(ds, DIAG_ERROR, path, 0, "cannot read: it is a directory");
		else if (err == EINVAL)
			diag_add(ds, DIAG_ERROR, path, 0, "cannot read: not a regular file");
		else
			diag_add(ds, DIAG_ERROR, path, 0, "cannot open: %s", strerror(err));
		return -1;
	}
	char *dir = dir_of(path);
	struct pp P = { .ct = ct, .ds = ds, .max = max, .flags = flags };
	int rc = dir ? run(&P, text, len, path, dir, &id) : -1;
	if (!dir)
		diag_add(ds, DIAG_ERROR, path, 0, "out of memory");
	free(dir);
	free(text);
	return rc;
}

const char *cfgtext_where(const struct cfgtext *ct, int line, int *file_line)
{
	if (!ct->nfiles) {
		*file_line = line < 0 ? 0 : line;
		return NULL;
	}
	if (line >= 1 && line <= ct->nlines) {
		*file_line = ct->map[line - 1].line;
		return ct->files[ct->map[line - 1].file];
	}
	if (line > ct->nlines && ct->nlines > 0) {
		/* past the end (an error at the end of the text) */
		const struct cfgtext_line *last = &ct->map[ct->nlines - 1];
		*file_line = last->line + (line - ct->nlines);
		return ct->files[last->file];
	}
	*file_line = line < 0 ? 0 : line;
	return ct->files[0];
}

bool cfgtext_wrapped(const struct cfgtext *ct, int line)
{
	for (int i = 0; i < ct->nwrapped; i++)
		if (ct->wrapped[i] == line)
			return true;
	return false;
}

void cfgtext_free(struct cfgtext *ct)
{
	if (!ct)
		return;
	for (int i = 0; i < ct->nfiles; i++)
		free(ct->files[i]);
	free(ct->files);
	free(ct->text);
	free(ct->map);
	free(ct->wrapped);
	memset(ct, 0, sizeof *ct);
}
