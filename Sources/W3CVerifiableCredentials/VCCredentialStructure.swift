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
        let credentialTypes = credential["type"]?.arrayValue?.compactMap(\.stringValue) ?? []
        for type in VCVocabulary.credentialTypes where !credentialTypes.contains(type) {
            problems.append("type: expected \(type)")
        }
        if let id = credential["id"], id.stringValue == nil { problems.append("id: expected a string") }
        for member in ["validFrom", "validUntil"] {
            if let value = credential[member], VCTime.dateTimeStamp(value) == nil {
                problems.append("\(member): expected an RFC 3339 date-time with offset")
            }
        }
        guard let subject = VCRecordReader.subject(of: credential) else {
            problems.append("credentialSubject: expected one object")
            return problems
        }
        if !(Self.types(subject["type"]).contains("VaccinationEvent")) {
            problems.append("credentialSubject.type: expected VaccinationEvent")
        }
        if subject["dateOfVaccination"]?.stringValue.flatMap(CalendarDate.init) == nil {
            problems.append("credentialSubject.dateOfVaccination: expected a date YYYY-MM-DD")
        }
        if subject["countryOfVaccination"]?.stringValue == nil {
            problems.append("credentialSubject.countryOfVaccination: expected a string")
        }
        if let recipient = subject["recipient"] {
            if recipient.objectValue == nil || !types(recipient["type"]).contains("VaccineRecipient") {
                problems.append("credentialSubject.recipient: expected a VaccineRecipient object")
            }
        } else {
            problems.append("credentialSubject.recipient: expected a VaccineRecipient object")
        }
        if let vaccine = subject["vaccine"]?.objectValue, types(vaccine["type"]).contains("Vaccine") {
            for member in vaccine.members where member.key.hasSuffix("Code") && member.key != "atcCode" {
                if VCRecordReader.coding(member.value) == nil {
                    problems.append("credentialSubject.vaccine.\(member.key): expected a coding {system, code}")
                }
            }
        } else {
            problems.append("credentialSubject.vaccine: expected a Vaccine object")
        }
        for member in subject.members where member.value.stringValue == nil {
            if !["type", "recipient", "vaccine"].contains(member.key) {
                problems.append("credentialSubject.\(member.key): expected a string")
            }
        }
        return problems
    }

    /// The strings of a JSON-LD `type`: one string or an array of strings.
    static func types(_ value: JSONValue?) -> [String] {
        if let text = value?.stringValue { return [text] }
        return value?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
