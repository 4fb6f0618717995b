import JSON

/// Structural checks of a SMART Health Card FHIR Bundle (not a full FHIR R4 validation).
///
/// **Errors** (the card fails the schema check): a Bundle without entries; `fullUrl` not `resource:N` or
/// repeated; an entry without a `resource` object and `resourceType`; empty values (`""`, `[]`, `{}`) anywhere;
/// in Patient and Immunization resources, references that are not `resource:N` or do not resolve;
/// Immunization `status` other than `completed`, a `vaccineCode` without codings that have `system` and `code`,
/// not exactly one of `occurrenceDateTime` / `occurrenceString`, a malformed `occurrenceDateTime`;
/// a Patient `birthDate` that is not a (partial) date; `meta.security` entries with members other than
/// `system`/`code`.
///
/// **Warnings**: what the data-minimisation profiles advise against (`id`, `text`, `meta` other than
/// `security`, `CodeableConcept.text`, `Coding.display`, Patient members other than `name` and `birthDate`),
/// and unresolved references in resources other than Patient and Immunization (lab bundles such as spec
/// example 02 reference resources outside the card).
public struct SHCBundleValidator: Sendable {
    /// Errors and warnings found; messages name JSON paths, never values.
    public struct Findings: Sendable {
        /// Structural problems: the bundle fails the schema check.
        public var errors: [SHCError] = []
        /// Data-minimisation findings and unresolved references outside Patient and Immunization.
        public var warnings: [SHCError] = []
    }

    /// The Patient members the data-minimisation profile keeps.
    static let patientMembers: Set<String> = ["resourceType", "name", "birthDate", "meta"]
    /// The Immunization members the data-minimisation profile keeps.
    static let immunizationMembers: Set<String> = [
        "resourceType", "meta", "status", "vaccineCode", "patient", "occurrenceDateTime", "occurrenceString",
        "performer", "lotNumber", "isSubpotent",
    ]

    /// Whether `key` is one of ``patientMembers`` (compared by length first: no hashing, few string compares).
    static func isPatientMember(_ key: String) -> Bool {
        switch key.utf8.count {
        case 4: return key == "name" || key == "meta"
        case 9: return key == "birthDate"
        case 12: return key == "resourceType"
        default: return false
        }
    }

    /// Whether `key` is one of ``immunizationMembers`` (compared by length first).
    static func isImmunizationMember(_ key: String) -> Bool {
        switch key.utf8.count {
        case 4: return key == "meta"
        case 6: return key == "status"
        case 7: return key == "patient"
        case 9: return key == "performer" || key == "lotNumber"
        case 11: return key == "vaccineCode" || key == "isSubpotent"
        case 12: return key == "resourceType"
        case 16: return key == "occurrenceString"
        case 18: return key == "occurrenceDateTime"
        default: return false
        }
    }

    /// Creates a validator (it has no settings).
    public init() {}

    /// Checks a bundle.
    public func validate(_ bundle: JSONValue) -> Findings {
        var findings = Findings()
        func error(_ text: String) { findings.errors.append(SHCError(.fhirSchema, text)) }
        func warning(_ text: String) { findings.warnings.append(SHCError(.fhirSchema, text)) }
        guard case .object(let object) = bundle, object["resourceType"]?.stringValue == "Bundle" else {
            error("expected a FHIR Bundle (resourceType Bundle), found another value")
            return findings
        }
        guard case .array(let entries) = object["entry"] ?? .null, !entries.isEmpty else {
            error("expected Bundle.entry to be a non-empty array, found none")
            return findings
        }
        // The N of each resource:N (the text is canonical, so equal numbers are equal texts); its errors are
        // reported after those of empty values.
        var fullUrls = ResourceNumbers(capacity: entries.count)
        var fullUrlErrors: [String] = []
        for (index, entry) in entries.enumerated() {
            guard let fullUrl = entry["fullUrl"]?.stringValue, let number = Self.resourceNumber(fullUrl) else {
                fullUrlErrors.append("expected Bundle.entry[\(index)].fullUrl to be resource:N, found another value")
                continue
            }
            if !fullUrls.insert(number) { fullUrlErrors.append("expected Bundle.entry[\(index)].fullUrl to be unique, found a repeat") }
        }
        // One pass gathers the empty values, unresolved references and CodeableConcept/Coding findings.
        let walk = SHCBundleWalk(bundle: bundle, fullUrls: fullUrls)
        walk.emptyErrors.forEach(error)
        fullUrlErrors.forEach(error)
        for (index, entry) in entries.enumerated() {
            // Spelled only for a finding.
            func path() -> String { "Bundle.entry[\(index)].resource" }
            guard case .object(let resource) = entry["resource"] ?? .null,
                let type = resource["resourceType"]?.stringValue
            else {
                error("expected \(path()) to be an object with a resourceType, found another value")
                continue
            }
            let strict = type == "Patient" || type == "Immunization"
            for (entry, referencePath) in walk.unresolvedReferences where entry == index {
                let text = "expected \(referencePath) to be resource:N naming an entry, found another value"
                if strict { error(text) } else { warning(text) }
            }
            // A meta that is not an object ends the common checks before the CodeableConcepts and Codings.
            if checkCommon(resource, path: path, error: error, warning: warning) {
                for (entry, text) in walk.minimisationWarnings where entry == index { warning(text) }
            }
            switch type {
            case "Patient": checkPatient(resource, path: path, error: error, warning: warning)
            case "Immunization": checkImmunization(resource, path: path, error: error, warning: warning)
            default: break
            }
        }
        return findings
    }

    /// The `id`, `text` and `meta` checks of a resource (its CodeableConcepts and Codings: ``SHCBundleWalk``).
    ///
    /// - Returns: false when `meta` is not an object (which ends the checks of the resource's values).
    private func checkCommon(
        _ resource: JSONObject, path: () -> String, error: (String) -> Void, warning: (String) -> Void
    ) -> Bool {
        if resource["id"] != nil { warning("expected no \(path()).id (data minimisation), found one") }
        if resource["text"] != nil { warning("expected no \(path()).text (data minimisation), found one") }
        if let meta = resource["meta"] {
            guard case .object(let metaObject) = meta else {
                warning("expected \(path()).meta to be an object holding security only, found another JSON type")
                return false
            }
            if metaObject.members.contains(where: { $0.key != "security" }) || metaObject["security"] == nil {
                warning("expected \(path()).meta to hold security only, found other members")
            }
            if let security = metaObject["security"] {
                let valid = security.arrayValue?.allSatisfy { entry in
                    guard case .object(let coding) = entry else { return false }
                    return coding.members.allSatisfy { $0.key == "system" || $0.key == "code" } && coding["code"]?.stringValue != nil
                } ?? false
                if !valid { error("expected \(path()).meta.security to be codings with system and code only, found others") }
            }
        }
        return true
    }

    private func checkPatient(
        _ patient: JSONObject, path: () -> String, error: (String) -> Void, warning: (String) -> Void
    ) {
        for key in patient.members.lazy.map(\.key) where !Self.isPatientMember(key) && key != "id" && key != "text" {
            warning("expected no \(path()).\(key) (Patient keeps name and birthDate only), found one")
        }
        if let birthDate = patient["birthDate"] {
            guard let text = birthDate.stringValue, FHIRDateText.isDate(text) else {
                error("expected \(path()).birthDate to be YYYY, YYYY-MM or YYYY-MM-DD, found another value")
                return
            }
        }
        if let names = patient["name"], names.arrayValue == nil {
            error("expected \(path()).name to be an array, found another JSON type")
        }
    }

    private func checkImmunization(
        _ immunization: JSONObject, path: () -> String, error: (String) -> Void, warning: (String) -> Void
    ) {
        for key in immunization.members.lazy.map(\.key) where !Self.isImmunizationMember(key) && key != "id" && key != "text" {
            warning("expected no \(path()).\(key) (data minimisation), found one")
        }
        if immunization["status"]?.stringValue != "completed" {
            error("expected \(path()).status to be completed, found another value")
        }
        let codings = immunization["vaccineCode"]?["coding"]?.arrayValue ?? []
        if codings.isEmpty {
            error("expected \(path()).vaccineCode.coding to hold at least one coding, found none")
        } else if !codings.allSatisfy({ $0["system"]?.stringValue != nil && $0["code"]?.stringValue != nil }) {
            error("expected every coding of \(path()).vaccineCode to have a system and a code, found one without")
        }
        if immunization["patient"]?["reference"]?.stringValue == nil {
            error("expected \(path()).patient.reference, found none")
        }
        let dateTime = immunization["occurrenceDateTime"]
        let string = immunization["occurrenceString"]
        switch (dateTime, string) {
        case (nil, nil):
            error("expected one of \(path()).occurrenceDateTime and .occurrenceString, found neither")
        case (.some, .some):
            error("expected only one of \(path()).occurrenceDateTime and .occurrenceString, found both")
        case (.some(let value), nil):
            if !(value.stringValue.map(FHIRDateText.isDateTime) ?? false) {
                error("expected \(path()).occurrenceDateTime to be a FHIR dateTime, found another value")
            }
        case (nil, .some(let value)):
            if value.stringValue == nil { error("expected \(path()).occurrenceString to be a string, found another type") }
        }
        if let performers = immunization["performer"] {
            let valid = performers.arrayValue?.allSatisfy { $0["actor"]?["display"]?.stringValue != nil } ?? false
            if !valid { error("expected every \(path()).performer to have actor.display, found one without") }
        }
        if let lot = immunization["lotNumber"], lot.stringValue == nil {
            error("expected \(path()).lotNumber to be a string, found another JSON type")
        }
    }

    /// Whether `text` is `resource:N` (N: 1 to 6 digits, no leading zero unless N is 0).
    static func isResourceReference(_ text: String) -> Bool { resourceNumber(text) != nil }

    /// N when `text` is `resource:N` (N: 1 to 6 digits, no leading zero unless N is 0), nil otherwise.
    static func resourceNumber(_ text: String) -> Int? {
        // Over the contiguous bytes (a native string always has them): generic UTF8View steps cost more.
        text.utf8.withContiguousStorageIfAvailable(resourceNumber(bytes:)) ?? resourceNumber(bytes: Array(text.utf8))
    }

    private static func resourceNumber(bytes: some RandomAccessCollection<UInt8>) -> Int? {
        let prefix: StaticString = "resource:"
        let prefixLength = prefix.utf8CodeUnitCount
        guard bytes.count > prefixLength, bytes.count <= prefixLength + 6 else { return nil }
        let prefixBytes = UnsafeBufferPointer(start: prefix.utf8Start, count: prefixLength)
        guard bytes.prefix(prefixLength).elementsEqual(prefixBytes) else { return nil }
        let digits = bytes.dropFirst(prefixLength)
        guard digits.count == 1 || digits.first != UInt8(ascii: "0") else { return nil }
        var number = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0") && digit <= UInt8(ascii: "9") else { return nil }
            number = number * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return number
    }
}

/// A set of resource numbers: a list while small (no hashing), a `Set` beyond.
struct ResourceNumbers {
    private var list: [Int] = []
    private var set: Set<Int>?

    /// An empty set for about `capacity` numbers.
    init(capacity: Int) {
        if capacity > 32 { set = Set(minimumCapacity: capacity) } else { list.reserveCapacity(capacity) }
    }

    /// Adds `number`; false when it was already there.
    mutating func insert(_ number: Int) -> Bool {
        if set != nil { return set!.insert(number).inserted }
        if list.contains(number) { return false }
        list.append(number)
        return true
    }

    /// Whether `number` was added.
    func contains(_ number: Int) -> Bool { set?.contains(number) ?? list.contains(number) }
}
