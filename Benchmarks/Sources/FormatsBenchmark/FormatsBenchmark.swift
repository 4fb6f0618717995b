import BenchmarkRecords
import COSE
import Crypto
import EUDCC
import Foundation
import ICAOVDSNC
import JOSE
import JSON
import QRCode
import SMARTHealthCards
import Trust
import VaccinationRecord
import Verifier
import W3CVerifiableCredentials

/// Every credential format on one core: verification throughput (through the universal `Verifier`, format
/// detection included) as a ratio to swift-crypto's bare P-256 verify measured in the same run, interleaved, and
/// issuance throughput including the QR matrix.
///
/// Usage: FormatsBenchmark [--seconds S]   (S: seconds per measurement, default 2)
@main
struct FormatsBenchmark {
    enum Format: String, CaseIterable {
        case hc1 = "EU DCC (HC1)"
        case shc = "SMART Health Card"
        case vds = "ICAO VDS-NC"
        case vc = "W3C VC (VC-JOSE)"

        var level: QRCode.ErrorCorrection {
            switch self {
            case .hc1: .quartile
            case .shc: .low
            case .vds, .vc: .medium
            }
        }
    }

    static let issuerURL = "https://dvc.example/issuer"

    static func main() throws {
        var seconds = 2.0
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let index = arguments.firstIndex(of: "--seconds"), index + 1 < arguments.count, let value = Double(arguments[index + 1]) {
            seconds = value
        }
        // --only hc1|shc|vds|vc: one format (for profiling).
        let only = arguments.firstIndex(of: "--only").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
        let now = Date()
        let setup = try IssuerSigningSetup.generate(
            country: "DE", types: [.vaccination], now: now.addingTimeInterval(-86_400))
        let certificate = try TrustMaterialLoader.certificates(from: Array(setup.dscCertificatePEM.utf8))[0]
        let vcIssuer = VCIssuer(signingKey: setup.dscPrivateKey, issuer: issuerURL)
        var store = TrustStore(certificates: [certificate])
        store.add(try JWKSet(json: vcIssuer.publicKeySet), issuer: issuerURL)
        store.add(authority: try SigningAuthority(certificate: setup.cscaCertificate))
        let verifier = Verifier(trustStore: store)

        let records = try BenchmarkRecords.distinct(count: 500)
        let issuers: [Format: (VaccinationRecord) throws -> String] = [
            .hc1: { try HC1Issuer(signingKey: setup.dscPrivateKey, certificate: certificate).issue($0, issuedAt: now).text },
            .shc: { try SHCIssuer(signingKey: setup.dscPrivateKey, issuer: issuerURL).issue($0, issuedAt: now, expiresAt: nil).qrTexts[0] },
            .vds: { try VDSNCIssuer(signingKey: setup.dscPrivateKey, certificate: certificate).issue($0, issuedAt: now) },
            .vc: { try vcIssuer.issue($0, issuedAt: now, expiresAt: nil) },
        ]
        // The bare baseline: swift-crypto's SHA-256 and ECDSA P-256 verify over each credential's own signed bytes
        // (the JWS signing input, the COSE Sig_structure, the canonical VDS-NC data), signature objects made up
        // front: what any verifier of that credential must spend at least.
        let key = setup.dscPrivateKey
        let publicKey = key.publicKey
        let signedBytes: [Format: (String) throws -> [UInt8]] = [
            .hc1: { try COSESign1(decoding: HC1Transport.decode($0[...])).signatureStructure },
            .shc: { try CompactJWS(parsing: SHCNumericQR.assemble([$0[...]]).jws).signingInput },
            .vds: { try VDSNCSeal(text: $0[...]).signedBytes },
            .vc: { try CompactJWS(parsing: $0).signingInput },
        ]

        print("Every format, one core, release build; \(records.count) distinct records; verification and bare P-256 verify (over the same signed bytes) interleaved in chunks of 50 over \(seconds) s; issuance over \(seconds) s.")
        print("")
        print("| format | payload chars | verifications/s | bare P-256 verifies/s | ratio of totals (target ≥ 0.8) | median chunk ratio | issuance + QR matrix /s |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for format in Format.allCases where only == nil || "\(format)" == only {
            let issue = issuers[format]!
            let payloads = try records.map(issue)
            let messages = try payloads.map(signedBytes[format]!)
            let signatures = try messages.map { try key.signature(for: $0) }
            for payload in payloads.prefix(3) {
                let result = verifier.verify(payload, at: now)
                guard result.isValid else {
                    throw Failure(description: "\(format.rawValue) did not verify: \(result.errors.map(\.code))")
                }
            }
            var totals = (verify: 0.0, bare: 0.0)
            var counts = (verify: 0, bare: 0)
            // Each chunk's bare time ÷ verification time, over the same 50 items a moment apart.
            var pairRatios: [Double] = []
            let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
            var chunk = 0
            var sink = 0
            while DispatchTime.now().uptimeNanoseconds < deadline {
                let range = (chunk * 50 % payloads.count)..<(chunk * 50 % payloads.count + 50)
                var start = DispatchTime.now().uptimeNanoseconds
                for index in range where verifier.verify(payloads[index], at: now).isValid { sink += 1 }
                let verifyTime = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                totals.verify += verifyTime
                counts.verify += range.count
                start = DispatchTime.now().uptimeNanoseconds
                for index in range where publicKey.isValidSignature(signatures[index], for: messages[index]) { sink += 1 }
                let bareTime = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                totals.bare += bareTime
                counts.bare += range.count
                pairRatios.append(bareTime / verifyTime)
                chunk += 1
            }
            let verifyRate = Double(counts.verify) / totals.verify
            let bareRate = Double(counts.bare) / totals.bare
            pairRatios.sort()
            let medianRatio = pairRatios[pairRatios.count / 2]
            var issued = 0
            // Profiling one format (--only) looks at verification: issuance runs once.
            let issueSeconds = only == nil ? seconds : 0
            let issueStart = DispatchTime.now().uptimeNanoseconds
            let issueDeadline = issueStart + UInt64(issueSeconds * 1e9)
            repeat {
                let text = try issue(records[issued % records.count])
                sink &+= try QRCode(encoding: text, options: .init(errorCorrection: format.level)).version
                issued += 1
            } while DispatchTime.now().uptimeNanoseconds < issueDeadline
            let issueRate = Double(issued) / (Double(DispatchTime.now().uptimeNanoseconds - issueStart) / 1e9)
            let length = payloads.map(\.count).reduce(0, +) / payloads.count
            print("| \(format.rawValue) | \(length) | \(Int(verifyRate)) | \(Int(bareRate)) | \(String(format: "%.3f", verifyRate / bareRate)) | \(String(format: "%.3f", medianRatio)) | \(Int(issueRate)) |")
            if sink == Int.min { print("") }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }
}
