import VaccinationRecord

/// The four issued formats of the round trips.
enum RoundTripFormat: String, CaseIterable, Sendable, CustomStringConvertible {
    case euDCC = "EU DCC"
    case smartHealthCard = "SMART Health Card"
    case icaoVDSNC = "ICAO VDS-NC"
    case w3cVC = "W3C VC"

    var description: String { rawValue }
}

/// How one format carries one record field.
enum Carriage: Sendable {
    /// Carried: the value that comes back equals the original.
    case same
    /// Carried in the ICAO 9303 name (VDS-NC `pid.n`, "FAMILY  GIVEN"): the original's transliterated parts (the
    /// record's own, else ``ICAOTransliteration``) are compared with the parts that come back, `<` read as a
    /// space and without regard to case, as the whole `pid.n` text. The whole text, because Doc 9303 writes a
    /// single name as the primary identifier: a given-name-only record comes back with it as the family name.
    case icaoName
    /// A transliterated-name field the format fills itself when the record has none (EU DCC `fnt`/`gnt`): the
    /// original's transliterated form, else ``ICAOTransliteration`` of the written name.
    case transliteration
    /// Not carried, for the reason given: the value that comes back is not compared.
    case notCarried(String)
}

/// One record field and how each format carries it.
///
/// Codings compare by `system` and `code`. `display` is a label for people, not data: the EU DCC and VDS-NC
/// carry no display texts, and the verifiers that translate codes take their labels from the code tables.
struct RoundTripField: Sendable {
    let path: String
    let value: @Sendable (VaccinationRecord) -> String?
    let carriage: [RoundTripFormat: Carriage]

    static func coding(_ coding: Coding?) -> String? { coding.map { "\($0.system)|\($0.code)" } }

    static func vaccination(_ record: VaccinationRecord) -> VaccinationEvent? { record.event.vaccination }
}

/// Which fields each format carries, and why the others are not.
enum RoundTripFieldTable {
    private static let shcPatient = "SHC Patient (data-minimisation profile) has name and birthDate only"
    private static let shcImmunization = "SHC Immunization (data-minimisation profile) has no"
    private static let dccNoField = "the EU DCC has no field for it"

    static let fields: [RoundTripField] = [
        RoundTripField(
            path: "name.family", value: { $0.name.family },
            carriage: [.euDCC: .same, .smartHealthCard: .same, .icaoVDSNC: .icaoName, .w3cVC: .same]),
        RoundTripField(
            path: "name.given", value: { $0.name.given },
            carriage: [.euDCC: .same, .smartHealthCard: .same, .icaoVDSNC: .icaoName, .w3cVC: .same]),
        RoundTripField(
            path: "name.familyTransliterated", value: { $0.name.familyTransliterated },
            carriage: [
                .euDCC: .transliteration, .smartHealthCard: .notCarried("FHIR HumanName has no transliterated form"),
                .icaoVDSNC: .icaoName, .w3cVC: .same,
            ]),
        RoundTripField(
            path: "name.givenTransliterated", value: { $0.name.givenTransliterated },
            carriage: [
                .euDCC: .transliteration, .smartHealthCard: .notCarried("FHIR HumanName has no transliterated form"),
                .icaoVDSNC: .icaoName, .w3cVC: .same,
            ]),
        RoundTripField(
            path: "birthDate", value: { $0.birthDate?.text },
            carriage: [.euDCC: .same, .smartHealthCard: .same, .icaoVDSNC: .same, .w3cVC: .same]),
        RoundTripField(
            path: "sex", value: { $0.sex?.rawValue },
            carriage: [
                .euDCC: .notCarried(dccNoField), .smartHealthCard: .notCarried(shcPatient),
                // `unknown` has no pid.sex letter; none of the records uses it.
                .icaoVDSNC: .same, .w3cVC: .same,
            ]),
        RoundTripField(
            path: "identifier.value", value: { $0.identifier?.value },
            carriage: [
                .euDCC: .notCarried(dccNoField), .smartHealthCard: .notCarried(shcPatient), .icaoVDSNC: .same,
                .w3cVC: .same,
            ]),
        RoundTripField(
            path: "identifier.system", value: { $0.identifier?.system },
            carriage: [
                .euDCC: .notCarried(dccNoField), .smartHealthCard: .notCarried(shcPatient),
                .icaoVDSNC: .notCarried("pid.ai is a bare value; only pid.i implies a system (travel document)"),
                .w3cVC: .same,
            ]),
        RoundTripField(
            path: "vaccination.disease", value: { RoundTripField.coding(RoundTripField.vaccination($0)?.disease) },
            carriage: [.euDCC: .same, .smartHealthCard: .same, .icaoVDSNC: .same, .w3cVC: .same]),
        RoundTripField(
            path: "vaccination.vaccine", value: { RoundTripField.coding(RoundTripField.vaccination($0)?.vaccine) },
            carriage: [.euDCC: .same, .smartHealthCard: .same, .icaoVDSNC: .same, .w3cVC: .same]),
        RoundTripField(
            path: "vaccination.brand", value: { RoundTripField.coding(RoundTripField.vaccination($0)?.brand) },
            carriage: [.euDCC: .same, .smartHealthCard: .same, .icaoVDSNC: .same, .w3cVC: .same]),
        RoundTripField(
            path: "vaccination.manufacturer",
            value: { RoundTripField.coding(RoundTripField.vaccination($0)?.manufacturer) },
            carriage: [.euDCC: .same, .smartHealthCard: .same, .icaoVDSNC: .same, .w3cVC: .same]),
        RoundTripField(
            path: "vaccination.lot", value: { RoundTripField.vaccination($0)?.lot },
            carriage: [
                .euDCC: .notCarried(dccNoField), .smartHealthCard: .same, .icaoVDSNC: .same, .w3cVC: .same,
            ]),
        RoundTripField(
            path: "vaccination.date", value: { RoundTripField.vaccination($0)?.date.text },
            carriage: [.euDCC: .same, .smartHealthCard: .same, .icaoVDSNC: .same, .w3cVC: .same]),
        RoundTripField(
            path: "vaccination.dose", value: { RoundTripField.vaccination($0).map { "\($0.dose)" } },
            carriage: [
                .euDCC: .same, .smartHealthCard: .notCarried("\(shcImmunization) dose number (protocolApplied)"),
                .icaoVDSNC: .same, .w3cVC: .same,
            ]),
        RoundTripField(
            path: "vaccination.totalDoses", value: { RoundTripField.vaccination($0)?.totalDoses.map { "\($0)" } },
            carriage: [
                .euDCC: .same, .smartHealthCard: .notCarried("\(shcImmunization) series size"),
                .icaoVDSNC: .notCarried("vd has a dose number (seq) but no series size"), .w3cVC: .same,
            ]),
        RoundTripField(
            path: "vaccination.country", value: { RoundTripField.vaccination($0)?.country.code },
            carriage: [
                .euDCC: .same, .smartHealthCard: .notCarried("\(shcImmunization) country"), .icaoVDSNC: .same,
                .w3cVC: .same,
            ]),
        RoundTripField(
            path: "vaccination.centre", value: { RoundTripField.vaccination($0)?.centre },
            carriage: [
                .euDCC: .notCarried(dccNoField), .smartHealthCard: .same, .icaoVDSNC: .same, .w3cVC: .same,
            ]),
        RoundTripField(
            path: "vaccination.nextDose", value: { RoundTripField.vaccination($0)?.nextDose?.text },
            carriage: [
                .euDCC: .notCarried(dccNoField), .smartHealthCard: .notCarried("\(shcImmunization) next dose date"),
                .icaoVDSNC: .same, .w3cVC: .same,
            ]),
        RoundTripField(
            path: "certificate.issuer", value: { $0.certificate.issuer },
            carriage: [
                .euDCC: .same,
                .smartHealthCard: .notCarried("the card names its issuer by the iss URL only"),
                .icaoVDSNC: .notCarried("the seal names its issuer by hdr.is (a three-letter state) only"),
                .w3cVC: .same,
            ]),
        RoundTripField(
            path: "certificate.hcid", value: { $0.certificate.hcid },
            carriage: [
                .euDCC: .same, .smartHealthCard: .notCarried("a card has no certificate identifier (rid revokes)"),
                .icaoVDSNC: .same, .w3cVC: .same,
            ]),
    ]
}
