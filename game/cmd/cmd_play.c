/* cmd_play.c - `brink play`: a new game straight away, curses or plain text.
 *
 * Parses the options, loads the scenario, sets who plays each side and hands
 * the session to play_launch(). The seed is always known (given, or taken
 * from the clock and printed) so every game can be played again. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../ai/ai.h"
#include "../scenario/scenario.h"
#include "../session/session.h"
#include "../ui/launch.h"
#include "cmd.h"

#define PLAY_USAGE \
	"play [SCENARIO] [--side nato|russia|both] [--ai LEVEL] [--seed N] [--plain]\n" \
	"             [--save-dir DIR] [--name NAME] [--nato LEVEL|human] [--russia LEVEL|human]"

static void play_help(void)
{
	printf("Usage: brink play [SCENARIO] [--side nato|russia|both] [--ai LEVEL] [--seed N]\n"
	       "                  [--plain] [--save-dir DIR] [--name NAME]\n"
	       "                  [--nato LEVEL|human] [--russia LEVEL|human]\n\n"
	       "Start a new game. SCENARIO is a path to a .cfg file or the id of an installed\n"
	       "scenario (default: %s; 'brink scenarios' lists them).\n\n"
	       "  --side nato|russia|both  the side you play; both: hot-seat, two teams at one\n"
	       "                           terminal (default: nato)\n"
	       "  --ai LEVEL               the AI's level: easy, normal, hard, hawk, dove,\n"
	       "                           tit-for-tat, random (default: normal)\n"
	       "  --nato LEVEL|human       who plays NATO, overriding --side/--ai; with\n"
	       "  --russia LEVEL|human     an AI level on both sides you watch the AIs play\n"
	       "  --seed N                 the game's random seed (default: from the clock,\n"
	       "                           printed so the game can be played again)\n"
	       "  --plain                  line-oriented text on stdin/stdout instead of the\n"
	       "                           full-screen interface: for screen readers, scripts\n"
	       "                           and logs; type 'help' in the game for its commands\n"
	       "  --save-dir DIR           where saves and autosaves go\n"
	       "  --name NAME              the name of this game's saves (default: the\n"
	       "                           scenario id and the seed)\n"
	       "  --help                   this text\n\n"
	       "The game is autosaved after every turn; resume it with 'brink load SAVE'.\n",
	       SCENARIO_DEFAULT);
}

/* "human" -> -2; an AI level -> its enum value; else -1. */
static int play_player_parse(const char *s)
{
	if (!strcmp(s, "human"))
		return -2;
	return ai_level_parse(s);
}

struct play_args {
	const char *scenario;
	int side;              /* SIDE_NATO, SIDE_RUSSIA, SIDE_BOTH */
	int ai;                /* enum ai_level */
	int who[SIDE_COUNT];   /* --nato/--russia: -2 human, a level, or -1 unset */
	bool seeded;
	unsigned long long seed;
	struct launch_opts launch;
};

/* The value of option NAME: "--name=VALUE" or the next argument. Returns
 * NULL (after a usage error) when there is none. */
static const char *play_value(int argc, char **argv, int *i, const char *name, bool *bad)
{
	const char *arg = argv[*i];
	size_t n = strlen(name);
	if (arg[n] == '=')
		return arg + n + 1;
	if (*i + 1 >= argc) {
		cmd_usage_error("option %s needs a value", name);
		*bad = true;
		return NULL;
	}
	return argv[++*i];
}

/* True when ARG is option NAME, alone or as NAME=VALUE. */
static bool play_is(const char *arg, const char *name)
{
	size_t n = strlen(name);
	return !strncmp(arg, name, n) && (arg[n] == 0 || arg[n] == '=');
}

/* Returns 0, or the exit status of a usage error (2) or of --help (-1 for 0). */
static int play_parse(int argc, char **argv, struct play_args *a)
{
	bool bad = false, options = true;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		const char *v;
		if (!options || arg[0] != '-' || !arg[1]) {
			if (a->scenario)
				return cmd_usage_error("one scenario only: '%s' and '%s'", a->scenario, arg);
			a->scenario = arg;
		} else if (!strcmp(arg, "--")) {
			options = false; /* a scenario file whose name starts with '-' */
		} else if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
			play_help();
			return -1;
		} else if (!strcmp(arg, "--plain")) {
			a->launch.plain = true;
		} else if (play_is(arg, "--side")) {
			if (!(v = play_value(argc, argv, &i, "--side", &bad)))
				return 2;
			a->side = side_parse(v);
			if (a->side < 0)
				return cmd_usage_error("unknown side '%s' (nato, russia or both)", v);
		} else if (play_is(arg, "--ai")) {
			if (!(v = play_value(argc, argv, &i, "--ai", &bad)))
				return 2;
			a->ai = ai_level_parse(v);
			if (a->ai < 0)
				return cmd_usage_error("unknown AI level '%s' (easy, normal, hard, hawk, dove, "
				                       "tit-for-tat, random)", v);
		} else if (play_is(arg, "--nato") || play_is(arg, "--russia")) {
			int side = play_is(arg, "--nato") ? SIDE_NATO : SIDE_RUSSIA;
			const char *name = side == SIDE_NATO ? "--nato" : "--russia";
			if (!(v = play_value(argc, argv, &i, name, &bad)))
				return 2;
			a->who[side] = play_player_parse(v);
			if (a->who[side] == -1)
				return cmd_usage_error("unknown player '%s' for %s (human or an AI level)", v, name);
		} else if (play_is(arg, "--seed")) {
			if (!(v = play_value(argc, argv, &i, "--seed", &bad)))
				return 2;
			if (cmd_parse_u64(v, &a->seed) < 0)
				return cmd_usage_error("bad seed '%s' (a non-negative integer)", v);
			a->seeded = true;
		} else if (play_is(arg, "--save-dir")) {
			if (!(v = play_value(argc, argv, &i, "--save-dir", &bad)))
				return 2;
			if (!*v)
				return cmd_usage_error("--save-dir needs a folder");
			a->launch.save_dir = v;
		} else if (play_is(arg, "--name")) {
			if (!(v = play_value(argc, argv, &i, "--name", &bad)))
				return 2;
			if (!*v)
				return cmd_usage_error("--name needs a name");
			a->launch.save_name = v;
		} else {
			return cmd_usage_error("unknown option '%s' for play", arg);
		}
	}
	return bad ? 2 : 0;
}

static int play_exec(int argc, char **argv)
{
	struct play_args a;
	memset(&a, 0, sizeof a);
	a.side = SIDE_NATO;
	a.ai = AI_NORMAL;
	a.who[SIDE_NATO] = a.who[SIDE_RUSSIA] = -1;
	int rc = play_parse(argc, argv, &a);
	if (rc)
		return rc < 0 ? 0 : rc;

	struct rules *rules = cmd_scenario_load(a.scenario ? a.scenario : SCENARIO_DEFAULT);
	if (!rules)
		return 1;

	if (!a.seeded) {
		a.seed = (unsigned long long)time(NULL) ^ (unsigned long long)getpid();
		fprintf(stderr, "brink: seed %llu (play this game again with --seed %llu)\n", a.seed, a.seed);
	}
	struct session *s = session_create(rules, (uint64_t)a.seed);
	free(rules);
	if (!s) {
		fputs("brink: out of memory\n", stderr);
		return 1;
	}
	for (int side = 0; side < SIDE_COUNT; side++) {
		bool human = a.side == SIDE_BOTH || a.side == side;
		int level = a.ai;
		if (a.who[side] == -2) {
			human = true;
		} else if (a.who[side] >= 0) {
			human = false;
			level = a.who[side];
		}
		s->player[side] = human ? PLAYER_HUMAN : PLAYER_AI;
		s->ai_level[side] = (uint8_t)level;
	}
	rc = play_launch(s, &a.launch);
	session_free(s);
	return rc;
}

const struct cmd cmd_play = {
	.name = "play",
	.usage = PLAY_USAGE,
	.help = "start a new game (curses, or --plain text); both: hot-seat",
	.exec = play_exec,
};
