/* text.h - near misses between words: the one edit distance and the one rule for what a
 * "did you mean" suggests.
 *
 * Used by the command line (options, commands), plain mode (its commands,
 * actions, regions, variables) and the scenario checker (keys, ids, enum
 * values, map anchors). */
#ifndef BRINK_TEXT_H
#define BRINK_TEXT_H

#include <stddef.h>

/* Edit distance between A and B (insertions, deletions, substitutions);
 * 99 when either is longer than 40 characters. */
int text_distance(const char *a, const char *b);

/* A search for the candidate nearest to a mistyped word. A candidate is a
 * plausible misspelling when its distance is small for the word's length (at
 * most 1 up to 4 characters, 2 up to 8, else 3, and less than the word's
 * length), or when the word (3 characters or more) is a prefix of it (counted
 * as distance 1: --tourn for --tournament). Of those the nearest wins, the
 * first offered on a tie. */
struct text_near {
	const char *word; /* the mistyped word */
	const char *best; /* the best candidate so far (NULL: none), BEST_LEN characters */
	size_t best_len;
	int dist;
};

/* Start a search for WORD. */
void text_near_start(struct text_near *n, const char *word);

/* Offer the first LEN characters of CAND (which may go on, as in "a|b|c");
 * text_near_try_str offers a whole string. N->best points into CAND. */
void text_near_try(struct text_near *n, const char *cand, size_t len);
void text_near_try_str(struct text_near *n, const char *cand);

/* The candidate nearest to WORD by the rule above, else NULL. CANDS ends
 * with NULL. */
const char *text_nearest(const char *word, const char *const *cands);

#endif
