import HTTPTypes
import Hummingbird

/// `GET /static/**`: the files of `Content/web/static`, from memory. A path with `..`, a backslash or an empty
/// segment is refused (400); an unknown file is 404. Nothing outside the folder can be named.
struct StaticRoutes: Sendable {
    let files: StaticFiles

    /// Adds the route to `router`.
    func register(on router: Router<KioskRequestContext>) {
        router.get("/static/**") { request, context in
            let segments = context.parameters.getCatchAll().map(String.init)
            try Self.check(segments, rawPath: request.uri.path)
            guard let file = files.file(segments.joined(separator: "/")) else { throw HTTPError(.notFound) }
            return Response(status: .ok,
                            headers: [.contentType: file.contentType, .cacheControl: "public, max-age=3600"],
                            body: ResponseBody(byteBuffer: file.bytes))
        }
    }

    /// Refuses any path that tries to leave the folder, in the raw path or in its decoded segments.
    static func check(_ segments: [String], rawPath: String) throws {
        let raw = rawPath.lowercased()
        guard !raw.contains(".."), !raw.contains("%2e%2e"), !raw.contains("%2f"), !raw.contains("%5c"),
              !raw.contains("\\"), !segments.isEmpty,
              segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\\") && !$0.hasPrefix(".") })
        else { throw HTTPError(.badRequest) }
    }
}
