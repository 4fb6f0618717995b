import GS1

/// Rewrites GS1 identifiers in EPCIS values to the constrained canonical Digital Link of the CBV 2.0 event hash:
/// EPC URIs converted, any Digital Link domain replaced by `https://id.gs1.org`, query and fragment dropped, short
/// names replaced by AIs, GTINs padded to 14 digits, the CPV (22) removed and a lot dropped when a serial is present.
public enum DigitalLinkNormaliser {
    /// AIs and short names that start a Digital Link path.
    static let primaryKeys: Set<String> = [
        "01", "00", "253", "255", "401", "402", "414", "417", "8003", "8004", "8006", "8010", "8017", "8018",
    ]

    /// The canonical Digital Link for an EPC URI or a Digital Link URI; `nil` for anything else.
    public static func normalise(_ text: String) -> String? {
        if text.hasPrefix("urn:epc:") {
            guard let epc = try? EPCURI.parse(text) else { return nil }
            return epc.digitalLink.uri()
        }
        guard let first = text.utf8.first, first | 0x20 == UInt8(ascii: "h") else { return nil }
        let lower = String(text.prefix(8)).lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        var rest = Substring(text.drop(while: { $0 != ":" }).dropFirst(3))
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        let segments = rest.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        var start: Int?
        for i in segments.indices where i + 1 < segments.count {
            let code = GS1DigitalLink.shortNames[segments[i]] ?? segments[i]
            if primaryKeys.contains(code), startsWithFourDigits(segments[i + 1]) {
                start = i
                break
            }
        }
        guard let start else { return nil }
        var pairs: [(String, String)] = []
        var i = start
        while i + 1 < segments.count {
            pairs.append((GS1DigitalLink.shortNames[segments[i]] ?? segments[i], segments[i + 1]))
            i += 2
        }
        guard i == segments.count || (i == segments.count - 1 && segments[i].isEmpty), let key = pairs.first else {
            return nil
        }
        var keyValue = key.1
        if key.0 == "01" {
            guard keyValue.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            switch keyValue.utf8.count {
            case 14: break
            case 13: keyValue = "0" + keyValue
            case 12: keyValue = "00" + keyValue
            case 8: keyValue = "000000" + keyValue
            default: return nil
            }
        }
        var qualifiers = pairs.dropFirst().filter { $0.0 != "22" }
        if key.0 == "01" || key.0 == "8006", qualifiers.contains(where: { $0.0 == "21" }) {
            qualifiers.removeAll { $0.0 == "10" }
        }
        return "https://id.gs1.org/\(key.0)/\(keyValue)" + qualifiers.map { "/\($0.0)/\($0.1)" }.joined()
    }

    private static func startsWithFourDigits(_ text: String) -> Bool {
        let prefix = text.utf8.prefix(4)
        return prefix.count == 4 && prefix.allSatisfy { $0 >= 48 && $0 <= 57 } && text.utf8.count > 4
    }
}
