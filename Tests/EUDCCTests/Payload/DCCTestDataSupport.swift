import EUDCC
import Foundation
import JSON
import TestSupport

/// The `JSON` payloads of the dgc-testdata files and the outcome of mapping them.
enum DCCTestDataSupport {
    /// `(path relative to dgc-testdata, payload)` for every test file with a `JSON` member.
    static func payloads() throws -> [(String, JSONValue)] {
        let root = try TestData.url("dgc-testdata").standardizedFileURL.path + "/"
        var result: [(String, JSONValue)] = []
        for file in try TestData.files(under: "dgc-testdata", withExtension: "json") {
            guard let payload = try DCCPayloadTestJSON.parse(Data(contentsOf: file))["JSON"] else { continue }
            let path = file.standardizedFileURL.path
            result.append((path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path, payload))
        }
        return result
    }

    /// The DCC paths where two JSON values differ (order-insensitive).
    static func differences(_ a: JSONValue?, _ b: JSONValue?, path: String = "") -> [String] {
        switch (a, b) {
        case (.object(let x)?, .object(let y)?):
            let keys = x.keys + y.keys.filter { x[$0] == nil }
            return keys.flatMap { differences(x[$0], y[$0], path: path.isEmpty ? $0 : path + "." + $0) }
        case (.array(let x)?, .array(let y)?) where x.count == y.count:
            return x.indices.flatMap { differences(x[$0], y[$0], path: "\(path)[\($0)]") }
        case (let x?, let y?) where x.isEquivalent(to: y):
            return []
        case (nil, nil):
            return []
        default:
            return [path]
        }
    }

    /// `"ok"`, or where the round trip DCC → record → DCC stopped: `"read|map|write: <CODE> <path>"`, or
    /// `"differs: <paths>"` when it completed with a different payload.
    static func roundTripOutcome(_ json: JSONValue) -> String {
        var stage = "read"
        do {
            let payload = try DCCPayload(json: json)
            stage = "map"
            let record = try payload.record()
            stage = "write"
            let back = try DCCPayload(record: record, schemaVersion: payload.version)
            let paths = differences(json, back.json)
            return paths.isEmpty ? "ok" : "differs: " + paths.joined(separator: " ")
        } catch let error as DCCPayloadError {
            return "\(stage): \(error.code) \(error.path)"
        } catch {
            return "\(stage): unexpected \(type(of: error))"
        }
    }
}
