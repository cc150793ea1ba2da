import Foundation
import GRDB
import LearningCore

/// A row of `consentEvent`: consent given or withdrawn, never updated.
struct ConsentEventRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "consentEvent"
    var id: Int64?
    var learnerId: Int64
    var purpose: String
    var noticeVersion: String
    var given: Bool
    var at: Date

    init(_ event: ConsentEvent) {
        learnerId = event.learnerID
        purpose = event.purpose.rawValue
        noticeVersion = event.noticeVersion
        given = event.given
        at = event.at
    }

    var event: ConsentEvent? {
        ConsentPurpose(rawValue: purpose).map {
            ConsentEvent(learnerID: learnerId, purpose: $0, noticeVersion: noticeVersion, given: given, at: at)
        }
    }
}
