import EPCIS
import Foundation
import Testing
import TestSupport

/// Every case of testdata/epcis-hash (RalphTro/epcis-event-hash-generator @5d2f1c3) and every GS1 example of
/// testdata/epcis, run generically; cases that cannot pass are listed in EPCISDeviations.swift with the reason.
@Suite struct EPCISHashConformanceTests {
    static let hashExamples = "epcis-hash/examples"

    /// Base names of every example that has expected hashes.
    static func exampleNames() throws -> [String] {
        try TestData.files(under: hashExamples, withExtension: "hashes").map {
            $0.deletingPathExtension().lastPathComponent
        }
    }

    static func lines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
            .map(String.init)
    }

    @Test func everyExampleIsCoveredOrListedAsDeviation() throws {
        let names = try Self.exampleNames()
        #expect(names.count == 28)
        for name in names {
            let base = try TestData.url(Self.hashExamples)
            let hasInput = [".jsonld", ".xml"].contains {
                FileManager.default.fileExists(atPath: base.appendingPathComponent(name + $0).path)
            }
            #expect(hasInput || EPCISDeviations.hashExamples[name] != nil, "\(name) has no input and no deviation")
        }
    }

    @Test(arguments: try exampleNames())
    func exampleHashesMatch(name: String) throws {
        let base = try TestData.url(Self.hashExamples)
        let input = base.appendingPathComponent(name + ".jsonld")
        guard FileManager.default.fileExists(atPath: input.path) else {
            // XML-only cases run in EPCISXMLConformanceTests.
            #expect(FileManager.default.fileExists(atPath: base.appendingPathComponent(name + ".xml").path))
            return
        }
        let document = try EPCISDocument(bytes: Array(try Data(contentsOf: input)))
        let expectedHashes = try Self.lines(base.appendingPathComponent(name + ".hashes"))
        let preHashes = try EPCISEventHash.preHashes(of: document)
        let prehashFile = base.appendingPathComponent(name + ".prehashes")
        if FileManager.default.fileExists(atPath: prehashFile.path), EPCISDeviations.preHashFiles[name] == nil {
            let expected = try Self.lines(prehashFile)
            #expect(preHashes.count == expected.count)
            for (got, want) in zip(preHashes, expected) { #expect(got == want, "\(name)") }
        }
        #expect(preHashes.map(EPCISEventHash.hash(preHash:)) == expectedHashes, "\(name)")
    }

    @Test func referenceJSONEqualityGroupHashesEqual() throws {
        let document = try EPCISDocument(bytes: Array(try TestData.data("epcis-hash/expected_equal/ReferenceEventHashAlgorithm.json")))
        let hashes = try EPCISEventHash.hashes(of: document)
        #expect(hashes.count >= 2)
        #expect(Set(hashes).count == 1)
    }

    @Test func equalityCasesAreAllJSONOrXML() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: try TestData.url("epcis-hash/expected_equal").path)
        #expect(files.count == 11)
        #expect(files.allSatisfy { $0.hasSuffix(".json") || $0.hasSuffix(".xml") })
    }

    @Test func gs1ExampleHashesMatchComputedFile() throws {
        let listing = try Self.lines(try TestData.url("epcis/COMPUTED-event-hashes.txt")).filter { !$0.hasPrefix("#") }
        let prehashListing = try Self.lines(try TestData.url("epcis/COMPUTED-prehashes.txt")).filter { !$0.hasPrefix("#") }
        #expect(listing.count == 17)
        var prehashes: [String: String] = [:]
        for line in prehashListing {
            let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
            if parts.count == 3 { prehashes["\(parts[0]) \(parts[1])"] = parts[2] }
        }
        for line in listing {
            let parts = line.split(separator: " ").map(String.init)
            try #require(parts.count == 3)
            let document = try EPCISDocument(bytes: Array(try TestData.data("epcis/" + parts[0])))
            let index = try #require(Int(parts[1]))
            let all = try EPCISEventHash.preHashes(of: document)
            try #require(index < all.count)
            if let expected = prehashes["\(parts[0]) \(parts[1])"] { #expect(all[index] == expected, "\(line)") }
            #expect(EPCISEventHash.hash(preHash: all[index]) == parts[2], "\(parts[0]) \(index)")
        }
    }

    @Test func everyGS1ExampleDocumentParses() throws {
        var count = 0
        for folder in ["epcis/core", "epcis/sensor"] {
            for file in try TestData.files(under: folder, withExtension: "jsonld") {
                let document = try EPCISDocument(bytes: Array(try Data(contentsOf: file)))
                #expect(!document.events.isEmpty, "\(file.lastPathComponent)")
                #expect(try EPCISEventHash.hashes(of: document).count == document.events.count)
                count += 1
            }
        }
        #expect(count == 14)
    }
}
