import Foundation

/// Loads document signer certificates from the file formats operators hand around.
///
/// Accepted forms:
/// - PEM: one or several `-----BEGIN CERTIFICATE-----` blocks; text between blocks is ignored, other block labels
///   (keys, CSRs) are rejected so that a key file is never mistaken for trust material.
/// - DER: the certificate bytes (starting with `0x30`).
/// - base64: one line of base64 DER, like `TESTCTX.CERTIFICATE` in the EU DCC test data (whitespace is tolerated).
public enum TrustMaterialLoader {
    /// The largest input accepted, in bytes.
    public static let maximumInputSize = 16 * 1024 * 1024
    /// The most certificates one input may hold.
    public static let maximumCertificateCount = 10_000

    /// Reads every certificate in `data`.
    ///
    /// - Throws: ``TrustError``: `TRUST_UNRECOGNIZED_FORMAT` when the input is none of the accepted forms,
    ///   `TRUST_INVALID_PEM` for malformed PEM, `TRUST_INVALID_CERTIFICATE` or `TRUST_UNSUPPORTED_KEY` for a
    ///   certificate that cannot be used (naming its position), `TRUST_INPUT_TOO_LARGE` beyond the limits.
    public static func certificates(from data: [UInt8]) throws -> [DocumentSignerCertificate] {
        guard data.count <= maximumInputSize else {
            throw TrustError(
                .inputTooLarge,
                "expected trust material of at most \(maximumInputSize) bytes, found \(data.count)"
            )
        }
        guard let first = data.first(where: { !isWhitespace($0) }) else {
            throw TrustError(.unrecognizedFormat, "expected \(acceptedForms), found an empty input")
        }
        if data.first == 0x30 {
            return [try DocumentSignerCertificate(derEncoded: data)]
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw TrustError(.unrecognizedFormat, "expected \(acceptedForms), found \(data.count) bytes of binary data")
        }
        if PEMBlock.looksLikePEM(text) {
            return try certificates(fromPEM: text)
        }
        if isBase64Character(first), data.allSatisfy({ isBase64Character($0) || isWhitespace($0) }) {
            let compact = String(decoding: data.filter { !isWhitespace($0) }, as: UTF8.self)
            guard let decoded = Data(base64Encoded: compact) else {
                throw TrustError(
                    .unrecognizedFormat,
                    "expected \(acceptedForms), found base64 text with invalid padding"
                )
            }
            return [try DocumentSignerCertificate(derEncoded: [UInt8](decoded))]
        }
        throw TrustError(.unrecognizedFormat, "expected \(acceptedForms), found \(data.count) bytes of other text")
    }

    /// Reads every certificate in the file at `path` (see ``certificates(from:)``).
    ///
    /// - Throws: `TRUST_IO` when the file cannot be read, and the errors of ``certificates(from:)``.
    public static func certificates(contentsOfFile path: String) throws -> [DocumentSignerCertificate] {
        try certificates(from: POSIXFile.read(path, maximumSize: maximumInputSize))
    }

    static let acceptedForms =
        "PEM '-----BEGIN CERTIFICATE-----' blocks, a DER certificate, or one line of base64 DER"

    private static func certificates(fromPEM text: String) throws -> [DocumentSignerCertificate] {
        let blocks = try PEMBlock.parseAll(text, maximumBlocks: maximumCertificateCount)
        guard !blocks.isEmpty else {
            throw TrustError(.invalidPEM, "expected at least one '-----BEGIN CERTIFICATE-----' block, found none")
        }
        var result: [DocumentSignerCertificate] = []
        for (offset, block) in blocks.enumerated() {
            let position = "PEM block \(offset + 1) of \(blocks.count)"
            guard block.label == "CERTIFICATE" else {
                throw TrustError(.invalidPEM, "\(position): expected a CERTIFICATE block, found '\(block.label)'")
            }
            do {
                result.append(try DocumentSignerCertificate(derEncoded: block.der))
            } catch let error as TrustError {
                throw error.prefixed(position)
            }
        }
        return result
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d
    }

    private static func isBase64Character(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }
}
