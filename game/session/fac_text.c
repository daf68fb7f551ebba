/* fac_text.c - the facilitator's changes as text (see fac_text.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fac_text.h"

static const char *const kind_words[FAC_KIND_COUNT] = { "inject", "set", "say", "end" };

const char *fac_kind_word(int kind)
{
	return kind >= 0 && kind < FAC_KIND_COUNT ? kind_words[kind] : "?";
}

/* "VAR" or "VAR@REGION" (N bytes of S) into REF. */
static const char *ref_parse(const struct rules *r, const char *s, size_t n, struct varref *ref, char *why,
                             size_t len)
{
	char name[RULES_ID_MAX * 2 + 2];
	if (n == 0 || n >= sizeof name) {
		snprintf(why, len, "a variable is missing");
		return "bad-var";
	}
	memcpy(name, s, n);
	name[n] = 0;
	char *at = strchr(name, '@');
	if (at)
		*at++ = 0;
	enum var v = var_lookup(name);
	if (v == VAR_NONE || !var_info[v].writable) {
		snprintf(why, len, "'%s' is not a variable the facilitator can change (tension, dialogue, "
		         "arms_control, sanctions, nato_cohesion, axis, cyber; VAR@REGION: nato_forces, "
		         "russia_forces, alignment, stability, member, conflict, red_line)", name);
		return "bad-var";
	}
	bool region = v >= VAR_WORLD_END;
	if (region && !at) {
		snprintf(why, len, "'%s' is a region's variable: name the region, %s@REGION", name, name);
		return "bad-region";
	}
	if (!region && at) {
		snprintf(why, len, "'%s' is a world variable: it takes no region", name);
		return "bad-region";
	}
	ref->var = (uint8_t)v;
	ref->scope = region ? SCOPE_REGION : SCOPE_WORLD;
	ref->region = RULES_NO_REGION;
	if (region) {
		int i = rules_region_find(r, at);
		if (i < 0) {
			snprintf(why, len, "no region '%s' in this scenario", at);
			return "bad-region";
		}
		ref->region = (uint8_t)i;
	}
	return NULL;
}

/* An integer in [LO, HI] written in S (all of it). */
static bool int_parse(const char *s, long lo, long hi, long *out)
{
	char *end;
	if (!*s)
		return false;
	long v = strtol(s, &end, 10);
	if (*end || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

static const char *event_parse(const struct rules *r, const char *arg, struct fac_change *c, char *why,
                               size_t len)
{
	char id[RULES_ID_MAX];
	size_t n = strcspn(arg, "@");
	if (n == 0 || n >= sizeof id) {
		snprintf(why, len, "inject needs an event's id");
		return "bad-event";
	}
	memcpy(id, arg, n);
	id[n] = 0;
	int e = rules_event_find(r, id);
	if (e < 0) {
		snprintf(why, len, "no event '%s' in this scenario's rules (docs/rules.md lists them)", id);
		return "bad-event";
	}
	c->event = (uint8_t)e;
	c->region = RULES_NO_REGION;
	if (arg[n] == '@') {
		int i = rules_region_find(r, arg + n + 1);
		if (i < 0) {
			snprintf(why, len, "no region '%s' in this scenario", arg + n + 1);
			return "bad-region";
		}
		if (r->event[e].target != TARGET_REGION) {
			snprintf(why, len, "event '%s' happens to the world, not in a region", id);
			return "bad-region";
		}
		c->region = (uint8_t)i;
	}
	return NULL;
}

static const char *set_parse(const struct rules *r, const char *arg, struct fac_change *c, char *why,
                             size_t len)
{
	size_t n = strcspn(arg, "=");
	struct effect *e = &c->effect[0];
	const char *word = ref_parse(r, arg, n, &e->ref, why, len);
	if (word)
		return word;
	const char *val = arg[n] == '=' ? arg + n + 1 : "";
	const struct var_info *vi = &var_info[e->ref.var];
	long v;
	int k = vi->enum_names ? var_enum_lookup((enum var)e->ref.var, val) : -1;
	if (k >= 0) {
		v = k;
	} else if (!int_parse(val, vi->min, vi->max, &v)) {
		if (vi->enum_names)
			snprintf(why, len, "'%s' is not a value of %s (%s..%s, or 0..%d)", val, vi->name,
			         vi->enum_names[0], vi->enum_names[vi->max], vi->max);
		else
			snprintf(why, len, "'%s' is out of %s's range %d..%d", val, vi->name, vi->min, vi->max);
		return "bad-value";
	}
	e->op = EFFECT_SET;
	e->value = (int16_t)v;
	c->n = 1;
	return NULL;
}

static const char *say_parse(const struct rules *r, const char *arg, struct fac_change *c, char *why,
                             size_t len)
{
	if (!strcmp(arg, "-"))
		return NULL;
	for (const char *p = arg;;) {
		size_t n = strcspn(p, ",");
		char one[RULES_ID_MAX * 2 + 16];
		if (n == 0 || n >= sizeof one) {
			snprintf(why, len, "effects are VAR[@REGION]=+N or -N, joined by ','");
			return "bad-effects";
		}
		memcpy(one, p, n);
		one[n] = 0;
		if (c->n >= RULES_MAX_EFFECTS) {
			snprintf(why, len, "at most %d effects", RULES_MAX_EFFECTS);
			return "bad-effects";
		}
		char *eq = strchr(one, '=');
		if (!eq) {
			snprintf(why, len, "'%s': an effect is VAR[@REGION]=+N or -N", one);
			return "bad-effects";
		}
		struct effect *e = &c->effect[c->n];
		const char *word = ref_parse(r, one, (size_t)(eq - one), &e->ref, why, len);
		if (word)
			return word;
		long v;
		if ((eq[1] != '+' && eq[1] != '-') || !int_parse(eq + 1, -200, 200, &v)) {
			snprintf(why, len, "'%s': a change is +N or -N (-200..+200); to give a variable a "
			         "value, use set", one);
			return "bad-value";
		}
		e->op = EFFECT_ADD;
		e->value = (int16_t)v;
		c->n++;
		p += n;
		if (!*p)
			return NULL;
		p++;
	}
}

const char *fac_text_parse(const struct rules *r, const char *kind, const char *arg, const char *text,
                           struct fac_change *c, char *why, size_t len)
{
	memset(c, 0, sizeof *c);
	c->region = RULES_NO_REGION;
	int k;
	for (k = 0; k < FAC_KIND_COUNT; k++)
		if (!strcmp(kind, kind_words[k]))
			break;
	if (k == FAC_KIND_COUNT) {
		snprintf(why, len, "'%s' is not a facilitator's change (inject, set, say, end)", kind);
		return "bad-kind";
	}
	c->kind = (uint8_t)k;
	if (!arg)
		arg = "-";
	if (k != FAC_SAY && text && *text) {
		snprintf(why, len, "only say takes a text");
		return "bad-text";
	}
	switch (k) {
	case FAC_EVENT:
		return event_parse(r, arg, c, why, len);
	case FAC_SET:
		return set_parse(r, arg, c, why, len);
	case FAC_SAY: {
		const char *word = say_parse(r, arg, c, why, len);
		if (word)
			return word;
		size_t n = text ? strlen(text) : 0;
		while (n && text[n - 1] == ' ')
			n--;
		const char *t = text ? text + strspn(text, " ") : "";
		n = text ? n - (size_t)(t - text) : 0;
		if (n == 0 || n >= CAUSE_NOTE_MAX) {
			snprintf(why, len, n ? "the message is %zu characters; at most %d" : "say needs a message",
			         n, CAUSE_NOTE_MAX - 1);
			return "bad-text";
		}
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)t[i] < 0x20 || t[i] == 0x7f) {
				snprintf(why, len, "the message holds a control character");
				return "bad-text";
			}
		memcpy(c->text, t, n);
		c->text[n] = 0;
		return NULL;
	}
	default:
		if (strcmp(arg, "-")) {
			snprintf(why, len, "end takes nothing more");
			return "bad-kind";
		}
		return NULL;
	}
}

/* Append "VAR[@REGION]" of REF to BUF at *AT. */
static bool put_ref(const struct rules *r, struct varref ref, char *buf, size_t len, size_t *at)
{
	int n;
	if (ref.var >= VAR_COUNT)
		return false;
	if (ref.scope == SCOPE_REGION) {
		if (ref.region >= r->nregions)
			return false;
		n = snprintf(buf + *at, len - *at, "%s@%s", var_info[ref.var].name, r->region[ref.region].id);
	} else {
		n = snprintf(buf + *at, len - *at, "%s", var_info[ref.var].name);
	}
	if (n < 0 || (size_t)n >= len - *at)
		return false;
	*at += (size_t)n;
	return true;
}

int fac_text_arg(const struct rules *r, const struct fac_change *c, char *buf, size_t len)
{
	size_t at = 0;
	int n;
	if (!len)
		return -1;
	buf[0] = 0;
	switch (c->kind) {
	case FAC_EVENT:
		if (c->event >= r->nevents)
			return -1;
		if (c->region < r->nregions)
			n = snprintf(buf, len, "%s@%s", r->event[c->event].id, r->region[c->region].id);
		else
			n = snprintf(buf, len, "%s", r->event[c->event].id);
		return n < 0 || (size_t)n >= len ? -1 : n;
	case FAC_SET:
		if (c->n != 1 || !put_ref(r, c->effect[0].ref, buf, len, &at))
			return -1;
		n = snprintf(buf + at, len - at, "=%d", c->effect[0].value);
		return n < 0 || (size_t)n >= len - at ? -1 : (int)at + n;
	case FAC_SAY:
		if (c->n == 0)
			return snprintf(buf, len, "-") == 1 ? 1 : -1;
		for (int i = 0; i < c->n && i < RULES_MAX_EFFECTS; i++) {
			if (i) {
				if (at + 1 >= len)
					return -1;
				buf[at++] = ',';
				buf[at] = 0;
			}
			if (!put_ref(r, c->effect[i].ref, buf, len, &at))
				return -1;
			n = snprintf(buf + at, len - at, "=%+d", c->effect[i].value);
			if (n < 0 || (size_t)n >= len - at)
				return -1;
			at += (size_t)n;
		}
		return (int)at;
	case FAC_END:
		return snprintf(buf, len, "-") == 1 ? 1 : -1;
	default:
		return -1;
	}
}
