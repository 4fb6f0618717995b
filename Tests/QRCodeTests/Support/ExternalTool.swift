import Foundation
import TestSupport

/// Runs the external programs of the interoperability tests. A missing program is an error with an install
/// hint: these tests fail, they never skip (scripts/install-test-dependencies.sh installs everything).
enum ExternalTool {
    /// Thrown when a program or Python module is not installed.
    struct Missing: Error, CustomStringConvertible {
        let what: String
        let hint: String
        var description: String { "\(what) is not installed: \(hint) (scripts/install-test-dependencies.sh)" }
    }

    /// The result of one run.
    struct Output {
        let status: Int32
        let standardOutput: Data
        let standardError: String
        var text: String { String(decoding: standardOutput, as: UTF8.self) }
    }

    static let zbarimgHint = "apt-get install zbar-tools"
    static let qrencodeHint = "apt-get install qrencode"
    static let pythonHint = "pip install zxing-cpp==3.1.1 segno==1.6.6"

    /// The path of an executable on `PATH` (or in /usr/bin, /usr/local/bin).
    static func locate(_ name: String, hint: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        for folder in folders {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Missing(what: name, hint: hint)
    }

    /// Runs `executable` with `arguments`, with no standard input, and collects both outputs.
    static func run(_ executable: URL, _ arguments: [String]) throws -> Output {
        let output = try ExternalProgram.run(executable, arguments)
        return Output(status: output.status, standardOutput: output.standardOutputData, standardError: output.standardError)
    }

    /// A fresh temporary folder.
    static func temporaryFolder(_ prefix: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// Calls `Interop/qr_interop.py` (zxing-cpp and segno) with a JSON request and returns its JSON answer.
enum PythonInterop {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Interop/qr_interop.py")

    static func call(_ command: String, _ request: [String: Any]) throws -> Any {
        let python = try ExternalTool.locate("python3", hint: "apt-get install python3")
        let folder = try ExternalTool.temporaryFolder("dvc-qr-python")
        defer { try? FileManager.default.removeItem(at: folder) }
        let requestFile = folder.appendingPathComponent("request.json")
        try JSONSerialization.data(withJSONObject: request).write(to: requestFile)
        let output = try ExternalTool.run(python, [script.path, command, requestFile.path])
        if output.standardError.contains("ModuleNotFoundError") {
            throw ExternalTool.Missing(what: "a Python module (zxing-cpp or segno)", hint: ExternalTool.pythonHint)
        }
        guard output.status == 0 else {
            throw Failure(description: "qr_interop.py \(command) exited \(output.status): \(output.standardError.suffix(2000))")
        }
        return try JSONSerialization.jsonObject(with: output.standardOutput)
    }
}
