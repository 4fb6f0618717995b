import Crypto
import Foundation
import Telemetry
import Testing

/// Cross-checks a signed batch with Python's `pycose` and `cbor2` (installed by
/// scripts/install-test-dependencies.sh); fails, not skips, where they are missing.
@Suite("Telemetry interop (pycose, cbor2)")
struct TelemetryInteropTests {
    static let script = """
        import sys, cbor2
        from pycose.messages import Sign1Message
        from pycose.keys import EC2Key
        message, x, y = (bytes.fromhex(a) for a in sys.argv[1:4])
        decoded = Sign1Message.decode(message)
        decoded.key = EC2Key(crv='P_256', x=x, y=y)
        assert decoded.verify_signature(), 'signature'
        batch = cbor2.loads(decoded.payload)
        assert cbor2.dumps(batch, canonical=True) == decoded.payload, 'deterministic'
        print(batch[1], batch[2], batch[3], len(batch[4]), batch[4][1][1], batch[4][1][2], batch[5][0][1])
        """

    static let available: Bool = run(["-c", "import pycose, cbor2"])?.status == 0

    static func run(_ arguments: [String]) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    @Test func pycoseVerifiesASignedBatch() throws {
        try #require(Self.available, "python3 with pycose and cbor2 (scripts/install-test-dependencies.sh installs them)")
        let message = try SignedTelemetry.sign(Fixtures.small, key: Fixtures.key)
        let raw = Array(Fixtures.key.publicKey.rawRepresentation)  // x || y
        let result = Self.run([
            "-c", Self.script, Self.hex(message), Self.hex(raw.prefix(32)), Self.hex(raw.suffix(32)),
        ])
        #expect(result?.status == 0)
        #expect(result?.output == "fridge-01 7 1700000000000 2 -150 2 525200000\n")
    }
}
