/* path.c - path_dir, path_join, is_file, is_dir, parse_u64. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "path.h"

void path_dir(const char *path, char *dir, size_t len)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		snprintf(dir, len, ".");
	else if (slash == path)
		snprintf(dir, len, "/");
	else
		snprintf(dir, len, "%.*s", (int)(slash - path), path);
}

bool path_join(char *out, size_t len, const char *a, const char *b)
{
	int n = !a || !*a || b[0] == '/' ? snprintf(out, len, "%s", b)
	                                 : snprintf(out, len, "%s/%s", a, b);
	if (n < 0 || (size_t)n >= len) {
		if (len)
			out[0] = '\0';
		return false;
	}
	return true;
}

char *path_join_new(const char *a, const char *b)
{
	bool alone = !a || !*a || !strcmp(a, ".") || b[0] == '/';
	size_t n = (alone ? 0 : strlen(a) + 1) + strlen(b) + 1;
	char *out = malloc(n);
	if (out)
		snprintf(out, n, "%s%s%s", alone ? "" : a, alone ? "" : "/", b);
	return out;
}

bool is_file(const char *path)
{
	struct stat st;
	return path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool is_dir(const char *path)
{
	struct stat st;
	return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int parse_u64(const char *s, uint64_t *out)
{
	if (!s || *s < '0' || *s > '9' || strlen(s) > 20)
		return -1;
	for (const char *p = s; *p; p++)
		if (*p < '0' || *p > '9')
			return -1;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end)
		return -1;
	*out = (uint64_t)v;
	return 0;
}
