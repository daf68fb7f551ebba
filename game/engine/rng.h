/* rng.h - the deterministic PRNG (splitmix64 seeding a xoshiro-style 64-bit state).
 *
 * The state is a plain integer that lives inside the world (rules stream) or a
 * front end (cosmetic stream), so copying the owner copies the stream. */
#ifndef BRINK_RNG_H
#define BRINK_RNG_H

#include <stdint.h>

/* Mix a seed into a well-spread 64-bit state (splitmix64 finaliser). */
uint64_t rng_mix(uint64_t seed);

/* Next 32 random bits; advances *state. */
uint32_t rng_next(uint64_t *state);

/* Uniform integer in [0, bound); bound 0 returns 0. Unbiased (Lemire). */
uint32_t rng_below(uint64_t *state, uint32_t bound);

#endif
