import Foundation
import Storage

// Each entity as a store reads it back: every time rounded down to the millisecond.

extension Issuer {
    var stored: Issuer { var copy = self; copy.createdAt = createdAt.storedPrecision; return copy }
}

extension SigningKey {
    var stored: SigningKey {
        var copy = self
        copy.notBefore = notBefore.storedPrecision
        copy.notAfter = notAfter.storedPrecision
        copy.createdAt = createdAt.storedPrecision
        return copy
    }
}

extension Site {
    var stored: Site { var copy = self; copy.createdAt = createdAt.storedPrecision; return copy }
}

extension Principal {
    var stored: Principal {
        var copy = self
        copy.createdAt = createdAt.storedPrecision
        copy.disabledAt = disabledAt?.storedPrecision
        return copy
    }
}

extension Holder {
    var stored: Holder { var copy = self; copy.createdAt = createdAt.storedPrecision; return copy }
}

extension VaccinationEvent {
    var stored: VaccinationEvent { var copy = self; copy.createdAt = createdAt.storedPrecision; return copy }
}

extension Revocation {
    var stored: Revocation { var copy = self; copy.revokedAt = revokedAt.storedPrecision; return copy }
}

extension StoredCertificate {
    var stored: StoredCertificate {
        var copy = self
        copy.issuedAt = issuedAt.storedPrecision
        copy.expiresAt = expiresAt?.storedPrecision
        copy.revocation = revocation?.stored
        return copy
    }
}

extension IdempotentResponse {
    var stored: IdempotentResponse { var copy = self; copy.createdAt = createdAt.storedPrecision; return copy }
}
