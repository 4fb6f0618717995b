import JSON
import VaccinationRecord

/// The structural checks of a vaccination credential (the `schema` check): VC Data Model 2.0 members and the
/// shape of the CCG vaccination vocabulary. Violations name JSON paths, never values.
enum VCCredentialStructure {
    /// The violations of credential object `credential` of `tape`, in a fixed order.
    static func violations(in tape: JSONTape, credential: Int) -> [String] {
        var problems: [String] = []
        let contexts = tape.member("@context", of: credential).flatMap { tape.kind(at: $0) == .array ? $0 : nil }
        var firstContext: Int?
        var hasVaccinationContext = false
        if let contexts {
            tape.forEachElement(of: contexts) { offset, element in
                if offset == 0 { firstContext = element }
                if tape.isString(at: element, equalTo: VCVocabulary.vaccinationContextName) { hasVaccinationContext = true }
            }
        }
        if !(firstContext.map { tape.isString(at: $0, equalTo: VCVocabulary.credentialsContextName) } ?? false) {
            problems.append("@context: expected \(VCVocabulary.credentialsContext) first")
        }
        if !hasVaccinationContext {
            problems.append("@context: expected \(VCVocabulary.vaccinationContext)")
        }
        let types = tape.member("type", of: credential).flatMap { tape.kind(at: $0) == .array ? $0 : nil }
        for type in VCVocabulary.credentialTypeNames where !(types.map { arrayHasString(tape, $0, type) } ?? false) {
            problems.append("type: expected \(type)")
        }
        if let id = tape.member("id", of: credential), tape.kind(at: id) != .string { problems.append("id: expected a string") }
        for member in ["validFrom", "validUntil"] as [StaticString] {
            if let value = tape.member(member, of: credential), VCTime.dateTimeStamp(tape, value) == nil {
                problems.append("\(member): expected an RFC 3339 date-time with offset")
            }
        }
        guard let subject = subject(in: tape, of: credential) else {
            problems.append("credentialSubject: expected one object")
            return problems
        }
        if !hasType(tape, tape.member("type", of: subject), "VaccinationEvent") {
            problems.append("credentialSubject.type: expected VaccinationEvent")
        }
        if tape.member("dateOfVaccination", of: subject).flatMap(tape.string(at:)).flatMap(CalendarDate.init) == nil {
            problems.append("credentialSubject.dateOfVaccination: expected a date YYYY-MM-DD")
        }
        if !(tape.member("countryOfVaccination", of: subject).map { tape.kind(at: $0) == .string } ?? false) {
            problems.append("credentialSubject.countryOfVaccination: expected a string")
        }
        if let recipient = tape.member("recipient", of: subject) {
            if tape.kind(at: recipient) != .object || !hasType(tape, tape.member("type", of: recipient), "VaccineRecipient") {
                problems.append("credentialSubject.recipient: expected a VaccineRecipient object")
            }
        } else {
            problems.append("credentialSubject.recipient: expected a VaccineRecipient object")
        }
        if let vaccine = tape.member("vaccine", of: subject), tape.kind(at: vaccine) == .object,
            hasType(tape, tape.member("type", of: vaccine), "Vaccine")
        {
            tape.forEachMember(of: vaccine) { key, value in
                guard hasCodeSuffix(tape, key), !tape.isString(at: key, equalTo: "atcCode"), !isCoding(tape, value) else { return }
                problems.append("credentialSubject.vaccine.\(tape.string(at: key) ?? ""): expected a coding {system, code}")
            }
        } else {
            problems.append("credentialSubject.vaccine: expected a Vaccine object")
        }
        tape.forEachMember(of: subject) { key, value in
            guard tape.kind(at: value) != .string, !tape.isString(at: key, equalTo: "type"),
                !tape.isString(at: key, equalTo: "recipient"), !tape.isString(at: key, equalTo: "vaccine")
            else { return }
            problems.append("credentialSubject.\(tape.string(at: key) ?? ""): expected a string")
        }
        return problems
    }

    /// The `credentialSubject` node: an object, or an array of exactly one object.
    static func subject(in tape: JSONTape, of credential: Int) -> Int? {
        guard let subject = tape.member("credentialSubject", of: credential) else { return nil }
        switch tape.kind(at: subject) {
        case .object: return subject
        case .array where tape.count(at: subject) == 1:
            let element = subject + 1
            return tape.kind(at: element) == .object ? element : nil
        default: return nil
        }
    }

    /// Whether node `value` is a coding object (``VCRecordReader/coding(_:)`` reads one): non-empty string
    /// `system` and `code`, and `display` a string when present.
    static func isCoding(_ tape: JSONTape, _ value: Int) -> Bool {
        guard tape.kind(at: value) == .object,
            let system = tape.member("system", of: value), tape.kind(at: system) == .string, tape.utf8Count(at: system) > 0,
            let code = tape.member("code", of: value), tape.kind(at: code) == .string, tape.utf8Count(at: code) > 0
        else { return false }
        if let display = tape.member("display", of: value), tape.kind(at: display) != .string { return false }
        return true
    }

    /// Whether array node `array` holds the string `text` (compared byte for byte: the names checked here are
    /// ASCII without characters that another one is canonically equivalent to).
    private static func arrayHasString(_ tape: JSONTape, _ array: Int, _ text: StaticString) -> Bool {
        var found = false
        tape.forEachElement(of: array) { _, element in
            if !found, tape.isString(at: element, equalTo: text) { found = true }
        }
        return found
    }

    /// Whether the JSON-LD `type` at node `value` (one string or an array of strings, other elements ignored)
    /// includes `name`; false when `value` is nil.
    static func hasType(_ tape: JSONTape, _ value: Int?, _ name: StaticString) -> Bool {
        guard let value else { return false }
        switch tape.kind(at: value) {
        case .string: return tape.isString(at: value, equalTo: name)
        case .array: return arrayHasString(tape, value, name)
        default: return false
        }
    }

    /// Whether the member name at key node `key` has the suffix `Code` (`String.hasSuffix`), decided on its UTF-8
    /// bytes when they can tell.
    static func hasCodeSuffix(_ tape: JSONTape, _ key: Int) -> Bool {
        let decided: Bool? = tape.withUTF8(at: key) { codeSuffix(of: $0) }
        return decided ?? (tape.string(at: key) ?? "").hasSuffix("Code")
    }

    /// Whether UTF-8 `bytes` end with the characters `Code`: the bytes must end with `Code`, and an ASCII byte (or
    /// none) before it starts a new character; after a non-ASCII one (which could join `C` into one character)
    /// only `hasSuffix` can tell (nil).
    private static func codeSuffix(of bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let count = bytes.count
        guard count >= 4, bytes[count - 4] == UInt8(ascii: "C"), bytes[count - 3] == UInt8(ascii: "o"),
            bytes[count - 2] == UInt8(ascii: "d"), bytes[count - 1] == UInt8(ascii: "e")
        else { return false }
        return count == 4 || bytes[count - 5] < 0x80 ? true : nil
    }
}
