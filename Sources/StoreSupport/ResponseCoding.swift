import Foundation
public import LearningCore

/// Responses are stored as compact JSON with sorted keys, so equal responses are equal text.
public enum ResponseCoding {
    /// The response as the stores keep it.
    public static func encode(_ response: Response) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var normalised = response
        if case .choices(let ids) = response { normalised = .choices(ids) }
        return String(decoding: try encoder.encode(normalised), as: UTF8.self)
    }

    /// A response as the stores keep it, read back.
    public static func decode(_ text: String) throws -> Response {
        try JSONDecoder().decode(Response.self, from: Data(text.utf8))
    }
}
