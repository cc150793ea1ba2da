import Foundation
public import HTTPTypes
public import Hummingbird

/// An error of the JSON API as `application/problem+json` (RFC 9457), worded in Vietnamese in `detail`.
public struct ProblemDetails: Codable, Sendable, Equatable {
    public var type: String
    /// A short Vietnamese title of the status.
    public var title: String
    public var status: Int
    /// What went wrong and what to do, in Vietnamese.
    public var detail: String

    public init(type: String = "about:blank", title: String, status: Int, detail: String) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
    }

    /// The response carrying this problem.
    public func response(headers: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data()
        var fields = headers
        fields[.contentType] = "application/problem+json; charset=utf-8"
        return Response(status: HTTPResponse.Status(code: status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
