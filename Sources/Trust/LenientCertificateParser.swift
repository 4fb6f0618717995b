import SwiftASN1

/// Walks an X.509 certificate with SwiftASN1 to the fields trust decisions need, without checking the signature
/// algorithm, the signature encoding or extensions it does not use.
///
/// This is the fallback for certificates that swift-certificates rejects (RSASSA-PSS or ecdsa-with-SHA1 signatures,
/// a signature value that does not match its algorithm, trailing bytes). The structure up to the
/// SubjectPublicKeyInfo must still be a certificate.
enum LenientCertificateParser {
    /// Reads the fields of the certificate at the start of `bytes` (anything after the certificate is ignored).
    static func fields(from bytes: ArraySlice<UInt8>) throws -> CertificateFields {
        let root: ASN1Node
        do {
            root = try LenientASN1.parseFirstElement(bytes)
        } catch {
            let reason = (error as? ASN1Error).map { "\($0.code)" } ?? "\(type(of: error))"
            throw invalid("expected a DER-encoded certificate SEQUENCE, found bytes that do not parse (\(reason))")
        }
        guard root.identifier == .sequence, let top = LenientASN1.children(root), let tbsNode = top.first,
            tbsNode.identifier == .sequence, let tbs = LenientASN1.children(tbsNode)
        else {
            throw invalid("expected Certificate ::= SEQUENCE { tbsCertificate SEQUENCE, … }, found another structure")
        }

        var index = 0
        if let first = tbs.first, first.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific) {
            index += 1  // explicit [0] version
        }
        let serial = try field(tbs, index, "serialNumber INTEGER", .integer)
        _ = try field(tbs, index + 1, "signature AlgorithmIdentifier", .sequence)
        _ = try field(tbs, index + 2, "issuer Name", .sequence)
        let validity = try field(tbs, index + 3, "validity SEQUENCE", .sequence)
        let subject = try field(tbs, index + 4, "subject Name", .sequence)
        let spki = try field(tbs, index + 5, "subjectPublicKeyInfo SEQUENCE", .sequence)

        guard let serialBytes = LenientASN1.primitiveContent(serial) else {
            throw invalid("expected a primitive serialNumber INTEGER, found a constructed value")
        }
        guard let times = LenientASN1.children(validity), times.count == 2,
            let notBefore = LenientASN1.date(times[0]), let notAfter = LenientASN1.date(times[1])
        else {
            throw invalid("expected validity { notBefore Time, notAfter Time } with readable times, found another form")
        }

        var extendedKeyUsage = LenientExtendedKeyUsage.absent
        let extensionsTag = ASN1Identifier(tagWithNumber: 3, tagClass: .contextSpecific)
        if let extensionsNode = tbs.dropFirst(index + 6).first(where: { $0.identifier == extensionsTag }) {
            extendedKeyUsage = extendedKeyUsageExtension(in: extensionsNode)
        }

        return CertificateFields(
            subjectPublicKeyInfo: spki.encodedBytes,
            notValidBefore: notBefore,
            notValidAfter: notAfter,
            subjectCountry: country(in: subject),
            serialNumber: serialBytes,
            extendedKeyUsage: extendedKeyUsage
        )
    }

    /// The value of the first countryName (2.5.4.6) attribute of a Name.
    static func country(in name: ASN1Node) -> String? {
        for set in LenientASN1.children(name) ?? [] {
            for attribute in LenientASN1.children(set) ?? [] {
                guard let parts = LenientASN1.children(attribute), parts.count == 2,
                    LenientASN1.dottedOID(parts[0]) == "2.5.4.6"
                else { continue }
                return LenientASN1.directoryString(parts[1])
            }
        }
        return nil
    }

    /// The ExtendedKeyUsage found in an `[3] EXPLICIT Extensions` node; `.absent` when there is none.
    static func extendedKeyUsageExtension(in extensionsNode: ASN1Node) -> LenientExtendedKeyUsage {
        guard let wrapper = LenientASN1.children(extensionsNode)?.first,
            let extensions = LenientASN1.children(wrapper)
        else { return .malformed }
        for node in extensions {
            // Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
            guard let parts = LenientASN1.children(node), let oidNode = parts.first,
                LenientASN1.dottedOID(oidNode) == LenientExtendedKeyUsage.extensionOID
            else { continue }
            guard let valueNode = parts.last, valueNode.identifier == .octetString,
                let value = LenientASN1.primitiveContent(valueNode)
            else { return .malformed }
            return LenientExtendedKeyUsage(extensionValue: value)
        }
        return .absent
    }

    private static func field(
        _ nodes: [ASN1Node],
        _ index: Int,
        _ name: String,
        _ identifier: ASN1Identifier
    ) throws -> ASN1Node {
        guard index < nodes.count else {
            throw invalid("expected \(name) in tbsCertificate, found the end of the sequence")
        }
        guard nodes[index].identifier == identifier else {
            throw invalid("expected \(name) in tbsCertificate, found tag \(nodes[index].identifier)")
        }
        return nodes[index]
    }

    private static func invalid(_ message: String) -> TrustError {
        TrustError(.invalidCertificate, message)
    }
}
