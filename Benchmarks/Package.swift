// swift-tools-version:6.1
// OpenDVC benchmarks: a separate package (as in swift-asn1) so the main build stays lean.
// Run: Benchmarks/run.sh   (builds in release, writes docs/PERFORMANCE.md figures to stdout)
import PackageDescription

let package = Package(
    name: "OpenDVCBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "OpenDVC", path: ".."),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
    ],
    targets: [
        // The records FormatsBenchmark and VerificationStages issue.
        .target(
            name: "BenchmarkRecords",
            dependencies: [
                .product(name: "JSON", package: "OpenDVC"),
                .product(name: "VaccinationRecord", package: "OpenDVC"),
            ]
        ),
        .executableTarget(
            name: "HC1Benchmark",
            dependencies: [
                .product(name: "Verifier", package: "OpenDVC"),
                .product(name: "EUDCC", package: "OpenDVC"),
                .product(name: "Trust", package: "OpenDVC"),
                .product(name: "COSE", package: "OpenDVC"),
                .product(name: "CBOR", package: "OpenDVC"),
                .product(name: "Base45", package: "OpenDVC"),
                .product(name: "Deflate", package: "OpenDVC"),
                .product(name: "JSON", package: "OpenDVC"),
                .product(name: "JSONSchema", package: "OpenDVC"),
                .product(name: "CredentialVerification", package: "OpenDVC"),
                .product(name: "VaccinationRecord", package: "OpenDVC"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "FormatsBenchmark",
            dependencies: [
                "BenchmarkRecords",
                .product(name: "Verifier", package: "OpenDVC"),
                .product(name: "COSE", package: "OpenDVC"),
                .product(name: "EUDCC", package: "OpenDVC"),
                .product(name: "SMARTHealthCards", package: "OpenDVC"),
                .product(name: "ICAOVDSNC", package: "OpenDVC"),
                .product(name: "W3CVerifiableCredentials", package: "OpenDVC"),
                .product(name: "Trust", package: "OpenDVC"),
                .product(name: "JOSE", package: "OpenDVC"),
                .product(name: "JSON", package: "OpenDVC"),
                .product(name: "QRCode", package: "OpenDVC"),
                .product(name: "VaccinationRecord", package: "OpenDVC"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "ColdChainBenchmark",
            dependencies: [
                .product(name: "Registry", package: "OpenDVC"),
                .product(name: "StorageSQLite", package: "OpenDVC"),
                .product(name: "Issuance", package: "OpenDVC"),
                .product(name: "Telemetry", package: "OpenDVC"),
                .product(name: "JSON", package: "OpenDVC"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Where an SHC or VC verification's time goes, stage by stage (and a callgrind loop).
        .executableTarget(
            name: "VerificationStages",
            dependencies: [
                "BenchmarkRecords",
                .product(name: "Verifier", package: "OpenDVC"),
                .product(name: "SMARTHealthCards", package: "OpenDVC"),
                .product(name: "W3CVerifiableCredentials", package: "OpenDVC"),
                .product(name: "Trust", package: "OpenDVC"),
                .product(name: "JOSE", package: "OpenDVC"),
                .product(name: "JSON", package: "OpenDVC"),
                .product(name: "Deflate", package: "OpenDVC"),
                .product(name: "CredentialVerification", package: "OpenDVC"),
                .product(name: "VaccinationRecord", package: "OpenDVC"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Issue 7's targets: revocation snapshot lookups and memory, transparency-log appends and proofs.
        .executableTarget(
            name: "TrustBenchmark",
            dependencies: [
                .product(name: "Revocation", package: "OpenDVC"),
                .product(name: "TransparencyLog", package: "OpenDVC"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // libqrencode (Debian libqrencode-dev) as the QR baseline, through a tiny C harness.
        .target(name: "CQRencodeHarness", linkerSettings: [.linkedLibrary("qrencode")]),
        .executableTarget(
            name: "QRBenchmark",
            dependencies: [
                "CQRencodeHarness",
                .product(name: "QRCode", package: "OpenDVC"),
                .product(name: "QRRendering", package: "OpenDVC"),
            ]
        ),
    ]
)
