/// A strict RFC 4180 reader: rows of cells from UTF-8 bytes, with limits on rows and cell size.
enum CSVTable {
    /// The rows (blank lines skipped), each a list of cells.
    /// - Throws: ``BulkInputError`` for invalid UTF-8, a stray quote, an unterminated quoted cell, or a limit.
    static func parse(_ bytes: [UInt8], maximumRows: Int, maximumCellBytes: Int) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell: [UInt8] = []
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // a byte order mark is tolerated
        var quoted = false
        var line = 1

        func endCell() throws {
            guard let text = String(validating: cell, as: UTF8.self) else {
                throw BulkInputError(.syntax, "expected UTF-8 text, found other bytes in line \(line)")
            }
            row.append(text)
            cell.removeAll(keepingCapacity: true)
        }
        func endRow() throws {
            try endCell()
            if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
            row = []
            guard rows.count <= maximumRows else { throw BulkInputError(.tooLarge, "expected at most \(maximumRows - 1) rows, found more") }
        }

        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        cell.append(byte)
                        index += 2
                        continue
                    }
                    quoted = false
                    index += 1
                    guard index == bytes.count || [UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[index]) else {
                        throw BulkInputError(.syntax, "expected a comma or line end after a closing quote in line \(line), found another character")
                    }
                    continue
                }
                if byte == UInt8(ascii: "\n") { line += 1 }
                cell.append(byte)
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    guard cell.isEmpty else {
                        throw BulkInputError(.syntax, "expected quotes only around a whole cell in line \(line), found one inside")
                    }
                    quoted = true
                case UInt8(ascii: ","):
                    try endCell()
                case UInt8(ascii: "\r") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"):
                    break
                case UInt8(ascii: "\n"):
                    try endRow()
                    line += 1
                default:
                    cell.append(byte)
                }
            }
            guard cell.count <= maximumCellBytes else {
                throw BulkInputError(.tooLarge, "expected cells of at most \(maximumCellBytes) bytes, found a longer one in line \(line)")
            }
            index += 1
        }
        guard !quoted else { throw BulkInputError(.syntax, "expected a closing quote, found the end of the file") }
        if !cell.isEmpty || !row.isEmpty { try endRow() }
        return rows
    }
}
