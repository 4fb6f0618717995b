import Storage
import Testing

/// Expects `body` to throw a ``StorageError`` with `code`.
func expectStorageError<Result>(
    _ code: StorageError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Result
) async {
    do {
        _ = try await body()
        Issue.record("expected \(code.rawValue), found success", sourceLocation: sourceLocation)
    } catch let error as StorageError {
        #expect(error.errorCode == code, "\(error.message)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a StorageError \(code.rawValue), found \(type(of: error))", sourceLocation: sourceLocation)
    }
}
