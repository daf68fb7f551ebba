/* diag.c - collect errors and warnings pinned to FILE:LINE; print them GCC style.
 *
 * Messages often quote text from the input file, so control characters are
 * replaced when a diagnostic is stored: a hostile file cannot send escape
 * sequences to the author's terminal. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

/* Copy SRC into DST (size N), replacing control bytes with '?'. */
static void diag_copy_clean(char *dst, size_t n, const char *src)
{
	size_t i = 0;
	for (; src[i] && i + 1 < n; i++) {
		unsigned char c = (unsigned char)src[i];
		dst[i] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
	}
	dst[i] = '\0';
}

struct diags *diags_new(void)
{
	return calloc(1, sizeof(struct diags));
}

void diags_free(struct diags *ds)
{
	free(ds);
}

void diags_clear(struct diags *ds)
{
	if (ds)
		memset(ds, 0, sizeof *ds);
}

void diag_add(struct diags *ds, int level, const char *file, int line, const char *fmt, ...)
{
	if (!ds)
		return;
	if (level == DIAG_ERROR)
		ds->errors++;
	else
		ds->warnings++;
	if (ds->n >= DIAG_MAX) {
		ds->more++;
		return;
	}
	struct diag *d = &ds->d[ds->n++];
	d->level = level;
	d->line = line < 0 ? 0 : line;
	diag_copy_clean(d->file, sizeof d->file, file ? file : "");
	char msg[DIAG_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_copy_clean(d->msg, sizeof d->msg, msg);
}

void diag_print(const struct diags *ds, FILE *out)
{
	if (!ds)
		return;
	for (int i = 0; i < ds->n; i++) {
		const struct diag *d = &ds->d[i];
		fprintf(out, "%s:%d: %s: %s\n", d->file[0] ? d->file : "brink", d->line,
		        d->level == DIAG_ERROR ? "error" : "warning", d->msg);
	}
	if (ds->more > 0)
		fprintf(out, "brink: %d more problem%s not shown\n", ds->more, ds->more == 1 ? "" : "s");
}
