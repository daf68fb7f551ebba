/* session.c - a game as rules + seed + orders: submitting turns and rebuilding the past. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session.h"

struct session *session_create(const struct rules *rules, uint64_t seed)
{
	struct session *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->rules = *rules;
	s->seed = seed;
	s->scenario_turns = rules->turns;
	s->player[SIDE_NATO] = PLAYER_HUMAN;
	s->player[SIDE_RUSSIA] = PLAYER_AI;
	world_init(&s->start, &s->rules, seed);
	s->world = s->start;
	s->hash[0] = world_hash(&s->world);
	return s;
}

void session_free(struct session *s)
{
	free(s);
}

int session_submit(struct session *s, const struct orders orders[SIDE_COUNT])
{
	if (s->world.over || s->turns >= RULES_MAX_TURNS)
		return -1;
	if (turn_resolve(&s->world, &s->rules, orders) < 0)
		return -1;
	int t = s->turns++;
	s->orders[t][SIDE_NATO] = orders[SIDE_NATO];
	s->orders[t][SIDE_RUSSIA] = orders[SIDE_RUSSIA];
	s->log[t] = s->world.log;
	s->hash[s->turns] = world_hash(&s->world);
	return 0;
}

int session_rewind(struct session *s, int n)
{
	if (n < 0 || n > s->turns)
		return -1;
	struct world w = s->start;
	for (int t = 0; t < n; t++) {
		if (turn_resolve(&w, &s->rules, s->orders[t]) < 0 || world_hash(&w) != s->hash[t + 1])
			return -1;
	}
	s->world = w;
	s->turns = (uint8_t)n;
	return 0;
}

int session_set_turns(struct session *s, int n)
{
	if (s->turns > 0 || n < 1 || n > s->scenario_turns)
		return -1;
	s->rules.turns = (uint8_t)n;
	world_init(&s->start, &s->rules, s->seed);
	s->world = s->start;
	s->hash[0] = world_hash(&s->world);
	return 0;
}

int session_branch(struct session *s, int turn)
{
	if (turn < 1 || turn > s->turns + (s->world.over ? 0 : 1) || turn > s->rules.turns)
		return -1;
	if (session_rewind(s, turn - 1))
		return -1;
	/* The branch remembers its parent; its own id comes when it is saved. */
	memcpy(s->branch_from, s->id, sizeof s->branch_from);
	s->branch_turn = (uint8_t)turn;
	s->id[0] = '\0';
	return 0;
}
