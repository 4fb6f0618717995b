import Foundation
import Synchronization

/// Collects everything a child process writes on one pipe, as it arrives, so that a test can read it while the
/// child runs (to wait for a line) and after it exits (to search the whole log).
///
/// A dedicated thread reads the pipe with blocking `read(2)` calls until end of file.
final class OutputBuffer: Sendable {
    private struct State {
        var bytes = Data()
        var closed = false
    }

    private let state = Mutex(State())

    /// Starts draining `pipe` on a thread of its own; the buffer is closed at end of file.
    init(draining pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        let thread = Thread { [self] in
            let descriptor = handle.fileDescriptor
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    state.withLock { $0.bytes.append(contentsOf: chunk[0..<count]) }
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            state.withLock { $0.closed = true }
            try? handle.close()
        }
        thread.name = "dvc output reader"
        thread.start()
    }

    /// Everything read so far, as UTF-8 text.
    var text: String {
        state.withLock { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// True once the child closed the pipe (it exited, or closed its end).
    var isClosed: Bool { state.withLock { $0.closed } }
}
