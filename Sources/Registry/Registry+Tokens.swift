import Foundation
import Issuance
import Storage

extension Registry {
    /// Creates a principal with a new bearer token. The token is returned once; only its hash is stored.
    public func createToken(role: Principal.Role, name: String, siteID: UUID? = nil, now: Date = Date()) async throws -> APIToken {
        let token = APIToken.generate()
        try await store.insert(
            Principal(name: name, role: role, tokenID: token.id, tokenHash: token.secretHash, siteID: siteID, createdAt: now))
        return token
    }

    /// The principal a presented bearer token belongs to, or nil when the token is malformed, unknown, wrong or
    /// disabled (the caller answers 401 in every case, so that tokens cannot be probed).
    public func authenticate(bearer: some StringProtocol) async throws -> Principal? {
        guard let token = try? APIToken(parsing: bearer),
            let principal = try await store.principal(tokenID: token.id),
            token.matches(storedHash: principal.tokenHash), principal.disabledAt == nil
        else { return nil }
        return principal
    }
}
