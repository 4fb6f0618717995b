/// Member names and constant values of the credential formats OpenDVC reads (JOSE headers and keys, SMART
/// Health Cards and their FHIR Bundles, W3C vaccination credentials, ICAO VDS-NC, EU DCC JSON).
///
/// ``JSONParser`` gives a parsed ASCII string equal to one of these the vocabulary's own string instead of
/// building a new one: literals need no allocation, no UTF-8 check and no reference counting, and equal
/// strings compare in one step. Which strings are listed changes only speed, never a parse result.
enum JSONVocabulary {
    static let words: [String] = [
        // JOSE, JWK, JWT
        "alg", "kid", "zip", "typ", "cty", "crit", "kty", "crv", "use", "x", "y", "d", "x5c", "keys", "crlVersion",
        "ES256", "DEF", "EC", "P-256", "sig", "JWT", "vc+jwt", "application/vc+jwt",
        "iss", "nbf", "exp", "iat", "sub", "jti", "vc", "rid",
        // SMART Health Cards and FHIR
        "type", "credentialSubject", "fhirVersion", "fhirBundle", "resourceType", "entry", "fullUrl", "resource",
        "name", "family", "given", "birthDate", "status", "vaccineCode", "coding", "system", "code", "display",
        "patient", "reference", "occurrenceDateTime", "occurrenceString", "lotNumber", "performer", "actor",
        "isSubpotent", "meta", "security", "id", "text",
        "https://smarthealth.cards#health-card", "https://smarthealth.cards#immunization",
        "https://smarthealth.cards#covid19", "4.0.1", "Bundle", "collection", "Patient", "Immunization",
        "completed", "http://hl7.org/fhir/sid/cvx", "resource:0", "resource:1", "resource:2", "resource:3",
        "resource:4",
        // W3C Verifiable Credentials, vaccination vocabulary
        "@context", "issuer", "validFrom", "validUntil", "recipient", "givenName", "familyName", "gender",
        "vaccine", "disease", "atcCode", "medicinalProductName", "marketingAuthorizationHolder", "diseaseCode",
        "vaccineCode", "medicinalProductCode", "manufacturerCode", "dateOfVaccination", "order",
        "countryOfVaccination", "batchNumber", "administeringCentre", "healthProfessional", "nextVaccinationDate",
        "dose", "credentialStatus", "credentialSchema",
        "https://www.w3.org/ns/credentials/v2", "https://w3id.org/vaccination/v1", "VerifiableCredential",
        "VaccinationCertificate", "VaccinationEvent", "VaccineRecipient", "Vaccine", "http://snomed.info/sct",
        "https://ec.europa.eu/health/documents/community-register/html/",
        "https://spor.ema.europa.eu/v1/organisations", "COVID-19",
        // ICAO VDS-NC
        "data", "hdr", "is", "t", "v", "msg", "pid", "ve", "dvc", "vd", "seq", "ctr", "lot", "adm", "dvn", "sigvl",
        "cer", "uvci", "des", "nam", "dob", "sex", "dn", "icao.vacc",
        // EU DCC
        "ver", "fn", "fnt", "gn", "gnt", "tg", "vp", "mp", "ma", "sd", "dt", "co", "ci", "840539006",
    ]

    /// The lookup table of ``words``.
    private static let table = Table(words: words)

    /// The vocabulary string whose UTF-8 equals `bytes`, if there is one.
    @inline(__always)
    static func word(matching bytes: UnsafeBufferPointer<UInt8>) -> String? {
        table.word(matching: bytes)
    }

    /// An open-addressing hash table keyed by a word's length and first 8 bytes; the last 8 bytes, and for
    /// words over 16 bytes all of them, are compared before a word is returned. Each slot holds what a probe
    /// compares (one cache line at most), and the strings are read only for a match.
    private struct Table: Sendable {
        static let slotBits = 9
        static let maximumLength = 80

        struct Slot: Sendable {
            var head: UInt64 = 0
            var tail: UInt64 = 0
            /// The word's length in bytes; 0 marks an empty slot.
            var length: Int32 = 0
            /// The word's index in `strings`.
            var index: Int32 = 0
        }

        let slots: [Slot]
        let strings: [String]

        init(words: [String]) {
            var unique: [String] = []
            for word in words where !unique.contains(word) && (1...Self.maximumLength).contains(word.utf8.count) {
                unique.append(word)
            }
            precondition(unique.count < (1 << Self.slotBits) / 2, "the vocabulary must fill at most half the slots")
            strings = unique
            var slots = Array(repeating: Slot(), count: 1 << Self.slotBits)
            for (index, word) in unique.enumerated() {
                let bytes = Array(word.utf8)
                let head = bytes.withUnsafeBufferPointer(Self.head)
                var slot = Self.slot(head: head, length: bytes.count)
                while slots[slot].length != 0 { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = Slot(
                    head: head, tail: bytes.withUnsafeBufferPointer(Self.tail), length: Int32(bytes.count), index: Int32(index))
            }
            self.slots = slots
        }

        /// The first (up to) 8 bytes as a little-endian integer, zero-padded.
        @inline(__always)
        static func head(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            if bytes.count >= 8 { return UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(as: UInt64.self)) }
            var value: UInt64 = 0
            for index in 0..<bytes.count { value |= UInt64(bytes[index]) << (8 * UInt64(index)) }
            return value
        }

        /// The last 8 bytes (0 for words of 8 bytes or less, which the head covers).
        @inline(__always)
        static func tail(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            guard bytes.count > 8 else { return 0 }
            return UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + bytes.count - 8).loadUnaligned(as: UInt64.self))
        }

        @inline(__always)
        static func slot(head: UInt64, length: Int) -> Int {
            Int(truncatingIfNeeded: ((head ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
        }

        /// Whether a word's UTF-8 equals `bytes` (of the same length), compared 8 bytes at a time.
        static func equal(_ word: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            word.utf8.withContiguousStorageIfAvailable { word in
                let left = UnsafeRawPointer(word.baseAddress!)
                let right = UnsafeRawPointer(bytes.baseAddress!)
                var offset = 0
                while offset + 8 <= bytes.count {
                    guard left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                        == right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    else { return false }
                    offset += 8
                }
                return true  // the last 8 bytes are the tail, already compared
            } ?? word.utf8.elementsEqual(bytes)
        }

        func word(matching bytes: UnsafeBufferPointer<UInt8>) -> String? {
            let length = bytes.count
            guard length > 0, length <= Self.maximumLength else { return nil }
            let head = Self.head(bytes)
            let tail = Self.tail(bytes)
            return slots.withUnsafeBufferPointer { slots in
                var slot = Self.slot(head: head, length: length)
                while true {
                    let candidate = slots[slot]
                    guard candidate.length != 0 else { return nil }
                    if candidate.head == head, Int(candidate.length) == length, candidate.tail == tail,
                        length <= 16 || Self.equal(strings[Int(candidate.index)], bytes)
                    {
                        return strings[Int(candidate.index)]
                    }
                    slot = (slot + 1) & (slots.count - 1)
                }
            }
        }
    }
}
