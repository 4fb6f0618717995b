import Foundation

/// One `-----BEGIN LABEL----- … -----END LABEL-----` block of PEM text (RFC 7468), decoded.
struct PEMBlock {
    /// The label, for example `CERTIFICATE` or `PRIVATE KEY`.
    let label: String
    /// The decoded base64 body.
    let der: [UInt8]

    /// The longest label accepted (labels end up in error messages).
    static let maximumLabelLength = 40

    /// Whether `text` contains a PEM begin marker.
    static func looksLikePEM(_ text: String) -> Bool {
        text.contains("-----BEGIN ")
    }

    /// Parses every block in `text`; text outside blocks (comments, `subject=` lines) is ignored.
    ///
    /// - Throws: `TRUST_INVALID_PEM` for an unterminated or mismatched block, header lines, bad base64, an empty
    ///   body, or more than `maximumBlocks` blocks.
    static func parseAll(_ text: String, maximumBlocks: Int) throws -> [PEMBlock] {
        var blocks: [PEMBlock] = []
        var currentLabel: String?
        var body = ""
        var lineNumber = 0
        // `isNewline` also splits on "\r\n", which Swift treats as one Character.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if let label = currentLabel {
                if line.hasPrefix("-----END ") {
                    guard line == "-----END \(label)-----" else {
                        throw TrustError(
                            .invalidPEM,
                            "expected '-----END \(label)-----' on line \(lineNumber), found another END line"
                        )
                    }
                    blocks.append(try decode(label: label, body: body, blockNumber: blocks.count + 1))
                    currentLabel = nil
                    body = ""
                } else if line.hasPrefix("-----BEGIN ") {
                    throw TrustError(
                        .invalidPEM,
                        "expected '-----END \(label)-----' before line \(lineNumber), found a new BEGIN line"
                    )
                } else if line.contains(":") {
                    throw TrustError(
                        .invalidPEM,
                        "expected base64 on line \(lineNumber), found a header line (encrypted PEM is not supported)"
                    )
                } else {
                    body += line.filter { !$0.isWhitespace }
                }
            } else if line.hasPrefix("-----BEGIN ") {
                guard line.hasSuffix("-----"), line.count > "-----BEGIN -----".count,
                    line.count <= "-----BEGIN -----".count + maximumLabelLength
                else {
                    throw TrustError(
                        .invalidPEM,
                        "expected '-----BEGIN LABEL-----' with a label of at most \(maximumLabelLength) characters "
                            + "on line \(lineNumber)"
                    )
                }
                guard blocks.count < maximumBlocks else {
                    throw TrustError(.inputTooLarge, "expected at most \(maximumBlocks) PEM blocks, found more")
                }
                currentLabel = String(line.dropFirst("-----BEGIN ".count).dropLast("-----".count))
            }
        }
        if let label = currentLabel {
            throw TrustError(.invalidPEM, "expected '-----END \(label)-----', found the end of the text")
        }
        return blocks
    }

    private static func decode(label: String, body: String, blockNumber: Int) throws -> PEMBlock {
        guard !body.isEmpty else {
            throw TrustError(.invalidPEM, "expected base64 in PEM block \(blockNumber) (\(label)), found an empty body")
        }
        guard let data = Data(base64Encoded: body) else {
            throw TrustError(
                .invalidPEM,
                "expected valid base64 in PEM block \(blockNumber) (\(label)), found invalid characters or padding"
            )
        }
        return PEMBlock(label: label, der: [UInt8](data))
    }
}
