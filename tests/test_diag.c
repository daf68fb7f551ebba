/* test_diag.c - diagnostics: counting, the cap, GCC-style printing, sanitised text. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../game/base/diag.h"

static char *print_all(const struct diags *ds)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	cr_assert(f);
	diag_print(ds, f);
	fclose(f);
	return buf;
}

Test(diag, prints_gcc_style)
{
	struct diags *ds = calloc(1, sizeof *ds);
	diag_add(ds, DIAG_ERROR, "a.cfg", 12, "'turns' is %d, outside %d..%d", 99, 1, 60);
	diag_add(ds, DIAG_WARNING, "b.cfg", 3, "unknown key '%s'", "titel");
	diag_add(ds, DIAG_ERROR, NULL, 0, "no file");
	cr_expect_eq(ds->n, 3);
	cr_expect_eq(ds->errors, 2);
	cr_expect_eq(ds->warnings, 1);
	char *out = print_all(ds);
	cr_expect_str_eq(out, "a.cfg:12: error: 'turns' is 99, outside 1..60\n"
	                      "b.cfg:3: warning: unknown key 'titel'\n"
	                      "brink:0: error: no file\n");
	free(out);
	free(ds);
}

Test(diag, keeps_the_first_hundred_and_counts_the_rest)
{
	struct diags *ds = calloc(1, sizeof *ds);
	for (int i = 0; i < DIAG_MAX + 5; i++)
		diag_add(ds, DIAG_ERROR, "f.cfg", i + 1, "problem %d", i);
	cr_expect_eq(ds->n, DIAG_MAX);
	cr_expect_eq(ds->more, 5);
	cr_expect_eq(ds->errors, DIAG_MAX + 5);
	char *out = print_all(ds);
	cr_expect(strstr(out, "f.cfg:100: error: problem 99\n"));
	cr_expect(!strstr(out, "problem 100"));
	cr_expect(strstr(out, "brink: 5 more problems not shown\n"));
	free(out);
	free(ds);
}

Test(diag, control_characters_and_long_text_are_tamed)
{
	struct diags *ds = calloc(1, sizeof *ds);
	diag_add(ds, DIAG_ERROR, "evil\x1b[2J.cfg", 1, "name \"%s\"", "\x1b]0;pwned\x07");
	cr_expect_str_eq(ds->d[0].file, "evil?[2J.cfg");
	cr_expect_str_eq(ds->d[0].msg, "name \"?]0;pwned?\"");
	char longs[1000];
	memset(longs, 'x', sizeof longs - 1);
	longs[sizeof longs - 1] = '\0';
	diag_add(ds, DIAG_WARNING, longs, 2, "%s", longs);
	cr_expect_eq(strlen(ds->d[1].file), DIAG_FILE_MAX - 1);
	cr_expect_eq(strlen(ds->d[1].msg), DIAG_MSG_MAX - 1);
	diag_add(NULL, DIAG_ERROR, "x", 1, "ignored"); /* no crash */
	diag_print(NULL, stdout);
	free(ds);
}
