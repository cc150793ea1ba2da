import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WebFront

/// `docs/openapi.json` and the router agree: every route is documented, every documented operation is routed.
@Suite struct OpenAPITests {
    static let documentURL = WebTestApp.contentDirectory.deletingLastPathComponent()
        .appendingPathComponent("docs/openapi.json")

    static func document() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: documentURL)) as? [String: Any])
    }

    /// "METHOD /path" of every operation in the document (`{path}` of the static files as the router's `**`).
    static func documentedOperations() throws -> Set<String> {
        let paths = try #require(try document()["paths"] as? [String: [String: Any]])
        var operations: Set<String> = []
        for (path, item) in paths {
            for method in item.keys where ["get", "post", "put", "delete", "patch"].contains(method) {
                operations.insert("\(method.uppercased()) \(path.replacingOccurrences(of: "{path}", with: "**"))")
            }
        }
        return operations
    }

    /// Every form the server reads refuses another body type with 415, so the document must say so (schemathesis
    /// found `POST /con-o-day` without it).
    @Test func everyFormPostDocumentsTheRefusalOfAnotherBodyType() throws {
        let paths = try #require(try Self.document()["paths"] as? [String: [String: Any]])
        var forms: [String] = []
        var missing: [String] = []
        for (path, item) in paths {
            guard let post = item["post"] as? [String: Any],
                  let content = (post["requestBody"] as? [String: Any])?["content"] as? [String: Any],
                  content.keys.contains(where: { $0 == "application/x-www-form-urlencoded" || $0 == "multipart/form-data" })
            else { continue }
            forms.append(path)
            if (post["responses"] as? [String: Any])?["415"] == nil { missing.append(path) }
        }
        #expect(forms.count > 10)
        #expect(missing.sorted() == [], "form posts without a documented 415")
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() async throws {
        let services = try await WebTestApp.services()
        let configuration = WebConfiguration(contentDirectory: WebTestApp.contentDirectory)
        let router = buildRouter(configuration, services: services,
                                 templates: try await Templates.load(from: configuration.templatesDirectory),
                                 staticFiles: StaticFiles(files: [:]))
        let routed = Set(router.routes.map { "\($0.method) \($0.path)" })
        let documented = try Self.documentedOperations()
        #expect(routed.count > 30)
        #expect(routed.subtracting(documented).sorted() == [], "routed but not in docs/openapi.json")
        #expect(documented.subtracting(routed).sorted() == [], "in docs/openapi.json but not routed")
    }

    @Test func theDocumentIsOpenAPI31AndServed() async throws {
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        try await WebTestApp.test { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let served = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))
                #expect((served as? [String: Any])?["openapi"] as? String == "3.1.0")
            }
        }
    }

    @Test func everyRequestAndResponseFieldOfTheAttemptIsDescribed() throws {
        let schemas = try #require((try Self.document()["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let question = try #require((schemas["Question"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(question.keys).isSuperset(of: ["id", "kind", "prompt", "choices"]))
        let submission = try #require((schemas["Submission"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(submission.keys).isSuperset(of: ["percent", "passed", "completion"]))
        let completion = try #require((schemas["Completion"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(completion["verificationCode"] != nil)
    }
}
