import CredentialVerification

/// Recognises the credential format of a scanned payload from its first characters.
public enum PayloadFormatDetector {
    /// The format, or nil when the payload looks like none of them.
    ///
    /// `HC1:` is an EU DCC; so is any other `XXn:` prefix followed by Base45 text (`HC2:`, `HL0:`),
    /// which the EU DCC verifier then rejects with `HC1_PREFIX` rather than "unknown format".
    public static func detect(_ payload: Substring) -> CredentialFormat? {
        let head = payload.utf8.prefix(5)
        if head.starts(with: "HC1:".utf8) { return .euDCC }
        if head.count >= 4, payload.utf8.dropFirst(3).first == UInt8(ascii: ":"),
            head.prefix(3).allSatisfy({ isUpperAlphanumeric($0) })
        {
            return .euDCC
        }
        return nil
    }

    private static func isUpperAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
