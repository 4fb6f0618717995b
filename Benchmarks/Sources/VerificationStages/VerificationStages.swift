import BenchmarkRecords
import CredentialVerification
import Crypto
import Deflate
import Foundation
import JOSE
import JSON
import SMARTHealthCards
import Trust
import VaccinationRecord
import Verifier
import W3CVerifiableCredentials

/// Where the time of a SMART Health Card or W3C VC verification goes: each public stage on its own (hot, best
/// of 7 rounds), next to the whole verification, the bare P-256 verify of the same signed bytes, and the whole
/// verification without the signature (an empty trust store: every other check still runs).
///
/// Usage:
/// - `VerificationStages [shc|vc]`: the table for one format or both.
/// - `VerificationStages loop-shc|loop-vc`: 2,000 verifications without the signature and nothing else, for
///   callgrind (`--toggle-collect` on `Verifier.verify(_:at:)`).
/// - `VerificationStages spread-shc`: one card against 500 distinct cards (see `spread(_:)`).
/// - `VerificationStages interleaved-shc`: 20 rounds of 50 verifications then 50 bare verifies, as
///   FormatsBenchmark interleaves them, for callgrind's cache simulation (`--cache-sim=yes`).
///
/// The stages run hot in a loop of their own; inside a verification they run after other code and cost more
/// (docs/PERFORMANCE.md measures that by doing one stage twice).
@main
struct VerificationStages {
    static func main() throws {
        let now = Date()
        let key = P256.Signing.PrivateKey()
        let issuerURL = "https://dvc.example/issuer"
        let record = try BenchmarkRecords.example()
        let vcIssuer = VCIssuer(signingKey: key, issuer: issuerURL)
        var store = TrustStore()
        store.add(try JWKSet(json: vcIssuer.publicKeySet), issuer: issuerURL)
        let verifier = Verifier(trustStore: store)
        let withoutKeys = Verifier(trustStore: TrustStore())
        let payloads = [
            ("shc", try SHCIssuer(signingKey: key, issuer: issuerURL).issue(record, issuedAt: now, expiresAt: nil).qrTexts[0]),
            ("vc", try vcIssuer.issue(record, issuedAt: now, expiresAt: nil)),
        ]
        let argument = CommandLine.arguments.dropFirst().first

        let shc = SHCIssuer(signingKey: key, issuer: issuerURL)
        if argument == "spread-shc" {
            try spread(Setup(key: key, verifier: verifier, withoutKeys: withoutKeys, now: now) {
                try shc.issue($0, issuedAt: now, expiresAt: nil).qrTexts[0]
            })
            return
        }
        if argument == "interleaved-shc" {
            let text = payloads[0].1
            let jws = try CompactJWS(parsing: SHCNumericQR.assemble([text[...]]).jws)
            let signature = try P256.Signing.ECDSASignature(rawRepresentation: jws.signature)
            var passed = 0
            for _ in 0..<20 {
                for _ in 0..<50 where verifier.verify(text, at: now).isValid { passed += 1 }
                for _ in 0..<50 where bareVerify(key.publicKey, signature, jws.signingInput) { passed += 1 }
            }
            print("\(passed) of 2000 passed")
            return
        }
        if let argument, argument.hasPrefix("loop-") {
            guard let text = payloads.first(where: { "loop-" + $0.0 == argument })?.1 else {
                throw Failure(description: "expected loop-shc or loop-vc, found \(argument)")
            }
            var passed = 0
            for _ in 0..<2_000 where withoutKeys.verify(text, at: now).checks.schema == .pass { passed += 1 }
            print("\(passed) of 2000 passed the schema check")
            return
        }

        for (name, text) in payloads where argument == nil || argument == name {
            let jwsText = name == "shc" ? try SHCNumericQR.assemble([text[...]]).jws : text
            let jws = try CompactJWS(parsing: jwsText)
            let signature = try P256.Signing.ECDSASignature(rawRepresentation: jws.signature)
            let signingInput = jws.signingInput
            let publicKey = key.publicKey
            let inflaters = InflaterPool(format: .raw)
            let payload = name == "shc"
                ? try inflaters.withInflater { try $0.inflate(jws.payload, maxOutputSize: SHCVerifier.maximumPayloadSize) }
                : jws.payload
            print("\(name): \(text.utf8.count) characters, payload JSON \(payload.count) bytes")
            print("")
            print("| stage | µs |")
            print("|---|---:|")
            let rounds = 3_000
            try time("whole verification", rounds) { verifier.verify(text, at: now).isValid ? 1 : 0 }
            try time("bare P-256 verify (SHA-256 included)", rounds) { publicKey.isValidSignature(signature, for: signingInput) ? 1 : 0 }
            try time("whole verification without the signature", rounds) { withoutKeys.verify(text, at: now).errors.count }
            try time("format detection", rounds * 10) { PayloadFormatDetector.detect(text[...]) == nil ? 0 : 1 }
            if name == "shc" {
                try time("numeric QR to JWS text", rounds * 10) { try SHCNumericQR.assemble([text[...]]).jws.utf8.count }
            }
            try time("compact JWS parse", rounds * 10) { try CompactJWS(parsing: jwsText).payload.count }
            try time("signature object", rounds * 10) {
                try P256.Signing.ECDSASignature(rawRepresentation: jws.signature).rawRepresentation.count
            }
            try time("trust store key lookup", rounds * 10) { store.keys(forIssuer: issuerURL, keyID: jws.header.keyID ?? "").count }
            if name == "shc" {
                try time("raw DEFLATE inflate", rounds * 10) {
                    try inflaters.withInflater { try $0.inflate(jws.payload, maxOutputSize: SHCVerifier.maximumPayloadSize) }.count
                }
            }
            try time("payload JSON tape", rounds * 10) { try JSONTape(parsing: payload).nodeCount }
            try time("payload JSON tree (for comparison)", rounds * 10) { try JSONParser.parse(payload).objectValue?.count ?? 0 }
            print("")
        }
    }

    /// Runs `body` `count` times in each of 7 rounds and prints the fastest round's time per call.
    static func time(_ stage: String, _ count: Int, _ body: () throws -> Int) throws {
        var fastest = Double.infinity
        var sink = 0
        for _ in 0..<7 {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<count { sink &+= try body() }
            fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(count) / 1000)
        }
        print("| \(stage) | \(String(format: "%.2f", fastest)) |\(sink == Int.min ? " " : "")")
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }
}
