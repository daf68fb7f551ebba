/* file.h - the one layer through which Brink opens files and folders.
 *
 * Reading: file_read. Writing: file_replace (atomic: a saved game, the
 * server's state) and file_create (a report or CSV the user named). Folders:
 * file_each lists one. No other module calls fopen, open or opendir on a
 * path (tools/check-files.sh proves it from the objects in `make test`).
 *
 * Only regular files are read. The file is opened without blocking and
 * checked with fstat before a byte is read, so a FIFO, a device or a folder
 * is refused at once instead of hanging or confusing a parser; the size is
 * capped (also for files that grow while read). */
#ifndef BRINK_FILE_H
#define BRINK_FILE_H

#include <stddef.h>
#include <stdio.h>

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

/* Open PATH for writing, created or emptied, as fopen(PATH, "w"): an output
 * the user named (a report, a CSV). NULL with errno set. */
FILE *file_create(const char *path);

/* Call FN(CTX, NAME) for each entry of the folder DIR but "." and "..", in
 * the order the system lists them, until FN returns nonzero. Returns 0, or -1
 * (errno set) when DIR cannot be opened. */
int file_each(const char *dir, int (*fn)(void *ctx, const char *name), void *ctx);

/* The steps of file_replace, in order; FAIL_AT makes one fail, for tests. */
enum file_step {
	FILE_STEP_NONE,
	FILE_STEP_OPEN,    /* creating the temporary file .NAME.tmp-XXXXXX */
	FILE_STEP_WRITE,   /* writing it (fails half-way through) */
	FILE_STEP_SYNC,    /* fsync of the temporary file */
	FILE_STEP_CLOSE,   /* closing it */
	FILE_STEP_RENAME,  /* renaming (or linking) it to PATH */
	FILE_STEP_DIRSYNC, /* fsync of the folder: PATH is complete already */
	FILE_STEP_NAME     /* PATH has no file name or is too long (never injected) */
};

/* Why file_replace failed: the step and its errno value. */
struct file_fault {
	int step;
	int err;
};

#define FILE_EXCL 1   /* file_replace flag: never replace an existing PATH */
#define FILE_EXISTS 1 /* file_replace result with FILE_EXCL: PATH exists */

/* Write TEXT (LEN bytes) to PATH atomically: into a temporary file
 * .NAME.tmp-XXXXXX of PATH's folder, synced and given MODE, then renamed over
 * PATH (with FILE_EXCL linked, so an existing PATH is kept and FILE_EXISTS
 * returned), then the folder synced. Any earlier PATH is whole until the
 * rename. Returns 0, FILE_EXISTS, or -1 with *WHY filled (at
 * FILE_STEP_DIRSYNC the new PATH is in place). FAIL_AT (enum file_step) makes
 * that step fail, for tests; FILE_STEP_NONE otherwise. */
int file_replace(const char *path, const char *text, size_t len, unsigned mode, int flags,
                 int fail_at, struct file_fault *why);

/* 1 when FD is input that is always readable and epoll cannot watch: a
 * regular file (a script on stdin) or a device that is not a terminal
 * (/dev/null); read it in steps instead. 0 for a terminal, pipe or socket. */
int file_unwatchable(int fd);

/* "write", "sync", ...: the step of a file_fault, for messages. */
const char *file_step_name(int step);

#endif
