/* test_base.c - the base layer (game/base/): reading files, folders, paths, and the
 * libconfig pre-pass that resolves @include (cfgtext). The include cases with a
 * message at a line also live in the scenario corpus (tests/data/bad/include-*). */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../game/base/cfgtext.h"
#include "../game/base/file.h"
#include "../game/base/folder.h"
#include "../game/base/path.h"
#include "../game/base/text.h"

static char tmp[64];

static void tmp_make(void)
{
	snprintf(tmp, sizeof tmp, "/tmp/brink-test-base-XXXXXX");
	cr_assert_not_null(mkdtemp(tmp));
}

static void tmp_clean(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	cr_assert_eq(system(cmd), 0);
}

static void put(const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", tmp, name);
	FILE *f = fopen(path, "w");
	cr_assert(f, "%s", path);
	fputs(text, f);
	fclose(f);
}

static bool has_error(const struct diags *ds, const char *file_end, int line, const char *text)
{
	for (int i = 0; i < ds->n; i++) {
		const struct diag *d = &ds->d[i];
		size_t fl = strlen(d->file), el = strlen(file_end);
		if (d->level == DIAG_ERROR && d->line == line && fl >= el &&
		    !strcmp(d->file + fl - el, file_end) && strstr(d->msg, text))
			return true;
	}
	return false;
}

static void dump(const struct diags *ds)
{
	diag_print(ds, stderr);
}

Test(base, file_read_refuses_what_is_not_a_regular_file_at_once, .init = tmp_make, .fini = tmp_clean)
{
	char path[256], *text;
	size_t len;
	snprintf(path, sizeof path, "%s/fifo", tmp);
	cr_assert_eq(mkfifo(path, 0600), 0);
	/* a FIFO with no writer: a blocking open would wait for ever */
	cr_expect_eq(file_read(path, 1000, &text, &len), EINVAL);
	cr_expect_eq(file_read(tmp, 1000, &text, &len), EISDIR);
	cr_expect_eq(file_read("/dev/zero", 1000, &text, &len), EINVAL);
	snprintf(path, sizeof path, "%s/none", tmp);
	cr_expect_eq(file_read(path, 1000, &text, &len), ENOENT);
	put("big", "0123456789");
	snprintf(path, sizeof path, "%s/big", tmp);
	cr_expect_eq(file_read(path, 9, &text, &len), EFBIG);
	cr_assert_eq(file_read(path, 10, &text, &len), 0);
	cr_expect_eq(len, 10);
	cr_expect_str_eq(text, "0123456789");
	free(text);
	cr_expect_str_eq(file_error(EISDIR), "it is a folder");
	cr_expect_eq(file_nul_line("a\nb\n\0c", 6), 3);
	cr_expect_eq(file_nul_line("abc", 3), 0);
}

Test(base, paths_and_numbers)
{
	char buf[64];
	path_dir("a/b/c.cfg", buf, sizeof buf);
	cr_expect_str_eq(buf, "a/b");
	path_dir("c.cfg", buf, sizeof buf);
	cr_expect_str_eq(buf, ".");
	path_dir("/c.cfg", buf, sizeof buf);
	cr_expect_str_eq(buf, "/");
	cr_expect(path_join(buf, sizeof buf, "a", "b"));
	cr_expect_str_eq(buf, "a/b");
	cr_expect(path_join(buf, sizeof buf, "a", "/abs"));
	cr_expect_str_eq(buf, "/abs");
	cr_expect(!path_join(buf, 4, "abc", "def"));
	cr_expect_str_eq(buf, "");
	char *j = path_join_new(".", "x.cfg");
	cr_expect_str_eq(j, "x.cfg");
	free(j);
	uint64_t v = 7;
	cr_expect_eq(parse_u64("18446744073709551615", &v), 0);
	cr_expect_eq(v, UINT64_MAX);
	cr_expect_eq(parse_u64("18446744073709551616", &v), -1);
	cr_expect_eq(parse_u64("-1", &v), -1);
	cr_expect_eq(parse_u64(" 1", &v), -1);
	cr_expect_eq(parse_u64("1x", &v), -1);
	cr_expect_eq(parse_u64("", &v), -1);
	cr_expect_eq(v, UINT64_MAX, "a refused number leaves the value alone");
}

Test(base, the_user_folder_follows_xdg_and_home)
{
	char out[FOLDER_PATH_MAX];
	setenv("XDG_DATA_HOME", "/x/data", 1);
	cr_assert_eq(folder_user("saves", out, sizeof out), 0);
	cr_expect_str_eq(out, "/x/data/brink/saves");
	setenv("XDG_DATA_HOME", "relative", 1); /* the XDG spec: ignored */
	setenv("HOME", "/home/u", 1);
	cr_assert_eq(folder_user("saves", out, sizeof out), 0);
	cr_expect_str_eq(out, "/home/u/.local/share/brink/saves");
	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	cr_expect_eq(folder_user("saves", out, sizeof out), -1);
	char dirs[FOLDER_SEARCH_MAX][FOLDER_PATH_MAX];
	int n = folder_search("scenarios", dirs);
	cr_expect_eq(n, 2, "./scenarios and the installed folder when there is no user folder");
	cr_expect_str_eq(dirs[0], "scenarios");
}

/* Lines of the combined text map back to each file and line. */
Test(base, the_line_map_points_into_included_files, .init = tmp_make, .fini = tmp_clean)
{
	mkdir(strcat(strcpy((char[256]){ 0 }, tmp), "/sub"), 0755);
	put("top.cfg", "a = 1;\n  @include \"sub/mid.cfg\"  # after\nb = 2;\n");
	put("sub/mid.cfg", "c = 3;\n@include \"leaf.cfg\"\nd = 4;");
	put("sub/leaf.cfg", "e = 5;\n");
	char path[256];
	snprintf(path, sizeof path, "%s/top.cfg", tmp);
	struct cfgtext ct;
	struct diags *ds = diags_new();
	cr_assert_eq(cfgtext_read(&ct, path, 100000, CFGTEXT_INCLUDES, ds), 0, "%d errors", ds->errors);
	cr_expect_null(strstr(ct.text, "@include"), "libconfig never sees an @include:\n%s", ct.text);
	/* where each setting's line comes from */
	static const struct { const char *key, *file; int line; } want[] = {
		{ "a = 1", "/top.cfg", 1 }, { "c = 3", "/sub/mid.cfg", 1 }, { "e = 5", "/sub/leaf.cfg", 1 },
		{ "d = 4", "/sub/mid.cfg", 3 }, { "# after", "/top.cfg", 2 }, { "b = 2", "/top.cfg", 3 },
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const char *at = strstr(ct.text, want[i].key);
		cr_assert(at, "%s is in the text", want[i].key);
		int line = 1;
		for (const char *p = ct.text; p < at; p++)
			line += *p == '\n';
		int fl;
		const char *f = cfgtext_where(&ct, line, &fl);
		cr_expect(f && strlen(f) > strlen(want[i].file) &&
		          !strcmp(f + strlen(f) - strlen(want[i].file), want[i].file),
		          "%s comes from %s, not %s", want[i].key, want[i].file, f ? f : "?");
		cr_expect_eq(fl, want[i].line, "%s is at line %d, not %d", want[i].key, want[i].line, fl);
	}
	cfgtext_free(&ct);
	diags_free(ds);
}

Test(base, includes_nest_at_most_ten_deep, .init = tmp_make, .fini = tmp_clean)
{
	for (int i = 0; i < 12; i++) {
		char name[32], text[64];
		snprintf(name, sizeof name, "d%d.cfg", i);
		snprintf(text, sizeof text, "k%d = %d;\n@include \"d%d.cfg\"\n", i, i, i + 1);
		put(name, text);
	}
	put("d12.cfg", "end = 1;\n");
	char path[256];
	snprintf(path, sizeof path, "%s/d0.cfg", tmp);
	struct cfgtext ct;
	struct diags *ds = diags_new();
	cr_expect_eq(cfgtext_read(&ct, path, 100000, CFGTEXT_INCLUDES, ds), -1);
	cr_expect(has_error(ds, "/d10.cfg", 2, "includes nest deeper than 10 files"), "depth");
	dump(ds);
	cfgtext_free(&ct);
	diags_free(ds);
}

Test(base, the_size_cap_holds_for_a_file_with_its_includes, .init = tmp_make, .fini = tmp_clean)
{
	char big[700];
	memset(big, '#', sizeof big - 2);
	big[sizeof big - 2] = '\n';
	big[sizeof big - 1] = '\0';
	put("part.cfg", big);
	put("top.cfg", "@include \"part.cfg\"\n@include \"part.cfg\"\n");
	char path[256];
	snprintf(path, sizeof path, "%s/top.cfg", tmp);
	struct cfgtext ct;
	struct diags *ds = diags_new();
	cr_expect_eq(cfgtext_read(&ct, path, 1000, CFGTEXT_INCLUDES, ds), -1,
	             "each file fits, the two together do not");
	cr_expect(has_error(ds, "/top.cfg", 2, "larger than 1000 bytes"));
	cfgtext_free(&ct);
	diags_free(ds);
}

Test(base, include_text_inside_strings_and_comments_is_not_an_include, .init = tmp_make,
     .fini = tmp_clean)
{
	struct cfgtext ct;
	struct diags *ds = diags_new();
	const char *text = "\xef\xbb\xbf# @include \"x\"\na = \"@include \\\"y\\\"\"; /* @include \"z\" */\n";
	cr_assert_eq(cfgtext_string(&ct, text, "s.cfg", tmp, 1000, CFGTEXT_INCLUDES, ds), 0);
	cr_expect_eq(ds->n, 0);
	cr_expect_eq(ct.text[0], '#', "the byte order mark is dropped");
	cfgtext_free(&ct);
	/* a multi-line string whose line starts with @include: refused, libconfig
	 * must never see that line whatever its lexer thinks */
	diags_clear(ds);
	cr_expect_eq(cfgtext_string(&ct, "a = \"x\n@include \\\"/dev/zero\\\"\";\n", "m.cfg", tmp, 1000,
	                            CFGTEXT_INCLUDES, ds), 0, "inside a string it is text");
	cfgtext_free(&ct);
	diags_clear(ds);
	cr_expect_eq(cfgtext_string(&ct, "a = \"x\n@include \"/dev/zero\"\n", "u.cfg", tmp, 1000,
	                            CFGTEXT_INCLUDES, ds), -1);
	cr_expect(has_error(ds, "u.cfg", 2, "starts with @include"), "the guard");
	dump(ds);
	cfgtext_free(&ct);
	diags_free(ds);
}

Test(base, wrapped_integers_are_reported_and_noted)
{
	struct cfgtext ct;
	struct diags *ds = diags_new();
	cr_expect_eq(cfgtext_string(&ct, "a = 1;\nb = 3000000000;\nc = 3000000000L;\nd = 0x80000000;\n",
	                            "w.cfg", NULL, 1000, 0, ds), -1);
	cr_expect(has_error(ds, "w.cfg", 2, "does not fit in 32 bits"));
	cr_expect(has_error(ds, "w.cfg", 4, "does not fit in 32 bits"));
	cr_expect_eq(ds->errors, 2, "the L suffix reads right");
	cr_expect(cfgtext_wrapped(&ct, 2) && cfgtext_wrapped(&ct, 4) && !cfgtext_wrapped(&ct, 3));
	cfgtext_free(&ct);
	diags_free(ds);
}

static int count_entry(void *ctx, const char *name)
{
	int *n = ctx;
	cr_assert(strcmp(name, ".") && strcmp(name, ".."), "file_each gave %s", name);
	(*n)++;
	return *n == 2; /* stop after two */
}

Test(base, file_each_lists_a_folder_and_stops_when_asked, .init = tmp_make, .fini = tmp_clean)
{
	int n = 0;
	cr_assert_eq(file_each(tmp, count_entry, &n), 0);
	cr_assert_eq(n, 0, "an empty folder has no entries");
	put("a", "1");
	put("b", "2");
	put("c", "3");
	cr_assert_eq(file_each(tmp, count_entry, &n), 0);
	cr_assert_eq(n, 2, "file_each stops when FN returns nonzero");
	char missing[128];
	snprintf(missing, sizeof missing, "%s/none", tmp);
	cr_assert_eq(file_each(missing, count_entry, &n), -1);
}

Test(base, file_replace_is_atomic_and_excl_keeps_the_old_file, .init = tmp_make, .fini = tmp_clean)
{
	char path[128], *text;
	size_t len;
	struct file_fault why;
	snprintf(path, sizeof path, "%s/state", tmp);
	cr_assert_eq(file_replace(path, "one\n", 4, 0600, 0, FILE_STEP_NONE, &why), 0);
	struct stat st;
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600);
	cr_assert_eq(file_replace(path, "two\n", 4, 0644, FILE_EXCL, FILE_STEP_NONE, &why), FILE_EXISTS);
	cr_assert_eq(file_replace(path, "three\n", 6, 0644, 0, FILE_STEP_RENAME, &why), -1);
	cr_assert_eq(why.step, FILE_STEP_RENAME);
	cr_assert_str_eq(file_step_name(why.step), "rename");
	cr_assert_eq(file_read(path, 100, &text, &len), 0);
	cr_assert_str_eq(text, "one\n", "a failed or refused replace leaves the old file whole");
	free(text);
	int n = 0;
	cr_assert_eq(file_each(tmp, count_entry, &n), 0);
	cr_assert_eq(n, 1, "no temporary file is left behind");
	cr_assert_eq(file_replace(path, "four\n", 5, 0644, 0, FILE_STEP_NONE, &why), 0);
	cr_assert_eq(file_read(path, 100, &text, &len), 0);
	cr_assert_str_eq(text, "four\n");
	free(text);
}

/* The one rule behind every "did you mean" (command line, plain mode, scenarios). */
Test(base, near_misses_follow_one_rule)
{
	const char *const cmds[] = { "play", "replay", "report", "tournament", "b", "c", NULL };
	cr_assert_str_eq(text_nearest("pley", cmds), "play");
	cr_assert_str_eq(text_nearest("tourn", cmds), "tournament", "a prefix of 3 or more counts");
	cr_assert_null(text_nearest("x", cmds), "a one-letter word is near nothing");
	cr_assert_str_eq(text_nearest("bb", cmds), "b");
	cr_assert_null(text_nearest("zzzz", cmds));
	cr_assert_str_eq(text_nearest("repxrt", cmds), "report");
	cr_assert_str_eq(text_nearest("bc", cmds), "b", "the first of the nearest on a tie");
	struct text_near n;
	text_near_start(&n, "natoo");
	const char *words = "none|nato|csto";
	for (const char *w = words; *w;) {
		size_t len = strcspn(w, "|");
		text_near_try(&n, w, len);
		w += len + (w[len] == '|');
	}
	cr_assert_eq(n.best, words + 5);
	cr_assert_eq(n.best_len, 4, "a candidate inside a list keeps its own length");
	text_near_start(&n, "mil_divisr_long"); /* 15 characters: 3 edits allowed */
	text_near_try_str(&n, "mil_divisor_lng");
	cr_assert_not_null(n.best);
	cr_assert_eq(text_distance("kitten", "sitting"), 3);
}
