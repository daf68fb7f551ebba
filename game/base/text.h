/* text.h - near misses between words: the one edit distance behind every "did you mean".
 *
 * Used by the command line (options, commands), plain mode (its commands,
 * actions, regions) and the scenario checker (keys, ids). */
#ifndef BRINK_TEXT_H
#define BRINK_TEXT_H

/* Edit distance between A and B (insertions, deletions, substitutions);
 * 99 when either is longer than 40 characters. */
int text_distance(const char *a, const char *b);

/* The candidate nearest to WORD when it is a plausible misspelling of it
 * (a small distance for its length, or WORD is a prefix of it of at least
 * 3 characters), else NULL. CANDS ends with NULL. */
const char *text_nearest(const char *word, const char *const *cands);

#endif
