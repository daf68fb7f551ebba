/* explain.c - the one place that words cause records, variables, bands and dates. */
#include <stdio.h>
#include <string.h>

#include "explain.h"

const char *explain_band(int tension, int utf8)
{
	if (tension >= 100)
		return "War";
	if (tension >= 80)
		return "Brink";
	if (tension >= 60)
		return "Crisis";
	if (tension >= 40)
		return "Confrontation";
	if (tension >= 20)
		return "Competition";
	return utf8 ? "D\xc3\xa9tente" : "Detente";
}

const char *explain_side(const struct rules *r, int side)
{
	if (side == SIDE_NATO || side == SIDE_RUSSIA)
		return r->side[side].name[0] ? r->side[side].name : (side == SIDE_NATO ? "NATO" : "Russia");
	return "Both sides";
}

static const char *region_name(const struct rules *r, int region)
{
	return region >= 0 && region < r->nregions ? r->region[region].name : "?";
}

size_t explain_var(const struct rules *r, int var, int region, char *buf, size_t len)
{
	int n;
	if (var >= VAR_COUNT)
		n = snprintf(buf, len, "(nothing)");
	else if (var == VAR_AP)
		n = snprintf(buf, len, "%s: action points", explain_side(r, region));
	else if (var_info[var].region)
		n = snprintf(buf, len, "%s: %s", region_name(r, region), var_info[var].label);
	else
		n = snprintf(buf, len, "%s", var_info[var].label);
	return n < 0 ? 0 : (size_t)n;
}

size_t explain_ref(const struct rules *r, struct varref ref, char *buf, size_t len)
{
	const char *name = ref.var < VAR_COUNT ? var_info[ref.var].name : "?";
	int n;
	if (ref.scope == SCOPE_TARGET)
		n = snprintf(buf, len, "target.%s", name);
	else if (ref.scope == SCOPE_REGION)
		n = snprintf(buf, len, "%s.%s",
		             ref.region < r->nregions ? r->region[ref.region].id : "?", name);
	else
		n = snprintf(buf, len, "%s", name);
	return n < 0 ? 0 : (size_t)n;
}

size_t explain_date(const struct rules *r, int t, char *buf, size_t len)
{
	int y, q;
	world_date(r, t, &y, &q);
	int n = snprintf(buf, len, "%d-Q%d", y, q);
	return n < 0 ? 0 : (size_t)n;
}

const char *explain_result(int result)
{
	switch (result) {
	case RESULT_NATO: return "nato";
	case RESULT_RUSSIA: return "russia";
	case RESULT_WAR: return "war";
	case RESULT_DRAW:
	case RESULT_PEACE: return "draw";
	default: return "none";
	}
}

static const char *const drift_words[DRIFT_COUNT] = {
	"drift: militarization of the border regions",
	"drift: dialogue calms things",
	"drift: arms control calms things",
	"drift: cyber activity",
};

static const char *const region_words[REGION_COUNT] = {
	"stability returns toward its usual level",
	"unstable: drifts toward the side with more forces there",
	"a vulnerable member hardens toward the West",
	"forces rotate home",
};

static const char *const ap_words[AP_COUNT] = {
	"base",
	"sanctions bite and the axis cannot offset them",
	"NATO cohesion is low",
	"NATO cohesion is high",
};

/* "Tension +3" or "Poland: NATO forces +10" or "Ukraine: membership changed". */
static size_t change_words(const struct rules *r, const struct cause *c, char *buf, size_t len)
{
	char v[RULES_NAME_MAX * 2];
	explain_var(r, c->var, c->region, v, sizeof v);
	int n;
	if (c->var < VAR_COUNT && var_info[c->var].enum_names)
		n = snprintf(buf, len, "%s changed", v);
	else
		n = snprintf(buf, len, "%s %+d", v, c->delta);
	return n < 0 ? 0 : (size_t)n;
}

static const char *action_name(const struct rules *r, int a)
{
	return a >= 0 && a < r->nactions ? r->action[a].name : "?";
}

static const char *event_title(const struct rules *r, int e)
{
	return e >= 0 && e < r->nevents ? r->event[e].title : "?";
}

/* " in Poland" when the record names a region, else "". */
static void where(const struct rules *r, int region, char *buf, size_t len)
{
	if (region < r->nregions)
		snprintf(buf, len, " in %s", r->region[region].name);
	else
		buf[0] = 0;
}

size_t explain_cause(const struct rules *r, const struct cause *c, char *buf, size_t len)
{
	char ch[160], in[RULES_NAME_MAX + 8], ref[RULES_ID_MAX * 2 + 8];
	int n = 0;
	switch (c->kind) {
	case CAUSE_ORDER:
		where(r, c->region, in, sizeof in);
		n = snprintf(buf, len, "%s: %s%s", explain_side(r, c->side), action_name(r, c->source), in);
		break;
	case CAUSE_ORDER_FAILED: {
		where(r, c->region, in, sizeof in);
		const char *why = "a requirement no longer held";
		char cond[96] = "";
		if (c->source < r->nactions && c->delta >= 0 && c->delta < r->action[c->source].nrequires) {
			const struct cond *k = &r->action[c->source].requires[c->delta];
			explain_ref(r, k->ref, ref, sizeof ref);
			const struct var_info *vi = k->ref.var < VAR_COUNT ? &var_info[k->ref.var] : NULL;
			if (vi && vi->enum_names && k->min == k->max)
				snprintf(cond, sizeof cond, "%s must be %s", ref, var_enum_name(k->ref.var, k->min));
			else if (vi && k->min > vi->min && k->max < vi->max)
				snprintf(cond, sizeof cond, "%s must be %d..%d", ref, k->min, k->max);
			else if (vi && k->min > vi->min)
				snprintf(cond, sizeof cond, "%s must be at least %d", ref, k->min);
			else
				snprintf(cond, sizeof cond, "%s must be at most %d", ref, k->max);
			why = cond;
		}
		n = snprintf(buf, len, "%s: %s%s failed: %s", explain_side(r, c->side),
		             action_name(r, c->source), in, why);
		break;
	}
	case CAUSE_ACTION:
		change_words(r, c, ch, sizeof ch);
		n = snprintf(buf, len, "%s (%s: %s)", ch, explain_side(r, c->side), action_name(r, c->source));
		break;
	case CAUSE_AGREEMENT:
		if (c->var == VAR_NONE) {
			where(r, c->region, in, sizeof in);
			n = snprintf(buf, len, "Agreement: both sides chose %s%s", action_name(r, c->source), in);
		} else {
			change_words(r, c, ch, sizeof ch);
			n = snprintf(buf, len, "%s (agreement: %s)", ch, action_name(r, c->source));
		}
		break;
	case CAUSE_DRIFT:
		change_words(r, c, ch, sizeof ch);
		n = snprintf(buf, len, "%s (%s)", ch, c->source < DRIFT_COUNT ? drift_words[c->source] : "drift");
		break;
	case CAUSE_MISCALC:
		n = snprintf(buf, len, "Miscalculation risk %d.%02d%%: %s", c->delta / 100, c->delta % 100,
		             c->source ? "an incident struck" : "no incident");
		break;
	case CAUSE_INCIDENT:
	case CAUSE_EVENT: {
		const char *what = c->kind == CAUSE_INCIDENT ? "Incident" : "Event";
		if (c->var == VAR_NONE) {
			where(r, c->region, in, sizeof in);
			n = snprintf(buf, len, "%s: %s%s", what, event_title(r, c->source), in);
		} else {
			change_words(r, c, ch, sizeof ch);
			n = snprintf(buf, len, "%s (%s: %s)", ch, c->kind == CAUSE_INCIDENT ? "incident" : "event",
			             event_title(r, c->source));
		}
		break;
	}
	case CAUSE_REGION:
		change_words(r, c, ch, sizeof ch);
		n = snprintf(buf, len, "%s (%s)", ch, c->source < REGION_COUNT ? region_words[c->source] : "region");
		break;
	case CAUSE_AP:
		n = snprintf(buf, len, "%s: %+d action point%s next turn (%s)", explain_side(r, c->region),
		             c->delta, c->delta == 1 || c->delta == -1 ? "" : "s",
		             c->source < AP_COUNT ? ap_words[c->source] : "?");
		break;
	case CAUSE_WAR:
		n = snprintf(buf, len, "WAR: tension reached 100. Both sides lose.");
		break;
	case CAUSE_END:
		n = snprintf(buf, len, "The last turn is over: the game ends.");
		break;
	default:
		n = snprintf(buf, len, "(unknown cause)");
	}
	return n < 0 ? 0 : (size_t)n;
}

size_t explain_branch(const struct session *s, char *buf, size_t len)
{
	if (!len)
		return 0;
	buf[0] = '\0';
	if (!s->branch_turn)
		return 0;
	char date[32];
	explain_date(&s->rules, s->branch_turn - 1, date, sizeof date);
	int n = snprintf(buf, len, "a what-if: a branch of %s from the start of turn %d (%s)",
	                 s->branch_from[0] ? s->branch_from : "another game", s->branch_turn, date);
	return n < 0 ? 0 : (size_t)n;
}

size_t explain_length(const struct session *s, char *buf, size_t len)
{
	if (!len)
		return 0;
	buf[0] = '\0';
	if (!s->scenario_turns || s->rules.turns >= s->scenario_turns)
		return 0;
	int n = snprintf(buf, len, "%d of the scenario's %d turns (--turns)", s->rules.turns,
	                 s->scenario_turns);
	return n < 0 ? 0 : (size_t)n;
}
