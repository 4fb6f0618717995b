import Foundation
import TestSupport
import Testing
import Trust

@Suite("Loading trust material: PEM, DER, base64")
struct TrustMaterialLoaderTests {
    private func certificate(_ name: String) throws -> [UInt8] {
        try DGCTestVector.named(name).certificateBytes
    }

    private func pem(_ der: [UInt8], lineLength: Int = 64, newline: String = "\n") -> String {
        let base64 = Data(der).base64EncodedString()
        var lines: [String] = []
        var index = base64.startIndex
        while index < base64.endIndex {
            let end = base64.index(index, offsetBy: lineLength, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(String(base64[index..<end]))
            index = end
        }
        return (["-----BEGIN CERTIFICATE-----"] + lines + ["-----END CERTIFICATE-----"]).joined(separator: newline)
            + newline
    }

    @Test("one PEM certificate")
    func singlePEM() throws {
        let der = try certificate("AT/2DCode/raw/1.json")
        let loaded = try TrustMaterialLoader.certificates(from: Array(pem(der).utf8))
        #expect(loaded.map(\.derBytes) == [der])
    }

    @Test("several PEM blocks with CRLF, other line lengths and text between blocks")
    func bundlePEM() throws {
        let ders = try ["AT/2DCode/raw/1.json", "DE/2DCode/raw/1.json", "IS/2DCode/raw/3.json"].map(certificate)
        let text =
            "# trust bundle\r\nsubject=C = AT\r\n" + pem(ders[0], newline: "\r\n") + "\n"
            + pem(ders[1], lineLength: 76) + "  comment\n" + pem(ders[2], lineLength: 1000)
        let loaded = try TrustMaterialLoader.certificates(from: Array(text.utf8))
        #expect(loaded.map(\.derBytes) == ders)
        #expect(loaded.map(\.parsedWithFallback) == [false, true, true])
    }

    @Test("raw DER")
    func rawDER() throws {
        let der = try certificate("FI/2DCode/raw/1.json")
        let loaded = try TrustMaterialLoader.certificates(from: der)
        #expect(loaded.map(\.derBytes) == [der])
    }

    @Test("one line of base64 (TESTCTX.CERTIFICATE form), with surrounding and embedded whitespace")
    func base64Line() throws {
        let der = try certificate("LT/2DCode/raw/1.json")
        let base64 = Data(der).base64EncodedString()
        for text in [base64, "  \(base64)\n", String(base64.prefix(100)) + "\n" + String(base64.dropFirst(100))] {
            let loaded = try TrustMaterialLoader.certificates(from: Array(text.utf8))
            #expect(loaded.map(\.derBytes) == [der])
        }
    }

    @Test("files: certificates(contentsOfFile:) reads PEM from disk; a missing file is TRUST_IO")
    func fromFile() throws {
        let der = try certificate("AT/2DCode/raw/1.json")
        let path = NSTemporaryDirectory() + "trust-loader-\(UUID().uuidString).pem"
        try Data(pem(der).utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try TrustMaterialLoader.certificates(contentsOfFile: path).map(\.derBytes) == [der])
        #expect(throws: TrustError(.io, "")) { try TrustMaterialLoader.certificates(contentsOfFile: path + ".missing") }
    }

    @Test(
        "garbage and malformed input give coded errors",
        arguments: [
            ("", "TRUST_UNRECOGNIZED_FORMAT"),
            ("   \n", "TRUST_UNRECOGNIZED_FORMAT"),
            ("hello, world", "TRUST_UNRECOGNIZED_FORMAT"),
            ("QUJD", "TRUST_INVALID_CERTIFICATE"),  // base64 of "ABC"
            ("QUJ", "TRUST_UNRECOGNIZED_FORMAT"),  // bad padding
            ("-----BEGIN CERTIFICATE-----\nMIIB\n", "TRUST_INVALID_PEM"),  // no END
            ("-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n", "TRUST_INVALID_PEM"),
            ("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n", "TRUST_INVALID_PEM"),  // empty body
            ("-----BEGIN CERTIFICATE-----\nQUJD\n-----END X509 CRL-----\n", "TRUST_INVALID_PEM"),
            ("-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----\n", "TRUST_INVALID_PEM"),
            ("-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\n", "TRUST_INVALID_CERTIFICATE"),
            (
                "-----BEGIN CERTIFICATE-----\nProc-Type: 4,ENCRYPTED\nQUJD\n-----END CERTIFICATE-----\n",
                "TRUST_INVALID_PEM"
            ),
        ]
    )
    func garbage(text: String, code: String) {
        do {
            let loaded = try TrustMaterialLoader.certificates(from: Array(text.utf8))
            Issue.record("expected \(code), loaded \(loaded.count) certificates")
        } catch let error as TrustError {
            #expect(error.code == code)
            #expect(!error.message.isEmpty)
        } catch {
            Issue.record("expected a TrustError, got \(type(of: error))")
        }
    }

    @Test("binary that is not DER is TRUST_UNRECOGNIZED_FORMAT; the message names the accepted forms")
    func binary() throws {
        do {
            _ = try TrustMaterialLoader.certificates(from: [0xff, 0xfe, 0x00, 0x01])
            Issue.record("expected an error")
        } catch let error as TrustError {
            #expect(error.code == "TRUST_UNRECOGNIZED_FORMAT")
            #expect(error.message.contains("PEM") && error.message.contains("DER") && error.message.contains("base64"))
        }
    }

    @Test("an error in one PEM block names its position")
    func positionInError() throws {
        let good = try pem(certificate("AT/2DCode/raw/1.json"))
        let bad = "-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\n"
        do {
            _ = try TrustMaterialLoader.certificates(from: Array((good + bad).utf8))
            Issue.record("expected an error")
        } catch let error as TrustError {
            #expect(error.code == "TRUST_INVALID_CERTIFICATE")
            #expect(error.message.hasPrefix("PEM block 2 of 2"))
        }
    }

    @Test("every prefix of a DER certificate is rejected, never crashes")
    func truncatedDER() throws {
        let der = try certificate("common/2DCode/raw/CO1.json")
        for length in 0..<der.count {
            #expect(throws: TrustError.self) { try TrustMaterialLoader.certificates(from: Array(der[..<length])) }
        }
    }

    @Test("every prefix of a PEM certificate is rejected, never crashes")
    func truncatedPEM() throws {
        let text = Array(try pem(certificate("AT/2DCode/raw/1.json")).utf8)
        // The full text minus its final newline still loads; anything shorter does not.
        #expect(try TrustMaterialLoader.certificates(from: Array(text.dropLast())).count == 1)
        for length in 0..<(text.count - 1) {
            #expect(throws: TrustError.self) { try TrustMaterialLoader.certificates(from: Array(text[..<length])) }
        }
    }

    @Test("all 581 TESTCTX.CERTIFICATE strings load through the base64 path")
    func allVectorsAsBase64() throws {
        for vector in try DGCTestVector.all() {
            let text = Data(vector.certificateBytes).base64EncodedString()
            let loaded = try TrustMaterialLoader.certificates(from: Array(text.utf8))
            #expect(loaded.count == 1 && loaded[0].derBytes == vector.certificateBytes, "\(vector.name)")
        }
    }
}
