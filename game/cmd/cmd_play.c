/* cmd_play.c - `brink play`: a new game straight away, curses or plain text.
 *
 * Parses the options, loads the scenario, sets who plays each side and hands
 * the session to play_launch(). The seed is always known (given, or taken
 * from the clock and printed) so every game can be played again. */
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../ai/ai.h"
#include "../scenario/scenario.h"
#include "../session/session.h"
#include "../ui/launch.h"
#include "../save/save.h"
#include "cmd.h"

struct play_args {
	int side;                     /* SIDE_NATO, SIDE_RUSSIA, SIDE_BOTH */
	int ai;                       /* enum ai_level */
	int who[SIDE_COUNT];          /* --nato/--russia: -2 human, a level, or -1 unset */
	bool seeded;                  /* --seed given */
	unsigned long long seed;
	bool shortened;               /* --turns given */
	unsigned long long turns;     /* --turns: 1..the scenario's turns */
	struct launch_opts launch;    /* --plain, --save-dir, --name */
};

static int parse_side(void *args, int arg, const char *v, char *why, size_t len)
{
	(void)arg;
	struct play_args *a = args;
	a->side = side_parse(v);
	if (a->side < 0)
		snprintf(why, len, "unknown side '%s' for --side (nato, russia or both)", v);
	return a->side < 0 ? -1 : 0;
}

/* --nato/--russia (ARG: the side): "human" or an AI level. */
static int parse_player(void *args, int side, const char *v, char *why, size_t len)
{
	struct play_args *a = args;
	int who = !strcmp(v, "human") ? -2 : ai_level_parse(v);
	if (who == -1) {
		snprintf(why, len, "unknown player '%s' for --%s (human or an AI level)", v, side_id(side));
		return -1;
	}
	a->who[side] = who;
	return 0;
}

/* --name: refused up front when no save could be written under it. */
static int parse_name(void *args, int arg, const char *v, char *why, size_t len)
{
	(void)arg;
	struct play_args *a = args;
	if (save_name_usable(v, why, len) < 0)
		return -1;
	a->launch.save_name = v;
	return 0;
}

#define ARG(f) offsetof(struct play_args, f)

static const struct cmd_opt play_opts[] = {
	{ .name = "side", .value = "nato|russia|both", .type = CMD_CUSTOM, .parse = parse_side,
	  .help = "the side you play; both: hot-seat, two teams at one terminal (default: nato)" },
	{ .name = "ai", .value = "LEVEL", .type = CMD_LEVEL, .offset = ARG(ai),
	  .help = "the AI's level (default: normal).", .note = cmd_note_levels },
	{ .name = "seed", .value = "N", .type = CMD_NUMBER, .offset = ARG(seed),
	  .seen = CMD_SEEN(struct play_args, seeded), .max = ULLONG_MAX,
	  .help = "the game's random seed (default: from the clock, printed so the game can be "
	          "played again)" },
	{ .name = "turns", .value = "N", .type = CMD_NUMBER, .offset = ARG(turns),
	  .seen = CMD_SEEN(struct play_args, shortened), .min = 1, .max = RULES_MAX_TURNS,
	  .help = "a shorter game than the scenario's: N turns, from 1 to the scenario's own "
	          "(the save records it)" },
	{ .name = "plain", .type = CMD_FLAG, .offset = ARG(launch.plain),
	  .help = "line-oriented text on stdin/stdout instead of the full-screen interface: for "
	          "screen readers, scripts and logs; type 'help' in the game for its commands" },
	{ .name = "save-dir", .value = "DIR", .type = CMD_TEXT, .offset = ARG(launch.save_dir),
	  .help = "where saves and autosaves go" },
	{ .name = "name", .value = "NAME", .type = CMD_CUSTOM, .parse = parse_name,
	  .help = "the name of this game's saves: letters, digits, '-' and '_' (default: the "
	          "scenario id and the seed)" },
	{ .name = "nato", .value = "LEVEL|human", .type = CMD_CUSTOM, .parse = parse_player, .arg = SIDE_NATO,
	  .help = "who plays NATO, overriding --side/--ai" },
	{ .name = "russia", .value = "LEVEL|human", .type = CMD_CUSTOM, .parse = parse_player, .arg = SIDE_RUSSIA,
	  .help = "who plays Russia, overriding --side/--ai; with an AI level on both sides you "
	          "watch the AIs play" },
	{ .name = NULL },
};

static int play_exec(int argc, char **argv)
{
	struct play_args a;
	memset(&a, 0, sizeof a);
	a.side = SIDE_NATO;
	a.ai = AI_NORMAL;
	a.who[SIDE_NATO] = a.who[SIDE_RUSSIA] = -1;
	int n, rc = cmd_parse(&cmd_play, argc, argv, &a, &n);
	if (rc)
		return rc < 0 ? 0 : rc;

	struct rules *rules = cmd_scenario_load(n ? argv[1] : SCENARIO_DEFAULT);
	if (!rules)
		return 1;

	if (a.shortened && a.turns > rules->turns) {
		rc = cmd_usage_error(&cmd_play, "--turns %llu: the scenario %s has %d turns (1..%d)",
		                     a.turns, rules->id, rules->turns, rules->turns);
		free(rules);
		return rc;
	}
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
	if (a.shortened)
		session_set_turns(s, (int)a.turns);
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
	.operands = "[SCENARIO]",
	.max_operands = 1,
	.summary = "start a new game (curses, or --plain text); both: hot-seat",
	.about = "Start a new game. SCENARIO is a path to a .cfg file or the id of an installed "
	         "scenario (default: " SCENARIO_DEFAULT "; 'brink scenarios' lists them).",
	.more = "The game is autosaved after every turn; resume it with 'brink load SAVE'.",
	.opts = play_opts,
	.exec = play_exec,
};
