/* cmd_report.c - `brink report SAVE`: the after-action report; `--class SAVE_OR_DIR...`: a class's games. */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../base/file.h"
#include "../report/report.h"
#include "../report/report_class.h"
#include "../save/save.h"
#include "../save/save_catalog.h"
#include "../save/save_internal.h"
#include "cmd.h"

struct report_args {
	int format;       /* REPORT_MD, REPORT_CSV */
	const char *out;  /* --out FILE */
	const char *dir;  /* --save-dir */
	bool class_;      /* --class: many games, one row each */
};

static int parse_format(void *args, int arg, const char *v, char *why, size_t len)
{
	(void)arg;
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
	{ .name = "class", .type = CMD_FLAG, .offset = offsetof(struct report_args, class_),
	  .help = "the class report: every save and every folder of saves given, one row per game "
	          "(a game's latest save stands for it), the spread across the class, every game's "
	          "tension on one chart and debrief prompts; csv: one row per game" },
	{ .name = NULL },
};

/* The games of a class report. */
struct class_set {
	struct class_game *g;
	struct session **s;  /* owned */
	char **name;         /* owned */
	int n, cap;
	bool bad;            /* a save could not be read */
};

/* Names in natural order: table-2 before table-10. */
static int natural_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			char *ea, *eb;
			unsigned long long x = strtoull(a, &ea, 10), y = strtoull(b, &eb, 10);
			if (x != y)
				return x < y ? -1 : 1;
			a = ea, b = eb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		a++, b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

static int game_cmp(const void *x, const void *y)
{
	return natural_cmp(((const struct class_game *)x)->name, ((const struct class_game *)y)->name);
}

/* Load the save at PATH into SET; a game already there keeps its latest save. */
static void class_add(struct class_set *set, const char *path)
{
	struct session *s = save_open(path, NULL, NULL, 0, stderr);
	if (!s) {
		set->bad = true;
		return;
	}
	char name[4096];
	if (s->id[0])
		snprintf(name, sizeof name, "%s", s->id);
	else
		save_stem(path, name, sizeof name);
	for (int i = 0; i < set->n; i++)
		if (!strcmp(set->name[i], name)) {
			if (s->turns > set->s[i]->turns) {
				session_free(set->s[i]);
				set->s[i] = s;
				set->g[i].s = s;
			} else {
				session_free(s);
			}
			return;
		}
	if (set->n == set->cap) {
		int cap = set->cap ? set->cap * 2 : 16;
		struct class_game *g = realloc(set->g, sizeof *g * (size_t)cap);
		if (g)
			set->g = g;
		struct session **ss = realloc(set->s, sizeof *ss * (size_t)cap);
		if (ss)
			set->s = ss;
		char **nn = realloc(set->name, sizeof *nn * (size_t)cap);
		if (nn)
			set->name = nn;
		if (!g || !ss || !nn) {
			session_free(s);
			set->bad = true;
			return;
		}
		set->cap = cap;
	}
	set->name[set->n] = strdup(name);
	if (!set->name[set->n]) {
		session_free(s);
		set->bad = true;
		return;
	}
	set->s[set->n] = s;
	set->n++;
}

static void class_free(struct class_set *set)
{
	for (int i = 0; i < set->n; i++) {
		session_free(set->s[i]);
		free(set->name[i]);
	}
	free(set->g);
	free(set->s);
	free(set->name);
}

static int class_exec(const struct report_args *a, int nops, char **ops)
{
	struct class_set set;
	memset(&set, 0, sizeof set);
	for (int i = 0; i < nops; i++) {
		struct stat st;
		if (stat(ops[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			char **list;
			int k = save_folder_list(ops[i], &list);
			if (k < 0) {
				fprintf(stderr, "%s: error: cannot read the folder: %s\n", ops[i], strerror(errno));
				set.bad = true;
			} else if (k == 0) {
				fprintf(stderr, "%s: warning: no saves (*.save) in this folder\n", ops[i]);
			}
			for (int j = 0; j < k; j++) {
				class_add(&set, list[j]);
				free(list[j]);
			}
			free(list);
			continue;
		}
		char path[4096];
		if (save_find(ops[i], a->dir, path, sizeof path, stderr)) {
			set.bad = true;
			continue;
		}
		class_add(&set, path);
	}
	for (int i = 0; i < set.n; i++) {
		set.g[i].s = set.s[i];
		set.g[i].name = set.name[i];
	}
	/* The order of the rows: by name, so table-2 comes before table-10. */
	if (set.n > 1)
		qsort(set.g, (size_t)set.n, sizeof *set.g, game_cmp);
	if (set.n == 0) {
		fprintf(stderr, "brink report: error: no game to report on\n");
		class_free(&set);
		return 1;
	}
	char png[4096];
	const char *link = NULL;
	if (a->out && a->format == REPORT_MD && report_png_path(a->out, png, sizeof png) == 0) {
		struct diags *pd = diags_new(); /* about 52 KB: never on the stack */
		int rc = pd ? report_class_png(set.g, set.n, png, pd) : -1;
		if (rc == 0) {
			const char *slash = strrchr(png, '/');
			link = slash ? slash + 1 : png; /* linked relative to the report */
		} else if (rc < 0) {
			diag_print(pd, stderr);
		}
		diags_free(pd);
	}
	FILE *out = a->out ? file_create(a->out) : stdout;
	if (!out) {
		fprintf(stderr, "%s: error: cannot write the report: %s\n", a->out, strerror(errno));
		class_free(&set);
		return 1;
	}
	int rc = report_class_write(set.g, set.n, a->format, link, out);
	if (a->out && fclose(out))
		rc = -1;
	if (rc)
		fprintf(stderr, "%s: error: the report could not be written\n", a->out ? a->out : "stdout");
	bool bad = set.bad;
	class_free(&set);
	return rc || bad ? 1 : 0;
}

static int report_exec(int argc, char **argv)
{
	struct report_args a = { .format = REPORT_MD, .out = NULL, .dir = NULL, .class_ = false };
	int n, rc = cmd_parse(&cmd_report, argc, argv, &a, &n);
	if (rc)
		return rc < 0 ? 0 : rc;
	if (a.class_)
		return class_exec(&a, n, argv + 1);
	if (n > 1)
		return cmd_usage_error(&cmd_report, "one save at a time ('%s' and '%s'); --class reports on "
		                       "many", argv[1], argv[2]);
	const char *save = argv[1], *dir = a.dir, *outp = a.out;
	int format = a.format;
	struct session *s = save_open(save, dir, NULL, 0, stderr);
	if (!s)
		return 1;
	char png[4096];
	struct report_opts o = { .format = format, .png = NULL };
	if (outp && format == REPORT_MD && report_png_path(outp, png, sizeof png) == 0) {
		struct diags *pd = diags_new(); /* about 52 KB: never on the stack */
		rc = pd ? report_chart_png(s, png, pd) : -1;
		if (rc == 0) {
			const char *slash = strrchr(png, '/');
			o.png = slash ? slash + 1 : png; /* linked relative to the report */
		} else if (rc < 0) {
			diag_print(pd, stderr);
		}
		diags_free(pd);
	}
	FILE *out = outp ? file_create(outp) : stdout;
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
	.operands = "SAVE...",
	.min_operands = 1,
	.max_operands = CMD_MANY,
	.missing = "which save? (a path, or a name in the save folder)",
	.summary = "after-action report of a saved game (Markdown, or CSV of every variable per "
	           "turn)",
	.about = "The after-action report of a saved game: what happened, turn by turn, and why. "
	         "With --class, the report of a class's games: give their saves, or folders of saves "
	         "(each game counted once, by its latest save). A save that cannot be read is named "
	         "on stderr, left out, and makes the exit status 1.",
	.opts = report_opts,
	.exec = report_exec,
};
