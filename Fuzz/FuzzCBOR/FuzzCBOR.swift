// libFuzzer entry point for the CBOR codec.
//
// Build and run (see Fuzz/README.md):
//   swift build --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product FuzzCBOR
//   .build/debug/FuzzCBOR corpus/ -max_total_time=60
// `--sanitize=fuzzer --sanitize=address` alone is not enough with Swift 6.3: SwiftPM passes the two as separate
// `-sanitize=` flags in no fixed order and the compiler keeps only the last, so a build gets either coverage or
// AddressSanitizer. The combined `-Xswiftc -sanitize=fuzzer,address` (passed after SwiftPM's flags) gives both;
// check that the fuzzer prints "Loaded 1 modules (N inline 8-bit counters)".
//
// Properties checked on every input:
//   1. decoding returns or throws a CBORError, never crashes;
//   2. a decoded item covers the whole input, re-encodes deterministically, the encoding decodes again, and
//      re-encoding that gives the same bytes (the deterministic encoding is a fixed point);
//   3. CBORReader walks any input (heads, and the content of definite text strings) without crashing, and where
//      the whole input is one text string it reads the same text as the decoder.
import CBOR

/// Property 3: walks heads and text contents until an error, a byte string or the end; returns the text when the
/// input is a single definite-length text string.
func walkWithReader(_ bytes: [UInt8]) -> String? {
    CBORReader.read(bytes[...]) { reader in
        var soleText: String?
        for index in 0..<1_000 {
            guard !reader.isAtEnd, let head = try? reader.readHead() else { break }
            guard head.majorType == 3, !head.isIndefinite else {
                if head.majorType == 2 { break }
                continue
            }
            guard let text = try? reader.readText(length: head.argument) else { break }
            if index == 0 && reader.isAtEnd { soleText = text }
        }
        return soleText
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let readerText = walkWithReader(bytes)
    let node: CBORNode
    do {
        node = try CBOR.decode(bytes)
    } catch is CBORError {
        return 0
    } catch {
        fatalError("decode threw a non-CBORError: \(type(of: error))")
    }
    guard node.encodedBytes.count == size else { fatalError("the root node does not cover the whole input") }
    if let readerText, node.textValue != readerText { fatalError("CBORReader and the decoder read different text") }

    let encoded: [UInt8]
    do {
        encoded = try CBOR.encode(node.value)
    } catch {
        // Decoding rejected duplicate keys, so every decoded value must be encodable.
        fatalError("a decoded value failed to encode: \(error)")
    }
    do {
        let again = try CBOR.decode(encoded)
        let reencoded = try CBOR.encode(again.value)
        guard reencoded == encoded else { fatalError("the deterministic encoding is not a fixed point") }
    } catch {
        fatalError("a deterministic encoding failed to decode: \(error)")
    }
    return 0
}
