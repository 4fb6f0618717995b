import CBOR
import Crypto
import Foundation

extension COSESign1 {
    /// Signs `payload` with ES256 and returns the tagged COSE_Sign1 bytes.
    ///
    /// The protected header holds `alg` (-7) and, when given, `kid`; the unprotected header is empty.
    /// The signature is raw `r || s` (64 bytes).
    public static func signES256(
        payload: [UInt8], keyID: [UInt8]?, key: P256.Signing.PrivateKey, tagged: Bool = true
    ) throws -> [UInt8] {
        var header: [CBORValue.MapEntry] = [.init(.integer(COSEHeaderLabel.algorithm), .integer(COSEAlgorithm.es256.rawValue))]
        if let keyID {
            header.append(.init(.integer(COSEHeaderLabel.keyID), .byteString(keyID)))
        }
        let protectedBytes = try CBOR.encode(.map(header))
        let message = signatureStructure(protectedHeaderBytes: protectedBytes, payload: payload)
        let signature = try key.signature(for: message).rawRepresentation
        var serializer = CBORSerializer()
        if tagged { serializer.appendTag(Self.tag) }
        serializer.appendArrayHeader(count: 4)
        serializer.appendByteString(protectedBytes)
        serializer.appendMapHeader(count: 0)
        serializer.appendByteString(payload)
        serializer.appendByteString(signature)
        return serializer.bytes
    }
}
