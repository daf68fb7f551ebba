/* cause.c - summing the cause log (appending is inline, in cause.h). */
#include "cause.h"

int cause_total(const struct cause_log *log, int var, int region)
{
	int sum = 0;
	for (int i = 0; i < log->n; i++)
		/* A failed order's headline names the unmet requirement's variable,
		 * and its delta is that requirement's index: no change. */
		if (log->rec[i].var == var && log->rec[i].region == region &&
		    log->rec[i].kind != CAUSE_ORDER_FAILED)
			sum += log->rec[i].delta;
	return sum;
}
