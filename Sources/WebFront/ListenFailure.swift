import Foundation
public import LearningCore
import NIOCore

/// `hoctap serve` could not listen where it was told: the port is taken (often by another `hoctap serve`), the
/// host is not an address of this machine, or the port needs privileges. Worded by `web.listen.<reason>` with
/// the address and the host, instead of the general "unexpected error" that sent people to `hoctap db check`.
public struct ListenFailure: UserFacingError, Hashable {
    public enum Reason: String, Sendable, Hashable {
        case inUse = "in-use"
        case notThisMachine = "not-this-machine"
        case denied
    }

    public let reason: Reason
    /// The address as a browser would be given it (`http://127.0.0.1:8080`).
    public let address: String
    public let host: String

    public init(_ reason: Reason, address: String, host: String) {
        self.reason = reason
        self.address = address
        self.host = host
    }

    /// The failure an error of opening the listening socket means, or nil for any other error.
    static func from(_ error: any Error, configuration: WebConfiguration) -> ListenFailure? {
        guard let error = error as? IOError else { return nil }
        let reason: Reason
        switch error.errnoCode {
        case EADDRINUSE: reason = .inUse
        case EADDRNOTAVAIL: reason = .notThisMachine
        case EACCES: reason = .denied
        default: return nil
        }
        return ListenFailure(reason, address: configuration.address, host: configuration.host)
    }

    public var messageKey: String { "web.listen.\(reason.rawValue)" }
    public var messageArguments: [String] { [address, host] }
}
