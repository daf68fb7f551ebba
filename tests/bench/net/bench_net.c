/* bench_net.c - `make bench`: the server's figures, 200 tables and 400 clients on loopback.
 *
 * Starts the real `brink serve` (the binary given, default ./brink) with
 * 200 tables, joins every seat from this one process (libevent, one
 * connection a seat), and plays every game to its end as fast as the
 * server allows: each seat gives its orders for the next turn the moment
 * the news of the last one arrives. Prints `key: value` lines:
 *   net_turns_per_second   turns resolved a second, over all tables (wall time)
 *   net_news_p50_ms, net_news_p99_ms
 *                          from the second side's orders leaving its client to
 *                          both sides having the news of that turn
 *   net_server_turn_p50_us, _p99_us, _max_us
 *                          the server's own count (its `stats`): from reading the
 *                          line that completes a table's orders to the news handed
 *                          to both sockets; the figures above add the queueing of a
 *                          burst of 200 tables in both processes and the kernel
 *   net_memory_per_table_kib
 *                          (server RSS with 200 tables - with 100) / 100, both
 *                          measured at the end of their games
 * Goals (issue 13): p99 under 10 ms, under 64 KiB a table. The saves go to a
 * fresh folder under $TMPDIR (on disk: the saver thread fsyncs them). */
#include <errno.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BENCH_TABLES 200
#define BENCH_MAX_TURNS 60

struct seat {
	struct bench *b;
	struct bufferevent *bev;
	int table, side;
	char code[16];
	int turn;       /* turns whose news this seat has */
	bool ready, done;
};

struct bench {
	struct event_base *base;
	struct seat *seat;
	int nseats, ready, done;
	double (*sent)[2];  /* [table * MAX_TURNS + turn]: when each side's orders left */
	double (*recv)[2];  /* ... when each side had the news */
	int turns;          /* news lines of turns resolved */
	double t_start, t_end;
	bool started;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void seat_orders(struct seat *s)
{
	char line[64];
	int n = snprintf(line, sizeof line, "orders %d -\n", s->turn + 1);
	s->b->sent[s->table * BENCH_MAX_TURNS + s->turn][s->side] = now();
	bufferevent_write(s->bev, line, (size_t)n);
	evbuffer_write(bufferevent_get_output(s->bev), bufferevent_getfd(s->bev));
}

static void seat_read(struct bufferevent *bev, void *arg)
{
	struct seat *s = arg;
	struct bench *b = s->b;
	char *line;
	size_t len;
	while ((line = evbuffer_readln(bufferevent_get_input(bev), &len, EVBUFFER_EOL_LF))) {
		if (!strncmp(line, "news ", 5) && s->ready) {
			int t = atoi(line + 5);
			if (t >= 1 && t <= BENCH_MAX_TURNS) {
				b->recv[s->table * BENCH_MAX_TURNS + t - 1][s->side] = now();
				if (s->side == 0)
					b->turns++;
				s->turn = t;
			}
		} else if (!strncmp(line, "progress ", 9) && strstr(line, " over")) {
			if (!s->done) {
				s->done = true;
				if (++b->done == b->nseats) {
					b->t_end = now();
					event_base_loopbreak(b->base);
				}
			}
		} else if (!strcmp(line, "ready")) {
			s->ready = true;
			if (++b->ready == b->nseats) {
				b->t_start = now();
				b->started = true;
				for (int i = 0; i < b->nseats; i++)
					seat_orders(&b->seat[i]);
			}
		} else if (!strncmp(line, "error", 5) || !strncmp(line, "bye", 3)) {
			fprintf(stderr, "bench_net: seat %d/%d: %s\n", s->table, s->side, line);
		}
		free(line);
	}
	/* Order the next turn once this turn's news is in, unless the game is over. */
	if (b->started && !s->done && s->ready) {
		double *sent = &b->sent[s->table * BENCH_MAX_TURNS + s->turn][s->side];
		if (*sent == 0 && s->turn < BENCH_MAX_TURNS)
			seat_orders(s);
	}
}

static void seat_event(struct bufferevent *bev, short what, void *arg)
{
	struct seat *s = arg;
	if (what & BEV_EVENT_CONNECTED) {
		int one = 1;
		setsockopt(bufferevent_getfd(bev), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
		char line[64];
		int n = snprintf(line, sizeof line, "hello 1\njoin %s\n", s->code);
		bufferevent_write(bev, line, (size_t)n);
		return;
	}
	fprintf(stderr, "bench_net: seat %d/%d lost its connection\n", s->table, s->side);
	event_base_loopbreak(s->b->base);
}

static long rss_kib(pid_t pid)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	long kib = -1;
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "VmRSS: %ld", &kib) == 1)
			break;
	if (f)
		fclose(f);
	return kib;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

struct figures {
	double turns_per_s, p50_ms, p99_ms, shutdown_s;
	long rss_kib;
	int turns;
	long svc_p50_us, svc_p99_us, svc_max_us; /* the server's own count (stats) */
};

/* Ask the server for its service times as the facilitator. */
static void bench_stats(int port, const char *code, struct figures *f)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in sa;
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
		if (fd >= 0)
			close(fd);
		return;
	}
	char req[64];
	int n = snprintf(req, sizeof req, "hello 1\njoin %s\nstats\n", code);
	FILE *io = fdopen(fd, "r+");
	if (!io || write(fd, req, (size_t)n) != n) {
		if (io)
			fclose(io);
		else
			close(fd);
		return;
	}
	char line[256];
	unsigned long long turns;
	while (fgets(line, sizeof line, io))
		if (sscanf(line, "ok stats %llu %ld %ld %ld", &turns, &f->svc_p50_us, &f->svc_p99_us,
		           &f->svc_max_us) == 4)
			break;
	fclose(io);
}

/* Serve NTABLES tables, play all their games, fill F. Returns 0 or -1. */
static int bench_run(const char *brink, int ntables, struct figures *f)
{
	char dir[] = "/tmp/brink-bench-net-XXXXXX";
	if (!mkdtemp(dir))
		return -1;
	int out[2];
	if (pipe(out) < 0)
		return -1;
	char tables[16];
	snprintf(tables, sizeof tables, "%d", ntables);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(out[1], 1);
		close(out[0]);
		close(out[1]);
		execl(brink, brink, "serve", "scenarios/door-closed.cfg", "--port", "0", "--tables",
		      tables, "--seed", "1", "--save-dir", dir, (char *)NULL);
		_exit(127);
	}
	close(out[1]);
	FILE *in = fdopen(out[0], "r");
	struct bench b;
	memset(&b, 0, sizeof b);
	b.nseats = 2 * ntables;
	b.seat = calloc((size_t)b.nseats, sizeof *b.seat);
	b.sent = calloc((size_t)ntables * BENCH_MAX_TURNS, sizeof *b.sent);
	b.recv = calloc((size_t)ntables * BENCH_MAX_TURNS, sizeof *b.recv);
	char line[256], fcode[16] = "";
	int port = -1, nseat = 0;
	while (in && fgets(line, sizeof line, in)) {
		char side[16], code[16];
		int t;
		char *colon = strrchr(line, ':');
		if (!strncmp(line, "listening: ", 11) && colon)
			port = atoi(colon + 1);
		else if (sscanf(line, "table %d %15s code %15s", &t, side, code) == 3 && nseat < b.nseats) {
			struct seat *s = &b.seat[nseat++];
			s->b = &b;
			s->table = t - 1;
			s->side = !strcmp(side, "russia");
			snprintf(s->code, sizeof s->code, "%s", code);
		} else if (sscanf(line, "facilitator code %15s", fcode) == 1) {
			break;
		}
	}
	int rc = -1;
	if (port <= 0 || nseat != b.nseats) {
		fprintf(stderr, "bench_net: the server did not start\n");
		goto done;
	}
	b.base = event_base_new();
	struct sockaddr_in sa;
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	for (int i = 0; i < b.nseats; i++) {
		struct seat *s = &b.seat[i];
		s->bev = bufferevent_socket_new(b.base, -1, BEV_OPT_CLOSE_ON_FREE);
		bufferevent_setcb(s->bev, seat_read, NULL, seat_event, s);
		bufferevent_enable(s->bev, EV_READ | EV_WRITE);
		if (bufferevent_socket_connect(s->bev, (struct sockaddr *)&sa, sizeof sa) < 0) {
			fprintf(stderr, "bench_net: cannot connect\n");
			goto done;
		}
	}
	event_base_dispatch(b.base);
	if (b.done != b.nseats) {
		fprintf(stderr, "bench_net: only %d of %d seats finished\n", b.done, b.nseats);
		goto done;
	}
	f->rss_kib = rss_kib(pid);
	bench_stats(port, fcode, f);
	f->turns = b.turns;
	f->turns_per_s = b.turns / (b.t_end - b.t_start);
	double *lat = malloc(sizeof *lat * (size_t)(b.turns + 1));
	int n = 0;
	for (int i = 0; i < ntables * BENCH_MAX_TURNS && lat; i++) {
		if (b.recv[i][0] == 0 || b.recv[i][1] == 0)
			continue;
		double sent = b.sent[i][0] > b.sent[i][1] ? b.sent[i][0] : b.sent[i][1];
		double got = b.recv[i][0] > b.recv[i][1] ? b.recv[i][0] : b.recv[i][1];
		lat[n++] = (got - sent) * 1000.0;
	}
	if (n > 0) {
		qsort(lat, (size_t)n, sizeof *lat, cmp_double);
		f->p50_ms = lat[n / 2];
		f->p99_ms = lat[(int)((n - 1) * 0.99)];
	}
	free(lat);
	rc = 0;
done:
	for (int i = 0; i < b.nseats; i++)
		if (b.seat[i].bev)
			bufferevent_free(b.seat[i].bev);
	if (b.base)
		event_base_free(b.base);
	double t0 = now();
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	f->shutdown_s = now() - t0;
	if (in)
		fclose(in);
	free(b.seat);
	free(b.sent);
	free(b.recv);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "bench_net: could not remove %s\n", dir);
	return rc;
}

int main(int argc, char **argv)
{
	const char *brink = argc > 1 ? argv[1] : "./brink";
	signal(SIGPIPE, SIG_IGN);
	struct figures half, many;
	memset(&half, 0, sizeof half);
	memset(&many, 0, sizeof many);
	if (bench_run(brink, BENCH_TABLES / 2, &half) < 0 || bench_run(brink, BENCH_TABLES, &many) < 0)
		return 1;
	printf("net_tables: %d\n", BENCH_TABLES);
	printf("net_clients: %d\n", 2 * BENCH_TABLES);
	printf("net_turns: %d\n", many.turns);
	printf("net_turns_per_second: %.0f\n", many.turns_per_s);
	printf("net_news_p50_ms: %.2f\n", many.p50_ms);
	printf("net_news_p99_ms: %.2f\n", many.p99_ms);
	printf("net_server_turn_p50_us: %ld\n", many.svc_p50_us);
	printf("net_server_turn_p99_us: %ld\n", many.svc_p99_us);
	printf("net_server_turn_max_us: %ld\n", many.svc_max_us);
	printf("net_memory_per_table_kib: %.1f\n",
	       (double)(many.rss_kib - half.rss_kib) / (BENCH_TABLES - BENCH_TABLES / 2));
	printf("net_saves_drained_seconds: %.2f\n", many.shutdown_s);
	return 0;
}
