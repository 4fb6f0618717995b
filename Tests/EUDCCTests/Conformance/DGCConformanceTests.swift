import Foundation
import Testing

/// Runs every EU DCC test vector of dgc-testdata and compares each `EXPECTED*` flag with OpenDVC's result.
@Suite("EU DCC conformance (dgc-testdata)")
struct DGCConformanceTests {
    @Test func everyVectorAgreesOutsideDocumentedDeviations() throws {
        let files = try DGCTestFile.all()
        #expect(files.count == 581)
        let deviations = try DGCDeviations.load(files: files)
        let pictures = try QRPictureDecoder.decodeAll(files)

        var comparisons = 0
        var notJudged = 0
        var agreements = 0
        var perFlag: [String: (agree: Int, total: Int)] = [:]
        var usedEntries = Set<DGCDeviations.Entry>()
        var documented: [String] = []
        var unexpected: [String] = []
        for file in files {
            let actual = DGCConformanceEvaluator.evaluate(file, decodedPicture: pictures[file.path])
            for (flag, expected) in file.expectations.sorted(by: { $0.key < $1.key }) {
                guard let found = actual[flag] else {
                    if let entry = deviations.entry(flag: flag, path: file.path) {
                        usedEntries.insert(entry)
                        notJudged += 1
                    } else {
                        unexpected.append("\(file.path) \(flag): not evaluated")
                    }
                    continue
                }
                comparisons += 1
                perFlag[flag, default: (0, 0)].total += 1
                if found == expected {
                    agreements += 1
                    perFlag[flag, default: (0, 0)].agree += 1
                } else if let entry = deviations.entry(flag: flag, path: file.path) {
                    usedEntries.insert(entry)
                    documented.append("\(file.path) \(flag) (\(entry.upstream ? "upstream" : "OpenDVC"): \(entry.reason))")
                } else {
                    unexpected.append("\(file.path) \(flag): expected \(expected), found \(found)")
                }
            }
        }
        let flagSummary = perFlag.keys.sorted().map { "\($0) \(perFlag[$0]!.agree)/\(perFlag[$0]!.total)" }
        print("dgc-testdata conformance: \(agreements) of \(comparisons) expectations agree across \(files.count) files;"
            + " \(documented.count) documented deviations, \(notJudged) expectations not judgeable (listed),"
            + " \(unexpected.count) unexpected")
        print("per flag: " + flagSummary.joined(separator: ", "))
        for line in documented { print("  documented: \(line)") }
        #expect(unexpected.isEmpty, "undocumented disagreements:\n\(unexpected.joined(separator: "\n"))")
        let stale = deviations.entries.filter { !$0.upstream && !usedEntries.contains($0) }
        #expect(stale.isEmpty, "deviations listed in dgc-deviations.csv that no longer occur: \(stale.map { "\($0.flag) \($0.path)" })")
    }
}
