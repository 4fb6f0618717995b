import EPCIS
import Foundation
import Testing
import TestSupport

/// The XML inputs of testdata/epcis-hash: examples (*.xml with .hashes) and the expected_equal groups.
@Suite struct EPCISXMLConformanceTests {
    static func xmlExamples() throws -> [String] {
        try TestData.files(under: "epcis-hash/examples", withExtension: "xml").map {
            $0.deletingPathExtension().lastPathComponent
        }
    }

    static func equalityFiles() throws -> [String] {
        try TestData.files(under: "epcis-hash/expected_equal", withExtension: "xml").map(\.lastPathComponent)
    }

    @Test func xmlExampleCount() throws {
        #expect(try Self.xmlExamples().count == 17)
        #expect(try Self.equalityFiles().count == 10)
    }

    @Test(arguments: try xmlExamples())
    func xmlExampleHashesMatch(name: String) throws {
        let base = try TestData.url("epcis-hash/examples")
        let bytes = Array(try Data(contentsOf: base.appendingPathComponent(name + ".xml")))
        let expected = try EPCISHashConformanceTests.lines(base.appendingPathComponent(name + ".hashes"))
        let preHashes = try EPCISEventHash.preHashes(xmlDocument: bytes)
        let prehashFile = base.appendingPathComponent(name + ".prehashes")
        if FileManager.default.fileExists(atPath: prehashFile.path), EPCISDeviations.preHashFiles[name] == nil {
            let want = try EPCISHashConformanceTests.lines(prehashFile)
            #expect(preHashes.count == want.count)
            for (got, w) in zip(preHashes, want) { #expect(got == w, "\(name)") }
        }
        #expect(preHashes.map(EPCISEventHash.hash(preHash:)) == expected, "\(name)")
    }

    @Test(arguments: try equalityFiles())
    func equalityGroupHashesEqual(file: String) throws {
        let bytes = Array(try TestData.data("epcis-hash/expected_equal/" + file))
        let hashes = try EPCISEventHash.hashes(xmlDocument: bytes)
        #expect(hashes.count >= 2)
        #expect(Set(hashes).count == 1, "\(file)")
    }

    /// JSON-LD and XML serialisations of the same upstream case hash equal.
    @Test(arguments: try xmlExamples())
    func xmlAndJSONTwinsHashEqual(name: String) throws {
        let base = try TestData.url("epcis-hash/examples")
        let json = base.appendingPathComponent(name + ".jsonld")
        guard FileManager.default.fileExists(atPath: json.path) else { return }
        let fromJSON = try EPCISEventHash.hashes(of: EPCISDocument(bytes: Array(try Data(contentsOf: json))))
        let fromXML = try EPCISEventHash.hashes(
            xmlDocument: Array(try Data(contentsOf: base.appendingPathComponent(name + ".xml"))))
        #expect(fromJSON == fromXML)
    }

    /// Every prefix of an XML document gives hashes or a coded EPCIS error, never a crash.
    @Test func everyXMLPrefixGivesValueOrCodedError() throws {
        let bytes = Array(try TestData.data("epcis-hash/examples/epcisDocWithSensorComponent.xml"))
        var end = bytes.count
        while end > 0, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[end - 1]) { end -= 1 }
        var errors = 0
        for length in 0..<bytes.count {
            do {
                _ = try EPCISEventHash.hashes(xmlDocument: Array(bytes[0..<length]))
            } catch {
                errors += 1
                #expect(error.code.hasPrefix("EPCIS_"))
            }
        }
        #expect(errors == end)
    }

    @Test func xmlRejectsDoctypeAndUndeclaredPrefix() {
        #expect(throws: EPCISError(.invalidXML, "")) {
            try EPCISEventHash.hashes(xmlDocument: Array("<!DOCTYPE x [<!ENTITY a 'b'>]><x/>".utf8))
        }
        #expect(throws: EPCISError(.invalidXML, "")) { try EPCISEventHash.hashes(xmlDocument: Array("<p:x/>".utf8)) }
        #expect(throws: EPCISError(.invalidXML, "")) { try EPCISEventHash.hashes(xmlDocument: Array("<a></b>".utf8)) }
        let deep = String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)
        #expect(throws: EPCISError(.limitExceeded, "")) { try EPCISEventHash.hashes(xmlDocument: Array(deep.utf8)) }
    }
}
