import Foundation

/// Locates the shared test data (`../shared/testdata` beside the repository, or `$DVC_TESTDATA`).
///
/// Tests that need it fail when it is missing; they never skip silently.
public enum TestData {
    /// The repository root (the folder holding `Package.swift`).
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The shared test-data folder.
    public static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["DVC_TESTDATA"] {
            return URL(fileURLWithPath: path)
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/testdata")
    }()

    /// A file or folder inside the shared test data; throws when it does not exist.
    public static func url(_ relativePath: String) throws -> URL {
        let url = root.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw TestDataMissing(path: url.path)
        }
        return url
    }

    /// The bytes of a test-data file.
    public static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: url(relativePath))
    }

    /// All files under a test-data folder with the given extension, sorted by path.
    public static func files(under relativePath: String, withExtension ext: String) throws -> [URL] {
        let base = try url(relativePath)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
            throw TestDataMissing(path: base.path)
        }
        var result: [URL] = []
        for case let file as URL in enumerator where file.pathExtension == ext {
            result.append(file)
        }
        return result.sorted { $0.path < $1.path }
    }
}

/// Thrown when the shared test data is not where the tests expect it.
public struct TestDataMissing: Error, CustomStringConvertible {
    public let path: String
    public var description: String { "test data missing at \(path); set DVC_TESTDATA or check out ../shared/testdata" }
}

/// Hex helpers for test vectors.
public enum Hex {
    /// Decodes hex text (upper or lower case, whitespace ignored).
    public static func decode(_ text: String) -> [UInt8]? {
        let digits = text.filter { !$0.isWhitespace }.utf8.map { $0 }
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let hi = nibble(digits[index]), let lo = nibble(digits[index + 1]) else { return nil }
            bytes.append(hi << 4 | lo)
            index += 2
        }
        return bytes
    }

    /// Lower-case hex of bytes.
    public static func encode<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let table = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(table[Int(byte >> 4)])
            out.append(table[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
