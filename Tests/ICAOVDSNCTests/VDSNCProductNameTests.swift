import ICAOVDSNC
import JSON
import Testing
import VaccinationRecord

@Suite("VDS-NC product names")
struct VDSNCProductNameTests {
    @Test func aBrandWithoutDisplayGetsTheTablesProductName() throws {
        let fixture = try VDSNCFixture()
        var record = try VDSNCFixture.vaccination()
        var vaccination = try #require(record.event.vaccination)
        vaccination.brand.display = nil
        record.event = .vaccination(vaccination)
        let text = try fixture.issue(record)
        #expect(try JSONParser.parse(text)["data"]?["msg"]?["ve"]?.arrayValue?.first?["nam"] == "Comirnaty")
        vaccination.brand = Coding(system: "urn:example:brands", code: "LocalVax")
        record.event = .vaccination(vaccination)
        let local = try fixture.issue(record)
        #expect(try JSONParser.parse(local)["data"]?["msg"]?["ve"]?.arrayValue?.first?["nam"] == "LocalVax")
    }
}
