extension IssuerSigningSetup {
    /// The file names ``write(to:overwrite:)`` uses.
    public enum FileName {
        /// The CSCA certificate.
        public static let cscaCertificate = "csca.pem"
        /// The CSCA private key (mode 0600).
        public static let cscaPrivateKey = "csca.key.pem"
        /// The DSC certificate.
        public static let dscCertificate = "dsc.pem"
        /// The DSC private key (mode 0600).
        public static let dscPrivateKey = "dsc.key.pem"
    }

    /// Writes `csca.pem`, `csca.key.pem`, `dsc.pem` and `dsc.key.pem` into `directory` (created with mode 0700 if
    /// it does not exist).
    ///
    /// Key files are created with mode 0600 from the start (`O_CREAT | O_EXCL`), certificates with 0644 less the
    /// umask. Nothing is written when any of the four files exists and `overwrite` is false; with `overwrite` the
    /// old files are removed first, so a replaced key never inherits a wider mode.
    ///
    /// - Throws: ``TrustError`` `TRUST_FILE_EXISTS` or `TRUST_IO`.
    public func write(to directory: String, overwrite: Bool = false) throws {
        if !POSIXFile.exists(directory) {
            try POSIXFile.makeDirectory(directory, mode: 0o700)
        }
        guard POSIXFile.isDirectory(directory) else {
            throw TrustError(.io, "expected a directory at \(directory), found another kind of file")
        }
        let files: [(name: String, contents: String, mode: UInt32)] = [
            (FileName.cscaPrivateKey, cscaPrivateKeyPEM, 0o600),
            (FileName.dscPrivateKey, dscPrivateKeyPEM, 0o600),
            (FileName.cscaCertificate, cscaCertificatePEM, 0o644),
            (FileName.dscCertificate, dscCertificatePEM, 0o644),
        ]
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        if !overwrite {
            for file in files where POSIXFile.exists(base + file.name) {
                throw TrustError(
                    .fileExists,
                    "expected no \(file.name) in \(directory), found one (pass overwrite to replace the keys)"
                )
            }
        }
        for file in files {
            let path = base + file.name
            if overwrite {
                try POSIXFile.remove(path)
            }
            try POSIXFile.createNew(path, contents: Array(file.contents.utf8), mode: .init(file.mode))
        }
    }
}
