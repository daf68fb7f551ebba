/* watch.c - the facilitator's console: tables at a glance, commands to the server.
 *
 * The console asks the server for its tables every WATCH_REFRESH_MS and
 * prints a table's line only when it changed, so a screen reader or a log
 * gets news, not noise. A line typed is checked by the protocol's own parser
 * before it is sent; the server checks it again. */
#include <errno.h>
#include <stdarg.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../base/file.h"
#include "../ui/console.h"
#include "protocol.h"
#include "watch.h"

#define WATCH_REFRESH_MS 2000
#define WATCH_TABLES_MAX 500

struct watch {
	struct console_link link;          /* first: the front end's handle is the watch */
	const struct watch_opts *o;
	struct event_base *base;
	struct bufferevent *bev;
	struct event *input, *tick, *sig[2];
	struct event *file_tick;           /* input from a regular file: a line a tick */
	bool joined, refused, done, asked; /* asked: the reply to a 'tables' typed by hand */
	char *last[WATCH_TABLES_MAX];      /* each table's line as last printed */
	int rc;
	/* A front end of its own (watch_open): the tables and the server's last
	 * answer are kept for it to draw, nothing is printed. */
	bool front;
	struct event *wait_ev;             /* watch_wait: the keyboard, or a timer */
	bool input_ready, ticked, changed, lost;
	int ntables;
	struct console_table table[WATCH_TABLES_MAX];
	char where[300];
	char answer[256];
	bool answer_error;
};

/* The server's answer, for people: printed (plain) or kept (a front end). */
static void watch_say(struct watch *w, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void watch_say(struct watch *w, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (w->front) {
		vsnprintf(w->answer, sizeof w->answer, fmt, ap);
		w->answer_error = error;
		w->changed = true;
	} else {
		vfprintf(w->o->out, fmt, ap);
		fputc('\n', w->o->out);
	}
	va_end(ap);
}

static void watch_send(struct watch *w, const char *line)
{
	if (w->bev) {
		bufferevent_write(w->bev, line, strlen(line));
		bufferevent_write(w->bev, "\n", 1);
	}
}

static void watch_help(struct watch *w)
{
	fputs("Commands (T: a table's number, or all):\n"
	      "  tables                       every table now\n"
	      "  pause T, resume T            hold a table's turns, let them go on\n"
	      "  inject EVENT[@REGION] T      an event of the rules, now (inject naval-collision all)\n"
	      "  set VAR[@REGION] VALUE T     give a variable a value (set tension 75 3)\n"
	      "  say T EFFECTS TEXT           your message, with changes or '-' (say all tension=+10 "
	      "Talks collapse)\n"
	      "  end T                        end the game now, scored as after its last turn\n"
	      "  stats, help, quit\n", w->o->out);
}

/* "table T TURN TENSION NATO RUSSIA RESULT PAUSED" -> a line for people. */
static void watch_table(struct watch *w, const struct proto_msg *m)
{
	int t = atoi(m->arg[0]);
	if (t < 1 || t > WATCH_TABLES_MAX)
		return;
	struct console_table *wt = &w->table[t - 1];
	struct console_table now;
	memset(&now, 0, sizeof now);
	now.id = t;
	now.turn = atoi(m->arg[1]);
	now.tension = atoi(m->arg[2]);
	snprintf(now.state[0], sizeof now.state[0], "%s", m->arg[3]);
	snprintf(now.state[1], sizeof now.state[1], "%s", m->arg[4]);
	snprintf(now.result, sizeof now.result, "%s", m->arg[5]);
	now.paused = !strcmp(m->arg[6], "paused");
	for (int i = 0; i < 2 && m->argc >= 9; i++)
		if (strcmp(m->arg[7 + i], "-"))
			snprintf(now.team[i], sizeof now.team[i], "%s", m->arg[7 + i]);
	now.agreements = m->argc >= 11 ? atoi(m->arg[9]) : -1;
	if (m->argc >= 11 && strcmp(m->arg[10], "-"))
		snprintf(now.incident, sizeof now.incident, "%s", m->arg[10]);
	if (memcmp(&now, wt, sizeof now)) {
		*wt = now;
		w->changed = true;
	}
	if (t > w->ntables)
		w->ntables = t;
	if (w->front)
		return;
	char line[256], teams[64] = "";
	const char *res = strcmp(m->arg[5], "none") ? m->arg[5] : "";
	if (m->argc >= 9 && (strcmp(m->arg[7], "-") || strcmp(m->arg[8], "-")))
		snprintf(teams, sizeof teams, " (%s v %s)", m->arg[7], m->arg[8]);
	char news[96] = "";
	if (now.agreements >= 0)
		snprintf(news, sizeof news, ", %d agreement%s%s%s", now.agreements,
		         now.agreements == 1 ? "" : "s", now.incident[0] ? ", last incident " : "", now.incident);
	snprintf(line, sizeof line, "table %d%s: turn %s, tension %s, NATO %s, Russia %s%s%s%s%s",
	         t, teams, m->arg[1], m->arg[2], m->arg[3], m->arg[4], news, res[0] ? ", result " : "",
	         res, strcmp(m->arg[6], "paused") ? "" : ", PAUSED");
	if (!w->asked && w->last[t - 1] && !strcmp(w->last[t - 1], line))
		return;
	free(w->last[t - 1]);
	w->last[t - 1] = strdup(line);
	fprintf(w->o->out, "%s\n", line);
}

static void watch_line(struct watch *w, const char *line, size_t len)
{
	struct proto_msg *m = malloc(sizeof *m);
	if (!m)
		return;
	if (proto_parse(line, len, true, m)) {
		free(m);
		return;
	}
	FILE *out = w->o->out;
	switch (m->verb) {
	case PV_OK:
		if (m->argc > 0 && !strcmp(m->arg[0], "facilitator")) {
			w->joined = true;
			watch_send(w, "tables");
			if (w->front) {
				event_base_loopbreak(w->base); /* watch_open returns */
				break;
			}
			fputs("Connected as the facilitator. Type 'help' for the commands.\n", out);
			/* Commands are read from now on. A regular file (a script)
			 * or a device that is not a terminal (/dev/null) cannot be
			 * watched by epoll: a line of it every 50 ms. */
			struct timeval step = { 0, 50000 };
			if (file_unwatchable(fileno(w->o->in)))
				event_add(w->file_tick, &step);
			else
				event_add(w->input, NULL);
		} else if (m->argc > 0 && !strcmp(m->arg[0], "tables")) {
			w->asked = false;
		} else if (m->argc == 5 && !strcmp(m->arg[0], "stats")) {
			watch_say(w, false, "stats: %s turns resolved; the server's time to the news: median "
			          "%s us, 99%% %s us, at most %s us",
			          m->arg[1], m->arg[2], m->arg[3], m->arg[4]);
		} else {
			char ok[256] = "ok:";
			for (int i = 0; i < m->argc; i++)
				snprintf(ok + strlen(ok), sizeof ok - strlen(ok), " %s", m->arg[i]);
			watch_say(w, false, "%s", ok);
			if (w->front)
				watch_send(w, "tables"); /* the change shows at once */
		}
		break;
	case PV_TABLE:
		watch_table(w, m);
		break;
	case PV_ERROR:
		if (!w->joined && !strcmp(m->arg[0], "bad-code")) {
			fprintf(stderr, "brink: refused by the server: %s\n", m->rest);
			w->refused = true;
			event_base_loopbreak(w->base);
		} else {
			watch_say(w, true, "error: %s", m->rest);
		}
		break;
	case PV_BYE:
		if (!w->done && w->front && w->joined)
			watch_say(w, true, "The server closed the console: %s", m->rest);
		else if (!w->done)
			fprintf(stderr, "brink: the server closed the console: %s\n", m->rest);
		w->lost = true;
		w->refused = !w->joined;
		event_base_loopbreak(w->base);
		break;
	default:
		break;
	}
	if (!w->front)
		fflush(out);
	free(m);
}

static void watch_read(struct bufferevent *bev, void *arg)
{
	struct watch *w = arg;
	struct evbuffer *in = bufferevent_get_input(bev);
	char *line;
	size_t len;
	while ((line = evbuffer_readln(in, &len, EVBUFFER_EOL_LF))) {
		watch_line(w, line, len);
		free(line);
	}
	if (evbuffer_get_length(in) > PROTO_SERVER_LINE_MAX) {
		fputs("brink: the server sent a line too long\n", stderr);
		event_base_loopbreak(w->base);
	}
}

static void watch_event(struct bufferevent *bev, short what, void *arg)
{
	struct watch *w = arg;
	if (what & BEV_EVENT_CONNECTED) {
		int one = 1;
		setsockopt(bufferevent_getfd(bev), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
		char hello[64];
		snprintf(hello, sizeof hello, "hello %d\njoin %s", PROTO_VERSION, w->o->code);
		/* join goes with hello: the server answers both in order */
		watch_send(w, hello);
		return;
	}
	if (w->front && w->joined)
		watch_say(w, true, "The connection to %s:%s was lost.", w->o->host, w->o->port);
	else
		fprintf(stderr, "brink: connection to %s:%s %s\n", w->o->host, w->o->port,
		        w->joined ? "lost" : "failed");
	w->lost = true;
	w->refused = !w->joined;
	w->rc = 1;
	event_base_loopbreak(w->base);
}

static void watch_on_tick(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	struct watch *w = arg;
	if (w->joined)
		watch_send(w, "tables");
}

/* Leave once the server has answered everything sent before: it answers
 * 'quit' last, with 'bye'. */
static void watch_quit(struct watch *w)
{
	w->done = true;
	event_del(w->input);
	event_del(w->file_tick);
	watch_send(w, "quit");
}

static void watch_on_input(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	struct watch *w = arg;
	char line[PROTO_LINE_MAX + 2];
	if (w->done)
		return;
	if (!fgets(line, sizeof line, w->o->in)) {
		watch_quit(w);
		return;
	}
	size_t n = strcspn(line, "\r\n");
	bool whole = line[n] != 0 || feof(w->o->in);
	line[n] = 0;
	if (!whole) {
		int c;
		while ((c = fgetc(w->o->in)) != EOF && c != '\n')
			;
		fprintf(w->o->out, "error: line too long\n");
		return;
	}
	char *cmd = line + strspn(line, " ");
	if (!*cmd)
		return;
	if (!strcmp(cmd, "quit")) {
		watch_quit(w);
		return;
	}
	if (!strcmp(cmd, "help")) {
		watch_help(w);
		return;
	}
	struct proto_msg *m = malloc(sizeof *m);
	const char *why = m ? proto_parse(cmd, strlen(cmd), false, m) : "out of memory";
	if (!why && (m->verb == PV_HELLO || m->verb == PV_JOIN || m->verb == PV_ORDERS))
		why = "not a console command";
	free(m);
	if (why) {
		fprintf(w->o->out, "error: %s (type 'help')\n", why);
		fflush(w->o->out);
		return;
	}
	if (!strcmp(cmd, "tables")) {
		w->asked = true;
		for (int i = 0; i < WATCH_TABLES_MAX; i++) {
			free(w->last[i]);
			w->last[i] = NULL;
		}
	}
	watch_send(w, cmd);
}

static void watch_on_signal(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	struct watch *w = arg;
	w->done = true;
	event_base_loopbreak(w->base);
}

/* Connect W to o->host:o->port, its refresh timer running. Returns 0, or
 * -1 with the reason on stderr. */
static int watch_connect(struct watch *w)
{
	const struct watch_opts *o = w->o;
	struct addrinfo hints, *ai = NULL;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	int gai = getaddrinfo(o->host, o->port, &hints, &ai);
	if (gai != 0) {
		fprintf(stderr, "brink: cannot reach %s:%s: %s\n", o->host, o->port, gai_strerror(gai));
		return -1;
	}
	int rc = -1;
	w->base = event_base_new();
	w->bev = w->base ? bufferevent_socket_new(w->base, -1, BEV_OPT_CLOSE_ON_FREE) : NULL;
	if (!w->bev)
		goto done;
	bufferevent_setcb(w->bev, watch_read, NULL, watch_event, w);
	bufferevent_setwatermark(w->bev, EV_READ, 0, 256 * 1024);
	bufferevent_enable(w->bev, EV_READ | EV_WRITE);
	if (bufferevent_socket_connect(w->bev, ai->ai_addr, (int)ai->ai_addrlen) < 0) {
		fprintf(stderr, "brink: cannot connect to %s:%s: %s\n", o->host, o->port, strerror(errno));
		goto done;
	}
	w->tick = event_new(w->base, -1, EV_PERSIST, watch_on_tick, w);
	struct timeval tv = { WATCH_REFRESH_MS / 1000, (WATCH_REFRESH_MS % 1000) * 1000 };
	if (w->tick && event_add(w->tick, &tv) == 0)
		rc = 0;
done:
	freeaddrinfo(ai);
	return rc;
}

static void watch_free(struct watch *w)
{
	for (int i = 0; i < 2; i++)
		if (w->sig[i])
			event_free(w->sig[i]);
	if (w->input)
		event_free(w->input);
	if (w->file_tick)
		event_free(w->file_tick);
	if (w->wait_ev)
		event_free(w->wait_ev);
	if (w->tick)
		event_free(w->tick);
	if (w->bev)
		bufferevent_free(w->bev);
	if (w->base)
		event_base_free(w->base);
	for (int i = 0; i < WATCH_TABLES_MAX; i++)
		free(w->last[i]);
}

int watch_run(const struct watch_opts *o)
{
	struct watch w;
	memset(&w, 0, sizeof w);
	w.o = o;
	signal(SIGPIPE, SIG_IGN);
	setvbuf(o->in, NULL, _IONBF, 0); /* a readable descriptor means a line to read */
	int rc = 1;
	if (watch_connect(&w) < 0)
		goto done;
	w.input = event_new(w.base, fileno(o->in), EV_READ | EV_PERSIST, watch_on_input, &w);
	w.file_tick = event_new(w.base, -1, EV_PERSIST, watch_on_input, &w);
	if (!w.input || !w.file_tick)
		goto done;
	static const int sigs[2] = { SIGTERM, SIGINT };
	for (int i = 0; i < 2; i++)
		if ((w.sig[i] = evsignal_new(w.base, sigs[i], watch_on_signal, &w)))
			event_add(w.sig[i], NULL);
	event_base_dispatch(w.base);
	rc = w.refused ? 1 : w.rc;
	if (w.joined && w.done && !w.refused)
		rc = 0;
done:
	watch_free(&w);
	return rc;
}

/* ---- for a front end of its own ------------------------------------------ */

struct watch *watch_open(const struct watch_opts *o)
{
	struct watch *w = calloc(1, sizeof *w);
	if (!w) {
		fputs("brink: out of memory\n", stderr);
		return NULL;
	}
	w->o = o;
	w->front = true;
	signal(SIGPIPE, SIG_IGN);
	if (watch_connect(w) == 0)
		event_base_dispatch(w->base); /* until joined (loopbreak), refused or failed */
	if (!w->joined) {
		watch_close(w);
		return NULL;
	}
	w->answer[0] = 0;
	return w;
}

void watch_close(struct watch *w)
{
	if (!w)
		return;
	if (w->joined && !w->lost) {
		/* say goodbye; what is left unsent is dropped with the socket */
		w->done = true;
		watch_send(w, "quit");
		event_base_loop(w->base, EVLOOP_NONBLOCK);
	}
	watch_free(w);
	free(w);
}

static void watch_on_wait(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	struct watch *w = arg;
	if (what & EV_READ)
		w->input_ready = true;
	else
		w->ticked = true;
}

static int watch_wait(struct console_link *l, int fd, int ms)
{
	struct watch *w = (struct watch *)l;
	struct timeval tv = { ms / 1000, (ms % 1000) * 1000 };
	w->input_ready = w->ticked = false;
	if (w->wait_ev)
		event_free(w->wait_ev);
	w->wait_ev = event_new(w->base, fd, fd >= 0 ? EV_READ : 0, watch_on_wait, w);
	if (!w->wait_ev)
		return 1;
	event_add(w->wait_ev, &tv);
	while (!w->input_ready && !w->ticked && !w->changed)
		if (event_base_loop(w->base, EVLOOP_ONCE) < 0)
			break;
	event_del(w->wait_ev);
	if (w->changed) {
		w->changed = false;
		return w->input_ready ? 1 : 2;
	}
	return w->input_ready ? 1 : 0;
}

static int watch_command(struct console_link *l, const char *cmd, char *why, size_t len)
{
	struct watch *w = (struct watch *)l;
	if (w->lost) {
		snprintf(why, len, "not connected");
		return -1;
	}
	struct proto_msg *m = malloc(sizeof *m);
	const char *bad = m ? proto_parse(cmd, strlen(cmd), false, m) : "out of memory";
	if (!bad && (m->verb == PV_HELLO || m->verb == PV_JOIN || m->verb == PV_ORDERS ||
	             m->verb == PV_QUIT))
		bad = "not a console command";
	free(m);
	if (bad) {
		snprintf(why, len, "%s", bad);
		return -1;
	}
	w->answer[0] = 0;
	watch_send(w, cmd);
	return 0;
}

static const struct console_table *watch_tables(struct console_link *l, int *n)
{
	const struct watch *w = (const struct watch *)l;
	*n = w->ntables;
	return w->table;
}

static const char *watch_answer(struct console_link *l, bool *error)
{
	const struct watch *w = (const struct watch *)l;
	if (error)
		*error = w->answer_error;
	return w->answer;
}

static bool watch_lost(struct console_link *l)
{
	return ((const struct watch *)l)->lost;
}

struct console_link *watch_link(struct watch *w)
{
	w->link.wait = watch_wait;
	w->link.command = watch_command;
	w->link.tables = watch_tables;
	w->link.answer = watch_answer;
	w->link.lost = watch_lost;
	snprintf(w->where, sizeof w->where, "%s:%s", w->o->host, w->o->port);
	w->link.where = w->where;
	return &w->link;
}
