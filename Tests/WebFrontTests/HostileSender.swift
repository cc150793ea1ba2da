import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A sender of the hostile corpus in process, as `Reliability/attack/corpus_runner.py` is one over a socket: its
/// cookies (the staff cookie only under `/can-bo`, as its Path says), its bearer token, and the last CSRF token
/// each area (`kiosk`, `staff`) showed it. A cookie the server clears is kept: replaying it is the attack.
final class HostileSender: @unchecked Sendable {
    struct Reply {
        var status: Int
        var headers: HTTPFields
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        var contentType: String { headers[.contentType] ?? "" }
    }

    let client: any TestClientProtocol
    private(set) var cookies: [(name: String, value: String)] = []
    var token: String?
    var csrf: [String: String] = [:]

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    @discardableResult
    func send(_ method: String, _ path: String, body: [UInt8]? = nil, contentType: String? = nil,
              headers extra: [String: String] = [:]) async throws -> Reply {
        var headers = HTTPFields()
        let jar = cookies.filter { $0.name != "hoctap_can_bo" || path.hasPrefix("/can-bo") }.map { "\($0.name)=\($0.value)" }
        if !jar.isEmpty { headers[.cookie] = jar.joined(separator: "; ") }
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let contentType { headers[.contentType] = contentType }
        for (name, value) in extra {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        let reply = try await client.execute(uri: path, method: HTTPRequest.Method(rawValue: method) ?? .get,
                                             headers: headers, body: body.map { ByteBuffer(bytes: $0) }) { response in
            Reply(status: Int(response.status.code), headers: response.headers,
                  body: Array(response.body.readableBytesView))
        }
        for value in reply.headers[values: .setCookie] {
            let pair = value.split(separator: ";", maxSplits: 1)[0]
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[1].isEmpty else { continue }
            let (name, token) = (String(parts[0]), String(parts[1]))
            if let index = cookies.firstIndex(where: { $0.name == name }) {
                cookies[index].value = token
            } else {
                cookies.append((name, token))
            }
        }
        if reply.contentType.contains("html"), let token = HostileCorpus.csrf(in: reply.text) {
            csrf[HostileCorpus.area(path)] = token
        }
        return reply
    }
}
