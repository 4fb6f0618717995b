import Crypto
import JSON

/// A JWS in compact serialization (RFC 7515 section 7.1), `header.payload.signature`, signed with ES256.
///
/// Parsing checks the shape only (three unpadded base64url parts, a JSON object header, a 64-byte signature);
/// ``verify(with:)`` checks the signature over the received ``signingInput`` bytes, never over re-encoded ones.
/// The payload is returned as decoded bytes: whether it is JSON, JWT claims or DEFLATE data (`zip: DEF`) is for
/// the caller to decide.
public struct CompactJWS: Sendable, Hashable {
    /// The default largest accepted compact JWS, in characters (64 KiB).
    public static let defaultMaximumLength = 64 * 1024
    /// The largest accepted header, in bytes after base64url decoding.
    public static let maximumHeaderLength = 4 * 1024

    /// The decoded protected header.
    public let header: JWSHeader
    /// The payload bytes after base64url decoding (still compressed when the header has `zip`).
    public let payload: [UInt8]
    /// The signature bytes: 64 bytes of raw r‖s.
    public let signature: [UInt8]
    /// The ASCII bytes that were signed: `base64url(header) "." base64url(payload)` as received.
    public let signingInput: [UInt8]
    /// The compact text. Built on access from ``signingInput`` and ``signature``: parsing accepts canonical
    /// base64url only, so this is the parsed text byte for byte (and parsing need not keep a copy).
    public var text: String { String(decoding: signingInput, as: UTF8.self) + "." + Base64URL.encode(signature) }

    /// Parses a compact JWS.
    ///
    /// No whitespace is trimmed: a line break or BOM around the text is an error (`JWS_MALFORMED`).
    ///
    /// - Parameter maximumLength: the largest accepted text, in UTF-8 bytes.
    /// - Throws: ``JOSEError``: `JWS_TOO_LARGE`, `JWS_MALFORMED` (not three parts, empty header or signature),
    ///   `JOSE_INVALID_BASE64URL`, `JWS_HEADER_INVALID` (not a JSON object, `crit` present),
    ///   `JWS_UNSUPPORTED_ALGORITHM` (`alg` missing or not ES256), `JWS_SIGNATURE_FORMAT` (not 64 bytes, e.g. DER).
    public init(parsing text: some StringProtocol, maximumLength: Int = CompactJWS.defaultMaximumLength) throws {
        // One pass over the UTF-8 bytes in place (a native String or Substring is contiguous); a copy otherwise.
        // `??` moves the parsed value out of the optional (an `if let` binding copied it).
        let parsed = try text.utf8.withContiguousStorageIfAvailable { try Self(bytes: $0, maximumLength: maximumLength) }
        self = try parsed ?? Array(text.utf8).withUnsafeBufferPointer { try Self(bytes: $0, maximumLength: maximumLength) }
    }

    /// Parses a compact JWS from its UTF-8 bytes (see ``init(parsing:maximumLength:)``): the parts are found
    /// and decoded in place, and the bytes are copied only into ``signingInput``.
    private init(bytes: UnsafeBufferPointer<UInt8>, maximumLength: Int) throws {
        guard bytes.count <= maximumLength else {
            throw JOSEError(.jwsTooLarge, "expected a JWS of at most \(maximumLength) characters, found \(bytes.count)")
        }
        var dots = (first: -1, second: -1)
        var dotCount = 0
        var from = 0
        while dotCount < 3, let index = Self.firstDot(in: bytes, from: from) {
            dotCount += 1
            if dotCount == 1 { dots.first = index } else if dotCount == 2 { dots.second = index }
            from = index + 1
        }
        guard dotCount == 2 else {
            throw JOSEError(
                .malformedJWS, "expected 3 dot-separated parts (header.payload.signature), found \(dotCount > 2 ? "more than 3" : "\(dotCount + 1)")")
        }
        let headerPart = UnsafeBufferPointer(rebasing: bytes[0..<dots.first])
        let payloadPart = UnsafeBufferPointer(rebasing: bytes[(dots.first + 1)..<dots.second])
        let signaturePart = UnsafeBufferPointer(rebasing: bytes[(dots.second + 1)...])
        guard !headerPart.isEmpty, !signaturePart.isEmpty else {
            throw JOSEError(.malformedJWS, "expected a non-empty header and signature, found an empty part")
        }
        let headerBytes = try Self.decodePart(headerPart, name: "header")
        guard headerBytes.count <= Self.maximumHeaderLength else {
            throw JOSEError(.invalidHeader, "expected a header of at most \(Self.maximumHeaderLength) bytes, found \(headerBytes.count)")
        }
        // A tape, not a tree: verification reads a few members; `header.json` is built only when asked for.
        let headerTape: JSONTape
        do {
            headerTape = try JSONTape(parsing: headerBytes, options: .init(maxBytes: Self.maximumHeaderLength, maxDepth: 8))
        } catch {
            throw JOSEError(.invalidHeader, "expected the header to be JSON, found \((error as? JSONError)?.code ?? "invalid JSON")")
        }
        let header = try JWSHeader(tape: headerTape)
        guard headerTape.member("crit", of: headerTape.root) == nil else {
            throw JOSEError(.invalidHeader, "expected no crit header (no extension is supported), found one")
        }
        guard header.algorithm == "ES256" else {
            throw JOSEError(
                .unsupportedAlgorithm, "expected alg ES256, found \(header.algorithm.map { Self.shown($0) } ?? "none")")
        }
        let signature = try Self.decodePart(signaturePart, name: "signature")
        guard signature.count == 64 else {
            let der = signature.first == 0x30 && (68...72).contains(signature.count)
            throw JOSEError(
                .signatureFormat,
                "expected a 64-byte raw r||s ES256 signature, found \(signature.count) bytes\(der ? " (DER-encoded)" : "")")
        }
        self.header = header
        self.payload = try Self.decodePart(payloadPart, name: "payload")
        self.signature = signature
        self.signingInput = Array(UnsafeBufferPointer(rebasing: bytes[0..<dots.second]))
    }

    /// Signs `payload` (already compressed if `header.compression` says so) with ES256.
    ///
    /// - Throws: ``JOSEError`` `JWS_UNSUPPORTED_ALGORITHM` when the header's `alg` is not ES256; errors of the
    ///   signing backend.
    public init(signing payload: some Collection<UInt8>, header: JWSHeader, key: P256.Signing.PrivateKey) throws {
        guard header.algorithm == "ES256" else {
            throw JOSEError(.unsupportedAlgorithm, "expected alg ES256 for signing, found \(header.algorithm ?? "none")")
        }
        let headerText = Base64URL.encode(JSONSerializer.serialize(.object(header.json)))
        let input = Array((headerText + "." + Base64URL.encode(payload)).utf8)
        let signature = try key.signature(for: input).rawRepresentation
        self.header = header
        self.payload = Array(payload)
        self.signature = Array(signature)
        self.signingInput = input
    }

    /// Whether the signature verifies with `key` over the received signing input.
    public func isValidSignature(for key: P256.Signing.PublicKey) -> Bool {
        guard let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
        return key.isValidSignature(signature, for: signingInput)
    }

    /// Verifies the signature with `key`.
    ///
    /// - Throws: ``JOSEError`` `JWS_SIGNATURE_INVALID` when it does not verify.
    public func verify(with key: P256.Signing.PublicKey) throws {
        guard isValidSignature(for: key) else {
            throw JOSEError(.signatureInvalid, "expected an ES256 signature valid for the key, found one that is not")
        }
    }

    private static func decodePart(_ part: UnsafeBufferPointer<UInt8>, name: String) throws -> [UInt8] {
        do {
            return try Base64URL.decode(bytes: part)
        } catch let error as JOSEError {
            throw JOSEError(error.errorCode, "\(name): \(error.message)")
        }
    }

    /// The index of the first `.` at or after `start`, eight bytes at a time (SWAR: a zero byte of
    /// `word ^ 0x2E…2E` marks a dot; the test can flag a byte after a real dot, never miss one, and the bytes
    /// are then checked one by one).
    private static func firstDot(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        if let base = bytes.baseAddress {
            let dots: UInt64 = 0x2E2E_2E2E_2E2E_2E2E
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while bytes.count - index >= 8 {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) ^ dots
                if (word &- ones) & ~word & highs != 0 { break }
                index += 8
            }
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: ".") { return index }
            index += 1
        }
        return nil
    }

    /// A header value for an error message: short ASCII identifiers only, anything else is elided.
    private static func shown(_ value: String) -> String {
        value.utf8.count <= 16 && value.utf8.allSatisfy { (0x21...0x7E).contains($0) } ? value : "another value"
    }
}
