import CQRencode

/// A QR code of a text, encoded by libqrencode (byte mode, error correction level M, case kept) and drawn as an
/// inline SVG: a white square with the 4-module quiet zone the standard asks for, the dark modules as one
/// `<path>`, edges kept sharp (`shape-rendering="crispEdges"`), scaled by its `viewBox` to whatever size the
/// page gives it, and named by a `<title>` for screen readers. The encoding is libqrencode's, never ours.
public struct QRCodeSVG: Sendable, Hashable {
    /// Why a text has no QR code.
    public enum Failure: Error, Sendable, Hashable {
        /// The text holds a NUL character, which the C string the library reads would cut short.
        case containsNUL
        /// The library refused the text (longer than the largest QR code holds, or out of memory).
        case notEncodable(length: Int)
    }

    /// The empty light border around the symbol, in modules.
    public static let quietZone = 4

    /// The text encoded.
    public let text: String
    /// Modules per side of the symbol, without the quiet zone.
    public let size: Int
    /// Row by row, whether each module is dark.
    private let modules: [Bool]

    /// Encodes `text` (its UTF-8 bytes).
    public init(_ text: String) throws(Failure) {
        guard !text.utf8.contains(0) else { throw .containsNUL }
        // Version 0: the smallest symbol that holds the text. The library allocates the symbol; we free it.
        let encoded = text.withCString { QRcode_encodeString($0, 0, QR_ECLEVEL_M, QR_MODE_8, 1) }
        guard let code = encoded else { throw .notEncodable(length: text.utf8.count) }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        // Each byte describes one module; its lowest bit says whether it is dark.
        let data = UnsafeBufferPointer(start: code.pointee.data, count: width * width)
        self.text = text
        self.size = width
        self.modules = data.map { $0 & 1 == 1 }
    }

    /// Whether the module at `row`, `column` (from the symbol's top left, quiet zone not counted) is dark;
    /// outside the symbol, false.
    public func isDark(row: Int, column: Int) -> Bool {
        guard (0..<size).contains(row), (0..<size).contains(column) else { return false }
        return modules[row * size + column]
    }

    /// The SVG element, with `title` as its accessible name (escaped here).
    public func svg(title: String) -> String {
        let side = size + 2 * Self.quietZone
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="qr-code" viewBox="0 0 \(side) \(side)" role="img" \
            shape-rendering="crispEdges"><title>\(HTMLEscaping.escape(title))</title>\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(pathData)"/></svg>
            """
    }

    /// The dark modules as path data: each horizontal run of dark modules one rectangle, `M x y h n v 1 h -n z`.
    var pathData: String {
        var path = ""
        for row in 0..<size {
            var column = 0
            while column < size {
                guard isDark(row: row, column: column) else {
                    column += 1
                    continue
                }
                let start = column
                while column < size, isDark(row: row, column: column) { column += 1 }
                let run = column - start
                path += "M\(start + Self.quietZone) \(row + Self.quietZone)h\(run)v1h-\(run)z"
            }
        }
        return path
    }
}
