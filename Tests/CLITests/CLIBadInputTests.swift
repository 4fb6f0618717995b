import Base45
import Crypto
import Deflate
import Foundation
import JOSE
import JSON
import SMARTHealthCards
import TestSupport
import Testing

/// `dvc verify --json` on bad input, end to end through the real binary: for each format (`hc1`, `shc`, `vds`,
/// `vc`) and each kind of bad input (truncated, tampered, wrong key, wrong issuer, expired, not yet valid,
/// oversized) the command exits with status 1 and prints `valid: false` with an error whose code is one of those
/// the table ``CLIBadInputTests/cells`` allows for that format and case. Each cell of the table is its own test
/// case.
///
/// The credentials are issued once per run (``BadInputFixture``) from `examples/vaccination-record.json` with
/// keys made by `dvc keys generate`; the trust store always holds the same DE material (DSC, CSCA and the JWKS
/// bound to the issuer URL). Changes that need compression or signing (a tampered HC1 or SHC payload, a VDS-NC
/// seal re-signed for another issuing state) are made with the project's codecs (Base45, Deflate, JOSE, JSON)
/// and swift-crypto.
@Suite("dvc verify rejects bad input in every format")
struct CLIBadInputTests {
    /// A credential format, as `dvc issue --format` names it.
    enum Format: String, CaseIterable, Sendable {
        case hc1, shc, vds, vc
    }

    /// A kind of bad input.
    enum Case: String, CaseIterable, Sendable {
        case truncated, tampered, wrongKey, wrongIssuer, expired, notYetValid, oversized
    }

    /// One cell of the table: a format, a kind of bad input, and the error codes `dvc verify` may report for it.
    struct Cell: Sendable, CustomTestStringConvertible {
        let format: Format
        let input: Case
        let codes: Set<String>

        init(_ format: Format, _ input: Case, _ codes: Set<String>) {
            self.format = format
            self.input = input
            self.codes = codes
        }

        var testDescription: String { "\(format.rawValue) \(input.rawValue) → \(codes.sorted().joined(separator: "|"))" }
    }

    /// Format × case → the codes allowed in `errors` (at least one of them must be there).
    static let cells: [Cell] = [
        // HC1: Base45(zlib(COSE_Sign1)).
        Cell(.hc1, .truncated, ["DEFLATE_TRUNCATED"]),
        Cell(.hc1, .tampered, ["SIGNATURE_INVALID"]),
        Cell(.hc1, .wrongKey, ["UNKNOWN_KEY"]),
        Cell(.hc1, .wrongIssuer, ["UNKNOWN_KEY"]),
        Cell(.hc1, .expired, ["EXPIRED"]),
        Cell(.hc1, .notYetValid, ["NOT_YET_VALID"]),
        Cell(.hc1, .oversized, ["HC1_TOO_LARGE"]),
        // SMART Health Card: shc:/ numeric QR of a JWS with a raw DEFLATE payload.
        Cell(.shc, .truncated, ["JWS_MALFORMED"]),
        Cell(.shc, .tampered, ["JWS_SIGNATURE_INVALID"]),
        Cell(.shc, .wrongKey, ["UNKNOWN_KEY"]),
        Cell(.shc, .wrongIssuer, ["UNKNOWN_KEY"]),
        Cell(.shc, .expired, ["EXPIRED"]),
        Cell(.shc, .notYetValid, ["NOT_YET_VALID"]),
        Cell(.shc, .oversized, ["SHC_TOO_LARGE"]),
        // ICAO VDS-NC: a JSON seal; its validity is the barcode signer certificate's.
        Cell(.vds, .truncated, ["JSON_UNEXPECTED_END"]),
        Cell(.vds, .tampered, ["ICAO_SIGNATURE_INVALID"]),
        Cell(.vds, .wrongKey, ["UNKNOWN_KEY"]),
        Cell(.vds, .wrongIssuer, ["ICAO_ISSUER_MISMATCH"]),
        Cell(.vds, .expired, ["EXPIRED"]),
        Cell(.vds, .notYetValid, ["NOT_YET_VALID"]),
        Cell(.vds, .oversized, ["ICAO_TOO_LARGE"]),
        // W3C VC-JOSE: a compact JWS; cut before its second dot, its header still names the format.
        Cell(.vc, .truncated, ["JWS_MALFORMED"]),
        Cell(.vc, .tampered, ["JWS_SIGNATURE_INVALID"]),
        Cell(.vc, .wrongKey, ["UNKNOWN_KEY"]),
        Cell(.vc, .wrongIssuer, ["UNKNOWN_KEY"]),
        Cell(.vc, .expired, ["EXPIRED"]),
        Cell(.vc, .notYetValid, ["NOT_YET_VALID"]),
        Cell(.vc, .oversized, ["JWS_TOO_LARGE"]),
    ]

    @Test func theTableHasOneCellForEachFormatAndCase() {
        let pairs = Self.cells.map { "\($0.format.rawValue)/\($0.input.rawValue)" }
        #expect(Set(pairs).count == Format.allCases.count * Case.allCases.count)
        #expect(pairs.count == Set(pairs).count)
        #expect(Self.cells.allSatisfy { !$0.codes.isEmpty })
    }

    /// The credentials the bad inputs derive from verify with the same trust arguments: a cell fails because of
    /// its change, not because of the setup.
    @Test(arguments: Format.allCases)
    func theUntouchedCredentialVerifies(_ format: Format) async throws {
        let fixture = try await BadInputFixture.shared()
        let outcome = try await verify(fixture.issued[format]!, fixture: fixture)
        #expect(outcome.status == 0, "\(format.rawValue): status \(outcome.status), codes \(outcome.codes)")
        #expect(outcome.valid == true)
        #expect(outcome.codes.isEmpty)
    }

    @Test(arguments: CLIBadInputTests.cells)
    func badInputExitsWithOneAndAnExpectedCode(_ cell: Cell) async throws {
        let fixture = try await BadInputFixture.shared()
        let (payload, arguments) = try fixture.badInput(cell.format, cell.input)
        let outcome = try await verify(payload, arguments: arguments, fixture: fixture)
        // Only status and codes in the messages: the output also holds the decoded holder.
        #expect(outcome.status == 1, "status \(outcome.status), codes \(outcome.codes)")
        #expect(outcome.valid == false)
        #expect(
            !cell.codes.isDisjoint(with: outcome.codes),
            "expected one of \(cell.codes.sorted()), found \(outcome.codes)")
    }

    /// What `dvc verify --json` answered: exit status, `valid` and the codes of `errors`.
    private struct Outcome {
        let status: Int32
        let valid: Bool?
        let codes: [String]
    }

    private func verify(_ payload: Data, arguments: [String] = [], fixture: BadInputFixture) async throws -> Outcome {
        let result = try await fixture.dvc.runDetached(
            ["verify", "--json"] + arguments + fixture.trustArguments + ["-"], input: payload)
        let output = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
        let json = try #require(output as? [String: Any], "expected a JSON object on standard output")
        let errors = try #require(json["errors"] as? [[String: Any]], "expected an errors array")
        return Outcome(status: result.status, valid: json["valid"] as? Bool, codes: errors.compactMap { $0["code"] as? String })
    }
}

// MARK: - Fixture

/// The keys and credentials of one test run, made on first use and shared by every cell.
private struct BadInputFixture: Sendable {
    typealias Format = CLIBadInputTests.Format

    let dvc: CommandRunner
    let folder: URL
    /// The trusted DE key set: `csca.pem`, `dsc.pem`, `dsc.key.pem`, `jwks.json`.
    let keys: String
    /// The issuer URL the trusted JWKS is bound to.
    static let issuerURL = "https://dvc.example/issuer"
    /// When the credentials were issued (each is valid for one day; the DSC for 365).
    let issuedAt: Date
    /// Valid credentials, signed with the trusted keys.
    let issued: [Format: Data]
    /// Signed with another DE key set that the trust store does not hold.
    let signedWithOtherKey: [Format: Data]
    /// Signed with the trusted key, for the issuer URL `https://other.example/issuer` (SHC and VC).
    let forOtherIssuerURL: [Format: Data]
    /// HC1 of an FR document signer (under its own CSCA), which the DE trust store does not hold.
    let foreignHC1: Data

    /// `--trust` for the DE DSC, its CSCA, and its JWKS bound to ``issuerURL``.
    var trustArguments: [String] {
        ["--trust", "\(keys)/dsc.pem", "--trust", "\(keys)/csca.pem", "--trust", "\(Self.issuerURL)=\(keys)/jwks.json"]
    }

    /// The fixture of this test run.
    static func shared() async throws -> BadInputFixture {
        try await BadInputFixtureCache.instance.fixture()
    }

    /// Generates three key sets and issues every format with them (seven runs of `dvc`).
    static func make() async throws -> BadInputFixture {
        let dvc = try CommandRunner(product: "dvc")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-cli-bad-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let record = TestData.repositoryRoot.appendingPathComponent("examples/vaccination-record.json").path

        func run(_ arguments: [String]) async throws {
            let result = try await dvc.runDetached(arguments)
            guard result.status == 0 else {
                throw FixtureFailure("dvc \(arguments.prefix(2).joined(separator: " ")) exited with \(result.status): \(result.standardError)")
            }
        }
        func generateKeys(_ name: String, country: String) async throws -> String {
            let keys = folder.appendingPathComponent(name).path
            try await run(["keys", "generate", "--out", keys, "--country", country])
            return keys
        }
        /// Every format into a folder: hc1.txt, shc.txt, vds.json, vc.jwt.
        func issueAll(_ name: String, keys: String, issuerURL: String) async throws -> [Format: Data] {
            let out = folder.appendingPathComponent(name).path
            try await run(
                ["issue", "--all", out, "--issuer-url", issuerURL, "--key", "\(keys)/dsc.key.pem", "--cert", "\(keys)/dsc.pem",
                 "--expires", "1", record])
            let files: [Format: String] = [.hc1: "hc1.txt", .shc: "shc.txt", .vds: "vds.json", .vc: "vc.jwt"]
            return try files.mapValues { try Data(contentsOf: URL(fileURLWithPath: "\(out)/\($0)")).withoutTrailingNewline }
        }

        let issuedAt = Date()
        let keys = try await generateKeys("trusted", country: "DE")
        let otherKeys = try await generateKeys("other", country: "DE")
        let foreignKeys = try await generateKeys("foreign", country: "FR")
        let foreign = try await dvc.runDetached(
            ["issue", "--format", "hc1", "--key", "\(foreignKeys)/dsc.key.pem", "--cert", "\(foreignKeys)/dsc.pem", "--expires", "1", record])
        guard foreign.status == 0 else { throw FixtureFailure("dvc issue (FR) exited with \(foreign.status): \(foreign.standardError)") }
        return BadInputFixture(
            dvc: dvc, folder: folder, keys: keys, issuedAt: issuedAt,
            issued: try await issueAll("issued", keys: keys, issuerURL: issuerURL),
            signedWithOtherKey: try await issueAll("other-key", keys: otherKeys, issuerURL: issuerURL),
            forOtherIssuerURL: try await issueAll("other-issuer", keys: keys, issuerURL: "https://other.example/issuer"),
            foreignHC1: Data(foreign.standardOutput.utf8).withoutTrailingNewline)
    }

    /// The bad input of one cell, and the extra `dvc verify` arguments it needs.
    func badInput(_ format: Format, _ input: CLIBadInputTests.Case) throws -> (Data, [String]) {
        let good = issued[format]!
        switch input {
        case .truncated: return (truncated(good, format), [])
        case .tampered: return (try tampered(good, format), [])
        case .wrongKey: return (signedWithOtherKey[format]!, [])
        case .wrongIssuer:
            switch format {
            case .hc1: return (foreignHC1, [])
            case .shc, .vc: return (forOtherIssuerURL[format]!, [])
            case .vds: return (try resealed(good, issuingState: "FRA"), [])
            }
        case .expired:
            // After the credential's one day, and after the DSC's 365 (VDS-NC seals have no expiry of their own).
            return (good, ["--at", Self.unixSeconds(issuedAt.addingTimeInterval(400 * 86_400))])
        case .notYetValid:
            // Before the credential was issued, and before the DSC starts.
            return (good, ["--at", Self.unixSeconds(issuedAt.addingTimeInterval(-86_400))])
        case .oversized: return (try oversized(good, format), [])
        }
    }

    private static func unixSeconds(_ date: Date) -> String { String(Int(date.timeIntervalSince1970)) }

    /// The first half of the text, cut where the transport encoding still decodes: whole Base45 triples for HC1,
    /// whole digit pairs for SHC.
    private func truncated(_ payload: Data, _ format: Format) -> Data {
        let text = String(decoding: payload, as: UTF8.self)
        switch format {
        case .hc1:
            let body = text.dropFirst(4)
            return Data(("HC1:" + body.prefix(body.count / 2 / 3 * 3)).utf8)
        case .shc:
            let digits = text.dropFirst(5)
            return Data(("shc:/" + digits.prefix(digits.count / 2 / 2 * 2)).utf8)
        case .vds, .vc:
            return Data(text.prefix(text.count / 2).utf8)
        }
    }

    /// The vaccination date changed by one character inside the signed content, everything else (compression,
    /// signature) left as it was.
    private func tampered(_ payload: Data, _ format: Format) throws -> Data {
        let text = String(decoding: payload, as: UTF8.self)
        switch format {
        case .hc1:
            let cose = try Inflater(format: .zlib).inflate(Base45.decode(String(text.dropFirst(4))))
            let changed = try Deflater.deflate(Self.changingVaccinationDate(cose), format: .zlib)
            return Data(("HC1:" + Base45.encode(changed)).utf8)
        case .shc:
            let jws = try SHCNumericQR.assemble([text[...]]).jws
            var parts = jws.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let json = try Inflater(format: .raw).inflate(Base64URL.decode(parts[1]))
            parts[1] = Base64URL.encode(try Deflater.deflate(Self.changingVaccinationDate(json), format: .raw))
            return Data(SHCNumericQR.encode(parts.joined(separator: ".")).utf8)
        case .vds:
            return Data(try Self.changingVaccinationDate(payload))
        case .vc:
            var parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            parts[1] = Base64URL.encode(try Self.changingVaccinationDate(Base64URL.decode(parts[1])))
            return Data(parts.joined(separator: ".").utf8)
        }
    }

    /// The record's vaccination date (examples/vaccination-record.json), one day later: same length and shape, so
    /// only the signature can tell.
    private static func changingVaccinationDate(_ bytes: some Sequence<UInt8>) throws -> [UInt8] {
        // Byte by byte: the COSE message around the date is binary, not UTF-8.
        var bytes = Array(bytes)
        let date = Array("2021-06-01".utf8)
        guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: date) }) else {
            throw FixtureFailure("expected the vaccination date 2021-06-01 in the signed content, found none")
        }
        bytes[start + date.count - 1] = UInt8(ascii: "2")
        return bytes
    }

    /// The seal with `data.hdr.is` set to `issuingState` and signed again (correctly) with the trusted DSC key
    /// over the RFC 8785 form of `data`: the signature verifies, only the state differs from the barcode signer
    /// certificate's country.
    private func resealed(_ seal: Data, issuingState: String) throws -> Data {
        guard case .object(var root) = try JSONParser.parse(Array(seal)), case .object(var data) = root["data"] ?? .null,
            case .object(var header) = data["hdr"] ?? .null, case .object(var signature) = root["sig"] ?? .null
        else { throw FixtureFailure("expected a VDS-NC seal with data.hdr and sig") }
        header["is"] = .string(issuingState)
        data["hdr"] = .object(header)
        let key = try P256.Signing.PrivateKey(pemRepresentation: String(contentsOfFile: "\(keys)/dsc.key.pem", encoding: .utf8))
        let signed = JSONSerializer.serialize(.object(data), style: .canonical)
        signature["sigvl"] = .string(Base64URL.encode(try key.signature(for: signed).rawRepresentation))
        root["data"] = .object(data)
        root["sig"] = .object(signature)
        return Data(JSONSerializer.serialize(.object(root)))
    }

    /// Grown beyond the format's limit, keeping its shape: Base45 or digits appended to the QR text (HC1: 4,296
    /// characters; SHC input: 1 MiB), spaces inside the JSON of the seal (16 KiB) or the VC payload (64 KiB).
    private func oversized(_ payload: Data, _ format: Format) throws -> Data {
        let text = String(decoding: payload, as: UTF8.self)
        switch format {
        case .hc1:
            return Data((text + String(repeating: "0", count: 4_400 - text.count)).utf8)
        case .shc:
            return Data((text + String(repeating: "0", count: (1 << 20) + 2 - text.count)).utf8)
        case .vds:
            return Data(("{" + String(repeating: " ", count: 17 * 1024) + text.dropFirst()).utf8)
        case .vc:
            var parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let json = try Base64URL.decode(parts[1])
            parts[1] = Base64URL.encode([UInt8(ascii: "{")] + Array(repeating: UInt8(ascii: " "), count: 65 * 1024) + json.dropFirst())
            return Data(parts.joined(separator: ".").utf8)
        }
    }
}

/// Makes the fixture once, whichever cell asks first; the others wait for it.
private actor BadInputFixtureCache {
    static let instance = BadInputFixtureCache()
    private var making: Task<BadInputFixture, any Error>?

    func fixture() async throws -> BadInputFixture {
        if let making { return try await making.value }
        let task = Task { try await BadInputFixture.make() }
        making = task
        return try await task.value
    }
}

/// A fixture step that did not work out.
private struct FixtureFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

// MARK: - Encodings

extension Data {
    /// Without one trailing LF (as `dvc issue` ends its output).
    fileprivate var withoutTrailingNewline: Data {
        last == UInt8(ascii: "\n") ? dropLast() : self
    }
}
