/* paths: where the programs find their files.
 *
 * The templates folder a program reads, and file names joined to a
 * folder. Needs nothing of the library but memory. */
#ifndef PLEDGE_PATHS_H
#define PLEDGE_PATHS_H

/* The folder of templates: opt when given, else $PLEDGE_TEMPLATES, else
 * ./templates when it exists, else the installed share folder. */
const char *templates_dir(const char *opt);

/* dir/name in new memory. */
char *path_join(const char *dir, const char *name);

#endif
