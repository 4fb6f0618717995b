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

    /// Creates a validator (it has no settings).
    public init() {}

    /// Checks a bundle.
    public func validate(_ bundle: JSONValue) -> Findings {
        guard let tape = try? JSONTape(value: bundle) else {
            var findings = Findings()
            findings.errors.append(SHCError(.fhirSchema, "expected a FHIR Bundle without repeated member names, found repeats"))
            return findings
        }
        return validate(tape, bundle: tape.root)
    }

    /// Checks node `bundle` of a payload's tape.
    func validate(_ tape: JSONTape, bundle: Int) -> Findings {
        var findings = Findings()
        func error(_ text: String) { findings.errors.append(SHCError(.fhirSchema, text)) }
        func warning(_ text: String) { findings.warnings.append(SHCError(.fhirSchema, text)) }
        guard let type = tape.member("resourceType", of: bundle), tape.isString(at: type, equalTo: "Bundle") else {
            error("expected a FHIR Bundle (resourceType Bundle), found another value")
            return findings
        }
        guard let entries = tape.member("entry", of: bundle), tape.kind(at: entries) == .array, tape.count(at: entries) > 0 else {
            error("expected Bundle.entry to be a non-empty array, found none")
            return findings
        }
        let entryCount = tape.count(at: entries)
        // The N of each resource:N (the text is canonical, so equal numbers are equal texts); its errors are
        // reported after those of empty values.
        var fullUrls = ResourceNumbers(capacity: entryCount)
        var fullUrlErrors: [String] = []
        var entry = entries + 1
        for index in 0..<entryCount {
            defer { entry = tape.after(entry) }
            guard let fullUrl = tape.member("fullUrl", of: entry), tape.kind(at: fullUrl) == .string,
                let number = tape.withUTF8(at: fullUrl, Self.resourceNumber(bytes:))
            else {
                fullUrlErrors.append("expected Bundle.entry[\(index)].fullUrl to be resource:N, found another value")
                continue
            }
            if !fullUrls.insert(number) { fullUrlErrors.append("expected Bundle.entry[\(index)].fullUrl to be unique, found a repeat") }
        }
        // One pass gathers the empty values, unresolved references and CodeableConcept/Coding findings.
        let walk = SHCBundleWalk(tape: tape, bundle: bundle, fullUrls: fullUrls)
        walk.emptyErrors.forEach(error)
        fullUrlErrors.forEach(error)
        entry = entries + 1
        for index in 0..<entryCount {
            defer { entry = tape.after(entry) }
            // Spelled only for a finding.
            func path() -> String { "Bundle.entry[\(index)].resource" }
            guard let resource = tape.member("resource", of: entry), tape.kind(at: resource) == .object,
                let type = tape.member("resourceType", of: resource), tape.kind(at: type) == .string
            else {
                error("expected \(path()) to be an object with a resourceType, found another value")
                continue
            }
            let isPatient = tape.isString(at: type, equalTo: "Patient")
            let isImmunization = tape.isString(at: type, equalTo: "Immunization")
            for (entry, referencePath) in walk.unresolvedReferences where entry == index {
                let text = "expected \(referencePath) to be resource:N naming an entry, found another value"
                if isPatient || isImmunization { error(text) } else { warning(text) }
            }
            let members = SHCResourceMembers(
                resource, in: tape, profile: isPatient ? .patient : isImmunization ? .immunization : .other)
            // A meta that is not an object ends the common checks before the CodeableConcepts and Codings.
            if checkCommon(tape, members, path: path, error: error, warning: warning) {
                for (entry, text) in walk.minimisationWarnings where entry == index { warning(text) }
            }
            if isPatient { checkPatient(tape, members, path: path, error: error, warning: warning) }
            if isImmunization { checkImmunization(tape, members, path: path, error: error, warning: warning) }
        }
        return findings
    }

    /// The `id`, `text` and `meta` checks of a resource (its CodeableConcepts and Codings: ``SHCBundleWalk``).
    ///
    /// - Returns: false when `meta` is not an object (which ends the checks of the resource's values).
    private func checkCommon(
        _ tape: JSONTape, _ resource: SHCResourceMembers, path: () -> String, error: (String) -> Void, warning: (String) -> Void
    ) -> Bool {
        if resource.id != nil { warning("expected no \(path()).id (data minimisation), found one") }
        if resource.text != nil { warning("expected no \(path()).text (data minimisation), found one") }
        if let meta = resource.meta {
            guard tape.kind(at: meta) == .object else {
                warning("expected \(path()).meta to be an object holding security only, found another JSON type")
                return false
            }
            let security = tape.member("security", of: meta)
            if security == nil || Self.keys(of: meta, in: tape, contain: { !tape.isString(at: $0, equalTo: "security") }) {
                warning("expected \(path()).meta to hold security only, found other members")
            }
            if let security {
                var valid = tape.kind(at: security) == .array
                Self.forEachElement(of: security, in: tape) { coding in
                    let onlySystemAndCode = !Self.keys(of: coding, in: tape) {
                        !tape.isString(at: $0, equalTo: "system") && !tape.isString(at: $0, equalTo: "code")
                    }
                    if tape.kind(at: coding) != .object || !onlySystemAndCode
                        || tape.member("code", of: coding).map({ tape.kind(at: $0) != .string }) ?? true
                    {
                        valid = false
                    }
                }
                if !valid { error("expected \(path()).meta.security to be codings with system and code only, found others") }
            }
        }
        return true
    }

    private func checkPatient(
        _ tape: JSONTape, _ patient: SHCResourceMembers, path: () -> String, error: (String) -> Void, warning: (String) -> Void
    ) {
        for key in patient.extras {
            warning("expected no \(path()).\(tape.string(at: key) ?? "") (Patient keeps name and birthDate only), found one")
        }
        if let birthDate = patient.birthDate {
            guard let text = tape.string(at: birthDate), FHIRDateText.isDate(text) else {
                error("expected \(path()).birthDate to be YYYY, YYYY-MM or YYYY-MM-DD, found another value")
                return
            }
        }
        if let names = patient.name, tape.kind(at: names) != .array {
            error("expected \(path()).name to be an array, found another JSON type")
        }
    }

    private func checkImmunization(
        _ tape: JSONTape, _ immunization: SHCResourceMembers, path: () -> String, error: (String) -> Void, warning: (String) -> Void
    ) {
        for key in immunization.extras {
            warning("expected no \(path()).\(tape.string(at: key) ?? "") (data minimisation), found one")
        }
        if !(immunization.status.map { tape.isString(at: $0, equalTo: "completed") } ?? false) {
            error("expected \(path()).status to be completed, found another value")
        }
        let codings = immunization.vaccineCode.flatMap { tape.member("coding", of: $0) }
        if codings.map({ tape.kind(at: $0) != .array || tape.count(at: $0) == 0 }) ?? true {
            error("expected \(path()).vaccineCode.coding to hold at least one coding, found none")
        } else if let codings {
            var complete = true
            Self.forEachElement(of: codings, in: tape) { coding in
                let system = tape.member("system", of: coding), code = tape.member("code", of: coding)
                if system.map({ tape.kind(at: $0) != .string }) ?? true || code.map({ tape.kind(at: $0) != .string }) ?? true {
                    complete = false
                }
            }
            if !complete { error("expected every coding of \(path()).vaccineCode to have a system and a code, found one without") }
        }
        let patientReference = immunization.patient.flatMap { tape.member("reference", of: $0) }
        if patientReference.map({ tape.kind(at: $0) != .string }) ?? true {
            error("expected \(path()).patient.reference, found none")
        }
        let dateTime = immunization.occurrenceDateTime
        let string = immunization.occurrenceString
        switch (dateTime, string) {
        case (nil, nil):
            error("expected one of \(path()).occurrenceDateTime and .occurrenceString, found neither")
        case (.some, .some):
            error("expected only one of \(path()).occurrenceDateTime and .occurrenceString, found both")
        case (.some(let value), nil):
            if !(tape.string(at: value).map(FHIRDateText.isDateTime) ?? false) {
                error("expected \(path()).occurrenceDateTime to be a FHIR dateTime, found another value")
            }
        case (nil, .some(let value)):
            if tape.kind(at: value) != .string { error("expected \(path()).occurrenceString to be a string, found another type") }
        }
        if let performers = immunization.performer {
            var valid = tape.kind(at: performers) == .array
            Self.forEachElement(of: performers, in: tape) { performer in
                let display = tape.member("actor", of: performer).flatMap { tape.member("display", of: $0) }
                if display.map({ tape.kind(at: $0) != .string }) ?? true { valid = false }
            }
            if !valid { error("expected every \(path()).performer to have actor.display, found one without") }
        }
        if let lot = immunization.lotNumber, tape.kind(at: lot) != .string {
            error("expected \(path()).lotNumber to be a string, found another JSON type")
        }
    }

    /// Calls `body` with each element of array `array` (nothing for other kinds).
    static func forEachElement(of array: Int, in tape: JSONTape, _ body: (Int) -> Void) {
        guard tape.kind(at: array) == .array else { return }
        var element = array + 1
        for _ in 0..<tape.count(at: array) {
            body(element)
            element = tape.after(element)
        }
    }

    /// Calls `body` with each key node of object `object` (nothing for other kinds).
    static func forEachKey(of object: Int, in tape: JSONTape, _ body: (Int) -> Void) {
        guard tape.kind(at: object) == .object else { return }
        var key = object + 1
        for _ in 0..<tape.count(at: object) {
            body(key)
            key = tape.after(key + 1)
        }
    }

    /// Whether a key of object `object` satisfies `predicate` (false for other kinds).
    static func keys(of object: Int, in tape: JSONTape, contain predicate: (Int) -> Bool) -> Bool {
        var found = false
        forEachKey(of: object, in: tape) { key in if !found && predicate(key) { found = true } }
        return found
    }

    /// Whether `text` is `resource:N` (N: 1 to 6 digits, no leading zero unless N is 0).
    static func isResourceReference(_ text: String) -> Bool { resourceNumber(text) != nil }

    /// N when `text` is `resource:N` (N: 1 to 6 digits, no leading zero unless N is 0), nil otherwise.
    static func resourceNumber(_ text: String) -> Int? {
        // Over the contiguous bytes (a native string always has them): generic UTF8View steps cost more.
        text.utf8.withContiguousStorageIfAvailable(resourceNumber(bytes:)) ?? resourceNumber(bytes: Array(text.utf8))
    }

    static func resourceNumber(bytes: some RandomAccessCollection<UInt8>) -> Int? {
        let prefix: StaticString = "resource:"
        let prefixLength = prefix.utf8CodeUnitCount
        guard bytes.count > prefixLength, bytes.count <= prefixLength + 6 else { return nil }
        // Byte by byte against the prefix (a generic `elementsEqual` over the slice cost more than the rest).
        var index = bytes.startIndex
        for offset in 0..<prefixLength {
            guard bytes[index] == prefix.utf8Start[offset] else { return nil }
            index = bytes.index(after: index)
        }
        let digits = bytes[index...]
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
