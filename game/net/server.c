/* server.c - `brink serve`: tables over TCP with libevent, one bufferevent per connection.
 *
 * One thread, one event loop. Each connection reads whole lines
 * (evbuffer_search_eol) under a read watermark, so a peer can never make the
 * server hold more than NET_INPUT_MAX bytes of its input; a line longer than
 * PROTO_LINE_MAX is answered with an error and skipped to its end. Output
 * beyond NET_OUTPUT_MAX (a peer that does not read) and silence beyond the
 * read timeout close that connection only. Nothing a peer sends becomes a
 * path or a format string: lines go through proto_parse and the orders
 * through the engine's own check (orders_add).
 *
 * A table advances when both seats have given orders, or one has and the
 * other has no player while --ai is set (the AI orders for it). The news
 * goes out at once; the table's save (game/save: atomic, fsync'd) is
 * written by a second thread, the saver, from a snapshot, so no table
 * waits for the disk. A server killed before a save is on disk restarts a
 * turn earlier: the clients go back with it and give their orders again. */
#include <arpa/inet.h>
#include <errno.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/listener.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../ai/ai.h"
#include "../base/file.h"
#include "../engine/turn.h"
#include "../save/save.h"
#include "../scenario/scenario.h"
#include "../session/fac_text.h"
#include "../session/session.h"
#include "protocol.h"
#include "server.h"

#define NET_INPUT_MAX (4 * PROTO_LINE_MAX) /* read watermark: pending input a connection may hold */
#define NET_OUTPUT_MAX (1024 * 1024)       /* output a peer leaves unread before it is dropped */
#define NET_IDLE_SECONDS 60                /* silence (clients ping every 15 s) that closes */
#define NET_WRITE_SECONDS 30               /* a peer that takes no output for this long is gone */
#define NET_BAD_CODES 3                    /* wrong codes before the connection is closed */
#define NET_ERRORS_MAX 100                 /* bad lines before the connection is closed */
#define SERVER_STATE_FILE "serve.state"

enum conn_state { CS_HELLO, CS_JOIN, CS_SEAT, CS_WATCH, CS_CLOSING };

struct server;
struct table;

struct conn {
	struct server *srv;
	struct bufferevent *bev;
	enum conn_state state;
	struct table *table;   /* CS_SEAT: the table and side it plays */
	int side;
	int bad_codes;         /* wrong codes tried */
	int errors;            /* bad lines sent */
	bool discarding;       /* skipping the rest of a line that was too long */
	bool dead;             /* to be freed by conn_reap, once the stack has unwound */
	struct conn *prev, *next;
};

struct seat {
	char code[PROTO_CODE_SIZE];
	char name[PROTO_NAME_MAX];  /* the team's name, "" unknown */
	struct conn *conn;          /* the player's connection, NULL when away */
	bool submitted;             /* orders are in for this turn */
	bool ai_played;             /* the AI ordered for this seat at least once */
	struct orders orders;       /* this turn's orders, secret until both are in */
	struct ai ai;               /* orders for an absent player under --ai */
};

/* One game: what a session holds, less the rules (shared, in the server)
 * and the cause logs (the clients keep their own). */
struct table {
	int id;                     /* 1-based, as printed */
	char save_name[SESSION_ID_MAX]; /* its save's name (and game id) in the server's folder */
	struct world world;
	uint8_t turns;
	bool paused;
	struct orders orders[RULES_MAX_TURNS][SIDE_COUNT];
	uint64_t hash[RULES_MAX_TURNS + 1];
	int agreements;             /* agreements made so far (the console's card) */
	int incident;               /* the last incident's event index + 1, 0: none yet */
	uint8_t nfac;               /* the facilitator's changes, in the order made */
	struct session_fac fac[SESSION_FAC_MAX];
	struct seat seat[SIDE_COUNT];
};

struct server {
	const struct server_opts *o;
	struct event_base *base;
	struct evconnlistener *lis;
	struct event *sig[2];
	struct rules *rules;        /* shared by every table */
	char *sc_block;             /* the scenario as "sc LINE" lines, sent on every join */
	size_t sc_len;
	uint64_t seed;
	uint8_t scenario_turns;     /* the scenario's own length (rules->turns may be --turns) */
	int ai;                     /* AI level for absent players, -1: none */
	int ntables;
	struct table *table;
	char fac_code[PROTO_CODE_SIZE];
	char dir[512];
	struct session *scratch;    /* a session to hand a table to game/save (main thread) */
	struct conn *conns;
	int nconns;
	/* The saver thread: the latest snapshot of each table not yet written. */
	pthread_t saver;
	bool saver_on;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct table *pending;      /* [ntables] snapshots */
	bool *dirty;                /* [ntables] a snapshot waits */
	int ndirty;
	bool quit;                  /* write what is pending, then stop */
	/* Service time of each turn resolved by a line: from the line that
	 * completed the orders to the news handed to both sockets. */
	double line_t0;             /* when the line being handled was read */
	uint32_t *svc_hist;         /* [SVC_BUCKETS] of 10 microseconds each */
	uint64_t svc_n;
};

#define SVC_BUCKETS 10000 /* 100 ms in steps of 10 us; the last holds the rest */

static double mono_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The Q-quantile of the service times, in microseconds. */
static long svc_quantile(const struct server *srv, double q)
{
	if (!srv->svc_n || !srv->svc_hist)
		return 0;
	uint64_t want = (uint64_t)((double)(srv->svc_n - 1) * q) + 1, seen = 0;
	for (int i = 0; i < SVC_BUCKETS; i++)
		if ((seen += srv->svc_hist[i]) >= want)
			return (long)(i + 1) * 10;
	return SVC_BUCKETS * 10L;
}

/* ---- sending ------------------------------------------------------------ */

static void conn_free(struct conn *c);
static void conn_kill(struct conn *c);

/* Queue one line VERB ARGS... [REST] for C. A peer that leaves more than
 * NET_OUTPUT_MAX unread is dropped: it cannot make the server hold more. */
static void conn_send(struct conn *c, enum proto_verb verb, const char *rest, int argc, ...)
{
	if (!c || c->state == CS_CLOSING)
		return;
	struct proto_msg m;
	m.verb = verb;
	m.argc = argc;
	m.rest = rest;
	va_list ap;
	va_start(ap, argc);
	for (int i = 0; i < argc && i < PROTO_ARGS_MAX; i++)
		m.arg[i] = va_arg(ap, const char *);
	va_end(ap);
	char line[PROTO_SERVER_LINE_MAX + 2];
	int n = proto_format(&m, line, sizeof line);
	if (n < 0)
		return;
	bufferevent_write(c->bev, line, (size_t)n);
	if (evbuffer_get_length(bufferevent_get_output(c->bev)) > NET_OUTPUT_MAX)
		conn_kill(c);
}

static void conn_error(struct conn *c, const char *word, const char *text)
{
	conn_send(c, PV_ERROR, text, 1, word);
}

static void conn_drained(struct bufferevent *bev, void *arg)
{
	(void)bev;
	struct conn *c = arg;
	if (!c->dead)
		conn_free(c);
}

/* Say goodbye and close once the line has left. */
static void conn_bye(struct conn *c, const char *word, const char *text)
{
	conn_send(c, PV_BYE, text, 1, word);
	if (c->state == CS_CLOSING)
		return;
	c->state = CS_CLOSING;
	bufferevent_disable(c->bev, EV_READ);
	bufferevent_setcb(c->bev, NULL, conn_drained, NULL, c);
	bufferevent_setwatermark(c->bev, EV_WRITE, 0, 0);
	if (evbuffer_get_length(bufferevent_get_output(c->bev)) == 0)
		conn_kill(c);
}

/* ---- tables ------------------------------------------------------------- */

static const char *seat_state(const struct server *srv, const struct table *t, int side)
{
	const struct seat *s = &t->seat[side];
	if (t->world.over)
		return "over";
	if (s->submitted)
		return "submitted";
	if (s->conn)
		return "ordering";
	return srv->ai >= 0 ? "ai" : "away";
}

/* Tell the other seat of T where SIDE stands. */
static void table_progress(struct server *srv, struct table *t, int side)
{
	struct seat *other = &t->seat[!side];
	const char *name = t->seat[side].name[0] ? t->seat[side].name : "-";
	conn_send(other->conn, PV_PROGRESS, NULL, 3, side_id(side), seat_state(srv, t, side), name);
}

/* Hand T to game/save through the scratch session S, at DIR/NAME.save.
 * Reads only what never changes after start-up: safe on the saver thread. */
static int table_save(const struct server *srv, struct session *s, const struct table *t)
{
	s->seed = srv->seed;
	for (int side = 0; side < SIDE_COUNT; side++) {
		s->player[side] = t->seat[side].ai_played ? PLAYER_AI : PLAYER_HUMAN;
		s->ai_level[side] = (uint8_t)(srv->ai >= 0 ? srv->ai : AI_NORMAL);
	}
	s->world = t->world;
	s->turns = t->turns;
	s->scenario_turns = srv->scenario_turns;
	snprintf(s->id, sizeof s->id, "%s", t->save_name);
	memcpy(s->orders, t->orders, sizeof s->orders);
	memcpy(s->hash, t->hash, sizeof s->hash);
	s->nfac = t->nfac;
	memcpy(s->fac, t->fac, sizeof s->fac);
	for (int side = 0; side < SIDE_COUNT; side++)
		memcpy(s->team[side], t->seat[side].name, sizeof s->team[side]);
	char path[1024];
	if (save_path(srv->dir, t->save_name, path, sizeof path) < 0)
		return -1;
	struct diags *ds = calloc(1, sizeof *ds);
	if (!ds)
		return -1;
	int rc = save_write(s, path, ds);
	if (rc < 0)
		fprintf(stderr, "brink: table %d: cannot save %s: %s\n", t->id, path,
		        ds->n ? ds->d[0].msg : "unknown error");
	free(ds);
	return rc;
}

static void *saver_main(void *arg)
{
	struct server *srv = arg;
	/* Saves may lag; the event loop must not: the saver yields the CPU. */
	setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 10);
	struct session *scratch = session_create(srv->rules, srv->seed);
	struct table *snap = malloc(sizeof *snap);
	int next = 0;
	pthread_mutex_lock(&srv->mu);
	for (;;) {
		while (srv->ndirty == 0 && !srv->quit)
			pthread_cond_wait(&srv->cv, &srv->mu);
		if (srv->ndirty == 0)
			break;
		/* Round robin: a busy table cannot starve the others. */
		while (!srv->dirty[next])
			next = (next + 1) % srv->ntables;
		int i = next;
		next = (next + 1) % srv->ntables;
		if (snap)
			*snap = srv->pending[i];
		srv->dirty[i] = false;
		srv->ndirty--;
		pthread_mutex_unlock(&srv->mu);
		if (scratch && snap)
			table_save(srv, scratch, snap);
		pthread_mutex_lock(&srv->mu);
	}
	pthread_mutex_unlock(&srv->mu);
	free(snap);
	session_free(scratch);
	return NULL;
}

/* Queue T's save: the saver writes its latest state soon. */
static void table_queue_save(struct server *srv, const struct table *t)
{
	if (!srv->saver_on) {
		table_save(srv, srv->scratch, t);
		return;
	}
	int i = t->id - 1;
	pthread_mutex_lock(&srv->mu);
	srv->pending[i] = *t;
	if (!srv->dirty[i]) {
		srv->dirty[i] = true;
		srv->ndirty++;
	}
	pthread_cond_signal(&srv->cv);
	pthread_mutex_unlock(&srv->mu);
}

static int saver_start(struct server *srv)
{
	srv->pending = calloc((size_t)srv->ntables, sizeof *srv->pending);
	srv->dirty = calloc((size_t)srv->ntables, sizeof *srv->dirty);
	if (!srv->pending || !srv->dirty)
		return -1;
	pthread_mutex_init(&srv->mu, NULL);
	pthread_cond_init(&srv->cv, NULL);
	if (pthread_create(&srv->saver, NULL, saver_main, srv) != 0) {
		pthread_mutex_destroy(&srv->mu);
		pthread_cond_destroy(&srv->cv);
		return -1;
	}
	srv->saver_on = true;
	return 0;
}

/* Write everything pending, then stop the saver. */
static void saver_stop(struct server *srv)
{
	if (!srv->saver_on)
		return;
	pthread_mutex_lock(&srv->mu);
	srv->quit = true;
	pthread_cond_signal(&srv->cv);
	pthread_mutex_unlock(&srv->mu);
	pthread_join(srv->saver, NULL);
	pthread_mutex_destroy(&srv->mu);
	pthread_cond_destroy(&srv->cv);
	srv->saver_on = false;
}

/* The news of T's last resolved turn, to whoever sits at T. */
static void table_news_to(struct server *srv, struct table *t, struct conn *c, int turn)
{
	char tn[8], digest[20], o[SIDE_COUNT][PROTO_LINE_MAX];
	snprintf(tn, sizeof tn, "%d", turn);
	snprintf(digest, sizeof digest, "%016llx", (unsigned long long)t->hash[turn]);
	for (int side = 0; side < SIDE_COUNT; side++)
		if (proto_orders_format(srv->rules, &t->orders[turn - 1][side], o[side], sizeof o[side]) < 0)
			snprintf(o[side], sizeof o[side], "-");
	conn_send(c, PV_NEWS, NULL, 4, tn, digest, o[SIDE_NATO], o[SIDE_RUSSIA]);
}

/* The facilitator's change I of T, to C. */
static void table_fac_to(struct server *srv, struct table *t, struct conn *c, int i)
{
	const struct session_fac *f = &t->fac[i];
	char idx[12], after[12], digest[20], arg[PROTO_LINE_MAX];
	snprintf(idx, sizeof idx, "%d", i + 1);
	snprintf(after, sizeof after, "%d", f->after);
	snprintf(digest, sizeof digest, "%016llx", (unsigned long long)f->digest);
	if (fac_text_arg(srv->rules, &f->c, arg, sizeof arg) < 0)
		return;
	conn_send(c, PV_FAC, f->c.kind == FAC_SAY ? f->c.text : NULL, 5, idx, after, digest,
	          fac_kind_word(f->c.kind), arg);
}

/* What the console shows of LOG, a turn's or a facilitator's causes: the
 * last incident, and (when AGREED) the agreements made. */
static void table_note(struct table *t, const struct cause_log *log, bool agreed)
{
	for (int i = 0; i < log->n && i < CAUSE_MAX; i++) {
		const struct cause *c = &log->rec[i];
		if (c->var != VAR_NONE)
			continue;
		if (c->kind == CAUSE_INCIDENT)
			t->incident = c->source + 1;
		else if (c->kind == CAUSE_AGREEMENT && agreed)
			t->agreements++;
	}
}

/* The facilitator's change C to T, now: made through the engine, recorded
 * for the save, told to both seats. Returns NULL or why it is refused. */
static const char *table_facilitate(struct server *srv, struct table *t, struct fac_change *c)
{
	if (t->nfac >= SESSION_FAC_MAX)
		return "this game has had all the facilitator's changes it can hold";
	struct world w = t->world;
	const char *why = turn_facilitator(&w, srv->rules, c);
	if (why)
		return why;
	t->world = w;
	table_note(t, &w.log, false);
	struct session_fac *f = &t->fac[t->nfac++];
	f->after = t->turns;
	f->c = *c;
	f->digest = world_hash(&w);
	if (w.over)
		for (int side = 0; side < SIDE_COUNT; side++) {
			t->seat[side].submitted = false;
			memset(&t->seat[side].orders, 0, sizeof t->seat[side].orders);
		}
	for (int side = 0; side < SIDE_COUNT; side++)
		table_fac_to(srv, t, t->seat[side].conn, t->nfac - 1);
	if (w.over)
		for (int side = 0; side < SIDE_COUNT; side++)
			table_progress(srv, t, side);
	table_queue_save(srv, t);
	return NULL;
}

/* Resolve T's turn when its orders are all in: both seats, or one and an
 * absent player the AI stands in for. */
static void table_try_resolve(struct server *srv, struct table *t)
{
	if (t->world.over || t->paused)
		return;
	int in = 0;
	for (int side = 0; side < SIDE_COUNT; side++)
		in += t->seat[side].submitted;
	if (in == 0)
		return;
	struct orders orders[SIDE_COUNT];
	for (int side = 0; side < SIDE_COUNT; side++) {
		struct seat *s = &t->seat[side];
		if (s->submitted) {
			orders[side] = s->orders;
		} else if (!s->conn && srv->ai >= 0) {
			ai_choose(&s->ai, &t->world, srv->rules, &orders[side]);
			s->ai_played = true;
		} else {
			return;
		}
	}
	if (t->turns >= RULES_MAX_TURNS || turn_resolve(&t->world, srv->rules, orders) < 0)
		return;
	int turn = ++t->turns;
	table_note(t, &t->world.log, true);
	t->orders[turn - 1][SIDE_NATO] = orders[SIDE_NATO];
	t->orders[turn - 1][SIDE_RUSSIA] = orders[SIDE_RUSSIA];
	t->hash[turn] = world_hash(&t->world);
	for (int side = 0; side < SIDE_COUNT; side++) {
		t->seat[side].submitted = false;
		memset(&t->seat[side].orders, 0, sizeof t->seat[side].orders);
	}
	for (int side = 0; side < SIDE_COUNT; side++)
		table_news_to(srv, t, t->seat[side].conn, turn);
	for (int side = 0; side < SIDE_COUNT; side++)
		table_progress(srv, t, side);
	/* The news leaves now, not after every other connection's input of
	 * this round of the loop: a burst of tables does not queue behind
	 * itself. What the socket does not take goes out as usual. */
	for (int side = 0; side < SIDE_COUNT; side++) {
		struct conn *c = t->seat[side].conn;
		if (c && c->state != CS_CLOSING)
			evbuffer_write(bufferevent_get_output(c->bev), bufferevent_getfd(c->bev));
	}
	if (srv->line_t0 > 0 && srv->svc_hist) {
		long b = (long)((mono_now() - srv->line_t0) * 1e5);
		srv->svc_hist[b < 0 ? 0 : b >= SVC_BUCKETS ? SVC_BUCKETS - 1 : b]++;
		srv->svc_n++;
	}
	table_queue_save(srv, t);
}

/* ---- lines from a peer --------------------------------------------------- */

/* Which seat (or the console) does CODE open? Every code is compared, in
 * constant time, whatever matched: the time taken tells nothing. Returns
 * the table (and *side), NULL with *side = -1 for the facilitator, or NULL
 * with *side = -2 for no match. */
static struct table *server_code_find(struct server *srv, const char *code, int *side)
{
	struct table *found = NULL;
	int found_side = -2;
	for (int i = 0; i < srv->ntables; i++)
		for (int s = 0; s < SIDE_COUNT; s++)
			if (proto_code_equal(code, srv->table[i].seat[s].code)) {
				found = &srv->table[i];
				found_side = s;
			}
	if (proto_code_equal(code, srv->fac_code)) {
		found = NULL;
		found_side = -1;
	}
	*side = found_side;
	return found;
}

/* Everything a seat needs to rebuild the game: the scenario, the seed,
 * every resolved turn, its own orders if in, the other side's state. */
static void conn_dump(struct conn *c)
{
	struct server *srv = c->srv;
	struct table *t = c->table;
	char id[8], seed[24], turns[8];
	snprintf(id, sizeof id, "%d", t->id);
	conn_send(c, PV_SEAT, NULL, 2, id, side_id(c->side));
	if (c->state == CS_CLOSING)
		return;
	/* The scenario is the same for every join: the output refers to the
	 * one copy instead of holding its own. */
	evbuffer_add_reference(bufferevent_get_output(c->bev), srv->sc_block, srv->sc_len, NULL, NULL);
	snprintf(seed, sizeof seed, "%llu", (unsigned long long)srv->seed);
	snprintf(turns, sizeof turns, "%d", t->turns);
	const char *nn = t->seat[SIDE_NATO].name[0] ? t->seat[SIDE_NATO].name : "-";
	const char *rn = t->seat[SIDE_RUSSIA].name[0] ? t->seat[SIDE_RUSSIA].name : "-";
	conn_send(c, PV_GAME, NULL, 4, seed, turns, nn, rn);
	/* every turn, and the facilitator's changes where they were made */
	int f = 0;
	for (int turn = 0; turn <= t->turns; turn++) {
		if (turn > 0)
			table_news_to(srv, t, c, turn);
		for (; f < t->nfac && t->fac[f].after == turn; f++)
			table_fac_to(srv, t, c, f);
	}
	struct seat *me = &t->seat[c->side];
	if (me->submitted) {
		char o[PROTO_LINE_MAX], tn[8];
		snprintf(tn, sizeof tn, "%d", t->turns + 1);
		if (proto_orders_format(srv->rules, &me->orders, o, sizeof o) >= 0)
			conn_send(c, PV_YOURS, NULL, 2, tn, o);
	}
	const char *name = t->seat[!c->side].name[0] ? t->seat[!c->side].name : "-";
	conn_send(c, PV_PROGRESS, NULL, 3, side_id(!c->side), seat_state(srv, t, !c->side), name);
	conn_send(c, PV_READY, NULL, 0);
}

static void conn_table_line(struct conn *c, const struct table *t)
{
	char id[8], turn[8], tension[8];
	snprintf(id, sizeof id, "%d", t->id);
	snprintf(turn, sizeof turn, "%d", t->turns);
	snprintf(tension, sizeof tension, "%d", t->world.v[VAR_TENSION]);
	static const char *const results[] = { "none", "nato", "russia", "draw", "war", "peace" };
	const char *res = t->world.result < sizeof results / sizeof results[0] ? results[t->world.result] : "none";
	const char *nn = t->seat[SIDE_NATO].name[0] ? t->seat[SIDE_NATO].name : "-";
	const char *rn = t->seat[SIDE_RUSSIA].name[0] ? t->seat[SIDE_RUSSIA].name : "-";
	char agreed[12];
	snprintf(agreed, sizeof agreed, "%d", t->agreements);
	const struct rules *r = c->srv->rules;
	const char *inc = t->incident > 0 && t->incident <= r->nevents ? r->event[t->incident - 1].id : "-";
	conn_send(c, PV_TABLE, NULL, 11, id, turn, tension, seat_state(c->srv, t, SIDE_NATO),
	          seat_state(c->srv, t, SIDE_RUSSIA), res, t->paused ? "paused" : "playing", nn, rn,
	          agreed, inc);
}

static void conn_join(struct conn *c, const struct proto_msg *m)
{
	struct server *srv = c->srv;
	int side;
	struct table *t = server_code_find(srv, m->arg[0], &side);
	if (side == -2) {
		if (++c->bad_codes >= NET_BAD_CODES)
			conn_bye(c, "bad-code", "no seat has this code");
		else
			conn_error(c, "bad-code", "no seat has this code");
		return;
	}
	if (side == -1) {
		c->state = CS_WATCH;
		conn_send(c, PV_OK, NULL, 1, "facilitator");
		return;
	}
	struct seat *s = &t->seat[side];
	if (s->conn) {
		conn_bye(c, "seat-taken", "this seat is in use by a connected player");
		return;
	}
	s->conn = c;
	c->state = CS_SEAT;
	c->table = t;
	c->side = side;
	if (m->argc > 1)
		proto_name_clean(m->arg[1], s->name);
	conn_dump(c);
	table_progress(srv, t, side);
}

static void conn_orders(struct conn *c, const struct proto_msg *m)
{
	struct server *srv = c->srv;
	struct table *t = c->table;
	struct seat *s = &t->seat[c->side];
	if (t->world.over) {
		conn_error(c, "game-over", "the game is over");
		return;
	}
	if (s->submitted) {
		conn_error(c, "already-submitted", "this turn's orders are already in");
		return;
	}
	char tn[8];
	snprintf(tn, sizeof tn, "%d", t->turns + 1);
	if (strcmp(m->arg[0], tn) != 0) {
		conn_error(c, "wrong-turn", "these orders are not for the turn being played");
		return;
	}
	struct orders raw, checked;
	const char *why = proto_orders_parse(srv->rules, m->arg[1], &raw);
	if (why) {
		conn_error(c, "bad-orders", why);
		return;
	}
	memset(&checked, 0, sizeof checked);
	for (int i = 0; i < raw.n; i++) {
		enum order_status st = orders_add(&t->world, srv->rules, c->side, &checked,
		                                  raw.list[i].action, raw.list[i].region, NULL);
		if (st != ORDER_OK) {
			char text[160];
			snprintf(text, sizeof text, "order %d (%s): %s", i + 1,
			         srv->rules->action[raw.list[i].action].id, order_status_text(st));
			conn_error(c, "illegal-orders", text);
			return;
		}
	}
	s->orders = checked;
	s->submitted = true;
	conn_send(c, PV_OK, NULL, 2, "orders", tn);
	table_progress(srv, t, c->side);
	table_try_resolve(srv, t);
}

/* "T" or "all" -> the tables meant; returns the count or -1. */
static int table_pick(struct server *srv, const char *which, int *first)
{
	if (!strcmp(which, "all")) {
		*first = 0;
		return srv->ntables;
	}
	char *end;
	long n = strtol(which, &end, 10);
	if (*end || n < 1 || n > srv->ntables)
		return -1;
	*first = (int)n - 1;
	return 1;
}

/* inject, set, say, end: one change, to one table or all (those still
 * playing). Every refusal is an error line naming its table; then, unless
 * the one table meant refused, "ok VERB T|all N" with N tables changed. */
static void conn_facilitate(struct conn *c, const struct proto_msg *m)
{
	struct server *srv = c->srv;
	const char *kind, *arg, *text = NULL, *which;
	char argbuf[PROTO_LINE_MAX + 2], why[400];
	switch (m->verb) {
	case PV_INJECT:
		kind = "inject", arg = m->arg[0], which = m->arg[1];
		break;
	case PV_SET:
		snprintf(argbuf, sizeof argbuf, "%s=%s", m->arg[0], m->arg[1]);
		kind = "set", arg = argbuf, which = m->arg[2];
		break;
	case PV_SAY:
		kind = "say", which = m->arg[0], arg = m->arg[1], text = m->rest;
		break;
	default:
		kind = "end", arg = "-", which = m->arg[0];
		break;
	}
	int first, n = table_pick(srv, which, &first);
	if (n < 0) {
		snprintf(why, sizeof why, "no table '%.40s': tables are 1 to %d, or all", which, srv->ntables);
		conn_error(c, "bad-table", why);
		return;
	}
	struct fac_change fc;
	const char *word = fac_text_parse(srv->rules, kind, arg, text, &fc, why, sizeof why);
	if (word) {
		conn_error(c, word, why);
		return;
	}
	int done = 0;
	for (int i = first; i < first + n; i++) {
		struct table *t = &srv->table[i];
		if (n > 1 && t->world.over)
			continue; /* "all" means the tables still playing */
		struct fac_change one = fc;
		bool over = t->world.over;
		const char *refused = table_facilitate(srv, t, &one);
		if (refused) {
			snprintf(why, sizeof why, "table %d: %s", t->id, refused);
			conn_error(c, over ? "game-over" : "refused", why);
			continue;
		}
		done++;
	}
	if (done || n > 1) {
		char count[12];
		snprintf(count, sizeof count, "%d", done);
		conn_send(c, PV_OK, NULL, 3, kind, which, count);
	}
}

static void conn_watch_line(struct conn *c, const struct proto_msg *m)
{
	struct server *srv = c->srv;
	int first, n;
	switch (m->verb) {
	case PV_TABLES:
		for (int i = 0; i < srv->ntables; i++)
			conn_table_line(c, &srv->table[i]);
		conn_send(c, PV_OK, NULL, 1, "tables");
		return;
	case PV_PAUSE:
	case PV_RESUME:
		if ((n = table_pick(srv, m->arg[0], &first)) < 0) {
			conn_error(c, "bad-table", "no such table");
			return;
		}
		for (int i = first; i < first + n; i++) {
			srv->table[i].paused = m->verb == PV_PAUSE;
			if (!srv->table[i].paused)
				table_try_resolve(srv, &srv->table[i]);
		}
		conn_send(c, PV_OK, NULL, 2, proto_verb_name(m->verb), m->arg[0]);
		return;
	case PV_STATS: {
		char turns[24], p50[24], p99[24], mx[24];
		snprintf(turns, sizeof turns, "%llu", (unsigned long long)srv->svc_n);
		snprintf(p50, sizeof p50, "%ld", svc_quantile(srv, 0.5));
		snprintf(p99, sizeof p99, "%ld", svc_quantile(srv, 0.99));
		snprintf(mx, sizeof mx, "%ld", svc_quantile(srv, 1.0));
		conn_send(c, PV_OK, NULL, 5, "stats", turns, p50, p99, mx);
		return;
	}
	case PV_INJECT:
	case PV_SET:
	case PV_SAY:
	case PV_END:
		conn_facilitate(c, m);
		return;
	default:
		conn_error(c, "not-allowed", "not a facilitator's command");
		return;
	}
}

static void conn_line(struct conn *c, const char *line, size_t len)
{
	struct proto_msg *m = malloc(sizeof *m);
	if (!m)
		return;
	c->srv->line_t0 = mono_now();
	const char *why = proto_parse(line, len, false, m);
	if (why) {
		if (++c->errors >= NET_ERRORS_MAX)
			conn_bye(c, "too-many-errors", why);
		else
			conn_error(c, "bad-line", why);
		free(m);
		return;
	}
	if (m->verb == PV_PING) {
		conn_send(c, PV_PONG, NULL, 0);
	} else if (m->verb == PV_QUIT) {
		conn_bye(c, "quit", "goodbye");
	} else if (c->state == CS_HELLO) {
		if (m->verb != PV_HELLO) {
			conn_error(c, "hello-first", "say 'hello 1' first");
		} else if (strcmp(m->arg[0], "1") != 0) {
			conn_bye(c, "version", "this server speaks protocol version 1");
		} else {
			c->state = CS_JOIN;
			conn_send(c, PV_WELCOME, NULL, 3, "1", "brink", BRINK_VERSION);
		}
	} else if (m->verb == PV_HELLO) {
		conn_error(c, "hello-again", "hello was already said");
	} else if (c->state == CS_JOIN) {
		if (m->verb == PV_JOIN)
			conn_join(c, m);
		else
			conn_error(c, "join-first", "join with a code first");
	} else if (m->verb == PV_JOIN) {
		conn_error(c, "joined", "this connection already has a seat");
	} else if (c->state == CS_SEAT) {
		if (m->verb == PV_ORDERS)
			conn_orders(c, m);
		else
			conn_error(c, "not-allowed", "only the facilitator may do that");
	} else if (c->state == CS_WATCH) {
		if (m->verb == PV_ORDERS)
			conn_error(c, "not-allowed", "the facilitator has no seat");
		else
			conn_watch_line(c, m);
	}
	c->srv->line_t0 = 0;
	free(m);
}

static void conn_read(struct bufferevent *bev, void *arg)
{
	struct conn *c = arg;
	struct evbuffer *in = bufferevent_get_input(bev);
	char line[PROTO_LINE_MAX + 2];
	while (c->state != CS_CLOSING) {
		size_t eol = 0;
		struct evbuffer_ptr p = evbuffer_search_eol(in, NULL, &eol, EVBUFFER_EOL_LF);
		if (p.pos < 0) {
			/* No end of line yet: a line may not grow past the limit. */
			size_t n = evbuffer_get_length(in);
			if (n > PROTO_LINE_MAX + 1) {
				if (!c->discarding)
					conn_error(c, "too-long", "line too long");
				c->discarding = true;
				evbuffer_drain(in, n);
			}
			return;
		}
		size_t len = (size_t)p.pos;
		if (c->discarding || len > PROTO_LINE_MAX + 1) {
			if (!c->discarding)
				conn_error(c, "too-long", "line too long");
			c->discarding = false;
			evbuffer_drain(in, len + eol);
			continue;
		}
		evbuffer_remove(in, line, len);
		evbuffer_drain(in, eol);
		conn_line(c, line, len);
	}
}

static void conn_event(struct bufferevent *bev, short what, void *arg)
{
	(void)bev;
	struct conn *c = arg;
	if (!c->dead && (what & (BEV_EVENT_EOF | BEV_EVENT_ERROR | BEV_EVENT_TIMEOUT)))
		conn_free(c);
}

static void conn_reap(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	conn_free(arg);
}

/* Close C from inside its own callbacks: it stops reading and writing now
 * and is freed from the event loop, after every caller has returned. */
static void conn_kill(struct conn *c)
{
	if (c->dead)
		return;
	c->dead = true;
	c->state = CS_CLOSING;
	bufferevent_disable(c->bev, EV_READ | EV_WRITE);
	struct timeval now = { 0, 0 };
	if (event_base_once(c->srv->base, -1, EV_TIMEOUT, conn_reap, c, &now) < 0)
		c->dead = false; /* left to its timeout */
}

/* Close C; its seat (if any) becomes free and the other side is told. */
static void conn_free(struct conn *c)
{
	struct server *srv = c->srv;
	if (c->table && c->table->seat[c->side].conn == c) {
		struct table *t = c->table;
		t->seat[c->side].conn = NULL;
		table_progress(srv, t, c->side);
		table_try_resolve(srv, t);
	}
	if (c->prev)
		c->prev->next = c->next;
	else
		srv->conns = c->next;
	if (c->next)
		c->next->prev = c->prev;
	srv->nconns--;
	bufferevent_free(c->bev);
	free(c);
}

static void server_accept(struct evconnlistener *lis, evutil_socket_t fd, struct sockaddr *sa,
                          int salen, void *arg)
{
	(void)lis;
	(void)sa;
	(void)salen;
	struct server *srv = arg;
	if (srv->nconns >= 2 * srv->ntables + 64) {
		evutil_closesocket(fd);
		return;
	}
	int one = 1;
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
	struct conn *c = calloc(1, sizeof *c);
	struct bufferevent *bev = c ? bufferevent_socket_new(srv->base, fd, BEV_OPT_CLOSE_ON_FREE) : NULL;
	if (!bev) {
		free(c);
		evutil_closesocket(fd);
		return;
	}
	c->srv = srv;
	c->bev = bev;
	c->state = CS_HELLO;
	c->next = srv->conns;
	if (srv->conns)
		srv->conns->prev = c;
	srv->conns = c;
	srv->nconns++;
	bufferevent_setcb(bev, conn_read, NULL, conn_event, c);
	bufferevent_setwatermark(bev, EV_READ, 0, NET_INPUT_MAX);
	struct timeval rt = { NET_IDLE_SECONDS, 0 }, wt = { NET_WRITE_SECONDS, 0 };
	bufferevent_set_timeouts(bev, &rt, &wt);
	bufferevent_enable(bev, EV_READ | EV_WRITE);
}

/* ---- set-up, state file, resume ---------------------------------------- */

static void server_on_signal(evutil_socket_t sig, short what, void *arg)
{
	(void)sig;
	(void)what;
	struct server *srv = arg;
	event_base_loopbreak(srv->base);
}

/* The scenario as "sc LINE" lines (scenario_write: self-contained). */
static int server_sc_block(struct server *srv)
{
	char *text = scenario_write(srv->rules);
	if (!text)
		return -1;
	size_t len = strlen(text);
	char *out = malloc(len * 2 + 64);
	if (!out) {
		free(text);
		return -1;
	}
	size_t at = 0;
	int rc = 0;
	for (char *line = text; *line;) {
		char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		if (n + 3 > PROTO_SERVER_LINE_MAX || memchr(line, '\r', n)) {
			rc = -1;
			break;
		}
		memcpy(out + at, "sc ", 3);
		memcpy(out + at + 3, line, n);
		at += n + 3;
		out[at++] = '\n';
		line += n + (nl ? 1 : 0);
	}
	free(text);
	if (rc) {
		free(out);
		return -1;
	}
	srv->sc_block = out;
	srv->sc_len = at;
	return 0;
}

static int state_path(const struct server *srv, char *out, size_t len)
{
	int n = snprintf(out, len, "%s/%s", srv->dir, SERVER_STATE_FILE);
	return n < 0 || (size_t)n >= len ? -1 : 0;
}

/* Write the codes and table names, atomically and readable by the owner only. */
static int state_write(struct server *srv)
{
	char path[1024];
	if (state_path(srv, path, sizeof path) < 0)
		return -1;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (!f)
		return -1;
	fprintf(f, "brink-serve 1\nseed %llu\nai %s\nfacilitator %s\n", (unsigned long long)srv->seed,
	        srv->ai >= 0 ? ai_level_name(srv->ai) : "none", srv->fac_code);
	for (int i = 0; i < srv->ntables; i++)
		fprintf(f, "table %d %s %s %s\n", srv->table[i].id, srv->table[i].save_name,
		        srv->table[i].seat[SIDE_NATO].code, srv->table[i].seat[SIDE_RUSSIA].code);
	int bad = fclose(f) != 0;
	struct file_fault why;
	/* a folder not synced still leaves the whole new file in place */
	bad = bad || (file_replace(path, text, len, 0600, 0, FILE_STEP_NONE, &why) != 0 &&
	              why.step != FILE_STEP_DIRSYNC);
	free(text);
	return bad ? -1 : 0;
}

/* Copy a loaded save S into table T (rules checked against the shared ones). */
static void table_from_session(struct table *t, const struct session *s)
{
	t->world = s->world;
	t->turns = s->turns;
	memcpy(t->orders, s->orders, sizeof t->orders);
	memcpy(t->hash, s->hash, sizeof t->hash);
	t->nfac = s->nfac;
	memcpy(t->fac, s->fac, sizeof t->fac);
	/* the console's counts again, in the game's order: the facilitator's
	 * changes made after N turns come before turn N + 1's causes */
	t->agreements = t->incident = 0;
	for (int turn = 0, f = 0; turn <= s->turns; turn++) {
		for (; f < s->nfac && s->fac[f].after == turn; f++)
			if (s->fac[f].c.kind == FAC_EVENT && s->fac[f].c.event < s->rules.nevents &&
			    s->rules.event[s->fac[f].c.event].kind == EVENT_INCIDENT)
				t->incident = s->fac[f].c.event + 1;
		if (turn < s->turns)
			table_note(t, &s->log[turn], true);
	}
	for (int side = 0; side < SIDE_COUNT; side++) {
		t->seat[side].ai_played = s->player[side] == PLAYER_AI;
		memcpy(t->seat[side].name, s->team[side], sizeof t->seat[side].name);
	}
}

/* What DIR/serve.state holds: the seed, the AI, the facilitator's code and
 * each table's save name and seat codes. */
struct serve_state {
	struct table *tables; /* malloc'd, N of them */
	int n;
	unsigned long long seed;
	char ai[32], fac[PROTO_CODE_SIZE];
};

/* Add table ID (A: its save name, C and D: the seat codes) to ST. */
static int state_add_table(struct serve_state *st, int *cap, int id, const char *a, const char *c,
                           const char *d)
{
	if (st->n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		struct table *nt = realloc(st->tables, (size_t)*cap * sizeof *nt);
		if (!nt)
			return -1;
		st->tables = nt;
	}
	struct table *t = &st->tables[st->n++];
	memset(t, 0, sizeof *t);
	t->id = id;
	snprintf(t->save_name, sizeof t->save_name, "%s", a);
	snprintf(t->seat[SIDE_NATO].code, PROTO_CODE_SIZE, "%s", c);
	snprintf(t->seat[SIDE_RUSSIA].code, PROTO_CODE_SIZE, "%s", d);
	return 0;
}

/* Read the state file PATH into ST. Returns 1 read, 0 no file, -1 a broken
 * or unreadable one (printed). */
static int state_read(const char *path, struct serve_state *st)
{
	memset(st, 0, sizeof *st);
	snprintf(st->ai, sizeof st->ai, "none");
	char *state = NULL;
	size_t len = 0;
	int err = file_read(path, 1024 * 1024, &state, &len);
	if (err == ENOENT)
		return 0;
	if (err) {
		fprintf(stderr, "%s: error: cannot read the serve state: %s\n", path, file_error(err));
		return -1;
	}
	FILE *f = len ? fmemopen(state, len, "r") : NULL;
	char line[512];
	int cap = 0, lineno = 0, bad = 0;
	while (f && !bad && fgets(line, sizeof line, f)) {
		lineno++;
		char a[SESSION_ID_MAX], c[PROTO_CODE_SIZE], d[PROTO_CODE_SIZE];
		int id;
		if (lineno == 1) {
			if (strcmp(line, "brink-serve 1\n") != 0)
				bad = lineno;
		} else if (sscanf(line, "seed %llu", &st->seed) == 1) {
		} else if (sscanf(line, "ai %31s", st->ai) == 1) {
		} else if (sscanf(line, "facilitator %9s", st->fac) == 1) {
		} else if (sscanf(line, "table %d %47s %9s %9s", &id, a, c, d) == 4 && id == st->n + 1 &&
		           st->n < SERVER_TABLES_MAX) {
			if (state_add_table(st, &cap, id, a, c, d) < 0)
				bad = lineno;
		} else {
			bad = lineno;
		}
	}
	if (f)
		fclose(f);
	free(state);
	if (bad || st->n == 0 || !st->fac[0]) {
		fprintf(stderr, "%s:%d: error: not a brink serve state file; move it away to start anew\n",
		        path, bad ? bad : lineno);
		free(st->tables);
		st->tables = NULL;
		return -1;
	}
	return 1;
}

/* Load every table of ST from its save into ST's tables (all must share one
 * scenario: the first table's becomes SRV's rules). Returns how many are
 * still playing, or -1 (printed). */
static int state_load_tables(struct server *srv, struct serve_state *st)
{
	int playing = 0, bad = 0;
	char *first_text = NULL;
	for (int i = 0; i < st->n && !bad; i++) {
		struct table *t = &st->tables[i];
		char sp[1024];
		struct session *s = NULL;
		if (i > 0 && save_path(srv->dir, t->save_name, sp, sizeof sp) == 0 && access(sp, F_OK) != 0) {
			/* Killed before its first save: it starts again. */
			world_init(&t->world, srv->rules, st->seed);
			t->hash[0] = world_hash(&t->world);
			playing++;
			continue;
		}
		struct diags *ds = diags_new(); /* about 52 KB: never on the stack */
		if (!ds || save_path(srv->dir, t->save_name, sp, sizeof sp) < 0 || save_read(sp, &s, ds) < 0) {
			if (ds)
				diag_print(ds, stderr);
			fprintf(stderr, "brink: cannot resume table %d from %s\n", i + 1, t->save_name);
			diags_free(ds);
			bad = 1;
			break;
		}
		diags_free(ds);
		char *text = scenario_write(&s->rules);
		if (i == 0) {
			srv->rules = malloc(sizeof *srv->rules);
			if (srv->rules)
				*srv->rules = s->rules;
			srv->scenario_turns = s->scenario_turns;
			first_text = text;
			text = NULL;
		} else if (!text || !first_text || strcmp(text, first_text) != 0) {
			fprintf(stderr, "brink: table %d's save %s is of another scenario\n", i + 1, t->save_name);
			bad = 1;
		}
		free(text);
		if (!bad) {
			table_from_session(t, s);
			playing += !s->world.over;
		}
		session_free(s);
	}
	free(first_text);
	return bad || !srv->rules ? -1 : playing;
}

/* Resume from DIR/serve.state when it names games not all over. Returns 1
 * resumed, 0 nothing to resume, -1 a broken state (printed). */
static int server_resume(struct server *srv)
{
	char path[1024];
	struct serve_state st;
	if (state_path(srv, path, sizeof path) < 0)
		return 0;
	int rc = state_read(path, &st);
	if (rc <= 0)
		return rc;
	int playing = state_load_tables(srv, &st);
	if (playing <= 0) {
		free(st.tables);
		if (playing == 0) {
			free(srv->rules);
			srv->rules = NULL;
		}
		return playing;
	}
	srv->table = st.tables;
	srv->ntables = st.n;
	srv->seed = st.seed;
	srv->ai = strcmp(st.ai, "none") ? ai_level_parse(st.ai) : -1;
	snprintf(srv->fac_code, sizeof srv->fac_code, "%s", st.fac);
	if (!srv->o->quiet)
		fprintf(stderr, "brink: resumed %d tables (%d still playing) from %s\n", st.n, playing,
		        srv->dir);
	return 1;
}

static const uint64_t server_ai_salt[SIDE_COUNT] = { 0x9e3779b97f4a7c15ULL, 0xc2b2ae3d27d4eb4fULL };

/* New tables: load the scenario, codes from getrandom, a first save each. */
static int server_fresh(struct server *srv)
{
	const struct server_opts *o = srv->o;
	srv->rules = malloc(sizeof *srv->rules);
	if (!srv->rules)
		return -1;
	*srv->rules = *o->rules;
	srv->scenario_turns = srv->rules->turns;
	if (o->turns > 0) {
		if (o->turns > srv->rules->turns) {
			fprintf(stderr, "brink: --turns %d: this scenario has %d turns\n", o->turns,
			        srv->rules->turns);
			return -1;
		}
		srv->rules->turns = (uint8_t)o->turns;
	}
	srv->seed = o->seeded ? o->seed : ((uint64_t)time(NULL) ^ (uint64_t)getpid());
	srv->ai = o->ai;
	srv->ntables = o->tables;
	srv->table = calloc((size_t)srv->ntables, sizeof *srv->table);
	if (!srv->table || proto_code_new(srv->fac_code) < 0)
		return -1;
	struct world start;
	world_init(&start, srv->rules, srv->seed);
	for (int i = 0; i < srv->ntables; i++) {
		struct table *t = &srv->table[i];
		t->id = i + 1;
		/* a name no earlier game in the folder has: a second class served with
		 * the same seed must not overwrite the first class's saves */
		for (int k = 1; k < 1000; k++) {
			snprintf(t->save_name, sizeof t->save_name, k == 1 ? "%.16s-%llu-table-%02d" :
			         "%.16s-%llu-table-%02d-%d", srv->rules->id, (unsigned long long)srv->seed,
			         t->id, k);
			if (!save_taken(srv->dir, t->save_name))
				break;
		}
		t->world = start;
		t->hash[0] = world_hash(&start);
		for (int side = 0; side < SIDE_COUNT; side++)
			if (proto_code_new(t->seat[side].code) < 0)
				return -1;
	}
	return 0;
}

static void server_free(struct server *srv)
{
	while (srv->conns)
		conn_free(srv->conns);
	for (int i = 0; i < 2; i++)
		if (srv->sig[i])
			event_free(srv->sig[i]);
	if (srv->lis)
		evconnlistener_free(srv->lis);
	if (srv->base)
		event_base_free(srv->base);
	session_free(srv->scratch);
	free(srv->pending);
	free(srv->dirty);
	free(srv->svc_hist);
	free(srv->sc_block);
	free(srv->table);
	free(srv->rules);
}

static int server_listen(struct server *srv)
{
	const struct server_opts *o = srv->o;
	char port[16];
	snprintf(port, sizeof port, "%d", o->port);
	struct addrinfo hints, *ai = NULL;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	const char *bind = o->bind ? o->bind : "127.0.0.1";
	int rc = getaddrinfo(bind, port, &hints, &ai);
	if (rc != 0) {
		fprintf(stderr, "brink: cannot listen on %s: %s\n", bind, gai_strerror(rc));
		return -1;
	}
	srv->lis = evconnlistener_new_bind(srv->base, server_accept, srv,
	                                   LEV_OPT_CLOSE_ON_FREE | LEV_OPT_REUSEABLE |
	                                   LEV_OPT_CLOSE_ON_EXEC,
	                                   1024, ai->ai_addr, (int)ai->ai_addrlen);
	freeaddrinfo(ai);
	if (!srv->lis) {
		fprintf(stderr, "brink: cannot listen on %s port %d: %s\n", bind, o->port, strerror(errno));
		return -1;
	}
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	char host[NI_MAXHOST], serv[NI_MAXSERV];
	if (getsockname(evconnlistener_get_fd(srv->lis), (struct sockaddr *)&ss, &len) != 0 ||
	    getnameinfo((struct sockaddr *)&ss, len, host, sizeof host, serv, sizeof serv,
	                NI_NUMERICHOST | NI_NUMERICSERV) != 0)
		return -1;
	fprintf(o->out, "listening: %s%s%s:%s\n", strchr(host, ':') ? "[" : "", host,
	        strchr(host, ':') ? "]" : "", serv);
	return 0;
}

int server_run(const struct server_opts *o)
{
	struct server srv;
	memset(&srv, 0, sizeof srv);
	srv.o = o;
	srv.ai = -1;
	if (o->save_dir) {
		if (save_dir(o->save_dir, srv.dir, sizeof srv.dir) < 0) {
			fprintf(stderr, "brink: cannot use the save folder %s\n", o->save_dir);
			return 1;
		}
	} else {
		char base[512];
		if (save_dir(NULL, base, sizeof base) < 0 ||
		    snprintf(srv.dir, sizeof srv.dir, "%s/serve", base) >= (int)sizeof srv.dir ||
		    (mkdir(srv.dir, 0755) != 0 && errno != EEXIST)) {
			fprintf(stderr, "brink: cannot use the save folder for served games\n");
			return 1;
		}
	}
	int rc = 1;
	int resumed = server_resume(&srv);
	if (resumed < 0 || (resumed == 0 && server_fresh(&srv) < 0))
		goto done;
	if (server_sc_block(&srv) < 0) {
		fprintf(stderr, "brink: the scenario cannot be sent (a line longer than %d bytes)\n",
		        PROTO_SERVER_LINE_MAX - 3);
		goto done;
	}
	srv.scratch = session_create(srv.rules, srv.seed);
	if (!srv.scratch)
		goto done;
	for (int i = 0; i < srv.ntables; i++)
		for (int side = 0; side < SIDE_COUNT; side++)
			ai_init(&srv.table[i].seat[side].ai, srv.ai >= 0 ? srv.ai : AI_NORMAL, side,
			        srv.seed ^ server_ai_salt[side] ^ ((uint64_t)(i + 1) * 0x100000001b3ULL));
	/* The first table's save is on disk before the state file names it:
	 * a resume takes the rules from it; tables whose first save is not
	 * there yet start again from turn 0. */
	if (!resumed && table_save(&srv, srv.scratch, &srv.table[0]) < 0)
		goto done;
	if (saver_start(&srv) < 0) {
		fprintf(stderr, "brink: cannot start the saver thread\n");
		goto done;
	}
	if (!resumed) {
		for (int i = 1; i < srv.ntables; i++)
			table_queue_save(&srv, &srv.table[i]);
		if (state_write(&srv) < 0) {
			fprintf(stderr, "brink: cannot write %s/%s\n", srv.dir, SERVER_STATE_FILE);
			goto done;
		}
	}
	srv.svc_hist = calloc(SVC_BUCKETS, sizeof *srv.svc_hist);
	srv.base = event_base_new();
	if (!srv.base || server_listen(&srv) < 0)
		goto done;
	for (int i = 0; i < srv.ntables; i++)
		for (int side = 0; side < SIDE_COUNT; side++)
			fprintf(o->out, "table %d %s code %s\n", srv.table[i].id, side_id(side),
			        srv.table[i].seat[side].code);
	fprintf(o->out, "facilitator code %s\n", srv.fac_code);
	fflush(o->out);
	static const int sigs[2] = { SIGTERM, SIGINT };
	for (int i = 0; i < 2; i++) {
		srv.sig[i] = evsignal_new(srv.base, sigs[i], server_on_signal, &srv);
		if (!srv.sig[i] || event_add(srv.sig[i], NULL) < 0)
			goto done;
	}
	signal(SIGPIPE, SIG_IGN);
	event_base_dispatch(srv.base);
	rc = 0;
done:
	saver_stop(&srv);
	server_free(&srv);
	return rc;
}
