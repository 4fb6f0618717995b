import EUDCC
import Testing

/// A deterministic generator for tests (SplitMix64).
struct UVCITestRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct DCCPayloadUVCITests {
    @Test func generatedUVCIsHaveTheFormatAndAValidChecksum() throws {
        var random = UVCITestRandom(state: 42)
        var seen: Set<String> = []
        for index in 0..<500 {
            let uvci = try UVCI.generate(
                country: index.isMultiple(of: 2) ? "DE" : "AUT", issuingEntity: index % 3 == 0 ? "RKI/V1" : nil,
                using: &random
            )
            #expect(UVCI.isChecksumValid(uvci) == true)
            #expect(uvci.hasPrefix(index.isMultiple(of: 2) ? "URN:UVCI:01:DE:" : "URN:UVCI:01:AT:"))
            #expect(uvci.count <= UVCI.maximumLength)
            let parts = uvci.split(separator: "#")
            #expect(parts.count == 2 && parts[1].count == 1)
            let opaque = parts[0].split(separator: "/").last.map { String($0.suffix(UVCI.opaqueLength)) } ?? ""
            #expect(opaque.count == UVCI.opaqueLength)
            #expect(opaque.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) })
            if index % 3 == 0 { #expect(uvci.contains(":RKI/V1/")) }
            seen.insert(uvci)
            // Any single changed character is detected.
            var bytes = Array(parts[0].utf8)
            let position = index % bytes.count
            bytes[position] = bytes[position] == UInt8(ascii: "7") ? UInt8(ascii: "8") : UInt8(ascii: "7")
            #expect(UVCI.isChecksumValid(String(decoding: bytes, as: UTF8.self) + "#" + parts[1]) == false)
        }
        #expect(seen.count == 500)
    }

    @Test func rejectsBadGenerationInput() {
        var random = UVCITestRandom(state: 1)
        for (country, entity, path) in [
            ("XX", nil, "country"), ("de", nil, "country"), ("DE", "rki", "issuingEntity"),
            ("DE", "A//B", "issuingEntity"),
            ("DE", "A-B", "issuingEntity"), ("DE", String(repeating: "A", count: 40), "issuingEntity"),
        ] as [(String, String?, String)] {
            let error = #expect(throws: DCCPayloadError.self) {
                try UVCI.generate(country: country, issuingEntity: entity, using: &random)
            }
            #expect(error?.path == path)
        }
    }

    @Test func checksumRule() {
        #expect(UVCI.isChecksumValid("URN:UVCI:01:SM:112#N") == true)
        #expect(UVCI.isChecksumValid("urn:uvci:01:sm:112#n") == true)
        #expect(UVCI.isChecksumValid("URN:UVCI:01:SM:112#M") == false)
        #expect(UVCI.isChecksumValid("URN:UVCI:01:SM:112") == nil)
        #expect(UVCI.isChecksumValid("01/LU/UCXXWTMKD2VM#5R") == false)
        #expect(UVCI.isChecksumValid("URN:UVCI:01:FI:AELZ0DC71KA2SJWUETRTAFEL2##") == false)
        #expect(UVCI.isChecksumValid("URN:UVCI:01:DE:Ä#A") == false)
        #expect(UVCI.checksumCharacter(for: "URN:UVCI:01:SM:117") == "D")
        #expect(UVCI.checksumCharacter(for: "") == "/")
    }

    /// The rule stated in the documentation of ``UVCI``, measured against every `ci` with `#` in dgc-testdata.
    @Test func checksumRuleAgainstTheTestData() throws {
        var values: [String] = []
        for (_, json) in try DCCTestDataSupport.payloads() {
            for key in ["v", "t", "r"] {
                for entry in json[key]?.arrayValue ?? [] {
                    if let ci = entry["ci"]?.stringValue, ci.contains("#") { values.append(ci) }
                }
            }
        }
        #expect(values.count == 163)
        #expect(Set(values).count == 137)
        let valid = values.filter { UVCI.isChecksumValid($0) == true }
        #expect(valid.count == 9)
        #expect(Set(valid).count == 8)
        let sanMarino = values.filter { $0.hasPrefix("URN:UVCI:01:SM:") }
        #expect(sanMarino.count == 6)
        #expect(sanMarino.allSatisfy { UVCI.isChecksumValid($0) == true })
    }

    /// The comparison behind the documented rule: all 96 candidate rules over the same values. The documented
    /// rule matches the most distinct values; rules matching more occurrences do so through repeated values.
    @Test func documentedRuleIsTheBestCandidate() throws {
        var values: [String] = []
        for (_, json) in try DCCTestDataSupport.payloads() {
            for key in ["v", "t", "r"] {
                for entry in json[key]?.arrayValue ?? [] {
                    if let ci = entry["ci"]?.stringValue, ci.contains("#") { values.append(ci) }
                }
            }
        }
        let alphabets = [
            "/0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ/:",
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ:/", ":/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        ].map { Array($0) }
        var results: [(rule: String, occurrences: Int, distinct: Int)] = []
        for (alphabetIndex, alphabet) in alphabets.enumerated() {
            for firstFactor in [2, 1] {
                for span in 0..<8 {
                    let matching = values.filter { value in
                        let parts = value.uppercased().split(separator: "#", maxSplits: 1).map(String.init)
                        guard parts.count == 2, parts[1].count == 1 else { return false }
                        let text = Self.span(parts[0], span)
                        return Self.luhn(text, alphabet: alphabet, firstFactor: firstFactor) == parts[1].first
                    }
                    results.append(("\(alphabetIndex)/\(firstFactor)/\(span)", matching.count, Set(matching).count))
                }
            }
        }
        #expect(results.count == 96)
        let documented = try #require(results.first { $0.rule == "0/2/0" })
        #expect(documented.occurrences == 9 && documented.distinct == 8)
        #expect(results.allSatisfy { $0.distinct <= 8 })
        let more = results.filter { $0.occurrences > 9 }.sorted { $0.occurrences > $1.occurrences }
        #expect(more.map(\.occurrences) == [14, 11, 10])
        #expect(more.map(\.rule) == ["4/2/5", "3/1/2", "4/2/7"])
    }

    /// Spans: 0 whole text, 1 without `URN:UVCI:`, 2 also without the version `01:`/`01/`, 3 the opaque part
    /// after the country; 4–7 the same without separators (only `0-9A-Z` kept).
    static func span(_ text: String, _ kind: Int) -> String {
        var result = text
        if kind % 4 >= 1, result.hasPrefix("URN:UVCI:") { result.removeFirst(9) }
        let versioned = result.hasPrefix("01:") || result.hasPrefix("01/")
        if kind % 4 == 2, versioned { result.removeFirst(3) }
        if kind % 4 == 3, versioned {
            let parts = result.split(maxSplits: 2, omittingEmptySubsequences: false) { $0 == ":" || $0 == "/" }
            result = parts.count == 3 ? String(parts[2]) : result
        }
        if kind >= 4 { result = result.filter { $0.isASCII && ($0.isNumber || $0.isLetter) } }
        return result
    }

    /// Luhn mod N check character with the given factor on the rightmost character.
    static func luhn(_ text: String, alphabet: [Character], firstFactor: Int) -> Character? {
        let n = alphabet.count
        var factor = firstFactor
        var sum = 0
        for character in text.reversed() {
            guard let index = alphabet.firstIndex(of: character) else { return nil }
            let addend = factor * index
            sum += addend / n + addend % n
            factor = factor == 2 ? 1 : 2
        }
        return alphabet[(n - sum % n) % n]
    }
}
