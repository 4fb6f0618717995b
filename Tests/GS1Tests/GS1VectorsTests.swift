import Foundation
import GS1
import Testing
import TestSupport

/// The `gs1` section of `coldchain/vectors.json`: one vial's identifiers in every form, and EPC URIs with their
/// Digital Links. (ColdChainTests runs the other sections; this is why it lists `gs1` as not its own.)
struct GS1VectorsTests {
    struct Vectors {
        let values: [String: Any]
        subscript(_ key: String) -> String { values[key] as? String ?? "" }
    }

    func vectors() throws -> Vectors {
        let root = try JSONSerialization.jsonObject(with: try TestData.data("coldchain/vectors.json")) as? [String: Any]
        return Vectors(values: try #require(root?["gs1"] as? [String: Any]))
    }

    @Test func everyFormOfTheVialAgrees() throws {
        let gs1 = try vectors()
        let gtin = try GTIN(gs1["gtin"])
        let expiry = try ExpiryDate(yymmdd: gs1["expiry_yymmdd"])
        let link = try GS1DigitalLink(gtin: gtin, lot: gs1["lot"], serial: gs1["serial"], expiry: expiry)
        #expect(link.uri() == gs1["digital_link"])
        #expect(try GS1DigitalLink.parse(gs1["digital_link"]) == link)
        #expect(try GS1DigitalLink(gtin: gtin, lot: gs1["lot"]).uri() == gs1["digital_link_lot_level"])

        let readable = try GS1ElementString.parseHumanReadable(gs1["element_string_hri"])
        // The DataMatrix data as read after FNC1, and with the symbology identifier a scanner puts in front.
        let data = try GS1ElementString.parseData(Array(gs1["datamatrix_data_after_fnc1"].utf8))
        let scanned = try GS1ElementString.parse(gs1["symbology_identifier"] + gs1["datamatrix_data_after_fnc1"])
        for reading in [readable, data, scanned] {
            #expect(reading.gtin == gtin)
            #expect(reading.lot == gs1["lot"])
            #expect(reading.serial == gs1["serial"])
            #expect(reading.expiry == expiry)
        }
        #expect(readable.data == gs1["datamatrix_data_after_fnc1"])
        #expect(data.humanReadable == gs1["element_string_hri"])
    }

    @Test func epcURIsBecomeTheirDigitalLinks() throws {
        let examples = try #require(try vectors().values["epc_to_dl_example"] as? [String: String])
        #expect(examples.count == 4)
        for (uri, expected) in examples.sorted(by: { $0.key < $1.key }) {
            #expect(try EPCURI.parse(uri).digitalLink.uri() == expected, "\(uri)")
        }
    }
}
