/* cmd_report.c - `brink report SAVE [--format md|csv] [--out FILE]`: the after-action report. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../report/report.h"
#include "../save/save.h"
#include "../save/save_internal.h"
#include "cmd.h"

static int report_exec(int argc, char **argv)
{
	const char *save = NULL, *dir = NULL, *outp = NULL;
	int format = REPORT_MD;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *val = NULL;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			printf("Usage: brink %s\n%s\n", cmd_report.usage, cmd_report.help);
			return 0;
		}
		if (!strcmp(a, "--format") || !strcmp(a, "--out") || !strcmp(a, "--save-dir")) {
			if (++i >= argc)
				return cmd_usage_error("report: %s needs a value", a);
			val = argv[i];
		} else if (!strncmp(a, "--format=", 9) || !strncmp(a, "--out=", 6) || !strncmp(a, "--save-dir=", 11)) {
			val = strchr(a, '=') + 1;
		}
		if (val && !strncmp(a, "--format", 8)) {
			if (!strcmp(val, "md"))
				format = REPORT_MD;
			else if (!strcmp(val, "csv"))
				format = REPORT_CSV;
			else
				return cmd_usage_error("report: --format is md or csv, not '%s'", val);
		} else if (val && !strncmp(a, "--out", 5)) {
			if (!*val)
				return cmd_usage_error("report: --out needs a file name");
			outp = val;
		} else if (val) {
			dir = val;
		} else if (a[0] == '-' && a[1]) {
			return cmd_usage_error("report: unknown option '%s'", a);
		} else if (save) {
			return cmd_usage_error("report: one save at a time ('%s' and '%s')", save, a);
		} else {
			save = a;
		}
	}
	if (!save)
		return cmd_usage_error("report: which save? (a path, or a name in the save folder)");
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
		int rc = report_chart_png(s, png, &pd);
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
	int rc = report_write(s, &o, out);
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
	.usage = "report SAVE [--format md|csv] [--out FILE] [--save-dir DIR]",
	.help = "after-action report of a saved game (Markdown, or CSV of every variable per turn)",
	.exec = report_exec,
};
