/* sector: the sector report (SPEC §8): cover, at a glance, a section
 * per pledge area, data quality and method. */
#ifndef PLEDGE_SECTOR_H
#define PLEDGE_SECTOR_H

#include "doc.h"

/* Writes the sector report for in->chart.period to path (mode 0644: it
 * holds only published figures). issues is pledge-ingest's issues CSV
 * for the data-quality section, or NULL. Returns 0, or -1 with why. */
int sector_write(const struct report_input *in, const char *issues,
		 const char *path, char *why, size_t size);

#endif
