/* replay.c - the replay check: a save re-executed headless and compared, turn by turn.
 *
 * The text replay (a saved game told again) is game/ui/replay_text.c. */
#include <stdio.h>

#include "replay.h"
#include "save_internal.h"

int replay_verify(const char *path, FILE *out, struct diags *ds)
{
	struct session *s = NULL;
	struct save_check chk;
	if (save_load(path, &s, &chk, ds) == 0) {
		fprintf(out, "verify: ok (%d turns)\n", s->turns);
		session_free(s);
		return 0;
	}
	if (chk.bad_turn > 0)
		fprintf(out, "verify: mismatch at turn %d of %d\n", chk.bad_turn, chk.turns);
	else if (chk.bad_state)
		fprintf(out, "verify: mismatch in the stored state after %d turns\n", chk.turns);
	else
		fprintf(out, "verify: bad save\n");
	return 1;
}
