/* watch.c - the facilitator's console: tables at a glance, commands to the server.
 *
 * The console asks the server for its tables every WATCH_REFRESH_MS and
 * prints a table's line only when it changed, so a screen reader or a log
 * gets news, not noise. A line typed is checked by the protocol's own parser
 * before it is sent; the server checks it again. */
#include <errno.h>
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
#include <sys/stat.h>
#include <unistd.h>

#include "protocol.h"
#include "watch.h"

#define WATCH_REFRESH_MS 2000
#define WATCH_TABLES_MAX 500

struct watch {
	const struct watch_opts *o;
	struct event_base *base;
	struct bufferevent *bev;
	struct event *input, *tick, *sig[2];
	struct event *file_tick;           /* input from a regular file: a line a tick */
	bool joined, refused, done, asked; /* asked: the reply to a 'tables' typed by hand */
	char *last[WATCH_TABLES_MAX];      /* each table's line as last printed */
	int rc;
};

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
	char line[256], teams[64] = "";
	const char *res = strcmp(m->arg[5], "none") ? m->arg[5] : "";
	if (m->argc >= 9 && (strcmp(m->arg[7], "-") || strcmp(m->arg[8], "-")))
		snprintf(teams, sizeof teams, " (%s v %s)", m->arg[7], m->arg[8]);
	snprintf(line, sizeof line, "table %d%s: turn %s, tension %s, NATO %s, Russia %s%s%s%s",
	         t, teams, m->arg[1], m->arg[2], m->arg[3], m->arg[4], res[0] ? ", result " : "", res,
	         strcmp(m->arg[6], "paused") ? "" : ", PAUSED");
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
			fputs("Connected as the facilitator. Type 'help' for the commands.\n", out);
			watch_send(w, "tables");
			/* Commands are read from now on. A regular file (a script)
			 * cannot be watched by epoll: a line of it every 50 ms. */
			struct stat st;
			struct timeval step = { 0, 50000 };
			if (fstat(fileno(w->o->in), &st) == 0 && S_ISREG(st.st_mode))
				event_add(w->file_tick, &step);
			else
				event_add(w->input, NULL);
		} else if (m->argc > 0 && !strcmp(m->arg[0], "tables")) {
			w->asked = false;
		} else if (m->argc == 5 && !strcmp(m->arg[0], "stats")) {
			fprintf(out, "stats: %s turns resolved; the server's time to the news: median "
			             "%s us, 99%% %s us, at most %s us\n",
			        m->arg[1], m->arg[2], m->arg[3], m->arg[4]);
		} else {
			fputs("ok:", out);
			for (int i = 0; i < m->argc; i++)
				fprintf(out, " %s", m->arg[i]);
			fputc('\n', out);
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
			fprintf(out, "error: %s\n", m->rest);
		}
		break;
	case PV_BYE:
		if (!w->done)
			fprintf(stderr, "brink: the server closed the console: %s\n", m->rest);
		w->refused = !w->joined;
		event_base_loopbreak(w->base);
		break;
	default:
		break;
	}
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
	fprintf(stderr, "brink: connection to %s:%s %s\n", w->o->host, w->o->port,
	        w->joined ? "lost" : "failed");
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

int watch_run(const struct watch_opts *o)
{
	struct watch w;
	memset(&w, 0, sizeof w);
	w.o = o;
	signal(SIGPIPE, SIG_IGN);
	setvbuf(o->in, NULL, _IONBF, 0); /* a readable descriptor means a line to read */
	struct addrinfo hints, *ai = NULL;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	int gai = getaddrinfo(o->host, o->port, &hints, &ai);
	if (gai != 0) {
		fprintf(stderr, "brink: cannot reach %s:%s: %s\n", o->host, o->port, gai_strerror(gai));
		return 1;
	}
	int rc = 1;
	w.base = event_base_new();
	w.bev = w.base ? bufferevent_socket_new(w.base, -1, BEV_OPT_CLOSE_ON_FREE) : NULL;
	if (!w.bev)
		goto done;
	bufferevent_setcb(w.bev, watch_read, NULL, watch_event, &w);
	bufferevent_setwatermark(w.bev, EV_READ, 0, 256 * 1024);
	bufferevent_enable(w.bev, EV_READ | EV_WRITE);
	if (bufferevent_socket_connect(w.bev, ai->ai_addr, (int)ai->ai_addrlen) < 0) {
		fprintf(stderr, "brink: cannot connect to %s:%s: %s\n", o->host, o->port, strerror(errno));
		goto done;
	}
	w.input = event_new(w.base, fileno(o->in), EV_READ | EV_PERSIST, watch_on_input, &w);
	w.file_tick = event_new(w.base, -1, EV_PERSIST, watch_on_input, &w);
	w.tick = event_new(w.base, -1, EV_PERSIST, watch_on_tick, &w);
	struct timeval tv = { WATCH_REFRESH_MS / 1000, (WATCH_REFRESH_MS % 1000) * 1000 };
	if (!w.input || !w.file_tick || !w.tick || event_add(w.tick, &tv) < 0)
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
	freeaddrinfo(ai);
	for (int i = 0; i < 2; i++)
		if (w.sig[i])
			event_free(w.sig[i]);
	if (w.input)
		event_free(w.input);
	if (w.file_tick)
		event_free(w.file_tick);
	if (w.tick)
		event_free(w.tick);
	if (w.bev)
		bufferevent_free(w.bev);
	if (w.base)
		event_base_free(w.base);
	for (int i = 0; i < WATCH_TABLES_MAX; i++)
		free(w.last[i]);
	return rc;
}
