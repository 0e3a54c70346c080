#ifndef PDA_FUZZ_DRIVER_H
#define PDA_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, LLVM 11 and later), linked in by -sanitize=fuzzer.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// Hands the command line over to libFuzzer. SwiftPM links an executable's entry point as
/// `<Module>_main` (`--defsym main=…`), so each harness's entry point calls this instead of
/// relying on libFuzzer's own `main`.
int pda_fuzz_main(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size));

#endif
