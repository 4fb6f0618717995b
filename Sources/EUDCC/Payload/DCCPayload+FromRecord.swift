import VaccinationRecord

extension DCCPayload {
    /// Builds the DCC payload for a record, in the layout of a published schema version.
    ///
    /// - `fn`/`gn` from the name; `fnt`/`gnt` are the record's transliterated forms when present, otherwise
    ///   ``ICAOTransliteration`` of `fn`/`gn` (cut to the version's maximum length).
    /// - `dob` from `birthDate` (`""` when absent, from 1.3.0); `co` is the alpha-2 code of the country;
    ///   `is` = `certificate.issuer`, `ci` = `certificate.hcid`.
    /// - vaccination: `tg` disease, `vp` vaccine, `mp` brand, `ma` = `maholder` if present else `manufacturer`,
    ///   `dn` dose, `sd` totalDoses, `dt` date. test: `tt` type, `nm` name, `ma` device, `sc` sampleTime,
    ///   `dr` resultTime (when present), `tr` result, `tc` centre. recovery: `fr`, `df`, `du`.
    /// - Record members the DCC has no field for (lot, centre and practitioner of a vaccination, validFrom,
    ///   nextDose, sex, identifier, certificate kid/version/period, coding displays) are not written.
    ///
    /// - Throws: ``DCCPayloadError``: `DCC_UNSUPPORTED_VERSION` when `schemaVersion` is not published;
    ///   `DCC_UNMAPPABLE` naming the record path when a value cannot be written: no `totalDoses` or `disease`,
    ///   a code system the field cannot express, a name without transliteration, a text longer than the
    ///   version allows, a birth date outside 1900–2099 or with a precision the version does not allow, a
    ///   sample time that is not RFC 3339, a missing test centre before 1.3.0, a missing family name before
    ///   1.3.2; and any ``RecordError`` of ``VaccinationRecord/validate()`` as `DCC_UNMAPPABLE`.
    public init(record: VaccinationRecord, schemaVersion: String = "1.3.0") throws {
        guard let version = DCCSchemaVersion(schemaVersion), DCCSchemaVersion.published.contains(version) else {
            let published = DCCSchemaVersion.published.map(\.description).joined(separator: ", ")
            throw DCCPayloadError(
                .unsupportedVersion, path: "", "expected one of the published schema versions \(published)")
        }
        do {
            try record.validate()
        } catch let error as RecordError {
            throw DCCPayloadError(
                .unmappable, path: error.path, "the record breaks rule \(error.code): \(error.reason)")
        }
        let writer = DCCWriter(version: version)
        let certificate = record.certificate
        let issuer = try writer.text(certificate.issuer, path: "certificate.issuer")
        guard let recordHCID = certificate.hcid else {
            throw DCCPayloadError(.missingField, path: "certificate.hcid", "required by the EU DCC (ci); issuers assign one")
        }
        let hcid = try writer.text(recordHCID, path: "certificate.hcid")
        let entries: DCCEntries
        switch record.event {
        case .vaccination(let event):
            entries = .vaccinations([try writer.vaccination(event, issuer: issuer, hcid: hcid)])
        case .test(let event):
            entries = .tests([try writer.test(event, issuer: issuer, hcid: hcid)])
        case .recovery(let event):
            entries = .recoveries([try writer.recovery(event, issuer: issuer, hcid: hcid)])
        }
        self.init(
            version: version.description, name: try writer.name(record.name),
            dateOfBirth: try writer.dateOfBirth(record.birthDate), entries: entries
        )
    }
}

/// Writes record values as DCC members for one schema version.
private struct DCCWriter {
    let version: DCCSchemaVersion

    /// A text member checked against the version's maximum length (counted in Unicode scalars, as JSON Schema).
    func text(_ text: String, path: String) throws -> String {
        guard text.unicodeScalars.count <= version.maximumTextLength else {
            throw DCCPayloadError(
                .unmappable, path: path,
                "longer than the \(version.maximumTextLength) characters schema \(version) allows"
            )
        }
        return text
    }

    func code(_ coding: Coding?, _ field: DCCCodeSystems.Field, path: String) throws -> String {
        guard let coding else { throw DCCPayloadError(.unmappable, path: path, "required by the EU DCC") }
        guard field.accepted.contains(coding.system) else {
            throw DCCPayloadError(
                .unmappable, path: path + ".system",
                "the EU DCC field needs \(field.expectation); accepted systems: "
                    + field.accepted.joined(separator: ", ")
            )
        }
        return try text(coding.code, path: path + ".code")
    }

    func name(_ name: PersonName) throws -> DCCName {
        let family = try transliterated(name.family, given: name.familyTransliterated, path: "name.family")
        let given = try transliterated(name.given, given: name.givenTransliterated, path: "name.given")
        if version.requiresFamilyNameTransliterated, family == nil {
            throw DCCPayloadError(
                .unmappable, path: "name.family",
                "schema \(version) requires a family name (fnt); use schema 1.3.2 or later for a given name only"
            )
        }
        return DCCName(
            familyName: try name.family.map { try text($0, path: "name.family") },
            familyNameTransliterated: family,
            givenName: try name.given.map { try text($0, path: "name.given") },
            givenNameTransliterated: given
        )
    }

    /// The transliterated form: the record's own, or computed from the written name.
    private func transliterated(_ written: String?, given: String?, path: String) throws -> String? {
        if let given {
            guard ICAOTransliteration.isValid(given, maximumLength: version.maximumTextLength) else {
                throw DCCPayloadError(
                    .unmappable, path: path + "Transliterated",
                    "longer than the \(version.maximumTextLength) characters schema \(version) allows"
                )
            }
            return given
        }
        guard let written else { return nil }
        guard let result = ICAOTransliteration.transliterate(written, maximumLength: version.maximumTextLength) else {
            throw DCCPayloadError(
                .unmappable, path: path,
                "has letters without an ICAO 9303 transliteration; add \(path)Transliterated"
            )
        }
        return result
    }

    func dateOfBirth(_ date: PartialDate?) throws -> String {
        guard let date else {
            guard version.allowsUnknownBirthDate else {
                throw DCCPayloadError(.unmappable, path: "birthDate", "schema \(version) requires a date of birth")
            }
            return ""
        }
        guard (1900...2099).contains(date.year) else {
            throw DCCPayloadError(.unmappable, path: "birthDate", "the EU DCC accepts years 1900 to 2099")
        }
        guard date.precision == .day || version.allowsPartialBirthDate else {
            throw DCCPayloadError(.unmappable, path: "birthDate", "schema \(version) requires a full date YYYY-MM-DD")
        }
        return date.text
    }

    func vaccination(_ event: VaccinationEvent, issuer: String, hcid: String) throws -> DCCVaccinationEntry {
        guard let totalDoses = event.totalDoses else {
            throw DCCPayloadError(.unmappable, path: "vaccination.totalDoses", "required by the EU DCC (sd)")
        }
        let holder =
            event.maholder.map { ($0, "vaccination.maholder") }
            ?? event.manufacturer.map { ($0, "vaccination.manufacturer") }
        return DCCVaccinationEntry(
            targetedDisease: try code(event.disease, DCCCodeSystems.disease, path: "vaccination.disease"),
            vaccineType: try code(event.vaccine, DCCCodeSystems.vaccine, path: "vaccination.vaccine"),
            medicinalProduct: try code(event.brand, DCCCodeSystems.product, path: "vaccination.brand"),
            marketingAuthorizationHolder: try code(
                holder?.0, DCCCodeSystems.holder, path: holder?.1 ?? "vaccination.manufacturer"
            ),
            doseNumber: event.dose, totalDoses: totalDoses, date: event.date.text, country: event.country.alpha2,
            issuer: issuer, certificateIdentifier: hcid
        )
    }

    func test(_ event: TestEvent, issuer: String, hcid: String) throws -> DCCTestEntry {
        for (time, path) in [(event.sampleTime, "test.sampleTime"), (event.resultTime, "test.resultTime")] {
            guard let time, !time.isRFC3339 else { continue }
            throw DCCPayloadError(
                .unmappable, path: path, "the EU DCC needs an RFC 3339 date-time with seconds and a UTC offset"
            )
        }
        if version.requiresTestCentre, event.centre == nil {
            throw DCCPayloadError(.unmappable, path: "test.centre", "schema \(version) requires a testing centre (tc)")
        }
        return DCCTestEntry(
            targetedDisease: try code(event.disease, DCCCodeSystems.disease, path: "test.disease"),
            testType: try code(event.type, DCCCodeSystems.type, path: "test.type"),
            testName: try event.name.map { try text($0, path: "test.name") },
            testDevice: try event.device.map { try code($0, DCCCodeSystems.device, path: "test.device") },
            sampleTime: event.sampleTime.text, resultTime: event.resultTime?.text,
            testResult: try code(event.result, DCCCodeSystems.result, path: "test.result"),
            testCentre: try event.centre.map { try text($0, path: "test.centre") },
            country: event.country.alpha2, issuer: issuer, certificateIdentifier: hcid
        )
    }

    func recovery(_ event: RecoveryEvent, issuer: String, hcid: String) throws -> DCCRecoveryEntry {
        DCCRecoveryEntry(
            targetedDisease: try code(event.disease, DCCCodeSystems.disease, path: "recovery.disease"),
            firstPositiveDate: event.firstPositive.text, country: event.country.alpha2, issuer: issuer,
            validFrom: event.validFrom.text, validUntil: event.validUntil.text, certificateIdentifier: hcid
        )
    }
}
