/* cmd_report.c - `brink report SAVE`: the after-action report. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../report/report.h"
#include "../save/save.h"
#include "../save/save_internal.h"
#include "cmd.h"

struct report_args {
	int format;       /* REPORT_MD, REPORT_CSV */
	const char *out;  /* --out FILE */
	const char *dir;  /* --save-dir */
};

static int parse_format(void *args, const char *v, char *why, size_t len)
{
	struct report_args *a = args;
	int f = !strcmp(v, "md") ? REPORT_MD : !strcmp(v, "csv") ? REPORT_CSV : -1;
	if (f < 0) {
		snprintf(why, len, "--format is md or csv, not '%s'", v);
		return -1;
	}
	a->format = f;
	return 0;
}

static const struct cmd_opt report_opts[] = {
	{ .name = "format", .value = "md|csv", .type = CMD_CUSTOM, .parse = parse_format,
	  .help = "md: a Markdown report (default); csv: every variable per turn" },
	{ .name = "out", .value = "FILE", .type = CMD_TEXT, .offset = offsetof(struct report_args, out),
	  .help = "write to FILE instead of stdout (with md, also a PNG chart beside it when "
	          "gnuplot is installed)" },
	{ .name = "save-dir", .value = "DIR", .type = CMD_TEXT,
	  .offset = offsetof(struct report_args, dir), .help = "the save folder to look in" },
	{ .name = NULL },
};

static int report_exec(int argc, char **argv)
{
	struct report_args a = { .format = REPORT_MD, .out = NULL, .dir = NULL };
	int n, rc = cmd_parse(&cmd_report, argc, argv, &a, &n);
	if (rc)
		return rc < 0 ? 0 : rc;
	const char *save = argv[1], *dir = a.dir, *outp = a.out;
	int format = a.format;
	char path[4096];
	if (save_locate(save, dir, path, sizeof path)) {
		fprintf(stderr, "%s: error: no such save\n", save);
		return 1;
	}
	struct diags ds = { 0 };
	struct session *s = NULL;
	if (save_read(path, &s, &ds)) {
		diag_print(&ds, stderr);
		return 1;
	}
	diag_print(&ds, stderr);
	char png[4096];
	struct report_opts o = { .format = format, .png = NULL };
	if (outp && format == REPORT_MD && report_png_path(outp, png, sizeof png) == 0) {
		struct diags pd = { 0 };
		rc = report_chart_png(s, png, &pd);
		if (rc == 0) {
			const char *slash = strrchr(png, '/');
			o.png = slash ? slash + 1 : png; /* linked relative to the report */
		} else if (rc < 0) {
			diag_print(&pd, stderr);
		}
	}
	FILE *out = outp ? fopen(outp, "w") : stdout;
	if (!out) {
		fprintf(stderr, "%s: error: cannot write the report: %s\n", outp, strerror(errno));
		session_free(s);
		return 1;
	}
	rc = report_write(s, &o, out);
	if (outp && fclose(out))
		rc = -1;
	session_free(s);
	if (rc) {
		fprintf(stderr, "%s: error: the report could not be written\n", outp ? outp : "stdout");
		return 1;
	}
	return 0;
}

const struct cmd cmd_report = {
	.name = "report",
	.operands = "SAVE",
	.min_operands = 1,
	.max_operands = 1,
	.missing = "which save? (a path, or a name in the save folder)",
	.summary = "after-action report of a saved game (Markdown, or CSV of every variable per "
	           "turn)",
	.about = "The after-action report of a saved game: what happened, turn by turn, and why.",
	.opts = report_opts,
	.exec = report_exec,
};
