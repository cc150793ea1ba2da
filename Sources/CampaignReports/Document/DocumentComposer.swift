public import Foundation
public import LearningCore

/// Lays a report's figures out as an administrative document: sections, tables, charts and the closing, in the
/// words of `Content/strings` (keys under `report.`).
public struct DocumentComposer: Sendable {
    public let campaign: CampaignConfiguration
    public let words: any Localizer
    /// The document number, when the clerk has one; blank leaves room to write it by hand.
    public var number: String?
    /// The date on the date line; the report's generation date when nil.
    public var date: Date?

    public init(campaign: CampaignConfiguration, words: any Localizer, number: String? = nil, date: Date? = nil) {
        self.campaign = campaign
        self.words = words
        self.number = number
        self.date = date
    }

    public func compose(_ report: CampaignReport) -> ReportDocument {
        var sections: [ReportSection] = []
        var tableNumber = 0
        func nextTable() -> Int {
            tableNumber += 1
            return tableNumber
        }
        if report.kind != .awards {
            sections.append(ReportSection(number: "I", title: t("report.section.context"),
                                          paragraphs: [t("report.context", [campaign.plan, report.periodLabel])]))
            sections.append(results(report, nextTable: nextTable))
        }
        if let awards = report.awards {
            sections.append(awardSection(awards, number: roman(sections.count + 1), nextTable: nextTable))
        }
        if report.kind != .awards {
            sections.append(assessment(report, number: roman(sections.count + 1)))
        }
        let titleKey = switch report.kind {
        case .yearly: "report.title.yearly"
        case .review: report.year >= campaign.finalReviewYear ? "report.title.final_review" : "report.title.mid_review"
        case .awards: "report.title.awards"
        }
        return ReportDocument(
            header: ReportHeader(
                superiorBody: nil, issuer: campaign.issuer.uppercased(), nationalTitle: t("report.national_title"),
                motto: t("report.motto"), number: t("report.number", [number ?? "      ", campaign.report.symbol]),
                placeAndDate: placeAndDate(date ?? report.generatedAt)),
            kind: t("report.kind"), title: t(titleKey, [report.periodLabel]),
            recipient: campaign.report.sentTo.map { t("report.sent_to", [$0]) }, sections: sections,
            closing: ReportClosing(recipientsLabel: t("report.recipients"), recipients: campaign.report.recipients,
                                   authority: campaign.report.authority, signer: campaign.report.signer))
    }

    // MARK: - Sections

    private func results(_ report: CampaignReport, nextTable: () -> Int) -> ReportSection {
        let total = report.totals
        var subsections: [ReportSection] = []
        subsections.append(ReportSection(
            number: "1", title: t("report.section.overall"),
            paragraphs: [t("report.overall", [
                integer(total.registered), integer(total.active), integer(total.enrolments),
                integer(total.lessonCompletions), integer(total.courseCompletions), percent(total.completionRate),
                percent(total.averageScore), percent(total.passRate),
            ])],
            tables: [unitTable(report, number: nextTable())],
            charts: [BarChart(title: t("report.chart.by_unit"), bars: report.byUnit.map {
                .init(label: $0.name, value: $0.figures.completionRate ?? 0)
            })]))
        subsections.append(ReportSection(number: "2", title: t("report.section.by_category"),
                                         tables: [categoryTable(report, number: nextTable())]))
        subsections.append(ReportSection(
            number: "3", title: t("report.section.by_course"),
            tables: [courseTable(report, number: nextTable()), contentTable(report, number: nextTable())],
            charts: [BarChart(title: t("report.chart.by_content"), bars: report.byContent.map {
                .init(label: t("report.content_short", [String($0.content)]), value: $0.figures.completionRate ?? 0)
            })]))
        subsections.append(ReportSection(
            number: "4", title: t("report.section.coverage"), paragraphs: [t("report.coverage_rule")],
            tables: [coverageTable(report.coverage, byUnit: false, number: nextTable()),
                     coverageTable(report.coverageByUnit, byUnit: true, number: nextTable())]))
        if !report.years.isEmpty {
            subsections.append(ReportSection(number: "5", title: t("report.section.years"),
                                             tables: [yearTable(report, number: nextTable())]))
        }
        if let deadline = report.deadline {
            let names = Dictionary(uniqueKeysWithValues: report.byUnit.map { ($0.unitID, $0.name) })
            var paragraphs = [t("report.deadline", [dateText(deadline.asOf), dateText(deadline.deadline),
                                                     String(deadline.daysLeft)])]
            paragraphs.append(deadline.inactiveUnits.isEmpty ? t("report.all_units_active")
                : t("report.inactive_units", [deadline.inactiveUnits.map { names[$0] ?? $0 }.joined(separator: ", ")]))
            subsections.append(ReportSection(number: String(subsections.count + 1), title: t("report.section.deadline"),
                                             paragraphs: paragraphs))
        }
        return ReportSection(number: "II", title: t("report.section.results"), subsections: subsections)
    }

    private func awardSection(_ awards: CampaignReport.Awards, number: String, nextTable: () -> Int) -> ReportSection {
        let criteria = t("report.award_criteria", [
            String(awards.minimumCourses), String(awards.minimumAverage), String(awards.unitMinimumPercent),
            String(awards.unitContent),
        ])
        var paragraphs = [criteria]
        if awards.withheld > 0 { paragraphs.append(t("report.award_withheld", [String(awards.withheld)])) }
        let individuals = ReportTable(
            id: "khen-thuong-ca-nhan", title: t("report.table.award_individuals", [String(nextTable())]),
            columns: [ReportColumn(t("report.column.number")), ReportColumn(t("report.column.name"), numeric: false),
                      ReportColumn(t("report.column.unit"), numeric: false),
                      ReportColumn(t("report.column.category"), numeric: false),
                      ReportColumn(t("report.column.courses_completed")), ReportColumn(t("report.column.average_score"))],
            rows: awards.individuals.enumerated().map { index, award in
                [.integer(index + 1), .text(award.candidate.displayName), .text(award.unitName),
                 .text(t("categories.\(award.candidate.category.rawValue)")), .integer(award.candidate.completions),
                 .decimal(award.candidate.averagePercent)]
            })
        let units = ReportTable(
            id: "khen-thuong-tap-the", title: t("report.table.award_units", [String(nextTable())]),
            columns: [ReportColumn(t("report.column.number")), ReportColumn(t("report.column.unit"), numeric: false),
                      ReportColumn(t("report.column.registered")),
                      ReportColumn(t("report.column.completed_content", [String(awards.unitContent)])),
                      ReportColumn(t("report.column.percent"))],
            rows: awards.units.enumerated().map { index, unit in
                [.integer(index + 1), .text(unit.name), .integer(unit.registered), .integer(unit.completed),
                 .decimal(unit.percent)]
            })
        return ReportSection(number: number, title: t("report.section.awards"), paragraphs: paragraphs,
                             tables: [individuals, units])
    }

    private func assessment(_ report: CampaignReport, number: String) -> ReportSection {
        var paragraphs: [String] = []
        let below = report.coverage.filter { ($0.gap ?? 0) > 0 }
        if below.isEmpty {
            paragraphs.append(t("report.assessment.targets_met"))
        } else {
            paragraphs.append(t("report.assessment.targets_missed", [below.map {
                t("report.assessment.gap", [t("categories.\($0.category.rawValue)"), integer($0.gap ?? 0)])
            }.joined(separator: "; ")]))
        }
        let inactive = report.byUnit.filter { $0.figures.active == 0 }.map(\.name)
        if !inactive.isEmpty {
            paragraphs.append(t("report.assessment.inactive", [inactive.joined(separator: ", ")]))
        }
        paragraphs.append(t("report.assessment.next"))
        return ReportSection(number: number, title: t("report.section.assessment"), paragraphs: paragraphs)
    }

    // MARK: - Tables

    private var figureColumns: [ReportColumn] {
        ["registered", "active", "enrolments", "lesson_completions", "course_completions", "completion_rate",
         "average_score", "pass_rate"].map { ReportColumn(t("report.column.\($0)")) }
    }

    private func figureCells(_ figures: ActivityFigures) -> [ReportCell] {
        [.integer(figures.registered), .integer(figures.active), .integer(figures.enrolments),
         .integer(figures.lessonCompletions), .integer(figures.courseCompletions), .decimal(figures.completionRate),
         .decimal(figures.averageScore), .decimal(figures.passRate)]
    }

    private func unitTable(_ report: CampaignReport, number: Int) -> ReportTable {
        ReportTable(
            id: "theo-don-vi", title: t("report.table.by_unit", [String(number)]),
            columns: [ReportColumn(t("report.column.unit"), numeric: false)] + figureColumns,
            rows: report.byUnit.map { [.text($0.name)] + figureCells($0.figures) },
            totalRow: [.text(t("report.total"))] + figureCells(report.totals))
    }

    private func categoryTable(_ report: CampaignReport, number: Int) -> ReportTable {
        ReportTable(
            id: "theo-doi-tuong", title: t("report.table.by_category", [String(number)]),
            columns: [ReportColumn(t("report.column.category"), numeric: false)] + figureColumns,
            rows: report.byCategory.map { [.text(t("categories.\($0.category.rawValue)"))] + figureCells($0.figures) },
            totalRow: [.text(t("report.total"))] + figureCells(report.totals))
    }

    private var courseColumns: [ReportColumn] {
        ["enrolments", "lesson_completions", "course_completions", "completion_rate", "average_score", "pass_rate"]
            .map { ReportColumn(t("report.column.\($0)")) }
    }

    private func courseCells(_ figures: ActivityFigures) -> [ReportCell] {
        Array(figureCells(figures).dropFirst(2))
    }

    private func courseTable(_ report: CampaignReport, number: Int) -> ReportTable {
        let total = report.byCourse.reduce(ActivityFigures()) { $0 + $1.figures }
        return ReportTable(
            id: "theo-khoa-hoc", title: t("report.table.by_course", [String(number)]),
            columns: [ReportColumn(t("report.column.course"), numeric: false),
                      ReportColumn(t("report.column.contents"), numeric: false)] + courseColumns,
            rows: report.byCourse.map {
                [.text($0.title), .text($0.contents.map(String.init).joined(separator: ", "))] + courseCells($0.figures)
            },
            totalRow: [.text(t("report.total")), .text("")] + courseCells(total))
    }

    private func contentTable(_ report: CampaignReport, number: Int) -> ReportTable {
        ReportTable(
            id: "theo-noi-dung", title: t("report.table.by_content", [String(number)]),
            columns: [ReportColumn(t("report.column.content"), numeric: false)] + courseColumns,
            rows: report.byContent.map {
                [.text(t("report.content_title.\($0.content)"))] + courseCells($0.figures)
            })
    }

    private func coverageTable(_ rows: [CampaignReport.CoverageRow], byUnit: Bool, number: Int) -> ReportTable {
        let names = Dictionary(uniqueKeysWithValues: campaign.units.map { ($0.id, $0.name) })
        var columns = [ReportColumn(t("report.column.category"), numeric: false)]
        if byUnit { columns.insert(ReportColumn(t("report.column.unit"), numeric: false), at: 0) }
        columns += ["population", "reached_by_end", "reached_in_period", "coverage_percent", "target_percent", "gap"]
            .map { ReportColumn(t("report.column.\($0)")) }
        let cells = { (row: CampaignReport.CoverageRow) -> [ReportCell] in
            var cells: [ReportCell] = [.text(self.t("categories.\(row.category.rawValue)"))]
            if byUnit { cells.insert(.text(row.unitID.map { names[$0] ?? $0 } ?? ""), at: 0) }
            return cells + [.integer(row.population), .integer(row.reachedByEnd), .integer(row.reachedInPeriod),
                            .decimal(row.percent), .decimal(row.targetPercent.map(Double.init)),
                            row.gap.map { .integer($0) } ?? .decimal(nil)]
        }
        var total: [ReportCell]?
        if !byUnit {
            let population = rows.reduce(0) { $0 + $1.population }
            let reached = rows.reduce(0) { $0 + $1.reachedByEnd }
            total = [.text(t("report.total")), .integer(population), .integer(reached),
                     .integer(rows.reduce(0) { $0 + $1.reachedInPeriod }),
                     .decimal(Percent.of(reached, population)), .decimal(nil),
                     .integer(rows.reduce(0) { $0 + ($1.gap ?? 0) })]
        }
        return ReportTable(
            id: byUnit ? "pho-cap-theo-don-vi" : "pho-cap-theo-doi-tuong",
            title: t(byUnit ? "report.table.coverage_by_unit" : "report.table.coverage", [String(number)]),
            columns: columns, rows: rows.map(cells), totalRow: total)
    }

    private func yearTable(_ report: CampaignReport, number: Int) -> ReportTable {
        ReportTable(
            id: "theo-nam", title: t("report.table.by_year", [String(number)]),
            columns: [ReportColumn(t("report.column.year"), numeric: false)] + figureColumns,
            rows: report.years.map { [.text(String($0.year))] + figureCells($0.figures) })
    }

    // MARK: - Words and numbers

    private func t(_ key: String, _ arguments: [String] = []) -> String { words.text(key, arguments) }
    private func integer(_ value: Int) -> String { VietnameseFormat.integer(value) }
    private func percent(_ value: Double?) -> String { value.map(VietnameseFormat.decimal) ?? "—" }

    private func roman(_ number: Int) -> String {
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"][min(max(number, 1), 8) - 1]
    }

    /// "Kiến Thụy, ngày 05 tháng 12 năm 2026": days under 10 and months 1 and 2 with a leading zero.
    private func placeAndDate(_ date: Date) -> String {
        let parts = dateParts(date)
        let day = parts.day < 10 ? "0\(parts.day)" : String(parts.day)
        let month = parts.month <= 2 ? "0\(parts.month)" : String(parts.month)
        return t("report.place_and_date", [campaign.place, day, month, String(parts.year)])
    }

    /// "10/12/2026".
    private func dateText(_ date: Date) -> String {
        let parts = dateParts(date)
        return String(format: "%02d/%02d/%d", parts.day, parts.month, parts.year)
    }

    private func dateParts(_ date: Date) -> (day: Int, month: Int, year: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = campaign.timeZone
        let parts = calendar.dateComponents([.day, .month, .year], from: date)
        return (parts.day ?? 1, parts.month ?? 1, parts.year ?? 2026)
    }
}
