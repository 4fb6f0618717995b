import JSON

/// The signed part of an ICAO VDS-NC proof of vaccination: the `data` object, header (`hdr`) and message (`msg`).
///
/// ```json
/// {"hdr": {"t": "icao.vacc", "v": 1, "is": "UTO"},
///  "msg": {"uvci": "U32870", "pid": {"n": "SMITH  BILL", "dob": "1990-01-02", "sex": "M", "i": "A1234567"},
///          "ve": [{"des": "XM68M6", "nam": "Comirnaty", "dis": "RA01",
///                  "vd": [{"dvc": "2021-03-03", "seq": 1, "ctr": "AUS", "adm": "RCH", "lot": "VC35679"}]}]}}
/// ```
///
/// Parse received data with ``parse(_:)``, which reports every deviation from the profile instead of stopping at
/// the first; build data to sign with ``init(record:issuingState:profile:codes:)`` (one dose) or
/// ``make(doses:issuingState:profile:codes:)`` (several).
public struct VDSNCPayload: Sendable, Hashable {
    /// `hdr.is`: the issuing state or organisation (three letters, Doc 9303-3).
    public var issuingState: String
    /// `msg.uvci`: the unique vaccination certificate identifier, at most 12 characters.
    public var uvci: String
    /// `msg.pid`: the holder.
    public var person: VDSNCPerson
    /// `msg.ve`: the vaccinations, at least one.
    public var events: [VDSNCVaccinationEvent]

    /// Creates the value from its members; see the properties for their meaning.
    public init(issuingState: String, uvci: String, person: VDSNCPerson, events: [VDSNCVaccinationEvent]) {
        self.issuingState = issuingState
        self.uvci = uvci
        self.person = person
        self.events = events
    }

    /// The `data` object, members in profile order: `hdr` (`t`, `v`, `is`), then `msg` (`uvci`, `pid`, `ve`).
    public var json: JSONValue {
        let header: JSONObject = [
            "t": .string(VDSNCProfile.vaccinationType), "v": .integer(VDSNCProfile.version),
            "is": .string(issuingState),
        ]
        let message: JSONObject = ["uvci": .string(uvci), "pid": person.json, "ve": .array(events.map(\.json))]
        return .object(["hdr": .object(header), "msg": .object(message)])
    }

    /// The number of doses over all events.
    public var doseCount: Int { events.reduce(0) { $0 + $1.doses.count } }
}
