/* rng.h - the deterministic PRNG (splitmix64 seeding a xoshiro-style 64-bit state).
 *
 * The state is a plain integer that lives inside the world (rules stream) or a
 * front end (cosmetic stream), so copying the owner copies the stream. */
#ifndef BRINK_RNG_H
#define BRINK_RNG_H

#include <stdint.h>

/* Mix a seed into a well-spread 64-bit state (splitmix64 finaliser). */
uint64_t rng_mix(uint64_t seed);

/* Next 32 random bits; advances *state. Inline, as rng_below: turns and
 * the AI's searches draw by the hundred thousand. */
static inline uint32_t rng_next(uint64_t *state)
{
	uint64_t x = *state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return (uint32_t)((x * 0x2545f4914f6cdd1dULL) >> 32);
}

/* Uniform integer in [0, bound); bound 0 returns 0. Unbiased (Lemire). */
static inline uint32_t rng_below(uint64_t *state, uint32_t bound)
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

#endif
