import EUDCC
import Foundation
import JSON
import TestSupport
import Testing
import Trust
import VaccinationRecord

/// An OpenDVC-issued EU DCC checked by an independent implementation: Python's pycose, cbor2 and base45
/// (signature, kid) and jsonschema against the 1.3.x schema with format checking.
@Suite("EU DCC interoperability with Python pycose")
struct PythonInteropTests {
    struct Setup {
        let folder: URL
        let issuer: HC1Issuer
        let record: VaccinationRecord
        let certificatePath: URL
    }

    func makeSetup() throws -> Setup {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let setup = try IssuerSigningSetup.generate(country: "DE", now: Date())
        let certificatePath = folder.appendingPathComponent("dsc.pem")
        try setup.dscCertificatePEM.write(to: certificatePath, atomically: true, encoding: .utf8)
        let certificate = try TrustMaterialLoader.certificates(from: Array(setup.dscCertificatePEM.utf8))[0]
        let issuer = try HC1Issuer(signingKey: setup.dscPrivateKey, certificate: certificate)
        let recordURL = TestData.repositoryRoot.appendingPathComponent("examples/vaccination-record.json")
        let record = try VaccinationRecord(json: JSONParser.parse(Array(Data(contentsOf: recordURL))))
        return Setup(folder: folder, issuer: issuer, record: record, certificatePath: certificatePath)
    }

    func runPython(payload: String, setup: Setup, schemaVersion: String) throws -> (Int32, JSONValue?) {
        let payloadPath = setup.folder.appendingPathComponent("payload-\(UUID().uuidString).txt")
        try payload.write(to: payloadPath, atomically: true, encoding: .utf8)
        let script = TestData.repositoryRoot.appendingPathComponent("Tests/EUDCCTests/Interop/verify_hc1.py")
        let schema = try TestData.url("ehn-dcc-schema/release-\(schemaVersion)/DCC.combined-schema.json")
        let output = try ExternalProgram.python([script.path, payloadPath.path, setup.certificatePath.path, schema.path])
        return (output.status, try? JSONParser.parse(Array(output.standardOutputData)))
    }

    @Test(arguments: ["1.3.0", "1.3.2"])
    func pycoseVerifiesAnOpenDVCCertificateAndItIsSchemaValid(schemaVersion: String) throws {
        let setup = try makeSetup()
        let issued = try setup.issuer.issue(setup.record, schemaVersion: schemaVersion)
        let (status, result) = try runPython(payload: issued.text, setup: setup, schemaVersion: schemaVersion)
        #expect(status == 0, "\(String(describing: result))")
        #expect(result?["signature"] == .bool(true))
        #expect(result?["kid_matches"] == .bool(true))
        #expect(result?["schema_errors"] == .array([]))
        #expect(result?["iss"] == .string("DE"))
        #expect(result?["dcc"]?["ver"] == .string(schemaVersion))
        #expect(result?["dcc"]?["nam"]?["fnt"] == .string("MUSTERMANN"))
        #expect(result?["dcc"]?["v"]?.arrayValue?.first?["ci"]?.stringValue == issued.record.certificate.hcid)
        let iat = result?["iat"]?.integerValue ?? 0
        let exp = result?["exp"]?.integerValue ?? 0
        #expect(exp - iat == 365 * 86_400)
    }

    @Test func pycoseRejectsATamperedCertificate() throws {
        let setup = try makeSetup()
        let issued = try setup.issuer.issue(setup.record)
        // Flip one byte of the signature and re-wrap: the transport stays valid, the signature does not.
        var cose = issued.cose
        cose[cose.count - 1] ^= 0x01
        let tampered = try HC1Transport.encode(cose: cose)
        let (status, result) = try runPython(payload: tampered, setup: setup, schemaVersion: "1.3.0")
        #expect(status == 1)
        #expect(result?["signature"] == .bool(false))
    }
}
