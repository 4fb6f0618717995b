import Foundation
import TestSupport
import Trust

/// The parts of one EU DCC test file (`dgc-testdata/**/2DCode/raw/*.json`) that trust tests use.
struct DGCTestVector: Sendable {
    /// Path relative to `dgc-testdata`, for example `IS/2DCode/raw/3.json`.
    let name: String
    /// `TESTCTX.CERTIFICATE`, base64-decoded.
    let certificateBytes: [UInt8]
    /// `COSE`, hex-decoded, when present.
    let cose: [UInt8]?
    /// `EXPECTEDRESULTS.EXPECTEDKEYUSAGE`, when present.
    let expectedKeyUsage: Bool?
    /// The entry type when the `JSON` payload holds exactly one of `v`, `t`, `r`.
    let entryType: HealthCertificateType?

    /// All 581 files, sorted by path (read once per test process). Throws when the test data is missing.
    static func all() throws -> [DGCTestVector] {
        try cache.get()
    }

    private static let cache = Result { try load() }

    private static func load() throws -> [DGCTestVector] {
        let base = try TestData.url("dgc-testdata").standardizedFileURL.path + "/"
        return try TestData.files(under: "dgc-testdata", withExtension: "json").map { url in
            let path = url.standardizedFileURL.path
            let name = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
            return try DGCTestVector(name: name, json: Data(contentsOf: url))
        }
    }

    /// The vector with the given name.
    static func named(_ name: String) throws -> DGCTestVector {
        let url = try TestData.url("dgc-testdata/\(name)")
        return try DGCTestVector(name: name, json: Data(contentsOf: url))
    }

    init(name: String, json: Data) throws {
        guard let object = try JSONSerialization.jsonObject(with: json) as? [String: Any],
            let context = object["TESTCTX"] as? [String: Any],
            let certificate = context["CERTIFICATE"] as? String,
            let certificateData = Data(base64Encoded: certificate)
        else {
            throw VectorError(name: name, problem: "no base64 TESTCTX.CERTIFICATE")
        }
        self.name = name
        self.certificateBytes = [UInt8](certificateData)
        self.cose = (object["COSE"] as? String).flatMap(Hex.decode)
        let expected = object["EXPECTEDRESULTS"] as? [String: Any]
        self.expectedKeyUsage = expected?["EXPECTEDKEYUSAGE"] as? Bool
        if let payload = object["JSON"] as? [String: Any] {
            let types = HealthCertificateType.allCases.filter { payload[$0.payloadKey] != nil }
            self.entryType = types.count == 1 ? types[0] : nil
        } else {
            self.entryType = nil
        }
    }

    /// Whether `bytes` occur in ``cose``.
    func coseContains(_ bytes: [UInt8]) -> Bool {
        guard let cose, !bytes.isEmpty, cose.count >= bytes.count else { return false }
        for start in 0...(cose.count - bytes.count) where cose[start..<(start + bytes.count)].elementsEqual(bytes) {
            return true
        }
        return false
    }
}

struct VectorError: Error, CustomStringConvertible {
    let name: String
    let problem: String
    var description: String { "\(name): \(problem)" }
}
