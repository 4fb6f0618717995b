import Base45
import CBOR
import COSE
import Crypto
import CredentialVerification
import Deflate
import EUDCC
import Foundation
import JSON
import JSONSchema
import Trust
import VaccinationRecord
import Verifier

/// Distinct signed HC1 payloads and what the measurements need from them.
final class Fixture {
    let payloads: [String]
    let verifier: Verifier
    let session: VerificationSession
    let noKeySession: VerificationSession
    let issuer: HC1Issuer
    let record: VaccinationRecord
    let certificatePEM: String
    /// An hour after issuance: inside every payload's validity.
    let validationTime = Date().addingTimeInterval(3600)
    /// Sig_structure bytes and raw `r || s` signatures of every payload, for the bare baseline.
    private let signed: [(message: [UInt8], signature: [UInt8])]
    private let publicKey: P256.Signing.PublicKey
    private var sink = 0

    init(count: Int) throws {
        let setup = try IssuerSigningSetup.generate(country: "DE", now: Date())
        certificatePEM = setup.dscCertificatePEM
        let certificate = try TrustMaterialLoader.certificates(from: Array(setup.dscCertificatePEM.utf8))[0]
        issuer = try HC1Issuer(signingKey: setup.dscPrivateKey, certificate: certificate)
        let recordURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../examples/vaccination-record.json").standardized
        record = try VaccinationRecord(json: JSONParser.parse(Array(Data(contentsOf: recordURL))))
        var payloads: [String] = []
        var signed: [(message: [UInt8], signature: [UInt8])] = []
        for _ in 0..<count {
            let issued = try issuer.issue(record)  // a fresh UVCI each time: distinct payloads
            payloads.append(issued.text)
            let message = try COSESign1(decoding: issued.cose)
            signed.append((message.signatureStructure, Array(message.signature)))
        }
        self.payloads = payloads
        self.signed = signed
        // The same key object the verifier uses: the DSC's SubjectPublicKeyInfo as loaded by the trust store.
        guard case .p256(let certificateKey) = certificate.publicKey else { fatalError("the generated DSC has a P-256 key") }
        publicKey = certificateKey
        verifier = Verifier(trustStore: TrustStore(certificates: [certificate]))
        session = verifier.makeSession()
        noKeySession = Verifier(trustStore: TrustStore()).makeSession()
    }

    var averageLength: Int { payloads.reduce(0) { $0 + $1.utf8.count } / payloads.count }

    /// swift-crypto alone: the raw signature into an ECDSA signature, then SHA-256 and verify.
    func bareVerifyAll(_ range: Range<Int>) -> Int {
        var valid = 0
        for item in signed[range] {
            if let signature = try? P256.Signing.ECDSASignature(rawRepresentation: item.signature),
                publicKey.isValidSignature(signature, for: item.message)
            {
                valid += 1
            }
        }
        precondition(valid == range.count)
        return range.count
    }

    func fullVerifyAll(_ range: Range<Int>) -> Int {
        var valid = 0
        for payload in payloads[range] where session.verify(payload[...], at: validationTime).isValid { valid += 1 }
        precondition(valid == range.count, "benchmark payloads must verify")
        return range.count
    }

    /// Verification with no trusted key: everything but the elliptic-curve math (the signature check
    /// stops at the unknown kid), i.e. the overhead OpenDVC adds.
    func verifyWithoutKeyAll(_ range: Range<Int>? = nil) -> Int {
        let range = range ?? 0..<payloads.count
        for payload in payloads[range] { sink &+= noKeySession.verify(payload[...], at: validationTime).errors.count }
        return range.count
    }

    /// Verification and the canonical record (what `dvc verify --json` shows).
    func fullVerifyWithRecordAll(_ range: Range<Int>) -> Int {
        var valid = 0
        for payload in payloads[range] {
            let result = session.verify(payload[...], at: validationTime)
            if result.isValid, result.credential != nil { valid += 1 }
        }
        precondition(valid == range.count, "benchmark payloads must verify and map")
        return range.count
    }

    func issueSome() throws -> Int {
        for _ in 0..<50 { sink &+= try issuer.issue(record).text.utf8.count }
        return 50
    }

    /// Per-stage costs, each measured alone over all payloads.
    func stages(seconds: Double) -> [(String, Double)] {
        let base45 = payloads.map { String($0.dropFirst(4)) }
        let compressed = base45.map { try! Base45.decode($0) }
        let inflater = try! Inflater(format: .zlib)
        let cose = compressed.map { try! inflater.inflate($0) }
        let messages = cose.map { try! COSESign1(decoding: $0) }
        let dccNodes = messages.map { try! CWTClaims(decoding: $0.payload).claim(-260)!.value(forKey: 1)! }
        let dccs = dccNodes.map { try! DCCJSONConversion.json(from: $0) }
        let results = payloads.map { session.verify($0[...], at: validationTime) }
        let payloads2 = dccs.map { try! DCCPayload(json: $0) }
        let records = payloads2.map { try! $0.record() }
        func run(_ name: String, _ body: @escaping () -> Int) -> (String, Double) {
            (name, HC1Benchmark.measure(seconds: seconds, body))
        }
        return [
            run("Base45 decode") { for text in base45 { self.sink &+= (try! Base45.decode(text)).count }; return base45.count },
            run("zlib inflate (reused inflater)") { for bytes in compressed { self.sink &+= (try! inflater.inflate(bytes)).count }; return compressed.count },
            run("COSE_Sign1.verify (Sig_structure, signature parse, SHA-256, ECDSA)") {
                for message in messages { try! message.verify(with: .p256(self.publicKey)) }
                return messages.count
            },
            run("trust-store lookup by kid + key usage") {
                for message in messages {
                    let candidates = self.verifier.trustStore.certificates(forKid: try! message.keyID!)
                    if let first = candidates.first, first.allows(.vaccination) { self.sink &+= 1 }
                }
                return messages.count
            },
            run("COSE_Sign1 decode") { for bytes in cose { self.sink &+= (try! COSESign1(decoding: bytes)).payload.count }; return cose.count },
            run("general decoder: CBOR tree of the CWT claims + DCC to JSON (the fallback; verification reads usual payloads without the tree)") {
                for message in messages {
                    let node = try! CWTClaims(decoding: message.payload).claim(-260)!.value(forKey: 1)!
                    if case .object(let object) = try! DCCJSONConversion.json(from: node) { self.sink &+= object.count }
                }
                return messages.count
            },
            run("  of which: CBOR tree of the CWT claims") { for message in messages { self.sink &+= (try! CWTClaims(decoding: message.payload)).entries.count }; return messages.count },
            run("  of which: DCC tree to JSON") { for node in dccNodes { if case .object(let o) = try! DCCJSONConversion.json(from: node) { self.sink &+= o.count } }; return dccNodes.count },
            run("schema validation") { for dcc in dccs { self.sink &+= DCCSchemaValidator.shared.violations(in: dcc).count }; return dccs.count },
            run("DCC to canonical record") { for dcc in dccs { self.sink &+= (try! DCCPayload(json: dcc).record()).certificate.issuer.count }; return dccs.count },
            run("  of which: DCCPayload(json:)") { for dcc in dccs { self.sink &+= (try! DCCPayload(json: dcc)).version.count }; return dccs.count },
            run("  of which: mapToRecord (with record rules)") { for payload in payloads2 { self.sink &+= (try! payload.mapToRecord()).notes.count }; return payloads2.count },
            run("  of which: record.validate()") { for record in records { try! record.validate() }; return records.count },
            run("result to JSON line") { for result in results { self.sink &+= JSONSerializer.serialize(result.json).count }; return results.count },
        ]
    }
}
