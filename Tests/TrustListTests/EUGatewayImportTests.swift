import Crypto
import Foundation
import JSON
import Testing
import TrustList

@Suite struct EUGatewayImportTests {
    static func entry(_ der: [UInt8], country: String, type: String = "DSC", kid: String? = nil, thumbprint: String? = nil) -> JSONValue {
        var object: JSONObject = [
            "country": .string(country), "certificateType": .string(type), "rawData": .string(Data(der).base64EncodedString()),
            "signature": .string("MEUCIQ=="), "timestamp": .string("2021-06-01T00:00:00Z"),
        ]
        object["kid"] = .string(kid ?? Data(SHA256.hash(data: der).prefix(8)).base64EncodedString())
        object["thumbprint"] = .string(thumbprint ?? SHA256.hash(data: der).map { String(format: "%02x", $0) }.joined())
        return .object(object)
    }

    @Test func gatewayListImportsByCountry() throws {
        let real = try EUDCCTestCertificates.load(countries: ["AT", "DE", "FR"])
        #expect(Set(real.map(\.country)) == ["AT", "DE", "FR"])
        let csca = try TestCSCA(country: "DE", notBefore: Clock.days(-10), notAfter: Clock.days(10))
        var entries = real.map { Self.entry($0.der, country: $0.country) }
        entries.append(Self.entry(csca.der, country: "DE", type: "CSCA"))
        entries.append(Self.entry(real[0].der, country: real[0].country))  // a repeat, kept once
        let skippedStart = entries.count
        entries.append(Self.entry(csca.der, country: "DE", type: "UPLOAD"))
        entries.append(Self.entry(csca.der, country: "DE", type: "AUTHENTICATION"))
        entries.append(Self.entry(real[0].der, country: "AT", kid: "AAAAAAAAAAA="))
        entries.append(Self.entry(real[0].der, country: "AT", thumbprint: String(repeating: "0", count: 64)))
        entries.append(Self.entry(real[0].der, country: "Austria"))
        entries.append(.object(["certificateType": "DSC", "country": "AT", "rawData": "not base64!"]))
        entries.append(.string("DSC"))
        let json = JSONSerializer.serialize(.array(entries))

        let imported = try EUGatewayImport.issuers(fromJSON: json, notBefore: Clock.seconds(days: -1), notAfter: Clock.seconds(days: 30))
        #expect(imported.issuers.map(\.id) == ["eu-gateway:AT", "eu-gateway:DE", "eu-gateway:FR"])
        #expect(imported.issuers.map(\.country) == ["AT", "DE", "FR"])
        for issuer in imported.issuers {
            #expect(issuer.documentSigners == real.filter { $0.country == issuer.country }.map(\.der))
            #expect(issuer.credentialTypes == [.hc1])
            #expect(issuer.notAfter == Clock.seconds(days: 30))
        }
        #expect(imported.issuers[1].cscaCertificates == [csca.der])
        #expect(imported.skipped.map(\.index) == Array(skippedStart..<entries.count))
        #expect(imported.skipped.map(\.reason.code) == [
            "TRUST_LIST_IMPORT_ENTRY_UNSUPPORTED", "TRUST_LIST_IMPORT_ENTRY_UNSUPPORTED", "TRUST_LIST_IMPORT_ENTRY_MISMATCH",
            "TRUST_LIST_IMPORT_ENTRY_MISMATCH", "TRUST_LIST_IMPORT_ENTRY_INVALID", "TRUST_LIST_IMPORT_ENTRY_INVALID",
            "TRUST_LIST_IMPORT_ENTRY_INVALID",
        ])

        // The imported issuers make a list that signs and verifies, kids as the gateway published them.
        let fixture = try Fixture()
        let list = TrustList(sequence: 1, issuedAt: Clock.epoch, nextUpdate: Clock.epoch + 86_400, issuers: imported.issuers)
        let verified = try SignedTrustList.verify(fixture.signed(list), anchors: fixture.anchors, now: Clock.now)
        #expect(verified.list == list)
        let gatewayKids = real.map { Data(SHA256.hash(data: $0.der).prefix(8)).base64EncodedString() }
        #expect(Set(verified.list.issuers.flatMap(\.documentSignerKids)) == Set(gatewayKids))
    }

    @Test func entriesWithoutKidOrThumbprintAreAccepted() throws {
        let csca = try TestCSCA(notBefore: Clock.days(-10), notAfter: Clock.days(10))
        let dsc = try csca.issue(notBefore: Clock.days(-1), notAfter: Clock.days(1))
        let json = #"[{"certificateType":"DSC","country":"DE","rawData":""# + Data(dsc).base64EncodedString() + #""}]"#
        let imported = try EUGatewayImport.issuers(fromJSON: Array(json.utf8), notBefore: 0, notAfter: 1)
        #expect(imported.issuers.first?.documentSigners == [dsc])
        #expect(imported.skipped.isEmpty)
    }

    @Test(arguments: ["{}", "\"x\"", "[", ""])
    func documentThatIsNotAnArrayIsRefused(json: String) {
        #expect(trustListErrorCode { _ = try EUGatewayImport.issuers(fromJSON: Array(json.utf8), notBefore: 0, notAfter: 1) } == "TRUST_LIST_IMPORT_MALFORMED")
    }

    @Test func oversizedGatewayListIsRefused() {
        let limits = TrustListLimits(maximumBytes: 64, maximumImportEntries: 2)
        let big = Array(("[" + String(repeating: "{},", count: 30) + "{}]").utf8)
        #expect(trustListErrorCode { _ = try EUGatewayImport.issuers(fromJSON: big, notBefore: 0, notAfter: 1, limits: limits) } == "TRUST_LIST_TOO_LARGE")
        #expect(trustListErrorCode { _ = try EUGatewayImport.issuers(fromJSON: Array("[{},{},{}]".utf8), notBefore: 0, notAfter: 1, limits: limits) } == "TRUST_LIST_TOO_LARGE")
    }
}
