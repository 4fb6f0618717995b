/// RFC 8785 member ordering: names compared as arrays of UTF-16 code units.
///
/// Comparing UTF-8 bytes gives code point order, which agrees with UTF-16 order except between a
/// character in U+E000...U+FFFF and a supplementary character (U+10000 and up, a surrogate pair in UTF-16,
/// so it sorts first). The comparison works on UTF-8 and corrects that one case, with no transcoding.
enum JSONKeyOrder {
    /// Indices of `members` in canonical order.
    static func sortedIndices(_ members: [JSONObject.Member]) -> [Int] {
        var order = Array(members.indices)
        var isSorted = true
        for index in members.indices.dropFirst() where !precedes(members[index - 1].key, members[index].key) {
            isSorted = false
            break
        }
        if !isSorted {
            order.sort { precedes(members[$0].key, members[$1].key) }
        }
        return order
    }

    /// Whether `a` sorts before `b` by UTF-16 code units.
    static func precedes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { aBytes in
            b.utf8.withContiguousStorageIfAvailable { bBytes in precedes(aBytes, bBytes) }
        }
        if let fast, let result = fast { return result }
        return a.utf16.lexicographicallyPrecedes(b.utf16)
    }

    /// Whether UTF-8 `a` sorts before UTF-8 `b` by UTF-16 code units (both must be valid UTF-8).
    static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = min(a.count, b.count)
        var index = 0
        while index < common, a[index] == b[index] { index += 1 }
        guard index < common else { return a.count < b.count }
        // Both strings agree before `index`, so their characters start at the same place.
        var start = index
        while start > 0, a[start] & 0xC0 == 0x80 { start -= 1 }
        let leadA = a[start]
        let leadB = b[start]
        if leadA != leadB {
            let aSupplementary = leadA >= 0xF0
            let bSupplementary = leadB >= 0xF0
            let aHighBMP = leadA == 0xEE || leadA == 0xEF
            let bHighBMP = leadB == 0xEE || leadB == 0xEF
            if aSupplementary, bHighBMP { return true }
            if bSupplementary, aHighBMP { return false }
        }
        return a[index] < b[index]
    }
}
