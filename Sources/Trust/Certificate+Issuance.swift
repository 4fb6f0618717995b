import X509

extension Certificate {
    /// Whether `issuer` issued this certificate: this certificate's issuer name is `issuer`'s subject and
    /// `issuer`'s key verifies its signature. Validity periods and constraints are not checked here.
    func wasIssued(by issuer: Certificate) -> Bool {
        self.issuer == issuer.subject && issuer.publicKey.isValidSignature(signature, for: self)
    }
}
