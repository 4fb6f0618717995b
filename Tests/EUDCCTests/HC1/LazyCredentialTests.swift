import CredentialVerification
import EUDCC
import Foundation
import Testing
import VaccinationRecord

/// The canonical record is built on first access, once, and the same from every thread.
@Suite("Verification result: lazily built credential")
struct LazyCredentialTests {
    @Test func concurrentAccessesSeeOneRecord() async throws {
        let fixture = try HC1Fixture()
        let issued = try fixture.issuer.issue(try HC1Fixture.exampleRecord, issuedAt: fixture.now)
        let result = fixture.verifier.verify(issued.text, at: fixture.now)
        #expect(result.isValid)
        let records = await withTaskGroup(of: VaccinationRecord?.self) { group in
            for _ in 0..<16 { group.addTask { result.credential } }
            var records: [VaccinationRecord?] = []
            for await record in group { records.append(record) }
            return records
        }
        #expect(records.count == 16)
        #expect(Set(records.map { $0?.certificate.hcid }).count == 1)
        #expect(records.allSatisfy { $0 != nil && $0 == records[0] })
    }

    @Test func settingTheCredentialReplacesTheMapping() throws {
        let fixture = try HC1Fixture()
        let issued = try fixture.issuer.issue(try HC1Fixture.exampleRecord, issuedAt: fixture.now)
        var result = fixture.verifier.verify(issued.text, at: fixture.now)
        #expect(result.credential != nil)
        result.credential = nil
        #expect(result.credential == nil)
        #expect(result.json["credential"] == .null)
    }

    @Test func mappingWarningsAppearInTheJSON() throws {
        // A DCC the record cannot hold completely: two vaccination entries (allowed before schema 1.3.0).
        var result = VerificationResult(format: .euDCC)
        result.setCredential { (nil, [.init(code: "DCC_ADDITIONAL_ENTRIES", message: "v: 2 entries; only the first is mapped")]) }
        #expect(result.credentialWarnings.map(\.code) == ["DCC_ADDITIONAL_ENTRIES"])
        #expect(result.json["warnings"]?.arrayValue?.count == 1)
    }
}
