/* fixture.c - the hand-built test scenario and the headless curses screen (see
 * fixture.h). Not linked into brink. */
#include <criterion/criterion.h>
#include <locale.h>
#include <string.h>

#include "fixture.h"

static struct varref ref(int scope, int var, int region)
{
	return (struct varref){ (uint8_t)scope, (uint8_t)var, (uint8_t)region };
}

static struct effect add(int scope, int var, int v)
{
	return (struct effect){ ref(scope, var, RULES_NO_REGION), EFFECT_ADD, (int16_t)v };
}

static void region(struct rules *r, int i, const char *id, const char *name, int value, int member,
                   int nato, int russia, int align, int stab, bool border, uint32_t borders)
{
	struct region_info *g = &r->region[i];
	strcpy(g->id, id);
	strcpy(g->name, name);
	g->value = (uint8_t)value;
	g->borders_russia = border;
	g->borders = borders;
	g->start[VAR_NATO_FORCES - VAR_WORLD_END] = (int16_t)nato;
	g->start[VAR_RUSSIA_FORCES - VAR_WORLD_END] = (int16_t)russia;
	g->start[VAR_ALIGNMENT - VAR_WORLD_END] = (int16_t)align;
	g->start[VAR_STABILITY - VAR_WORLD_END] = (int16_t)stab;
	g->start[VAR_MEMBER - VAR_WORLD_END] = (int16_t)member;
	g->start[VAR_CONFLICT - VAR_WORLD_END] = CONFLICT_NONE;
}

void fixture_rules(struct rules *r)
{
	memset(r, 0, sizeof *r);
	rules_defaults(r);
	strcpy(r->id, "fixture");
	strcpy(r->title, "Fixture");
	r->start_year = 2025;
	r->start_quarter = 1;
	r->turns = 12;
	strcpy(r->side[SIDE_NATO].name, "NATO");
	strcpy(r->side[SIDE_RUSSIA].name, "Russia");
	r->side[SIDE_NATO].ap = 4;
	r->side[SIDE_RUSSIA].ap = 4;
	const int16_t world[VAR_WORLD_END] = { 50, 20, 25, 50, 60, 45, 40 };
	memcpy(r->start_world, world, sizeof world);
	r->nregions = 4;
	region(r, 0, "poland", "Poland", 3, MEMBER_NATO, 45, 0, 85, 80, true, 0x6);
	region(r, 1, "baltics", "the Baltics", 2, MEMBER_NATO, 30, 5, 75, 70, true, 0x1);
	region(r, 2, "ukraine", "Ukraine", 4, MEMBER_NONE, 10, 20, 30, 40, true, 0x9);
	region(r, 3, "caucasus", "the Caucasus", 2, MEMBER_NONE, 0, 25, -20, 35, true, 0x4);
	strcpy(r->region[1].short_name, "Baltics"); /* as the shipped scenarios, for the map */
	strcpy(r->region[3].short_name, "Caucasus");

	r->nactions = FX_ACTIONS;
	struct action *a = &r->action[FX_DEPLOY];
	strcpy(a->id, "deploy");
	strcpy(a->name, "Deploy forces");
	a->side = SIDE_NATO;
	a->target = TARGET_REGION;
	a->cost = 1;
	a->nrequires = 1;
	a->requires[0] = (struct cond){ ref(SCOPE_TARGET, VAR_ALIGNMENT, RULES_NO_REGION), 20, 100 };
	a->neffects = 2;
	a->effects[0] = add(SCOPE_TARGET, VAR_NATO_FORCES, 10);
	a->effects[1] = add(SCOPE_WORLD, VAR_TENSION, 3);

	a = &r->action[FX_TALKS];
	strcpy(a->id, "talks");
	strcpy(a->name, "Propose talks");
	a->side = SIDE_BOTH;
	a->target = TARGET_WORLD;
	a->cost = 1;
	a->neffects = 1;
	a->effects[0] = add(SCOPE_WORLD, VAR_DIALOGUE, 2);
	a->nagreed = 2;
	a->agreed[0] = add(SCOPE_WORLD, VAR_TENSION, -8);
	a->agreed[1] = add(SCOPE_WORLD, VAR_DIALOGUE, 10);

	a = &r->action[FX_RED_LINE];
	strcpy(a->id, "red-line");
	strcpy(a->name, "Declare a red line");
	a->side = SIDE_RUSSIA;
	a->target = TARGET_REGION;
	a->cost = 2;
	a->neffects = 2;
	a->effects[0] = add(SCOPE_TARGET, VAR_ALIGNMENT, -15);
	a->effects[1] = add(SCOPE_WORLD, VAR_TENSION, 6);

	a = &r->action[FX_DOOR];
	strcpy(a->id, "open-door");
	strcpy(a->name, "Open the door");
	a->side = SIDE_NATO;
	a->target = TARGET_REGION;
	a->cost = 3;
	a->nrequires = 2;
	a->requires[0] = (struct cond){ ref(SCOPE_TARGET, VAR_MEMBER, RULES_NO_REGION), MEMBER_NONE, MEMBER_NONE };
	a->requires[1] = (struct cond){ ref(SCOPE_TARGET, VAR_ALIGNMENT, RULES_NO_REGION), 25, 100 };
	a->neffects = 2;
	a->effects[0] = (struct effect){ ref(SCOPE_TARGET, VAR_MEMBER, RULES_NO_REGION), EFFECT_SET, MEMBER_NATO };
	a->effects[1] = add(SCOPE_WORLD, VAR_TENSION, 12);

	a = &r->action[FX_AID];
	strcpy(a->id, "aid");
	strcpy(a->name, "Economic aid");
	a->side = SIDE_NATO;
	a->target = TARGET_REGION;
	a->cost = 1;
	a->neffects = 2;
	a->effects[0] = add(SCOPE_TARGET, VAR_STABILITY, 8);
	a->effects[1] = add(SCOPE_TARGET, VAR_ALIGNMENT, 4);

	r->nevents = FX_EVENTS;
	struct event *e = &r->event[FX_EV_SUMMIT];
	strcpy(e->id, "summit");
	strcpy(e->title, "Summit");
	e->kind = EVENT_EVENT;
	e->weight = 1;
	e->nwhen = 1;
	e->when[0] = (struct cond){ ref(SCOPE_WORLD, VAR_DIALOGUE, RULES_NO_REGION), 60, 100 };
	e->neffects = 1;
	e->effects[0] = add(SCOPE_WORLD, VAR_TENSION, -5);

	e = &r->event[FX_EV_UNREST];
	strcpy(e->id, "unrest");
	strcpy(e->title, "Unrest");
	e->kind = EVENT_EVENT;
	e->target = TARGET_REGION;
	e->weight = 3;
	e->nwhen = 1;
	e->when[0] = (struct cond){ ref(SCOPE_TARGET, VAR_STABILITY, RULES_NO_REGION), 0, 60 };
	e->neffects = 1;
	e->effects[0] = add(SCOPE_TARGET, VAR_STABILITY, -5);

	e = &r->event[FX_INC_AIRSPACE];
	strcpy(e->id, "airspace");
	strcpy(e->title, "Airspace violation");
	e->kind = EVENT_INCIDENT;
	e->weight = 1;
	e->neffects = 1;
	e->effects[0] = add(SCOPE_WORLD, VAR_TENSION, 7);
	rules_prepare(r);
}

/* ---- a curses screen on /dev/null --------------------------------------- */

void screen_open(struct screen *s, const char *locale, int h, int w)
{
	memset(s, 0, sizeof *s);
	cr_assert_not_null(setlocale(LC_ALL, locale), "locale %s", locale);
	s->out = fopen("/dev/null", "w");
	s->in = fopen("/dev/null", "r");
	cr_assert(s->out && s->in);
	cr_assert_eq(tui_open_on(&s->t, "xterm-256color", s->out, s->in, &s->stop), 0);
	resize_term(h, w);
}

void screen_close(struct screen *s)
{
	tui_close(&s->t);
	fclose(s->out);
	fclose(s->in);
}

void screen_row(int y, char *buf, size_t len)
{
	wchar_t w[512];
	int n = COLS < 511 ? COLS : 511;
	memset(w, 0, sizeof w);
	mvinnwstr(y, 0, w, n);
	size_t r = wcstombs(buf, w, len - 1);
	if (r == (size_t)-1)
		r = 0;
	buf[r] = '\0';
}

int screen_find(const char *text)
{
	char buf[2048];
	for (int y = 0; y < LINES; y++) {
		screen_row(y, buf, sizeof buf);
		if (strstr(buf, text))
			return y;
	}
	return -1;
}

bool screen_has(const char *text)
{
	return screen_find(text) >= 0;
}

wchar_t screen_cell(int y, int x)
{
	cchar_t c;
	wchar_t w[CCHARW_MAX + 1] = { 0 };
	attr_t a;
	short p;
	mvin_wch(y, x, &c);
	getcchar(&c, w, &a, &p, NULL);
	return w[0];
}
