import Issuance
import Testing

@Suite("API bearer tokens")
struct APITokenTests {
    @Test func generatedTokensParseAndMatchOnlyTheirHash() throws {
        var ids = Set<String>()
        for _ in 0..<200 {
            let token = APIToken.generate()
            #expect(token.text.utf8.count == 53 && token.text.hasPrefix("dvc_"))
            let parsed = try APIToken(parsing: token.text)
            #expect(parsed == token)
            #expect(parsed.matches(storedHash: token.secretHash))
            #expect(!parsed.matches(storedHash: APIToken.generate().secretHash))
            #expect(!parsed.matches(storedHash: Array(token.secretHash.dropLast())))
            ids.insert(token.id)
        }
        #expect(ids.count == 200)
    }

    @Test func malformedTokensAreRefusedWithoutEcho() throws {
        let token = APIToken.generate().text
        let valid = Array(token)
        let wrongSeparator = String(valid.prefix(20)) + "-" + String(valid.dropFirst(21))
        let wrongCharacter = String(valid.prefix(30)) + "!" + String(valid.dropFirst(31))
        let wrongPrefix = "xyz" + String(valid.dropFirst(3))
        let bad: [String] = ["", "dvc_", String(valid.dropLast()), token + "A", wrongPrefix, wrongSeparator, wrongCharacter]
        for text in bad {
            #expect {
                _ = try APIToken(parsing: text)
            } throws: { error in
                let error = error as? IssuanceError
                return error?.code == "TOKEN_MALFORMED" && (text.utf8.count < 20 || !(error?.message.contains(text) ?? true))
            }
        }
    }
}
