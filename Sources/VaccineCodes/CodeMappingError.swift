import CodedErrors

/// A code that has no counterpart in the requested code system (code `CODE_UNMAPPED`).
///
/// The message names the code, its system and the target system. Vaccine codes are not personal data; the code
/// is cut to ``maximumQuotedLength`` characters so that untrusted input cannot flood logs.
public struct CodeMappingError: CodedError, Hashable {
    /// The longest code quoted in a message.
    public static let maximumQuotedLength = 64

    /// Always `CODE_UNMAPPED`.
    public let code: String
    /// What was expected and what was found.
    public let message: String

    /// The error for a code with no mapping from `system` to `target`.
    public static func unmapped(code: String, system: String, target: String) -> CodeMappingError {
        CodeMappingError(
            code: "CODE_UNMAPPED",
            message: "expected a code with a mapping to \(quoted(target)), found code \(quoted(code)) of system "
                + "\(quoted(system)) with none"
        )
    }

    private static func quoted(_ text: String) -> String {
        let cut = text.unicodeScalars.prefix(maximumQuotedLength)
        let clean = String(String.UnicodeScalarView(cut.map { $0.properties.generalCategory == .control ? "?" : $0 }))
        return "'" + clean + (text.unicodeScalars.count > maximumQuotedLength ? "…'" : "'")
    }
}
