/* file.h - reading a whole file: the one way Brink opens the files it reads.
 *
 * Only regular files are read. The file is opened without blocking and
 * checked with fstat before a byte is read, so a FIFO, a device or a folder
 * is refused at once instead of hanging or confusing a parser; the size is
 * capped (also for files that grow while read). */
#ifndef BRINK_FILE_H
#define BRINK_FILE_H

#include <stddef.h>

/* Read the regular file PATH whole, at most MAX bytes, into *TEXT (malloc'd,
 * NUL-terminated; the caller frees) and *LEN. Returns 0, or an errno value:
 * ENOENT, EISDIR (a folder), EINVAL (not a regular file), EFBIG (larger than
 * MAX), ENOMEM, or what open/read said. */
int file_read(const char *path, size_t max, char **text, size_t *len);

/* What identifies a file on this machine (device and inode). */
struct file_id {
	unsigned long long dev, ino;
};

/* file_read, also telling which file was read (ID may be NULL). */
int file_read_id(const char *path, size_t max, char **text, size_t *len, struct file_id *id);

/* Words for an error of file_read: "no such file", "it is a folder",
 * "not a regular file", "file is too big", else strerror. */
const char *file_error(int err);

/* 1-based line of the first NUL byte in TEXT (LEN bytes), or 0 when none. */
int file_nul_line(const char *text, size_t len);

#endif
