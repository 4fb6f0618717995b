/// Splits data codewords into blocks, appends each block's Reed-Solomon codewords and interleaves them
/// (ISO/IEC 18004 7.5 and 7.6).
enum QRInterleaver {
    /// The final codeword sequence of a symbol.
    static func codewords(data: [UInt8], version: Int, level: QRCode.ErrorCorrection) -> [UInt8] {
        let blocks = QRVersionTable.blockCount[level.ordinal][version]
        let degree = QRVersionTable.ecCodewordsPerBlock[level.ordinal][version]
        let total = QRVersionTable.totalCodewords(version: version)
        let longBlocks = total % blocks
        let shortBlocks = blocks - longBlocks
        let shortData = total / blocks - degree
        precondition(data.count == shortData * blocks + longBlocks)
        var output = [UInt8](repeating: 0, count: total)
        var correction = [UInt8](repeating: 0, count: degree)
        let dataTotal = data.count
        data.withUnsafeBufferPointer { data in
            output.withUnsafeMutableBufferPointer { output in
                correction.withUnsafeMutableBufferPointer { correction in
                    var start = 0
                    for block in 0..<blocks {
                        let length = shortData + (block < shortBlocks ? 0 : 1)
                        let blockData = UnsafeBufferPointer(rebasing: data[start..<(start + length)])
                        // Data codeword i of this block goes after codeword i of every block; the long blocks'
                        // last codeword comes after all short blocks' data.
                        for index in 0..<length {
                            let position = index < shortData
                                ? index * blocks + block
                                : shortData * blocks + (block - shortBlocks)
                            output[position] = blockData[index]
                        }
                        ReedSolomon.remainder(of: blockData, degree: degree, into: correction)
                        for index in 0..<degree {
                            output[dataTotal + index * blocks + block] = correction[index]
                        }
                        start += length
                    }
                }
            }
        }
        return output
    }
}
