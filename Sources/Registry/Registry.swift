import Crypto
import Foundation
import Issuance
import JSON
import Storage
import Synchronization
import Trust
import Verifier

/// The platform's use cases over a ``PlatformStore``: the issuer's keys, recording vaccinations and issuing their
/// certificates, revocation, verification with the issuer's own revocations, and API principals.
///
/// Open one with ``open(store:masterKey:configuration:now:)``; it is safe to share between tasks.
public final class Registry: Sendable {
    public let store: any PlatformStore
    public let configuration: RegistryConfiguration
    let sealer: Sealer
    /// Keys for finding a returning holder by identifier without storing the identifier.
    let holderLookupKey: SymmetricKey
    let state: Mutex<State>
    /// Principals by token id, with the time their cache entry expires (``authenticate(bearer:now:)``).
    let principals = Mutex<[String: (principal: Principal, expires: Date)]>([:])
    /// The telemetry ingest pipeline shared by HTTP and MQTT.
    public let telemetry: TelemetryIngest
    /// Temperature profile names by device id, for lot status (profiles never change once a device is registered).
    let deviceProfiles = Mutex<[String: String]>([:])
    /// The revocation keys published so far (``revocationSnapshot(version:now:)``).
    let revocationPublisher = RevocationPublisher()

    struct State {
        var keyring: IssuerKeyring
        /// `format:identifier` of every revoked certificate's payloads.
        var revokedIdentifiers: Set<String>
        /// The revoked certificates those come from.
        var revokedCertificates: Set<UUID> = []
        /// `format:identifier` of every suspended certificate's payloads, with the suspension's end.
        var suspendedIdentifiers: [String: Date] = [:]
        /// The suspended certificates those come from.
        var suspendedCertificates: Set<UUID> = []
    }

    init(store: any PlatformStore, configuration: RegistryConfiguration, sealer: Sealer, keyring: IssuerKeyring, revoked: Set<String>) {
        self.store = store
        self.configuration = configuration
        self.sealer = sealer
        self.holderLookupKey = sealer.masterKey.derivedKey(purpose: "holder-lookup")
        self.state = Mutex(State(keyring: keyring, revokedIdentifiers: revoked))
        self.telemetry = TelemetryIngest(store: store)
    }

    /// Opens the registry: migrates the store; on a first start creates the issuer with a CSCA and a DSC (private
    /// keys sealed with `masterKey`) and the first admin principal.
    ///
    /// - Parameter importing: keys to use instead of generated ones on the first start; checked first
    ///   (``IssuerKeyImport/checked(now:)``). The issuer's country is then the DSC's subject country.
    /// - Returns: the registry, and the first admin token when this call created it (shown once, stored hashed).
    /// - Throws: ``RegistryError`` `KEY_IMPORT_INVALID` for keys that do not belong together, `KEY_IMPORT_REFUSED`
    ///   when keys are to be imported into a store that already has an issuer (unless it has exactly these keys
    ///   because a replica imported them at the same moment).
    public static func open(
        store: any PlatformStore, masterKey: MasterKey, configuration: RegistryConfiguration, importing: IssuerKeyImport? = nil,
        now: Date = Date()
    ) async throws -> (registry: Registry, firstAdminToken: APIToken?) {
        try await store.migrate()
        let sealer = Sealer(masterKey: masterKey)
        let imported = try importing.map { ($0, try $0.checked(now: now)) }
        let refused = RegistryError(
            .keyImportRefused, "expected a new store to import the keys into, found one whose issuer already has keys")
        let issuer: Issuer
        if let existing = try await store.issuers().first {
            guard imported == nil else { throw refused }
            issuer = existing
        } else {
            // Replicas starting together on a new database: the store keeps one issuer, and every replica uses it.
            let (created, keys) =
                try imported.map { try importedIssuer($0.0, csca: $0.1.csca, dsc: $0.1.dsc, sealer: sealer, configuration: configuration, now: now) }
                ?? makeIssuer(sealer: sealer, configuration: configuration, now: now)
            issuer = try await store.insertFirstIssuer(created, keys: keys)
            if let imported, issuer.id != created.id {
                let stored = try await store.signingKeys(issuerID: issuer.id)
                guard stored.contains(where: { $0.kind == .csca && $0.certificateDER == imported.1.csca.derBytes }) else { throw refused }
            }
        }
        let keyring = try IssuerKeyring(issuer: issuer, keys: try await store.signingKeys(issuerID: issuer.id), sealer: sealer)
        let registry = Registry(store: store, configuration: configuration, sealer: sealer, keyring: keyring, revoked: [])
        try await registry.refreshRevocations()
        var firstToken: APIToken?
        if try await store.principalCount() == 0 {
            let token = APIToken.generate()
            let admin = Principal(name: "first admin", role: .admin, tokenID: token.id, tokenHash: token.secretHash, createdAt: now)
            if try await store.insertFirstPrincipal(admin) { firstToken = token }
        }
        return (registry, firstToken)
    }

    /// The issuer this registry issues for.
    public var issuer: Issuer { state.withLock { $0.keyring.issuer } }

    /// The JWKS of every document signer (`/.well-known/jwks.json`).
    public var keySet: JSONValue { state.withLock { $0.keyring.keySet } }

    /// The issuer's CSCA and every document signer (active and retired), oldest first: the public trust material.
    public var trustCertificates: [SigningKey] { state.withLock { $0.keyring.keys } }

    /// A new issuer with a CSCA and a DSC whose private keys are sealed (not stored yet).
    private static func makeIssuer(
        sealer: Sealer, configuration: RegistryConfiguration, now: Date
    ) throws -> (Issuer, [SigningKey]) {
        let issuer = Issuer(
            name: configuration.organization, country: configuration.country, publicURL: configuration.publicURL, createdAt: now)
        // Backdated a little, so that a verifier with a clock slightly behind accepts what is issued at once.
        let setup = try IssuerSigningSetup.generate(
            country: configuration.country, organization: String(configuration.organization.prefix(IssuerSigningSetup.maximumOrganizationLength)),
            types: [.vaccination], now: now.addingTimeInterval(-300))
        let keys = [
            try signingKey(.csca, issuer: issuer, certificatePEM: setup.cscaCertificatePEM, keyPEM: setup.cscaPrivateKeyPEM, sealer: sealer, now: now),
            // A millisecond later, so that "oldest first" lists the CSCA before its DSC.
            try signingKey(
                .dsc, issuer: issuer, certificatePEM: setup.dscCertificatePEM, keyPEM: setup.dscPrivateKeyPEM, sealer: sealer,
                now: now.addingTimeInterval(0.001)),
        ]
        return (issuer, keys)
    }

    /// A new issuer with the imported CSCA and DSC, private keys sealed (not stored yet).
    private static func importedIssuer(
        _ keys: IssuerKeyImport, csca: DocumentSignerCertificate, dsc: DocumentSignerCertificate, sealer: Sealer,
        configuration: RegistryConfiguration, now: Date
    ) throws -> (Issuer, [SigningKey]) {
        let issuer = Issuer(
            name: configuration.organization, country: dsc.subjectCountry ?? configuration.country, publicURL: configuration.publicURL,
            createdAt: now)
        return (
            issuer,
            [
                try signingKey(.csca, issuer: issuer, certificatePEM: keys.cscaCertificatePEM, keyPEM: keys.cscaPrivateKeyPEM, sealer: sealer, now: now),
                try signingKey(
                    .dsc, issuer: issuer, certificatePEM: keys.dscCertificatePEM, keyPEM: keys.dscPrivateKeyPEM, sealer: sealer,
                    now: now.addingTimeInterval(0.001)),
            ]
        )
    }

    /// A signing key row with its private key sealed for the row's key id.
    static func signingKey(
        _ kind: SigningKey.Kind, issuer: Issuer, certificatePEM: String, keyPEM: String, sealer: Sealer, now: Date
    ) throws -> SigningKey {
        let certificate = try TrustMaterialLoader.certificates(from: Array(certificatePEM.utf8))[0]
        let der = certificate.derBytes
        let keyID = Data(DocumentSignerCertificate.kid(for: der)).base64EncodedString()
        return SigningKey(
            issuerID: issuer.id, kind: kind, keyID: keyID, certificateDER: der,
            sealedPrivateKey: try sealer.seal(Data(keyPEM.utf8), context: IssuerKeyring.sealContext(keyID: keyID)),
            status: .active, notBefore: certificate.notValidBefore, notAfter: certificate.notValidAfter, createdAt: now)
    }

    static func revocationKey(_ format: String, _ identifier: String) -> String { "\(format):\(identifier)" }
}
