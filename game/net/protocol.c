/* protocol.c - one parser and one formatter for protocol lines; orders as text; seat codes.
 *
 * The verb table below is the protocol's grammar: each verb's direction,
 * how many tokens it takes, and whether free text follows them. A line is
 * checked against it and nothing else decides what a line may hold. */
#include <string.h>
#include <sys/random.h>

#include "../session/session.h"
#include "protocol.h"

struct verb_def {
	const char *name;
	bool server;  /* sent by the server (else by a client) */
	int min, max; /* tokens after the verb (fixed ones, for text verbs) */
	bool text;    /* free text follows the fixed tokens (may hold blanks) */
};

static const struct verb_def verbs[PV_COUNT] = {
	[PV_HELLO] = { "hello", false, 1, 1, false },
	[PV_JOIN] = { "join", false, 1, 2, false },
	[PV_ORDERS] = { "orders", false, 2, 2, false },
	[PV_PING] = { "ping", false, 0, 0, false },
	[PV_QUIT] = { "quit", false, 0, 0, false },
	[PV_TABLES] = { "tables", false, 0, 0, false },
	[PV_PAUSE] = { "pause", false, 1, 1, false },
	[PV_RESUME] = { "resume", false, 1, 1, false },
	[PV_INJECT] = { "inject", false, 2, 2, false },
	[PV_SET] = { "set", false, 3, 3, false },
	[PV_SAY] = { "say", false, 2, 2, true },
	[PV_END] = { "end", false, 1, 1, false },
	[PV_STATS] = { "stats", false, 0, 0, false },
	[PV_WELCOME] = { "welcome", true, 1, 3, false },
	[PV_SEAT] = { "seat", true, 2, 2, false },
	[PV_SCENARIO] = { "sc", true, 0, 0, true },
	[PV_GAME] = { "game", true, 4, 4, false },
	[PV_NEWS] = { "news", true, 4, 4, false },
	[PV_YOURS] = { "yours", true, 2, 2, false },
	[PV_PROGRESS] = { "progress", true, 2, 3, false },
	[PV_READY] = { "ready", true, 0, 0, false },
	[PV_PONG] = { "pong", true, 0, 0, false },
	[PV_TABLE] = { "table", true, 7, 11, false },
	[PV_FAC] = { "fac", true, 5, 5, true },
	[PV_OK] = { "ok", true, 0, 6, false },
	[PV_ERROR] = { "error", true, 1, 1, true },
	[PV_BYE] = { "bye", true, 1, 1, true },
};

const char *proto_verb_name(enum proto_verb v)
{
	return v >= 0 && v < PV_COUNT ? verbs[v].name : "?";
}

/* May byte C appear in a line? Clients: printable ASCII. Servers: also tabs
 * and the bytes of UTF-8 text (scenario titles and texts). */
static bool byte_ok(unsigned char c, bool from_server)
{
	if (c >= 0x20 && c < 0x7f)
		return true;
	return from_server && (c == '\t' || c >= 0x80);
}

const char *proto_parse(const char *line, size_t len, bool from_server, struct proto_msg *m)
{
	size_t max = from_server ? PROTO_SERVER_LINE_MAX : PROTO_LINE_MAX;
	m->argc = 0;
	m->rest = NULL;
	m->verb = PV_COUNT;
	m->buf[0] = 0;
	if (len > 0 && line[len - 1] == '\r')
		len--;
	if (len > max)
		return "line too long";
	for (size_t i = 0; i < len; i++)
		if (!byte_ok((unsigned char)line[i], from_server))
			return "control character in line";
	memcpy(m->buf, line, len);
	m->buf[len] = 0;

	char *p = m->buf;
	while (*p == ' ')
		p++;
	char *verb = p;
	while (*p && *p != ' ')
		p++;
	if (p == verb)
		return "empty line";
	char *text = *p ? p + 1 : p; /* what follows the verb's blank */
	if (*p)
		*p++ = 0;
	int v;
	for (v = 0; v < PV_COUNT; v++)
		if (verbs[v].server == from_server && !strcmp(verbs[v].name, verb))
			break;
	if (v == PV_COUNT)
		return "unknown command";
	const struct verb_def *d = &verbs[v];
	m->verb = (enum proto_verb)v;
	if (d->text && d->max == 0) {
		/* "sc TEXT": the text is kept byte for byte, leading blanks too. */
		m->rest = text;
		return NULL;
	}
	for (;;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		if (d->text && m->argc == d->max) {
			m->rest = p;
			break;
		}
		if (m->argc == d->max)
			return "too many arguments";
		m->arg[m->argc++] = p;
		while (*p && *p != ' ')
			p++;
		if (*p)
			*p++ = 0;
	}
	if (m->argc < d->min)
		return "missing arguments";
	if (d->text && !m->rest)
		m->rest = "";
	return NULL;
}

/* Append S to BUF at *AT; false when it does not fit. */
static bool put(char *buf, size_t len, size_t *at, const char *s)
{
	size_t n = strlen(s);
	if (*at + n >= len)
		return false;
	memcpy(buf + *at, s, n);
	*at += n;
	buf[*at] = 0;
	return true;
}

int proto_format(const struct proto_msg *m, char *buf, size_t len)
{
	if (m->verb < 0 || m->verb >= PV_COUNT || m->argc < 0 || m->argc > PROTO_ARGS_MAX || !len)
		return -1;
	size_t at = 0;
	buf[0] = 0;
	if (!put(buf, len, &at, verbs[m->verb].name))
		return -1;
	for (int i = 0; i < m->argc; i++) {
		const char *a = m->arg[i];
		if (!a[0] || strpbrk(a, " \n\r"))
			return -1;
		if (!put(buf, len, &at, " ") || !put(buf, len, &at, a))
			return -1;
	}
	if (m->rest) {
		if (strpbrk(m->rest, "\n\r"))
			return -1;
		if (!put(buf, len, &at, " ") || !put(buf, len, &at, m->rest))
			return -1;
	}
	if (!put(buf, len, &at, "\n"))
		return -1;
	return (int)at;
}

/* Every field of struct orders travels: a field added to it must be added
 * to the text below (and to docs/protocol.md), or this stops the build. */
_Static_assert(sizeof(struct orders) == 2 + ORDERS_MAX * sizeof(struct order),
               "struct orders changed: carry the new field in proto_orders_format/parse");

static const char *const crisis_words[CRISIS_CHOICE_COUNT] = { "", "firm", "back" };

int proto_orders_format(const struct rules *r, const struct orders *o, char *buf, size_t len)
{
	size_t at = 0;
	if (!len)
		return -1;
	buf[0] = 0;
	if (o->crisis >= CRISIS_CHOICE_COUNT)
		return -1;
	if (o->n == 0 && !put(buf, len, &at, "-"))
		return -1;
	for (int i = 0; i < o->n && i < ORDERS_MAX; i++) {
		const struct order *x = &o->list[i];
		if (x->action >= r->nactions)
			return -1;
		if (i > 0 && !put(buf, len, &at, ","))
			return -1;
		if (!put(buf, len, &at, r->action[x->action].id))
			return -1;
		if (x->region != RULES_NO_REGION) {
			if (x->region >= r->nregions)
				return -1;
			if (!put(buf, len, &at, "@") || !put(buf, len, &at, r->region[x->region].id))
				return -1;
		}
	}
	if (o->crisis != CRISIS_NONE &&
	    (!put(buf, len, &at, "+") || !put(buf, len, &at, crisis_words[o->crisis])))
		return -1;
	return (int)at;
}

const char *proto_orders_parse(const struct rules *r, const char *tok, struct orders *o)
{
	memset(o, 0, sizeof *o);
	char list[PROTO_LINE_MAX];
	size_t n = strcspn(tok, "+");
	if (n >= sizeof list)
		return "orders too long";
	memcpy(list, tok, n);
	list[n] = 0;
	if (tok[n] == '+') {
		const char *w = tok + n + 1;
		int c;
		for (c = 1; c < CRISIS_CHOICE_COUNT; c++)
			if (!strcmp(w, crisis_words[c]))
				break;
		if (c == CRISIS_CHOICE_COUNT)
			return "unknown crisis choice in orders (firm or back)";
		o->crisis = (uint8_t)c;
	}
	if (!strcmp(list, "-"))
		return NULL;
	const char *p = list;
	for (;;) {
		char id[RULES_ID_MAX], region[RULES_ID_MAX];
		n = strcspn(p, "@,");
		if (n == 0 || n >= sizeof id)
			return "bad action id in orders";
		memcpy(id, p, n);
		id[n] = 0;
		p += n;
		int reg = RULES_NO_REGION;
		if (*p == '@') {
			p++;
			n = strcspn(p, "@,");
			if (n == 0 || n >= sizeof region || p[n] == '@')
				return "bad region id in orders";
			memcpy(region, p, n);
			region[n] = 0;
			p += n;
			reg = rules_region_find(r, region);
			if (reg < 0)
				return "unknown region in orders";
		}
		int a = rules_action_find(r, id);
		if (a < 0)
			return "unknown action in orders";
		if (o->n >= ORDERS_MAX)
			return "too many orders";
		o->list[o->n].action = (uint8_t)a;
		o->list[o->n].region = (uint8_t)reg;
		o->n++;
		if (!*p)
			return NULL;
		p++; /* the ',' */
		if (!*p)
			return "orders end in ','";
	}
}

/* 32 symbols that cannot be mistaken for one another when read aloud or
 * copied from a projector: no 0/O, no 1/I. */
static const char code_alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

int proto_code_new(char out[PROTO_CODE_SIZE])
{
	unsigned char raw[8];
	size_t got = 0;
	while (got < sizeof raw) {
		ssize_t n = getrandom(raw + got, sizeof raw - got, 0);
		if (n <= 0)
			return -1;
		got += (size_t)n;
	}
	int j = 0;
	for (int i = 0; i < 8; i++) {
		if (i == 4)
			out[j++] = '-';
		out[j++] = code_alphabet[raw[i] & 31];
	}
	out[j] = 0;
	return 0;
}

bool proto_code_equal(const char *typed, const char *code)
{
	/* Both reduced to their 8 symbols, upper case, then compared with no
	 * early exit: the time taken says nothing about how much matched. */
	char a[8], b[8];
	int na = 0, nb = 0;
	unsigned diff = 0;
	for (const char *c = typed; *c; c++) {
		if (*c == '-')
			continue;
		char u = (*c >= 'a' && *c <= 'z') ? (char)(*c - 'a' + 'A') : *c;
		if (na < 8)
			a[na] = u;
		na++;
	}
	for (const char *c = code; *c; c++) {
		if (*c == '-')
			continue;
		if (nb < 8)
			b[nb] = *c;
		nb++;
	}
	diff |= (unsigned)(na ^ 8) | (unsigned)(nb ^ 8);
	for (int i = 0; i < 8; i++)
		diff |= (unsigned)((i < na ? a[i] : 0) ^ (i < nb ? b[i] : 0));
	return diff == 0;
}

_Static_assert(PROTO_NAME_MAX == SESSION_TEAM_MAX, "a team's name is one size everywhere");

void proto_name_clean(const char *name, char out[PROTO_NAME_MAX])
{
	session_team_clean(name, out);
}
