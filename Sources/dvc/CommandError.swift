import CodedErrors

/// A usage or I/O failure of a command (exit status 2), with a stable code.
struct CommandError: CodedError {
    let code: String
    let message: String

    static func io(_ message: String) -> CommandError { CommandError(code: "IO_ERROR", message: message) }
    static func usage(_ message: String) -> CommandError { CommandError(code: "USAGE", message: message) }
}
