import Testing
import Trust

@Suite("Trust store")
struct TrustStoreTests {
    @Test("the 581 test files hold 90 distinct certificates with 90 distinct kids; lookups find each")
    func allVectors() throws {
        let vectors = try DGCTestVector.all()
        let certificates = try vectors.map { try DocumentSignerCertificate(derEncoded: $0.certificateBytes) }
        let store = TrustStore(certificates: certificates)
        #expect(store.count == 90)
        #expect(!store.isEmpty)
        #expect(store.allCertificates.count == 90)
        for certificate in certificates {
            let found = store.certificates(forKid: certificate.kid)
            #expect(found.count == 1)
            #expect(found.first?.derBytes == certificate.derBytes)
            // Any collection of the same bytes works as a key.
            #expect(store.certificates(forKid: certificate.kid[...]).count == 1)
        }
    }

    @Test("kids that are not 8 bytes, or unknown, find nothing")
    func unknownKids() throws {
        let dsc = try DocumentSignerCertificate(
            derEncoded: DGCTestVector.named("AT/2DCode/raw/1.json").certificateBytes
        )
        let store = TrustStore(certificates: [dsc])
        #expect(store.certificates(forKid: Array("foo".utf8)).isEmpty)
        #expect(store.certificates(forKid: dsc.kid.dropLast()).isEmpty)
        #expect(store.certificates(forKid: dsc.kid + [0]).isEmpty)
        #expect(store.certificates(forKid: [UInt8](repeating: 0, count: 8)).isEmpty)
        #expect(store.certificates(forKid: [UInt8]()).isEmpty)
    }

    @Test("adding the same bytes twice keeps one; different certificates under one kid are all returned")
    func duplicatesAndSharedKids() throws {
        let a = try DocumentSignerCertificate(derEncoded: DGCTestVector.named("AT/2DCode/raw/1.json").certificateBytes)
        let b = try DocumentSignerCertificate(derEncoded: DGCTestVector.named("DE/2DCode/raw/1.json").certificateBytes)
        var store = TrustStore()
        #expect(store.isEmpty)
        store.add(a)
        store.add(a)
        store.add(contentsOf: [b, a])
        #expect(store.count == 2)
        #expect(store.certificates(forKid: a.kid) == [a])
        #expect(store.certificates(forKid: b.kid) == [b])
    }
}
