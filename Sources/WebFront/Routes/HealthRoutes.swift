import HTTPTypes
import Hummingbird
import LearningCore

/// `GET /healthz`: 200 "ok" when the database answers; otherwise a 503 problem (worded by `ErrorMiddleware`).
struct HealthRoutes: Sendable {
    let services: KioskServices

    /// Adds the route to `router`.
    func register(on router: Router<KioskRequestContext>) {
        router.get("/healthz") { _, _ in
            do {
                _ = try await services.learning.repository.units()
            } catch {
                throw HTTPError(.serviceUnavailable)
            }
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "ok")))
        }
    }
}
