/* fuzz_scenario.c - libFuzzer harness: any bytes as a scenario file.
 *
 * The text goes through the whole loader as `brink check` runs it: the
 * include pre-pass (game/base/cfgtext.c), libconfig, the schema walk and the
 * extraction. Any crash, hang, leak (but libconfig's own, suppressed) or
 * undefined behaviour is a bug; errors are fine. Includes resolve relative
 * to the working folder (the repository root when `make fuzz` runs it), so
 * the fuzzer can reach the shipped rules file and the test corpus. A file
 * that loads is then played for a few turns by random players, so the
 * engine's prepared rules (rules_prepare) meet odd but valid scenarios. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../game/ai/ai.h"
#include "../../game/engine/turn.h"
#include "../../game/scenario/scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A few turns of R between random players; a broken invariant aborts. */
static void play_some(const struct rules *r)
{
	struct world w;
	world_init(&w, r, 1);
	struct ai play[SIDE_COUNT];
	for (int s = 0; s < SIDE_COUNT; s++)
		ai_init(&play[s], AI_RANDOM, s, 7);
	for (int t = 0; t < 4 && !w.over; t++) {
		struct orders o[SIDE_COUNT];
		for (int s = 0; s < SIDE_COUNT; s++)
			ai_choose(&play[s], &w, r, &o[s]);
		turn_resolve(&w, r, o);
		if (world_check(&w, r))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	struct rules *r = malloc(sizeof *r);
	struct diags *ds = diags_new();
	if (text && r && ds) {
		memcpy(text, data, size);
		text[size] = '\0'; /* a NUL inside ends the text, as in a C string */
		if (scenario_load_string(text, "fuzz.cfg", ".", r, ds) == 0)
			play_some(r);
	}
	diags_free(ds);
	free(r);
	free(text);
	return 0;
}
