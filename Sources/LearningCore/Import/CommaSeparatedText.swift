/// Comma-separated text (RFC 4180) read into records, as spreadsheets save it: fields split by commas, records by
/// a line break (LF, CR LF or CR), a field in double quotes may hold commas, line breaks and doubled quotes (`""`).
/// Spaces around a field are dropped; a byte order mark at the start is skipped. Pure Swift, so both stores read
/// a learner list exactly alike.
public enum CommaSeparatedText {
    /// One record: the line of the file it starts on (from 1), and its fields.
    public struct Record: Sendable, Hashable {
        public var line: Int
        public var fields: [String]

        /// A record starting on `line`.
        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// Text that is not comma-separated: a quoted field never closed, or text right after a closing quote.
    public struct Unreadable: Error, Sendable, Hashable {
        /// The line where reading stopped.
        public var line: Int

        /// The failure at `line`.
        public init(line: Int) {
            self.line = line
        }
    }

    /// The records of `text`; a line break at the very end makes no extra record.
    public static func records(_ text: String) throws(Unreadable) -> [Record] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var index = 0
        var quoted = false
        // Whether the current field was quoted (its closing quote read): only spaces may follow it.
        var closed = false
        var atFieldStart = true

        func endField() {
            var value = String(field)
            if !closed { value = trimmingSpaces(value) }
            fields.append(value)
            field = String.UnicodeScalarView()
            closed = false
            atFieldStart = true
        }
        func endRecord() {
            endField()
            records.append(Record(line: recordLine, fields: fields))
            fields = []
        }

        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if quoted {
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        quoted = false
                        closed = true
                    }
                } else {
                    if scalar == "\n" || (scalar == "\r" && !(index < scalars.count && scalars[index] == "\n")) {
                        line += 1
                    }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                endField()
            case "\r", "\n":
                if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
                endRecord()
                line += 1
                recordLine = line
            case " ", "\t":
                if !atFieldStart, !closed { field.append(scalar) }
            case "\"" where atFieldStart:
                quoted = true
                atFieldStart = false
            default:
                guard !closed else { throw Unreadable(line: line) }
                field.append(scalar)
                atFieldStart = false
            }
        }
        if quoted { throw Unreadable(line: recordLine) }
        // The last record, unless the text ended with its line break (or was empty).
        if !fields.isEmpty || !field.isEmpty || closed { endRecord() }
        return records
    }

    private static func trimmingSpaces(_ text: String) -> String {
        let scalars = text.unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex {
            let before = scalars.index(before: end)
            guard scalars[before] == " " || scalars[before] == "\t" else { break }
            end = before
        }
        return String(Substring(scalars[..<end]))
    }
}
