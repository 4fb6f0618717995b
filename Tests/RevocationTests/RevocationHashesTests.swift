import Foundation
import Revocation
import Testing
import TestSupport

/// The hash computations, against SHA-256 as Python's hashlib computes it from the rules in eu-dcc.md section 8
/// (and docs/REVOCATION.md for OpenDVC's own types).
@Suite struct RevocationHashesTests {
    /// Each line: a JSON array [kind, arguments...]; the script prints the 16-byte hash in hex per line.
    static let script = """
        import hashlib, json, sys
        def h(data): return hashlib.sha256(data).digest()[:16].hex()
        def components(parts):
            return b"".join(len(p.encode()).to_bytes(4, "big") + p.encode() for p in parts)
        for line in sys.stdin:
            kind, *args = json.loads(line)
            if kind == "uci": print(h(args[0].encode()))
            elif kind == "cc": print(h((args[0] + args[1]).encode()))
            elif kind == "ecdsa":
                sig = bytes.fromhex(args[0]); print(h(sig[: len(sig) // 2]))
            elif kind == "rsa": print(h(bytes.fromhex(args[0])))
            elif kind == "shc": print(h(components(args)))
            elif kind == "lot":
                gtin = args[0]
                if len(gtin) in (8, 12, 13) and all(c in "0123456789" for c in gtin): gtin = gtin.rjust(14, "0")
                print(h(components([gtin, args[1]])))
            elif kind == "cert": print(h(components(args)))
        """

    static let ucis = [
        "URN:UVCI:01:DE:IBMT102/18Q63CH4NXZ8ZW#N", "01:AT:10807843F94AEE0EE5093FBC254BD813#B",
        "urn:uvci:01:se:ehm/v12907267421", "URN:UVCI:01:FR:ÉCOLE/ÄÖÜ#1", "",
    ]

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    static func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }

    /// The cases: (Swift key, the script's input line).
    static func cases() throws -> [(RevocationKey, String)] {
        func line(_ parts: [String]) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: parts), as: UTF8.self)
        }
        var result: [(RevocationKey, String)] = []
        for uci in ucis {
            result.append((RevocationHashes.uci(uci), try line(["uci", uci])))
            result.append((RevocationHashes.countryCodeUCI(country: "DE", uci: uci), try line(["cc", "DE", uci])))
            result.append((RevocationHashes.certificate(identifier: uci), try line(["cert", uci])))
        }
        for (index, length) in [64, 96, 132, 256, 384, 0, 1].enumerated() {
            let signature = randomBytes(length, seed: UInt64(index))
            result.append(
                (RevocationHashes.signature(coseSignature: signature, algorithm: .ecdsa), try line(["ecdsa", hex(signature)])))
            result.append(
                (RevocationHashes.signature(coseSignature: signature, algorithm: .rsa), try line(["rsa", hex(signature)])))
        }
        let shc = [
            ("https://spec.smarthealth.cards/examples/issuer", "3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s", "vwAjHdarZuc"),
            ("https://example.org", "", ""), ("a", "bc", "d"), ("ab", "c", "d"),
        ]
        for (issuer, kid, rid) in shc {
            result.append((RevocationHashes.shcRID(issuer: issuer, kid: kid, rid: rid), try line(["shc", issuer, kid, rid])))
        }
        for (gtin, lot) in [("09506000134352", "ABC123"), ("9506000134352", "ABC123"), ("12345670", "L1"), ("ABC", "L1"),
            ("036000291452", "Lot 7/β")]
        {
            result.append((RevocationHashes.lot(gtin: gtin, lot: lot), try line(["lot", gtin, lot])))
        }
        return result
    }

    @Test func hashesMatchHashlib() throws {
        let cases = try Self.cases()
        let input = cases.map(\.1).joined(separator: "\n") + "\n"
        let output = try ExternalProgram.python(["-c", Self.script], input: Data(input.utf8))
        #expect(output.status == 0, "python failed: \(output.standardError)")
        let lines = output.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == cases.count)
        for (index, (key, _)) in cases.enumerated() where index < lines.count {
            #expect(Self.hex(key.hash) == lines[index], "case \(index): \(cases[index].1)")
        }
    }

    /// FIPS 180-2 example: SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad.
    @Test func uciIsTheFirstHalfOfSHA256() {
        #expect(Self.hex(RevocationHashes.uci("abc").hash) == "ba7816bf8f01cfea414140de5dae2223")
        #expect(RevocationHashes.uci("abc").type == .uci)
        #expect(RevocationHashes.countryCodeUCI(country: "a", uci: "bc") == RevocationKey(type: .countryCodeUCI, hashing: Array("abc".utf8)))
        #expect(RevocationHashes.countryCodeUCI(country: "a", uci: "bc").hash == RevocationHashes.uci("abc").hash)
    }

    @Test func ecdsaHashesOnlyR() {
        let r = Self.randomBytes(32, seed: 9)
        let first = RevocationHashes.signature(coseSignature: r + Self.randomBytes(32, seed: 10), algorithm: .ecdsa)
        let second = RevocationHashes.signature(coseSignature: r + Self.randomBytes(32, seed: 11), algorithm: .ecdsa)
        #expect(first == second)
        #expect(first == RevocationKey(type: .signature, hashing: r))
        let rsa = RevocationHashes.signature(coseSignature: r + Self.randomBytes(32, seed: 10), algorithm: .rsa)
        #expect(rsa != first)
    }

    @Test(arguments: [
        (Int64(-7), RevocationSignatureAlgorithm?.some(.ecdsa)), (-35, .ecdsa), (-36, .ecdsa), (-37, .rsa), (-38, .rsa),
        (-39, .rsa), (-257, .rsa), (-258, .rsa), (-259, .rsa), (-8, nil), (0, nil), (1, nil),
    ])
    func signatureAlgorithmFromCOSE(algorithm: Int64, expected: RevocationSignatureAlgorithm?) {
        #expect(RevocationSignatureAlgorithm(coseAlgorithm: algorithm) == expected)
    }

    @Test func componentsAreUnambiguous() {
        #expect(RevocationHashes.shcRID(issuer: "a", kid: "bc", rid: "d") != RevocationHashes.shcRID(issuer: "ab", kid: "c", rid: "d"))
        #expect(RevocationHashes.lot(gtin: "9506000134352", lot: "A") == RevocationHashes.lot(gtin: "09506000134352", lot: "A"))
        #expect(RevocationHashes.lot(gtin: "0950600013435", lot: "2A") != RevocationHashes.lot(gtin: "09506000134352", lot: "A"))
        #expect(RevocationHashes.uci("X").hash != RevocationHashes.certificate(identifier: "X").hash)
    }
}
