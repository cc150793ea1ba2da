public import Foundation

/// How the HTTP front is set up: where it listens, where its templates and static files are, and how often it
/// sweeps expired quiz attempts. Chosen by the composition root (`hoctap serve`); tests use the defaults.
public struct WebConfiguration: Sendable {
    /// The address to listen on (`127.0.0.1` by default: a kiosk serves its own browser).
    public var host: String
    /// The port to listen on.
    public var port: Int
    /// The `Content/` folder: templates in `web/templates`, static files in `web/static`.
    public var contentDirectory: URL
    /// The program's version, as `GET /api/v1/version` reports it.
    public var version: String
    /// How often open attempts past their time limit are submitted.
    public var sweepInterval: Duration
    /// How long a kiosk session may sit unused before it ends itself (5 minutes by default).
    public var idleTimeout: TimeInterval
    /// How long a staff session may sit unused before it ends (30 minutes by default).
    public var staffIdleTimeout: TimeInterval
    /// The version of the privacy notice shown at registration (`privacy_notice_version` of
    /// `Content/campaign.yaml`), recorded with each consent.
    public var privacyNoticeVersion: String
    /// The address people reach this server at from outside (`https://hoctap.kienthuy.gov.vn`), which the QR
    /// code of a printed certificate points to (`<address>/xac-minh/<code>`). Nil: the address the request was
    /// made to (its `Host` header), which is right when the kiosk is reached at the address it is printed from.
    public var publicBaseURL: URL?

    /// A configuration; only the `Content/` folder has no default.
    public init(host: String = "127.0.0.1", port: Int = 8080, contentDirectory: URL, version: String = "0.1.0",
                sweepInterval: Duration = .seconds(60), idleTimeout: TimeInterval = 300,
                staffIdleTimeout: TimeInterval = 1800, privacyNoticeVersion: String = "2026-01",
                publicBaseURL: URL? = nil) {
        self.host = host
        self.port = port
        self.contentDirectory = contentDirectory
        self.version = version
        self.sweepInterval = sweepInterval
        self.idleTimeout = idleTimeout
        self.staffIdleTimeout = staffIdleTimeout
        self.privacyNoticeVersion = privacyNoticeVersion
        self.publicBaseURL = publicBaseURL
    }

    /// The folder of the Mustache templates.
    public var templatesDirectory: URL { contentDirectory.appendingPathComponent("web/templates", isDirectory: true) }

    /// The folder of the static files served under `/static/`.
    public var staticDirectory: URL { contentDirectory.appendingPathComponent("web/static", isDirectory: true) }

    /// The OpenAPI document served at `/api/v1/openapi.json`: `docs/openapi.json` beside the `Content/` folder.
    public var openAPIDocument: URL {
        contentDirectory.standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent("docs/openapi.json", isDirectory: false)
    }

    /// The address as a person types it into a browser.
    public var address: String { "http://\(host.contains(":") ? "[\(host)]" : host):\(port)" }
}
