import QRCode

/// The credential formats OpenDVC issues, by the short names of `dvc issue --format` and the API.
public enum IssuanceFormat: String, CaseIterable, Sendable, Hashable {
    /// EU DCC (HCERT), `HC1:` text.
    case hc1
    /// SMART Health Card, numeric `shc:/` text.
    case shc
    /// ICAO VDS-NC, compact JSON.
    case vds
    /// W3C Verifiable Credential secured as VC-JOSE.
    case vc

    /// The file the QR text goes to with `dvc issue --all`.
    public var fileName: String {
        switch self {
        case .hc1: "hc1.txt"
        case .shc: "shc.txt"
        case .vds: "vds.json"
        case .vc: "vc.jwt"
        }
    }

    /// The level the format's guidance asks for: Q for the EU DCC, L for SMART Health Cards (the spec's
    /// examples), M for the others.
    public var defaultErrorCorrection: QRCode.ErrorCorrection {
        switch self {
        case .hc1: .quartile
        case .shc: .low
        case .vds, .vc: .medium
        }
    }
}
