import Deflate
import TestSupport
import Testing

@Suite("zlib and raw DEFLATE with an inflation cap")
struct DeflateTests {
    static let text = Array(String(repeating: "OpenDVC vaccination certificate payload. ", count: 40).utf8)

    @Test(arguments: [Inflater.Format.zlib, .raw])
    func roundTrips(format: Inflater.Format) throws {
        var generator = SeededGenerator(seed: 7)
        let inflater = try Inflater(format: format)
        for length in [0, 1, 2, 100, 1000, 5000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let compressed = try Deflater.deflate(bytes, format: format)
            #expect(try inflater.inflate(compressed) == bytes)
        }
        #expect(try inflater.inflate(try Deflater.deflate(Self.text, format: format)) == Self.text)
    }

    @Test func zlibStreamHasHeaderAndInflatesKnownVector() throws {
        // zlib of "hello" at level 9 as produced by Python's zlib.compress(b"hello", 9).
        let vector = Hex.decode("78da cb48cdc9c90700062c0215")!
        #expect(try Inflater(format: .zlib).inflate(vector) == Array("hello".utf8))
        let produced = try Deflater.deflate(Array("hello".utf8), format: .zlib)
        #expect(produced.prefix(2) == [0x78, 0xDA])
    }

    @Test(arguments: [Inflater.Format.zlib, .raw])
    func everyStrictPrefixIsRejected(format: Inflater.Format) throws {
        let compressed = try Deflater.deflate(Self.text, format: format)
        let inflater = try Inflater(format: format)
        for end in 0..<compressed.count {
            #expect(throws: DeflateError.self) { _ = try inflater.inflate(compressed.prefix(end)) }
        }
        // The inflater stays usable after errors.
        #expect(try inflater.inflate(compressed) == Self.text)
    }

    @Test func capStopsZipBombs() throws {
        let bomb = try Deflater.deflate([UInt8](repeating: 0, count: 1_000_000), format: .zlib)
        #expect(bomb.count < 2_000)
        let inflater = try Inflater(format: .zlib)
        #expect {
            _ = try inflater.inflate(bomb, maxOutputSize: 65_536)
        } throws: { ($0 as? DeflateError)?.code == "DEFLATE_TOO_LARGE" }
        // Exactly at the cap is accepted.
        let exact = try Deflater.deflate([UInt8](repeating: 1, count: 4096), format: .zlib)
        #expect(try inflater.inflate(exact, maxOutputSize: 4096).count == 4096)
        #expect(throws: DeflateError.self) { _ = try inflater.inflate(exact, maxOutputSize: 4095) }
    }

    /// Streams that expand far more than usual payloads: the output grows past its first size up to the cap,
    /// and the inflater still serves small streams afterwards.
    @Test(arguments: [Inflater.Format.zlib, .raw])
    func highlyCompressedStreamsInflateUpToTheCap(format: Inflater.Format) throws {
        let inflater = try Inflater(format: format)
        for length in [9_000, 40_000, 65_536] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 / 1000) }
            let compressed = try Deflater.deflate(bytes, format: format)
            #expect(compressed.count * 8 < length)
            #expect(try inflater.inflate(compressed, maxOutputSize: 65_536) == bytes)
            #expect(try inflater.inflate(Deflater.deflate(Self.text, format: format)) == Self.text)
        }
        let over = try Deflater.deflate([UInt8](repeating: 2, count: 65_537), format: format)
        #expect {
            _ = try inflater.inflate(over, maxOutputSize: 65_536)
        } throws: { ($0 as? DeflateError)?.code == "DEFLATE_TOO_LARGE" }
    }

    @Test func rejectsCorruptAndTrailingData() throws {
        let inflater = try Inflater(format: .zlib)
        // Not a zlib header: a raw COSE_Sign1 tag (the EU DCC vector Z2).
        #expect {
            _ = try inflater.inflate([0xD2, 0x84, 0x43, 0xA1, 0x01, 0x26])
        } throws: { ($0 as? DeflateError)?.code == "DEFLATE_CORRUPT" }
        var compressed = try Deflater.deflate(Self.text, format: .zlib)
        compressed.append(0x00)
        #expect {
            _ = try inflater.inflate(compressed)
        } throws: { ($0 as? DeflateError)?.code == "DEFLATE_TRAILING_DATA" }
        var flipped = try Deflater.deflate(Self.text, format: .zlib)
        flipped[flipped.count - 1] ^= 0xFF  // Adler-32 checksum
        #expect {
            _ = try inflater.inflate(flipped)
        } throws: { ($0 as? DeflateError)?.code == "DEFLATE_CORRUPT" }
    }

    @Test func randomBytesNeverCrash() throws {
        var generator = SeededGenerator(seed: 1950)
        let inflaters = [try Inflater(format: .zlib), try Inflater(format: .raw)]
        for _ in 0..<2000 {
            let length = Int.random(in: 0...64, using: &generator)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if length > 2, Bool.random(using: &generator) { bytes[0] = 0x78; bytes[1] = 0xDA }
            for inflater in inflaters { _ = try? inflater.inflate(bytes, maxOutputSize: 4096) }
        }
    }
}

@Suite("A pool of inflaters shared by concurrent tasks")
struct InflaterPoolTests {
    @Test func concurrentTasksGetTheirOwnResults() async throws {
        let pool = InflaterPool(format: .raw)
        let inputs = try (0..<64).map { index in
            let bytes = Array("payload \(index) ".utf8) + [UInt8](repeating: UInt8(index), count: index * 37)
            return (bytes, try Deflater.deflate(bytes, format: .raw))
        }
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for (bytes, compressed) in inputs {
                group.addTask {
                    try (0..<20).allSatisfy { _ in try pool.withInflater { try $0.inflate(compressed) } == bytes }
                }
            }
            for try await agreed in group { #expect(agreed) }
        }
    }

    @Test func anInflaterThatFailedServesTheNextCaller() throws {
        let pool = InflaterPool(format: .zlib)
        let good = try Deflater.deflate(DeflateTests.text, format: .zlib)
        #expect(throws: DeflateError.self) { try pool.withInflater { try $0.inflate(good.prefix(10)) } }
        #expect(try pool.withInflater { try $0.inflate(good) } == DeflateTests.text)
    }
}
