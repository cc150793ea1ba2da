#ifndef HOCTAP_QRENCODE_SHIM_H
#define HOCTAP_QRENCODE_SHIM_H
#include <qrencode.h>
#endif
