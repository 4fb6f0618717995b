// A tiny C harness around libqrencode (Debian libqrencode-dev), used only by QRBenchmark to time the
// reference encoder on the same payloads as OpenDVC's QRCode module.
#ifndef CQRENCODE_HARNESS_H
#define CQRENCODE_HARNESS_H

/// Encodes a NUL-terminated string with libqrencode at level 0 = L, 1 = M, 2 = Q, 3 = H, letting it choose
/// the version, the segmentation (8-bit mode for non-alphanumeric text, case-sensitive) and the mask.
/// Returns the symbol's version, or -1 when encoding fails. With `modules` non-NULL, writes width*width
/// bytes, 1 for a dark module (row-major); `modules` must hold 177*177 bytes.
int cqr_encode(const char *text, int level, unsigned char *modules);

/// Encodes the string `count` times and returns the sum of the versions (so that nothing is optimised away),
/// or -1 when an encoding fails.
long cqr_encode_repeatedly(const char *text, int level, long count);

#endif
