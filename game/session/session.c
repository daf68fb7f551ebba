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
		if (turn_resolve(&w, &s->rules, s->orders[t]) < 0 || world_hash(&w) != s->hash[t + 1] ||
		    session_fac_replay(s, &w) < 0)
			return -1;
	}
	/* the facilitator's changes made after turn N stay (the world now has
	 * them); those made later are dropped with the turns */
	int keep = 0;
	while (keep < s->nfac && s->fac[keep].after <= n)
		keep++;
	s->world = w;
	s->turns = (uint8_t)n;
	s->nfac = (uint8_t)keep;
	return 0;
}

const char *session_facilitate(struct session *s, struct fac_change *c)
{
	if (s->nfac >= SESSION_FAC_MAX)
		return "this game has had all the facilitator's changes it can hold";
	struct world w = s->world;
	const char *why = turn_facilitator(&w, &s->rules, c);
	if (why)
		return why;
	s->world = w;
	if (s->turns > 0)
		s->log[s->turns - 1] = w.log;
	else
		s->start = w;
	struct session_fac *f = &s->fac[s->nfac++];
	f->after = s->turns;
	f->c = *c;
	f->digest = world_hash(&w);
	return NULL;
}

int session_fac_replay(const struct session *s, struct world *w)
{
	for (int i = 0; i < s->nfac; i++) {
		if (s->fac[i].after != w->turn || w->turn == 0)
			continue;
		struct fac_change c = s->fac[i].c;
		if (turn_facilitator(w, &s->rules, &c) || world_hash(w) != s->fac[i].digest)
			return -1;
	}
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

void session_team_clean(const char *name, char out[SESSION_TEAM_MAX])
{
	int n = 0;
	for (const char *c = name; *c && n < SESSION_TEAM_MAX - 1; c++) {
		bool ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		          (*c >= '0' && *c <= '9') || *c == '_' || *c == '.' || *c == '-';
		out[n++] = ok ? *c : '_';
	}
	out[n] = 0;
}
