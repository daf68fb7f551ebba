/* test_facilitator.c - the facilitator's changes: the engine's turn_facilitator
 * (clamping, causes, refusals that leave the world as it was, determinism), the
 * words explain gives them, the text codec and the protocol's new lines (bad
 * input included), and saves that hold them: a round trip reproduces the game
 * byte for byte, replays and branches keep them, a tampered change is named. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../game/engine/rng.h"
#include "../game/engine/turn.h"
#include "../game/explain/explain.h"
#include "../game/net/protocol.h"
#include "../game/report/report.h"
#include "../game/save/save.h"
#include "../game/save/save_internal.h"
#include "../game/scenario/scenario.h"
#include "../game/session/fac_text.h"
#include "fixture.h"

#define SCENARIO "scenarios/door-closed.cfg"

static struct rules R;

static void fx_setup(void)
{
	fixture_rules(&R);
}

static void door_setup(void)
{
	struct diags ds = { 0 };
	int rc = scenario_load(SCENARIO, &R, &ds);
	if (rc)
		diag_print(&ds, stderr);
	cr_assert_eq(rc, 0, "cannot load " SCENARIO);
}

/* A change read from text, which must read. */
static struct fac_change change(const char *kind, const char *arg, const char *text)
{
	struct fac_change c;
	char why[320];
	const char *word = fac_text_parse(&R, kind, arg, text, &c, why, sizeof why);
	cr_assert_null(word, "%s %s: %s %s", kind, arg, word, why);
	return c;
}

/* The error word for a change that must not read, and its reason in WHY. */
static const char *bad(const char *kind, const char *arg, const char *text, char *why, size_t len)
{
	struct fac_change c;
	const char *word = fac_text_parse(&R, kind, arg, text, &c, why, len);
	cr_assert_not_null(word, "%s %s was read", kind, arg);
	return word;
}

/* Record I of W's log in words. */
static const char *words(const struct world *w, int i)
{
	static char buf[320];
	explain_cause_in(&R, &w->log, i, buf, sizeof buf);
	return buf;
}

TestSuite(facilitator_engine, .init = fx_setup);

Test(facilitator_engine, set_clamps_logs_and_starts_the_next_turn)
{
	struct world w;
	world_init(&w, &R, 1);
	struct fac_change c = change("set", "tension=75", NULL);
	int before = w.v[VAR_TENSION];
	cr_assert_null(turn_facilitator(&w, &R, &c));
	cr_assert_eq(w.v[VAR_TENSION], 75);
	cr_assert_eq(w.history[0][VAR_TENSION], 75, "the next turn starts from the value set");
	cr_assert_eq(w.log.n, 2, "a headline and the change");
	cr_assert_eq(w.log.rec[0].kind, CAUSE_FACILITATOR);
	cr_assert_eq(w.log.rec[0].var, VAR_NONE);
	cr_assert_eq(w.log.rec[1].kind, CAUSE_FACILITATOR);
	cr_assert_eq(w.log.rec[1].var, VAR_TENSION);
	cr_assert_eq(w.log.rec[1].delta, 75 - before);
	cr_assert_str_eq(words(&w, 0), "The facilitator set tension to 75");
	cr_assert(strstr(words(&w, 1), "(the facilitator)"), "%s", words(&w, 1));

	/* say adds, clamped: 75 + 200 stops at 100, and that is war */
	struct fac_change s = change("say", "dialogue=-200,tension=+200", "Shots fired");
	cr_assert_null(turn_facilitator(&w, &R, &s));
	cr_assert_eq(w.v[VAR_TENSION], 100);
	cr_assert_eq(w.v[VAR_DIALOGUE], 0);
	cr_assert(w.over);
	cr_assert_eq(w.result, RESULT_WAR);
	cr_assert_eq(cause_total(&w.log, VAR_TENSION, RULES_NO_REGION), 100 - before,
	             "the records hold the changes made, after clamping");
	cr_assert_str_eq(words(&w, 2), "Facilitator: Shots fired");
	cr_assert_null(world_check(&w, &R));
}

Test(facilitator_engine, region_variables_and_enum_values)
{
	struct world w;
	world_init(&w, &R, 2);
	struct fac_change c = change("set", "alignment@ukraine=-20", NULL);
	cr_assert_null(turn_facilitator(&w, &R, &c));
	int ukraine = rules_region_find(&R, "ukraine");
	cr_assert_eq(world_get(&w, &R, VAR_ALIGNMENT, ukraine), -20);
	cr_assert_str_eq(words(&w, 0), "The facilitator set alignment in Ukraine to -20");
	c = change("set", "conflict@ukraine=frozen", NULL);
	cr_assert_null(turn_facilitator(&w, &R, &c));
	cr_assert_eq(world_get(&w, &R, VAR_CONFLICT, ukraine), CONFLICT_FROZEN);
}

Test(facilitator_engine, an_incident_opens_a_crisis_once)
{
	struct world w;
	R.dyn.crisis_stake = 5; /* crises on */
	world_init(&w, &R, 3);
	struct fac_change c = change("inject", "airspace", NULL);
	cr_assert_null(turn_facilitator(&w, &R, &c));
	cr_assert_eq(w.crisis, FX_INC_AIRSPACE + 1, "an injected incident opens its crisis");
	cr_assert_eq(w.log.rec[0].kind, CAUSE_FACILITATOR);
	cr_assert_eq(w.log.rec[1].kind, CAUSE_INCIDENT, "then the incident as the rules make it");
	cr_assert(strstr(words(&w, 0), "The facilitator brought in an incident: "), "%s", words(&w, 0));
	cr_assert_str_eq(words(&w, 1), "Incident: Airspace violation (brought in by the facilitator)");
	cr_assert_str_eq(words(&w, 2), "Tension +7 (incident: Airspace violation, brought in by the facilitator)");
	/* a second incident while the crisis is open is refused, the world untouched */
	uint64_t h = world_hash(&w);
	struct fac_change again = change("inject", "airspace", NULL);
	cr_assert_not_null(turn_facilitator(&w, &R, &again));
	cr_assert_eq(world_hash(&w), h);
	/* an event in a region: the first where it applies, filled into the change */
	struct fac_change u = change("inject", "unrest", NULL);
	cr_assert_null(turn_facilitator(&w, &R, &u));
	cr_assert_eq(u.region, rules_region_find(&R, "ukraine"), "the first region where its conditions hold");
	u = change("inject", "unrest@poland", NULL);
	cr_assert_null(turn_facilitator(&w, &R, &u), "a region named is taken as it is");
	cr_assert_eq(w.log.rec[w.log.n - 1].region, 0);
}

Test(facilitator_engine, refusals_leave_the_world_as_it_was)
{
	struct world w;
	world_init(&w, &R, 4);
	uint64_t h = world_hash(&w);
	struct fac_change c = change("set", "tension=50", NULL);
	c.effect[0].value = 101; /* past the parser: the engine checks again */
	cr_assert_not_null(turn_facilitator(&w, &R, &c));
	c = change("set", "stability@poland=50", NULL);
	c.effect[0].ref.region = 40;
	cr_assert_not_null(turn_facilitator(&w, &R, &c));
	c = change("say", "-", "hello");
	c.text[0] = 0;
	cr_assert_not_null(turn_facilitator(&w, &R, &c), "a message needs a text");
	cr_assert_eq(world_hash(&w), h);
	/* four messages a turn, then a refusal */
	for (int i = 0; i < CAUSE_NOTES; i++) {
		c = change("say", "-", "note");
		cr_assert_null(turn_facilitator(&w, &R, &c));
	}
	h = world_hash(&w);
	c = change("say", "-", "one too many");
	cr_assert_not_null(turn_facilitator(&w, &R, &c));
	cr_assert_eq(world_hash(&w), h);
	/* the end, then nothing more */
	c = change("end", NULL, NULL);
	cr_assert_null(turn_facilitator(&w, &R, &c));
	cr_assert(w.over);
	cr_assert_neq(w.result, RESULT_NONE);
	cr_assert_eq(w.log.rec[w.log.n - 1].kind, CAUSE_END, "scored and ended as after a last turn");
	h = world_hash(&w);
	c = change("set", "tension=10", NULL);
	cr_assert_str_eq(turn_facilitator(&w, &R, &c), "the game is over");
	cr_assert_eq(world_hash(&w), h);
}

Test(facilitator_engine, deterministic_and_part_of_the_digest)
{
	struct world a, b;
	world_init(&a, &R, 5);
	world_init(&b, &R, 5);
	struct orders o[SIDE_COUNT] = { 0 };
	turn_resolve(&a, &R, o);
	turn_resolve(&b, &R, o);
	cr_assert_eq(world_hash(&a), world_hash(&b));
	struct fac_change c1 = change("say", "cyber=+30", "A"), c2 = change("say", "cyber=+30", "B");
	turn_facilitator(&a, &R, &c1);
	turn_facilitator(&b, &R, &c2);
	cr_assert_neq(world_hash(&a), world_hash(&b), "the message is part of the digest");
	world_init(&b, &R, 5);
	turn_resolve(&b, &R, o);
	c2 = change("say", "cyber=+30", "A");
	turn_facilitator(&b, &R, &c2);
	cr_assert_eq(world_hash(&a), world_hash(&b));
	for (int t = 0; t < 3; t++) {
		turn_resolve(&a, &R, o);
		turn_resolve(&b, &R, o);
		cr_assert_eq(world_hash(&a), world_hash(&b));
		cr_assert_eq(a.log.nnotes, 0, "a turn's messages go with its log");
	}
}

TestSuite(facilitator_text, .init = fx_setup);

Test(facilitator_text, round_trip)
{
	static const char *const cases[][2] = {
		{ "inject", "unrest@baltics" }, { "inject", "airspace" }, { "set", "tension=75" }, { "set", "alignment@ukraine=-20" },
		{ "say", "tension=+10,stability@poland=-5" }, { "say", "-" }, { "end", "-" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct fac_change c = change(cases[i][0], cases[i][1], !strcmp(cases[i][0], "say") ? "x" : NULL);
		char arg[256];
		cr_assert_gt(fac_text_arg(&R, &c, arg, sizeof arg), 0);
		cr_assert_str_eq(arg, cases[i][1]);
		cr_assert_str_eq(fac_kind_word(c.kind), cases[i][0]);
	}
}

Test(facilitator_text, bad_input_is_named)
{
	char why[320];
	cr_assert_str_eq(bad("inject", "no-such", NULL, why, sizeof why), "bad-event");
	cr_assert(strstr(why, "no event 'no-such'"), "%s", why);
	cr_assert_str_eq(bad("inject", "unrest@narnia", NULL, why, sizeof why), "bad-region");
	cr_assert_str_eq(bad("inject", "airspace@poland", NULL, why, sizeof why), "bad-region");
	cr_assert_str_eq(bad("set", "tension=101", NULL, why, sizeof why), "bad-value");
	cr_assert(strstr(why, "0..100"), "%s", why);
	cr_assert_str_eq(bad("set", "tension=abc", NULL, why, sizeof why), "bad-value");
	cr_assert_str_eq(bad("set", "member@poland=warsaw", NULL, why, sizeof why), "bad-value");
	cr_assert_str_eq(bad("set", "stability=40", NULL, why, sizeof why), "bad-region");
	cr_assert_str_eq(bad("set", "tension@poland=40", NULL, why, sizeof why), "bad-region");
	cr_assert_str_eq(bad("set", "vulnerability@poland=4", NULL, why, sizeof why), "bad-var");
	cr_assert_str_eq(bad("set", "nonsense=4", NULL, why, sizeof why), "bad-var");
	cr_assert_str_eq(bad("say", "tension=5", "x", why, sizeof why), "bad-value");
	cr_assert_str_eq(bad("say", "tension", "x", why, sizeof why), "bad-effects");
	cr_assert_str_eq(bad("say", "tension=+5,", "x", why, sizeof why), "bad-effects");
	cr_assert_str_eq(bad("say", "-", "", why, sizeof why), "bad-text");
	cr_assert_str_eq(bad("say", "-", "   ", why, sizeof why), "bad-text");
	char longtext[200];
	memset(longtext, 'a', sizeof longtext - 1);
	longtext[sizeof longtext - 1] = 0;
	cr_assert_str_eq(bad("say", "-", longtext, why, sizeof why), "bad-text");
	cr_assert_str_eq(bad("end", "now", NULL, why, sizeof why), "bad-kind");
	cr_assert_str_eq(bad("set", "tension=5", "text", why, sizeof why), "bad-text");
	cr_assert_str_eq(bad("launch", "-", NULL, why, sizeof why), "bad-kind");
}

Test(facilitator_text, protocol_lines)
{
	struct proto_msg m;
	const char *line = "say all tension=+5 Talks resume in Geneva";
	cr_assert_null(proto_parse(line, strlen(line), false, &m));
	cr_assert_eq(m.verb, PV_SAY);
	cr_assert_eq(m.argc, 2);
	cr_assert_str_eq(m.arg[0], "all");
	cr_assert_str_eq(m.arg[1], "tension=+5");
	cr_assert_str_eq(m.rest, "Talks resume in Geneva");
	line = "end 3";
	cr_assert_null(proto_parse(line, strlen(line), false, &m));
	cr_assert_eq(m.verb, PV_END);
	line = "set alignment@ukraine -20 all";
	cr_assert_null(proto_parse(line, strlen(line), false, &m));
	cr_assert_eq(m.verb, PV_SET);
	cr_assert_eq(m.argc, 3);
	line = "inject naval-collision@black-sea 2";
	cr_assert_null(proto_parse(line, strlen(line), false, &m));
	cr_assert_eq(m.verb, PV_INJECT);
	/* bad lines */
	cr_assert_not_null(proto_parse("end", 3, false, &m));
	cr_assert_not_null(proto_parse("end 1 2", 7, false, &m));
	cr_assert_not_null(proto_parse("set tension 5", 13, false, &m));
	cr_assert_not_null(proto_parse("say 1", 5, false, &m));
	cr_assert_not_null(proto_parse("fac 1 0 0 set x", 15, false, &m), "fac is the server's");
	/* the server's line, with and without a text */
	line = "fac 2 3 0123456789abcdef say tension=+5 Talks resume";
	cr_assert_null(proto_parse(line, strlen(line), true, &m));
	cr_assert_eq(m.verb, PV_FAC);
	cr_assert_eq(m.argc, 5);
	cr_assert_str_eq(m.rest, "Talks resume");
	line = "fac 1 0 0123456789abcdef end -";
	cr_assert_null(proto_parse(line, strlen(line), true, &m));
	cr_assert_str_eq(m.rest, "");
	line = "table 1 3 61 ordering submitted none playing Eagles -";
	cr_assert_null(proto_parse(line, strlen(line), true, &m));
	cr_assert_eq(m.argc, 9);
}

/* ---- sessions and saves ---------------------------------------------------- */

TestSuite(facilitator_save, .init = door_setup);

static struct session *game_with_changes(uint64_t seed)
{
	struct session *s = session_create(&R, seed);
	snprintf(s->team[SIDE_NATO], SESSION_TEAM_MAX, "Eagles");
	uint64_t rng = rng_mix(seed);
	struct fac_change c = change("set", "tension=40", NULL);
	cr_assert_null(session_facilitate(s, &c), "before the first turn");
	for (int t = 0; t < 8 && !s->world.over; t++) {
		struct orders o[SIDE_COUNT] = { 0 };
		for (int side = 0; side < SIDE_COUNT; side++)
			for (int k = 0; k < 5; k++) {
				int a = (int)rng_below(&rng, R.nactions);
				int reg = R.action[a].target == TARGET_REGION ? (int)rng_below(&rng, R.nregions)
				                                               : RULES_NO_REGION;
				orders_add(&s->world, &R, side, &o[side], a, reg, NULL);
			}
		cr_assert_eq(session_submit(s, o), 0);
		if (t == 2) {
			c = change("inject", "naval-collision", NULL);
			session_facilitate(s, &c); /* refused when a crisis is open: fine */
			c = change("say", "dialogue=+10,stability@poland=-5", "Talks resume in Geneva");
			const char *why = session_facilitate(s, &c);
			cr_assert(!why || s->world.over, "%s", why);
		}
	}
	return s;
}

static char *tmp_path(void)
{
	static char path[128];
	snprintf(path, sizeof path, "%s/brink-test-fac-XXXXXX", access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	close(fd);
	return path;
}

Test(facilitator_save, round_trip_is_byte_for_byte)
{
	for (uint64_t seed = 1; seed <= 20; seed++) {
		struct session *s = game_with_changes(seed);
		char *text = save_format(s);
		cr_assert_not_null(text);
		cr_assert(strstr(text, "format = 2;"));
		cr_assert(strstr(text, "team = \"Eagles\";"));
		cr_assert(strstr(text, "Talks resume in Geneva"));
		char *path = tmp_path();
		struct diags ds = { 0 };
		cr_assert_eq(save_write(s, path, &ds), 0);
		struct session *b = NULL;
		int rc = save_read(path, &b, &ds);
		if (rc)
			diag_print(&ds, stderr);
		cr_assert_eq(rc, 0, "seed %llu", (unsigned long long)seed);
		cr_assert_eq(world_hash(&b->world), world_hash(&s->world));
		cr_assert_eq(b->nfac, s->nfac);
		cr_assert_str_eq(b->team[SIDE_NATO], "Eagles");
		char *again = save_format(b);
		cr_assert_str_eq(again, text, "a loaded save writes the same text");
		/* every turn's log holds the facilitator's records, as when played */
		for (int t = 0; t < s->turns; t++)
			cr_assert_eq(memcmp(&b->log[t], &s->log[t], sizeof s->log[t]), 0, "turn %d's log", t + 1);
		/* a report is the same from the loaded save */
		char *r1 = NULL, *r2 = NULL;
		size_t n1, n2;
		FILE *f1 = open_memstream(&r1, &n1), *f2 = open_memstream(&r2, &n2);
		struct report_opts o = { .format = REPORT_MD, .png = NULL };
		cr_assert_eq(report_write(s, &o, f1), 0);
		cr_assert_eq(report_write(b, &o, f2), 0);
		fclose(f1);
		fclose(f2);
		cr_assert_str_eq(r1, r2);
		cr_assert(strstr(r1, "The facilitator set tension to 40"), "the report tells the change");
		cr_assert(strstr(r1, "Facilitator: Talks resume in Geneva") || s->turns < 3);
		free(r1);
		free(r2);
		free(again);
		free(text);
		unlink(path);
		session_free(b);
		session_free(s);
	}
}

Test(facilitator_save, rewind_and_branch_keep_the_changes_before)
{
	struct session *s = game_with_changes(7);
	cr_assert_geq(s->turns, 4);
	struct world now = s->world;
	int n = s->nfac;
	cr_assert_eq(session_rewind(s, s->turns), 0);
	cr_assert_eq(world_hash(&s->world), world_hash(&now), "a rewind to now is the same world");
	cr_assert_eq(s->nfac, n);
	cr_assert_eq(session_branch(s, 4), 0);
	cr_assert_eq(s->turns, 3);
	cr_assert_eq(s->nfac, n, "the changes made after turn 3 are before turn 4");
	cr_assert_eq(session_branch(s, 2), 0);
	cr_assert_eq(s->nfac, 1, "only the change before turn 1 is left");
	cr_assert_eq(s->world.history[0][VAR_TENSION], 40);
	session_free(s);
}

Test(facilitator_save, a_save_without_changes_stays_format_1)
{
	struct session *s = session_create(&R, 3);
	char *text = save_format(s);
	cr_assert(strstr(text, "format = 1;"));
	cr_assert_null(strstr(text, "facilitator"));
	cr_assert_null(strstr(text, "team ="));
	free(text);
	session_free(s);
}

/* Replace the first FROM in TEXT by TO, write it and load it: the error. */
static char *tampered(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	cr_assert_not_null(at, "%s", from);
	size_t len = strlen(text) + strlen(to) + 1;
	char *t = malloc(len);
	snprintf(t, len, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
	char *path = tmp_path();
	FILE *f = fopen(path, "w");
	fputs(t, f);
	fclose(f);
	free(t);
	struct diags ds = { 0 };
	struct session *b = NULL;
	cr_assert_eq(save_read(path, &b, &ds), -1, "a tampered save loaded: %s -> %s", from, to);
	unlink(path);
	static char msg[DIAG_MSG_MAX];
	snprintf(msg, sizeof msg, "%s", ds.n ? ds.d[0].msg : "");
	return msg;
}

Test(facilitator_save, tampering_is_named)
{
	struct session *s = game_with_changes(11);
	char *text = save_format(s);
	cr_assert(strstr(tampered(text, "change = \"set tension=40\"", "change = \"set tension=60\""),
	              "does not replay to its stored digest"));
	cr_assert(strstr(tampered(text, "change = \"set tension=40\"", "change = \"set tension=170\""),
	              "out of tension's range"));
	cr_assert(strstr(tampered(text, "change = \"set tension=40\"", "change = \"inject nope\""),
	              "facilitator change 1: no event 'nope'"));
	cr_assert(strstr(tampered(text, "Talks resume in Geneva", "Talks resume in Paris"),
	              "does not replay to its stored digest"));
	cr_assert(strstr(tampered(text, "after = 3;", "after = 99;"), "after a turn the save does not have") ||
	          strstr(tampered(text, "after = 3;", "after = 99;"), "out of range"));
	cr_assert(strstr(tampered(text, "format = 2;", "format = 3;"), "unknown save format 3"));
	free(text);
	session_free(s);
}

Test(facilitator_save, the_turn_summary_tells_the_changes_after_it)
{
	struct session *s = session_create(&R, 5);
	struct orders o[SIDE_COUNT] = { 0 };
	cr_assert_eq(session_submit(s, o), 0);
	int before = s->world.history[0][VAR_TENSION];
	struct fac_change c = change("set", "tension=70", NULL);
	cr_assert_null(session_facilitate(s, &c));
	c = change("say", "-", "Talks resume in Geneva");
	cr_assert_null(session_facilitate(s, &c));
	char out[16][EXPLAIN_MEASURE_W];
	int n = explain_turn_summary(s, 0, SIDE_BOTH, out, 16);
	char want[64];
	snprintf(want, sizeof want, "Tension %d -> 70 (%+d)", before, 70 - before);
	bool tension = false, set = false, say = false;
	for (int i = 0; i < n; i++) {
		tension |= strstr(out[i], want) != NULL;
		set |= !strcmp(out[i], "The facilitator set tension to 70.");
		say |= !strcmp(out[i], "Facilitator: Talks resume in Geneva.");
	}
	cr_assert(tension && set && say, "summary: %s / %s / %s", out[0], n > 3 ? out[3] : "", n > 4 ? out[4] : "");
	session_free(s);
}
