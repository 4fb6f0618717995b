import CodedErrors
import VaccinationRecord

extension VDSNCPayload {
    /// The canonical record of the seal, and what it could not carry over.
    ///
    /// The record holds one vaccination: the most recent dose (latest `dvc`, then highest `seq`); every other
    /// dose is reported as `ICAO_EXTRA_DOSE`. Codes come back in the record's code systems, as from the other
    /// formats (``recordCodes(of:path:codes:warnings:)``): `des`/`dis` in SNOMED CT, `nam` as the EU `mp` code with
    /// the product's marketing authorisation holder as manufacturer; what the tables do not know is kept and
    /// reported as `ICAO_UNMAPPED_CODE`. The country comes back as alpha-2, like the EU DCC's and the VC's.
    ///
    /// - Throws: ``VDSNCError`` `ICAO_UNMAPPABLE` when a value has no place in the record (a country that is not
    ///   ISO 3166-1, a malformed date, an empty name).
    public func mapToRecord(codes: VDSNCCodeTranslation = .standard) throws -> (
        record: VaccinationRecord, warnings: [GenericCodedError]
    ) {
        var warnings: [GenericCodedError] = []
        var latest: (event: Int, dose: Int)?
        for (eventIndex, event) in events.enumerated() {
            for (doseIndex, dose) in event.doses.enumerated() {
                guard let current = latest else {
                    latest = (eventIndex, doseIndex)
                    continue
                }
                let best = events[current.event].doses[current.dose]
                if (dose.date, dose.sequence) >= (best.date, best.sequence) { latest = (eventIndex, doseIndex) }
            }
        }
        guard let latest else {
            throw VDSNCError(.unmappable, "data.msg.ve: expected at least one dose, found none")
        }
        for (eventIndex, event) in events.enumerated() {
            for doseIndex in event.doses.indices where (eventIndex, doseIndex) != latest {
                warnings.append(
                    GenericCodedError(
                        VDSNCError(
                            .extraDose,
                            "data.msg.ve[\(eventIndex)].vd[\(doseIndex)]: an earlier dose that the record (one vaccination) does not carry"
                        )))
            }
        }
        let event = events[latest.event]
        let path = "data.msg.ve[\(latest.event)]"
        let recordCodes = Self.recordCodes(of: event, path: path, codes: codes, warnings: &warnings)
        let vaccination = try makeVaccination(
            recordCodes, dose: event.doses[latest.dose], path: "\(path).vd[\(latest.dose)]")
        var record = VaccinationRecord(
            name: try Self.personName(person.name), birthDate: nil, event: .vaccination(vaccination),
            certificate: CertificateInfo(issuer: issuingState, hcid: uvci))
        if let dob = person.birthDate {
            guard let date = PartialDate(dob) else {
                throw VDSNCError(
                    .unmappable, "data.msg.pid.dob: expected a date YYYY-MM-DD (or YYYY, YYYY-MM), found another text")
            }
            record.birthDate = date
        }
        switch person.sex {
        case "M"?: record.sex = .male
        case "F"?: record.sex = .female
        case "X"?: record.sex = .other
        default: record.sex = nil
        }
        if let document = person.travelDocumentNumber {
            record.identifier = RecordIdentifier(system: VDSNCRecordMapping.travelDocumentNumberSystem, value: document)
            if person.additionalIdentifier != nil {
                warnings.append(
                    GenericCodedError(
                        VDSNCError(
                            .unmappable,
                            "data.msg.pid.ai: an additional identifier that the record (one identifier, here pid.i) does not carry"
                        )))
            }
        } else if let additional = person.additionalIdentifier {
            record.identifier = RecordIdentifier(value: additional)
        }
        return (record, warnings)
    }

    private func makeVaccination(_ codes: RecordCodes, dose: VDSNCDose, path: String) throws -> VaccinationEvent {
        guard let date = CalendarDate(dose.date) else {
            throw VDSNCError(.unmappable, "\(path).dvc: expected a date YYYY-MM-DD, found another text")
        }
        guard let country = CountryCode(dose.country).flatMap({ CountryCode($0.alpha2) }) else {
            throw VDSNCError(.unmappable, "\(path).ctr: expected an ISO 3166-1 alpha-3 code, found another code")
        }
        var nextDose: CalendarDate?
        if let text = dose.nextDoseDate {
            guard let next = CalendarDate(text) else {
                throw VDSNCError(.unmappable, "\(path).dvn: expected a date YYYY-MM-DD, found another text")
            }
            nextDose = next
        }
        return VaccinationEvent(
            disease: codes.disease, vaccine: codes.vaccine, brand: codes.brand, manufacturer: codes.manufacturer,
            lot: dose.lot, date: date, dose: dose.sequence, country: country, centre: dose.centre, nextDose: nextDose)
    }

    /// The record name of a Doc 9303-3 name: before the first double space the family name, after it the given
    /// names. Parts made of `A`–`Z` and spaces also get their transliterated form (spaces as `<`).
    static func personName(_ text: String) throws -> PersonName {
        let scalars = Array(text.unicodeScalars)
        var split: Int?
        for index in scalars.indices.dropLast() where scalars[index] == " " && scalars[index + 1] == " " {
            split = index
            break
        }
        func clean(_ part: ArraySlice<Unicode.Scalar>) -> String? {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: part)
            let words = String(view).split(separator: " ", omittingEmptySubsequences: true)
            return words.isEmpty ? nil : words.joined(separator: " ")
        }
        let family = clean(split.map { scalars[..<$0] } ?? scalars[...])
        let given = split.flatMap { clean(scalars[($0 + 2)...]) }
        guard family != nil || given != nil else {
            throw VDSNCError(.unmappable, "data.msg.pid.n: expected a name with letters, found none")
        }
        func transliterated(_ part: String?) -> String? {
            guard let part else { return nil }
            let form = String(part.map { $0 == " " ? "<" : $0 })
            return ICAOTransliteration.isValid(form, maximumLength: 1_000) ? form : nil
        }
        return PersonName(
            family: family, given: given, familyTransliterated: transliterated(family),
            givenTransliterated: transliterated(given))
    }
}
