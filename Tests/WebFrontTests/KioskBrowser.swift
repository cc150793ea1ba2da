import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A browser for in-process tests: keeps the session cookie as a browser would, posts forms, follows nothing by
/// itself (tests look at each redirect), and reads the CSRF token and other values out of pages.
final class KioskBrowser: @unchecked Sendable {
    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        var location: String? { headers[.location] }
    }

    let client: any TestClientProtocol
    /// The kiosk session cookie (`hoctap_phien=…`), sent with every request.
    private(set) var cookie: String?
    /// The staff session cookie (`hoctap_can_bo=…`), sent only under `/can-bo` as its Path says.
    private(set) var staffCookie: String?

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    /// GETs `uri`.
    @discardableResult
    func get(_ uri: String) async throws -> Page {
        try await send(uri, method: .get, headers: [:], body: nil)
    }

    /// POSTs a form (fields URL-encoded in order).
    @discardableResult
    func post(_ uri: String, _ fields: [(String, String)]) async throws -> Page {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                              body: ByteBuffer(string: body))
    }

    /// POSTs a `multipart/form-data` form as a browser sends a file input: text fields, then one file.
    @discardableResult
    func postFile(_ uri: String, _ fields: [(String, String)], file: (name: String, fileName: String, content: String))
        async throws -> Page
    {
        let boundary = "----HocTapSoTestBoundary7MA4YWxkTrZu0gW"
        var body = ""
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.fileName)\"\r\n"
        body += "Content-Type: text/csv\r\n\r\n\(file.content)\r\n--\(boundary)--\r\n"
        return try await send(uri, method: .post,
                              headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                              body: ByteBuffer(string: body))
    }

    /// Sends raw bytes (tests of bad bodies).
    @discardableResult
    func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> Page {
        var headers = headers
        let sent = [cookie, uri.hasPrefix("/can-bo") ? staffCookie : nil].compactMap { $0 }
        if !sent.isEmpty { headers[.cookie] = sent.joined(separator: "; ") }
        let page = try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
            Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
        for value in page.headers[values: .setCookie] {
            let pair = String(value.split(separator: ";")[0])
            if value.hasPrefix("hoctap_phien=") { cookie = value.contains("Max-Age=0") ? nil : pair }
            if value.hasPrefix("hoctap_can_bo=") { staffCookie = value.contains("Max-Age=0") ? nil : pair }
        }
        return page
    }

    /// GETs `uri` and follows redirects (at most 5).
    @discardableResult
    func follow(_ uri: String) async throws -> Page {
        var page = try await get(uri)
        var hops = 0
        while page.status == .seeOther || page.status == .found, let next = page.location, hops < 5 {
            page = try await get(next)
            hops += 1
        }
        return page
    }

    /// The page's CSRF token (the first form's).
    static func csrf(_ page: Page) -> String? { value(of: "csrf", in: page.body) }

    /// The value of the hidden field `name`.
    static func value(of name: String, in body: String) -> String? {
        guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The choice ids of a question page with the text each shows.
    static func choices(_ body: String) -> [(id: String, text: String)] {
        body.components(separatedBy: "name=\"answer\" value=\"").dropFirst().map { part in
            let id = String(part.prefix { $0 != "\"" })
            let text = part.components(separatedBy: "<span>").dropFirst().first?
                .components(separatedBy: "</span>").first ?? ""
            return (id, text)
        }
    }

    static func encode(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
