/* Runs a fuzz target over files, without libFuzzer: how the inputs that
 * once crashed or hung (tests/fuzz/regressions/) stay tested in every
 * build, sanitized or not. usage: replay-TARGET FILE... */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	LLVMFuzzerInitialize(&argc, &argv);
	int n = 0;
	for (int i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		if (!fp) {
			perror(argv[i]);
			return 2;
		}
		static uint8_t data[1 << 20];
		size_t size = fread(data, 1, sizeof(data), fp);
		fclose(fp);
		LLVMFuzzerTestOneInput(data, size);
		n++;
	}
	printf("fuzz replay: %d passed, 0 failed\n", n);
	return 0;
}
