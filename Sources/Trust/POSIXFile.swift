#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Minimal file access with explicit permissions, used for key material.
///
/// New files are created with `O_CREAT | O_EXCL` and their final mode, so a private key is never readable by others,
/// not even between creation and a later `chmod`.
enum POSIXFile {
    /// Reads a regular file of at most `maximumSize` bytes.
    static func read(_ path: String, maximumSize: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ioError("cannot open", path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ioError("cannot stat", path) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw TrustError(.io, "expected a regular file at \(path), found another kind of file")
        }
        guard Int(info.st_size) <= maximumSize else {
            throw TrustError(
                .inputTooLarge,
                "expected a file of at most \(maximumSize) bytes at \(path), found \(info.st_size)"
            )
        }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ioError("cannot read", path)
            }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
            guard result.count <= maximumSize else {
                throw TrustError(
                    .inputTooLarge,
                    "expected a file of at most \(maximumSize) bytes at \(path), found more"
                )
            }
        }
        return result
    }

    /// Whether anything (a file, directory or symbolic link, even a dangling one) exists at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Whether `path` is a directory (following symbolic links).
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Creates a directory with `mode`.
    static func makeDirectory(_ path: String, mode: mode_t) throws {
        guard mkdir(path, mode) == 0 else { throw ioError("cannot create directory", path) }
    }

    /// Removes a file (not a directory).
    static func remove(_ path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else { throw ioError("cannot remove", path) }
    }

    /// Creates a new file with exactly `mode` and writes `bytes`; fails if anything exists at `path`.
    static func createNew(_ path: String, contents bytes: [UInt8], mode: mode_t) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else {
            if errno == EEXIST {
                throw TrustError(.fileExists, "expected no file at \(path), found one")
            }
            throw ioError("cannot create", path)
        }
        var closed = false
        defer { if !closed { close(fd) } }
        // The umask can only remove bits; set the mode exactly so that it does not depend on the caller's umask.
        guard fchmod(fd, mode) == 0 else { throw ioError("cannot set the mode of", path) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return systemWrite(fd, base + offset, buffer.count - offset)
            }
            if written <= 0 {
                if written < 0, errno == EINTR { continue }
                throw ioError("cannot write", path)
            }
            offset += written
        }
        guard fsync(fd) == 0 else { throw ioError("cannot flush", path) }
        closed = true
        guard close(fd) == 0 else { throw ioError("cannot close", path) }
    }

    private static func ioError(_ action: String, _ path: String) -> TrustError {
        let reason = String(cString: strerror(errno))
        return TrustError(.io, "\(action) \(path): \(reason)")
    }
}

// `read` and `write` are shadowed by the static functions above; these call the C library.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
