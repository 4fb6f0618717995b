extension DocumentSignerCertificate {
    /// Whether this certificate may sign health certificates of `type`.
    ///
    /// An absent or empty ExtendedKeyUsage allows every type. Otherwise the type's OID must be listed, in its
    /// standard (`1.3.6.1.4.1.1847.2021.1.x`) or legacy (`1.3.6.1.4.1.0.1847.2021.1.x`) form; an EKU that holds
    /// only other OIDs allows nothing. An unreadable EKU allows nothing.
    public func allows(_ type: HealthCertificateType) -> Bool {
        if hasMalformedExtendedKeyUsage { return false }
        guard let oids = extendedKeyUsage, !oids.isEmpty else { return true }
        return oids.contains(type.extendedKeyUsageOID) || oids.contains(type.legacyExtendedKeyUsageOID)
    }
}
