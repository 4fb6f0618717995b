import CredentialVerification
import Deflate
import EUDCC
import Foundation
import Trust

/// The one entry point for verifying a health certificate in any supported format, offline.
///
/// ```swift
/// let verifier = Verifier(trustStore: store)
/// let result = verifier.verify(scannedText)
/// if result.isValid { ... result.credential ... }
/// ```
/// The format is detected from the payload; every format returns the same ``VerificationResult``
/// with the same canonical record, so callers can compare records across formats.
public struct Verifier: Sendable {
    /// Trusted keys.
    public var trustStore: TrustStore
    private let hc1 = HC1Verifier()

    public init(trustStore: TrustStore) {
        self.trustStore = trustStore
    }

    /// Verifies one payload at `time` (default: now).
    public func verify(_ payload: String, at time: Date = Date()) -> VerificationResult {
        verify(Substring(payload), at: time, inflater: nil)
    }

    /// Makes a session for verifying many payloads on one task: it reuses decompression state.
    public func makeSession() -> VerificationSession {
        VerificationSession(verifier: self)
    }

    func verify(_ payload: Substring, at time: Date, inflater: Inflater?) -> VerificationResult {
        let context = VerificationContext(trustStore: trustStore, validationTime: time)
        switch PayloadFormatDetector.detect(payload) {
        case .euDCC:
            return hc1.verify(payload, context: context, inflater: inflater)
        case .some(let format):
            var result = VerificationResult(format: format)
            result.fail(\.decode, VerifierError.unsupportedFormat(format))
            return result
        case nil:
            var result = VerificationResult()
            result.fail(\.decode, VerifierError.unknownFormat())
            return result
        }
    }
}

/// Verifies many payloads in a row on one task, reusing decompression state. Not thread-safe:
/// make one per task.
public final class VerificationSession {
    private let verifier: Verifier
    private let zlib: Inflater?

    init(verifier: Verifier) {
        self.verifier = verifier
        self.zlib = try? Inflater(format: .zlib)
    }

    /// Verifies one payload at `time`.
    public func verify(_ payload: Substring, at time: Date = Date()) -> VerificationResult {
        verifier.verify(payload, at: time, inflater: zlib)
    }
}
