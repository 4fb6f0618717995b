/// Transliteration of names into the ICAO Doc 9303 machine-readable form: upper-case `A`–`Z` with `<` as the
/// separator (the form of the EU DCC `fnt`/`gnt` fields and of MRZ name fields).
///
/// Rules:
/// - ASCII letters are upper-cased. Other letters follow the tables in ``ICAOTransliteration`` `+Tables`:
///   Doc 9303 Part 3 multinational Latin characters (Ä→AE, Ö→OE, Ü→UE, ß→SS, Å→AA, Æ→AE, Ø→OE, Þ→TH,
///   Ĳ→IJ, Œ→OE, others to their base letter), Cyrillic (Doc 9303 recommended values) and Greek.
/// - Spaces (any white space), hyphens and dashes, commas and `<` become `<`; apostrophes, other punctuation,
///   digits and symbols are dropped; combining marks are dropped (so decomposed input works too).
/// - Runs of `<` collapse to one, leading and trailing `<` are removed, and the result is cut to
///   `maximumLength` characters (default 80, the EU DCC limit since schema 1.3.0).
/// - Letters of other scripts (Arabic, Georgian, CJK...) have no table here: ``transliterate(_:maximumLength:)``
///   returns `nil` for them rather than silently losing part of a name.
public enum ICAOTransliteration {
    /// The default maximum length of a transliterated name (EU DCC `fnt`/`gnt` since schema 1.3.0).
    public static let maximumLength = 80

    /// Transliterates a name; `nil` when it contains a letter without a transliteration, or when nothing
    /// transliterable is left (a name made only of symbols).
    public static func transliterate(_ name: String, maximumLength: Int = maximumLength) -> String? {
        let (result, complete) = run(name, maximumLength: maximumLength)
        guard complete, !result.isEmpty || name.isEmpty else { return nil }
        return result
    }

    /// Transliterates a name, dropping letters that have no transliteration (never fails).
    public static func transliterateDroppingUnknown(_ name: String, maximumLength: Int = maximumLength) -> String {
        run(name, maximumLength: maximumLength).result
    }

    /// The replacement of one letter (upper case, possibly empty as for Cyrillic Ь), or `nil` when the scalar
    /// is not a letter with a transliteration. ASCII letters map to their upper case.
    public static func replacement(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x41...0x5A: return String(scalar)
        case 0x61...0x7A: return String(Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value - 0x20)))
        default: return table[scalar.value]
        }
    }

    /// Whether `text` is a valid transliterated name: only `A`–`Z` and `<`, at most `maximumLength` characters.
    public static func isValid(_ text: String, maximumLength: Int = maximumLength) -> Bool {
        text.utf8.count <= maximumLength
            && text.utf8.allSatisfy { (0x41...0x5A).contains($0) || $0 == UInt8(ascii: "<") }
    }

    // MARK: - Implementation

    private static let apostrophes: Set<UInt32> = [
        0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x201B, 0x02B9, 0x02BB, 0x02BC, 0x02C8,
    ]
    private static let separators: Set<UInt32> = [0x2C, 0x2D, 0x3C, 0x060C, 0xFF0C]

    private static func run(_ name: String, maximumLength: Int) -> (result: String, complete: Bool) {
        var output: [UInt8] = []
        var complete = true
        var pendingSeparator = false
        for scalar in name.unicodeScalars {
            let kind = classify(scalar)
            switch kind {
            case .letters(let text):
                guard output.count <= maximumLength else { continue }  // enough text; keep checking letters
                if pendingSeparator, !output.isEmpty { output.append(UInt8(ascii: "<")) }
                pendingSeparator = false
                output.append(contentsOf: text.utf8)
            case .separator:
                pendingSeparator = true
            case .dropped:
                break
            case .unknownLetter:
                complete = false
            }
        }
        if output.count > maximumLength { output.removeLast(output.count - max(maximumLength, 0)) }
        while output.last == UInt8(ascii: "<") { output.removeLast() }
        return (String(decoding: output, as: UTF8.self), complete)
    }

    private enum Kind {
        case letters(String)
        case separator
        case dropped
        case unknownLetter
    }

    private static func classify(_ scalar: Unicode.Scalar) -> Kind {
        if let text = replacement(for: scalar) { return .letters(text) }
        let value = scalar.value
        if apostrophes.contains(value) { return .dropped }
        if separators.contains(value) || scalar.properties.isWhitespace { return .separator }
        switch scalar.properties.generalCategory {
        case .dashPunctuation: return .separator
        case .nonspacingMark, .enclosingMark, .spacingMark: return .dropped
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter: return .unknownLetter
        default: return .dropped
        }
    }

    /// Scalar value → replacement, built once from the grouped tables.
    private static let table: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        for (replacement, letters) in latinGroups {
            for scalar in letters.unicodeScalars { table[scalar.value] = replacement }
        }
        for groups in [cyrillicGroups, greekGroups] {
            for (replacement, letters) in groups {
                for scalar in letters.unicodeScalars {
                    table[scalar.value] = replacement
                    for lower in String(scalar).lowercased().unicodeScalars where lower != scalar {
                        table[lower.value] = replacement
                    }
                }
            }
        }
        for (replacement, letters) in greekExtraLowercase {
            for scalar in letters.unicodeScalars { table[scalar.value] = replacement }
        }
        return table
    }()
}
