import VaccinationRecord

extension VDSNCPayload {
    /// The payload for one record (one vaccination).
    ///
    /// - Parameters:
    ///   - issuingState: `hdr.is`, three capital letters (Doc 9303-3).
    ///   - codes: how vaccine and disease codings become ICD-11 codes.
    /// - Throws: ``VDSNCError`` `ICAO_UNMAPPABLE` for a record that is not a vaccination or lacks a member the
    ///   profile requires (lot; a birth date or a travel document number), `ICAO_UNMAPPED_CODE` for a vaccine or disease without an ICD-11 code,
    ///   `ICAO_FIELD_TOO_LONG` for a field beyond the profile's length.
    public init(
        record: VaccinationRecord, issuingState: String, profile: VDSNCProfile = .standard,
        codes: VDSNCCodeTranslation = .standard
    ) throws {
        self = try Self.make(doses: [record], issuingState: issuingState, profile: profile, codes: codes).payload
    }

    /// The payload for the doses of one holder, one record per dose, truncated to ``VDSNCProfile/maximumDoses``
    /// (the most recent doses are kept; `droppedDoses` counts the others). Doses are ordered by date and dose
    /// number and grouped into one `ve` element per vaccine, product and disease. The holder and the UVCI come
    /// from the most recent record; every record must name the same holder.
    ///
    /// - Throws: as ``init(record:issuingState:profile:codes:)``, and `ICAO_UNMAPPABLE` for no records or
    ///   records of different holders.
    public static func make(
        doses records: [VaccinationRecord], issuingState: String, profile: VDSNCProfile = .standard,
        codes: VDSNCCodeTranslation = .standard
    ) throws -> (payload: VDSNCPayload, droppedDoses: Int) {
        guard let first = records.first else {
            throw VDSNCError(.unmappable, "records: expected at least one vaccination record, found none")
        }
        guard isThreeLetterCode(issuingState) else {
            throw VDSNCError(
                .issuance,
                "hdr.is: expected three capital letters (Doc 9303-3), found \(issuingState.unicodeScalars.count) characters"
            )
        }
        var entries: [(record: VaccinationRecord, vaccination: VaccinationEvent, index: Int)] = []
        for (index, record) in records.enumerated() {
            guard let vaccination = record.event.vaccination else {
                throw VDSNCError(
                    .unmappable,
                    "records[\(index)]: expected a vaccination, found a \(record.event.memberName) (icao.vacc carries vaccinations only)"
                )
            }
            guard record.name == first.name, record.birthDate == first.birthDate, record.sex == first.sex,
                record.identifier == first.identifier
            else {
                throw VDSNCError(
                    .unmappable,
                    "records[\(index)]: expected the holder of records[0], found another name, birth date, sex or identifier"
                )
            }
            entries.append((record, vaccination, index))
        }
        entries.sort {
            ($0.vaccination.date, $0.vaccination.dose, $0.index) < ($1.vaccination.date, $1.vaccination.dose, $1.index)
        }
        let dropped = max(0, entries.count - profile.maximumDoses)
        let kept = entries.suffix(profile.maximumDoses)
        let latest = kept.last?.record ?? first

        var events: [VDSNCVaccinationEvent] = []
        for entry in kept {
            let path = "records[\(entry.index)].vaccination"
            let event = try eventHeader(entry.vaccination, path: path, codes: codes)
            let dose = try makeDose(entry.vaccination, path: path)
            if let position = events.firstIndex(where: {
                $0.vaccine == event.vaccine && $0.productName == event.productName && $0.disease == event.disease
            }) {
                events[position].doses.append(dose)
            } else {
                events.append(
                    VDSNCVaccinationEvent(
                        vaccine: event.vaccine, productName: event.productName, disease: event.disease, doses: [dose]))
            }
        }
        let uvci = try latest.certificate.hcid ?? generateUVCI()
        try checkLength(uvci, "uvci", path: "certificate.hcid (msg.uvci)")
        let payload = VDSNCPayload(
            issuingState: issuingState, uvci: uvci, person: try makePerson(latest), events: events)
        return (payload, dropped)
    }

    /// A random UVCI of 12 characters from an alphabet without look-alike letters and digits.
    public static func generateUVCI() throws -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = VDSNCRecordMapping.uvciAlphabet
        return String((0..<12).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    private static func eventHeader(
        _ vaccination: VaccinationEvent, path: String, codes: VDSNCCodeTranslation
    ) throws -> (vaccine: String, productName: String, disease: String?) {
        guard let vaccine = codes.icd11Code(of: vaccination.vaccine) else {
            throw VDSNCError(
                .unmappedCode,
                "\(path).vaccine: expected a code with an ICD-11 equivalent, found system \(vaccination.vaccine.system) without one"
            )
        }
        try checkLength(vaccine, "ve.des", path: "\(path).vaccine (ve.des)")
        var disease: String?
        if let coding = vaccination.disease {
            guard let code = codes.icd11Code(of: coding) else {
                throw VDSNCError(
                    .unmappedCode,
                    "\(path).disease: expected a code with an ICD-11 equivalent, found system \(coding.system) without one"
                )
            }
            try checkLength(code, "ve.dis", path: "\(path).disease (ve.dis)")
            disease = code
        }
        // The tables' name first: it is the one a verifier translates back to the brand's code.
        let productName = codes.productName(vaccination.brand) ?? vaccination.brand.display ?? vaccination.brand.code
        return (vaccine, productName, disease)
    }

    private static func makeDose(_ vaccination: VaccinationEvent, path: String) throws -> VDSNCDose {
        guard (1...VDSNCProfile.maximumDoseNumber).contains(vaccination.dose) else {
            throw VDSNCError(
                .fieldTooLong,
                "\(path).dose (vd.seq): expected 1 to \(VDSNCProfile.maximumDoseNumber) (two digits), found \(vaccination.dose)"
            )
        }
        guard let lot = vaccination.lot else {
            throw VDSNCError(.unmappable, "\(path).lot: expected a lot number (vd.lot is required), found none")
        }
        try checkLength(lot, "ve.vd.lot", path: "\(path).lot (vd.lot)")
        if let centre = vaccination.centre { try checkLength(centre, "ve.vd.adm", path: "\(path).centre (vd.adm)") }
        return VDSNCDose(
            date: vaccination.date.text, sequence: vaccination.dose, country: vaccination.country.alpha3,
            centre: vaccination.centre, lot: lot, nextDoseDate: vaccination.nextDose?.text)
    }

    private static func makePerson(_ record: VaccinationRecord) throws -> VDSNCPerson {
        let name = try documentName(record.name)
        try checkLength(name, "pid.n", path: "name (pid.n)")
        var person = VDSNCPerson(name: name, birthDate: record.birthDate?.text)
        switch record.sex {
        case .male?: person.sex = "M"
        case .female?: person.sex = "F"
        case .other?: person.sex = "X"
        case .unknown?, nil: person.sex = nil
        }
        if let identifier = record.identifier {
            if identifier.system == VDSNCRecordMapping.travelDocumentNumberSystem {
                try checkLength(identifier.value, "pid.i", path: "identifier.value (pid.i)")
                person.travelDocumentNumber = identifier.value
            } else {
                try checkLength(identifier.value, "pid.ai", path: "identifier.value (pid.ai)")
                person.additionalIdentifier = identifier.value
            }
        }
        guard person.birthDate != nil || person.travelDocumentNumber != nil else {
            throw VDSNCError(
                .unmappable,
                "birthDate: expected a birth date or a travel document number (pid.dob or pid.i, the profile requires one), found neither"
            )
        }
        return person
    }

    /// The Doc 9303-3 name: primary identifier, two spaces, secondary identifier; transliterated, `<` as space.
    static func documentName(_ name: PersonName) throws -> String {
        func part(_ written: String?, _ transliterated: String?, _ member: String) throws -> String? {
            if let transliterated { return String(transliterated.map { $0 == "<" ? " " : $0 }) }
            guard let written else { return nil }
            guard let result = ICAOTransliteration.transliterate(written, maximumLength: 1_000) else {
                throw VDSNCError(
                    .unmappable,
                    "name.\(member): expected letters with an ICAO 9303 transliteration (or name.\(member)Transliterated), found others"
                )
            }
            return String(result.map { $0 == "<" ? " " : $0 })
        }
        let family = try part(name.family, name.familyTransliterated, "family").flatMap { $0.isEmpty ? nil : $0 }
        let given = try part(name.given, name.givenTransliterated, "given").flatMap { $0.isEmpty ? nil : $0 }
        switch (family, given) {
        case let (family?, given?): return "\(family)  \(given)"
        case let (family?, nil): return family
        case let (nil, given?): return given
        case (nil, nil): throw VDSNCError(.unmappable, "name: expected a family or given name with letters, found none")
        }
    }

    private static func checkLength(_ text: String, _ limitKey: String, path: String) throws {
        guard let limit = VDSNCProfile.fieldLimits[limitKey] else { return }
        let count = text.unicodeScalars.count
        guard count <= limit else {
            throw VDSNCError(
                .fieldTooLong, "\(path): expected at most \(limit) characters (ICAO VDS-NC \(limitKey)), found \(count)"
            )
        }
    }
}
