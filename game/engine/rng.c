/* rng.c - splitmix64 seeding (the xorshift64* stream is inline, in rng.h). */
#include "rng.h"

uint64_t rng_mix(uint64_t seed)
{
	uint64_t z = seed + 0x9e3779b97f4a7c15ULL;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	return z ? z : 0x2545f4914f6cdd1dULL; /* xorshift must not start at 0 */
}
