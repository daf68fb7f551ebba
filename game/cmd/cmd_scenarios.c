/* cmd_scenarios.c - `brink scenarios`: list the scenarios on the search path, id and title. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../scenario/scenario.h"
#include "cmd.h"

#define SCENARIOS_MAX 256

static int scenarios_exec(int argc, char **argv)
{
	int n, rc = cmd_parse(&cmd_scenarios, argc, argv, NULL, &n);
	if (rc)
		return rc < 0 ? 0 : rc;
	struct scenario_entry *e = calloc(SCENARIOS_MAX, sizeof *e);
	if (!e) {
		fputs("brink: out of memory\n", stderr);
		return 1;
	}
	struct diags *warn = diags_new();
	n = scenario_list(e, SCENARIOS_MAX, warn);
	diag_print(warn, stderr); /* files left out, each named with its first error */
	diags_free(warn);
	int width = 0;
	for (int i = 0; i < n; i++)
		if ((int)strlen(e[i].id) > width)
			width = (int)strlen(e[i].id);
	for (int i = 0; i < n; i++)
		printf("%-*s  %s\n", width, e[i].id, e[i].title);
	if (n == 0)
		fputs("brink: no scenarios found (looked in ./scenarios, "
		      "$XDG_DATA_HOME/brink/scenarios and the installed data folder)\n", stderr);
	free(e);
	return 0;
}

const struct cmd cmd_scenarios = {
	.name = "scenarios",
	.summary = "list the scenarios found: id and title",
	.about = "List the scenarios found: id and title. Searched in order: ./scenarios, "
	         "$XDG_DATA_HOME/brink/scenarios (default ~/.local/share), then the installed data "
	         "folder; the first scenario with an id wins. Files with errors are left out: run "
	         "'brink check FILE' to see why.",
	.exec = scenarios_exec,
};
