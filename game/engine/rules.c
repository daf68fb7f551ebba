/* rules.c - the standard dynamics and lookups over a struct rules. */
#include <string.h>

#include "rules.h"

void rules_defaults(struct rules *r)
{
	r->dyn = (struct dynamics){
		.mil_baseline = 60, .mil_divisor = 10, .dialogue_divisor = 15, .arms_divisor = 20,
		.cyber_divisor = 25, .misc_threshold = 40, .cyber_risk_divisor = 5,
		.stability_pull = 4, .unstable_below = 40, .influence_step = 3,
		.vulnerable_at = 50, .harden_step = 2, .force_decay = 2,
		.sanctions_ap_at = 60, .axis_offset_at = 60, .cohesion_low = 40, .cohesion_high = 70,
	};
	r->victory = (struct victory){ .control = 40, .cooperative = false };
}

int rules_region_find(const struct rules *r, const char *id)
{
	for (int i = 0; i < r->nregions; i++)
		if (!strcmp(r->region[i].id, id))
			return i;
	return -1;
}

int rules_action_find(const struct rules *r, const char *id)
{
	for (int i = 0; i < r->nactions; i++)
		if (!strcmp(r->action[i].id, id))
			return i;
	return -1;
}

int rules_event_find(const struct rules *r, const char *id)
{
	for (int i = 0; i < r->nevents; i++)
		if (!strcmp(r->event[i].id, id))
			return i;
	return -1;
}

bool rules_action_for_side(const struct rules *r, int a, int side)
{
	if (a < 0 || a >= r->nactions || side < 0 || side >= SIDE_COUNT)
		return false;
	return r->action[a].side == SIDE_BOTH || r->action[a].side == side;
}

const char *side_id(int side)
{
	switch (side) {
	case SIDE_NATO: return "nato";
	case SIDE_RUSSIA: return "russia";
	default: return "both";
	}
}

int side_parse(const char *s)
{
	if (!strcmp(s, "nato"))
		return SIDE_NATO;
	if (!strcmp(s, "russia"))
		return SIDE_RUSSIA;
	if (!strcmp(s, "both"))
		return SIDE_BOTH;
	return -1;
}
