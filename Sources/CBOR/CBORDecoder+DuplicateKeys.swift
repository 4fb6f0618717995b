/// How the keys of one map compare so far.
///
/// Keys are compared by value, that is by their deterministic encoding. Keys that arrive in strictly increasing
/// order (as deterministic encoders write them) are unique without further work; otherwise the map's keys are
/// sorted once it is complete.
struct KeyCheck {
    /// Where the previous key lies in the buffer (empty before the first key).
    var previous: Range<Int> = 0..<0
    /// Whether every key so far is an integer or definite-length string with a shortest head, so that its
    /// received bytes are its deterministic encoding.
    var allDeterministic = true
    /// Whether the keys so far arrive in strictly increasing order.
    var increasing = true
}

/// A received map key: where its bytes lie in the decoder's buffer, and its first eight bytes as a big-endian
/// integer (zero-padded), which decides most comparisons without reading the buffer.
struct KeyBytes {
    var prefix: UInt64
    var range: Range<Int>

    init(_ range: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>) {
        var prefix: UInt64 = 0
        var index = range.lowerBound
        let end = min(range.upperBound, index + 8)
        var shift: UInt64 = 56
        while index < end {
            prefix |= UInt64(buffer[index]) << shift
            index += 1
            shift &-= 8
        }
        self.prefix = prefix
        self.range = range
    }

    /// Bytewise order of the two keys' bytes: negative, zero or positive.
    @inline(__always)
    func compare(to other: KeyBytes, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        // Prefixes are equal only when the first eight bytes agree (or one key is a zero-extended prefix of the
        // other); then the full comparison decides.
        if prefix != other.prefix { return prefix < other.prefix ? -1 : 1 }
        return ByteOrder.compare(
            UnsafeBufferPointer(rebasing: buffer[range]), UnsafeBufferPointer(rebasing: buffer[other.range]))
    }
}

extension CBORDecoder {
    /// Records the map key just decoded from `range` of the buffer.
    @inline(__always)
    func noteKey(_ range: Range<Int>, _ check: inout KeyCheck) {
        if !isDeterministicScalar(at: range.lowerBound) {
            check.allDeterministic = false
            check.increasing = false
        } else if check.increasing, !check.previous.isEmpty {
            let previous = UnsafeBufferPointer(rebasing: buffer[check.previous])
            if ByteOrder.compare(previous, UnsafeBufferPointer(rebasing: buffer[range])) >= 0 {
                check.increasing = false
            }
        }
        check.previous = range
    }

    /// Throws `CBOR_DUPLICATE_KEY` when two keys of a completed map are equal. `entries` points at the map's
    /// first key on the node stack; keys and values alternate.
    @inline(__always)
    func finishKeyCheck(_ check: KeyCheck, entries: UnsafePointer<CBORNode>, count: Int) throws {
        if check.increasing { return }
        try withUnsafeTemporaryAllocation(of: KeyBytes.self, capacity: count) { storage in
            var keys = storage
            for index in 0..<count {
                let key = entries + 2 * index
                let range = (key.pointee.encodedBytes.startIndex - base)..<(key.pointee.encodedBytes.endIndex - base)
                keys.initializeElement(at: index, to: KeyBytes(range, in: buffer))
            }
            if check.allDeterministic {
                try checkUniqueBytes(&keys)
            } else {
                try checkUniqueReencodedKeys(keys, entries: entries)
            }
        }
    }

    /// Throws when two keys have equal bytes.
    private func checkUniqueBytes(_ keys: inout UnsafeMutableBufferPointer<KeyBytes>) throws {
        // Keys are complete data items, and no data item is a proper prefix of another, so two keys of at most
        // eight bytes are equal exactly when their zero-padded prefixes are. A small hash set of the prefixes
        // settles the common case quickly; only keys sharing a prefix need the full comparison.
        guard Self.prefixesRepeat(keys) else { return }
        let buffer = self.buffer
        keys.sort { $0.compare(to: $1, in: buffer) < 0 }
        for index in keys.indices.dropFirst() where keys[index - 1].compare(to: keys[index], in: buffer) == 0 {
            throw Self.duplicateKey(keys[index - 1].range.lowerBound, keys[index].range.lowerBound)
        }
    }

    /// Whether two keys have the same prefix, found with an open-addressing hash set.
    private static func prefixesRepeat(_ keys: UnsafeMutableBufferPointer<KeyBytes>) -> Bool {
        var capacity = 8
        while capacity < 2 * keys.count { capacity *= 2 }
        let mask = capacity - 1
        let shift = UInt64(64 - capacity.trailingZeroBitCount)
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) { table in
            // 0 marks an empty slot, so the prefix 0 (the key 0) is tracked apart.
            table.initialize(repeating: 0)
            var sawZero = false
            for key in keys {
                let prefix = key.prefix
                if prefix == 0 {
                    if sawZero { return true }
                    sawZero = true
                    continue
                }
                var slot = Int(truncatingIfNeeded: (prefix &* 0x9e37_79b9_7f4a_7c15) >> shift)
                while table[slot] != 0 {
                    if table[slot] == prefix { return true }
                    slot = (slot + 1) & mask
                }
                table[slot] = prefix
            }
            return false
        }
    }

    /// Compares keys some of which must be re-encoded to get their deterministic encoding.
    private func checkUniqueReencodedKeys(
        _ received: UnsafeMutableBufferPointer<KeyBytes>, entries: UnsafePointer<CBORNode>
    ) throws {
        var keys: [CanonicalKey] = []
        keys.reserveCapacity(received.count)
        for (index, key) in received.enumerated() {
            let reencoded =
                isDeterministicScalar(at: key.range.lowerBound) ? nil : try CBOR.encode(entries[2 * index].value)
            keys.append(CanonicalKey(range: key.range, reencoded: reencoded))
        }
        keys.sort { $0.compare(to: $1, in: buffer) < 0 }
        for index in keys.indices.dropFirst() where keys[index - 1].compare(to: keys[index], in: buffer) == 0 {
            throw Self.duplicateKey(keys[index - 1].range.lowerBound, keys[index].range.lowerBound)
        }
    }

    private static func duplicateKey(_ first: Int, _ second: Int) -> CBORError {
        CBORError.duplicateKey(at: max(first, second), equalToKeyAt: min(first, second))
    }

    /// Whether the complete item at `offset` is an integer or a definite-length string with a shortest head, so
    /// that its received bytes are its deterministic encoding.
    @inline(__always)
    private func isDeterministicScalar(at offset: Int) -> Bool {
        let initial = buffer[offset]
        guard initial >> 5 <= 3 else { return false }
        switch initial & 0x1f {
        case 0..<24: return true
        case 24: return buffer[offset + 1] >= 24
        case 25: return buffer[offset + 1] != 0
        case 26: return buffer[offset + 1] | buffer[offset + 2] != 0
        case 27: return buffer[offset + 1] | buffer[offset + 2] | buffer[offset + 3] | buffer[offset + 4] != 0
        default: return false
        }
    }
}

/// A map key as compared for duplicates: its received bytes (a range of the decoder's buffer) when they are the
/// deterministic encoding, otherwise its deterministic re-encoding.
struct CanonicalKey {
    /// Where the key's received bytes lie in the decoder's buffer.
    var range: Range<Int>
    /// The deterministic encoding when it differs from the received bytes.
    var reencoded: [UInt8]?

    /// Bytewise order of the two deterministic encodings.
    func compare(to other: CanonicalKey, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        withBytes(in: buffer) { left in other.withBytes(in: buffer) { right in ByteOrder.compare(left, right) } }
    }

    private func withBytes<Result>(
        in buffer: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        if let reencoded { return reencoded.withUnsafeBufferPointer(body) }
        return body(UnsafeBufferPointer(rebasing: buffer[range]))
    }
}
