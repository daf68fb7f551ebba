/* file.c - files and folders opened in one place (see file.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "path.h"

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

FILE *file_create(const char *path)
{
	return fopen(path, "w");
}

int file_each(const char *dir, int (*fn)(void *ctx, const char *name), void *ctx)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (fn(ctx, e->d_name))
			break;
	}
	closedir(d);
	return 0;
}

const char *file_step_name(int step)
{
	switch (step) {
	case FILE_STEP_OPEN: return "create";
	case FILE_STEP_WRITE: return "write";
	case FILE_STEP_SYNC: return "sync";
	case FILE_STEP_CLOSE: return "close";
	case FILE_STEP_RENAME: return "rename";
	case FILE_STEP_DIRSYNC: return "folder sync";
	case FILE_STEP_NAME: return "name";
	default: return "none";
	}
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, p, n);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

static int fault(struct file_fault *why, int step, int err)
{
	why->step = step;
	why->err = err;
	return -1;
}

/* Move the written TMP to PATH (EXCL: never over an existing PATH). Returns
 * 0, FILE_EXISTS, or the errno value of the rename. */
static int file_move(const char *tmp, const char *path, int excl, int fail_at)
{
	if (fail_at == FILE_STEP_RENAME)
		return EXDEV;
	if (excl) {
		/* link() fails when PATH exists: two writers never take one name. */
		if (link(tmp, path) == 0) {
			unlink(tmp);
			return 0;
		}
		if (errno == EEXIST || access(path, F_OK) == 0) {
			unlink(tmp); /* (access: no hard links on FAT, some network folders) */
			return FILE_EXISTS;
		}
	}
	return rename(tmp, path) ? errno : 0;
}

int file_replace(const char *path, const char *text, size_t len, unsigned mode, int flags,
                 int fail_at, struct file_fault *why)
{
	char tmp[4096], dir[4096];
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	path_dir(path, dir, sizeof dir);
	why->step = FILE_STEP_NONE;
	why->err = 0;
	if (!*base || (size_t)snprintf(tmp, sizeof tmp, "%s/.%s.tmp-XXXXXX", dir, base) >= sizeof tmp)
		return fault(why, FILE_STEP_NAME, ENAMETOOLONG);
	int fd = fail_at == FILE_STEP_OPEN ? (errno = EACCES, -1) : mkstemp(tmp);
	if (fd < 0)
		return fault(why, FILE_STEP_OPEN, errno);
	int step = FILE_STEP_NONE, err = 0;
	if (fail_at == FILE_STEP_WRITE) {
		(void)write_all(fd, text, len / 2);
		step = FILE_STEP_WRITE, err = ENOSPC;
	} else if (write_all(fd, text, len)) {
		step = FILE_STEP_WRITE, err = errno;
	} else if (fail_at == FILE_STEP_SYNC || fsync(fd)) {
		step = FILE_STEP_SYNC, err = fail_at == FILE_STEP_SYNC ? EIO : errno;
	}
	if (!step)
		(void)fchmod(fd, (mode_t)mode);
	if (close(fd) && !step)
		step = FILE_STEP_CLOSE, err = errno;
	if (!step && fail_at == FILE_STEP_CLOSE)
		step = FILE_STEP_CLOSE, err = EIO;
	if (!step) {
		int moved = file_move(tmp, path, flags & FILE_EXCL, fail_at);
		if (moved == FILE_EXISTS)
			return FILE_EXISTS;
		if (moved)
			step = FILE_STEP_RENAME, err = moved;
	}
	if (step) {
		unlink(tmp);
		return fault(why, step, err);
	}
	/* The rename is done; syncing the folder makes it survive a power cut. */
	int dfd = fail_at == FILE_STEP_DIRSYNC ? (errno = EIO, -1) : open(dir, O_RDONLY | O_DIRECTORY);
	err = dfd < 0 || fsync(dfd) ? errno : 0;
	if (dfd >= 0)
		close(dfd);
	return err ? fault(why, FILE_STEP_DIRSYNC, err) : 0;
}

int file_unwatchable(int fd)
{
	struct stat st;
	return fstat(fd, &st) == 0 && (S_ISREG(st.st_mode) || (S_ISCHR(st.st_mode) && !isatty(fd)));
}
