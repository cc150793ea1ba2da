import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WebFront

/// Every response carries the security headers: pages, files, JSON, errors.
@Suite struct SecurityHeaderTests {
    @Test("Security headers on every kind of response",
          arguments: ["/", "/hoc-thu", "/khoa-hoc/khoa/bai/01-mot", "/static/kiosk.css", "/api/v1/courses",
                      "/healthz", "/khong-co", "/api/v1/courses/khong-co", "/static/../Package.swift"])
    func headersPresent(_ uri: String) async throws {
        try await WebTestApp.test { client in
            try await client.execute(uri: uri, method: .get) { response in
                let headers = response.headers
                #expect(headers[HTTPField.Name("Content-Security-Policy")!] == "default-src 'self'; frame-ancestors 'none'")
                #expect(headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            }
        }
    }
}
