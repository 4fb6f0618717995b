import JSON
import VaccinationRecord

extension DCCPayload {
    /// Maps the payload to a ``VaccinationRecord`` (see ``mapToRecord()`` for the notes).
    public func record() throws -> VaccinationRecord {
        try mapToRecord().record
    }

    /// Maps the payload to a ``VaccinationRecord``, with notes on what was not carried over.
    ///
    /// - `nam`: `fn`→`name.family`, `gn`→`name.given`, `fnt`/`gnt`→the transliterated forms; an empty name
    ///   member counts as absent.
    /// - `dob`: `""`→no birth date, otherwise a ``PartialDate``.
    /// - codes get systems as described in ``DCCCodeSystems``; `ma` of a vaccination→`manufacturer`.
    /// - `is`→`certificate.issuer`, `ci`→`certificate.hcid`, `ver`→`certificate.version`.
    /// - Only the first entry of `v`/`t`/`r` is mapped (note `DCC_ADDITIONAL_ENTRIES` for the others); unknown
    ///   members are noted (`DCC_UNMAPPED_MEMBER`); a date-time in a date field is cut to its date
    ///   (`DCC_DATE_TIME_TRUNCATED`). Empty optional members (`nm`, `ma`, `tc`, `dr` of a test) count as absent.
    ///
    /// - Throws: ``DCCPayloadError`` `DCC_UNMAPPABLE` naming the DCC path: an empty required code, an unknown
    ///   country, a malformed or non-existent date, a dose number below 1, or a record rule that fails.
    ///
    /// - Parameter enforceRecordRules: when false (verifiers), a record that breaks a cross-field rule of
    ///   ``VaccinationRecord/validate()`` (say `du` before `df`) is still returned, with a
    ///   `DCC_RECORD_RULE` note: the record then shows what the issuer signed.
    public func mapToRecord(enforceRecordRules: Bool = true) throws -> DCCRecordMapping {
        var mapper = RecordMapper()
        try Self.checkName(name)
        let personName = PersonName(
            family: Self.nonEmpty(name.familyName), given: Self.nonEmpty(name.givenName),
            familyTransliterated: Self.nonEmpty(name.familyNameTransliterated),
            givenTransliterated: Self.nonEmpty(name.givenNameTransliterated)
        )
        let birthDate = try mapper.birthDate(dateOfBirth)
        let event: RecordEvent
        let issuer: String
        let hcid: String
        switch entries {
        case .vaccinations(let list):
            guard let entry = list.first else { throw Self.noEntry("v") }
            event = .vaccination(try mapper.vaccination(entry, path: "v[0]"))
            (issuer, hcid) = (entry.issuer, entry.certificateIdentifier)
            mapper.noteUnknown(entry.unknownMembers, path: "v[0]")
        case .tests(let list):
            guard let entry = list.first else { throw Self.noEntry("t") }
            event = .test(try mapper.test(entry, path: "t[0]"))
            (issuer, hcid) = (entry.issuer, entry.certificateIdentifier)
            mapper.noteUnknown(entry.unknownMembers, path: "t[0]")
        case .recoveries(let list):
            guard let entry = list.first else { throw Self.noEntry("r") }
            event = .recovery(try mapper.recovery(entry, path: "r[0]"))
            (issuer, hcid) = (entry.issuer, entry.certificateIdentifier)
            mapper.noteUnknown(entry.unknownMembers, path: "r[0]")
        }
        if entries.count > 1 {
            mapper.notes.append(
                DCCMappingNote(
                    code: DCCMappingNote.additionalEntries, path: entries.memberName,
                    message: "\(entries.count) entries; only the first is mapped"
                ))
        }
        mapper.noteUnknown(name.unknownMembers, path: "nam")
        mapper.noteUnknown(unknownMembers, path: "")
        let entryPath = entries.memberName + "[0]"
        try mapper.requireText(issuer, path: entryPath + ".is")
        try mapper.requireText(hcid, path: entryPath + ".ci")
        let record = VaccinationRecord(
            name: personName, birthDate: birthDate, event: event,
            certificate: CertificateInfo(issuer: issuer, hcid: hcid, version: version)
        )
        do {
            try record.validate()
        } catch let error as RecordError {
            guard !enforceRecordRules else {
                throw DCCPayloadError(
                    .unmappable, path: error.path, "the mapped record breaks rule \(error.code): \(error.reason)")
            }
            mapper.notes.append(
                DCCMappingNote(
                    code: DCCMappingNote.recordRule, path: error.path,
                    message: "the record breaks rule \(error.code): \(error.reason)"))
        }
        return DCCRecordMapping(record: record, notes: mapper.notes)
    }

    static func noEntry(_ key: String) -> DCCPayloadError {
        DCCPayloadError(.missingField, path: key, "expected at least one entry")
    }

    /// The name needs `fn` or `gn`, and `fnt`/`gnt` must be ICAO 9303 (`A`–`Z`, `<`).
    static func checkName(_ name: DCCName) throws {
        guard nonEmpty(name.familyName) != nil || nonEmpty(name.givenName) != nil else {
            throw DCCPayloadError(.unmappable, path: "nam", "expected a non-empty fn or gn")
        }
        for (text, key) in [(name.familyNameTransliterated, "fnt"), (name.givenNameTransliterated, "gnt")] {
            guard let text = nonEmpty(text) else { continue }
            guard ICAOTransliteration.isValid(text, maximumLength: VaccinationRecord.maximumTextLength) else {
                throw DCCPayloadError(.unmappable, path: "nam." + key, "expected only A-Z and '<' (ICAO 9303)")
            }
        }
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}

/// Maps DCC entries to record events, collecting notes.
private struct RecordMapper {
    var notes: [DCCMappingNote] = []

    mutating func noteUnknown(_ members: JSONObject, path: String) {
        for key in members.keys {
            let displayKey = key.count <= 40 ? key : String(key.prefix(40)) + "…"
            notes.append(
                DCCMappingNote(
                    code: DCCMappingNote.unmappedMember, path: path.isEmpty ? displayKey : path + "." + displayKey,
                    message: "member not defined by the DCC schema; not carried into the record"
                ))
        }
    }

    mutating func birthDate(_ text: String) throws -> PartialDate? {
        if text.isEmpty { return nil }
        if let date = PartialDate(text) { return date }
        if let dateTime = DateTime(text) {
            noteTruncated("dob")
            return PartialDate(dateTime.date)
        }
        throw DCCPayloadError(.unmappable, path: "dob", "expected YYYY, YYYY-MM, YYYY-MM-DD or an empty string")
    }

    mutating func date(_ text: String, path: @autoclosure () -> String) throws -> CalendarDate {
        if let date = CalendarDate(text) { return date }
        if let dateTime = DateTime(text) {
            noteTruncated(path())
            return dateTime.date
        }
        throw DCCPayloadError(.unmappable, path: path(), "expected an existing date YYYY-MM-DD")
    }

    private mutating func noteTruncated(_ path: String) {
        notes.append(
            DCCMappingNote(
                code: DCCMappingNote.dateTimeTruncated, path: path,
                message: "a date-time where a date is expected; its date part is used"
            ))
    }

    func dateTime(_ text: String, path: @autoclosure () -> String) throws -> DateTime {
        guard let dateTime = DateTime(text) else {
            throw DCCPayloadError(.unmappable, path: path(), "expected an ISO 8601 date-time")
        }
        return dateTime
    }

    func coding(_ code: String, _ field: DCCCodeSystems.Field, path: @autoclosure () -> String) throws -> Coding {
        guard !code.isEmpty else {
            throw DCCPayloadError(.unmappable, path: path(), "expected a code, found an empty string")
        }
        return Coding(system: field.system(code), code: code)
    }

    func country(_ code: String, path: @autoclosure () -> String) throws -> CountryCode {
        guard let country = CountryCode(code) else {
            throw DCCPayloadError(.unmappable, path: path(), "expected an ISO 3166-1 country code")
        }
        return country
    }

    func requireText(_ text: String, path: @autoclosure () -> String) throws {
        guard !text.isEmpty else { throw DCCPayloadError(.unmappable, path: path(), "expected a non-empty string") }
    }

    func dose(_ value: Int, path: @autoclosure () -> String) throws -> Int {
        guard value >= 1 else { throw DCCPayloadError(.unmappable, path: path(), "expected an integer of at least 1") }
        return value
    }

    mutating func vaccination(_ entry: DCCVaccinationEntry, path: @autoclosure () -> String) throws -> VaccinationEvent {
        VaccinationEvent(
            disease: try coding(entry.targetedDisease, DCCCodeSystems.disease, path: path() + ".tg"),
            vaccine: try coding(entry.vaccineType, DCCCodeSystems.vaccine, path: path() + ".vp"),
            brand: try coding(entry.medicinalProduct, DCCCodeSystems.product, path: path() + ".mp"),
            manufacturer: try coding(entry.marketingAuthorizationHolder, DCCCodeSystems.holder, path: path() + ".ma"),
            date: try date(entry.date, path: path() + ".dt"),
            dose: try dose(entry.doseNumber, path: path() + ".dn"),
            totalDoses: try dose(entry.totalDoses, path: path() + ".sd"),
            country: try country(entry.country, path: path() + ".co")
        )
    }

    mutating func test(_ entry: DCCTestEntry, path: @autoclosure () -> String) throws -> TestEvent {
        TestEvent(
            disease: try coding(entry.targetedDisease, DCCCodeSystems.disease, path: path() + ".tg"),
            type: try coding(entry.testType, DCCCodeSystems.type, path: path() + ".tt"),
            name: DCCPayload.nonEmpty(entry.testName),
            device: try DCCPayload.nonEmpty(entry.testDevice).map {
                try coding($0, DCCCodeSystems.device, path: path() + ".ma")
            },
            sampleTime: try dateTime(entry.sampleTime, path: path() + ".sc"),
            resultTime: try DCCPayload.nonEmpty(entry.resultTime).map { try dateTime($0, path: path() + ".dr") },
            result: try coding(entry.testResult, DCCCodeSystems.result, path: path() + ".tr"),
            centre: DCCPayload.nonEmpty(entry.testCentre),
            country: try country(entry.country, path: path() + ".co")
        )
    }

    mutating func recovery(_ entry: DCCRecoveryEntry, path: @autoclosure () -> String) throws -> RecoveryEvent {
        let event = RecoveryEvent(
            disease: try coding(entry.targetedDisease, DCCCodeSystems.disease, path: path() + ".tg"),
            firstPositive: try date(entry.firstPositiveDate, path: path() + ".fr"),
            country: try country(entry.country, path: path() + ".co"),
            validFrom: try date(entry.validFrom, path: path() + ".df"),
            validUntil: try date(entry.validUntil, path: path() + ".du")
        )
        guard event.validFrom <= event.validUntil else {
            throw DCCPayloadError(.unmappable, path: path() + ".du", "expected a date on or after df")
        }
        return event
    }
}
