import JSON
import VaccinationRecord

extension VDSNCPayload {
    /// The outcome of reading a `data` object.
    public struct ParseResult: Sendable {
        /// The payload, when every required member is present with its type (it may still break length or
        /// format rules: see ``violations``).
        public var payload: VDSNCPayload?
        /// Every deviation from the `icao.vacc` profile, as `path: expected ...`, without values.
        public var violations: [String]
    }

    /// Reads a received `data` object and checks it against the profile: header (`t` = `icao.vacc`, `v` = 1,
    /// `is` three capital letters), required members and their types, no members beyond the profile's, field
    /// lengths, dates, dose numbers (1–99), country codes (three capital letters), and `dob` or `i` present.
    ///
    /// A partial birth date (`YYYY` or `YYYY-MM`) is accepted: the profile asks for a full date, but an issuer
    /// that knows only the year has no other way to say so.
    public static func parse(_ data: JSONValue) -> ParseResult {
        guard let tape = try? JSONTape(value: data) else {
            return ParseResult(payload: nil, violations: ["data: expected an object without repeated member names, found repeats"])
        }
        return parse(tape, data: tape.root)
    }

    /// Reads node `data` of a parsed seal (see ``parse(_:)``).
    static func parse(_ tape: JSONTape, data: Int) -> ParseResult {
        let log = VDSNCFieldReader.Log()
        let payload = read(tape, data, log: log)
        return ParseResult(payload: payload, violations: log.violations)
    }

    private static func read(_ tape: JSONTape, _ data: Int, log: VDSNCFieldReader.Log) -> VDSNCPayload? {
        guard let root = VDSNCFieldReader(tape, data, path: VDSNCFieldPath(base: "data"), allowed: ["hdr", "msg"], log: log)
        else { return nil }
        let state = readHeader(tape, root.member("hdr"), log: log)
        guard
            let message = VDSNCFieldReader(
                tape, root.member("msg"), path: VDSNCFieldPath(base: "data.msg"), allowed: ["uvci", "pid", "ve"], log: log)
        else { return nil }
        let limits = VDSNCProfile.limits
        let uvci = message.string("uvci", required: true, limit: limits.uvci)
        let person = readPerson(tape, message.member("pid"), limits: limits, log: log)
        var events: [VDSNCVaccinationEvent]? = []
        for (index, element) in (message.array("ve") ?? []).enumerated() {
            let event = readEvent(
                tape, element, path: VDSNCFieldPath(base: "data.msg.ve", event: index), limits: limits, log: log)
            if let event { events?.append(event) } else { events = nil }
        }
        guard let state, let uvci, let person, let events, !events.isEmpty else { return nil }
        return VDSNCPayload(issuingState: state, uvci: uvci, person: person, events: events)
    }

    private static func readHeader(_ tape: JSONTape, _ node: Int?, log: VDSNCFieldReader.Log) -> String? {
        guard
            let header = VDSNCFieldReader(
                tape, node, path: VDSNCFieldPath(base: "data.hdr"), allowed: ["t", "v", "is"], log: log)
        else {
            return nil
        }
        if let type = header.string("t", required: true), type != VDSNCProfile.vaccinationType {
            log.add("data.hdr.t", "expected \(VDSNCProfile.vaccinationType), found another type")
        }
        let version = header.member("v")
        if version.flatMap(tape.integer(at:)) != VDSNCProfile.version {
            log.add(
                "data.hdr.v",
                "expected the version \(VDSNCProfile.version), found \(version == nil ? "none" : "another value")"
            )
        }
        let state = header.string("is", required: true)
        if let state, !isThreeLetterCode(state) {
            log.add(
                "data.hdr.is",
                "expected three capital letters (Doc 9303-3), found \(state.unicodeScalars.count) characters")
        }
        return state
    }

    private static func readPerson(
        _ tape: JSONTape, _ node: Int?, limits: VDSNCProfile.Limits, log: VDSNCFieldReader.Log
    ) -> VDSNCPerson? {
        guard
            let pid = VDSNCFieldReader(
                tape, node, path: VDSNCFieldPath(base: "data.msg.pid"), allowed: VDSNCPerson.members, log: log)
        else {
            return nil
        }
        let name = pid.string("n", required: true, limit: limits.name)
        let birthDate = pid.string("dob", required: false, limit: limits.birthDate)
        if let birthDate, PartialDate(birthDate) == nil {
            log.add("data.msg.pid.dob", "expected a date YYYY-MM-DD (or YYYY, YYYY-MM), found another text")
        }
        let sex = pid.string("sex", required: false, limit: limits.sex)
        if let sex, !["M", "F", "X"].contains(sex) {
            log.add("data.msg.pid.sex", "expected M, F or X, found another text")
        }
        let document = pid.string("i", required: false, limit: limits.documentNumber)
        let additional = pid.string("ai", required: false, limit: limits.additionalIdentifier)
        if birthDate == nil, document == nil {
            log.add(
                "data.msg.pid",
                "expected dob or i (the profile requires the date of birth without a travel document number), found neither"
            )
        }
        guard let name else { return nil }
        return VDSNCPerson(
            name: name, birthDate: birthDate, sex: sex, travelDocumentNumber: document, additionalIdentifier: additional
        )
    }

    private static func readEvent(
        _ tape: JSONTape, _ node: Int, path: VDSNCFieldPath, limits: VDSNCProfile.Limits, log: VDSNCFieldReader.Log
    ) -> VDSNCVaccinationEvent? {
        guard let event = VDSNCFieldReader(tape, node, path: path, allowed: VDSNCVaccinationEvent.members, log: log) else {
            return nil
        }
        let vaccine = event.string("des", required: true, limit: limits.vaccine)
        let productName = event.string("nam", required: true)
        let disease = event.string("dis", required: false, limit: limits.disease)
        var doses: [VDSNCDose]? = []
        for (index, element) in (event.array("vd") ?? []).enumerated() {
            var dosePath = path
            dosePath.dose = index
            let dose = readDose(tape, element, path: dosePath, limits: limits, log: log)
            if let dose { doses?.append(dose) } else { doses = nil }
        }
        guard let vaccine, let productName, let doses, !doses.isEmpty else { return nil }
        return VDSNCVaccinationEvent(vaccine: vaccine, productName: productName, disease: disease, doses: doses)
    }

    private static func readDose(
        _ tape: JSONTape, _ node: Int, path: VDSNCFieldPath, limits: VDSNCProfile.Limits, log: VDSNCFieldReader.Log
    ) -> VDSNCDose? {
        guard let dose = VDSNCFieldReader(tape, node, path: path, allowed: VDSNCDose.members, log: log) else { return nil }
        let date = dose.date("dvc", required: true, limit: limits.date)
        let sequence = dose.doseNumber("seq")
        let country = dose.string("ctr", required: true, limit: limits.country)
        if let country, !isThreeLetterCode(country) {
            log.add(path.member("ctr"), "expected three capital letters (ISO 3166-1 alpha-3), found another text")
        }
        let centre = dose.string("adm", required: false, limit: limits.centre)
        let lot = dose.string("lot", required: true, limit: limits.lot)
        let next = dose.date("dvn", required: false, limit: limits.nextDoseDate)
        guard let date, let sequence, let country else { return nil }
        return VDSNCDose(date: date, sequence: sequence, country: country, centre: centre, lot: lot, nextDoseDate: next)
    }

    static func isThreeLetterCode(_ text: String) -> Bool {
        text.utf8.count == 3 && text.utf8.allSatisfy { (0x41...0x5A).contains($0) }
    }
}
