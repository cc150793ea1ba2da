// libFuzzer's driver, for the harnesses in Reliability/fuzz: they keep their own main (SwiftPM links an
// executable's entry point under its own name) and hand libFuzzer the arguments and the test function. The
// symbol comes from the toolchain's libFuzzer, linked by -sanitize=fuzzer; an ordinary build never calls it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
