/* jobs: how many threads of work the programs may use, decided in one
 * place.
 *
 * PLEDGE_JOBS in the environment, a whole number from 1, sets it; with
 * PLEDGE_JOBS=1 everything runs on the calling thread: a file is read
 * here rather than in parts or ahead (read/records), the tidy file is
 * written without the background writer (out/bgwrite), a quarter's
 * metrics are ranked without the second thread (stats/aggregate), and
 * pledge-report makes the cards without forking. Without it, or when
 * it is not a whole number from 1, the processors online are counted.
 * The output is the same bytes either way; only the time differs. */
#ifndef PLEDGE_JOBS_H
#define PLEDGE_JOBS_H

/* The number of threads of work allowed, at least 1 (PLEDGE_JOBS, else
 * the processors online). Read from the environment on each call. */
int jobs_count(void);

#endif
