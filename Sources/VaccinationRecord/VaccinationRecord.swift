/// The canonical health record that every credential format is issued from and decoded into, aligned with
/// the WHO DDCC:VS core data set (extended with test and recovery events for the EU DCC).
///
/// Its JSON form (``init(json:)`` / ``json``) is the input of `dvc issue` and the `credential` member of
/// `dvc verify --json`; it is documented field by field in `docs/RECORD.md`. The JSON reader is strict:
/// unknown members, wrong types and invalid values are errors (``RecordError``) that name the JSON path,
/// never the value.
public struct VaccinationRecord: Sendable, Hashable {
    /// The largest accepted text member, in UTF-8 bytes (input from outside is untrusted).
    public static let maximumTextLength = 1_000

    /// The holder's name.
    public var name: PersonName
    /// Date of birth (possibly only year or year and month); `nil` when unknown.
    public var birthDate: PartialDate?
    /// Administrative sex (DDCC:VS Continuity of Care).
    public var sex: Sex?
    /// A person identifier (national ID, health ID...).
    public var identifier: RecordIdentifier?
    /// The vaccination, test or recovery attested.
    public var event: RecordEvent
    /// Certificate metadata (issuer, HCID...).
    public var certificate: CertificateInfo

    /// Creates a record; call ``validate()`` before using one built in code.
    public init(
        name: PersonName, birthDate: PartialDate?, sex: Sex? = nil, identifier: RecordIdentifier? = nil,
        event: RecordEvent, certificate: CertificateInfo
    ) {
        self.name = name
        self.birthDate = birthDate
        self.sex = sex
        self.identifier = identifier
        self.event = event
        self.certificate = certificate
    }
}
