/* explain.c - the one place that words the game: causes, orders, requirements, results.
 *
 * See explain.h. Nothing here prints: every function fills a buffer, so each
 * front end lays the same words out its own way. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "explain.h"

const char *explain_band(int tension)
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
	return "Detente";
}

const char *explain_side(const struct rules *r, int side)
{
	if (side == SIDE_NATO || side == SIDE_RUSSIA)
		return r->side[side].name[0] ? r->side[side].name : (side == SIDE_NATO ? "NATO" : "Russia");
	return "Both sides";
}

/* Copy TEXT into BUF like snprintf("%s"); returns the length written. */
static size_t explain_copy(char *buf, size_t len, const char *text)
{
	int n = snprintf(buf, len, "%s", text);
	return n < 0 ? 0 : (size_t)n >= len ? (len ? len - 1 : 0) : (size_t)n;
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
	else if (var == VAR_AP || var == VAR_CREDIBILITY || var == VAR_SCORE)
		n = snprintf(buf, len, "%s: %s", explain_side(r, region), var_info[var].label);
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

/* "2025-Q1" */
static size_t quarter_text(int year, int quarter, char *buf, size_t len)
{
	int n = snprintf(buf, len, "%d-Q%d", year, quarter);
	return n < 0 ? 0 : (size_t)n;
}

size_t explain_date(const struct rules *r, int t, char *buf, size_t len)
{
	int y, q;
	rules_date(r, t, &y, &q);
	return quarter_text(y, q, buf, len);
}

size_t explain_span(int year, int quarter, int turns, char *buf, size_t len)
{
	char date[32];
	quarter_text(year, quarter, date, sizeof date);
	int n = snprintf(buf, len, "From %s, %d turns of a quarter year.", date, turns);
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
	"drift: the arms race (both sides' forces face each other on the border)",
};

static const char *const crisis_words[CRISIS_OUTCOME_COUNT] = {
	"both sides backed down",
	"NATO stood firm and Russia backed down",
	"Russia stood firm and NATO backed down",
	"both sides stood firm",
	"both sides stood firm and it escalated",
};

static const char *const cred_words[CRED_COUNT] = {
	"a red line crossed and left unanswered",
	"a crossed red line answered",
	"red line crossed",
};

static const char *const score_words[SCORE_COUNT] = {
	"regions held this turn",
	"its share of common security",
	"regions held at the end",
	"credibility at the end",
	"war",
};

const char *explain_score_term(int term)
{
	return term >= 0 && term < SCORE_COUNT ? score_words[term] : "score";
}

/* the same terms summed over a whole game */
static const char *const score_total_words[SCORE_COUNT] = {
	"regions held, turn by turn",
	"its share of common security, turn by turn",
	"regions held at the end",
	"credibility at the end",
	"war",
};

const char *explain_score_total(int term)
{
	return term >= 0 && term < SCORE_COUNT ? score_total_words[term] : "score";
}

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

/* Why record C changed its variable, for "Tension +3 (WHY)"; false when C is
 * a headline (an order, an event's title...) rather than a change. */
static bool change_reason(const struct rules *r, const struct cause *c, char *buf, size_t len)
{
	bool change = c->var != VAR_NONE;
	switch (c->kind) {
	case CAUSE_ACTION:
		snprintf(buf, len, "%s: %s", explain_side(r, c->side), action_name(r, c->source));
		return true;
	case CAUSE_DRIFT:
		snprintf(buf, len, "%s", c->source < DRIFT_COUNT ? drift_words[c->source] : "drift");
		return true;
	case CAUSE_REGION:
		snprintf(buf, len, "%s", c->source < REGION_COUNT ? region_words[c->source] : "region");
		return true;
	case CAUSE_REFUSAL:
		snprintf(buf, len, "%s left the other side's standing offer unanswered: %s",
		         explain_side(r, c->side), action_name(r, c->source));
		return true;
	case CAUSE_SCORE:
		snprintf(buf, len, "%s", c->source < SCORE_COUNT ? score_words[c->source] : "score");
		return true;
	case CAUSE_AGREEMENT:
		snprintf(buf, len, "agreement: %s", action_name(r, c->source));
		return change;
	case CAUSE_INCIDENT:
	case CAUSE_EVENT:
		snprintf(buf, len, "%s: %s", c->kind == CAUSE_INCIDENT ? "incident" : "event",
		         event_title(r, c->source));
		return change;
	case CAUSE_CRISIS:
		snprintf(buf, len, "crisis: %s", event_title(r, c->source));
		return change;
	case CAUSE_CREDIBILITY:
		snprintf(buf, len, "%s%s", c->var == VAR_RED_LINE ? "red line lapses: " : "",
		         c->source < CRED_COUNT ? cred_words[c->source] : "credibility");
		return change;
	case CAUSE_FACILITATOR:
		snprintf(buf, len, "%s", FAC_KIND(c->source) == FAC_SAY ? "the facilitator's message"
		                                                          : "the facilitator");
		return change;
	default:
		return false;
	}
}

/* "tension", "stability in Poland": a variable inside a sentence. */
static void var_in_sentence(const struct rules *r, int var, int region, char *buf, size_t len)
{
	const char *label = var < VAR_COUNT ? var_info[var].label : "?";
	char first = label[0];
	/* "Tension" -> "tension", but "NATO forces" stays */
	if (first >= 'A' && first <= 'Z' && label[1] >= 'a' && label[1] <= 'z')
		first = (char)(first - 'A' + 'a');
	if (var >= VAR_WORLD_END && region < r->nregions)
		snprintf(buf, len, "%c%s in %s", first, label + 1, r->region[region].name);
	else
		snprintf(buf, len, "%c%s", first, label + 1);
}

/* The facilitator's headline; NOTE is the message of a FAC_SAY (NULL: not at hand). */
static int facilitator_headline(const struct rules *r, const struct cause *c, const char *note, char *buf,
                                size_t len)
{
	char in[RULES_NAME_MAX + 8], what[RULES_NAME_MAX * 2], value[16];
	where(r, c->region, in, sizeof in);
	switch (FAC_KIND(c->source)) {
	case FAC_EVENT:
		return snprintf(buf, len, "The facilitator brought in %s: %s%s",
		                c->delta >= 0 && c->delta < r->nevents &&
		                                r->event[c->delta].kind == EVENT_INCIDENT ? "an incident" : "an event",
		                event_title(r, c->delta), in);
	case FAC_SET:
		var_in_sentence(r, FAC_VAR(c->source), c->region, what, sizeof what);
		explain_value(FAC_VAR(c->source), c->delta, value, sizeof value);
		return snprintf(buf, len, "The facilitator set %s to %s", what, value);
	case FAC_SAY:
		return snprintf(buf, len, "Facilitator: %s", note ? note : "(a message)");
	case FAC_END:
		return snprintf(buf, len, "The facilitator ended the game now.");
	default:
		return snprintf(buf, len, "The facilitator changed the game.");
	}
}

/* The headline records: orders, events and incidents by title, crises,
 * miscalculation rolls, action points, war and the end. */
static int cause_headline(const struct rules *r, const struct cause *c, char *buf, size_t len)
{
	char in[RULES_NAME_MAX + 8], cond[160] = "";
	where(r, c->region, in, sizeof in);
	switch (c->kind) {
	case CAUSE_ORDER:
		return snprintf(buf, len, "%s: %s%s", explain_side(r, c->side), action_name(r, c->source), in);
	case CAUSE_ORDER_FAILED:
		if (c->source < r->nactions && c->delta >= 0 && c->delta < r->action[c->source].nrequires)
			explain_cond(r, &r->action[c->source].requires[c->delta], c->region, cond, sizeof cond);
		return snprintf(buf, len, "%s: %s%s FAILED, its AP lost: it %s", explain_side(r, c->side),
		                action_name(r, c->source), in, cond[0] ? cond : "needed a requirement that no longer held");
	case CAUSE_AGREEMENT:
		return snprintf(buf, len, "Agreement: both sides chose %s%s", action_name(r, c->source), in);
	case CAUSE_MISCALC:
		return snprintf(buf, len, "Miscalculation risk %d.%02d%%: %s", c->delta / 100, c->delta % 100,
		                c->source ? "an incident struck" : "no incident");
	case CAUSE_INCIDENT:
	case CAUSE_EVENT:
		return snprintf(buf, len, "%s: %s%s", c->kind == CAUSE_INCIDENT ? "Incident" : "Event",
		                event_title(r, c->source), in);
	case CAUSE_AP:
		return snprintf(buf, len, "%s: %+d action point%s next turn (%s)", explain_side(r, c->region),
		                c->delta, c->delta == 1 || c->delta == -1 ? "" : "s",
		                c->source < AP_COUNT ? ap_words[c->source] : "?");
	case CAUSE_WAR:
		return snprintf(buf, len, "WAR: tension reached 100. Both sides lose.");
	case CAUSE_CRISIS:
		return snprintf(buf, len, "Crisis over %s%s: %s", event_title(r, c->source), in,
		                c->delta >= 0 && c->delta < CRISIS_OUTCOME_COUNT ? crisis_words[c->delta] : "?");
	case CAUSE_DETERRENCE:
		return snprintf(buf, len, "%s: %s%s blunted %d%% by the other side's deterrence (forces, "
		                "alliance)", explain_side(r, c->side), action_name(r, c->source), in, c->delta);
	case CAUSE_CREDIBILITY:
		return snprintf(buf, len, "%s crossed the other side's red line%s", explain_side(r, c->side), in);
	case CAUSE_END:
		return snprintf(buf, len, "The last turn is over: the game ends.");
	case CAUSE_FACILITATOR:
		return facilitator_headline(r, c, NULL, buf, len);
	default:
		return snprintf(buf, len, "(unknown cause)");
	}
}

size_t explain_cause(const struct rules *r, const struct cause *c, char *buf, size_t len)
{
	char ch[160], why[200];
	int n;
	if (change_reason(r, c, why, sizeof why)) {
		change_words(r, c, ch, sizeof ch);
		n = snprintf(buf, len, "%s (%s)", ch, why);
	} else {
		n = cause_headline(r, c, buf, len);
	}
	return n < 0 ? 0 : (size_t)n;
}

const char *explain_result_id(int result)
{
	switch (result) {
	case RESULT_NATO: return "nato";
	case RESULT_RUSSIA: return "russia";
	case RESULT_DRAW: return "draw";
	case RESULT_WAR: return "war";
	case RESULT_PEACE: return "peace";
	default: return "none";
	}
}

size_t explain_outcome(const struct rules *r, int result, char *buf, size_t len)
{
	int n;
	switch (result) {
	case RESULT_NATO:
	case RESULT_RUSSIA:
		/* on points, not on regions alone: the score also counts the turns
		 * a region was held, the security share and credibility */
		n = r->dyn.draw_margin > 0
		    ? snprintf(buf, len, "%s wins on points: more than %d ahead at the end.",
		               explain_side(r, result == RESULT_NATO ? SIDE_NATO : SIDE_RUSSIA),
		               r->dyn.draw_margin)
		    : snprintf(buf, len, "%s wins on points.",
		               explain_side(r, result == RESULT_NATO ? SIDE_NATO : SIDE_RUSSIA));
		break;
	case RESULT_WAR:
		n = snprintf(buf, len, "War: tension reached 100. Both sides lose.");
		break;
	case RESULT_PEACE:
		n = snprintf(buf, len, "Both sides win together: tension ended low with no active "
		                       "conflict.");
		break;
	case RESULT_DRAW:
		n = r->dyn.draw_margin > 0
		    ? snprintf(buf, len, "A draw: the scores ended %d points apart or closer.",
		               r->dyn.draw_margin)
		    : snprintf(buf, len, "A draw: the scores ended level.");
		break;
	default:
		n = snprintf(buf, len, "The game is not over.");
	}
	return n < 0 ? 0 : (size_t)n;
}

size_t explain_outcome_short(const struct rules *r, int result, char *buf, size_t len)
{
	int n;
	switch (result) {
	case RESULT_NATO:
	case RESULT_RUSSIA:
		n = snprintf(buf, len, "%s wins",
		             explain_side(r, result == RESULT_NATO ? SIDE_NATO : SIDE_RUSSIA));
		break;
	case RESULT_WAR: n = snprintf(buf, len, "war: both sides lose"); break;
	case RESULT_PEACE: n = snprintf(buf, len, "cooperative peace: both sides win"); break;
	case RESULT_DRAW: n = snprintf(buf, len, "draw"); break;
	default: n = snprintf(buf, len, "in progress");
	}
	return n < 0 ? 0 : (size_t)n;
}

size_t explain_order(const struct rules *r, const struct order *o, char *buf, size_t len)
{
	int n = o->region < r->nregions
	        ? snprintf(buf, len, "%s in %s", action_name(r, o->action), r->region[o->region].name)
	        : snprintf(buf, len, "%s", action_name(r, o->action));
	return n < 0 ? 0 : (size_t)n;
}

size_t explain_orders(const struct rules *r, const struct orders *o, char *buf, size_t len)
{
	size_t n = 0;
	if (len)
		buf[0] = '\0';
	if (!o->n)
		return explain_copy(buf, len, "none");
	for (int i = 0; i < o->n && i < ORDERS_MAX && n + 1 < len; i++) {
		if (i)
			n += explain_copy(buf + n, len - n, "; ");
		if (n + 1 < len) {
			size_t k = explain_order(r, &o->list[i], buf + n, len - n);
			n += k < len - n ? k : len - n - 1; /* a cut order ends the text */
		}
	}
	return n;
}

size_t explain_order_ids(const struct rules *r, const struct order *o, char sep, char *buf,
                         size_t len)
{
	const char *a = o->action < r->nactions ? r->action[o->action].id : "?";
	int n = o->region < r->nregions ? snprintf(buf, len, "%s%c%s", a, sep, r->region[o->region].id)
	                                : snprintf(buf, len, "%s", a);
	return n < 0 ? 0 : (size_t)n;
}

size_t explain_value(int var, int value, char *buf, size_t len)
{
	const char *name = var < VAR_COUNT ? var_enum_name((enum var)var, value) : NULL;
	int n = name ? snprintf(buf, len, "%s", name)
	        : var < VAR_COUNT && var_info[var].min < 0 ? snprintf(buf, len, "%+d", value)
	        : snprintf(buf, len, "%d", value);
	return n < 0 ? 0 : (size_t)n;
}

/* " in Poland", " in the region" (a target not chosen yet) or "" (world). */
static void cond_place(const struct rules *r, struct varref ref, int target, char *buf, size_t len)
{
	int region = ref.scope == SCOPE_TARGET ? target : ref.scope == SCOPE_REGION ? ref.region : -1;
	if (ref.scope == SCOPE_WORLD)
		buf[0] = '\0';
	else if (region >= 0 && region < r->nregions)
		snprintf(buf, len, " in %s", r->region[region].name);
	else
		snprintf(buf, len, " in the region");
}

/* A variable's label inside a sentence: "tension", but "NATO forces". */
static void label_in_sentence(const char *label, char *buf, size_t len)
{
	snprintf(buf, len, "%s", label);
	if (buf[0] >= 'A' && buf[0] <= 'Z' && !(buf[1] >= 'A' && buf[1] <= 'Z'))
		buf[0] = (char)(buf[0] - 'A' + 'a');
}

size_t explain_cond(const struct rules *r, const struct cond *k, int target, char *buf, size_t len)
{
	if (k->ref.var >= VAR_COUNT)
		return explain_copy(buf, len, "needs a condition on an unknown variable");
	const struct var_info *vi = &var_info[k->ref.var];
	char place[RULES_NAME_MAX + 16], lo[32], hi[32], label[48];
	label_in_sentence(vi->label, label, sizeof label);
	cond_place(r, k->ref, target, place, sizeof place);
	explain_value(k->ref.var, k->min, lo, sizeof lo);
	explain_value(k->ref.var, k->max, hi, sizeof hi);
	int n;
	if (vi->enum_names && k->min == k->max)
		n = snprintf(buf, len, "needs %s to be %s%s", label, lo, place);
	else if (k->min > vi->min && k->max < vi->max)
		n = snprintf(buf, len, "needs %s between %s and %s%s", label, lo, hi, place);
	else if (k->min > vi->min)
		n = snprintf(buf, len, "needs %s of at least %s%s", label, lo, place);
	else if (k->max < vi->max)
		n = snprintf(buf, len, "needs %s of at most %s%s", label, hi, place);
	else
		n = snprintf(buf, len, "needs %s between %s and %s%s", label, lo, hi, place);
	return n < 0 ? 0 : (size_t)n;
}

size_t explain_risk(const struct rules *r, const struct cond *k, int target, int other, int reach,
                    char *buf, size_t len)
{
	char need[160], v[32], label[48], place[RULES_NAME_MAX + 16];
	explain_cond(r, k, target, need, sizeof need);
	explain_value(k->ref.var, reach, v, sizeof v);
	label_in_sentence(k->ref.var < VAR_COUNT ? var_info[k->ref.var].label : "?", label, sizeof label);
	cond_place(r, k->ref, target, place, sizeof place);
	int n = snprintf(buf, len, "may fail: %s's orders this turn could bring %s%s to %s first; it %s",
	                 explain_side(r, other), label, place, v, need);
	return n < 0 ? 0 : (size_t)n;
}

size_t explain_cond_now(const struct world *w, const struct rules *r, const struct cond *k,
                        int target, char *buf, size_t len)
{
	return explain_value(k->ref.var, world_ref(w, r, k->ref, target), buf, len);
}

int explain_pushes(const struct cause_log *logs, int from, int to, int var, int region, bool rises,
                   struct explain_step *out, int max)
{
	int n = 0;
	for (int t = from < 0 ? 0 : from; t < to; t++)
		for (int i = 0; i < logs[t].n && i < CAUSE_MAX; i++) {
			const struct cause *c = &logs[t].rec[i];
			int size = c->delta < 0 ? -c->delta : c->delta;
			if (c->var != var || c->region != region || size == 0 || (rises && c->delta < 0) ||
			    c->kind == CAUSE_ORDER_FAILED)
				continue;
			/* keep the biggest, ordered by size; among equals the earliest */
			int at = n;
			while (at > 0) {
				int prev = logs[out[at - 1].turn].rec[out[at - 1].index].delta;
				if ((prev < 0 ? -prev : prev) >= size)
					break;
				at--;
			}
			if (at >= max)
				continue;
			if (n < max)
				n++;
			memmove(&out[at + 1], &out[at], (size_t)(n - 1 - at) * sizeof *out);
			out[at] = (struct explain_step){ t, i };
		}
	return n;
}

int explain_war_road(const struct cause_log *logs, int nturns, int window,
                     struct explain_step *out, int max)
{
	int n = explain_pushes(logs, nturns - window, nturns, VAR_TENSION, RULES_NO_REGION, true, out,
	                       max);
	/* the road is told in the order it was travelled: by turn, then record */
	for (int a = 1; a < n; a++)
		for (int b = a; b > 0 && (out[b - 1].turn > out[b].turn ||
		                          (out[b - 1].turn == out[b].turn && out[b - 1].index > out[b].index));
		     b--) {
			struct explain_step tmp = out[b];
			out[b] = out[b - 1];
			out[b - 1] = tmp;
		}
	return n;
}
size_t explain_scoring(const struct rules *r, char *buf, size_t len)
{
	/* the standard rules' numbers (scenarios/rules/standard.cfg) without a scenario */
	int control = r ? r->victory.control : 40, turn = r ? r->dyn.turn_points : 1;
	int security = r ? r->dyn.security_divisor : 20, end = r ? r->dyn.end_points : 4;
	int cred = r ? r->dyn.credibility_divisor : 10, margin = r ? r->dyn.draw_margin : 2;
	int war = r ? r->dyn.war_penalty : 60;
	int n = snprintf(buf, len,
	                 "A region is held at alignment +%d or more by %s, -%d or less by %s. "
	                 "Every turn each side scores %d x the points (vp) of the regions it holds, "
	                 "and both score the security index / %d: peace pays both. At the end each "
	                 "scores %d x the vp it holds then, and its credibility / %d. More than %d "
	                 "points ahead wins; closer is a draw. At war (tension 100) the game ends and "
	                 "both sides lose %d points.%s",
	                 control, r ? explain_side(r, SIDE_NATO) : "NATO", control,
	                 r ? explain_side(r, SIDE_RUSSIA) : "Russia", turn, security, end, cred, margin,
	                 war, r && r->victory.cooperative
	                 ? " In this scenario both sides win together if tension ends below 40 with no "
	                   "active conflict."
	                 : "");
	return n < 0 ? 0 : (size_t)n;
}

int explain_war_last(const struct cause_log *logs, int nturns, struct explain_step *out)
{
	if (nturns < 1)
		return 0;
	const struct cause_log *log = &logs[nturns - 1];
	for (int i = (log->n < CAUSE_MAX ? log->n : CAUSE_MAX) - 1; i >= 0; i--) {
		const struct cause *c = &log->rec[i];
		if (c->var == VAR_TENSION && c->region == RULES_NO_REGION && c->delta > 0 &&
		    c->kind != CAUSE_ORDER_FAILED) {
			*out = (struct explain_step){ nturns - 1, i };
			return 1;
		}
	}
	return 0;
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

/* "a" or "an" before the number N said aloud: an 8, an 11, an 18, an 80. */
static const char *article_for(int n)
{
	while (n >= 1000)
		n /= 1000;
	bool an = n == 8 || n == 11 || n == 18 || (n >= 80 && n <= 89) || (n >= 800 && n <= 899);
	return an ? "an" : "a";
}

size_t explain_crisis(const struct rules *r, const struct world *w, int side, char *buf, size_t len)
{
	if (!w->crisis || w->crisis > r->nevents) {
		if (len)
			buf[0] = 0;
		return 0;
	}
	const struct dynamics *d = &r->dyn;
	char in[RULES_NAME_MAX + 8];
	where(r, w->crisis_region, in, sizeof in);
	int war = world_crisis_war_pct(w, r);
	int n = snprintf(buf, len,
	                 "CRISIS: %s%s. Both sides now choose, in secret, to stand firm or back down.\n"
	                 "  Stand firm: if the other side backs down, %s gains %d credibility%s; "
	                 "if both stand firm, %s %d%% chance of war, else tension +%d.\n"
	                 "  Back down: %s loses %d credibility if the other side stands firm; "
	                 "if both back down, tension -%d. Giving no answer backs down.",
	                 event_title(r, w->crisis - 1), in, explain_side(r, side), d->crisis_firm_cred,
	                 w->crisis_region < r->nregions ? " and the region leans its way" : "",
	                 article_for(war), war,
	                 d->crisis_firm_tension, explain_side(r, side), d->crisis_back_cred, d->crisis_calm);
	return n < 0 ? 0 : (size_t)n;
}

size_t explain_cause_in(const struct rules *r, const struct cause_log *log, int i, char *buf,
                        size_t len)
{
	const struct cause *c = &log->rec[i];
	if (c->kind == CAUSE_FACILITATOR && c->var == VAR_NONE && FAC_KIND(c->source) == FAC_SAY &&
	    c->delta >= 0 && c->delta < log->nnotes && c->delta < CAUSE_NOTES) {
		char note[CAUSE_NOTE_MAX];
		snprintf(note, sizeof note, "%s", log->note[c->delta]);
		int n = facilitator_headline(r, c, note, buf, len);
		return n < 0 ? 0 : (size_t)n;
	}
	if (c->kind == CAUSE_EVENT || c->kind == CAUSE_INCIDENT) {
		/* an event the facilitator brought in: its headline follows theirs */
		int k = i;
		while (k > 0 && log->rec[k].var != VAR_NONE)
			k--;
		const struct cause *h = &log->rec[k], *f = k > 0 ? &log->rec[k - 1] : NULL;
		if (f && h->kind == c->kind && h->source == c->source && h->var == VAR_NONE &&
		    f->kind == CAUSE_FACILITATOR && f->var == VAR_NONE && FAC_KIND(f->source) == FAC_EVENT &&
		    f->delta == c->source) {
			char base[320];
			size_t m = explain_cause(r, c, base, sizeof base);
			bool paren = c->var != VAR_NONE && m > 0 && base[m - 1] == ')';
			if (paren)
				base[m - 1] = 0;
			int n = snprintf(buf, len, "%s%s", base,
			                 paren ? ", brought in by the facilitator)" : " (brought in by the facilitator)");
			return n < 0 ? 0 : (size_t)n;
		}
	}
	if (c->kind == CAUSE_ACTION && c->var < VAR_WORLD_END)
		for (int k = i - 1; k >= 0; k--) {
			const struct cause *h = &log->rec[k];
			if (h->var != VAR_NONE && h->kind == CAUSE_ACTION)
				continue; /* another change of the same order */
			if (h->kind == CAUSE_DETERRENCE && h->side == c->side && h->source == c->source)
				continue; /* the order's blunting, told between it and its changes */
			if (h->kind == CAUSE_ORDER && h->side == c->side && h->source == c->source &&
			    h->region < r->nregions) {
				char ch[160];
				change_words(r, c, ch, sizeof ch);
				int n = snprintf(buf, len, "%s (%s: %s in %s)", ch, explain_side(r, c->side),
				                 action_name(r, c->source), r->region[h->region].name);
				return n < 0 ? 0 : (size_t)n;
			}
			break;
		}
	return explain_cause(r, c, buf, len);
}

/* ---- the derived numbers: what each is made of ---------------------------- */

static const char *const measure_ids[EXPLAIN_MEASURES] = {
	"security_index", "miscalculation", "militarization", "vulnerability",
};

const char *explain_measure_id(int m)
{
	return m >= 0 && m < EXPLAIN_MEASURES ? measure_ids[m] : "?";
}

int explain_measure_find(const char *name)
{
	static const char *const alias[EXPLAIN_MEASURES] = { "security", "miscalc", "mil", "vuln" };
	for (int m = 0; m < EXPLAIN_MEASURES; m++)
		if (!strcmp(name, measure_ids[m]) || !strcmp(name, alias[m]))
			return m;
	return -1;
}

static int mean_stability(const struct world *w, const struct rules *r)
{
	int sum = 0;
	for (int i = 0; i < r->nregions; i++)
		sum += world_get(w, r, VAR_STABILITY, i);
	return r->nregions ? sum / r->nregions : 50;
}

#define MLINE(...) do { if (n < max) { snprintf(out[n], EXPLAIN_MEASURE_W, __VA_ARGS__); n++; } } while (0)

/* " (was 52)" when the value moved since PREV, else "". */
static void was(const struct world *prev, int before, int now, char *buf, size_t len)
{
	if (prev && before != now)
		snprintf(buf, len, " (was %d)", before);
	else
		buf[0] = '\0';
}

int explain_measure(const struct world *w, const struct world *prev, const struct rules *r, int m,
                    int region, char out[][EXPLAIN_MEASURE_W], int max)
{
	int n = 0;
	char wa[32], wb[32], wc[32];
	const struct dynamics *d = &r->dyn;
	bool reg = region >= 0 && region < r->nregions;
	switch (m) {
	case EXPLAIN_SECURITY: {
		int t = w->v[VAR_TENSION], dl = w->v[VAR_DIALOGUE], st = mean_stability(w, r);
		int idx = world_security_index(w, r);
		MLINE("Security index %d of 100: how safe both sides are together; higher is better.", idx);
		MLINE("It is 40%% of (100 - tension) + 30%% of dialogue + 30%% of the regions' mean stability:");
		was(prev, prev ? prev->v[VAR_TENSION] : 0, t, wa, sizeof wa);
		was(prev, prev ? prev->v[VAR_DIALOGUE] : 0, dl, wb, sizeof wb);
		was(prev, prev ? mean_stability(prev, r) : 0, st, wc, sizeof wc);
		MLINE("  tension %d%s: 40%% of %d = %d", t, wa, 100 - t, (100 - t) * 40 / 100);
		MLINE("  dialogue %d%s: 30%% of it = %d", dl, wb, dl * 30 / 100);
		MLINE("  mean stability %d%s: 30%% of it = %d", st, wc, st * 30 / 100);
		if (d->security_divisor > 0)
			MLINE("Each turn both sides score security index / %d.", d->security_divisor);
		break;
	}
	case EXPLAIN_MISCALC: {
		int p = turn_miscalc_chance(w, r), t = w->v[VAR_TENSION], cy = w->v[VAR_CYBER];
		int cyb = d->cyber_risk_divisor > 0 ? cy / d->cyber_risk_divisor : 0;
		int margin = t - d->misc_threshold + cyb;
		MLINE("Chance of a miscalculation %d.%02d%%: at the end of the turn an incident may strike.",
		      p / 100, p % 100);
		if (margin <= 0) {
			MLINE("None while tension %d (+ cyber threat %d / %d = %d) stays at or below %d.", t, cy,
			      d->cyber_risk_divisor, cyb, d->misc_threshold);
			break;
		}
		if (margin > 100)
			margin = 100;
		MLINE("  tension %d is %d above the threshold %d; cyber threat %d / %d adds %d: margin %d",
		      t, t - d->misc_threshold, d->misc_threshold, cy, d->cyber_risk_divisor, cyb, margin);
		MLINE("  times what dialogue leaves open: 100 - dialogue %d = %d", w->v[VAR_DIALOGUE],
		      100 - w->v[VAR_DIALOGUE]);
		MLINE("  %d x %d = %d in 10,000, that is %d.%02d%%. Lower tension or open dialogue to cut it.",
		      margin, 100 - w->v[VAR_DIALOGUE], margin * (100 - w->v[VAR_DIALOGUE]), p / 100, p % 100);
		break;
	}
	case EXPLAIN_MILITARIZATION:
		if (!reg)
			break;
		MLINE("%s: militarization %d = NATO forces %d + Russian forces %d.", r->region[region].name,
		      world_get(w, r, VAR_MILITARIZATION, region), world_get(w, r, VAR_NATO_FORCES, region),
		      world_get(w, r, VAR_RUSSIA_FORCES, region));
		MLINE("Along Russia's border the mean of it (now %d) drives tension up each turn.",
		      world_border_militarization(w, r));
		break;
	case EXPLAIN_VULNERABILITY: {
		if (!reg)
			break;
		int ru = world_get(w, r, VAR_RUSSIA_FORCES, region), na = world_get(w, r, VAR_NATO_FORCES, region);
		int near = 0;
		for (int j = 0; j < r->nregions; j++)
			if (r->region[region].borders & (1u << j))
				near += world_get(w, r, VAR_RUSSIA_FORCES, j);
		int conflict = world_get(w, r, VAR_CONFLICT, region);
		int border = r->region[region].borders_russia ? 30 : 0;
		int war = conflict == CONFLICT_ACTIVE ? 20 : conflict == CONFLICT_FROZEN ? 10 : 0;
		MLINE("%s: vulnerability %d of 100, how exposed it is to Russia:", r->region[region].name,
		      world_get(w, r, VAR_VULNERABILITY, region));
		MLINE("  borders Russia: %+d", border);
		MLINE("  Russian forces there: %+d", ru);
		MLINE("  NATO forces there reassure, half of %d: %+d", na, -(na / 2));
		MLINE("  Russian forces next door, a quarter of %d: %+d", near, near / 4);
		MLINE("  a conflict there (%s): %+d; the total is kept within 0 to 100",
		      var_enum_name(VAR_CONFLICT, conflict), war);
		MLINE("A NATO member this vulnerable hardens toward the West (at %d and more).",
		      d->vulnerable_at);
		break;
	}
	default:
		break;
	}
	return n;
}

/* ---- a turn in a few lines ------------------------------------------------ */

int explain_turn_summary(const struct session *s, int t, int side, char out[][EXPLAIN_MEASURE_W],
                         int max)
{
	const struct rules *r = &s->rules;
	if (t < 0 || t >= s->turns)
		return 0;
	const struct cause_log *log = &s->log[t];
	int n = 0, before = s->world.history[t][VAR_TENSION], after = s->world.history[t + 1][VAR_TENSION];
	char list[EXPLAIN_MEASURE_W];
	size_t len;
	bool over = false;
	for (int i = 0; i < log->n; i++)
		over = over || log->rec[i].kind == CAUSE_END || log->rec[i].kind == CAUSE_WAR;
	if (t + 1 == s->turns)
		after = s->world.v[VAR_TENSION];
	MLINE("Tension %d -> %d (%+d), %s.", before, after, after - before, explain_band(after));
	/* agreements, incidents and events, failed orders: one line each */
	static const int kinds[3][2] = { { CAUSE_AGREEMENT, CAUSE_AGREEMENT }, { CAUSE_INCIDENT, CAUSE_EVENT },
	                                 { CAUSE_ORDER_FAILED, CAUSE_ORDER_FAILED } };
	static const char *const label[3] = { "Agreements", "Incidents and events", "Failed orders" };
	static const char *const none[3] = { "No agreement: none of the proposals was matched.", NULL,
	                                     NULL };
	for (int k = 0; k < 3; k++) {
		len = 0;
		list[0] = '\0';
		for (int i = 0; i < log->n && len < sizeof list; i++) {
			const struct cause *c = &log->rec[i];
			bool head = c->var == VAR_NONE || c->kind == CAUSE_ORDER_FAILED;
			if (!head || (c->kind != kinds[k][0] && c->kind != kinds[k][1]))
				continue;
			char one[160], in[RULES_NAME_MAX + 8];
			where(r, c->region, in, sizeof in);
			if (c->kind == CAUSE_ORDER_FAILED)
				snprintf(one, sizeof one, "%s's %s%s (AP lost)", explain_side(r, c->side),
				         action_name(r, c->source), in);
			else if (c->kind == CAUSE_AGREEMENT)
				snprintf(one, sizeof one, "%s%s", action_name(r, c->source), in);
			else
				snprintf(one, sizeof one, "%s%s", event_title(r, c->source), in);
			len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", len ? "; " : "", one);
		}
		if (list[0])
			MLINE("%s: %.170s.", label[k], list);
		else if (none[k])
			MLINE("%s", none[k]);
	}
	/* a crisis decided this turn: how it ended, in the headline's words */
	for (int i = 0; i < log->n; i++) {
		const struct cause *c = &log->rec[i];
		if (c->kind == CAUSE_CRISIS && c->var == VAR_NONE) {
			char one[160];
			cause_headline(r, c, one, sizeof one);
			MLINE("%.190s.", one);
		}
	}
	/* the facilitator's changes after the turn, one line each */
	for (int i = 0; i < log->n; i++)
		if (log->rec[i].kind == CAUSE_FACILITATOR && log->rec[i].var == VAR_NONE) {
			char one[EXPLAIN_MEASURE_W];
			explain_cause_in(r, log, i, one, sizeof one);
			MLINE("%.190s.", one);
		}
	if (!over) {
		int ap[SIDE_COUNT] = { r->side[SIDE_NATO].ap, r->side[SIDE_RUSSIA].ap };
		for (int i = 0; i < log->n; i++)
			if (log->rec[i].kind == CAUSE_AP && log->rec[i].region < SIDE_COUNT)
				ap[log->rec[i].region] += log->rec[i].delta;
		MLINE("Action points next turn: %s %d, %s %d.", explain_side(r, SIDE_NATO), ap[SIDE_NATO],
		      explain_side(r, SIDE_RUSSIA), ap[SIDE_RUSSIA]);
	}
	/* Proposals one side made that the other did not match: the core of the game. */
	for (int p = 0; p < SIDE_COUNT; p++) {
		int q = 1 - p;
		if (side < SIDE_COUNT && q != side)
			continue;
		const struct orders *mine = &s->orders[t][q], *theirs = &s->orders[t][p];
		for (int i = 0; i < theirs->n; i++) {
			const struct order *o = &theirs->list[i];
			if (o->action >= r->nactions || !r->action[o->action].nagreed)
				continue;
			bool matched = false;
			for (int j = 0; j < mine->n; j++)
				matched = matched || (mine->list[j].action == o->action &&
				                      mine->list[j].region == o->region);
			if (matched)
				continue;
			char what[160];
			explain_order(r, o, what, sizeof what);
			if (side < SIDE_COUNT)
				MLINE("Missed: %s chose %.80s; you did not. Both must choose it in the same turn "
				      "to agree.", explain_side(r, p), what);
			else
				MLINE("Missed: %s chose %.80s; %s did not.", explain_side(r, p), what,
				      explain_side(r, q));
		}
	}
	return n;
}
#undef MLINE
