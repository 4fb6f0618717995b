// swift-tools-version:6.1
//
// OpenDVC: an open digital vaccination certificate platform.
// Layers (dependencies point down only), see docs/ARCHITECTURE.md:
//   1. Codecs (no I/O):  CodedErrors, CBOR, Base45, Deflate, JSON, JSONSchema, COSE, JOSE, QRCode, MQTT
//   2. Domain:           VaccinationRecord, Trust, TrustList, Revocation, TransparencyLog, CredentialVerification,
//                        the format modules, Verifier, ColdChain, GS1, EPCIS, Telemetry, LotIntegrity, Issuance
//   3. Storage:          Storage (protocol, entities), StorageSQLite (GRDB), StoragePostgres (postgres-nio)
//   4. Services:         Registry, MQTTClient, HTTPAPI
//   5. Command line:     dvc
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "OpenDVC",
    platforms: [.macOS(.v15), .iOS(.v18)],
    products: [
        .library(name: "CodedErrors", targets: ["CodedErrors"]),
        .library(name: "CBOR", targets: ["CBOR"]),
        .library(name: "Base45", targets: ["Base45"]),
        .library(name: "CivilCalendar", targets: ["CivilCalendar"]),
        .library(name: "MQTT", targets: ["MQTT"]),
        .library(name: "MQTTClient", targets: ["MQTTClient"]),
        .library(name: "ColdChain", targets: ["ColdChain"]),
        .library(name: "GS1", targets: ["GS1"]),
        .library(name: "EPCIS", targets: ["EPCIS"]),
        .library(name: "Telemetry", targets: ["Telemetry"]),
        .library(name: "LotIntegrity", targets: ["LotIntegrity"]),
        .library(name: "TransparencyLog", targets: ["TransparencyLog"]),
        .library(name: "Revocation", targets: ["Revocation"]),
        .library(name: "TrustList", targets: ["TrustList"]),
        .library(name: "Deflate", targets: ["Deflate"]),
        .library(name: "JSON", targets: ["JSON"]),
        .library(name: "JSONSchema", targets: ["JSONSchema"]),
        .library(name: "COSE", targets: ["COSE"]),
        .library(name: "JOSE", targets: ["JOSE"]),
        .library(name: "VaccinationRecord", targets: ["VaccinationRecord"]),
        .library(name: "Trust", targets: ["Trust"]),
        .library(name: "CredentialVerification", targets: ["CredentialVerification"]),
        .library(name: "EUDCC", targets: ["EUDCC"]),
        .library(name: "Verifier", targets: ["Verifier"]),
        .library(name: "VaccineCodes", targets: ["VaccineCodes"]),
        .library(name: "SMARTHealthCards", targets: ["SMARTHealthCards"]),
        .library(name: "ICAOVDSNC", targets: ["ICAOVDSNC"]),
        .library(name: "W3CVerifiableCredentials", targets: ["W3CVerifiableCredentials"]),
        .library(name: "QRCode", targets: ["QRCode"]),
        .library(name: "QRRendering", targets: ["QRRendering"]),
        .library(name: "Issuance", targets: ["Issuance"]),
        .library(name: "Storage", targets: ["Storage"]),
        .library(name: "Registry", targets: ["Registry"]),
        .library(name: "HTTPAPI", targets: ["HTTPAPI"]),
        .library(name: "StorageSQLite", targets: ["StorageSQLite"]),
        .library(name: "StoragePostgres", targets: ["StoragePostgres"]),
        .executable(name: "dvc", targets: ["dvc"]),
        .executable(name: "FuzzCBOR", targets: ["FuzzCBOR"]),
        .executable(name: "FuzzHC1", targets: ["FuzzHC1"]),
        .executable(name: "FuzzJSON", targets: ["FuzzJSON"]),
        .executable(name: "FuzzQR", targets: ["FuzzQR"]),
        .executable(name: "FuzzJWS", targets: ["FuzzJWS"]),
        .executable(name: "FuzzSHC", targets: ["FuzzSHC"]),
        .executable(name: "FuzzMQTT", targets: ["FuzzMQTT"]),
        .executable(name: "FuzzTelemetry", targets: ["FuzzTelemetry"]),
        .executable(name: "FuzzRevocation", targets: ["FuzzRevocation"]),
        .executable(name: "FuzzTrustList", targets: ["FuzzTrustList"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", .upToNextMinor(from: "7.10.0")),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // MARK: 1. Codecs
        .target(name: "CodedErrors", swiftSettings: swiftSettings),
        .target(name: "CBOR", dependencies: ["CodedErrors"], swiftSettings: swiftSettings),
        .target(name: "Base45", dependencies: ["CodedErrors"], swiftSettings: swiftSettings),
        // Proleptic Gregorian day numbers, written once for timestamps, record dates, EPCIS and logger days.
        .target(name: "CivilCalendar", swiftSettings: swiftSettings),
        // MQTT 3.1.1 packets and a sans-IO client state machine (docs/MQTT.md); ByteBuffer only, no sockets.
        .target(name: "MQTT", dependencies: ["CodedErrors", .product(name: "NIOCore", package: "swift-nio")], swiftSettings: swiftSettings),
        .target(
            name: "Deflate",
            dependencies: [
                "CodedErrors",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "JSON", dependencies: ["CodedErrors"], swiftSettings: swiftSettings),
        .target(name: "QRCode", dependencies: ["CodedErrors"], swiftSettings: swiftSettings),
        .target(
            name: "QRRendering",
            dependencies: [
                "QRCode", "CodedErrors",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "JSONSchema", dependencies: ["JSON", "CodedErrors"], swiftSettings: swiftSettings),
        .target(
            name: "JOSE",
            dependencies: ["CodedErrors", "JSON", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "COSE",
            dependencies: [
                "CBOR", "CodedErrors",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: 2. Domain
        // Cold-chain analytics: WHO alarms, shipping indicators, MKT, calculated VVM, logger exports (docs/COLDCHAIN.md).
        .target(name: "ColdChain", dependencies: ["CodedErrors", "JSON", "CivilCalendar"], swiftSettings: swiftSettings),
        // GS1 identifiers (GTIN, element strings, Digital Link, EPC URIs) and EPCIS 2.0 events with CBV 2.0 event
        // hashes (docs/GS1-EPCIS.md).
        .target(name: "GS1", dependencies: ["CodedErrors"], swiftSettings: swiftSettings),
        // Device telemetry: signed batches (COSE_Sign1 over CBOR) and admission rules (docs/TELEMETRY.md).
        .target(
            name: "Telemetry", dependencies: ["CBOR", "COSE", "CodedErrors", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        .target(
            name: "EPCIS", dependencies: ["GS1", "JSON", "CodedErrors", "CivilCalendar", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        .target(
            name: "LotIntegrity", dependencies: ["ColdChain", "EPCIS", "GS1"], swiftSettings: swiftSettings),
        // Offline revocation snapshots and deltas (EU DCC hash types, SHC rids, lots), docs/REVOCATION.md.
        .target(
            name: "Revocation", dependencies: ["CodedErrors", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        // Append-only Merkle tree, inclusion and consistency proofs, tree heads (RFC 9162 §2.1).
        .target(
            name: "TransparencyLog", dependencies: ["CodedErrors", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        .target(name: "VaccinationRecord", dependencies: ["JSON", "CodedErrors", "CivilCalendar"], swiftSettings: swiftSettings),
        .target(
            name: "Trust",
            dependencies: [
                "CodedErrors", "COSE", "JOSE",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Signed trust lists (compact JWS), DSC chain checks, EU gateway and GDHCN did:web imports (docs/TRUST-LIST.md).
        .target(
            name: "TrustList",
            dependencies: [
                "Trust", "JOSE", "JSON", "CodedErrors",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            swiftSettings: swiftSettings),
        .target(
            name: "CredentialVerification",
            dependencies: ["CodedErrors", "JSON", "VaccinationRecord", "Trust", "CivilCalendar", "Revocation"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "EUDCC",
            dependencies: [
                "CodedErrors", "CBOR", "COSE", "Base45", "Deflate", "JSON", "JSONSchema",
                "VaccinationRecord", "Trust", "CredentialVerification", "Revocation",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: VaccineCodes (owner: codes work)
        .target(
            name: "VaccineCodes",
            dependencies: ["VaccinationRecord", "CodedErrors"],
            exclude: ["Tables"],  // TSV sources of VaccineCodeTables.swift (scripts/generate-vaccine-codes.py)
            swiftSettings: swiftSettings
        ),
        // MARK: SMARTHealthCards (owner: SHC work)
        .target(
            name: "SMARTHealthCards",
            dependencies: [
                "JOSE", "JSON", "Deflate", "VaccinationRecord", "VaccineCodes", "CredentialVerification", "Trust",
                "CodedErrors", "Revocation", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: ICAOVDSNC (owner: VDS work)
        .target(
            name: "ICAOVDSNC",
            dependencies: [
                "JSON", "JOSE", "VaccinationRecord", "VaccineCodes", "CredentialVerification", "Trust", "CodedErrors",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: W3CVerifiableCredentials (owner: VC work)
        .target(
            name: "W3CVerifiableCredentials",
            dependencies: [
                "JOSE", "JSON", "VaccinationRecord", "VaccineCodes", "CredentialVerification", "Trust", "CodedErrors",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Verifier",
            dependencies: [
                "CredentialVerification", "EUDCC", "SMARTHealthCards", "ICAOVDSNC", "W3CVerifiableCredentials", "Trust",
                "VaccinationRecord", "JSON", "JOSE", "Revocation", "COSE", "CBOR", "CodedErrors",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),

        .target(
            name: "Issuance",
            dependencies: [
                "EUDCC", "SMARTHealthCards", "ICAOVDSNC", "W3CVerifiableCredentials", "Trust", "QRCode", "JOSE",
                "VaccinationRecord", "CodedErrors", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: 3. Storage (see docs/STORAGE.md)
        .target(name: "Storage", dependencies: ["CodedErrors", "TransparencyLog"], swiftSettings: swiftSettings),
        .target(
            name: "StorageSQLite",
            dependencies: ["Storage", "TransparencyLog", "CodedErrors", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "StoragePostgres",
            dependencies: [
                "Storage", "TransparencyLog", "CodedErrors", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: 4. Services
        // The MQTT client on SwiftNIO: drives MQTTClientStateMachine over a TCP channel (docs/MQTT.md).
        .target(
            name: "MQTTClient",
            dependencies: [
                "MQTT", "CodedErrors", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings),
        .target(
            name: "Registry",
            dependencies: [
                "Storage", "Issuance", "Verifier", "CredentialVerification", "Trust", "JOSE", "JSON", "VaccinationRecord",
                "VaccineCodes", "CodedErrors", "ColdChain", "Telemetry", "LotIntegrity", "EPCIS", "GS1", "TrustList",
                "Revocation", "TransparencyLog", "COSE", "EUDCC",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            swiftSettings: swiftSettings
        ),

        .target(
            name: "HTTPAPI",
            dependencies: [
                "Registry", "Storage", "Issuance", "JSON", "QRCode", "QRRendering", "VaccinationRecord", "CodedErrors",
                "CredentialVerification", "Telemetry", "EPCIS", "LotIntegrity", "JOSE",
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: 5. Command line
        .executableTarget(
            name: "dvc",
            dependencies: [
                "Verifier", "EUDCC", "Trust", "TrustList", "Revocation", "TransparencyLog", "VaccinationRecord", "JSON", "JOSE",
                "CredentialVerification",
                "QRCode", "QRRendering", "SMARTHealthCards", "ICAOVDSNC", "W3CVerifiableCredentials", "Issuance",
                "Registry", "HTTPAPI", "Storage", "StorageSQLite", "StoragePostgres", "ColdChain", "Telemetry", "GS1",
                "MQTT", "MQTTClient", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Fuzz targets (libFuzzer; see Fuzz/README.md)
        .executableTarget(name: "FuzzCBOR", dependencies: ["CBOR"], path: "Fuzz/FuzzCBOR"),
        .executableTarget(name: "FuzzHC1", dependencies: ["EUDCC", "Trust"], path: "Fuzz/FuzzHC1"),
        .executableTarget(name: "FuzzJSON", dependencies: ["JSON"], path: "Fuzz/FuzzJSON"),
        .executableTarget(name: "FuzzQR", dependencies: ["QRCode"], path: "Fuzz/FuzzQR"),
        .executableTarget(
            name: "FuzzJWS", dependencies: ["JOSE", .product(name: "Crypto", package: "swift-crypto")], path: "Fuzz/FuzzJWS"),
        .executableTarget(
            name: "FuzzSHC", dependencies: ["SMARTHealthCards", "CredentialVerification", "Trust"], path: "Fuzz/FuzzSHC"),
        .executableTarget(
            name: "FuzzTelemetry", dependencies: ["Telemetry", "COSE", .product(name: "Crypto", package: "swift-crypto")],
            path: "Fuzz/FuzzTelemetry"),
        .executableTarget(name: "FuzzRevocation", dependencies: ["Revocation"], path: "Fuzz/FuzzRevocation"),
        .executableTarget(
            name: "FuzzTrustList", dependencies: ["TrustList", .product(name: "Crypto", package: "swift-crypto")],
            path: "Fuzz/FuzzTrustList"),
        .executableTarget(
            name: "FuzzMQTT", dependencies: ["MQTT", .product(name: "NIOCore", package: "swift-nio")], path: "Fuzz/FuzzMQTT"),

        // MARK: Tests
        .target(
            name: "TestSupport",
            dependencies: [.product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")],
            path: "Tests/TestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "CBORTests", dependencies: ["CBOR", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ColdChainTests", dependencies: ["ColdChain", "JSON", "CodedErrors", "TestSupport"],
            exclude: ["VECTORS-DEVIATIONS.md"], swiftSettings: swiftSettings),
        .testTarget(name: "CivilCalendarTests", dependencies: ["CivilCalendar"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TelemetryTests",
            dependencies: ["Telemetry", "CBOR", "COSE", "CodedErrors", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        .testTarget(name: "GS1Tests", dependencies: ["GS1", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RevocationTests", dependencies: ["Revocation", "CodedErrors", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TrustListTests",
            dependencies: [
                "TrustList", "Trust", "JOSE", "JSON", "TestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "TransparencyLogTests",
            dependencies: ["TransparencyLog", "CodedErrors", "TestSupport", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "LotIntegrityTests", dependencies: ["LotIntegrity", "ColdChain", "EPCIS", "GS1", "JSON", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(name: "EPCISTests", dependencies: ["EPCIS", "JSON", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MQTTClientTests",
            dependencies: [
                "MQTTClient", "MQTT", "TestSupport", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "MQTTTests", dependencies: ["MQTT", "CodedErrors", "TestSupport", .product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: swiftSettings),
        .testTarget(name: "Base45Tests", dependencies: ["Base45", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "DeflateTests", dependencies: ["Deflate", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "JSONTests", dependencies: ["JSON", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "JSONSchemaTests", dependencies: ["JSONSchema", "JSON", "TestSupport"], swiftSettings: swiftSettings
        ),
        .testTarget(name: "JOSETests", dependencies: ["JOSE", "JSON", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "COSETests", dependencies: ["COSE", "CBOR", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "VaccinationRecordTests", dependencies: ["VaccinationRecord", "JSON", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "TrustTests", dependencies: ["Trust", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "EUDCCTests",
            dependencies: [
                "EUDCC", "Verifier", "CBOR", "COSE", "Base45", "Deflate", "JSON", "Trust", "VaccinationRecord",
                "CredentialVerification", "TestSupport",
            ],
            exclude: ["Conformance/dgc-deviations.csv", "Interop/verify_hc1.py"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "QRCodeTests", dependencies: ["QRCode", "QRRendering", "Deflate", "TestSupport"],
            exclude: ["Interop/qr_interop.py"], swiftSettings: swiftSettings
        ),
        // MARK: VaccineCodesTests (owner: codes work)
        .testTarget(
            name: "VaccineCodesTests", dependencies: ["VaccineCodes", "VaccinationRecord", "CodedErrors", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        // MARK: SMARTHealthCardsTests (owner: SHC work)
        .testTarget(
            name: "SMARTHealthCardsTests",
            dependencies: [
                "SMARTHealthCards", "JOSE", "JSON", "Deflate", "VaccinationRecord", "CredentialVerification", "Trust",
                "CodedErrors", "TestSupport", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: ICAOVDSNCTests (owner: VDS work)
        .testTarget(
            name: "ICAOVDSNCTests",
            dependencies: [
                "ICAOVDSNC", "JSON", "VaccinationRecord", "CredentialVerification", "Trust", "TestSupport",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: W3CVerifiableCredentialsTests (owner: VC work)
        .testTarget(
            name: "W3CVerifiableCredentialsTests",
            dependencies: [
                "W3CVerifiableCredentials", "JOSE", "JSON", "VaccinationRecord", "CredentialVerification", "Trust",
                "TestSupport", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VerifierTests",
            dependencies: [
                "Verifier", "CredentialVerification", "JOSE", "TestSupport", "VaccinationRecord", "Trust", "EUDCC",
                "SMARTHealthCards", "ICAOVDSNC", "W3CVerifiableCredentials", "Revocation", "COSE", "JSON", "CodedErrors",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IssuanceTests",
            dependencies: ["Issuance", "Verifier", "Trust", "JOSE", "JSON", "VaccinationRecord", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RegistryTests",
            dependencies: [
                "Registry", "Storage", "StorageSQLite", "Issuance", "JSON", "VaccinationRecord", "Trust", "TestSupport",
                "TransparencyLog", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "HTTPAPI", "Storage", "JSON", "Telemetry", "TestSupport", "CredentialVerification",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StorageConformanceTests",
            dependencies: [
                "Storage", "StorageSQLite", "StoragePostgres", "TestSupport", "TransparencyLog",
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "QRCode", "QRRendering", "TestSupport", "Base45", "Deflate", "JOSE", "JSON", "SMARTHealthCards",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
    ]
)
