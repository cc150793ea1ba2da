import Foundation
public import Hummingbird
import NIOCore

/// The fields of an `application/x-www-form-urlencoded` body, read whole (up to `WebLimits.maxBodyBytes`),
/// checked to be UTF-8 before and after percent-decoding. A field may repeat (check boxes).
public struct FormFields: Sendable {
    private var values: [(String, String)]

    /// Parses `text` (already known to be UTF-8); throws `malformed` or `notUTF8` for a bad escape.
    public init(parsing text: String) throws(WebInputError) {
        var values: [(String, String)] = []
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0])
            let value = parts.count > 1 ? try Self.decode(parts[1]) : ""
            values.append((name, value))
        }
        self.values = values
    }

    /// The first value of `name`, or nil.
    public subscript(_ name: String) -> String? { values.first { $0.0 == name }?.1 }

    /// Every value of `name`, in order.
    public func all(_ name: String) -> [String] { values.filter { $0.0 == name }.map(\.1) }

    /// The value of `name`, or a `malformed` refusal naming it.
    public func require(_ name: String) throws(WebInputError) -> String {
        guard let value = self[name] else { throw WebInputError(.malformed, name) }
        return value
    }

    /// Reads the body of `request` as a form.
    public static func read(_ request: Request, context: KioskRequestContext) async throws -> FormFields {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else { throw WebInputError(.unsupportedType) }
        let text = try await BodyText.read(request)
        return try FormFields(parsing: text)
    }

    /// `+` is a space; `%XX` a byte; the bytes must be UTF-8.
    static func decode(_ raw: Substring) throws(WebInputError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        var iterator = raw.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw WebInputError(.malformed)
                }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw WebInputError(.notUTF8) }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// A request body read whole as UTF-8 text, refused when too large (413) or not UTF-8 (400).
enum BodyText {
    static func read(_ request: Request) async throws -> String {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: WebLimits.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw WebInputError(.tooLarge)
        }
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw WebInputError(.notUTF8)
        }
        return text
    }
}

/// A JSON request body decoded to `T`: 415 without a JSON content type, 413 too large, 400 not UTF-8 or not
/// the expected shape (the field is named in the message).
enum JSONBody {
    static func read<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") || contentType.contains("+json") else {
            throw WebInputError(.unsupportedType)
        }
        let text = try await BodyText.read(request)
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch let DecodingError.keyNotFound(key, _) {
            throw WebInputError(.malformed, key.stringValue)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw WebInputError(.malformed, context.codingPath.last?.stringValue ?? "")
        } catch {
            throw WebInputError(.malformed)
        }
    }
}
