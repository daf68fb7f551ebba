/* cmd.h - the subcommands of the command line, their option tables and the one parser.
 *
 * Every subcommand lives in game/cmd/cmd_NAME.c behind a struct cmd that
 * declares, as data, its operands and a table of options (struct cmd_opt):
 * name, value, type, range, where the value goes and its help. One parser,
 * cmd_parse(), reads argv against that table for every command, so they all
 * take --opt=value and --opt value, word usage errors alike (one line on
 * stderr, exit 2, a pointer to --help, a "did you mean" for near misses) and
 * print --help generated from the same table. Adding an option is adding a
 * table entry; adding a command is a file and one line in cmd_table (cmd.c).
 *
 * Exit status of every command: 0 success, 1 bad input (file), 2 usage. */
#ifndef BRINK_CMD_H
#define BRINK_CMD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum cmd_type {
	CMD_FLAG,   /* bool: set to true when given; takes no value */
	CMD_TEXT,   /* const char *: any non-empty value */
	CMD_NUMBER, /* unsigned long long: a whole number in [min, max] */
	CMD_LEVEL,  /* int: an AI level's enum value (game/ai's names) */
	CMD_CUSTOM, /* .parse decides and stores */
};

/* Writes the reason a value is wrong into WHY (one line, no trailing
 * punctuation) and returns -1, or stores the value into ARGS and returns 0.
 * ARG is the option's .arg: one function serves rows that differ only by it
 * (--nato and --russia: the side). */
typedef int cmd_parse_fn(void *args, int arg, const char *value, char *why, size_t len);

/* Writes text computed at run time (a default, a list) into BUF. */
typedef void cmd_note_fn(char *buf, size_t len);

struct cmd_opt {
	const char *name;            /* "seed" for --seed; NULL ends the table */
	const char *value;           /* "N" as shown in usage and help; NULL for a flag */
	enum cmd_type type;
	size_t offset;               /* of the field in the command's argument struct */
	size_t seen;                 /* CMD_SEEN(): a bool set when given; 0: none */
	unsigned long long min, max; /* CMD_NUMBER: the accepted range */
	cmd_parse_fn *parse;         /* CMD_CUSTOM */
	int arg;                     /* CMD_CUSTOM: handed to .parse (a side: SIDE_NATO...) */
	const char *help;            /* one paragraph; wrapped at 80 columns */
	cmd_note_fn *note;           /* optional: text appended to help at run time */
};

/* The .seen of an option: the bool field F of struct T (offset + 1, as 0 means none). */
#define CMD_SEEN(T, F) (offsetof(T, F) + 1)

#define CMD_MANY (-1) /* max_operands: no limit */

struct cmd {
	const char *name;            /* "play" */
	const char *operands;        /* "[SCENARIO]", "SAVE", "FILE...": for usage */
	int min_operands, max_operands;
	const char *missing;         /* the reason when operands are missing */
	const char *summary;         /* one line for brink --help */
	const char *about;           /* brink CMD --help: paragraphs before the options */
	const char *more;            /* brink CMD --help: paragraphs after the options */
	const struct cmd_opt *opts;  /* ends with an entry whose name is NULL; may be NULL */
	int (*exec)(int argc, char **argv);
};

/* Every command, in the order brink --help lists them; NULL-terminated. */
extern const struct cmd *const cmd_table[];

extern const struct cmd cmd_play, cmd_load, cmd_check, cmd_sim, cmd_replay,
	cmd_report, cmd_scenarios, cmd_menu, cmd_serve, cmd_join, cmd_watch;

/* The command line: brink [COMMAND [ARGS...]]. Returns the exit status. */
int cmd_main(int argc, char **argv);

/* Read ARGV[1..ARGC-1] (ARGV[0] is the command's name) against C's table,
 * storing option values into ARGS (the command's argument struct, already
 * holding its defaults). On success returns 0 and moves the operands to
 * ARGV[1..*NOPS], in order. Returns -1 after printing --help (exit 0), or 2
 * after printing a usage error. */
int cmd_parse(const struct cmd *c, int argc, char **argv, void *args, int *nops);

/* Print C's --help, generated from its table: no line wider than 80 columns. */
void cmd_help(const struct cmd *c, FILE *out);

/* Print "brink CMD: REASON; try 'brink CMD --help'" (C NULL: brink --help)
 * on one line of stderr; returns 2. */
int cmd_usage_error(const struct cmd *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A cmd_note_fn: "Levels: easy, normal, ..." from game/ai's one list. */
void cmd_note_levels(char *buf, size_t len);

/* Parse a non-negative decimal integer; returns 0 or -1. */
int cmd_parse_u64(const char *s, unsigned long long *out);

/* Find the scenario NAME (path or id) and load it, printing its diagnostics
 * on stderr. Returns a malloc'd struct rules the caller frees, or NULL. */
struct rules *cmd_scenario_load(const char *name);

#endif
