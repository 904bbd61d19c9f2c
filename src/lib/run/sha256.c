/* sha256: SHA-256 digests as lower-case hex, through nettle. */
#include "run/sha256.h"

#include <errno.h>
#include <nettle/sha2.h>
#include <unistd.h>

static void to_hex(struct sha256_ctx *ctx, char hex[SHA256_HEX])
{
	static const char digits[] = "0123456789abcdef";
	uint8_t d[SHA256_DIGEST_SIZE];
	sha256_digest(ctx, sizeof d, d);
	for (size_t i = 0; i < sizeof d; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[2 * SHA256_DIGEST_SIZE] = '\0';
}

int sha256_fd(int fd, char hex[SHA256_HEX])
{
	struct sha256_ctx ctx;
	sha256_init(&ctx);
	uint8_t chunk[65536];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		sha256_update(&ctx, (size_t)n, chunk);
	}
	to_hex(&ctx, hex);
	return 0;
}

void sha256_data(const void *data, size_t len, char hex[SHA256_HEX])
{
	struct sha256_ctx ctx;
	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	to_hex(&ctx, hex);
}
