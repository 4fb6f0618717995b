/// The limits of the ICAO VDS-NC proof-of-vaccination profile (`icao.vacc`, version 1) and of this reader.
///
/// Field lengths follow the ICAO technical report "VDS-NC" (v1.1, May 2021) and the WHO data set it carries:
/// `uvci` 12, `pid.n` 39 (the Doc 9303 MRZ name length), `pid.dob` 10, `pid.sex` 1, `pid.i` 11, `pid.ai` 24,
/// `ve.des` 6, `ve.dis` 6, `vd.seq` two digits, `vd.ctr` 3, `vd.adm` 20, `vd.lot` 20, `vd.dvn` 10.
/// Lengths count characters (Unicode scalars), not bytes.
public struct VDSNCProfile: Sendable, Hashable {
    /// The `hdr.t` of a proof of vaccination.
    public static let vaccinationType = "\(vaccinationTypeLiteral)"
    /// ``vaccinationType`` as a literal, for comparisons with the bytes of a parsed seal.
    static let vaccinationTypeLiteral: StaticString = "icao.vacc"
    /// The `hdr.v` this implementation reads and writes.
    public static let version: Int64 = 1

    /// The largest seal text accepted by the verifier, in bytes. A QR code holds at most 2,953 bytes; the
    /// limit leaves room for DataMatrix/Aztec transports and pretty-printed test input.
    public static let maximumInputSize = 16 * 1024
    /// The deepest JSON nesting accepted (the profile needs 7: seal, data, msg, ve, event, vd, dose).
    public static let maximumDepth = 10
    /// The largest embedded barcode signer certificate accepted, in bytes.
    public static let maximumCertificateSize = 4 * 1024

    /// The most doses an issued seal carries; older doses are dropped first. The default, 6, is the
    /// `MaxDoses` of the Australian Passport Office generator; its QR codes (level M) read reliably up to about 5.
    public var maximumDoses: Int

    /// Creates a profile.
    public init(maximumDoses: Int = 6) {
        self.maximumDoses = max(1, maximumDoses)
    }

    /// The profile with default limits.
    public static let standard = VDSNCProfile()

    /// The maximum length, in characters, of each length-limited member, by its path inside `data.msg`
    /// (array indices left out).
    public static let fieldLimits: [String: Int] = [
        "uvci": 12,
        "pid.n": 39,
        "pid.dob": 10,
        "pid.sex": 1,
        "pid.i": 11,
        "pid.ai": 24,
        "ve.des": 6,
        "ve.dis": 6,
        "ve.vd.ctr": 3,
        "ve.vd.adm": 20,
        "ve.vd.lot": 20,
        "ve.vd.dvc": 10,
        "ve.vd.dvn": 10,
    ]

    /// The largest dose number (`seq` has at most two digits).
    public static let maximumDoseNumber = 99
}
