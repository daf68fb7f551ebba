/* fixture.h - a small hand-built scenario for unit tests that must not depend on files. */
#ifndef BRINK_TEST_FIXTURE_H
#define BRINK_TEST_FIXTURE_H

#include "../game/engine/rules.h"

/* Actions of the fixture, by index. */
enum { FX_DEPLOY, FX_TALKS, FX_RED_LINE, FX_DOOR, FX_AID, FX_ACTIONS };
/* Events of the fixture, by index. */
enum { FX_EV_SUMMIT, FX_EV_UNREST, FX_INC_AIRSPACE, FX_EVENTS };

/* Fill R with four regions (poland, baltics, ukraine, caucasus), a few
 * actions of each kind and a few events. */
void fixture_rules(struct rules *r);

#endif
