import Foundation
import JSON
import JSONSchema
import TestSupport
import Testing

/// The EU DCC schemas and test data from ehn-dcc-schema (test/readme.md: the test cases carry
/// `"ver": "1.3.3"` and target that release).
struct DCCSchemaTests {
    static let releases = ["1.0.0", "1.0.1", "1.1.0", "1.2.0", "1.2.1", "1.3.0", "1.3.1", "1.3.2", "1.3.3"]

    static func json(_ url: URL) throws -> JSONValue {
        try JSONParser.parse(Array(try Data(contentsOf: url)))
    }

    static func combinedSchema(release: String, assertFormats: Bool = true) throws -> JSONSchema {
        let folder = try TestData.url("ehn-dcc-schema/release-\(release)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let name = try #require(names.first { $0.hasSuffix("combined-schema.json") }, "no combined schema in \(folder.path)")
        return try JSONSchema(json(folder.appendingPathComponent(name)), options: .init(assertFormats: assertFormats))
    }

    static func testCases(_ kind: String) throws -> [(name: String, value: JSONValue)] {
        try TestData.files(under: "ehn-dcc-schema/test/\(kind)", withExtension: "json").map {
            ($0.deletingPathExtension().lastPathComponent, try json($0))
        }
    }

    @Test(arguments: releases)
    func combinedSchemaCompiles(_ release: String) throws {
        let schema = try Self.combinedSchema(release: release)
        // An empty object is never a certificate, whatever the release.
        #expect(!schema.isValid(.object([:])))
    }

    @Test func everyReleaseFolderIsCovered() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: try TestData.url("ehn-dcc-schema").path)
            .filter { $0.hasPrefix("release-") }
        #expect(Set(folders.map { String($0.dropFirst("release-".count)) }) == Set(Self.releases))
    }

    /// All valid cases pass the 1.3.3 schema as far as JSON Schema structure goes. Two of them use offsets
    /// `+02` and `+0200`, which RFC 3339 does not allow: with format assertion on, exactly that field fails.
    @Test func validCasesValidate() throws {
        let lax = try Self.combinedSchema(release: "1.3.3", assertFormats: false)
        let strict = try Self.combinedSchema(release: "1.3.3")
        let cases = try Self.testCases("valid")
        #expect(cases.count == 13)
        let nonRFC3339Offsets: Set<String> = ["T-rat-dates1", "T-rat-dates2"]
        for (name, value) in cases {
            #expect(lax.validate(value) == [], "\(name)")
            #expect(lax.isValid(value), "\(name)")
            let violations = strict.validate(value)
            if nonRFC3339Offsets.contains(name) {
                #expect(violations.map(\.instancePath) == ["/t/0/sc"], "\(name)")
                #expect(violations.map(\.keyword) == ["format"], "\(name)")
                #expect(!strict.isValid(value), "\(name)")
            } else {
                #expect(violations == [], "\(name)")
                #expect(strict.isValid(value), "\(name)")
            }
        }
    }

    @Test func invalidCasesAreRejectedForTheRightReason() throws {
        let expected: [String: (path: String, keyword: String)] = [
            "empty": ("/v", "minItems"),
            "invalid_dob": ("/dob", "pattern"),
            "invalid_dob2": ("/dob", "pattern"),
            "invalid_vac": ("/v/0/dn", "minimum"),
            "missing_dob": ("", "oneOf"),
            "missing_fnt_gnt": ("/nam", "anyOf"),
        ]
        let cases = try Self.testCases("invalid")
        #expect(Set(cases.map(\.name)) == Set(expected.keys))
        for assertFormats in [true, false] {
            let schema = try Self.combinedSchema(release: "1.3.3", assertFormats: assertFormats)
            for (name, value) in cases {
                let reason = try #require(expected[name])
                #expect(!schema.isValid(value), "\(name)")
                let violations = schema.validate(value)
                #expect(violations.map(\.instancePath) == [reason.path], "\(name)")
                #expect(violations.map(\.keyword) == [reason.keyword], "\(name)")
            }
        }
    }

    @Test func violationMessagesHoldNoPersonalData() throws {
        let schema = try Self.combinedSchema(release: "1.3.3")
        for (name, value) in try Self.testCases("invalid") {
            for violation in schema.validate(value) {
                for fragment in ["1809", "2100", "Jones", "JONES", "Dave", "DAVE", "Arsøns", "2009-02-28"] {
                    #expect(!violation.message.contains(fragment), "\(name): \(violation)")
                }
            }
        }
    }

    /// Every example names the schema version it follows in `ver`; it validates against that release
    /// (or 1.3.0 when no such release folder exists).
    @Test func examplesValidateAgainstTheirRelease() throws {
        let files = try TestData.files(under: "ehn-dcc-schema/examples", withExtension: "json")
        #expect(files.count == 27)
        var schemas: [String: JSONSchema] = [:]
        for file in files {
            let value = try Self.json(file)
            let named = value["ver"]?.stringValue ?? "1.3.0"
            let release = Self.releases.contains(named) ? named : "1.3.0"
            if schemas[release] == nil { schemas[release] = try Self.combinedSchema(release: release) }
            let violations = schemas[release]?.validate(value)
            #expect(violations == [], "\(file.lastPathComponent) against \(release)")
        }
        #expect(schemas.keys.sorted() == ["1.3.3"])
    }

    /// Seeded mutations of valid certificates (values replaced by other kinds, members removed, strings
    /// lengthened): validation never traps, `isValid` agrees with `validate`, and every path points into the
    /// instance.
    @Test func mutatedCertificatesAreValidatedConsistently() throws {
        let schema = try Self.combinedSchema(release: "1.3.3")
        let seeds = try Self.testCases("valid").map(\.value)
        let replacements: [JSONValue] = [
            .null, .bool(true), .integer(0), .integer(-1), .double(1.5), .string(""), .string(String(repeating: "Ž", count: 81)),
            .string("2021-02-29"), .string("1964-13"), .array([]), .object([:]), .array([.object([:]), .object([:])]),
        ]
        var state: UInt64 = 0x5EED_0004
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var invalid = 0
        for round in 0..<3_000 {
            var value = seeds[round % seeds.count]
            for _ in 0...next(3) {
                value = Self.mutate(value, depth: 0, choose: next, replacements: replacements)
            }
            let violations = schema.validate(value)
            #expect(schema.isValid(value) == violations.isEmpty)
            if !violations.isEmpty { invalid += 1 }
            for violation in violations {
                #expect(violation.instancePath.isEmpty || violation.instancePath.hasPrefix("/"))
                #expect(!violation.message.isEmpty && !violation.keyword.isEmpty)
            }
        }
        #expect(invalid > 1_000)
    }

    static func mutate(_ value: JSONValue, depth: Int, choose: (Int) -> Int, replacements: [JSONValue]) -> JSONValue {
        switch value {
        case .object(let object) where !object.members.isEmpty && choose(4) > 0:
            var members = object.members
            let index = choose(members.count)
            if choose(5) == 0 {
                members.remove(at: index)
            } else {
                members[index].value = mutate(members[index].value, depth: depth + 1, choose: choose, replacements: replacements)
            }
            return .object(JSONObject(members))
        case .array(var elements) where !elements.isEmpty && choose(4) > 0:
            let index = choose(elements.count)
            elements[index] = mutate(elements[index], depth: depth + 1, choose: choose, replacements: replacements)
            return .array(elements)
        default:
            return replacements[choose(replacements.count)]
        }
    }

    /// The person-name rule changed in 1.3.2: before, `fnt` was required; from then on `fnt` or `gnt`.
    @Test func onlyGivenNameNeeds132OrLater() throws {
        let value = try #require(try Self.testCases("valid").first { $0.name == "V-only-gnt" }?.value)
        let old = try Self.combinedSchema(release: "1.3.0")
        #expect(old.validate(value).map(\.instancePath) == ["/nam"])
        #expect(old.validate(value).map(\.keyword) == ["required"])
        #expect(try Self.combinedSchema(release: "1.3.2").isValid(value))
    }
}
