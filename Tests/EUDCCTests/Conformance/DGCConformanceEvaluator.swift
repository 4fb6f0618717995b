import Base45
import CBOR
import CredentialVerification
import Deflate
import EUDCC
import Foundation
import JSON
import Trust

/// Computes, for one dgc-testdata file, the outcome of each step its `EXPECTED*` flags describe.
///
/// Transport flags are checked stage by stage on the file's own fields (with the library's Base45 and
/// zlib); the verification flags come from ``HC1Verifier``'s checks on the `PREFIX` text, with the
/// file's DSC as the only trusted certificate and its `VALIDATIONCLOCK` as the validation time.
enum DGCConformanceEvaluator {
    static let verifier = HC1Verifier()

    /// Flag name → whether the step succeeded. Only flags the file can be judged on are present.
    static func evaluate(_ file: DGCTestFile, decodedPicture: String??) -> [String: Bool] {
        var actual: [String: Bool] = [:]
        let prefix = file.string("PREFIX")

        if case .some(let picture) = decodedPicture {
            actual["PICTUREDECODE"] = picture != nil && picture == prefix
        }

        var store = TrustStore()
        if let der = file.certificate, let certificate = try? DocumentSignerCertificate(derEncoded: der) {
            store.add(certificate)
        }
        let context = VerificationContext(trustStore: store, validationTime: file.validationClock ?? Date())
        let result = prefix.map { verifier.verify($0[...], context: context) }

        if let prefix, let result {
            let prefixAccepted = !result.errors.contains { $0.code == "HC1_PREFIX" }
            let matchesBase45 = file.string("BASE45").map { prefix == "HC1:" + $0 } ?? true
            actual["UNPREFIX"] = prefixAccepted && matchesBase45
        }

        let base45Text = file.string("BASE45") ?? prefix.map { String($0.dropFirst(4)) }
        let compressed = base45Text.flatMap { try? Base45.decode($0) }
        actual["B45DECODE"] = compressed != nil && (file.hex("COMPRESSED").map { $0 == compressed } ?? true)

        let compressedInput = file.hex("COMPRESSED") ?? compressed
        let cose = compressedInput.flatMap { try? Inflater(format: .zlib).inflate($0) }
        actual["COMPRESSION"] = cose != nil && (file.hex("COSE").map { $0 == cose } ?? true)

        let expectedJSON = file.object["JSON"]
        let cborDCC = file.hex("CBOR").flatMap(dccFromCBORField)

        if let result {
            actual["VERIFY"] = result.checks.signature == .pass
            actual["EXPIRATIONCHECK"] = result.checks.time == .pass
            actual["KEYUSAGE"] = result.checks.keyUsage == .pass
            var decoded = result.checks.decode == .pass
            if decoded, let expectedJSON {
                decoded = result.formatPayload.map { DGCJSONComparison.equivalent($0, expectedJSON) } ?? false
            }
            if decoded, file.string("CBOR") != nil {
                decoded = cborDCC.map { cbor in result.formatPayload.map { DGCJSONComparison.equivalent($0, cbor) } ?? false } ?? false
            }
            actual["DECODE"] = decoded
        }

        // VALIDJSON: the CBOR field (either level) matches JSON; without a CBOR field, the whole chain
        // from PREFIX does (the upstream README's definition).
        let referenceDCC = file.string("CBOR") != nil ? cborDCC : result?.formatPayload
        if let expectedJSON, file.string("CBOR") != nil || result != nil {
            actual["VALIDJSON"] = referenceDCC.map { DGCJSONComparison.equivalent($0, expectedJSON) } ?? false
        }

        if file.string("COSE") == nil, file.string("CBOR") != nil {
            // No signed message (DGC1-DGC6): the schema flag is about the CBOR field.
            actual["SCHEMAVALIDATION"] = cborDCC.map { DCCSchemaValidator.shared.violations(in: $0).isEmpty } ?? false
        } else if let result {
            actual["SCHEMAVALIDATION"] = result.checks.schema == .pass
        }

        if let expectedJSON {
            actual["VALIDOBJECT"] = DCCSchemaValidator.shared.violations(in: expectedJSON).isEmpty
            if let referenceDCC {
                actual["ENCODE"] = encodedEqual(expectedJSON, referenceDCC)
            }
        }
        return actual
    }

    /// The DCC in a `CBOR` field, which holds either the whole CWT claims map or only the DCC.
    static func dccFromCBORField(_ bytes: [UInt8]) -> JSONValue? {
        guard let node = try? CBOR.decode(bytes) else { return nil }
        let dccNode = node.value(forKey: -260)?.value(forKey: 1) ?? node
        return try? DCCJSONConversion.json(from: dccNode)
    }

    /// JSON → CBOR encodes (deterministically) to the same bytes as the CBOR field's DCC.
    static func encodedEqual(_ json: JSONValue, _ cbor: JSONValue) -> Bool {
        guard let left = try? CBOR.encode(DCCJSONConversion.cbor(from: json)),
            let right = try? CBOR.encode(DCCJSONConversion.cbor(from: cbor))
        else { return false }
        return left == right || DGCJSONComparison.equivalent(json, cbor)
    }
}
