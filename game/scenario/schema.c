/* schema.c - the rows of the scenario format; see schema.h.
 *
 * Ranges here are the file format's; the loader adds what a table cannot say
 * (a variable's own range for conditions and effects, ids that must exist,
 * duplicates). Keep man/brink-scenario.5 in step: a test checks it names
 * every key below. */
#include <stddef.h>
#include <string.h>

#include "../engine/rules.h"
#include "schema.h"

#define REQ true
#define OPT false
#define DYN(name, def, help) { "dynamics." name, SCHEMA_INT, 0, 1000, OPT, NULL, def, help }
#define WORLD(name, help) { "world." name, SCHEMA_INT, 0, 100, REQ, NULL, NULL, help }

const struct schema_key schema_keys[] = {
	/* the top level */
	{ "format", SCHEMA_INT, 1, 1, REQ, NULL, NULL, "format version: 1" },
	{ "scenario", SCHEMA_GROUP, 0, 0, REQ, NULL, NULL, "what the scenario is: id, title, dates" },
	{ "sides", SCHEMA_GROUP, 0, 0, REQ, NULL, NULL, "the two sides: nato and russia" },
	{ "world", SCHEMA_GROUP, 0, 0, REQ, NULL, NULL, "starting world variables" },
	{ "regions", SCHEMA_LIST, 1, RULES_MAX_REGIONS, REQ, "region", NULL, "the map" },
	{ "actions", SCHEMA_LIST, 0, RULES_MAX_ACTIONS, OPT, "action", "standard rules",
	  "what the sides may order" },
	{ "events", SCHEMA_LIST, 0, RULES_MAX_EVENTS, OPT, "event", "standard rules",
	  "events and incidents" },
	{ "actions_add", SCHEMA_LIST, 0, RULES_MAX_ACTIONS, OPT, "action", "( )",
	  "actions added to the standard ones; one with a standard id replaces it" },
	{ "actions_remove", SCHEMA_IDS, 0, RULES_MAX_ACTIONS, OPT, NULL, "[ ]",
	  "ids of standard actions left out" },
	{ "events_add", SCHEMA_LIST, 0, RULES_MAX_EVENTS, OPT, "event", "( )",
	  "events added to the standard ones; one with a standard id replaces it" },
	{ "events_remove", SCHEMA_IDS, 0, RULES_MAX_EVENTS, OPT, NULL, "[ ]",
	  "ids of standard events left out" },
	{ "dynamics", SCHEMA_GROUP, 0, 0, OPT, NULL, "standard rules", "numbers of the end-of-turn phase" },
	{ "victory", SCHEMA_GROUP, 0, 0, OPT, NULL, "standard rules", "how the game is won" },
	{ "map", SCHEMA_GROUP, 0, 0, OPT, NULL, "a layout from the borders",
	  "the scenario's map art for the full-screen game" },
	{ "map.art", SCHEMA_STRING, 1, RULES_PATH_MAX - 1, OPT, NULL, NULL,
	  "art file beside the scenario, or in the assets folders" },
	{ "map.art_large", SCHEMA_STRING, 1, RULES_PATH_MAX - 1, OPT, NULL, NULL,
	  "bigger art used instead when the terminal has room for it" },

	{ "scenario.id", SCHEMA_ID, 1, RULES_ID_MAX - 1, REQ, NULL, NULL, "unique id, [a-z0-9-]+" },
	{ "scenario.title", SCHEMA_STRING, 1, RULES_NAME_MAX - 1, REQ, NULL, NULL, "title" },
	{ "scenario.summary", SCHEMA_TEXT, 0, RULES_TEXT_MAX - 1, REQ, NULL, NULL,
	  "one paragraph for the scenario picker" },
	{ "scenario.note", SCHEMA_TEXT, 0, RULES_TEXT_MAX - 1, OPT, NULL, "\"\"", "short historical note" },
	{ "scenario.start", SCHEMA_GROUP, 0, 0, REQ, NULL, NULL, "date of the first turn" },
	{ "scenario.start.year", SCHEMA_INT, 1900, 2200, REQ, NULL, NULL, "year" },
	{ "scenario.start.quarter", SCHEMA_INT, 1, 4, REQ, NULL, NULL, "quarter of the year" },
	{ "scenario.turns", SCHEMA_INT, 1, RULES_MAX_TURNS, REQ, NULL, NULL, "length in turns (quarters)" },

	{ "sides.nato", SCHEMA_GROUP, 0, 0, REQ, "side", NULL, "NATO" },
	{ "sides.russia", SCHEMA_GROUP, 0, 0, REQ, "side", NULL, "Russia" },
	{ "side.name", SCHEMA_STRING, 1, RULES_NAME_MAX - 1, REQ, NULL, NULL, "name shown to players" },
	{ "side.ap", SCHEMA_INT, 1, RULES_MAX_AP, REQ, NULL, NULL, "action points a turn" },

	WORLD("tension", "escalation: 100 is war"),
	WORLD("dialogue", "open channels; damps miscalculation"),
	WORLD("arms_control", "treaties; damps the arms race"),
	WORLD("sanctions", "Western sanctions on Russia"),
	WORLD("nato_cohesion", "solidarity among NATO members"),
	WORLD("axis", "Russia's ties with China and Iran"),
	WORLD("cyber", "cyber threat"),

	{ "region.id", SCHEMA_ID, 1, RULES_ID_MAX - 1, REQ, NULL, NULL, "unique id, [a-z0-9-]+" },
	{ "region.name", SCHEMA_STRING, 1, RULES_NAME_MAX - 1, REQ, NULL, NULL, "name shown to players" },
	{ "region.short", SCHEMA_STRING, 1, RULES_SHORT_MAX - 1, OPT, NULL, "the name",
	  "a shorter name for the map's box" },
	{ "region.member", SCHEMA_ENUM, 0, 0, OPT, "none|nato|csto", "\"none\"", "alliance membership" },
	{ "region.value", SCHEMA_INT, 1, 5, REQ, NULL, NULL, "victory points" },
	{ "region.nato_forces", SCHEMA_INT, 0, 100, OPT, NULL, "0", "NATO forces" },
	{ "region.russia_forces", SCHEMA_INT, 0, 100, OPT, NULL, "0", "Russian forces" },
	{ "region.alignment", SCHEMA_INT, -100, 100, REQ, NULL, NULL, "-100 Moscow .. +100 the West" },
	{ "region.stability", SCHEMA_INT, 0, 100, REQ, NULL, NULL,
	  "starting stability, also the level it drifts back to" },
	{ "region.conflict", SCHEMA_ENUM, 0, 0, OPT, "none|frozen|active", "\"none\"", "armed conflict" },
	{ "region.borders", SCHEMA_IDS, 0, RULES_MAX_REGIONS, OPT, NULL, "[ ]", "neighbouring region ids" },
	{ "region.borders_russia", SCHEMA_BOOL, 0, 0, OPT, NULL, "false", "shares a border with Russia" },

	{ "action.id", SCHEMA_ID, 1, RULES_ID_MAX - 1, REQ, NULL, NULL, "unique id, [a-z0-9-]+" },
	{ "action.name", SCHEMA_STRING, 1, RULES_NAME_MAX - 1, REQ, NULL, NULL, "name in the menu" },
	{ "action.side", SCHEMA_ENUM, 0, 0, REQ, "nato|russia|both", NULL, "who may order it" },
	{ "action.cost", SCHEMA_INT, 0, RULES_MAX_AP, REQ, NULL, NULL, "action points" },
	{ "action.target", SCHEMA_ENUM, 0, 0, REQ, "region|world", NULL,
	  "region: ordered on one region, which target.VAR names" },
	{ "action.requires", SCHEMA_LIST, 0, RULES_MAX_CONDS, OPT, "condition", "( )",
	  "conditions that must all hold" },
	{ "action.effects", SCHEMA_LIST, 0, RULES_MAX_EFFECTS, REQ, "effect", NULL, "what it does" },
	{ "action.agreed", SCHEMA_LIST, 0, RULES_MAX_EFFECTS, OPT, "effect", "( )",
	  "side = \"both\" only: applied once more when both sides order it the same turn" },
	{ "action.help", SCHEMA_STRING, 0, RULES_HELP_MAX - 1, OPT, NULL, "\"\"", "one line for the menu" },

	{ "event.id", SCHEMA_ID, 1, RULES_ID_MAX - 1, REQ, NULL, NULL, "unique id, [a-z0-9-]+" },
	{ "event.title", SCHEMA_STRING, 1, RULES_NAME_MAX - 1, REQ, NULL, NULL, "headline" },
	{ "event.text", SCHEMA_TEXT, 0, RULES_TEXT_MAX - 1, REQ, NULL, NULL, "what the briefing says" },
	{ "event.kind", SCHEMA_ENUM, 0, 0, OPT, "event|incident|scheduled", "\"event\"",
	  "incidents are drawn only by the miscalculation check" },
	{ "event.weight", SCHEMA_INT, 1, 100, REQ, NULL, NULL, "relative chance among eligible events" },
	{ "event.once", SCHEMA_BOOL, 0, 0, OPT, NULL, "false", "fires at most once a game" },
	{ "event.target", SCHEMA_ENUM, 0, 0, OPT, "world|region", "\"world\"",
	  "region: happens in one region where every target.VAR condition holds" },
	{ "event.when", SCHEMA_LIST, 0, RULES_MAX_CONDS, OPT, "condition", "( )",
	  "conditions that must all hold" },
	{ "event.effects", SCHEMA_LIST, 0, RULES_MAX_EFFECTS, REQ, "effect", NULL, "what it does" },

	{ "condition.var", SCHEMA_VAR, 0, 0, REQ, NULL, NULL, "the variable tested" },
	{ "condition.min", SCHEMA_INT, -1000, 2200, OPT, NULL, "the variable's minimum",
	  "lowest value that holds (inclusive)" },
	{ "condition.max", SCHEMA_INT, -1000, 2200, OPT, NULL, "the variable's maximum",
	  "highest value that holds (inclusive)" },
	{ "condition.is", SCHEMA_STRING, 1, RULES_ID_MAX - 1, OPT, NULL, NULL,
	  "member and conflict only: the value that holds" },

	{ "effect.var", SCHEMA_VAR, 0, 0, REQ, NULL, NULL, "the variable changed (writable only)" },
	{ "effect.add", SCHEMA_INT, -1000, 1000, OPT, NULL, NULL, "add this (then clamp to the range)" },
	{ "effect.set", SCHEMA_VALUE, -1000, 1000, OPT, NULL, NULL,
	  "set to this; a string for member and conflict" },

	DYN("mil_baseline", "60", "mean militarization of border regions that adds no tension"),
	DYN("mil_divisor", "10", "tension += (mean militarization - baseline) / this"),
	DYN("dialogue_divisor", "15", "tension -= dialogue / this"),
	DYN("arms_divisor", "20", "tension -= arms_control / this"),
	DYN("cyber_divisor", "25", "tension += cyber / this"),
	DYN("misc_threshold", "40", "miscalculation is possible above this tension"),
	DYN("cyber_risk_divisor", "5", "cyber / this adds to the miscalculation margin"),
	DYN("stability_pull", "4", "stability moves 1/this of the gap to its base each turn"),
	DYN("unstable_below", "40", "a region below this stability drifts to the stronger side"),
	DYN("influence_step", "3", "alignment change a turn in an unstable region"),
	DYN("vulnerable_at", "50", "a NATO member this vulnerable hardens toward the West"),
	DYN("harden_step", "2", "alignment change a turn for such a member"),
	DYN("force_decay", "2", "forces lost a turn in every region"),
	DYN("sanctions_ap_at", "60", "sanctions at or above this cost Russia 1 AP ..."),
	DYN("axis_offset_at", "60", "... unless axis is at or above this"),
	DYN("cohesion_low", "40", "nato_cohesion below this costs NATO 1 AP"),
	DYN("cohesion_high", "70", "nato_cohesion at or above this gives NATO 1 AP"),
	DYN("spiral_divisor", "0", "tension += sum over border regions of min(NATO, Russian forces) / this"),
	DYN("deter_pct", "0", "percent of the other side's pull on a region blunted per 10 forces there"),
	DYN("deter_max", "0", "at most this percent blunted by forces"),
	DYN("member_shield", "0", "percent more blunted when the region is the defender's member"),
	DYN("credibility_start", "50", "each side's credibility at the start"),
	DYN("redline_cred", "0", "credibility lost when a crossed red line goes unanswered a turn"),
	DYN("redline_answer", "0", "tension added when a crossed red line is answered"),
	DYN("refuse_cost", "0", "cohesion (NATO) or axis (Russia) lost by leaving an offer unanswered"),
	DYN("crisis_back_cred", "0", "credibility lost by a side that backs down alone in a crisis"),
	DYN("crisis_firm_cred", "0", "credibility won by a side that stands firm alone"),
	DYN("crisis_stake", "0", "alignment won in the crisis region by standing firm alone"),
	DYN("crisis_firm_tension", "0", "tension added when both stand firm"),
	DYN("crisis_war_pct", "0", "percent chance of war when both stand firm ..."),
	DYN("crisis_war_tension", "0", "... plus tension times this / 100"),
	DYN("crisis_calm", "0", "tension removed when both back down"),
	DYN("turn_points", "0", "score each turn: value of each region held times this"),
	DYN("end_points", "1", "score at the end: value of each region held times this"),
	DYN("security_divisor", "0", "score each turn, both sides: security index / this"),
	DYN("credibility_divisor", "0", "score at the end: credibility / this"),
	DYN("war_penalty", "0", "score both sides lose at war"),
	DYN("draw_margin", "0", "scores this close at the end are a draw"),

	{ "victory.control", SCHEMA_INT, 1, 100, OPT, NULL, "40",
	  "alignment >= this: NATO holds a region; <= -this: Russia" },
	{ "victory.cooperative", SCHEMA_BOOL, 0, 0, OPT, NULL, "false",
	  "both win if tension ends below 40 with no active conflict" },
};

const int schema_nkeys = (int)(sizeof schema_keys / sizeof schema_keys[0]);

const struct schema_key *schema_find(const char *path)
{
	for (int i = 0; i < schema_nkeys; i++)
		if (!strcmp(schema_keys[i].path, path))
			return &schema_keys[i];
	return NULL;
}

const char *schema_type_name(int type)
{
	switch (type) {
	case SCHEMA_GROUP: return "a group { ... }";
	case SCHEMA_LIST: return "a list ( ... )";
	case SCHEMA_INT: return "an integer";
	case SCHEMA_BOOL: return "true or false";
	case SCHEMA_STRING:
	case SCHEMA_TEXT:
	case SCHEMA_ID:
	case SCHEMA_ENUM:
	case SCHEMA_VAR: return "a string";
	case SCHEMA_IDS: return "an array of strings [ ... ]";
	case SCHEMA_VALUE: return "an integer or a string";
	default: return "a value";
	}
}
