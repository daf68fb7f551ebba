/* cause.c - appending to and summing the cause log. */
#include "cause.h"

void cause_add(struct cause_log *log, struct cause c)
{
	if (log->n < CAUSE_MAX)
		log->rec[log->n++] = c;
	else
		log->dropped++;
}

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
