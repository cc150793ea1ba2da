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

    /// The campaign as this report's document states it. For a unit's report the unit is the issuer (under its
    /// superior body, when configured), the report goes to the commune through the Phòng Văn hoá - Xã hội
    /// (`report.unit_sent_to`), with the unit's own recipients and symbol, signed by the unit's head as
    /// `units[].report` of the configuration says (left blank for the clerk otherwise). Refuses a unit the campaign
    /// does not have.
    public func documentCampaign(_ campaign: CampaignConfiguration, words: any Localizer) throws
        -> CampaignConfiguration
    {
        guard let unitID else { return campaign }
        guard let unit = campaign.units.first(where: { $0.id == unitID }) else {
            throw ProgressError(.unknownUnit, unitID)
        }
        let own = campaign.unitReports[unitID]
        var scoped = campaign
        scoped.issuer = unit.name
        scoped.report = ReportSettings(
            symbol: own?.symbol ?? words.text("report.unit.symbol"),
            sentTo: words.text("report.unit_sent_to", [campaign.issuer]),
            recipients: [words.text("report.unit.recipient_above"), words.text("report.unit.recipient_office"),
                         words.text("report.unit.recipient_archive")],
            authority: own.map(\.authority).flatMap { $0.isEmpty ? nil : $0 } ?? [words.text("report.unit.authority")],
            signer: own?.signer ?? "", superiorBody: own?.superiorBody)
        return scoped
    }

    /// Builds, composes and renders the report over `figures` (already restricted to the unit, when there is one).
    /// Refuses (`ReportRefusal`) what `ReportBuilder` refuses, and a document date that the figures would
    /// contradict: before the period, or before its last day when the figures are counted later than that date.
    public func render(_ format: ReportFormat, figures: any ReportingRepository, catalog: any CourseCatalog,
                       campaign: CampaignConfiguration, clock: any WallClock, words: any Localizer) async throws
        -> Data
    {
        let scoped = try documentCampaign(campaign, words: words)
        let builder = ReportBuilder(repository: figures, catalog: catalog, campaign: campaign, clock: clock,
                                    unitID: unitID)
        let report: CampaignReport
        switch kind {
        case .yearly: report = try await builder.yearly(year)
        case .review: report = try await builder.review(until: year)
        case .awards: report = try await builder.awardsReport(year)
        }
        try checkDate(report.period, now: clock.now(), campaign: campaign)
        let document = DocumentComposer(campaign: scoped, words: words, number: number, date: date).compose(report)
        return try format.render(report, as: document)
    }

    /// The date written on the document must not be earlier than what the figures stand for: not before the
    /// period starts, and not before the period's last day when that is also before today (the figures are
    /// counted up to now).
    func checkDate(_ period: ReportingPeriod, now: Date, campaign: CampaignConfiguration) throws {
        guard let date else { return }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = campaign.timeZone
        let day = calendar.startOfDay(for: date)
        let firstDay = calendar.startOfDay(for: period.start)
        let lastDay = calendar.startOfDay(for: period.end.addingTimeInterval(-1))
        let today = calendar.startOfDay(for: now)
        let text = { (date: Date) -> String in
            let parts = calendar.dateComponents([.day, .month, .year], from: date)
            return String(format: "%02d/%02d/%04d", parts.day ?? 1, parts.month ?? 1, parts.year ?? 0)
        }
        if day < firstDay {
            throw ReportRefusal(.dateBeforePeriod, text(day), text(firstDay), text(lastDay))
        }
        let earliest = min(lastDay, today)
        if day < earliest {
            throw ReportRefusal(.dateBeforeFigures, text(day), text(today), text(lastDay), text(earliest))
        }
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
