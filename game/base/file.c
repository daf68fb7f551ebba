/* file.c - read a regular file whole: non-blocking open, fstat, a size cap. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"

int file_read_id(const char *path, size_t max, char **text, size_t *len, struct file_id *id)
{
	*text = NULL;
	*len = 0;
	if (!path || !*path)
		return ENOENT;
	/* O_NONBLOCK: opening a FIFO with no writer returns at once */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int err = errno;
		close(fd);
		return err;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
	}
	if (id) {
		id->dev = (unsigned long long)st.st_dev;
		id->ino = (unsigned long long)st.st_ino;
	}
	if (st.st_size < 0 || (unsigned long long)st.st_size > max) {
		close(fd);
		return EFBIG;
	}
	/* st_size is a hint (files in /proc say 0): grow until EOF or the cap */
	size_t cap = (size_t)st.st_size + 1 < 4096 ? 4096 : (size_t)st.st_size + 1, n = 0;
	char *buf = malloc(cap);
	int err = buf ? 0 : ENOMEM;
	while (!err) {
		if (n + 1 >= cap) {
			if (n > max)
				break;
			size_t grown = cap > max / 2 + 2 ? max + 2 : cap * 2;
			char *more = grown > cap ? realloc(buf, grown) : NULL;
			if (!more) {
				err = ENOMEM;
				break;
			}
			buf = more;
			cap = grown;
		}
		ssize_t k = read(fd, buf + n, cap - 1 - n);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			err = errno == EAGAIN ? EINVAL : errno;
		} else if (k == 0) {
			break;
		} else {
			n += (size_t)k;
		}
	}
	close(fd);
	if (!err && n > max)
		err = EFBIG;
	if (err) {
		free(buf);
		return err;
	}
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return 0;
}

int file_read(const char *path, size_t max, char **text, size_t *len)
{
	return file_read_id(path, max, text, len, NULL);
}

const char *file_error(int err)
{
	switch (err) {
	case ENOENT: return "no such file";
	case EISDIR: return "it is a folder";
	case EINVAL: return "not a regular file";
	case EFBIG: return "file is too big";
	default: return strerror(err);
	}
}

int file_nul_line(const char *text, size_t len)
{
	const char *nul = memchr(text, '\0', len);
	if (!nul)
		return 0;
	int line = 1;
	for (const char *p = text; p < nul; p++)
		line += *p == '\n';
	return line;
}
