/* cmd.c - helpers shared by the subcommands: usage errors, number parsing. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"

int cmd_usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("brink: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputs("\nTry 'brink --help'.\n", stderr);
	va_end(ap);
	return 2;
}

int cmd_parse_u64(const char *s, unsigned long long *out)
{
	if (!s || *s < '0' || *s > '9')
		return -1;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end)
		return -1;
	*out = v;
	return 0;
}
