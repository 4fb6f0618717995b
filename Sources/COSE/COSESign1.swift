import CBOR

/// A COSE_Sign1 message (RFC 9052 section 4.2) as received.
///
/// The protected header and the payload are kept as the exact bytes that were signed, like
/// swift-certificates keeps `tbsCertificateBytes`: the signature is checked over those bytes and
/// never over a re-encoding.
public struct COSESign1: Sendable {
    /// The CBOR tag of COSE_Sign1.
    public static let tag: UInt64 = 18
    /// The CBOR tag of a CWT (RFC 8392), seen around tag 18 in the wild.
    public static let cwtTag: UInt64 = 61

    /// The content of the protected header bstr, exactly as received (may be empty).
    public let protectedHeaderBytes: ArraySlice<UInt8>
    /// The decoded protected header map (an empty map when the bstr is empty).
    public let protectedHeader: [CBORNode.MapEntry]
    /// The unprotected header map.
    public let unprotectedHeader: [CBORNode.MapEntry]
    /// The payload bytes exactly as received.
    public let payload: ArraySlice<UInt8>
    /// The signature bytes.
    public let signature: ArraySlice<UInt8>

    /// Decodes a COSE_Sign1 message: tagged 18, untagged, or tag 61 around tag 18.
    ///
    /// - Throws: ``COSEError`` with `COSE_MALFORMED` or `COSE_INVALID_HEADER`, or a `CBORError`.
    public init(decoding bytes: ArraySlice<UInt8>, options: CBOR.DecodingOptions = .default) throws {
        try self.init(node: CBOR.decode(bytes, options: options))
    }

    /// Decodes a COSE_Sign1 message from bytes.
    public init(decoding bytes: [UInt8], options: CBOR.DecodingOptions = .default) throws {
        try self.init(decoding: bytes[...], options: options)
    }

    /// Reads a COSE_Sign1 message from a decoded node.
    public init(node: CBORNode) throws {
        var node = node
        if case .tagged(Self.cwtTag, let inner) = node.content {
            guard case .tagged(Self.tag, _) = inner.content else {
                throw COSEError(.malformed, "expected tag 18 (COSE_Sign1) inside tag 61 (CWT), found \(inner.typeName)")
            }
            node = inner
        }
        if case .tagged(let tag, let inner) = node.content {
            guard tag == Self.tag else {
                throw COSEError(.malformed, "expected tag 18 (COSE_Sign1) or no tag, found tag \(tag)")
            }
            node = inner
        }
        guard case .array(let items) = node.content else {
            throw COSEError(.malformed, "expected a COSE_Sign1 array of 4 items, found \(node.typeName)")
        }
        guard items.count == 4 else {
            throw COSEError(.malformed, "expected a COSE_Sign1 array of 4 items, found \(items.count) items")
        }
        // Borrowed access through the buffer: reading `items[i]` would copy each node (and retain its parts).
        let (protectedBytes, unprotected, payload, signature) = try items.withUnsafeBufferPointer { items in
            guard case .byteString(let protectedBytes) = items[0].content else {
                throw COSEError(.malformed, "expected the protected header as a byte string, found \(items[0].typeName)")
            }
            guard case .map(let unprotected) = items[1].content else {
                throw COSEError(.malformed, "expected the unprotected header as a map, found \(items[1].typeName)")
            }
            guard case .byteString(let payload) = items[2].content else {
                throw COSEError(.malformed, "expected the payload as a byte string, found \(items[2].typeName)")
            }
            guard case .byteString(let signature) = items[3].content else {
                throw COSEError(.malformed, "expected the signature as a byte string, found \(items[3].typeName)")
            }
            return (protectedBytes, unprotected, payload, signature)
        }
        if protectedBytes.isEmpty {
            self.protectedHeader = []
        } else {
            let decoded: CBORNode
            do {
                decoded = try CBOR.decode(protectedBytes)
            } catch {
                throw COSEError(.invalidHeader, "expected the protected header bytes to hold one CBOR map: \(error)")
            }
            guard case .map(let entries) = decoded.content else {
                throw COSEError(.invalidHeader, "expected the protected header to be a map, found \(decoded.typeName)")
            }
            self.protectedHeader = entries
        }
        self.protectedHeaderBytes = protectedBytes
        self.unprotectedHeader = unprotected
        self.payload = payload
        self.signature = signature
    }

    /// The algorithm: from the protected header first, else from the unprotected one.
    public var algorithm: COSEAlgorithm? {
        get throws {
            guard let node = headerValue(COSEHeaderLabel.algorithm) else { return nil }
            guard let value = node.int64Value else {
                throw COSEError(.invalidHeader, "expected alg to be an integer, found \(node.typeName)")
            }
            return COSEAlgorithm(rawValue: value)
        }
    }

    /// The key identifier: from the protected header first, else from the unprotected one.
    public var keyID: ArraySlice<UInt8>? {
        get throws {
            guard let node = headerValue(COSEHeaderLabel.keyID) else { return nil }
            guard let bytes = node.bytesValue else {
                throw COSEError(.invalidHeader, "expected kid to be a byte string, found \(node.typeName)")
            }
            return bytes
        }
    }

    /// Looks a header label up in the protected header, then in the unprotected one.
    public func headerValue(_ label: Int64) -> CBORNode? {
        for entry in protectedHeader where entry.key.int64Value == label { return entry.value }
        for entry in unprotectedHeader where entry.key.int64Value == label { return entry.value }
        return nil
    }

    /// The bytes that were signed: `["Signature1", protected, h'', payload]` (RFC 9052 section 4.4),
    /// built from the protected header and payload exactly as received.
    public var signatureStructure: [UInt8] {
        Self.signatureStructure(protectedHeaderBytes: protectedHeaderBytes, payload: payload)
    }

    static func signatureStructure(
        protectedHeaderBytes: some Collection<UInt8>, payload: some Collection<UInt8>
    ) -> [UInt8] {
        var serializer = CBORSerializer()
        serializer.reserveCapacity(protectedHeaderBytes.count + payload.count + 32)
        serializer.appendArrayHeader(count: 4)
        serializer.appendTextString("Signature1")
        serializer.appendByteString(protectedHeaderBytes)
        serializer.appendByteString(EmptyCollection<UInt8>())
        serializer.appendByteString(payload)
        return serializer.bytes
    }
}
