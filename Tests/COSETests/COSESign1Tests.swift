import CBOR
import COSE
import Crypto
import Foundation
import TestSupport
import Testing
import _CryptoExtras

@Suite("COSE_Sign1 (RFC 9052)")
struct COSESign1Tests {
    static let key = P256.Signing.PrivateKey()
    static let payload = Array("a CWT payload".utf8)

    @Test func signsAndVerifiesES256WithKidInTheProtectedHeader() throws {
        let bytes = try COSESign1.signES256(payload: Self.payload, keyID: [1, 2, 3, 4, 5, 6, 7, 8], key: Self.key)
        #expect(bytes.prefix(1) == [0xD2])  // tag 18
        let message = try COSESign1(decoding: bytes)
        #expect(try message.algorithm == .es256)
        #expect(try message.keyID.map(Array.init) == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(message.signature.count == 64)
        #expect(Array(message.payload) == Self.payload)
        try message.verify(with: .p256(Self.key.publicKey))
    }

    @Test func rejectsTamperedPayloadWrongKeyAndDERSignatures() throws {
        let bytes = try COSESign1.signES256(payload: Self.payload, keyID: nil, key: Self.key)
        let message = try COSESign1(decoding: bytes)
        #expect(throws: COSEError(.signatureInvalid, "")) {
            try message.verify(with: .p256(P256.Signing.PrivateKey().publicKey))
        }
        // Same protected header and signature over another payload.
        let tampered = try Self.assemble(
            protected: Array(message.protectedHeaderBytes), unprotected: [], payload: Array("another".utf8),
            signature: Array(message.signature))
        #expect(throws: COSEError(.signatureInvalid, "")) {
            try COSESign1(decoding: tampered).verify(with: .p256(Self.key.publicKey))
        }
        // A DER-encoded ECDSA signature is not the raw r||s COSE requires.
        let der = try Self.key.signature(for: message.signatureStructure).derRepresentation
        let withDER = try Self.assemble(
            protected: Array(message.protectedHeaderBytes), unprotected: [], payload: Self.payload, signature: Array(der))
        #expect(throws: COSEError(.signatureInvalid, "")) {
            try COSESign1(decoding: withDER).verify(with: .p256(Self.key.publicKey))
        }
        // An ES256 message checked with an RSA key.
        let rsa = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        #expect(throws: COSEError(.invalidKey, "")) { try message.verify(with: .rsa(rsa.publicKey)) }
    }

    /// The signature is checked over the protected header bytes as received: a non-canonical header
    /// (keys out of order, a non-shortest integer) still verifies, which a re-encoding would break.
    @Test func verifiesOverTheProtectedHeaderBytesAsReceived() throws {
        // {4: h'0102', 1: -7} with -7 written in a one-byte-argument form (0x38 0x06).
        let protected: [UInt8] = [0xA2, 0x04, 0x42, 0x01, 0x02, 0x01, 0x38, 0x06]
        let structure = try Self.signatureStructure(protected: protected, payload: Self.payload)
        let signature = try Self.key.signature(for: structure).rawRepresentation
        let bytes = try Self.assemble(protected: protected, unprotected: [], payload: Self.payload, signature: Array(signature))
        let message = try COSESign1(decoding: bytes)
        #expect(Array(message.protectedHeaderBytes) == protected)
        #expect(try message.algorithm == .es256)
        try message.verify(with: .p256(Self.key.publicKey))
    }

    @Test func readsAlgAndKidFromTheUnprotectedHeaderWhenTheProtectedOneLacksThem() throws {
        let structure = try Self.signatureStructure(protected: [], payload: Self.payload)
        let signature = Array(try Self.key.signature(for: structure).rawRepresentation)
        let unprotected: [CBORValue.MapEntry] = [.init(.integer(1), .integer(-7)), .init(.integer(4), .byteString([9, 9]))]
        let bytes = try Self.assemble(protected: [], unprotected: unprotected, payload: Self.payload, signature: signature)
        let message = try COSESign1(decoding: bytes)
        #expect(message.protectedHeader.isEmpty)
        #expect(try message.algorithm == .es256)
        #expect(try message.keyID.map(Array.init) == [9, 9])
        try message.verify(with: .p256(Self.key.publicKey))
    }

    @Test func protectedHeaderWinsOverUnprotected() throws {
        let protected = try CBOR.encode(.map([.init(.integer(4), .byteString([1]))]))
        let bytes = try Self.assemble(
            protected: protected, unprotected: [.init(.integer(4), .byteString([2]))], payload: [], signature: [])
        #expect(try COSESign1(decoding: bytes).keyID.map(Array.init) == [1])
    }

    @Test func acceptsUntaggedTag18AndTag61AroundTag18() throws {
        let tagged = try COSESign1.signES256(payload: Self.payload, keyID: [7], key: Self.key)
        let untagged = Array(tagged.dropFirst())
        let cwt = [0xD8, 0x3D] + tagged  // tag 61
        for bytes in [tagged, untagged, cwt] {
            try COSESign1(decoding: bytes).verify(with: .p256(Self.key.publicKey))
        }
        // Tag 61 around something else, and other tags, are not COSE_Sign1.
        for bytes in [[0xD8, 0x3D] + untagged, [0xD1] + untagged, [0xC0] + untagged] {
            #expect(throws: COSEError(.malformed, "")) { _ = try COSESign1(decoding: bytes) }
        }
    }

    @Test(arguments: [
        [0x80],  // []
        [0x83, 0x40, 0xA0, 0x40],  // 3 items
        [0x84, 0xA0, 0xA0, 0x40, 0x40],  // protected header not a bstr
        [0x84, 0x40, 0x40, 0x40, 0x40],  // unprotected header not a map
        [0x84, 0x40, 0xA0, 0x60, 0x40],  // payload is text
        [0x84, 0x40, 0xA0, 0x40, 0x01],  // signature is an integer
    ] as [[UInt8]])
    func rejectsMalformedStructures(bytes: [UInt8]) {
        #expect(throws: COSEError(.malformed, "")) { _ = try COSESign1(decoding: bytes) }
    }

    @Test func rejectsAProtectedHeaderThatIsNotOneMap() throws {
        for protected: [UInt8] in [[0x01], [0xA1, 0x01], [0xA0, 0x00]] {
            let bytes = try Self.assemble(protected: protected, unprotected: [], payload: [], signature: [])
            #expect(throws: COSEError(.invalidHeader, "")) { _ = try COSESign1(decoding: bytes) }
        }
    }

    @Test func everyStrictPrefixIsRejected() throws {
        let bytes = try COSESign1.signES256(payload: Self.payload, keyID: [1, 2, 3, 4, 5, 6, 7, 8], key: Self.key)
        for end in 0..<bytes.count {
            #expect(throws: (any Error).self) { _ = try COSESign1(decoding: bytes.prefix(end)) }
        }
    }

    @Test func verifiesPS256WithSalt32() throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let protected = try CBOR.encode(.map([.init(.integer(1), .integer(-37))]))
        let structure = try Self.signatureStructure(protected: protected, payload: Self.payload)
        let signature = try key.signature(for: SHA256.hash(data: structure), padding: .PSS)
        let bytes = try Self.assemble(
            protected: protected, unprotected: [], payload: Self.payload, signature: Array(signature.rawRepresentation))
        let message = try COSESign1(decoding: bytes)
        #expect(try message.algorithm == .ps256)
        try message.verify(with: .rsa(key.publicKey))
        #expect(throws: COSEError(.signatureInvalid, "")) {
            try message.verify(with: .rsa(try _RSA.Signing.PrivateKey(keySize: .bits2048).publicKey))
        }
    }

    @Test func rejectsMissingOrUnsupportedAlgorithms() throws {
        let none = try Self.assemble(protected: [], unprotected: [], payload: [], signature: [])
        #expect(throws: COSEError(.unsupportedAlgorithm, "")) {
            try COSESign1(decoding: none).verify(with: .p256(Self.key.publicKey))
        }
        let eddsa = try Self.assemble(protected: try CBOR.encode(.map([.init(.integer(1), .integer(-8))])), unprotected: [], payload: [], signature: [])
        #expect(throws: COSEError(.unsupportedAlgorithm, "")) {
            try COSESign1(decoding: eddsa).verify(with: .p256(Self.key.publicKey))
        }
        let textAlg = try Self.assemble(protected: try CBOR.encode(.map([.init(.integer(1), .textString("ES256"))])), unprotected: [], payload: [], signature: [])
        #expect(throws: COSEError(.invalidHeader, "")) { _ = try COSESign1(decoding: textAlg).algorithm }
    }

    // MARK: helpers

    static func signatureStructure(protected: [UInt8], payload: [UInt8]) throws -> [UInt8] {
        try CBOR.encode(.array([.textString("Signature1"), .byteString(protected), .byteString([]), .byteString(payload)]))
    }

    static func assemble(
        protected: [UInt8], unprotected: [CBORValue.MapEntry], payload: [UInt8], signature: [UInt8]
    ) throws -> [UInt8] {
        [0xD2] + (try CBOR.encode(.array([.byteString(protected), .map(unprotected), .byteString(payload), .byteString(signature)])))
    }
}
