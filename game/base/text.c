/* text.c - near misses between words (see text.h). */
#include <string.h>

#include "text.h"

#define TEXT_LONG 40 /* longer words are never near anything */

static int distance_n(const char *a, size_t la, const char *b, size_t lb)
{
	if (la > TEXT_LONG || lb > TEXT_LONG)
		return 99;
	int prev[TEXT_LONG + 1], cur[TEXT_LONG + 1];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			int del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		memcpy(prev, cur, sizeof prev);
	}
	return prev[lb];
}

int text_distance(const char *a, const char *b)
{
	return distance_n(a, strlen(a), b, strlen(b));
}

void text_near_start(struct text_near *n, const char *word)
{
	n->word = word;
	n->best = NULL;
	n->best_len = 0;
	size_t len = strlen(word);
	int limit = len <= 4 ? 1 : len <= 8 ? 2 : 3;
	if (limit > (int)len - 1)
		limit = (int)len - 1; /* "c" is one edit from every one-letter id */
	n->dist = limit + 1;      /* what a candidate must beat */
}

void text_near_try(struct text_near *n, const char *cand, size_t len)
{
	size_t wl = strlen(n->word);
	int d = distance_n(n->word, wl, cand, len);
	if (wl >= 3 && wl < len && !strncmp(cand, n->word, wl))
		d = 1; /* a prefix: --tourn for --tournament */
	if (d < n->dist) {
		n->dist = d;
		n->best = cand;
		n->best_len = len;
	}
}

void text_near_try_str(struct text_near *n, const char *cand)
{
	text_near_try(n, cand, strlen(cand));
}

const char *text_nearest(const char *word, const char *const *cands)
{
	struct text_near n;
	text_near_start(&n, word);
	for (int i = 0; cands[i]; i++)
		text_near_try_str(&n, cands[i]);
	return n.best;
}
