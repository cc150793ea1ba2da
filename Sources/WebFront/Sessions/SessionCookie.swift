import Foundation
import HTTPTypes
import Hummingbird

/// The session cookie of the pages: HttpOnly (no script reads it), SameSite=Lax (no other site's form posts
/// it), `Secure` when the request came over HTTPS, and no expiry date (the browser drops it when closed; the
/// server drops the session when idle).
enum SessionCookie {
    static let name = "hoctap_phien"

    /// The `Set-Cookie` value carrying `token`.
    static func set(_ token: String, secure: Bool) -> String {
        "\(name)=\(token); Path=/; HttpOnly; SameSite=Lax\(secure ? "; Secure" : "")"
    }

    /// The `Set-Cookie` value that removes the cookie.
    static func clear(secure: Bool) -> String {
        "\(name)=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax\(secure ? "; Secure" : "")"
    }

    /// The token a request presents: `Authorization: Bearer …` (the API) or the cookie (the pages).
    static func token(of request: Request) -> String? {
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                let token = parts[1].trimmingCharacters(in: .whitespaces)
                return token.isEmpty ? nil : token
            }
        }
        guard let value = request.cookies[name]?.value, !value.isEmpty else { return nil }
        return value
    }
}
