import CompressNIO
import NIOCore

/// Inflates zlib (RFC 1950) or raw DEFLATE (RFC 1951) streams with a hard cap on the output size.
///
/// The cap matters: a QR code holds about 3 KB, which DEFLATE can expand more than a thousand times.
/// An inflater keeps its zlib state between calls (`inflateReset`), so reuse one per task on hot paths.
/// It is not thread-safe: use one per task or thread.
public final class Inflater {
    /// The stream format.
    public enum Format: Sendable {
        /// RFC 1950: a 2-byte header, DEFLATE blocks and an Adler-32 checksum (EU DCC).
        case zlib
        /// RFC 1951 raw DEFLATE, no header (SMART Health Cards, `zip: DEF`).
        case raw
    }

    /// Default cap on the inflated size: 64 KiB, far above any certificate payload.
    public static let defaultMaxOutputSize = 64 * 1024

    /// The output buffer's first size: above every certificate payload seen in the test data.
    static let initialOutputSize = 8 * 1024

    private let format: Format
    private let decompressor: ZlibDecompressor
    // An inflater serves one caller at a time (see above; `InflaterPool` lends each under its lock), so the
    // run-time exclusivity checks of these buffers, about a dozen per inflation, are left out.
    @exclusivity(unchecked) private var used = false
    @exclusivity(unchecked) private var probe = ByteBufferAllocator().buffer(capacity: 1)
    // Reused between calls: a session verifying many payloads allocates them once.
    @exclusivity(unchecked) private var input = ByteBufferAllocator().buffer(capacity: 0)
    @exclusivity(unchecked) private var output = ByteBufferAllocator().buffer(capacity: 0)

    /// Creates an inflater for one format.
    public init(format: Format) throws {
        self.format = format
        do {
            decompressor = try ZlibDecompressor(algorithm: format == .zlib ? .zlib : .deflate)
        } catch {
            throw DeflateError(.internal, "expected zlib to initialise, found \(error)")
        }
    }

    /// Inflates one complete stream.
    ///
    /// - Parameters:
    ///   - compressed: exactly one compressed stream; bytes after its end are an error.
    ///   - maxOutputSize: the largest accepted inflated size.
    /// - Throws: ``DeflateError`` when the stream is corrupt, truncated, followed by data, or inflates past the cap.
    public func inflate<Bytes: Collection>(
        _ compressed: Bytes, maxOutputSize: Int = Inflater.defaultMaxOutputSize
    ) throws -> [UInt8] where Bytes.Element == UInt8 {
        // The output buffer starts at a size that fits usual certificate payloads and grows (the stream inflated
        // again from the start) only for a stream that expands more, up to the cap.
        let cap = maxOutputSize + 1
        var capacity = min(cap, max(Self.initialOutputSize, compressed.count * 8))
        while true {
            if used {
                try decompressor.reset()
            }
            used = true
            input.clear()
            input.writeBytes(compressed)
            output.clear()
            if output.capacity < capacity || output.capacity > 4 * cap {
                output = ByteBufferAllocator().buffer(capacity: capacity)
            }
            do {
                try decompressor.inflate(from: &input, to: &output)
                break
            } catch let error as CompressNIOError where error == .bufferOverflow && output.capacity < cap {
                capacity = min(cap, output.capacity * 4)
            } catch let error as CompressNIOError {
                throw mapped(error, outputSize: output.readableBytes, maxOutputSize: maxOutputSize)
            }
        }
        if output.readableBytes > maxOutputSize {
            throw DeflateError(.tooLarge, "expected at most \(maxOutputSize) inflated bytes, found more")
        }
        // zlib reports a stream that ran out of input mid-way like a finished call. A second call with no
        // input tells them apart: a finished stream reports its end again, an unfinished one asks for input.
        do {
            probe.clear()
            try decompressor.inflate(from: &probe, to: &output)
        } catch let error as CompressNIOError where error == .inputBufferOverflow {
            throw DeflateError(.truncated, "expected the end of the compressed stream, found the end of the input")
        } catch let error as CompressNIOError {
            throw mapped(error, outputSize: output.readableBytes, maxOutputSize: maxOutputSize)
        }
        guard output.readableBytes <= maxOutputSize else {
            throw DeflateError(.tooLarge, "expected at most \(maxOutputSize) inflated bytes, found more")
        }
        guard input.readableBytes == 0 else {
            throw DeflateError(
                .trailingData, "expected the input to end with the compressed stream, found \(input.readableBytes) more bytes")
        }
        return output.readBytes(length: output.readableBytes) ?? []
    }

    private func mapped(_ error: CompressNIOError, outputSize: Int, maxOutputSize: Int) -> DeflateError {
        switch error {
        case .bufferOverflow:
            return DeflateError(.tooLarge, "expected at most \(maxOutputSize) inflated bytes, found more")
        case .corruptData:
            let name = format == .zlib ? "zlib" : "raw DEFLATE"
            return DeflateError(.corrupt, "expected a valid \(name) stream, found corrupt data after \(outputSize) output bytes")
        case .inputBufferOverflow:
            return DeflateError(.truncated, "expected the end of the compressed stream, found the end of the input")
        default:
            return DeflateError(.internal, "zlib failed: \(error)")
        }
    }
}
