/* fuzz_protocol.c - libFuzzer harness for the network protocol's one parser.
 *
 * Each input is split at newlines, as a connection's bytes are; every piece
 * goes through proto_parse as a client's and as a server's line, what parses
 * is formatted back and parsed again (it must give the same message), and
 * every token is also read as orders against the default scenario (run from
 * the repository root, as tests/fuzz/run.sh does). Nothing may crash, hang
 * or read out of bounds (built with ASan and UBSan). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../game/base/diag.h"
#include "../../game/net/protocol.h"
#include "../../game/scenario/scenario.h"
#include "../../game/session/fac_text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct rules *rules;

static void one_line(const char *line, size_t len, bool from_server)
{
	static struct proto_msg m, back;
	if (proto_parse(line, len, from_server, &m))
		return;
	char out[PROTO_SERVER_LINE_MAX + 2];
	int n = proto_format(&m, out, sizeof out);
	if (n > 0) {
		/* What the formatter writes, the parser reads back the same. */
		if (proto_parse(out, (size_t)n - 1, from_server, &back) || back.verb != m.verb ||
		    back.argc != m.argc)
			abort();
		for (int i = 0; i < m.argc; i++)
			if (strcmp(back.arg[i], m.arg[i]))
				abort();
	}
	for (int i = 0; i < m.argc; i++) {
		struct orders o;
		if (!proto_orders_parse(rules, m.arg[i], &o)) {
			char text[PROTO_LINE_MAX];
			struct orders again;
			if (proto_orders_format(rules, &o, text, sizeof text) < 0 ||
			    proto_orders_parse(rules, text, &again) || memcmp(&o, &again, sizeof o))
				abort();
		}
	}
	if (m.argc > 0)
		(void)proto_code_equal(m.arg[0], "ABCD-EFGH");
	/* a facilitator's change read from a fac line reads the same once written */
	if (m.verb == PV_FAC) {
		struct fac_change c, again;
		char why[320], arg[PROTO_LINE_MAX];
		bool say = !strcmp(m.arg[3], "say");
		if (!fac_text_parse(rules, m.arg[3], m.arg[4], say ? m.rest : NULL, &c, why, sizeof why)) {
			if (fac_text_arg(rules, &c, arg, sizeof arg) < 0 ||
			    fac_text_parse(rules, m.arg[3], arg, say ? c.text : NULL, &again, why, sizeof why) ||
			    memcmp(&c, &again, sizeof c))
				abort();
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!rules) {
		rules = calloc(1, sizeof *rules);
		struct diags *ds = diags_new();
		if (!rules || !ds || scenario_load("scenarios/door-closed.cfg", rules, ds) != 0)
			abort();
		diags_free(ds);
	}
	const char *p = (const char *)data, *end = p + size;
	while (p <= end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		one_line(p, len, false);
		one_line(p, len, true);
		if (!nl)
			break;
		p = nl + 1;
	}
	return 0;
}
