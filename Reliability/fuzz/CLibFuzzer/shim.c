// A C target needs a source file; the module is its header alone (CLibFuzzer.h).
#include "CLibFuzzer.h"
