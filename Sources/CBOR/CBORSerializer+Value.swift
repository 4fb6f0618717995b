extension CBORSerializer {
    /// Appends the deterministic encoding of `value` (RFC 8949 section 4.2.1): shortest heads, definite lengths,
    /// map entries sorted bytewise by the encoding of their keys, shortest float widths.
    ///
    /// On error nothing is appended.
    /// - Throws: ``CBORError`` with `CBOR_DUPLICATE_KEY` when a map has two keys with the same encoding,
    ///   `CBOR_TOO_DEEP` when arrays, maps and tags nest deeper than ``CBOR/maximumSupportedDepth``,
    ///   `CBOR_INVALID_SIMPLE` for `.simple(24...31)` and `CBOR_UNSUPPORTED` for `.simple(20...23)`.
    public mutating func appendValue(_ value: CBORValue) throws {
        let start = bytes.count
        do {
            try append(value, depth: 0)
        } catch {
            bytes.removeSubrange(start...)
            throw error
        }
    }

    /// Appends `value`, which sits inside `depth` arrays, maps or tags.
    private mutating func append(_ value: CBORValue, depth: Int) throws {
        switch value {
        case .unsigned(let value):
            appendHead(majorType: 0, argument: value)
        case .negative(let argument):
            appendHead(majorType: 1, argument: argument)
        case .byteString(let content):
            appendByteString(content)
        case .textString(let text):
            appendTextString(text)
        case .array(let items):
            try checkDepth(depth)
            appendArrayHeader(count: items.count)
            for item in items { try append(item, depth: depth + 1) }
        case .map(let entries):
            try checkDepth(depth)
            appendMapHeader(count: entries.count)
            try appendSortedEntries(entries, depth: depth + 1)
        case .tagged(let tag, let inner):
            try checkDepth(depth)
            appendTag(tag)
            try append(inner, depth: depth + 1)
        case .bool(let value):
            appendBool(value)
        case .null:
            appendNull()
        case .undefined:
            bytes.append(0xf7)
        case .simple(let simple):
            try appendSimple(simple)
        case .float(let value):
            appendFloat(value)
        }
    }

    private mutating func appendSimple(_ value: UInt8) throws {
        switch value {
        case 0..<20:
            bytes.append(0xe0 | value)
        case 20...23:
            throw CBORError.simpleValueWithOwnCase(value)
        case 24...31:
            throw CBORError.invalidSimpleValue(value)
        default:
            bytes.append(0xf8)
            bytes.append(value)
        }
    }

    private func checkDepth(_ depth: Int) throws {
        guard depth < CBOR.maximumSupportedDepth else {
            throw CBORError.encodingTooDeep(limit: CBOR.maximumSupportedDepth)
        }
    }

    /// Where one encoded map entry lies in `bytes`, with the first eight bytes of its key as a big-endian integer
    /// (zero-padded), which decides most comparisons of keys.
    private struct EntrySpan {
        var keyStart: Int
        var keyEnd: Int
        var end: Int
        var prefix: UInt64
    }

    /// Appends the entries sorted by the bytes of their encoded keys; throws on equal keys.
    private mutating func appendSortedEntries(_ entries: [CBORValue.MapEntry], depth: Int) throws {
        let regionStart = bytes.count
        var spans: [EntrySpan] = []
        spans.reserveCapacity(entries.count)
        var inOrder = true
        for index in entries.indices {
            let keyStart = bytes.count
            try append(entries[index].key, depth: depth)
            let keyEnd = bytes.count
            try append(entries[index].value, depth: depth)
            var prefix: UInt64 = 0
            for offset in 0..<min(8, keyEnd - keyStart) {
                prefix |= UInt64(bytes[keyStart + offset]) << UInt64(56 - 8 * offset)
            }
            let span = EntrySpan(keyStart: keyStart, keyEnd: keyEnd, end: bytes.count, prefix: prefix)
            if inOrder, let previous = spans.last {
                inOrder = bytes.withUnsafeBufferPointer { Self.compareKeys(previous, span, in: $0) < 0 }
            }
            spans.append(span)
        }
        guard !inOrder else { return }

        // Sort the entries by their keys' bytes, then write them again in that order.
        let region = Array(bytes[regionStart...])
        let duplicate = region.withUnsafeBufferPointer { buffer in
            let base = regionStart
            spans.sort { Self.compareKeys($0, $1, in: buffer, base: base) < 0 }
            return spans.indices.dropFirst().contains {
                Self.compareKeys(spans[$0 - 1], spans[$0], in: buffer, base: base) == 0
            }
        }
        if duplicate {
            throw CBORError.duplicateKeyInValue(entryCount: entries.count)
        }
        bytes.removeSubrange(regionStart...)
        for span in spans {
            bytes.append(contentsOf: region[(span.keyStart - regionStart)..<(span.end - regionStart)])
        }
    }

    /// Compares the encoded keys of two entries whose offsets, less `base`, index `buffer`.
    private static func compareKeys(
        _ lhs: EntrySpan, _ rhs: EntrySpan, in buffer: UnsafeBufferPointer<UInt8>, base: Int = 0
    ) -> Int {
        // Different prefixes decide; equal ones mean equal first eight bytes (or a zero-extended prefix).
        if lhs.prefix != rhs.prefix { return lhs.prefix < rhs.prefix ? -1 : 1 }
        return ByteOrder.compare(
            UnsafeBufferPointer(rebasing: buffer[(lhs.keyStart - base)..<(lhs.keyEnd - base)]),
            UnsafeBufferPointer(rebasing: buffer[(rhs.keyStart - base)..<(rhs.keyEnd - base)]))
    }
}
