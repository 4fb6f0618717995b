import Foundation
import TestSupport

/// Expected disagreements with dgc-testdata: upstream's `tests/known_issues.csv` and OpenDVC's own list
/// `Tests/EUDCCTests/Conformance/dgc-deviations.csv` (`flag,path,reason`; a path ending in `/` covers a folder).
struct DGCDeviations {
    struct Entry: Hashable {
        let flag: String
        /// A file path below dgc-testdata, or a folder prefix ending in `/`.
        let path: String
        let reason: String
        let upstream: Bool

        func covers(flag: String, path: String) -> Bool {
            self.flag == flag && (self.path.hasSuffix("/") ? path.hasPrefix(self.path) : path == self.path)
        }
    }

    let entries: [Entry]

    /// Upstream test names mapped to the flags they check.
    static let upstreamFlags: [String: [String]] = [
        "test_cose_schema": ["SCHEMAVALIDATION"],
        "test_cose_json": ["DECODE"],
        "test_cbor_json": ["VALIDJSON"],
        "test_verification_check": ["VERIFY"],
        "test_expiration_check": ["EXPIRATIONCHECK"],
        "test_expected_key_usage": ["KEYUSAGE"],
    ]

    static func load(files: [DGCTestFile]) throws -> DGCDeviations {
        var entries: [Entry] = []
        // Upstream: test_name,country,test_set,reason (a blank test_set covers the whole country).
        let upstream = try String(decoding: TestData.data("dgc-testdata/tests/known_issues.csv"), as: UTF8.self)
        for line in upstream.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4, let flags = upstreamFlags[fields[0]] else { continue }
            let matching = files.filter { $0.country == fields[1] && (fields[2].isEmpty || $0.name == fields[2]) }
            for flag in flags {
                if fields[2].isEmpty {
                    entries.append(Entry(flag: flag, path: fields[1] + "/", reason: fields[3], upstream: true))
                } else {
                    for file in matching {
                        entries.append(Entry(flag: flag, path: file.path, reason: fields[3], upstream: true))
                    }
                }
            }
        }
        // OpenDVC's own list.
        let ownURL = TestData.repositoryRoot.appendingPathComponent("Tests/EUDCCTests/Conformance/dgc-deviations.csv")
        let own = try String(contentsOf: ownURL, encoding: .utf8)
        for line in own.split(separator: "\n") where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { continue }
            entries.append(Entry(flag: fields[0], path: fields[1], reason: fields[2], upstream: false))
        }
        return DGCDeviations(entries: entries)
    }

    func entry(flag: String, path: String) -> Entry? {
        entries.first { $0.covers(flag: flag, path: path) }
    }
}
