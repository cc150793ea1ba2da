public import Foundation
public import LearningCore

/// One report asked for, by the CLI or the staff area: which report, for which year, for the commune or one
/// unit, with the document number and date the clerk fills in.
public struct ReportRequest: Sendable, Hashable {
    /// Which report: the yearly report, the review up to `year`, or the award proposals.
    public var kind: CampaignReport.Kind
    /// The reporting year (for a review: its last year).
    public var year: Int
    /// The unit whose own report this is; nil for the commune's.
    public var unitID: String?
    /// The document number (số văn bản); nil leaves it for the clerk to write by hand.
    public var number: String?
    /// The date written on the document; nil means today.
    public var date: Date?

    public init(kind: CampaignReport.Kind, year: Int, unitID: String? = nil, number: String? = nil, date: Date? = nil) {
        self.kind = kind
        self.year = year
        self.unitID = unitID
        self.number = number
        self.date = date
    }

    /// The campaign as this report's document states it: for a unit's report, the unit is the issuer and the
    /// report goes to the commune (`report.unit_sent_to`). Refuses a unit the campaign does not have.
    public func documentCampaign(_ campaign: CampaignConfiguration, words: any Localizer) throws
        -> CampaignConfiguration
    {
        guard let unitID else { return campaign }
        guard let unit = campaign.units.first(where: { $0.id == unitID }) else {
            throw ProgressError(.unknownUnit, unitID)
        }
        var scoped = campaign
        scoped.issuer = unit.name
        scoped.report.sentTo = words.text("report.unit_sent_to", [campaign.issuer])
        return scoped
    }

    /// Builds, composes and renders the report over `figures` (already restricted to the unit, when there is one).
    public func render(_ format: ReportFormat, figures: any ReportingRepository, catalog: any CourseCatalog,
                       campaign: CampaignConfiguration, clock: any WallClock, words: any Localizer) async throws
        -> Data
    {
        let scoped = try documentCampaign(campaign, words: words)
        let builder = ReportBuilder(repository: figures, catalog: catalog, campaign: scoped, clock: clock,
                                    unitID: unitID)
        let report: CampaignReport
        switch kind {
        case .yearly: report = try await builder.yearly(year)
        case .review: report = try await builder.review(until: year)
        case .awards: report = try await builder.awardsReport(year)
        }
        let document = DocumentComposer(campaign: scoped, words: words, number: number, date: date).compose(report)
        return try format.render(report, as: document)
    }

    /// A safe file name for the download: ASCII letters, digits and dashes only.
    public func fileName(_ format: ReportFormat) -> String {
        let kindName = switch kind {
        case .yearly: "bao-cao-nam"
        case .review: "bao-cao-so-ket-tong-ket"
        case .awards: "de-xuat-khen-thuong"
        }
        let unit = unitID.map { "-" + $0.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } } ?? ""
        return "\(kindName)-\(year)\(unit).\(format.fileExtension)"
    }
}
