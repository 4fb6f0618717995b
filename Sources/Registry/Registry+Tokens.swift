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
    ///
    /// Principals are cached for ``principalCacheLifetime`` after a lookup, so that a busy verifier does not cost
    /// a database read per request; a token disabled in the database stops working within that time.
    public func authenticate(bearer: some StringProtocol, now: Date = Date()) async throws -> Principal? {
        guard let token = try? APIToken(parsing: bearer) else { return nil }
        let cached = principals.withLock { cache -> Principal? in
            guard let entry = cache[token.id], entry.expires > now else { return nil }
            return entry.principal
        }
        let principal: Principal
        if let cached {
            principal = cached
        } else {
            guard let stored = try await store.principal(tokenID: token.id) else { return nil }
            principal = stored
            principals.withLock { cache in
                if cache.count >= Self.principalCacheSize { cache.removeAll(keepingCapacity: true) }
                cache[token.id] = (principal, now.addingTimeInterval(Self.principalCacheLifetime))
            }
        }
        guard token.matches(storedHash: principal.tokenHash), principal.disabledAt == nil else { return nil }
        return principal
    }

    /// How long a looked-up principal is trusted without reading the database again, in seconds.
    public static let principalCacheLifetime: TimeInterval = 10
    /// The most principals cached (the cache is emptied when full).
    static let principalCacheSize = 4096
}
