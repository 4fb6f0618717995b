import Revocation
import Testing

@Suite struct RevocationKeyTests {
    @Test func typeCodesAreStableAndRoundTrip() {
        #expect(RevocationHashType.allCases.map(\.code) == [1, 2, 3, 4, 5, 6])
        #expect(RevocationHashType.allCases.map(\.rawValue) == ["UCI", "COUNTRYCODEUCI", "SIGNATURE", "SHC_RID", "LOT", "CERTIFICATE"])
        for type in RevocationHashType.allCases { #expect(RevocationHashType(code: type.code) == type) }
        for code: UInt8 in [0, 7, 255] { #expect(RevocationHashType(code: code) == nil) }
    }

    @Test func truncatedHashNeedsSixteenBytes() {
        let bytes = (0..<16).map { UInt8($0 * 17) }
        let key = RevocationKey(type: .lot, truncatedHash: bytes)
        #expect(key?.hash == bytes)
        #expect(key?.type == .lot)
        #expect(key?.description == "LOT:00112233445566778899aabbccddeeff")
        #expect(RevocationKey(type: .lot, truncatedHash: bytes.dropLast()) == nil)
        #expect(RevocationKey(type: .lot, truncatedHash: bytes + [0]) == nil)
        #expect(RevocationKey(type: .lot, truncatedHash: []) == nil)
    }

    @Test func keysOrderByTypeThenHashBytes() throws {
        func key(_ type: RevocationHashType, _ first: UInt8, _ last: UInt8) throws -> RevocationKey {
            try #require(RevocationKey(type: type, truncatedHash: [first] + [UInt8](repeating: 0, count: 14) + [last]))
        }
        #expect(try key(.uci, 0xFF, 0xFF) < key(.countryCodeUCI, 0, 0))
        #expect(try key(.uci, 0x01, 0x00) < key(.uci, 0x80, 0x00))
        #expect(try key(.uci, 0x80, 0x00) < key(.uci, 0x80, 0x01))
        #expect(try !(key(.uci, 0x80, 0x01) < key(.uci, 0x80, 0x01)))
        #expect(try key(.uci, 1, 2) != key(.signature, 1, 2))
    }

    @Test func entryStateFollowsItsSuspension() throws {
        let key = RevocationHashes.uci("x")
        #expect(RevocationEntry(key: key).state(now: .max) == .revoked)
        let suspended = RevocationEntry(key: key, suspendedUntil: 100)
        #expect(suspended.state(now: 99) == .suspended(until: 100))
        #expect(suspended.state(now: 100) == .active)
        #expect(suspended.state(now: .min) == .suspended(until: 100))
    }
}
