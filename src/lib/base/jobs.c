#include "jobs.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

/* More than any machine the suite runs on would use. */
#define JOBS_MAX 1024

int jobs_count(void)
{
	const char *s = getenv("PLEDGE_JOBS");
	if (s && *s) {
		char *end;
		errno = 0;
		long n = strtol(s, &end, 10);
		if (!*end && !errno && n >= 1)
			return n > JOBS_MAX ? JOBS_MAX : (int)n;
	}
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	if (cpus < 1)
		return 1;
	return cpus > JOBS_MAX ? JOBS_MAX : (int)cpus;
}
