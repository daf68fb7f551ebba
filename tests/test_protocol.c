/* test_protocol.c - the network protocol's parser and formatter, orders as text, seat codes. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../game/net/protocol.h"
#include "fixture.h"

static const char *parse(const char *line, bool from_server, struct proto_msg *m)
{
	return proto_parse(line, strlen(line), from_server, m);
}

Test(protocol, parses_client_lines)
{
	struct proto_msg *m = malloc(sizeof *m);
	cr_assert_null(parse("hello 1", false, m));
	cr_expect_eq(m->verb, PV_HELLO);
	cr_expect_eq(m->argc, 1);
	cr_expect_str_eq(m->arg[0], "1");
	cr_assert_null(parse("  join  ABCD-EFGH   Eagles\r", false, m));
	cr_expect_eq(m->verb, PV_JOIN);
	cr_expect_eq(m->argc, 2);
	cr_expect_str_eq(m->arg[0], "ABCD-EFGH");
	cr_expect_str_eq(m->arg[1], "Eagles");
	cr_assert_null(parse("orders 3 deploy@poland,talks", false, m));
	cr_expect_eq(m->verb, PV_ORDERS);
	cr_expect_str_eq(m->arg[1], "deploy@poland,talks");
	/* a table line: the console's card, agreements and the last incident at the end */
	cr_assert_null(parse("table 1 3 61 submitted ordering none playing Eagles Bears 2 naval-collision",
	                     true, m));
	cr_expect_eq(m->verb, PV_TABLE);
	cr_expect_eq(m->argc, 11);
	cr_expect_str_eq(m->arg[9], "2");
	cr_expect_str_eq(m->arg[10], "naval-collision");
	cr_assert_null(parse("table 1 3 61 submitted ordering none playing", true, m), "an older server's line");
	cr_expect_str_eq(parse("table 1 3 61 a b none playing E B 2 x extra", true, m), "too many arguments");
	free(m);
}

Test(protocol, refuses_bad_client_lines_with_a_reason)
{
	struct proto_msg *m = malloc(sizeof *m);
	cr_expect_str_eq(parse("", false, m), "empty line");
	cr_expect_str_eq(parse("   ", false, m), "empty line");
	cr_expect_str_eq(parse("launch nukes", false, m), "unknown command");
	cr_expect_str_eq(parse("hello", false, m), "missing arguments");
	cr_expect_str_eq(parse("hello 1 2", false, m), "too many arguments");
	cr_expect_str_eq(parse("ping\x1b[2J", false, m), "control character in line");
	cr_expect_str_eq(parse("join caf\xc3\xa9", false, m), "control character in line");
	/* Server verbs are not a client's, and the other way round. */
	cr_expect_str_eq(parse("news 1 0 - -", false, m), "unknown command");
	cr_expect_str_eq(parse("orders 1 -", true, m), "unknown command");
	/* A format string is just text. */
	cr_expect_str_eq(parse("%s%s%n", false, m), "unknown command");
	free(m);
}

Test(protocol, limits_line_length)
{
	struct proto_msg *m = malloc(sizeof *m);
	char *line = malloc(PROTO_SERVER_LINE_MAX + 2);
	memset(line, 'x', PROTO_SERVER_LINE_MAX + 1);
	memcpy(line, "join ", 5);
	cr_expect_str_eq(proto_parse(line, PROTO_LINE_MAX + 1, false, m), "line too long");
	cr_expect_null(proto_parse(line, PROTO_LINE_MAX, false, m));
	memcpy(line, "sc   ", 5);
	cr_expect_null(proto_parse(line, PROTO_SERVER_LINE_MAX, true, m));
	cr_expect_str_eq(proto_parse(line, PROTO_SERVER_LINE_MAX + 1, true, m), "line too long");
	/* The input need not end in a NUL: only LEN bytes are read. */
	cr_expect_null(proto_parse("pingXXXX", 4, false, m));
	cr_expect_eq(m->verb, PV_PING);
	free(line);
	free(m);
}

Test(protocol, keeps_free_text_byte_for_byte)
{
	struct proto_msg *m = malloc(sizeof *m);
	cr_assert_null(parse("sc   title = \"L\xc3\xa9on\";", true, m));
	cr_expect_eq(m->verb, PV_SCENARIO);
	cr_expect_str_eq(m->rest, "  title = \"L\xc3\xa9on\";");
	cr_assert_null(parse("sc", true, m));
	cr_expect_str_eq(m->rest, "");
	cr_assert_null(parse("error bad-line unknown  command", true, m));
	cr_expect_str_eq(m->arg[0], "bad-line");
	cr_expect_str_eq(m->rest, "unknown  command");
	free(m);
}

Test(protocol, format_then_parse_gives_the_message_back)
{
	struct proto_msg out = { .verb = PV_NEWS, .argc = 4,
	                         .arg = { "3", "00112233aabbccdd", "deploy@poland", "-" } };
	char line[256];
	int n = proto_format(&out, line, sizeof line);
	cr_assert_gt(n, 0);
	cr_expect_str_eq(line, "news 3 00112233aabbccdd deploy@poland -\n");
	struct proto_msg *m = malloc(sizeof *m);
	cr_assert_null(proto_parse(line, (size_t)n - 1, true, m));
	cr_expect_eq(m->verb, PV_NEWS);
	cr_expect_eq(m->argc, 4);
	for (int i = 0; i < 4; i++)
		cr_expect_str_eq(m->arg[i], out.arg[i]);
	free(m);
	/* A token with a blank or a newline, or a line too long, is never written. */
	struct proto_msg bad = { .verb = PV_PING, .argc = 1, .arg = { "a b" } };
	cr_expect_eq(proto_format(&bad, line, sizeof line), -1);
	struct proto_msg nl = { .verb = PV_ERROR, .argc = 1, .arg = { "x" }, .rest = "a\nb" };
	cr_expect_eq(proto_format(&nl, line, sizeof line), -1);
	cr_expect_eq(proto_format(&out, line, 10), -1);
}

Test(protocol, orders_round_trip_through_text)
{
	struct rules *r = malloc(sizeof *r);
	fixture_rules(r);
	struct orders o = { 0 }, back;
	char buf[256];
	cr_expect_eq(proto_orders_format(r, &o, buf, sizeof buf), 1);
	cr_expect_str_eq(buf, "-");
	cr_expect_null(proto_orders_parse(r, "-", &back));
	cr_expect_eq(back.n, 0);
	o.n = 2;
	o.list[0].action = FX_DEPLOY;
	o.list[0].region = 1;
	o.list[1].action = FX_TALKS;
	o.list[1].region = RULES_NO_REGION;
	cr_assert_gt(proto_orders_format(r, &o, buf, sizeof buf), 0);
	cr_expect_str_eq(buf, "deploy@baltics,talks");
	cr_assert_null(proto_orders_parse(r, buf, &back));
	cr_expect_eq(memcmp(&o, &back, sizeof o), 0);
	/* The crisis choice comes along, with or without orders. */
	o.crisis = CRISIS_FIRM;
	cr_assert_gt(proto_orders_format(r, &o, buf, sizeof buf), 0);
	cr_expect_str_eq(buf, "deploy@baltics,talks+firm");
	cr_assert_null(proto_orders_parse(r, buf, &back));
	cr_expect_eq(memcmp(&o, &back, sizeof o), 0);
	struct orders none = { .n = 0, .crisis = CRISIS_BACK };
	cr_assert_gt(proto_orders_format(r, &none, buf, sizeof buf), 0);
	cr_expect_str_eq(buf, "-+back");
	cr_assert_null(proto_orders_parse(r, buf, &back));
	cr_expect_eq(back.n, 0);
	cr_expect_eq(back.crisis, CRISIS_BACK);
	free(r);
}

Test(protocol, refuses_bad_orders)
{
	struct rules *r = malloc(sizeof *r);
	fixture_rules(r);
	struct orders o;
	cr_expect_str_eq(proto_orders_parse(r, "nuke", &o), "unknown action in orders");
	cr_expect_str_eq(proto_orders_parse(r, "deploy@mars", &o), "unknown region in orders");
	cr_expect_str_eq(proto_orders_parse(r, "deploy@", &o), "bad region id in orders");
	cr_expect_str_eq(proto_orders_parse(r, "deploy@poland@baltics", &o), "bad region id in orders");
	cr_expect_str_eq(proto_orders_parse(r, ",talks", &o), "bad action id in orders");
	cr_expect_str_eq(proto_orders_parse(r, "talks,", &o), "orders end in ','");
	cr_expect_str_eq(proto_orders_parse(r, "", &o), "bad action id in orders");
	cr_expect_str_eq(proto_orders_parse(r, "talks+maybe", &o),
	                 "unknown crisis choice in orders (firm or back)");
	cr_expect_str_eq(proto_orders_parse(r, "-+", &o), "unknown crisis choice in orders (firm or back)");
	char many[1024] = "talks";
	for (int i = 0; i < ORDERS_MAX; i++)
		strcat(many, ",talks");
	cr_expect_str_eq(proto_orders_parse(r, many, &o), "too many orders");
	char longid[200];
	memset(longid, 'a', sizeof longid - 1);
	longid[sizeof longid - 1] = 0;
	cr_expect_str_eq(proto_orders_parse(r, longid, &o), "bad action id in orders");
	free(r);
}

Test(protocol, codes_are_random_and_compare_loosely_in_form_only)
{
	char a[PROTO_CODE_SIZE], b[PROTO_CODE_SIZE];
	cr_assert_eq(proto_code_new(a), 0);
	cr_assert_eq(proto_code_new(b), 0);
	cr_expect_eq(strlen(a), 9);
	cr_expect_eq(a[4], '-');
	cr_expect_str_neq(a, b);
	cr_expect(proto_code_equal(a, a));
	char typed[16];
	snprintf(typed, sizeof typed, "%.4s%s", a, a + 5); /* without the dash */
	for (char *c = typed; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	cr_expect(proto_code_equal(typed, a));
	cr_expect_not(proto_code_equal(b, a));
	cr_expect_not(proto_code_equal("", a));
	char longer[16];
	snprintf(longer, sizeof longer, "%sX", a);
	cr_expect_not(proto_code_equal(longer, a));
	char shorter[16];
	snprintf(shorter, sizeof shorter, "%.8s", a);
	cr_expect_not(proto_code_equal(shorter, a));
}

Test(protocol, cleans_team_names)
{
	char out[PROTO_NAME_MAX];
	proto_name_clean("Les Aigles/../%n", out);
	cr_expect_str_eq(out, "Les_Aigles_..__n");
	proto_name_clean("a-very-long-team-name-that-goes-on", out);
	cr_expect_eq(strlen(out), PROTO_NAME_MAX - 1);
}
