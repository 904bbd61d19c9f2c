/* sha256: SHA-256 digests as lower-case hex, through nettle. */
#ifndef PLEDGE_SHA256_H
#define PLEDGE_SHA256_H

#include <stddef.h>

#define SHA256_HEX 65 /* 64 hex digits and the NUL */

/* The digest of everything read from fd until its end. Returns 0, or
 * -1 with errno set on a read error. */
int sha256_fd(int fd, char hex[SHA256_HEX]);

/* The digest of len bytes of data. */
void sha256_data(const void *data, size_t len, char hex[SHA256_HEX]);

#endif
