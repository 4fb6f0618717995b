import COSE
import SwiftASN1
import X509

extension DocumentSignerCertificate {
    /// The fields of a certificate that swift-certificates parsed.
    static func fields(of certificate: Certificate) throws -> CertificateFields {
        let spki: [UInt8]
        do {
            var serializer = DER.Serializer()
            try serializer.serialize(certificate.publicKey)
            spki = serializer.serializedBytes
        } catch {
            throw TrustError(.unsupportedKey, "expected a serializable subject public key, found \(type(of: error))")
        }
        var extendedKeyUsage = LenientExtendedKeyUsage.absent
        if let ext = certificate.extensions.first(where: { $0.oid == .X509ExtensionID.extendedKeyUsage }) {
            extendedKeyUsage = LenientExtendedKeyUsage(extensionValue: ext.value)
        }
        return CertificateFields(
            subjectPublicKeyInfo: spki[...],
            notValidBefore: certificate.notValidBefore,
            notValidAfter: certificate.notValidAfter,
            subjectCountry: country(in: certificate.subject),
            serialNumber: certificate.serialNumber.bytes,
            extendedKeyUsage: extendedKeyUsage
        )
    }

    /// The first countryName (C) attribute of a distinguished name.
    static func country(in name: DistinguishedName) -> String? {
        for rdn in name {
            for attribute in rdn where attribute.type == .RDNAttributeType.countryName {
                return String(attribute.value)
            }
        }
        return nil
    }

    /// Loads a DER SubjectPublicKeyInfo as a P-256, P-384 or RSA key.
    static func publicKey(subjectPublicKeyInfo spki: ArraySlice<UInt8>) throws -> COSEPublicKey {
        do {
            return try COSEPublicKey(subjectPublicKeyInfoDER: spki)
        } catch {
            throw TrustError(
                .unsupportedKey,
                "expected a P-256, P-384 or RSA (2048 bits or more) public key, found \(keyAlgorithmName(spki))"
            )
        }
    }

    /// A short description of the algorithm (and curve) of a SubjectPublicKeyInfo, for messages.
    static func keyAlgorithmName(_ spki: ArraySlice<UInt8>) -> String {
        guard let root = try? LenientASN1.parseFirstElement(spki), let parts = LenientASN1.children(root),
            let algorithm = parts.first, let algorithmParts = LenientASN1.children(algorithm),
            let oidNode = algorithmParts.first, let oid = LenientASN1.dottedOID(oidNode)
        else { return "an unreadable SubjectPublicKeyInfo" }
        if algorithmParts.count > 1, let parameter = LenientASN1.dottedOID(algorithmParts[1]) {
            return "algorithm \(oid) with parameters \(parameter)"
        }
        return "algorithm \(oid)"
    }
}
