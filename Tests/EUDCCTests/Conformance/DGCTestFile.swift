import CredentialVerification
import Foundation
import JSON
import TestSupport

/// One file of dgc-testdata (EU DCC test vectors), with the fields the conformance run uses.
struct DGCTestFile: Sendable {
    /// Path below `dgc-testdata/`, e.g. `common/2DCode/raw/CO1.json`.
    let path: String
    let object: JSONValue

    /// The country folder (`common` for the shared edge cases).
    var country: String { String(path.split(separator: "/").first ?? "") }
    /// The file name without `.json`, as `known_issues.csv` names it (`CO1`, `401`).
    var name: String { String(path.split(separator: "/").last?.dropLast(5) ?? "") }

    /// `EXPECTEDRESULTS` booleans by flag name (without the `EXPECTED` prefix). Misspelled or nested
    /// entries that are not booleans are ignored, as eu-dcc.md advises.
    var expectations: [String: Bool] {
        guard case .object(let results) = object["EXPECTEDRESULTS"] ?? .null else { return [:] }
        var flags: [String: Bool] = [:]
        // A nested "EXPECTEDRESULTS": true (ES 1001-1003) is not a flag.
        for member in results.members where member.key.hasPrefix("EXPECTED") && member.key != "EXPECTEDRESULTS" {
            if case .bool(let value) = member.value { flags[String(member.key.dropFirst(8))] = value }
        }
        return flags
    }

    func string(_ key: String) -> String? { object[key]?.stringValue }

    /// Hex fields (`COSE`, `CBOR`, `COMPRESSED`) as bytes.
    func hex(_ key: String) -> [UInt8]? { string(key).flatMap(Hex.decode) }

    var context: JSONValue { object["TESTCTX"] ?? .null }

    /// The DSC as base64-decoded bytes, exactly as given.
    var certificate: [UInt8]? {
        context["CERTIFICATE"]?.stringValue.flatMap { Data(base64Encoded: $0, options: .ignoreUnknownCharacters) }.map(Array.init)
    }

    var validationClock: Date? {
        context["VALIDATIONCLOCK"]?.stringValue.flatMap(Timestamp.parse)
    }

    /// The base64 PNG of the QR code (three LV files spell the key `_2DCODE`).
    var pictureBase64: String? { string("2DCODE") ?? string("_2DCODE") }

    /// Every test file under dgc-testdata, sorted by path.
    static func all() throws -> [DGCTestFile] {
        let root = try TestData.url("dgc-testdata")
        let files = try TestData.files(under: "dgc-testdata", withExtension: "json")
            .filter { $0.path.contains("/2DCode/") }
        let options = JSONParser.Options(maxBytes: 16 << 20, maxDepth: 64, rejectDuplicateKeys: false)
        return try files.map { url in
            let relative = String(url.path.dropFirst(root.path.count + 1))
            return DGCTestFile(path: relative, object: try JSONParser.parse(Array(try Data(contentsOf: url)), options: options))
        }
    }
}
