/* tui_projector.h - the projector view: the game screen drawn to be read from the back of a room.
 *
 * On a large terminal (TUI_PROJ_MIN_W x TUI_PROJ_MIN_H and up) the key v
 * switches the game screen and the replay viewer to this view: tension as
 * big block digits and its band in block letters, a full-width tension
 * track, tension turn by turn as tall bars, the regions as large cards in
 * their places on the map, and the news as headlines only, spaced out. It
 * draws from the same struct tui_view as the normal screen, so keys,
 * selection and resizes work as before; on a smaller terminal the normal
 * screen is drawn. */
#ifndef BRINK_TUI_PROJECTOR_H
#define BRINK_TUI_PROJECTOR_H

#include <stdbool.h>

#include "tui_game.h"

#define TUI_PROJ_MIN_W 160
#define TUI_PROJ_MIN_H 48

/* True when the terminal is large enough for the projector view. */
bool tui_projector_fits(void);

/* Draw V as the projector view (the caller checked tui_projector_fits). */
void tui_projector_draw(struct tui *t, struct tui_view *v);

/* The key v: switch V's projector view on or off, with a word in the
 * header (and why it is not shown when the terminal is too small). */
void tui_projector_toggle(struct tui_view *v);

/* Text 3x5 pixels a character, in block characters, at Y, X: SCALE 1 is
 * 3 rows and 4 columns a character (half blocks; # on ASCII terminals
 * draws at scale 2), SCALE 2 is 5 rows and 7 columns. Letters are drawn
 * upper-case; characters the font lacks are blank. Clipped to MAXW columns.
 * Returns the columns used. */
int tui_big_text(struct tui *t, int y, int x, int maxw, int scale, int role, const char *s);

/* The columns tui_big_text would use for S at SCALE. */
int tui_big_width(const char *s, int scale);

#endif
