/* fuzz_scenario.c - libFuzzer harness: any bytes as a scenario file.
 *
 * The text goes through the whole loader as `brink check` runs it: the
 * include pre-pass (game/base/cfgtext.c), libconfig, the schema walk and the
 * extraction. Any crash, hang, leak (but libconfig's own, suppressed) or
 * undefined behaviour is a bug; errors are fine. Includes resolve relative
 * to the working folder (the repository root when `make fuzz` runs it), so
 * the fuzzer can reach the shipped rules file and the test corpus. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../game/scenario/scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	struct rules *r = malloc(sizeof *r);
	struct diags *ds = diags_new();
	if (text && r && ds) {
		memcpy(text, data, size);
		text[size] = '\0'; /* a NUL inside ends the text, as in a C string */
		scenario_load_string(text, "fuzz.cfg", ".", r, ds);
	}
	diags_free(ds);
	free(r);
	free(text);
	return 0;
}
