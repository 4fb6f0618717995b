import VaccinationRecord

/// The issuing state of a seal (`data.hdr.is`, a Doc 9303-3 three-letter code) and its tie to the barcode
/// signer certificate: a state's CSCA certifies that state's signers only, so a seal's `hdr.is` must name the
/// country (C) of the certificate that signed it.
enum VDSNCIssuingState {
    /// The Doc 9303-3 code for `code`: three capital letters as given, an ISO 3166-1 alpha-2 code as its alpha-3
    /// code, `EU` as `EUE`, and OpenDVC's test country `XX` as `UTO` (the Doc 9303 specimen state); nil otherwise.
    static func code(for code: String?) -> String? {
        guard let code else { return nil }
        switch code {
        case "XX": return "UTO"
        case "EU": return "EUE"
        default: break
        }
        if VDSNCPayload.isThreeLetterCode(code) { return code }
        return ISO3166.alpha3(for: code)
    }

    /// Why `issuingState` (a seal's `hdr.is`) is not the state of the seal's barcode signer, whose certificate
    /// subject has the country (C) `country`; nil when it is.
    static func mismatch(_ issuingState: String?, signerCountry country: String?) -> VDSNCError? {
        guard let expected = code(for: country) else {
            return VDSNCError(
                .issuerMismatch,
                "expected the barcode signer certificate to name its state (subject C), found \(country == nil ? "none" : "a code that is not a state")")
        }
        guard issuingState == expected else {
            // `hdr.is` is shown only when it has the form of a state code: the seal is untrusted input.
            let found = issuingState.map { VDSNCPayload.isThreeLetterCode($0) ? $0 : "another value" } ?? "none"
            return VDSNCError(
                .issuerMismatch,
                "expected data.hdr.is \(expected), the state of the barcode signer certificate, found \(found)")
        }
        return nil
    }
}
