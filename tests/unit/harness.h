/*
 * harness.h: a tiny test harness for the unit programs. Each CHECK prints
 * one TAP line ("ok N - what" or "not ok N - what" with the place), and
 * the program's exit status is non-zero if any check failed. tests/run
 * counts the lines.
 */
#ifndef GLOBE_HARNESS_H
#define GLOBE_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int harness_n, harness_failed;

#define CHECK(cond, ...) do {						\
	int check_c_ = !!(cond);					\
	harness_n++;							\
	if (check_c_) {							\
		printf("ok %d - ", harness_n);				\
	} else {							\
		harness_failed++;					\
		printf("not ok %d - ", harness_n);			\
	}								\
	printf(__VA_ARGS__);						\
	if (!check_c_)							\
		printf(" (%s:%d: %s)", __FILE__, __LINE__, #cond);	\
	printf("\n");							\
	fflush(stdout);							\
} while (0)

/* Compares two strings (NULL-safe) and shows both when they differ. */
#define CHECK_STR(got, want, ...) do {					\
	const char *check_g_ = (got), *check_w_ = (want);		\
	int check_ok_ = (check_g_ == NULL && check_w_ == NULL) ||	\
	    (check_g_ != NULL && check_w_ != NULL &&			\
	    strcmp(check_g_, check_w_) == 0);				\
	CHECK(check_ok_, __VA_ARGS__);					\
	if (!check_ok_)							\
		printf("#   got:  \"%s\"\n#   want: \"%s\"\n",		\
		    check_g_ ? check_g_ : "(null)",			\
		    check_w_ ? check_w_ : "(null)");			\
} while (0)

#define CHECK_INT(got, want, ...) do {					\
	long long check_g_ = (got), check_w_ = (want);			\
	CHECK(check_g_ == check_w_, __VA_ARGS__);			\
	if (check_g_ != check_w_)					\
		printf("#   got:  %lld\n#   want: %lld\n", check_g_, check_w_); \
} while (0)

#define HARNESS_END() do {						\
	printf("1..%d\n", harness_n);					\
	return harness_failed ? 1 : 0;					\
} while (0)

#endif
