/* cmd.h - the subcommands of the command line, one file each (game/cmd/cmd_*.c).
 *
 * main() finds the subcommand by name and calls its exec with argv[0] being
 * the subcommand's name. Exit status: 0 success, 1 bad input (file), 2 usage. */
#ifndef BRINK_CMD_H
#define BRINK_CMD_H

struct cmd {
	const char *name;  /* "play" */
	const char *usage; /* "play [SCENARIO] [--side nato|russia|both] ..." */
	const char *help;  /* one line for brink --help */
	int (*exec)(int argc, char **argv);
};

extern const struct cmd cmd_play, cmd_load, cmd_check, cmd_sim, cmd_replay,
	cmd_report, cmd_scenarios, cmd_menu;

/* Print "brink: REASON" and "Try 'brink --help'." on stderr; returns 2. */
int cmd_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Parse a non-negative integer option value; returns 0 or -1. */
int cmd_parse_u64(const char *s, unsigned long long *out);

/* Find the scenario NAME (path or id) and load it, printing its diagnostics
 * on stderr. Returns a malloc'd struct rules the caller frees, or NULL. */
struct rules *cmd_scenario_load(const char *name);

#endif
