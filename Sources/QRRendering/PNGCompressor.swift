import CompressNIO
import NIOCore

/// zlib (RFC 1950) compression of PNG image data through compress-nio, tuned for QR rasters.
///
/// The scanlines repeat each module row `moduleSize` times, and the repeats are written with PNG's Up
/// filter, so they are runs of zero bytes. zlib's run-length strategy (matches at distance 1 only) turns
/// those into a few bytes each, about as small as a full match search and more than ten times faster:
/// with the best-compression setting used for certificate payloads (`Deflater`), zlib's match search
/// on these highly repetitive rows took about 2 ms per image, too slow for rendering in bulk. Memory level 7
/// (compress-nio's `memory64K`) measured fastest: smaller levels flush more blocks, larger ones allocate
/// and clear more per stream.
enum PNGCompressor {
    static let configuration = ZlibConfiguration(
        windowSize: .window128k, compressionLevel: .bestCompression, memoryLevel: .memory64K, strategy: .rle)

    /// The zlib stream of the readable bytes of `input`.
    static func compress(_ input: ByteBuffer) throws(QRRenderingError) -> [UInt8] {
        var input = input
        let count = input.readableBytes
        do {
            var output = try input.compress(with: .zlib, configuration: configuration)
            return output.readBytes(length: output.readableBytes) ?? []
        } catch {
            throw QRRenderingError(.compressionFailed, "expected zlib to compress \(count) bytes, found \(error)")
        }
    }
}
