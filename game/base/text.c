/* text.c - near misses between words (see text.h). */
#include <string.h>

#include "text.h"

int text_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 40 || lb > 40)
		return 99;
	int prev[41], cur[41];
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

const char *text_nearest(const char *word, const char *const *cands)
{
	size_t len = strlen(word);
	int limit = len <= 4 ? 1 : len <= 8 ? 2 : 3, best_d = limit + 1;
	const char *best = NULL;
	for (int i = 0; cands[i]; i++) {
		int d = text_distance(word, cands[i]);
		if (len >= 3 && !strncmp(cands[i], word, len))
			d = 1; /* a prefix: --tourn for --tournament */
		if (d < best_d) {
			best_d = d;
			best = cands[i];
		}
	}
	return best;
}
