import Foundation
import JSON
import TestSupport

/// Document signer certificates from the EU DCC test data (`dgc-testdata/<country>/2DCode/raw/*.json`,
/// `TESTCTX.CERTIFICATE`), distinct per country.
enum EUDCCTestCertificates {
    struct Entry {
        let country: String
        let der: [UInt8]
    }

    /// The distinct certificates of the first test file of each country that has one; fails when the data is
    /// missing.
    static func load(countries: [String]) throws -> [Entry] {
        var entries: [Entry] = []
        for country in countries {
            let files = try TestData.files(under: "dgc-testdata/\(country)/2DCode/raw", withExtension: "json")
            for file in files {
                let json = try JSONParser.parse(Array(Data(contentsOf: file)), options: .init(maxBytes: 1 << 22))
                guard let text = json["TESTCTX"]?["CERTIFICATE"]?.stringValue, let data = Data(base64Encoded: text) else { continue }
                let der = [UInt8](data)
                if !entries.contains(where: { $0.der == der }) { entries.append(Entry(country: country, der: der)) }
            }
        }
        return entries
    }
}
