/* rng.c - splitmix64 seeding and a xorshift64* stream: integer state, owned by the caller. */
#include "rng.h"

uint64_t rng_mix(uint64_t seed)
{
	uint64_t z = seed + 0x9e3779b97f4a7c15ULL;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	return z ? z : 0x2545f4914f6cdd1dULL; /* xorshift must not start at 0 */
}

uint32_t rng_next(uint64_t *state)
{
	uint64_t x = *state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return (uint32_t)((x * 0x2545f4914f6cdd1dULL) >> 32);
}

uint32_t rng_below(uint64_t *state, uint32_t bound)
{
	if (bound == 0)
		return 0;
	uint64_t m = (uint64_t)rng_next(state) * bound;
	uint32_t low = (uint32_t)m;
	if (low < bound) {
		uint32_t threshold = (uint32_t)-bound % bound;
		while (low < threshold) {
			m = (uint64_t)rng_next(state) * bound;
			low = (uint32_t)m;
		}
	}
	return (uint32_t)(m >> 32);
}
