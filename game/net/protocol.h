/* protocol.h - the network protocol's one line parser and formatter, orders as text, seat codes.
 *
 * Every line either way is a verb and space-separated tokens, ending in '\n'
 * (docs/protocol.md). proto_parse() is the only code that reads a peer's line;
 * it never trusts it: lengths, bytes and argument counts are checked against
 * the verb table, and anything else is an error the caller answers with
 * "error ...", the connection going on. No path or format string is ever
 * taken from a line. */
#ifndef BRINK_PROTOCOL_H
#define BRINK_PROTOCOL_H

#include <stdbool.h>
#include <stddef.h>

#include "../engine/order.h"

#define PROTO_VERSION 1
#define PROTO_LINE_MAX 1024         /* longest line a client may send, '\n' excluded */
#define PROTO_SERVER_LINE_MAX 4096  /* longest line a server may send (scenario text) */
#define PROTO_ARGS_MAX 12           /* tokens after the verb */
#define PROTO_CODE_SIZE 10          /* "ABCD-EFGH" and its NUL */
#define PROTO_NAME_MAX 24           /* a team's name: [A-Za-z0-9_.-], at most 23 */

enum proto_verb {
	/* client to server */
	PV_HELLO,    /* hello VERSION */
	PV_JOIN,     /* join CODE [NAME] */
	PV_ORDERS,   /* orders TURN ORDERS: the orders for TURN (1-based), final */
	PV_PING,     /* ping */
	PV_QUIT,     /* quit */
	PV_TABLES,   /* tables (facilitator) */
	PV_PAUSE,    /* pause T|all (facilitator) */
	PV_RESUME,   /* resume T|all (facilitator) */
	PV_INJECT,   /* inject EVENT_ID[@REGION] T|all (facilitator) */
	PV_SET,      /* set VAR[@REGION] VALUE T|all (facilitator) */
	PV_SAY,      /* say T|all EFFECTS TEXT (facilitator): a message, with changes */
	PV_END,      /* end T|all (facilitator): end the game now */
	PV_STATS,    /* stats (facilitator): turns resolved and how fast */
	/* server to client */
	PV_WELCOME,  /* welcome VERSION brink X.Y.Z */
	PV_SEAT,     /* seat TABLE SIDE */
	PV_SCENARIO, /* sc TEXT: one line of the scenario, repeated */
	PV_GAME,     /* game SEED TURNS NATO_NAME RUSSIA_NAME */
	PV_NEWS,     /* news TURN DIGEST NATO_ORDERS RUSSIA_ORDERS */
	PV_YOURS,    /* yours TURN ORDERS: the orders this seat has in for TURN */
	PV_PROGRESS, /* progress SIDE STATE [NAME] */
	PV_READY,    /* ready: the state after a join is complete */
	PV_PONG,     /* pong */
	PV_TABLE,    /* table T TURN TENSION NATO_STATE RUSSIA_STATE RESULT PAUSED [NATO_TEAM RUSSIA_TEAM] */
	PV_FAC,      /* fac INDEX AFTER DIGEST KIND ARG [TEXT]: the facilitator changed the game */
	PV_OK,       /* ok WHAT ARGS... */
	PV_ERROR,    /* error WORD TEXT */
	PV_BYE,      /* bye WORD TEXT: the server closes the connection */
	PV_COUNT
};

/* A parsed line. arg[] point into buf; rest is the text after the fixed
 * arguments for verbs that end in free text (sc, error, bye), else NULL. */
struct proto_msg {
	enum proto_verb verb;
	int argc;
	const char *arg[PROTO_ARGS_MAX];
	const char *rest;
	char buf[PROTO_SERVER_LINE_MAX + 1];
};

/* Parse LINE (LEN bytes, no newline; it need not be NUL-terminated) into *M.
 * FROM_SERVER: the line came from a server (longer lines, UTF-8 text and
 * server verbs allowed); else from a client. Returns NULL, or a short static
 * reason ("unknown command", "line too long") to put in an error reply. */
const char *proto_parse(const char *line, size_t len, bool from_server, struct proto_msg *m);

/* The verb's word: "hello", "sc", ... */
const char *proto_verb_name(enum proto_verb v);

/* Write M (verb, args, rest) as one line with its '\n' into BUF. Returns the
 * length, or -1 when it does not fit or a token holds a blank or newline. */
int proto_format(const struct proto_msg *m, char *buf, size_t len);

/* Orders as one token: "-" for none, else "ACTION[@REGION]" joined by ',';
 * then "+firm" or "+back" when the side answered a crisis (o->crisis).
 * Returns the length, or -1 when LEN is too small. */
int proto_orders_format(const struct rules *r, const struct orders *o, char *buf, size_t len);

/* Parse a token written by proto_orders_format into *O: ids must exist and
 * there may be at most ORDERS_MAX. Whether the orders are allowed is the
 * engine's question (orders_add); this only reads them. Returns NULL or a
 * static reason. */
const char *proto_orders_parse(const struct rules *r, const char *tok, struct orders *o);

/* A fresh seat code "ABCD-EFGH" from the kernel's random source (getrandom).
 * Returns 0, or -1 when no randomness is available. */
int proto_code_new(char out[PROTO_CODE_SIZE]);

/* Does the code a peer typed (any case, with or without the '-') name
 * CODE? Constant time in the contents of both. */
bool proto_code_equal(const char *typed, const char *code);

/* Copy NAME into OUT keeping [A-Za-z0-9_.-] (others become '_'), at most
 * PROTO_NAME_MAX - 1 characters; "" stays "". */
void proto_name_clean(const char *name, char out[PROTO_NAME_MAX]);

#endif
