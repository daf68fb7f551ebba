/* cmd.c - the command line: the table of commands, the one option parser, usage and help.
 *
 * Nothing here knows a particular command: every option, operand and help
 * text comes from the struct cmd tables of game/cmd/cmd_*.c. Usage errors are
 * one line on stderr and exit status 2; help goes to stdout, wrapped so that
 * no line is wider than 80 columns. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/path.h"
#include "../ai/ai.h"
#include "../base/text.h"
#include "../scenario/scenario.h"
#include "cmd.h"

#define HELP_WIDTH 80
#define HELP_COLUMN 28 /* where option help starts; a longer option takes its own line */

const struct cmd *const cmd_table[] = {
	&cmd_play, &cmd_load, &cmd_check, &cmd_sim, &cmd_replay, &cmd_report, &cmd_scenarios,
	&cmd_serve, &cmd_join, &cmd_watch,
	&cmd_menu, NULL,
};

int cmd_usage_error(const struct cmd *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "brink%s%s: ", c ? " " : "", c ? c->name : "");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "; try 'brink%s%s --help'\n", c ? " " : "", c ? c->name : "");
	va_end(ap);
	return 2;
}

void cmd_note_levels(char *buf, size_t len)
{
	char list[256];
	ai_level_list(list, sizeof list);
	snprintf(buf, len, "Levels: %s.", list);
}

int cmd_parse_u64(const char *s, unsigned long long *out)
{
	uint64_t v;
	if (parse_u64(s, &v) < 0)
		return -1;
	*out = v;
	return 0;
}

/* ---- help ---- */

/* Print TEXT from column COL (already reached on the current line), breaking
 * lines at spaces before WIDTH and starting each new line at column INDENT;
 * '\n' in TEXT forces a break. When WHOLE_BRACKETS, never breaks inside
 * "[...]" (usage synopses). Ends without a newline; returns the column. */
static int wrap(FILE *out, const char *text, int col, int indent, bool whole_brackets)
{
	const char *p = text;
	bool fresh = true; /* no space before the next word */
	while (*p) {
		if (*p == '\n') {
			fprintf(out, "\n%*s", indent, "");
			col = indent;
			fresh = true;
			p++;
			continue;
		}
		if (*p == ' ') {
			p++;
			continue;
		}
		/* the next word: up to a space outside brackets */
		size_t n = 0;
		int depth = 0;
		while (p[n] && p[n] != '\n' && (p[n] != ' ' || depth > 0)) {
			if (whole_brackets && p[n] == '[')
				depth++;
			else if (whole_brackets && p[n] == ']' && depth > 0)
				depth--;
			n++;
		}
		if (!fresh && col + 1 + (int)n > HELP_WIDTH) {
			fprintf(out, "\n%*s", indent, "");
			col = indent;
			fresh = true;
		}
		fprintf(out, "%s%.*s", fresh ? "" : " ", (int)n, p);
		col += (fresh ? 0 : 1) + (int)n;
		fresh = false;
		p += n;
	}
	return col;
}

/* "--seed N" or "--plain" into BUF. */
static void opt_label(const struct cmd_opt *o, char *buf, size_t len)
{
	snprintf(buf, len, "--%s%s%s", o->name, o->value ? " " : "", o->value ? o->value : "");
}

/* "play [SCENARIO] [--side nato|russia|both] ..." into BUF. */
static void synopsis(const struct cmd *c, char *buf, size_t len)
{
	size_t n = (size_t)snprintf(buf, len, "%s", c->name);
	if (c->operands && *c->operands && n < len)
		n += (size_t)snprintf(buf + n, len - n, " %s", c->operands);
	for (const struct cmd_opt *o = c->opts; o && o->name && n < len; o++) {
		char label[128];
		opt_label(o, label, sizeof label);
		n += (size_t)snprintf(buf + n, len - n, " [%s]", label);
	}
}

static void opt_help(const struct cmd_opt *o, FILE *out)
{
	char label[128], text[1024];
	opt_label(o, label, sizeof label);
	fprintf(out, "  %s", label);
	int col = 2 + (int)strlen(label);
	if (col + 2 > HELP_COLUMN) {
		fprintf(out, "\n%*s", HELP_COLUMN, "");
	} else {
		fprintf(out, "%*s", HELP_COLUMN - col, "");
	}
	size_t n = (size_t)snprintf(text, sizeof text, "%s", o->help ? o->help : "");
	if (o->note && n < sizeof text - 1) {
		text[n++] = ' ';
		o->note(text + n, sizeof text - n);
	}
	wrap(out, text, HELP_COLUMN, HELP_COLUMN, false);
	fputc('\n', out);
}

void cmd_help(const struct cmd *c, FILE *out)
{
	char syn[2048];
	synopsis(c, syn, sizeof syn);
	fputs("Usage: brink ", out);
	int indent = 13 + (int)strlen(c->name) + 1;
	wrap(out, syn, 13, indent > 40 ? 13 : indent, true);
	fputs("\n\n", out);
	if (c->about) {
		wrap(out, c->about, 0, 0, false);
		fputs("\n\n", out);
	}
	for (const struct cmd_opt *o = c->opts; o && o->name; o++)
		opt_help(o, out);
	static const struct cmd_opt help = { .name = "help", .help = "this text" };
	opt_help(&help, out);
	if (c->more) {
		fputc('\n', out);
		wrap(out, c->more, 0, 0, false);
		fputc('\n', out);
	}
}

static void main_help(FILE *out)
{
	fputs("Usage: brink [COMMAND [ARGS...]]\n\n", out);
	wrap(out, "Brink is a turn-based strategy game about NATO-Russia tensions: the security "
	          "dilemma, played at the terminal. Without a command, the title menu opens.",
	     0, 0, false);
	fputs("\n\nCommands:\n", out);
	for (int i = 0; cmd_table[i]; i++) {
		const struct cmd *c = cmd_table[i];
		char syn[2048];
		synopsis(c, syn, sizeof syn);
		fputs("  brink ", out);
		wrap(out, syn, 8, 9 + (int)strlen(c->name), true);
		fputs("\n      ", out);
		wrap(out, c->summary, 6, 6, false);
		fputc('\n', out);
	}
	fputs("  brink --help | --version\n\n", out);
	wrap(out, "Run 'brink COMMAND --help' for a command's options; man brink(6) for the game "
	          "and brink-scenario(5) for the scenario format.", 0, 0, false);
	fputc('\n', out);
}

/* ---- parsing ---- */

static int unknown_option(const struct cmd *c, const char *arg, size_t len)
{
	const char *names[64];
	int n = 0;
	for (const struct cmd_opt *o = c->opts; o && o->name && n < 62; o++)
		names[n++] = o->name;
	names[n++] = "help";
	names[n] = NULL;
	char word[64];
	snprintf(word, sizeof word, "%.*s", (int)(len < 63 ? len : 63), arg + 2);
	const char *near = arg[1] == '-' ? text_nearest(word, names) : NULL;
	if (near)
		return cmd_usage_error(c, "unknown option '%.*s' (did you mean '--%s'?)", (int)len, arg,
		                       near);
	return cmd_usage_error(c, "unknown option '%.*s'", (int)len, arg);
}

static const struct cmd_opt *opt_find(const struct cmd *c, const char *name, size_t len)
{
	for (const struct cmd_opt *o = c->opts; o && o->name; o++)
		if (strlen(o->name) == len && !strncmp(o->name, name, len))
			return o;
	return NULL;
}

/* Store option O's value V into ARGS; returns 0 or the usage status. */
static int opt_store(const struct cmd *c, const struct cmd_opt *o, const char *v, void *args)
{
	void *field = (char *)args + o->offset;
	unsigned long long n;
	char why[256];
	switch (o->type) {
	case CMD_FLAG:
		*(bool *)field = true;
		break;
	case CMD_TEXT:
		if (!*v)
			return cmd_usage_error(c, "--%s needs a value (%s), not an empty one", o->name,
			                       o->value);
		*(const char **)field = v;
		break;
	case CMD_NUMBER:
		if (cmd_parse_u64(v, &n) < 0 || n < o->min || n > o->max) {
			if (o->min == 0 && o->max == ULLONG_MAX)
				return cmd_usage_error(c, "--%s needs a whole number, not '%s'", o->name, v);
			return cmd_usage_error(c, "--%s needs a whole number from %llu to %llu, not '%s'",
			                       o->name, o->min, o->max, v);
		}
		*(unsigned long long *)field = n;
		break;
	case CMD_LEVEL:
		if ((*(int *)field = ai_level_parse(v)) < 0) {
			ai_level_list(why, sizeof why);
			return cmd_usage_error(c, "unknown AI level '%s' for --%s (%s)", v, o->name, why);
		}
		break;
	case CMD_CUSTOM:
		if (o->parse(args, o->arg, v, why, sizeof why) < 0)
			return cmd_usage_error(c, "%s", why);
		break;
	}
	if (o->seen)
		*(bool *)((char *)args + o->seen - 1) = true;
	return 0;
}

/* The option at ARGV[*I] (which starts with '-'), with its value. */
static int parse_option(const struct cmd *c, int argc, char **argv, int *i, void *args)
{
	const char *a = argv[*i];
	if (a[1] != '-')
		return unknown_option(c, a, strlen(a));
	const char *eq = strchr(a + 2, '=');
	size_t len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
	const struct cmd_opt *o = opt_find(c, a + 2, len);
	if (!o)
		return unknown_option(c, a, len + 2);
	const char *v = "";
	if (!o->value) {
		if (eq)
			return cmd_usage_error(c, "--%s takes no value", o->name);
	} else if (eq) {
		v = eq + 1;
	} else if (*i + 1 < argc) {
		v = argv[++*i];
	} else {
		return cmd_usage_error(c, "--%s needs a value (%s)", o->name, o->value);
	}
	return opt_store(c, o, v, args);
}

/* C's operand name without brackets or dots: "SCENARIO", "SAVE". */
static void operand_name(const struct cmd *c, char *buf, size_t len)
{
	snprintf(buf, len, "%s", c->operands && *c->operands ? c->operands : "argument");
	char *w = buf;
	for (const char *r = buf; *r; r++)
		if (*r != '[' && *r != ']' && *r != '.')
			*w++ = (char)tolower((unsigned char)*r);
	*w = '\0';
}

static int check_operands(const struct cmd *c, char **argv, int n)
{
	char name[64];
	operand_name(c, name, sizeof name);
	if (n < c->min_operands) {
		if (c->missing)
			return cmd_usage_error(c, "%s", c->missing);
		return cmd_usage_error(c, "no %s given", name);
	}
	if (c->max_operands != CMD_MANY && n > c->max_operands) {
		if (c->max_operands == 0)
			return cmd_usage_error(c, "unexpected argument '%s'", argv[1]);
		if (c->max_operands == 1)
			return cmd_usage_error(c, "one %s at a time ('%s' and '%s')", name, argv[1],
			                       argv[2]);
		return cmd_usage_error(c, "at most %d arguments", c->max_operands);
	}
	return 0;
}

int cmd_parse(const struct cmd *c, int argc, char **argv, void *args, int *nops)
{
	int n = 0;
	bool options = true;
	*nops = 0;
	for (int i = 1; i < argc; i++) {
		char *a = argv[i];
		if (!options || a[0] != '-' || !a[1]) {
			argv[++n] = a; /* n < i: never overwrites an argument not yet read */
		} else if (!strcmp(a, "--")) {
			options = false; /* a file whose name starts with '-' */
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			cmd_help(c, stdout);
			return -1;
		} else {
			int rc = parse_option(c, argc, argv, &i, args);
			if (rc)
				return rc;
		}
	}
	int rc = check_operands(c, argv, n);
	if (rc)
		return rc;
	*nops = n;
	return 0;
}

/* ---- the command line ---- */

/* ARG (an option given before any command) belongs to a command: point there. */
static int option_first(int argc, char **argv)
{
	const char *a = argv[1];
	const char *eq = strchr(a, '=');
	size_t len = eq ? (size_t)(eq - a) : strlen(a);
	for (int i = 0; cmd_table[i] && a[1] == '-'; i++) {
		const struct cmd_opt *o = opt_find(cmd_table[i], a + 2, len - 2);
		if (!o)
			continue;
		const char *v = o->value && !eq && argc > 2 ? argv[2] : "";
		return cmd_usage_error(NULL, "'%.*s' is an option of a command, as in 'brink %s %s%s%s'",
		                       (int)len, a, cmd_table[i]->name, a, *v ? " " : "", v);
	}
	return cmd_usage_error(NULL, "unknown option '%.*s'", (int)len, a);
}

static int unknown_command(const char *name)
{
	const char *names[32];
	int n = 0;
	for (int i = 0; cmd_table[i] && n < 31; i++)
		names[n++] = cmd_table[i]->name;
	names[n] = NULL;
	const char *near = text_nearest(name, names);
	if (near)
		return cmd_usage_error(NULL, "unknown command '%s' (did you mean '%s'?)", name, near);
	return cmd_usage_error(NULL, "unknown command '%s'", name);
}

/* A command whose standard output could not be written failed, whatever it
 * thought (a full disk, /dev/full, a closed descriptor): exit 1 and say so. */
static int output_checked(int rc)
{
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	fprintf(stderr, "brink: cannot write to standard output: %s\n",
	        errno ? strerror(errno) : "write error");
	return rc ? rc : 1;
}

int cmd_main(int argc, char **argv)
{
	if (argc < 2)
		return cmd_menu.exec(argc, argv);
	const char *name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
		for (int i = 0; argc > 2 && cmd_table[i]; i++)
			if (!strcmp(argv[2], cmd_table[i]->name)) {
				cmd_help(cmd_table[i], stdout); /* brink help CMD */
				return 0;
			}
		main_help(stdout);
		return 0;
	}
	if (!strcmp(name, "--version") || !strcmp(name, "-V")) {
		printf("brink %s\n", BRINK_VERSION);
		return 0;
	}
	for (int i = 0; cmd_table[i]; i++)
		if (!strcmp(name, cmd_table[i]->name))
			return output_checked(cmd_table[i]->exec(argc - 1, argv + 1));
	if (name[0] == '-' && name[1])
		return option_first(argc, argv);
	return unknown_command(name);
}

struct rules *cmd_scenario_load(const char *name)
{
	char path[1024];
	struct diags *warn = diags_new();
	int found = scenario_find(name, path, sizeof path, warn);
	diag_print(warn, stderr); /* files skipped on the way, each named */
	diags_free(warn);
	if (found < 0) {
		fprintf(stderr, "brink: no scenario '%s' found (a .cfg file or an id; 'brink scenarios' "
		                "lists them)\n", name);
		return NULL;
	}
	struct rules *rules = malloc(sizeof *rules);
	struct diags *ds = diags_new();
	if (!rules || !ds) {
		free(rules);
		diags_free(ds);
		fputs("brink: out of memory\n", stderr);
		return NULL;
	}
	int bad = scenario_load(path, rules, ds);
	diag_print(ds, stderr);
	diags_free(ds);
	if (bad) {
		free(rules);
		return NULL;
	}
	return rules;
}
