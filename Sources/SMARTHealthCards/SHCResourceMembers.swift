import JSON

/// The members of one Bundle resource that ``SHCBundleValidator`` checks, found in one scan of its keys (the
/// first member of a key counts, as in ``JSONTape/member(_:of:)``), and the keys that the data-minimisation
/// profiles of Patient and Immunization do not keep.
struct SHCResourceMembers {
    /// The member names the validator knows.
    enum Name {
        case resourceType, meta, id, text, name, birthDate
        case status, vaccineCode, patient, occurrenceDateTime, occurrenceString, performer, lotNumber, isSubpotent

        /// Whether the Patient profile keeps the member (`id` and `text` have warnings of their own).
        var isPatientMember: Bool {
            switch self {
            case .resourceType, .name, .birthDate, .meta, .id, .text: return true
            default: return false
            }
        }

        /// Whether the Immunization profile keeps the member (`id` and `text` have warnings of their own).
        var isImmunizationMember: Bool {
            switch self {
            case .name, .birthDate: return false
            default: return true
            }
        }
    }

    var id: Int?, text: Int?, meta: Int?, name: Int?, birthDate: Int?
    var status: Int?, vaccineCode: Int?, patient: Int?, occurrenceDateTime: Int?, occurrenceString: Int?
    var performer: Int?, lotNumber: Int?
    /// Key nodes that the resource's profile (Patient or Immunization) does not keep, in document order; empty
    /// for other resources.
    var extras: [Int] = []

    /// The profiles with member lists.
    enum Profile {
        case patient, immunization, other
    }

    /// Scans the members of object node `resource`, a resource of profile `profile`.
    init(_ resource: Int, in tape: JSONTape, profile: Profile) {
        var key = resource + 1
        for _ in 0..<tape.count(at: resource) {
            let value = key + 1
            let known = Self.name(of: key, in: tape)
            if let known { record(known, value: value) }
            switch profile {
            case .patient where !(known?.isPatientMember ?? false): extras.append(key)
            case .immunization where !(known?.isImmunizationMember ?? false): extras.append(key)
            default: break
            }
            key = tape.after(value)
        }
    }

    private mutating func record(_ known: Name, value: Int) {
        func first(_ slot: inout Int?) { if slot == nil { slot = value } }
        switch known {
        case .id: first(&id)
        case .text: first(&text)
        case .meta: first(&meta)
        case .name: first(&name)
        case .birthDate: first(&birthDate)
        case .status: first(&status)
        case .vaccineCode: first(&vaccineCode)
        case .patient: first(&patient)
        case .occurrenceDateTime: first(&occurrenceDateTime)
        case .occurrenceString: first(&occurrenceString)
        case .performer: first(&performer)
        case .lotNumber: first(&lotNumber)
        case .resourceType, .isSubpotent: break
        }
    }

    /// The name of key node `key` (by length first: most keys are told apart without comparing bytes).
    static func name(of key: Int, in tape: JSONTape) -> Name? {
        func matches(_ text: StaticString) -> Bool { tape.isString(at: key, equalTo: text) }
        switch tape.utf8Count(at: key) {
        case 2: return matches("id") ? .id : nil
        case 4: return matches("meta") ? .meta : matches("name") ? .name : matches("text") ? .text : nil
        case 6: return matches("status") ? .status : nil
        case 7: return matches("patient") ? .patient : nil
        case 9: return matches("birthDate") ? .birthDate : matches("performer") ? .performer : matches("lotNumber") ? .lotNumber : nil
        case 11: return matches("vaccineCode") ? .vaccineCode : matches("isSubpotent") ? .isSubpotent : nil
        case 12: return matches("resourceType") ? .resourceType : nil
        case 16: return matches("occurrenceString") ? .occurrenceString : nil
        case 18: return matches("occurrenceDateTime") ? .occurrenceDateTime : nil
        default: return nil
        }
    }
}
