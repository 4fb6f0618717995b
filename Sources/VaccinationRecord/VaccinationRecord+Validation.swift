extension VaccinationRecord {
    /// Checks the rules that types alone cannot express; ``init(json:)`` calls it, call it for records built
    /// in code.
    ///
    /// Rules: texts are non-empty and at most ``maximumTextLength`` bytes; a name has a family or a given
    /// name, and transliterated names use only `A`–`Z` and `<`; codings have a system and a code; a vaccination
    /// has `dose` ≥ 1, `totalDoses` ≥ 1 when present, and a `manufacturer` or a `maholder` (DDCC invariant
    /// who-ddcc-data-1); a recovery's `validFrom` is not after `validUntil`; the certificate has an issuer and
    /// an HCID, and its period does not end before it starts.
    ///
    /// - Throws: the first ``RecordError`` found, naming the JSON path.
    public func validate() throws {
        try validateName()
        if let identifier { try Self.check(identifier, path: "identifier") }
        switch event {
        case .vaccination(let vaccination): try Self.check(vaccination, path: "vaccination")
        case .test(let test): try Self.check(test, path: "test")
        case .recovery(let recovery): try Self.check(recovery, path: "recovery")
        }
        try Self.check(certificate, path: "certificate")
    }

    private func validateName() throws {
        guard name.family != nil || name.given != nil else {
            throw RecordError(.missingField, path: "name", "expected a family or a given name")
        }
        try Self.checkText(name.family, path: "name.family")
        try Self.checkText(name.given, path: "name.given")
        for (text, key) in [
            (name.familyTransliterated, "familyTransliterated"), (name.givenTransliterated, "givenTransliterated"),
        ] {
            guard let text else { continue }
            guard !text.isEmpty, ICAOTransliteration.isValid(text, maximumLength: Self.maximumTextLength) else {
                throw RecordError(
                    .invalidField, path: "name." + key, "expected a non-empty ICAO 9303 name of A-Z and '<'"
                )
            }
        }
    }

    private static func check(_ vaccination: VaccinationEvent, path: @autoclosure () -> String) throws {
        if let disease = vaccination.disease { try check(disease, path: path() + ".disease") }
        try check(vaccination.vaccine, path: path() + ".vaccine")
        try check(vaccination.brand, path: path() + ".brand")
        if let manufacturer = vaccination.manufacturer { try check(manufacturer, path: path() + ".manufacturer") }
        if let maholder = vaccination.maholder { try check(maholder, path: path() + ".maholder") }
        guard vaccination.manufacturer != nil || vaccination.maholder != nil else {
            throw RecordError(.missingField, path: path() + ".manufacturer", "expected a manufacturer or a maholder")
        }
        try checkText(vaccination.lot, path: path() + ".lot")
        guard vaccination.dose >= 1 else {
            throw RecordError(.invalidField, path: path() + ".dose", "expected an integer of at least 1")
        }
        if let totalDoses = vaccination.totalDoses, totalDoses < 1 {
            throw RecordError(.invalidField, path: path() + ".totalDoses", "expected an integer of at least 1")
        }
        try checkText(vaccination.centre, path: path() + ".centre")
        if let practitioner = vaccination.practitioner { try check(practitioner, path: path() + ".practitioner") }
    }

    private static func check(_ test: TestEvent, path: @autoclosure () -> String) throws {
        try check(test.disease, path: path() + ".disease")
        try check(test.type, path: path() + ".type")
        try checkText(test.name, path: path() + ".name")
        if let device = test.device { try check(device, path: path() + ".device") }
        try check(test.result, path: path() + ".result")
        try checkText(test.centre, path: path() + ".centre")
    }

    private static func check(_ recovery: RecoveryEvent, path: @autoclosure () -> String) throws {
        try check(recovery.disease, path: path() + ".disease")
        guard recovery.validFrom <= recovery.validUntil else {
            throw RecordError(.invalidDate, path: path() + ".validUntil", "expected a date on or after validFrom")
        }
    }

    private static func check(_ certificate: CertificateInfo, path: @autoclosure () -> String) throws {
        try checkText(certificate.issuer, path: path() + ".issuer")
        try checkText(certificate.hcid, path: path() + ".hcid")
        try checkText(certificate.kid, path: path() + ".kid")
        try checkText(certificate.version, path: path() + ".version")
        if let start = certificate.period?.start?.secondsSince1970, let end = certificate.period?.end?.secondsSince1970,
            end < start
        {
            throw RecordError(.invalidDate, path: path() + ".period.end", "expected a time on or after period.start")
        }
    }

    private static func check(_ coding: Coding, path: @autoclosure () -> String) throws {
        try checkText(coding.system, path: path() + ".system")
        try checkText(coding.code, path: path() + ".code")
        try checkText(coding.display, path: path() + ".display")
    }

    private static func check(_ identifier: RecordIdentifier, path: @autoclosure () -> String) throws {
        try checkText(identifier.system, path: path() + ".system")
        try checkText(identifier.value, path: path() + ".value")
    }

    // Paths are autoclosures: they are only built when a rule fails (validation runs for every decoded record).

    /// A text member, when present, is non-empty and at most ``maximumTextLength`` bytes.
    private static func checkText(_ text: String?, path: @autoclosure () -> String) throws {
        guard let text else { return }
        guard !text.isEmpty else { throw RecordError(.invalidField, path: path(), "expected a non-empty string") }
        guard text.utf8.count <= maximumTextLength else {
            throw RecordError(.invalidField, path: path(), "expected at most \(maximumTextLength) bytes of text")
        }
    }
}
