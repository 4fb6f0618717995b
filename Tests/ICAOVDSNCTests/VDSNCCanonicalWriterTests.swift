import JSON
import Testing

@testable import ICAOVDSNC

@Suite("VDS-NC signed bytes: the canonical data written from the seal's tape, as JSONSerializer writes it")
struct VDSNCCanonicalWriterTests {
    @Test func issuedSealsSignTheSerializersCanonicalData() throws {
        let fixture = try VDSNCFixture()
        let records = [
            try VDSNCFixture.vaccination(),
            try VDSNCFixture.vaccination(family: "O\\u2019Brien \\\"Åström\\\"", given: "Zoë 😀", birthDate: "1964", dose: 1),
        ]
        for record in records {
            let seal = try VDSNCSeal(text: try fixture.issue(record)[...])
            #expect(seal.signedBytes == JSONSerializer.serialize(seal.data, style: .canonical))
        }
    }

    @Test func memberOrderAndLayoutOfTheTextDoNotMatter() throws {
        let fixture = try VDSNCFixture()
        let seal = try VDSNCSeal(text: try fixture.issue(try VDSNCFixture.vaccination())[...])
        // The same seal written with the members of every object reversed and pretty-printed.
        func reversed(_ value: JSONValue) -> JSONValue {
            switch value {
            case .object(let object):
                return .object(JSONObject(uniqueMembers: object.members.reversed().map { .init(key: $0.key, value: reversed($0.value)) }))
            case .array(let elements): return .array(elements.map(reversed))
            default: return value
            }
        }
        let text = JSONSerializer.serializeToString(
            .object(["sig": reversed(try JSONParser.parse(Array(seal.tape.canonicalBytes(of: seal.tape.member("sig", of: seal.tape.root)!)))),
                     "data": reversed(seal.data)]), style: .pretty)
        let shuffled = try VDSNCSeal(text: text[...])
        #expect(shuffled.signedBytes == seal.signedBytes)
        #expect(shuffled.data != seal.data)
        #expect(fixture.verify(text).isValid)
        #expect(shuffled.issuingState == seal.issuingState)
    }
}
