import JSON
import VaccinationRecord

/// The structural checks of a vaccination credential (the `schema` check): VC Data Model 2.0 members and the
/// shape of the CCG vaccination vocabulary. Violations name JSON paths, never values.
enum VCCredentialStructure {
    static func violations(in credential: JSONObject) -> [String] {
        var problems: [String] = []
        let contexts = credential["@context"]?.arrayValue ?? []
        if contexts.first?.stringValue != VCVocabulary.credentialsContext {
            problems.append("@context: expected \(VCVocabulary.credentialsContext) first")
        }
        if !contexts.contains(.string(VCVocabulary.vaccinationContext)) {
            problems.append("@context: expected \(VCVocabulary.vaccinationContext)")
        }
        let credentialTypes = credential["type"]?.arrayValue ?? []
        for type in VCVocabulary.credentialTypes where !credentialTypes.contains(.string(type)) {
            problems.append("type: expected \(type)")
        }
        if let id = credential["id"], id.stringValue == nil { problems.append("id: expected a string") }
        for member in dateTimeMembers {
            if let value = credential[member], VCTime.dateTimeStamp(value) == nil {
                problems.append("\(member): expected an RFC 3339 date-time with offset")
            }
        }
        guard let subject = VCRecordReader.subject(of: credential) else {
            problems.append("credentialSubject: expected one object")
            return problems
        }
        if !hasType(subject["type"], "VaccinationEvent") {
            problems.append("credentialSubject.type: expected VaccinationEvent")
        }
        if subject["dateOfVaccination"]?.stringValue.flatMap(CalendarDate.init) == nil {
            problems.append("credentialSubject.dateOfVaccination: expected a date YYYY-MM-DD")
        }
        if subject["countryOfVaccination"]?.stringValue == nil {
            problems.append("credentialSubject.countryOfVaccination: expected a string")
        }
        if let recipient = subject["recipient"] {
            if recipient.objectValue == nil || !hasType(recipient["type"], "VaccineRecipient") {
                problems.append("credentialSubject.recipient: expected a VaccineRecipient object")
            }
        } else {
            problems.append("credentialSubject.recipient: expected a VaccineRecipient object")
        }
        if let vaccine = subject["vaccine"]?.objectValue, hasType(vaccine["type"], "Vaccine") {
            for member in vaccine.members where hasCodeSuffix(member.key) && member.key != "atcCode" {
                if VCRecordReader.coding(member.value) == nil {
                    problems.append("credentialSubject.vaccine.\(member.key): expected a coding {system, code}")
                }
            }
        } else {
            problems.append("credentialSubject.vaccine: expected a Vaccine object")
        }
        for member in subject.members where member.value.stringValue == nil {
            if member.key != "type", member.key != "recipient", member.key != "vaccine" {
                problems.append("credentialSubject.\(member.key): expected a string")
            }
        }
        return problems
    }

    /// The date-time members of a credential.
    private static let dateTimeMembers = ["validFrom", "validUntil"]

    /// Whether a JSON-LD `type` (one string or an array of strings, other elements ignored) includes `name`.
    static func hasType(_ value: JSONValue?, _ name: String) -> Bool {
        switch value {
        case .string(let text): text == name
        case .array(let elements): elements.contains { $0.stringValue == name }
        default: false
        }
    }

    /// `key.hasSuffix("Code")`, decided on the UTF-8 bytes: those must end with `Code`, and an ASCII byte (or
    /// none) before it starts a new character; after a non-ASCII one (which could join `C` into one character)
    /// `hasSuffix` decides.
    static func hasCodeSuffix(_ key: String) -> Bool {
        var key = key
        let decided: Bool? = key.withUTF8 { bytes in
            let count = bytes.count
            guard count >= 4, bytes[count - 4] == UInt8(ascii: "C"), bytes[count - 3] == UInt8(ascii: "o"),
                bytes[count - 2] == UInt8(ascii: "d"), bytes[count - 1] == UInt8(ascii: "e")
            else { return false }
            return count == 4 || bytes[count - 5] < 0x80 ? true : nil
        }
        return decided ?? key.hasSuffix("Code")
    }
}
