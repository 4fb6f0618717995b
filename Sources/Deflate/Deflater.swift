import CompressNIO
import NIOCore

/// Compresses bytes as zlib (RFC 1950) or raw DEFLATE (RFC 1951), at the best compression level
/// (certificates go into QR codes, where every byte counts).
public enum Deflater {
    /// Compresses `bytes` in one call.
    public static func deflate<Bytes: Collection>(
        _ bytes: Bytes, format: Inflater.Format
    ) throws -> [UInt8] where Bytes.Element == UInt8 {
        var input = ByteBufferAllocator().buffer(capacity: bytes.count)
        input.writeBytes(bytes)
        let configuration = ZlibConfiguration(
            windowSize: .window128k, compressionLevel: .bestCompression, memoryLevel: .memory256K)
        do {
            var output = try input.compress(with: format == .zlib ? .zlib : .deflate, configuration: configuration)
            return output.readBytes(length: output.readableBytes) ?? []
        } catch {
            throw DeflateError(.internal, "expected zlib to compress \(bytes.count) bytes, found \(error)")
        }
    }
}
