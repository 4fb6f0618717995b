import QRCode
import Testing

@Suite("QR code encoding: versions, levels, capacities and errors")
struct QRCodeEncodingTests {
    static let levels = QRCode.ErrorCorrection.allCases

    /// Version 40 capacities (ISO/IEC 18004 Table 7): numeric, alphanumeric, byte at L, M, Q, H.
    static let version40Capacities: [(QRCode.ErrorCorrection, Int, Int, Int)] = [
        (.low, 7089, 4296, 2953), (.medium, 5596, 3391, 2331), (.quartile, 3993, 2420, 1663), (.high, 3057, 1852, 1273),
    ]

    @Test func defaultsAreLevelMAutomaticVersionAndMask() throws {
        let code = try QRCode(encoding: "HELLO WORLD")
        #expect(code.errorCorrection == .medium)
        #expect(code.version == 1)
        #expect(code.size == 21)
        #expect((0...7).contains(code.mask))
        #expect(code.segments == [QRCode.Segment(mode: .alphanumeric, range: 0..<11)])
        #expect(QRCode.Options().boostErrorCorrection == false)
    }

    @Test func sizeIs17PlusFourTimesTheVersion() throws {
        for version in [1, 2, 6, 7, 13, 14, 27, 39, 40] {
            let code = try QRCode(encoding: "1", options: .init(errorCorrection: .high, forcedVersion: version))
            #expect(code.version == version)
            #expect(code.size == 17 + 4 * version)
            #expect(code.wordsPerRow == (code.size + 63) / 64)
            #expect(code.packedRows.count == code.size * code.wordsPerRow)
        }
    }

    @Test func theSubscriptIsLightOutsideTheSymbol() throws {
        let code = try QRCode(encoding: "outside")
        #expect(code[x: 0, y: 0])  // finder pattern corner
        #expect(!code[x: -1, y: 0])
        #expect(!code[x: 0, y: -1])
        #expect(!code[x: code.size, y: 0])
        #expect(!code[x: 0, y: code.size])
    }

    @Test func emptyInputEncodesAVersion1Symbol() throws {
        for level in Self.levels {
            let code = try QRCode(encoding: [], options: .init(errorCorrection: level))
            #expect(code.version == 1)
            #expect(code.segments.isEmpty)
        }
    }

    @Test(arguments: version40Capacities)
    func exactlyTheVersion40CapacityFitsAndOneMoreDoesNot(
        level: QRCode.ErrorCorrection, numeric: Int, alphanumeric: Int, byte: Int
    ) throws {
        let options = QRCode.Options(errorCorrection: level)
        let cases: [(UInt8, Int)] = [(0x37, numeric), (0x41, alphanumeric), (0x61, byte)]  // "7", "A", "a"
        for (character, capacity) in cases {
            let full = try QRCode(encoding: [UInt8](repeating: character, count: capacity), options: options)
            #expect(full.version == 40)
            #expect(full.segments.count == 1)
            #expect(throws: QRCodeError(.dataTooLong, "")) {
                try QRCode(encoding: [UInt8](repeating: character, count: capacity + 1), options: options)
            }
        }
    }

    @Test func theTooLongErrorNamesLevelSizeAndCapacityButNoData() throws {
        let secret = String(repeating: "secret", count: 500)
        do {
            _ = try QRCode(encoding: secret, options: .init(errorCorrection: .high))
            Issue.record("expected QR_DATA_TOO_LONG")
        } catch {
            #expect(error.code == "QR_DATA_TOO_LONG")
            #expect(error.message.contains("level H"))
            #expect(error.message.contains("3000 bytes"))
            #expect(error.message.contains("1273 bytes"))
            #expect(error.message.contains("3057 digits"))
            #expect(error.message.contains("1852 alphanumeric"))
            #expect(!error.message.contains("secret"))
        }
    }

    @Test func hugeInputIsRejectedWithoutWork() {
        let bytes = [UInt8](repeating: 0x31, count: 10_000_000)
        #expect(throws: QRCodeError(.dataTooLong, "")) { try QRCode(encoding: bytes) }
    }

    @Test func forcedVersionTooSmallIsAnInvalidOption() throws {
        let text = String(repeating: "a", count: 100)
        let natural = try QRCode(encoding: text)
        #expect(natural.version == 6)
        do {
            _ = try QRCode(encoding: text, options: .init(forcedVersion: 5))
            Issue.record("expected QR_INVALID_OPTION")
        } catch {
            #expect(error.code == "QR_INVALID_OPTION")
            #expect(error.message.contains("at least 6"))
            #expect(error.message.contains("forced version 5"))
        }
        let larger = try QRCode(encoding: text, options: .init(forcedVersion: 12))
        #expect(larger.version == 12)
    }

    @Test(arguments: [
        QRCode.Options(forcedVersion: 0), QRCode.Options(forcedVersion: 41), QRCode.Options(forcedMask: -1),
        QRCode.Options(forcedMask: 8), QRCode.Options(minimumVersion: 0), QRCode.Options(minimumVersion: 41),
    ])
    func outOfRangeOptionsAreInvalid(options: QRCode.Options) {
        #expect(throws: QRCodeError(.invalidOption, "")) { try QRCode(encoding: "1", options: options) }
    }

    @Test func minimumVersionIsRespectedAcrossWidthClasses() throws {
        for minimum in [1, 5, 9, 10, 26, 27, 40] {
            let code = try QRCode(encoding: "12345", options: .init(minimumVersion: minimum))
            #expect(code.version == minimum)
        }
    }

    @Test func forcedMaskIsUsed() throws {
        for mask in 0...7 {
            #expect(try QRCode(encoding: "mask", options: .init(forcedMask: mask)).mask == mask)
        }
    }

    @Test func boostRaisesTheLevelOnlyWhenAskedAndOnlyWithinTheVersion() throws {
        let plain = try QRCode(encoding: "1234", options: .init(errorCorrection: .low))
        #expect(plain.errorCorrection == .low)
        let boosted = try QRCode(encoding: "1234", options: .init(errorCorrection: .low, boostErrorCorrection: true))
        #expect(boosted.errorCorrection == .high)
        #expect(boosted.version == 1)
        // 17 bytes fill version 1 at L (19 data codewords) but not at M (16).
        let full = try QRCode(
            encoding: String(repeating: "a", count: 17), options: .init(errorCorrection: .low, boostErrorCorrection: true))
        #expect(full.version == 1)
        #expect(full.errorCorrection == .low)
    }

    @Test func higherLevelsNeverNeedSmallerVersions() throws {
        let text = String(repeating: "HC1:NCFOXN%TS3DH", count: 20)
        let versions = try Self.levels.map { try QRCode(encoding: text, options: .init(errorCorrection: $0)).version }
        #expect(versions == versions.sorted())
        #expect(versions.first! < versions.last!)
    }

    @Test func textAndItsUTF8BytesEncodeAlike() throws {
        let text = "Grüße, 日本, €5 — shc:/123"
        #expect(try QRCode(encoding: text) == QRCode(encoding: Array(text.utf8)))
    }

    @Test func encodingIsDeterministic() throws {
        let text = String(repeating: "shc:/5676290952432060346029243740446031222959532654603460292540772804336028702864716745222809286133314564376531415906402203064504590856435503414245413640370636654171372412363803043756220467374075323239254334433260573601064529315312707424283950386922127667", count: 2)
        #expect(try QRCode(encoding: text, options: .init(errorCorrection: .low)) == QRCode(encoding: text, options: .init(errorCorrection: .low)))
    }
}

@Suite("Capacity of every version and level")
struct QRCapacityTests {
    /// For each of the 160 version/level pairs, the largest byte-mode payload fits the forced version and one
    /// more byte does not (the data codeword counts of ISO/IEC 18004 Table 7).
    @Test(arguments: QRCode.ErrorCorrection.allCases)
    func largestBytePayloadFitsEachVersion(level: QRCode.ErrorCorrection) throws {
        let levelIndex = QRCode.ErrorCorrection.allCases.firstIndex(of: level)!
        for version in 1...40 {
            let countBits = version <= 9 ? 8 : 16
            let largest = (QRReferenceTables.dataCodewords[levelIndex][version - 1] * 8 - 4 - countBits) / 8
            let options = QRCode.Options(errorCorrection: level, forcedVersion: version)
            let code = try QRCode(encoding: [UInt8](repeating: 0x61, count: largest), options: options)
            #expect(code.version == version)
            // Past version 40 the data is too long for any version; below it, the forced version is too small.
            let expected = QRCodeError(version == 40 ? .dataTooLong : .invalidOption, "")
            #expect(throws: expected, "version \(version)-\(level.rawValue)") {
                try QRCode(encoding: [UInt8](repeating: 0x61, count: largest + 1), options: options)
            }
        }
    }
}
