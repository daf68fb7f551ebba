/* var.c - the table of variables: names as written in scenario files, labels, ranges. */
#include <string.h>

#include "var.h"

static const char *const member_names[] = { "none", "nato", "csto", NULL };
static const char *const conflict_names[] = { "none", "frozen", "active", NULL };
static const char *const red_line_names[] = { "none", "nato", "russia", NULL };

const struct var_info var_info[VAR_COUNT] = {
	[VAR_TENSION] = { "tension", "Tension", false, true, 0, 100, NULL },
	[VAR_DIALOGUE] = { "dialogue", "Dialogue", false, true, 0, 100, NULL },
	[VAR_ARMS_CONTROL] = { "arms_control", "Arms control", false, true, 0, 100, NULL },
	[VAR_SANCTIONS] = { "sanctions", "Sanctions", false, true, 0, 100, NULL },
	[VAR_NATO_COHESION] = { "nato_cohesion", "NATO cohesion", false, true, 0, 100, NULL },
	[VAR_AXIS] = { "axis", "Axis (China, Iran)", false, true, 0, 100, NULL },
	[VAR_CYBER] = { "cyber", "Cyber threat", false, true, 0, 100, NULL },
	[VAR_NATO_FORCES] = { "nato_forces", "NATO forces", true, true, 0, 100, NULL },
	[VAR_RUSSIA_FORCES] = { "russia_forces", "Russian forces", true, true, 0, 100, NULL },
	[VAR_ALIGNMENT] = { "alignment", "alignment", true, true, -100, 100, NULL },
	[VAR_STABILITY] = { "stability", "stability", true, true, 0, 100, NULL },
	[VAR_MEMBER] = { "member", "membership", true, true, 0, MEMBER_COUNT - 1, member_names },
	[VAR_CONFLICT] = { "conflict", "conflict", true, true, 0, CONFLICT_COUNT - 1, conflict_names },
	[VAR_VALUE] = { "value", "value", true, false, 1, 5, NULL },
	[VAR_BORDERS_RUSSIA] = { "borders_russia", "borders Russia", true, false, 0, 1, NULL },
	[VAR_MILITARIZATION] = { "militarization", "militarization", true, false, 0, 200, NULL },
	[VAR_VULNERABILITY] = { "vulnerability", "vulnerability", true, false, 0, 100, NULL },
	[VAR_RED_LINE] = { "red_line", "red line", true, true, 0, RED_LINE_COUNT - 1, red_line_names },
	[VAR_YEAR] = { "year", "year", false, false, 1900, 2200, NULL },
	[VAR_QUARTER] = { "quarter", "quarter", false, false, 1, 4, NULL },
	[VAR_AP] = { "ap", "action points", false, false, 0, 20, NULL },
	[VAR_CREDIBILITY] = { "credibility", "credibility", false, false, 0, 100, NULL },
	[VAR_SCORE] = { "score", "score", false, false, -1000, 1000, NULL },
};

enum var var_lookup(const char *name)
{
	for (int v = 0; v < VAR_COUNT; v++)
		if (v != VAR_AP && v != VAR_CREDIBILITY && v != VAR_SCORE && !strcmp(var_info[v].name, name))
			return (enum var)v;
	return VAR_NONE;
}

int var_enum_lookup(enum var v, const char *name)
{
	if (v >= VAR_COUNT || !var_info[v].enum_names)
		return -1;
	for (int i = 0; var_info[v].enum_names[i]; i++)
		if (!strcmp(var_info[v].enum_names[i], name))
			return i;
	return -1;
}

const char *var_enum_name(enum var v, int value)
{
	if (v >= VAR_COUNT || !var_info[v].enum_names || value < var_info[v].min ||
	    value > var_info[v].max)
		return NULL;
	return var_info[v].enum_names[value];
}
