// libxml2's HTML push parser, for the HTML reader in Readers (Debian: libxml2-dev).
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with the copy inside Foundation
// (_FoundationICU). pda never reaches the ICU-specific fields (they sit in the converter
// struct, only ever handled by pointer), so the ICU headers are left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
