/// Splits data into numeric, alphanumeric and byte segments with the fewest bits in total, by dynamic
/// programming over the input and the three modes, for one class of character-count-field widths
/// (versions 1-9, 10-26 or 27-40).
///
/// Costs are tracked in sixths of a bit (numeric 10/3, alphanumeric 11/2 and byte 8 bits per character) and
/// rounded up to whole bits when a segment ends, which gives each segment's exact length:
/// ceil(10n/3) and ceil(11n/2) are the numeric and alphanumeric data lengths. Keeping the cheapest path
/// per mode at every position is exact because rounding up is monotonic. Between streams of equal length the
/// one with fewer segments is preferred (a secondary cost in the low bits; best effort, the bit count is
/// always minimal).
enum QRSegmenter {
    /// Character class of each byte: 0 digit, 1 other alphanumeric character, 2 byte only.
    static let characterClass: [UInt8] = (0..<256).map { byte in
        if byte >= 0x30 && byte <= 0x39 { return 0 }
        return alphanumericCharacters.contains(UInt8(byte)) ? 1 : 2
    }

    /// The 45 characters of alphanumeric mode, in value order.
    static let alphanumericCharacters: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    /// The alphanumeric value (0...44) of each byte, 0xFF for bytes outside the set.
    static let alphanumericValue: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in alphanumericCharacters.enumerated() { table[Int(character)] = UInt8(value) }
        return table
    }()

    /// Cost per character in sixths of a bit: numeric, alphanumeric, byte.
    private static let characterCost = (20, 33, 48)

    /// Costs are `sixths << segmentShift | segments`.
    private static let segmentShift = 16

    /// The cheapest segmentation of `bytes` for a width class and its length in bits (headers included).
    static func segment(_ bytes: UnsafeBufferPointer<UInt8>, widthClass: Int) -> (segments: [QRCode.Segment], bits: Int) {
        let count = bytes.count
        if count == 0 { return ([], 0) }
        let modes = QRCode.Mode.allCases
        // A new segment costs its header and counts one segment.
        let header = modes.map { (4 + $0.countBits(widthClass: widthClass)) * 6 << segmentShift | 1 }
        let perCharacter = [characterCost.0, characterCost.1, characterCost.2].map { $0 << segmentShift }
        let unreachable = Int.max / 4
        // back[i * 3 + m]: the mode of character i - 1 on the cheapest path with character i in mode m
        // (3 at i = 0).
        var back = [UInt8](repeating: 3, count: count * 3)
        var cost = (unreachable, unreachable, unreachable)
        characterClass.withUnsafeBufferPointer { classes in
            back.withUnsafeMutableBufferPointer { back in
                for index in 0..<count {
                    let characterClass = Int(classes[Int(bytes[index])])
                    var next = (unreachable, unreachable, unreachable)
                    // Cost to close each open segment (whole bits) before a switch.
                    let closed = (roundUp(cost.0), roundUp(cost.1), roundUp(cost.2))
                    for mode in 0..<3 where mode >= characterClass {
                        var best: Int
                        var from: UInt8
                        if index == 0 {
                            best = header[mode]
                            from = 3
                        } else {
                            best = component(cost, mode)
                            from = UInt8(mode)
                            for previous in 0..<3 where previous != mode {
                                let closedCost = component(closed, previous)
                                if closedCost >= unreachable { continue }
                                let candidate = closedCost + header[mode]
                                if candidate < best {
                                    best = candidate
                                    from = UInt8(previous)
                                }
                            }
                        }
                        if best >= unreachable { continue }
                        setComponent(&next, mode, best + perCharacter[mode])
                        back[index * 3 + mode] = from
                    }
                    cost = next
                }
            }
        }
        // The cheapest final mode, then walk back.
        var mode = 0
        var total = unreachable
        for candidate in 0..<3 {
            let closed = roundUp(component(cost, candidate))
            if closed < total {
                total = closed
                mode = candidate
            }
        }
        var segments: [QRCode.Segment] = []
        var end = count
        var index = count - 1
        while index >= 0 {
            let previous = Int(back[index * 3 + mode])
            if previous != mode {
                segments.append(QRCode.Segment(mode: modes[mode], range: index..<end))
                end = index
                if previous == 3 { break }
                mode = previous
            }
            index -= 1
        }
        segments.reverse()
        return (segments, (total >> segmentShift) / 6)
    }

    /// Rounds the bit part of a cost up to whole bits.
    private static func roundUp(_ cost: Int) -> Int {
        if cost >= Int.max / 4 { return cost }
        let sixths = cost >> segmentShift
        return ((sixths + 5) / 6 * 6) << segmentShift | cost & ((1 << segmentShift) - 1)
    }

    private static func component(_ tuple: (Int, Int, Int), _ index: Int) -> Int {
        switch index {
        case 0: tuple.0
        case 1: tuple.1
        default: tuple.2
        }
    }

    private static func setComponent(_ tuple: inout (Int, Int, Int), _ index: Int, _ value: Int) {
        switch index {
        case 0: tuple.0 = value
        case 1: tuple.1 = value
        default: tuple.2 = value
        }
    }
}
