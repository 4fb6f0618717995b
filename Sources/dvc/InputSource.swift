import Foundation

/// Reads a command's input: a file path, or `-` / nothing for standard input.
enum InputSource {
    /// Upper bound on what a command reads (a batch of 100,000 payloads fits easily).
    static let maxBytes = 512 * 1024 * 1024

    static func read(_ path: String?) throws -> Data {
        if path == nil || path == "-" {
            return FileHandle.standardInput.readDataToEndOfFile()
        }
        guard let path else { return Data() }
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandError.io("expected a readable file at \(path), found none")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError.io("expected a readable file at \(path), found it unreadable")
        }
        guard data.count <= maxBytes else {
            throw CommandError.io("expected at most \(maxBytes) bytes in \(path), found \(data.count)")
        }
        return data
    }

    /// The text with one trailing line break (LF or CRLF) removed.
    static func strippingOneTrailingNewline(_ text: Substring) -> Substring {
        var text = text
        // "\r\n" is a single Character in Swift, so one removeLast() drops either form.
        if let last = text.last, last == "\n" || last == "\r\n" {
            text.removeLast()
        }
        return text
    }
}

/// Writes bytes to standard output in large blocks.
enum OutputWriter {
    static func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        FileHandle.standardOutput.write(Data(bytes))
    }

    static func write(_ text: String) { write(Array(text.utf8)) }

    /// Standard output is unbuffered through `FileHandle`; kept for call sites that mark the end of output.
    static func flush() {}
}
