public import Hummingbird

/// `GET /api/v1/version`: which program and API answer.
public struct VersionJSON: ResponseCodable, Sendable, Equatable {
    /// The product's name, "Học tập số".
    public var name: String
    /// The program's version.
    public var version: String
    /// The API's version, "v1".
    public var apiVersion: String

    public init(name: String, version: String, apiVersion: String) {
        self.name = name
        self.version = version
        self.apiVersion = apiVersion
    }
}
