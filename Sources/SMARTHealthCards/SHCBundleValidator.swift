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
        checkEmpty(bundle, path: "Bundle", error: error)
        var fullUrls = Set<String>()
        for (index, entry) in entries.enumerated() {
            let path = "Bundle.entry[\(index)]"
            guard let fullUrl = entry["fullUrl"]?.stringValue, Self.isResourceReference(fullUrl) else {
                error("expected \(path).fullUrl to be resource:N, found another value")
                continue
            }
            if !fullUrls.insert(fullUrl).inserted { error("expected \(path).fullUrl to be unique, found a repeat") }
        }
        for (index, entry) in entries.enumerated() {
            let path = "Bundle.entry[\(index)].resource"
            guard case .object(let resource) = entry["resource"] ?? .null,
                let type = resource["resourceType"]?.stringValue
            else {
                error("expected \(path) to be an object with a resourceType, found another value")
                continue
            }
            let strict = type == "Patient" || type == "Immunization"
            checkReferences(.object(resource), path: path) { referencePath, reference in
                let resolved = Self.isResourceReference(reference) && fullUrls.contains(reference)
                guard !resolved else { return }
                let text = "expected \(referencePath) to be resource:N naming an entry, found another value"
                if strict { error(text) } else { warning(text) }
            }
            checkCommon(resource, path: path, error: error, warning: warning)
            switch type {
            case "Patient": checkPatient(resource, path: path, error: error, warning: warning)
            case "Immunization": checkImmunization(resource, path: path, error: error, warning: warning)
            default: break
            }
        }
        return findings
    }

    private func checkCommon(
        _ resource: JSONObject, path: String, error: (String) -> Void, warning: (String) -> Void
    ) {
        if resource["id"] != nil { warning("expected no \(path).id (data minimisation), found one") }
        if resource["text"] != nil { warning("expected no \(path).text (data minimisation), found one") }
        if let meta = resource["meta"] {
            guard case .object(let metaObject) = meta else {
                warning("expected \(path).meta to be an object holding security only, found another JSON type")
                return
            }
            if metaObject.keys.contains(where: { $0 != "security" }) || metaObject["security"] == nil {
                warning("expected \(path).meta to hold security only, found other members")
            }
            if let security = metaObject["security"] {
                let valid = security.arrayValue?.allSatisfy { entry in
                    guard case .object(let coding) = entry else { return false }
                    return coding.keys.allSatisfy { $0 == "system" || $0 == "code" } && coding["code"]?.stringValue != nil
                } ?? false
                if !valid { error("expected \(path).meta.security to be codings with system and code only, found others") }
            }
        }
        walk(.object(resource), path: path) { value, valuePath in
            guard case .object(let object) = value else { return }
            if object["coding"] != nil, object["text"] != nil {
                warning("expected no CodeableConcept.text at \(valuePath) (data minimisation), found one")
            }
            if valuePath.hasSuffix("]"), valuePath.contains(".coding["), object["display"] != nil {
                warning("expected no Coding.display at \(valuePath) (data minimisation), found one")
            }
        }
    }

    private func checkPatient(
        _ patient: JSONObject, path: String, error: (String) -> Void, warning: (String) -> Void
    ) {
        for key in patient.keys where !Self.patientMembers.contains(key) && key != "id" && key != "text" {
            warning("expected no \(path).\(key) (Patient keeps name and birthDate only), found one")
        }
        if let birthDate = patient["birthDate"] {
            guard let text = birthDate.stringValue, FHIRDateText.isDate(text) else {
                error("expected \(path).birthDate to be YYYY, YYYY-MM or YYYY-MM-DD, found another value")
                return
            }
        }
        if let names = patient["name"], names.arrayValue == nil {
            error("expected \(path).name to be an array, found another JSON type")
        }
    }

    private func checkImmunization(
        _ immunization: JSONObject, path: String, error: (String) -> Void, warning: (String) -> Void
    ) {
        for key in immunization.keys where !Self.immunizationMembers.contains(key) && key != "id" && key != "text" {
            warning("expected no \(path).\(key) (data minimisation), found one")
        }
        if immunization["status"]?.stringValue != "completed" {
            error("expected \(path).status to be completed, found another value")
        }
        let codings = immunization["vaccineCode"]?["coding"]?.arrayValue ?? []
        if codings.isEmpty {
            error("expected \(path).vaccineCode.coding to hold at least one coding, found none")
        } else if !codings.allSatisfy({ $0["system"]?.stringValue != nil && $0["code"]?.stringValue != nil }) {
            error("expected every coding of \(path).vaccineCode to have a system and a code, found one without")
        }
        if immunization["patient"]?["reference"]?.stringValue == nil {
            error("expected \(path).patient.reference, found none")
        }
        let dateTime = immunization["occurrenceDateTime"]
        let string = immunization["occurrenceString"]
        switch (dateTime, string) {
        case (nil, nil):
            error("expected one of \(path).occurrenceDateTime and .occurrenceString, found neither")
        case (.some, .some):
            error("expected only one of \(path).occurrenceDateTime and .occurrenceString, found both")
        case (.some(let value), nil):
            if !(value.stringValue.map(FHIRDateText.isDateTime) ?? false) {
                error("expected \(path).occurrenceDateTime to be a FHIR dateTime, found another value")
            }
        case (nil, .some(let value)):
            if value.stringValue == nil { error("expected \(path).occurrenceString to be a string, found another type") }
        }
        if let performers = immunization["performer"] {
            let valid = performers.arrayValue?.allSatisfy { $0["actor"]?["display"]?.stringValue != nil } ?? false
            if !valid { error("expected every \(path).performer to have actor.display, found one without") }
        }
        if let lot = immunization["lotNumber"], lot.stringValue == nil {
            error("expected \(path).lotNumber to be a string, found another JSON type")
        }
    }

    private func checkEmpty(_ value: JSONValue, path: String, error: (String) -> Void) {
        walk(value, path: path) { value, valuePath in
            switch value {
            case .string(let text) where text.isEmpty: error("expected no empty string at \(valuePath), found one")
            case .array(let items) where items.isEmpty: error("expected no empty array at \(valuePath), found one")
            case .object(let object) where object.count == 0: error("expected no empty object at \(valuePath), found one")
            default: break
            }
        }
    }

    private func checkReferences(_ value: JSONValue, path: String, _ visit: (String, String) -> Void) {
        walk(value, path: path) { value, valuePath in
            guard case .object(let object) = value, let reference = object["reference"] else { return }
            visit(valuePath + ".reference", reference.stringValue ?? "")
        }
    }

    /// Visits every value (depth-first, bounded by the parser's depth limit).
    private func walk(_ value: JSONValue, path: String, _ visit: (JSONValue, String) -> Void) {
        visit(value, path)
        switch value {
        case .array(let items):
            for (index, item) in items.enumerated() { walk(item, path: "\(path)[\(index)]", visit) }
        case .object(let object):
            for member in object.members { walk(member.value, path: "\(path).\(member.key)", visit) }
        default:
            break
        }
    }

    static func isResourceReference(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let prefix = Array("resource:".utf8)
        guard bytes.count > prefix.count, bytes.count <= prefix.count + 6, bytes.starts(with: prefix) else { return false }
        let digits = bytes[prefix.count...]
        return digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            && (digits.count == 1 || digits.first != UInt8(ascii: "0"))
    }
}
