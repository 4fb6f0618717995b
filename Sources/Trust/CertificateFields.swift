import Foundation

/// The fields of a certificate that trust decisions need, however they were read (strictly or leniently).
struct CertificateFields {
    /// DER SubjectPublicKeyInfo, or an already-typed key from a strict parse.
    var subjectPublicKeyInfo: ArraySlice<UInt8>
    var notValidBefore: Date
    var notValidAfter: Date
    var subjectCountry: String?
    /// Content bytes of the serial-number INTEGER as encoded.
    var serialNumber: ArraySlice<UInt8>
    /// The ExtendedKeyUsage read leniently; `.absent` when the certificate has no such extension.
    var extendedKeyUsage: LenientExtendedKeyUsage
}

/// An ExtendedKeyUsage extension value, read without rejecting unusual encodings.
enum LenientExtendedKeyUsage: Equatable {
    /// The certificate has no ExtendedKeyUsage extension.
    case absent
    /// The extension holds these OIDs in dotted form (possibly none: an empty SEQUENCE).
    case oids([String])
    /// The extension is present but its value is not a SEQUENCE of OIDs.
    case malformed

    /// The OID of the ExtendedKeyUsage extension (`id-ce-extKeyUsage`).
    static let extensionOID = "2.5.29.37"

    /// Reads the extension value (the content of its OCTET STRING).
    init(extensionValue: ArraySlice<UInt8>) {
        guard let root = try? LenientASN1.parseFirstElement(extensionValue), root.identifier == .sequence,
            let children = LenientASN1.children(root)
        else {
            self = .malformed
            return
        }
        var oids: [String] = []
        for child in children {
            // A member that is not an OID makes the whole value unreadable: skipping it could turn a
            // restrictive list into an empty one, and an empty list allows every type.
            guard let oid = LenientASN1.dottedOID(child) else {
                self = .malformed
                return
            }
            oids.append(oid)
        }
        self = .oids(oids)
    }
}
