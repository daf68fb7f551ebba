/* fuzz_save.c - libFuzzer harness: any bytes as a save file.
 *
 * The save loader reads files (through game/base/file.c, as every load
 * does), so each input is written to one scratch file and loaded with
 * save_load: the pre-pass (no @include in a save), libconfig, the embedded
 * scenario, the replay of every order and the digest checks. */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../game/save/save.h"
#include "../../game/save/save_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];
static int fd = -1;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fd < 0) {
		snprintf(path, sizeof path, "/tmp/brink-fuzz-save-XXXXXX");
		fd = mkstemp(path);
		if (fd < 0)
			abort();
	}
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
	struct diags *ds = diags_new();
	struct session *s = NULL;
	struct save_check chk;
	if (ds)
		save_load(path, &s, &chk, ds);
	session_free(s);
	diags_free(ds);
	return 0;
}
