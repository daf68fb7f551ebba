/* cmd.c - helpers shared by the subcommands: usage errors, number parsing. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "../scenario/scenario.h"
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

struct rules *cmd_scenario_load(const char *name)
{
	char path[1024];
	if (scenario_find(name, path, sizeof path) < 0) {
		fprintf(stderr, "brink: no scenario '%s' found (a .cfg file or an id; 'brink scenarios' "
		                "lists them)\n", name);
		return NULL;
	}
	struct rules *rules = malloc(sizeof *rules);
	struct diags *ds = calloc(1, sizeof *ds);
	if (!rules || !ds) {
		free(rules);
		free(ds);
		fputs("brink: out of memory\n", stderr);
		return NULL;
	}
	int bad = scenario_load(path, rules, ds);
	diag_print(ds, stderr);
	free(ds);
	if (bad) {
		free(rules);
		return NULL;
	}
	return rules;
}
