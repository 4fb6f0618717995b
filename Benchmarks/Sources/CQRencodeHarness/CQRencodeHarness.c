#include "CQRencodeHarness.h"

#include <qrencode.h>
#include <stddef.h>

static QRecLevel level_of(int level) {
    switch (level) {
    case 0: return QR_ECLEVEL_L;
    case 1: return QR_ECLEVEL_M;
    case 2: return QR_ECLEVEL_Q;
    default: return QR_ECLEVEL_H;
    }
}

int cqr_encode(const char *text, int level, unsigned char *modules) {
    QRcode *code = QRcode_encodeString(text, 0, level_of(level), QR_MODE_8, 1);
    if (code == NULL) return -1;
    int version = code->version;
    if (modules != NULL) {
        int count = code->width * code->width;
        for (int i = 0; i < count; i++) modules[i] = code->data[i] & 1;
    }
    QRcode_free(code);
    return version;
}

long cqr_encode_repeatedly(const char *text, int level, long count) {
    long total = 0;
    for (long i = 0; i < count; i++) {
        int version = cqr_encode(text, level, NULL);
        if (version < 0) return -1;
        total += version;
    }
    return total;
}
