/* client.c - `brink join`: the seat's session, kept in step with the server, behind play_link.
 *
 * One libevent loop serves the socket (a bufferevent, whole lines read with
 * evbuffer_search_eol under a watermark), the keyboard (an event on the
 * front end's input descriptor, added while it waits) and the timers
 * (rejoin, keep-alive). The front ends call client_wait() where they would
 * block on their input, so news, the other side's progress and a lost
 * connection are seen while the player is thinking.
 *
 * What the server sends is checked like any input: the scenario goes through
 * the scenario loader (no @include from a server), orders through the
 * protocol's parser, and every turn's digest must match the world this
 * client computed itself, or the client stops rather than show a wrong game. */
#include <errno.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "../base/file.h"
#include "../explain/explain.h"
#include "../scenario/scenario.h"
#include "../session/fac_text.h"
#include "../session/session.h"
#include "../ui/launch.h"
#include "../ui/play.h"
#include "client.h"
#include "protocol.h"

#define CLIENT_PING_SECONDS 15       /* keep-alive: the server drops a silent peer after 60 s */
#define CLIENT_IDLE_SECONDS 45       /* no line from the server for this long: the link is dead */
#define CLIENT_JOIN_SECONDS 15       /* the first join must be done within this */
#define CLIENT_GIVE_UP_SECONDS 300   /* rejoining is tried for this long */
#define CLIENT_INPUT_MAX (64 * 1024) /* read watermark */

struct client {
	struct play_link link;       /* first: the front ends hold a pointer to it */
	const struct client_opts *o;
	struct event_base *base;
	struct bufferevent *bev;     /* the connection, NULL while down */
	struct event *retry;         /* rejoin timer */
	struct event *ping;          /* keep-alive timer */
	struct event *tick;          /* client_wait's time limit */
	struct event *input;         /* the front end's input, while it waits */
	int input_fd;
	int file_fd;                 /* an input that is a regular file, -1: none */
	bool input_ready, ticked, changed;

	bool up;                     /* joined, state received ('ready') */
	bool joined_once;            /* some join succeeded: losses are rejoined */
	time_t lost_at;              /* when the connection went down (0: up) */
	int backoff_ms;
	bool fatal;
	char fatal_msg[256];

	int table, side;
	char *sc;                    /* the scenario's text as it comes */
	size_t sc_len, sc_cap;
	char *sc_first;              /* the scenario of the first join */
	uint64_t seed;
	struct session *s;
	bool server_has_mine;        /* this join's state held our orders ('yours') */

	struct orders again[RULES_MAX_TURNS]; /* our orders of turns the server lost */
	int again_until;             /* turns below this are played with again[] */
	bool have_mine;              /* orders given for turn mine_turn (0-based) */
	bool mine_rejected;          /* the server refused them: order again */
	int mine_turn;
	struct orders mine;

	char other_state[16], other_name[PROTO_NAME_MAX];

	struct play *p;              /* while the front end runs */
	const struct frontend *fe;
	void (*notice)(void *ctx, const char *msg);
};

static void client_connect(struct client *c);

static bool client_stopped(const struct client *c)
{
	return c->p && c->p->stop && *c->p->stop;
}

/* Tell the player MSG through the front end (before it runs, nothing is said:
 * client_play tells where the other side stands when it starts). */
static void client_say(struct client *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void client_say(struct client *c, const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (c->notice && c->fe)
		c->notice(c->fe->ctx, msg);
	c->changed = true;
}

static void client_fail(struct client *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void client_fail(struct client *c, const char *fmt, ...)
{
	if (c->fatal)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(c->fatal_msg, sizeof c->fatal_msg, fmt, ap);
	va_end(ap);
	c->fatal = true;
	c->changed = true;
}

static void client_send(struct client *c, enum proto_verb verb, int argc, const char *a0,
                        const char *a1)
{
	if (!c->bev)
		return;
	struct proto_msg m;
	m.verb = verb;
	m.argc = argc;
	m.arg[0] = a0;
	m.arg[1] = a1;
	m.rest = NULL;
	char line[PROTO_LINE_MAX + 2];
	int n = proto_format(&m, line, sizeof line);
	if (n > 0)
		bufferevent_write(c->bev, line, (size_t)n);
}

static void client_send_mine(struct client *c)
{
	char tn[16], o[PROTO_LINE_MAX - 32];
	snprintf(tn, sizeof tn, "%d", c->mine_turn + 1);
	if (proto_orders_format(&c->s->rules, &c->mine, o, sizeof o) < 0)
		return;
	client_send(c, PV_ORDERS, 2, tn, o);
}

static const char *side_name(const struct client *c, int side)
{
	return c->s ? explain_side(&c->s->rules, side) : side_id(side);
}

/* ---- the connection ------------------------------------------------------ */

static void client_lost(struct client *c, const char *why)
{
	if (c->bev) {
		bufferevent_free(c->bev);
		c->bev = NULL;
	}
	bool was_up = c->up;
	c->up = false;
	if (c->fatal)
		return;
	if (!c->joined_once) {
		client_fail(c, "cannot join %s:%s: %s", c->o->host, c->o->port, why);
		return;
	}
	time_t now = time(NULL);
	if (!c->lost_at) {
		c->lost_at = now;
		c->backoff_ms = 250;
	}
	if (was_up)
		client_say(c, "connection to the server lost (%s); rejoining...", why);
	if (now - c->lost_at > CLIENT_GIVE_UP_SECONDS) {
		client_fail(c, "the server is gone (no answer for %d s)", CLIENT_GIVE_UP_SECONDS);
		return;
	}
	struct timeval tv = { c->backoff_ms / 1000, (c->backoff_ms % 1000) * 1000 };
	evtimer_add(c->retry, &tv);
	if (c->backoff_ms < 4000)
		c->backoff_ms *= 2;
}

static void client_on_retry(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	client_connect(arg);
}

static void client_on_ping(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	struct client *c = arg;
	if (c->up)
		client_send(c, PV_PING, 0, NULL, NULL);
}

/* The scenario text is complete: load it (first join) or check it is the
 * same game (a rejoin). */
static int client_game(struct client *c, const struct proto_msg *m)
{
	unsigned long long seed = 0;
	char *end;
	errno = 0;
	seed = strtoull(m->arg[0], &end, 10);
	long turns = strtol(m->arg[1], NULL, 10);
	if (errno || *end || turns < 0 || turns > RULES_MAX_TURNS) {
		client_fail(c, "the server sent a bad game line");
		return -1;
	}
	if (!c->sc)
		return client_fail(c, "the server sent no scenario"), -1;
	c->sc[c->sc_len] = 0;
	if (c->s) {
		if (seed != c->seed || strcmp(c->sc, c->sc_first) != 0) {
			client_fail(c, "the server now hosts another game on this seat");
			return -1;
		}
	} else {
		/* A server's scenario never reaches files of this machine. */
		if (strstr(c->sc, "@include")) {
			client_fail(c, "the server's scenario holds an @include: refused");
			return -1;
		}
		struct rules *r = malloc(sizeof *r);
		struct diags *ds = calloc(1, sizeof *ds);
		int bad = !r || !ds || scenario_load_string(c->sc, "server scenario", NULL, r, ds) != 0;
		if (bad && ds)
			diag_print(ds, stderr);
		if (!bad)
			c->s = session_create(r, seed);
		free(r);
		free(ds);
		if (bad || !c->s) {
			client_fail(c, "the server's scenario does not load");
			return -1;
		}
		c->seed = seed;
		c->s->player[c->side] = PLAYER_HUMAN;
		c->s->player[!c->side] = PLAYER_REMOTE;
		c->sc_first = strdup(c->sc);
		if (!c->sc_first)
			return -1;
	}
	if (turns < c->s->turns) {
		/* The server lost turns (it was killed before it saved them):
		 * go back with it, and give our orders of those turns again. */
		for (int t = (int)turns; t < c->s->turns; t++)
			c->again[t] = c->s->orders[t][c->side];
		c->again_until = c->s->turns;
		c->mine = c->s->orders[turns][c->side];
		c->mine_turn = (int)turns;
		c->have_mine = true;
		if (session_rewind(c->s, (int)turns) < 0) {
			client_fail(c, "cannot go back to the server's turn %ld", turns);
			return -1;
		}
		c->changed = true;
	}
	snprintf(c->other_name, sizeof c->other_name, "%s",
	         strcmp(m->arg[c->side == SIDE_NATO ? 3 : 2], "-") ? m->arg[c->side == SIDE_NATO ? 3 : 2] : "");
	return 0;
}

static void client_news(struct client *c, const struct proto_msg *m)
{
	struct session *s = c->s;
	char *end;
	long t = strtol(m->arg[0], &end, 10);
	if (!s || *end || t < 1 || t > RULES_MAX_TURNS) {
		client_fail(c, "the server sent bad news");
		return;
	}
	char want[20];
	if (t <= s->turns) {
		snprintf(want, sizeof want, "%016llx", (unsigned long long)s->hash[t]);
		if (strcmp(want, m->arg[1]) != 0)
			client_fail(c, "this game is out of step with the server at turn %ld", t);
		return;
	}
	if (t != s->turns + 1) {
		client_fail(c, "the server skipped a turn");
		return;
	}
	struct orders o[SIDE_COUNT];
	const char *why = proto_orders_parse(&s->rules, m->arg[2], &o[SIDE_NATO]);
	if (!why)
		why = proto_orders_parse(&s->rules, m->arg[3], &o[SIDE_RUSSIA]);
	if (why) {
		client_fail(c, "the server sent bad news: %s", why);
		return;
	}
	if (session_submit(s, o) < 0) {
		client_fail(c, "the server sent news after the end of the game");
		return;
	}
	snprintf(want, sizeof want, "%016llx", (unsigned long long)s->hash[s->turns]);
	if (strcmp(want, m->arg[1]) != 0) {
		client_fail(c, "this game is out of step with the server at turn %ld", t);
		return;
	}
	if (c->have_mine && c->mine_turn < s->turns)
		c->have_mine = false;
	c->changed = true;
}

/* The facilitator changed the game: "fac INDEX AFTER DIGEST KIND ARG [TEXT]".
 * Made here through the same engine, it must give the server's digest. */
static void client_fac(struct client *c, const struct proto_msg *m)
{
	struct session *s = c->s;
	char *end1, *end2;
	long idx = strtol(m->arg[0], &end1, 10), after = strtol(m->arg[1], &end2, 10);
	if (!s || *end1 || *end2 || idx < 1 || idx > SESSION_FAC_MAX || after < 0 || after > RULES_MAX_TURNS) {
		client_fail(c, "the server sent a bad facilitator's change");
		return;
	}
	char want[20];
	if (idx <= s->nfac) { /* known already (a rejoin) */
		snprintf(want, sizeof want, "%016llx", (unsigned long long)s->fac[idx - 1].digest);
		if (strcmp(want, m->arg[2]) != 0)
			client_fail(c, "this game is out of step with the server at the facilitator's change %ld", idx);
		return;
	}
	if (idx != s->nfac + 1 || after != s->turns) {
		client_fail(c, "the server sent the facilitator's change %ld out of order", idx);
		return;
	}
	struct fac_change fc;
	char why[320];
	bool say = !strcmp(m->arg[3], "say");
	const char *refused = fac_text_parse(&s->rules, m->arg[3], m->arg[4], say ? m->rest : NULL, &fc, why,
	                                     sizeof why);
	if (!refused)
		refused = session_facilitate(s, &fc);
	else
		refused = why;
	if (refused) {
		client_fail(c, "the facilitator's change %ld cannot be made here: %s", idx, refused);
		return;
	}
	snprintf(want, sizeof want, "%016llx", (unsigned long long)s->fac[s->nfac - 1].digest);
	if (strcmp(want, m->arg[2]) != 0) {
		client_fail(c, "this game is out of step with the server at the facilitator's change %ld", idx);
		return;
	}
	/* tell the player now, in the game's words */
	const struct cause_log *log = &s->world.log;
	for (int i = log->n - 1; i >= 0; i--)
		if (log->rec[i].kind == CAUSE_FACILITATOR && log->rec[i].var == VAR_NONE) {
			char line[256];
			explain_cause_in(&s->rules, log, i, line, sizeof line);
			client_say(c, "%s", line);
			break;
		}
	c->changed = true;
}

/* Say where the other side stands (c->other_state). */
static void client_say_other(struct client *c)
{
	int side = !c->side;
	const char *st = c->other_state;
	char who[96];
	if (c->other_name[0])
		snprintf(who, sizeof who, "%s (%s)", side_name(c, side), c->other_name);
	else
		snprintf(who, sizeof who, "%s", side_name(c, side));
	if (!strcmp(st, "ordering"))
		client_say(c, "%s is still ordering", who);
	else if (!strcmp(st, "submitted"))
		client_say(c, "%s has ended its orders", who);
	else if (!strcmp(st, "away"))
		client_say(c, "%s is not connected; the table waits for its player", who);
	else if (!strcmp(st, "ai"))
		client_say(c, "%s is not connected; the AI orders for it until its player is back", who);
}

static void client_progress(struct client *c, const struct proto_msg *m)
{
	int side = side_parse(m->arg[0]);
	if (side != !c->side)
		return;
	const char *st = m->arg[1];
	if (m->argc > 2 && strcmp(m->arg[2], "-"))
		snprintf(c->other_name, sizeof c->other_name, "%s", m->arg[2]);
	if (!strcmp(st, c->other_state))
		return;
	snprintf(c->other_state, sizeof c->other_state, "%s", st);
	client_say_other(c);
}

static void client_line(struct client *c, const char *line, size_t len)
{
	struct proto_msg *m = malloc(sizeof *m);
	if (!m)
		return;
	const char *why = proto_parse(line, len, true, m);
	if (why) {
		free(m);
		client_lost(c, "the server sent a line this client cannot read");
		return;
	}
	switch (m->verb) {
	case PV_WELCOME:
		client_send(c, PV_JOIN, c->o->name ? 2 : 1, c->o->code, c->o->name);
		break;
	case PV_BYE:
		if (!strcmp(m->arg[0], "bad-code") || !strcmp(m->arg[0], "seat-taken") ||
		    !strcmp(m->arg[0], "version") || !c->joined_once)
			client_fail(c, "refused by the server: %s", m->rest);
		else
			client_lost(c, m->rest);
		break;
	case PV_ERROR:
		if (!strcmp(m->arg[0], "bad-code") && !c->up) {
			client_fail(c, "refused by the server: %s", m->rest);
		} else if (!strcmp(m->arg[0], "illegal-orders") || !strcmp(m->arg[0], "bad-orders")) {
			c->mine_rejected = true;
			client_say(c, "the server refused the orders: %s", m->rest);
		} else if (!strcmp(m->arg[0], "wrong-turn") || !strcmp(m->arg[0], "already-submitted") ||
		           !strcmp(m->arg[0], "game-over")) {
			/* News on its way makes these moot. */
		} else {
			client_say(c, "server: %s", m->rest);
		}
		break;
	case PV_SEAT: {
		int side = side_parse(m->arg[1]);
		if (side < 0 || side >= SIDE_COUNT || (c->s && side != c->side)) {
			client_fail(c, "the server gave another seat");
			break;
		}
		c->side = side;
		c->table = atoi(m->arg[0]);
		c->sc_len = 0;
		c->server_has_mine = false;
		break;
	}
	case PV_SCENARIO: {
		size_t n = strlen(m->rest);
		if (c->sc_len + n + 2 > SCENARIO_FILE_MAX) {
			client_fail(c, "the server's scenario is too large");
			break;
		}
		if (c->sc_len + n + 2 > c->sc_cap) {
			size_t cap = c->sc_cap ? c->sc_cap * 2 : 65536;
			while (cap < c->sc_len + n + 2)
				cap *= 2;
			char *p = realloc(c->sc, cap);
			if (!p) {
				client_fail(c, "out of memory");
				break;
			}
			c->sc = p;
			c->sc_cap = cap;
		}
		memcpy(c->sc + c->sc_len, m->rest, n);
		c->sc_len += n;
		c->sc[c->sc_len++] = '\n';
		break;
	}
	case PV_GAME:
		client_game(c, m);
		break;
	case PV_NEWS:
		client_news(c, m);
		break;
	case PV_FAC:
		client_fac(c, m);
		break;
	case PV_YOURS: {
		long t = strtol(m->arg[0], NULL, 10);
		struct orders o;
		if (c->s && t == c->s->turns + 1 && !proto_orders_parse(&c->s->rules, m->arg[1], &o)) {
			c->server_has_mine = true;
			if (!c->have_mine || c->mine_turn != (int)t - 1) {
				c->mine = o;
				c->mine_turn = (int)t - 1;
				c->have_mine = true;
			}
		}
		break;
	}
	case PV_PROGRESS:
		if (c->s)
			client_progress(c, m);
		break;
	case PV_READY:
		if (!c->s) {
			client_fail(c, "the server sent no game");
			break;
		}
		c->up = true;
		if (c->joined_once && c->lost_at)
			client_say(c, "rejoined table %d as %s", c->table, side_name(c, c->side));
		c->joined_once = true;
		c->lost_at = 0;
		if (c->have_mine && c->mine_turn == c->s->turns && !c->server_has_mine)
			client_send_mine(c);
		c->changed = true;
		break;
	default:
		break;
	}
	free(m);
}

static void client_read(struct bufferevent *bev, void *arg)
{
	struct client *c = arg;
	struct evbuffer *in = bufferevent_get_input(bev);
	char *line = malloc(PROTO_SERVER_LINE_MAX + 2);
	if (!line)
		return;
	while (c->bev == bev && !c->fatal) {
		size_t eol = 0;
		struct evbuffer_ptr p = evbuffer_search_eol(in, NULL, &eol, EVBUFFER_EOL_LF);
		if (p.pos < 0) {
			if (evbuffer_get_length(in) > PROTO_SERVER_LINE_MAX + 1)
				client_lost(c, "the server sent a line too long");
			break;
		}
		size_t len = (size_t)p.pos;
		if (len > PROTO_SERVER_LINE_MAX + 1) {
			client_lost(c, "the server sent a line too long");
			break;
		}
		evbuffer_remove(in, line, len);
		evbuffer_drain(in, eol);
		client_line(c, line, len);
	}
	free(line);
}

static void client_event(struct bufferevent *bev, short what, void *arg)
{
	struct client *c = arg;
	if (what & BEV_EVENT_CONNECTED) {
		int one = 1;
		setsockopt(bufferevent_getfd(bev), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
		char v[8];
		snprintf(v, sizeof v, "%d", PROTO_VERSION);
		client_send(c, PV_HELLO, 1, v, NULL);
		return;
	}
	if (what & BEV_EVENT_TIMEOUT)
		client_lost(c, "no answer");
	else if (what & BEV_EVENT_EOF)
		client_lost(c, "closed by the server");
	else if (what & BEV_EVENT_ERROR)
		client_lost(c, strerror(EVUTIL_SOCKET_ERROR()));
}

static void client_connect(struct client *c)
{
	struct addrinfo hints, *ai = NULL;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	int rc = getaddrinfo(c->o->host, c->o->port, &hints, &ai);
	if (rc != 0) {
		client_lost(c, gai_strerror(rc));
		return;
	}
	c->bev = bufferevent_socket_new(c->base, -1, BEV_OPT_CLOSE_ON_FREE);
	if (!c->bev) {
		freeaddrinfo(ai);
		client_fail(c, "out of memory");
		return;
	}
	bufferevent_setcb(c->bev, client_read, NULL, client_event, c);
	bufferevent_setwatermark(c->bev, EV_READ, 0, CLIENT_INPUT_MAX);
	struct timeval idle = { CLIENT_IDLE_SECONDS, 0 };
	bufferevent_set_timeouts(c->bev, &idle, &idle);
	bufferevent_enable(c->bev, EV_READ | EV_WRITE);
	c->sc_len = 0;
	if (bufferevent_socket_connect(c->bev, ai->ai_addr, (int)ai->ai_addrlen) < 0)
		client_lost(c, strerror(errno));
	freeaddrinfo(ai);
}

/* ---- the link the front ends use ------------------------------------------ */

static void client_on_input(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	struct client *c = arg;
	if (what & EV_READ)
		c->input_ready = true;
	else
		c->ticked = true;
}

static void client_on_tick(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	((struct client *)arg)->ticked = true;
}

static int client_wait(struct play_link *l, int fd, int ms)
{
	struct client *c = (struct client *)l;
	struct timeval tv = { ms / 1000, (ms % 1000) * 1000 };
	c->input_ready = c->ticked = false;
	if (fd >= 0 && fd == c->file_fd) {
		/* A regular file (a script on stdin) is always readable and epoll
		 * cannot watch it: serve the network without waiting. */
		event_base_loop(c->base, EVLOOP_NONBLOCK);
		c->changed = false;
		return 1;
	}
	if (fd >= 0) {
		if (!c->input || c->input_fd != fd) {
			if (file_unwatchable(fd)) {
				c->file_fd = fd;
				return client_wait(l, fd, ms);
			}
			if (c->input)
				event_free(c->input);
			c->input = event_new(c->base, fd, EV_READ, client_on_input, c);
			c->input_fd = fd;
		}
		if (!c->input)
			return 1;
		event_add(c->input, &tv);
	} else {
		evtimer_add(c->tick, &tv);
	}
	while (!c->input_ready && !c->ticked && !c->changed && !client_stopped(c))
		if (event_base_loop(c->base, EVLOOP_ONCE) < 0)
			break;
	if (fd >= 0)
		event_del(c->input);
	else
		evtimer_del(c->tick);
	if (c->changed) {
		c->changed = false;
		return c->input_ready ? 1 : 2;
	}
	return c->input_ready ? 1 : 0;
}

/* The play loop of a network seat: orders out, news in. */
static int client_play(struct play_link *l, struct play *p, const struct frontend *fe,
                       void (*notice)(void *ctx, const char *msg))
{
	struct client *c = (struct client *)l;
	struct session *s = p->session;
	c->p = p;
	c->fe = fe;
	c->notice = notice;
	if (c->have_mine && c->mine_turn == s->turns)
		client_say(c, "this turn's orders are in; waiting for %s", side_name(c, !c->side));
	client_say_other(c);
	for (;;) {
		if (client_stopped(c))
			return 0;
		if (c->fatal) {
			client_say(c, "%s", c->fatal_msg);
			return 1;
		}
		if (s->world.over) {
			fe->game_over(fe->ctx, p);
			return 0;
		}
		int turn = s->turns;
		if ((!c->have_mine || c->mine_turn != turn) && turn < c->again_until && !c->mine_rejected) {
			/* A turn the server lost: the orders given for it before. */
			c->mine = c->again[turn];
			c->mine_turn = turn;
			c->have_mine = true;
			if (c->up)
				client_send_mine(c);
		}
		if (!c->have_mine || c->mine_turn != turn || c->mine_rejected) {
			c->mine_rejected = false;
			fe->briefing(fe->ctx, p, c->side);
			if (client_stopped(c))
				return 0;
			struct orders o;
			memset(&o, 0, sizeof o);
			enum fe_status st = fe->orders(fe->ctx, p, c->side, &o);
			if (st == FE_QUIT) {
				client_send(c, PV_QUIT, 0, NULL, NULL);
				if (c->bev)
					bufferevent_flush(c->bev, EV_WRITE, BEV_FLUSH);
				return 0;
			}
			if (st != FE_OK)
				return 1;
			if (client_stopped(c))
				return 0;
			if (s->world.over)
				continue; /* the facilitator ended the game meanwhile */
			if (s->turns != turn) {
				client_say(c, "the server's game is at another turn than these orders (the "
				              "connection was down): going on from the server's turn");
				continue;
			}
			c->mine = o;
			c->mine_turn = turn;
			c->have_mine = true;
			if (c->up)
				client_send_mine(c);
			client_say(c, "orders sent; waiting for %s", side_name(c, !c->side));
		}
		while (s->turns == turn && !s->world.over && !c->fatal && !client_stopped(c) && !c->mine_rejected)
			client_wait(l, -1, 200);
		if (s->turns > turn && !c->fatal)
			fe->resolution(fe->ctx, p);
	}
}

int client_run(const struct client_opts *o)
{
	struct client *c = calloc(1, sizeof *c);
	if (!c)
		return 1;
	c->o = o;
	c->file_fd = -1;
	c->link.run = client_play;
	c->link.wait = client_wait;
	signal(SIGPIPE, SIG_IGN);
	int rc = 1;
	c->base = event_base_new();
	if (!c->base)
		goto done;
	c->retry = evtimer_new(c->base, client_on_retry, c);
	c->tick = evtimer_new(c->base, client_on_tick, c);
	c->ping = event_new(c->base, -1, EV_PERSIST, client_on_ping, c);
	struct timeval ping = { CLIENT_PING_SECONDS, 0 };
	if (!c->retry || !c->tick || !c->ping || event_add(c->ping, &ping) < 0)
		goto done;
	client_connect(c);
	time_t until = time(NULL) + CLIENT_JOIN_SECONDS;
	while (!c->up && !c->fatal && time(NULL) < until)
		client_wait(&c->link, -1, 200);
	if (!c->up) {
		fprintf(stderr, "brink: %s\n", c->fatal ? c->fatal_msg : "no answer from the server");
		goto done;
	}
	char name[64];
	snprintf(name, sizeof name, "net-table-%d-%s", c->table, side_id(c->side));
	struct launch_opts lo = { .plain = o->plain, .save_dir = o->save_dir, .save_name = name,
	                          .link = &c->link };
	rc = play_launch(c->s, &lo);
	if (c->fatal) {
		fprintf(stderr, "brink: %s\n", c->fatal_msg);
		rc = 1;
	}
done:
	if (c->bev)
		bufferevent_free(c->bev);
	if (c->input)
		event_free(c->input);
	if (c->retry)
		event_free(c->retry);
	if (c->tick)
		event_free(c->tick);
	if (c->ping)
		event_free(c->ping);
	if (c->base)
		event_base_free(c->base);
	session_free(c->s);
	free(c->sc);
	free(c->sc_first);
	free(c);
	return rc;
}
