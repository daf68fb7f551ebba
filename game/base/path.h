/* path.h - small path and number helpers shared by every module that touches files. */
#ifndef BRINK_PATH_H
#define BRINK_PATH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The folder of PATH into DIR: "." when it has none, "/" for "/x". */
void path_dir(const char *path, char *dir, size_t len);

/* OUT = A/B (just B when A is "" or B is absolute); false (and OUT empty)
 * when it does not fit. */
bool path_join(char *out, size_t len, const char *a, const char *b);

/* A/B in a new malloc'd string (B alone when it is absolute or A is "" or
 * "."); NULL when out of memory. */
char *path_join_new(const char *a, const char *b);

/* True when PATH names a regular file / a folder (following links). */
bool is_file(const char *path);
bool is_dir(const char *path);

/* S as a decimal number below 2^64: digits only, no sign, no spaces.
 * Returns 0, or -1 (and *OUT unchanged). */
int parse_u64(const char *s, uint64_t *out);

#endif
