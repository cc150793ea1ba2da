import Foundation
import HTTPTypes
import Hummingbird

/// The staff area's session cookie: sent only under `/can-bo`, HttpOnly, SameSite=Strict (a link from elsewhere
/// does not carry it either), `Secure` over HTTPS. Bearer tokens are never accepted for staff.
enum StaffCookie {
    static let name = "hoctap_can_bo"
    static let path = "/can-bo"

    /// The `Set-Cookie` value carrying `token`.
    static func set(_ token: String, secure: Bool) -> String {
        "\(name)=\(token); Path=\(path); HttpOnly; SameSite=Strict\(secure ? "; Secure" : "")"
    }

    /// The `Set-Cookie` value that removes the cookie.
    static func clear(secure: Bool) -> String {
        "\(name)=; Path=\(path); Max-Age=0; HttpOnly; SameSite=Strict\(secure ? "; Secure" : "")"
    }

    /// The token the request's cookie presents.
    static func token(of request: Request) -> String? {
        guard let value = request.cookies[name]?.value, !value.isEmpty else { return nil }
        return value
    }
}
