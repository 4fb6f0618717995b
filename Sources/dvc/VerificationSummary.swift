import CredentialVerification
import JSON

/// The short human summary `dvc verify` prints without `--json`.
enum VerificationSummary {
    static func text(for result: VerificationResult) -> String {
        var lines: [String] = []
        let format = result.format.map(displayName(for:)) ?? "Unknown format"
        lines.append("\(format): \(result.isValid ? "VALID" : "INVALID")")
        for error in result.errors { lines.append("  - \(error.code): \(error.message)") }
        for warning in result.warnings { lines.append("  ! \(warning.code): \(warning.message)") }
        if let record = result.credential?.json {
            let name = [record["name"]?["given"]?.stringValue, record["name"]?["family"]?.stringValue]
                .compactMap { $0 }.joined(separator: " ")
            let born = record["birthDate"]?.stringValue.map { ", born \($0)" } ?? ""
            lines.append("  Holder: \(name)\(born)")
            if let event = record["vaccination"] {
                let dose = event["dose"]?.integerValue.map(String.init) ?? "?"
                let total = event["totalDoses"]?.integerValue.map { " of \($0)" } ?? ""
                let product = event["brand"]?["code"]?.stringValue ?? event["vaccine"]?["code"]?.stringValue ?? "?"
                lines.append(
                    "  Vaccination: dose \(dose)\(total) on \(event["date"]?.stringValue ?? "?"), \(product), in \(event["country"]?.stringValue ?? "?")")
            } else if let event = record["test"] {
                lines.append(
                    "  Test: result \(event["result"]?["code"]?.stringValue ?? "?") sampled \(event["sampleTime"]?.stringValue ?? "?") in \(event["country"]?.stringValue ?? "?")")
            } else if let event = record["recovery"] {
                lines.append(
                    "  Recovery: valid \(event["validFrom"]?.stringValue ?? "?") to \(event["validUntil"]?.stringValue ?? "?") in \(event["country"]?.stringValue ?? "?")")
            }
        }
        if result.issuer != nil || result.keyID != nil {
            lines.append("  Signed by: issuer \(result.issuer ?? "?"), kid \(result.keyID ?? "?")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func displayName(for format: CredentialFormat) -> String {
        switch format {
        case .euDCC: return "EU DCC (HC1)"
        case .smartHealthCard: return "SMART Health Card"
        case .icaoVDSNC: return "ICAO VDS-NC"
        case .w3cVC: return "W3C Verifiable Credential"
        }
    }
}
