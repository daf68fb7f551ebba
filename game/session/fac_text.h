/* fac_text.h - the facilitator's changes as text: one reader and one writer
 * for the console's commands, the protocol's `fac` lines and the saves.
 *
 * A change is a KIND and one ARG token (docs/protocol.md):
 *   inject EVENT[@REGION]          an event of the scenario's rules
 *   set    VAR[@REGION]=VALUE      VALUE a number or an enum name (nato, frozen)
 *   say    EFFECTS                 '-' or VAR[@REGION]=+N|-N joined by ',', with a TEXT
 *   end    -                       end the game now
 * Whether the change can be made now is the engine's question
 * (turn_facilitator); this only reads and writes it. */
#ifndef BRINK_FAC_TEXT_H
#define BRINK_FAC_TEXT_H

#include <stddef.h>

#include "../engine/turn.h"

/* The kind's word: "inject", "set", "say", "end". */
const char *fac_kind_word(int kind);

/* Read KIND ARG (ARG may be NULL or "-" for end) and TEXT (say only; NULL
 * or "" otherwise) into *C. Returns NULL, or an error word ("bad-event",
 * "bad-region", "bad-var", "bad-value", "bad-effects", "bad-text",
 * "bad-kind") with the reason in WHY. */
const char *fac_text_parse(const struct rules *r, const char *kind, const char *arg, const char *text,
                           struct fac_change *c, char *why, size_t len);

/* Write C's ARG token into BUF ("naval-collision@baltic-sea", "tension=75",
 * "tension=+10,stability@poland=-5", "-"). Returns its length, or -1. */
int fac_text_arg(const struct rules *r, const struct fac_change *c, char *buf, size_t len);

#endif
