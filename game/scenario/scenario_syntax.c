/* scenario_syntax.c - the first syntax fault of a libconfig text, worded; see scenario_syntax.h.
 *
 * The grammar (libconfig 1.5): settings NAME = VALUE (or NAME : VALUE), each
 * optionally ended by ';' or ','; a value is a scalar (strings, adjacent ones
 * joined; integers, floats, true/false), an array [ scalars ], a list
 * ( values ) or a group { settings }. Elements of arrays and lists are
 * separated by ',', with none after the last. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "scenario_syntax.h"

#define DEPTH_MAX 200 /* deeper is libconfig's "nesting too deep" */

enum tok { T_EOF, T_NAME, T_STRING, T_NUMBER, T_EQ, T_SEMI, T_COMMA, T_LBRACE, T_RBRACE,
           T_LPAREN, T_RPAREN, T_LBRACKET, T_RBRACKET, T_BAD };

struct token {
	int type;
	size_t start, end; /* bytes of TEXT */
	int line;
};

struct parser {
	const char *s;
	size_t pos;
	int line;
	struct token cur, prev; /* the token looked at; the last one consumed */
	struct syntax_fault *f;
	bool failed;
};

static void skip_space(struct parser *p)
{
	for (;;) {
		char c = p->s[p->pos];
		if (c == '\n') {
			p->line++;
			p->pos++;
		} else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
			p->pos++;
		} else if (c == '#' || (c == '/' && p->s[p->pos + 1] == '/')) {
			while (p->s[p->pos] && p->s[p->pos] != '\n')
				p->pos++;
		} else if (c == '/' && p->s[p->pos + 1] == '*') {
			p->pos += 2;
			while (p->s[p->pos] && !(p->s[p->pos] == '*' && p->s[p->pos + 1] == '/')) {
				if (p->s[p->pos] == '\n')
					p->line++;
				p->pos++;
			}
			if (p->s[p->pos])
				p->pos += 2;
		} else {
			return;
		}
	}
}

static bool name_char(int c, bool first)
{
	return isalpha(c) || c == '*' || (!first && (isdigit(c) || c == '-' || c == '_'));
}

static void next(struct parser *p)
{
	p->prev = p->cur;
	skip_space(p);
	struct token t = { T_EOF, p->pos, p->pos, p->line };
	const char *s = p->s;
	char c = s[p->pos];
	static const char single[] = "=:;,{}()[]";
	static const int single_tok[] = { T_EQ, T_EQ, T_SEMI, T_COMMA, T_LBRACE, T_RBRACE, T_LPAREN,
	                                  T_RPAREN, T_LBRACKET, T_RBRACKET };
	const char *at = c ? strchr(single, c) : NULL;
	if (!c) {
		t.type = T_EOF;
	} else if (at) {
		t.type = single_tok[at - single];
		p->pos++;
	} else if (c == '"') {
		t.type = T_STRING;
		p->pos++;
		while (s[p->pos] && s[p->pos] != '"' && s[p->pos] != '\n') {
			if (s[p->pos] == '\\' && s[p->pos + 1] && s[p->pos + 1] != '\n')
				p->pos++;
			p->pos++;
		}
		if (s[p->pos] == '"')
			p->pos++;
		else
			t.type = T_BAD; /* a string not closed on its line */
	} else if (isdigit((unsigned char)c) || ((c == '-' || c == '+' || c == '.') &&
	                                         (isdigit((unsigned char)s[p->pos + 1]) || s[p->pos + 1] == '.'))) {
		t.type = T_NUMBER;
		p->pos++;
		while (isalnum((unsigned char)s[p->pos]) || s[p->pos] == '.' ||
		       ((s[p->pos] == '-' || s[p->pos] == '+') && (s[p->pos - 1] == 'e' || s[p->pos - 1] == 'E')))
			p->pos++;
	} else if (name_char((unsigned char)c, true)) {
		t.type = T_NAME;
		while (name_char((unsigned char)s[p->pos], false))
			p->pos++;
	} else {
		t.type = T_BAD;
		p->pos++;
	}
	t.end = p->pos;
	p->cur = t;
}

static const char *tok_words(const struct parser *p, const struct token *t, char *buf, size_t len)
{
	switch (t->type) {
	case T_EOF: return "the end of the file";
	case T_STRING: return "a string";
	case T_NUMBER: return "a number";
	case T_NAME:
		snprintf(buf, len, "'%.*s'", (int)(t->end - t->start > 40 ? 40 : t->end - t->start),
		         p->s + t->start);
		return buf;
	case T_BAD:
		if (p->s[t->start] == '"')
			return "a string that is not closed on its line";
		if (p->s[t->start] > 32 && p->s[t->start] < 127)
			snprintf(buf, len, "the character '%c'", p->s[t->start]);
		else
			snprintf(buf, len, "the byte 0x%02X", (unsigned)(unsigned char)p->s[t->start]);
		return buf;
	default:
		snprintf(buf, len, "'%c'", p->s[t->start]);
		return buf;
	}
}

static void fault(struct parser *p, int line, int fix, size_t pos, const char *insert, const char *fmt,
                  const char *a, const char *b)
{
	if (p->failed)
		return;
	p->failed = true;
	p->f->line = line;
	p->f->fix = fix;
	p->f->pos = pos;
	snprintf(p->f->insert, sizeof p->f->insert, "%s", insert ? insert : "");
	snprintf(p->f->msg, sizeof p->f->msg, fmt, a, b);
}

static bool value_start(const struct parser *p, const struct token *t)
{
	(void)p;
	return t->type == T_STRING || t->type == T_NUMBER || t->type == T_LBRACE ||
	       t->type == T_LPAREN || t->type == T_LBRACKET;
}

static bool is_bool(const struct parser *p, const struct token *t)
{
	size_t n = t->end - t->start;
	return t->type == T_NAME && ((n == 4 && !strncasecmp(p->s + t->start, "true", 4)) ||
	                             (n == 5 && !strncasecmp(p->s + t->start, "false", 5)));
}

static void parse_value(struct parser *p, const char *name, int depth);

static const char *closer_name(int closer)
{
	return closer == T_RBRACE ? "'}'" : closer == T_RPAREN ? "')'" : "']'";
}

static const char *what_name(int closer)
{
	return closer == T_RBRACE ? "the group" : closer == T_RPAREN ? "the list" : "the array";
}

/* The closer CLOSER of the bracket opened at OPEN_LINE is missing: found T. */
static void unclosed(struct parser *p, int closer, int open_line)
{
	char w[64], at[96];
	const char *found = tok_words(p, &p->cur, w, sizeof w);
	snprintf(at, sizeof at, "%s opened at line %d", what_name(closer), open_line);
	char msg[160];
	snprintf(msg, sizeof msg, "expected %s to close %%s, found %%s", closer_name(closer));
	const char *ins = closer == T_RBRACE ? "}" : closer == T_RPAREN ? ")" : "]";
	char never[64];
	snprintf(never, sizeof never, "%s is never closed: expected %s before %%s", "%s", closer_name(closer));
	if (p->cur.type == T_EOF)
		fault(p, open_line, SYNTAX_FIX_INSERT, p->cur.start, ins, never, at, found);
	else /* another bracket closes it: which one was meant is not sure */
		fault(p, p->cur.line, SYNTAX_FIX_NONE, 0, NULL, msg, at, found);
}

#define NAMES_MAX 128 /* names remembered a group, for duplicates */

static void parse_settings(struct parser *p, int closer, int open_line, int depth)
{
	char w[64], nm[64];
	struct token seen[NAMES_MAX];
	int nseen = 0;
	for (;;) {
		if (p->failed)
			return;
		int t = p->cur.type;
		if (t == closer || (closer == T_EOF && t == T_EOF)) {
			return;
		}
		if (t != T_NAME || is_bool(p, &p->cur)) {
			if (closer != T_EOF && (t == T_EOF || t == T_RPAREN || t == T_RBRACKET || t == T_RBRACE)) {
				unclosed(p, closer, open_line);
				return;
			}
			const char *found = tok_words(p, &p->cur, w, sizeof w);
			if (value_start(p, &p->cur) && p->prev.type != T_EQ && p->prev.type != T_SEMI &&
			    p->prev.type != T_COMMA && p->prev.type != T_LBRACE && p->prev.start != p->prev.end)
				fault(p, p->cur.line, SYNTAX_FIX_NONE, 0, NULL,
				      "expected a setting (NAME = VALUE;), found %s: a value without a name, or "
				      "one value too many after the last setting%s", found, "");
			else
				fault(p, p->cur.line, SYNTAX_FIX_NONE, 0, NULL,
				      "expected a setting (NAME = VALUE;)%s, found %s",
				      closer == T_EOF ? "" : " or '}'", found);
			return;
		}
		struct token name = p->cur;
		snprintf(nm, sizeof nm, "%.*s", (int)(name.end - name.start > 40 ? 40 : name.end - name.start),
		         p->s + name.start);
		for (int k = 0; k < nseen; k++)
			if (seen[k].end - seen[k].start == name.end - name.start &&
			    !memcmp(p->s + seen[k].start, p->s + name.start, name.end - name.start)) {
				char l[16];
				snprintf(l, sizeof l, "%d", seen[k].line);
				fault(p, name.line, SYNTAX_FIX_NONE, 0, NULL,
				      "duplicate setting '%s' (first set at line %s): a setting is set once", nm, l);
				return;
			}
		if (nseen < NAMES_MAX)
			seen[nseen++] = name;
		next(p);
		if (p->cur.type != T_EQ) {
			const char *found = tok_words(p, &p->cur, w, sizeof w);
			bool fix = value_start(p, &p->cur) || is_bool(p, &p->cur);
			fault(p, name.line, fix ? SYNTAX_FIX_INSERT : SYNTAX_FIX_NONE, name.end, " =",
			      "expected '=' after '%s', found %s", nm, found);
			return;
		}
		next(p);
		parse_value(p, nm, depth + 1);
		if (p->failed)
			return;
		if (p->cur.type == T_SEMI || p->cur.type == T_COMMA)
			next(p);
	}
}

/* Elements of a list ( ... ) or an array [ ... ], separated by ','. */
static void parse_elements(struct parser *p, int closer, int open_line, const char *name, int depth)
{
	char w[64];
	bool array = closer == T_RBRACKET;
	if (p->cur.type == closer) {
		next(p);
		return;
	}
	for (;;) {
		if (array && (p->cur.type == T_LBRACE || p->cur.type == T_LPAREN || p->cur.type == T_LBRACKET)) {
			fault(p, p->cur.line, SYNTAX_FIX_NONE, 0, NULL,
			      "an array [ ] of '%s' holds only strings, numbers or true/false; a list of "
			      "groups is written ( { ... }, { ... } )%s", name, "");
			return;
		}
		if (p->cur.type == T_NAME && !is_bool(p, &p->cur)) {
			const char *found = tok_words(p, &p->cur, w, sizeof w);
			fault(p, p->cur.line, SYNTAX_FIX_NONE, 0, NULL,
			      "expected a value in %s, found the name %s: a setting (NAME = VALUE) "
			      "belongs inside a group { }", array ? "an array" : "a list", found);
			return;
		}
		parse_value(p, name, depth + 1);
		if (p->failed)
			return;
		if (p->cur.type == T_COMMA) {
			struct token comma = p->cur;
			next(p);
			if (p->cur.type == closer) {
				char l[16];
				snprintf(l, sizeof l, "%d", comma.line);
				fault(p, comma.line, SYNTAX_FIX_DELETE, comma.start, NULL,
				      "a ',' after the last element of %s (line %s): remove it",
				      array ? "an array" : "a list", l);
				return;
			}
			continue;
		}
		if (p->cur.type == closer) {
			next(p);
			return;
		}
		if (value_start(p, &p->cur) || is_bool(p, &p->cur)) {
			/* the classic: a ',' forgotten at the end of the previous element */
			char l[16];
			snprintf(l, sizeof l, "%d", p->cur.line);
			fault(p, p->prev.line, SYNTAX_FIX_INSERT, p->prev.end, ",",
			      "missing ',' after this element of %s (the next one starts at line %s)",
			      array ? "an array" : "a list", l);
			return;
		}
		if (p->cur.type == T_SEMI) {
			fault(p, p->cur.line, SYNTAX_FIX_NONE, 0, NULL,
			      "expected ',' or %s in %s, found ';' (elements of a list are separated by ',')",
			      closer_name(closer), array ? "an array" : "a list");
			return;
		}
		if (p->cur.type == T_NAME) {
			const char *found = tok_words(p, &p->cur, w, sizeof w);
			fault(p, p->cur.line, SYNTAX_FIX_NONE, 0, NULL,
			      "expected ',' or the end of the list, found the name %s: a setting "
			      "(NAME = VALUE) belongs inside a group { }%s", found, "");
			return;
		}
		unclosed(p, closer, open_line);
		return;
	}
}

static void parse_value(struct parser *p, const char *name, int depth)
{
	char w[64];
	if (depth > DEPTH_MAX) {
		p->failed = true; /* libconfig's own message says it */
		p->f->line = 0;
		return;
	}
	struct token t = p->cur;
	if (t.type == T_STRING) {
		while (p->cur.type == T_STRING)
			next(p);
	} else if (t.type == T_NUMBER || is_bool(p, &t)) {
		next(p);
	} else if (t.type == T_LBRACE) {
		next(p);
		parse_settings(p, T_RBRACE, t.line, depth);
		if (!p->failed)
			next(p);
	} else if (t.type == T_LPAREN || t.type == T_LBRACKET) {
		next(p);
		parse_elements(p, t.type == T_LPAREN ? T_RPAREN : T_RBRACKET, t.line, name, depth);
	} else {
		const char *found = tok_words(p, &t, w, sizeof w);
		fault(p, t.line, SYNTAX_FIX_NONE, 0, NULL, "expected a value after '%s =', found %s", name,
		      found);
	}
}

int syntax_check(const char *text, struct syntax_fault *f)
{
	memset(f, 0, sizeof *f);
	struct parser p = { .s = text, .pos = 0, .line = 1, .f = f };
	next(&p);
	parse_settings(&p, T_EOF, 1, 0);
	if (!p.failed && p.cur.type != T_EOF) {
		char w[64];
		fault(&p, p.cur.line, SYNTAX_FIX_NONE, 0, NULL, "unexpected %s%s",
		      tok_words(&p, &p.cur, w, sizeof w), "");
	}
	return p.failed && f->line > 0 ? -1 : 0;
}
