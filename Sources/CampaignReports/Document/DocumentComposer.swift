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

    /// The document of `report`: a report (Báo cáo, BC) for the yearly report and the reviews; the award
    /// proposals as a submission (Tờ trình, TTr) to the body above, the named people in an appendix (Phụ lục).
    public func compose(_ report: CampaignReport) -> ReportDocument {
        var sections: [ReportSection] = []
        var tableNumber = 0
        func nextTable() -> Int {
            tableNumber += 1
            return tableNumber
        }
        let isProposal = report.kind == .awards
        let symbol = isProposal ? Self.proposalSymbol(campaign.report.symbol) : campaign.report.symbol
        let numberText = Self.documentNumber(number, symbol: symbol)
        let documentDate = date ?? report.generatedAt
        var appendices: [ReportAppendix] = []
        if let awards = report.awards, !awards.individuals.isEmpty {
            let reference = t("report.appendix.reference", [
                t(isProposal ? "report.kind_name_proposal" : "report.kind_name"), numberText,
                dateText(documentDate), campaign.issuer,
            ])
            appendices.append(ReportAppendix(
                label: t("report.appendix.label"), title: t("report.appendix.individuals"), reference: reference,
                table: individualsTable(awards)))
        }
        var opening: [String] = []
        var conclusion: [String] = []
        if isProposal, let awards = report.awards {
            let addressee = campaign.report.sentTo ?? t("report.proposal.addressee")
            opening = [
                t("report.proposal.basis", [campaign.plan]),
                // While the year runs the figures are provisional: the submission says so, as the report does.
                report.deadline.map {
                    t("report.proposal.results_provisional", [report.periodLabel, dateText($0.asOf),
                                                              dateText($0.deadline)])
                } ?? t("report.proposal.results", [report.periodLabel]),
                t("report.proposal.request", [campaign.issuer, addressee, integer(awards.units.count),
                                              integer(awards.individuals.count), report.periodLabel]),
            ]
            sections = proposalSections(awards, nextTable: nextTable)
            conclusion = [t("report.proposal.close", [campaign.issuer, addressee])]
        } else {
            sections.append(ReportSection(number: "I", title: t("report.section.context"),
                                          paragraphs: [t("report.context", [campaign.plan, report.periodLabel])]))
            sections.append(results(report, nextTable: nextTable))
            if let awards = report.awards {
                sections.append(awardSection(awards, number: roman(sections.count + 1), nextTable: nextTable))
            }
            sections.append(assessment(report, number: roman(sections.count + 1)))
        }
        if !opening.isEmpty {
            // The grounds and the request open the submission, before its first numbered part.
            sections.insert(ReportSection(number: "", title: "", paragraphs: opening), at: 0)
        }
        let titleKey = switch report.kind {
        case .yearly: "report.title.yearly"
        case .review: report.year >= campaign.finalReviewYear ? "report.title.final_review" : "report.title.mid_review"
        case .awards: "report.title.awards"
        }
        return ReportDocument(
            header: ReportHeader(
                superiorBody: campaign.report.superiorBody?.uppercased(), issuer: campaign.issuer.uppercased(),
                nationalTitle: t("report.national_title"), motto: t("report.motto"),
                number: t("report.number", [numberText]), placeAndDate: placeAndDate(documentDate)),
            kind: t(isProposal ? "report.kind_proposal" : "report.kind"), title: t(titleKey, [report.periodLabel]),
            recipient: campaign.report.sentTo.map { t("report.sent_to", [$0]) }, sections: sections,
            closing: ReportClosing(recipientsLabel: t("report.recipients"), recipients: campaign.report.recipients,
                                   authority: campaign.report.authority, signer: campaign.report.signer),
            conclusion: conclusion, appendices: appendices)
    }

    /// "12/BC-UBND" from `--number 12`, "05/BC-UBND" from `5` (numbers under 10 take a leading zero), and
    /// "12/BC-UBND" from `12/BC-UBND` too: a number typed with its symbol keeps it instead of doubling it. Blank
    /// leaves room for the clerk to write the number by hand.
    static func documentNumber(_ number: String?, symbol: String) -> String {
        let typed = (number ?? "").trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return "      /" + symbol }
        let parts = typed.split(separator: "/", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        var digits = parts[0]
        if let value = Int(digits), value >= 0, value < 10, digits.allSatisfy(\.isASCII) { digits = "0\(value)" }
        let given = parts.count > 1 ? parts[1] : ""
        return digits + "/" + (given.isEmpty ? symbol : given)
    }

    /// The symbol of a submission from the symbol of a report: "BC-UBND" → "TTr-UBND".
    static func proposalSymbol(_ reportSymbol: String) -> String {
        let groups = reportSymbol.split(separator: "-", maxSplits: 1)
        guard groups.count == 2, groups[0] == "BC" else { return "TTr-" + reportSymbol }
        return "TTr-" + groups[1]
    }

    // MARK: - Sections

    private func results(_ report: CampaignReport, nextTable: () -> Int) -> ReportSection {
        let total = report.totals
        var subsections: [ReportSection] = []
        subsections.append(ReportSection(
            number: "1", title: t("report.section.overall"),
            paragraphs: [t(report.unitID == nil ? "report.overall" : "report.overall_unit", [
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
        ReportSection(number: number, title: t("report.section.awards"),
                      paragraphs: [criteriaText(awards)] + individualsText(awards),
                      tables: [unitsTable(awards, number: nextTable())])
    }

    /// A submission's parts: the criteria, the units proposed, the people proposed (listed in the appendix).
    private func proposalSections(_ awards: CampaignReport.Awards, nextTable: () -> Int) -> [ReportSection] {
        [
            ReportSection(number: "I", title: t("report.section.award_criteria"), paragraphs: [criteriaText(awards)]),
            ReportSection(number: "II", title: t("report.section.award_units"),
                          tables: [unitsTable(awards, number: nextTable())]),
            ReportSection(number: "III", title: t("report.section.award_individuals"),
                          paragraphs: individualsText(awards)),
        ]
    }

    private func criteriaText(_ awards: CampaignReport.Awards) -> String {
        t("report.award_criteria", [
            String(awards.minimumCourses), String(awards.minimumAverage), String(awards.unitMinimumPercent),
            String(awards.unitContent),
        ])
    }

    /// Where the named people are (the appendix), and how many met the criteria without consenting to be named.
    private func individualsText(_ awards: CampaignReport.Awards) -> [String] {
        var paragraphs = [awards.individuals.isEmpty ? t("report.award_no_individuals")
            : t("report.award_individuals_appendix", [integer(awards.individuals.count)])]
        if awards.withheld > 0 { paragraphs.append(t("report.award_withheld", [integer(awards.withheld)])) }
        return paragraphs
    }

    /// The people proposed, each told apart by unit and learner code, with the figures that qualify them.
    private func individualsTable(_ awards: CampaignReport.Awards) -> ReportTable {
        ReportTable(
            id: "khen-thuong-ca-nhan", title: t("report.table.appendix_individuals"),
            columns: [ReportColumn(t("report.column.number")), ReportColumn(t("report.column.name"), numeric: false),
                      ReportColumn(t("report.column.learner_code"), numeric: false),
                      ReportColumn(t("report.column.unit"), numeric: false),
                      ReportColumn(t("report.column.category"), numeric: false),
                      ReportColumn(t("report.column.courses_completed")), ReportColumn(t("report.column.average_score"))],
            rows: awards.individuals.enumerated().map { index, award in
                // A code, not a quantity: written as is, without a thousands dot.
                [.integer(index + 1), .text(award.candidate.displayName), .text(String(award.candidate.learnerID)),
                 .text(award.unitName), .text(t("categories.\(award.candidate.category.rawValue)")),
                 .integer(award.candidate.completions), .decimal(award.candidate.averagePercent)]
            })
    }

    private func unitsTable(_ awards: CampaignReport.Awards, number: Int) -> ReportTable {
        ReportTable(
            id: "khen-thuong-tap-the", title: t("report.table.award_units", [String(number)]),
            columns: [ReportColumn(t("report.column.number")), ReportColumn(t("report.column.unit"), numeric: false),
                      ReportColumn(t("report.column.registered")),
                      ReportColumn(t("report.column.completed_content", [String(awards.unitContent)])),
                      ReportColumn(t("report.column.percent"))],
            rows: awards.units.enumerated().map { index, unit in
                [.integer(index + 1), .text(unit.name), .integer(unit.registered), .integer(unit.completed),
                 .decimal(unit.percent)]
            })
    }

    private func assessment(_ report: CampaignReport, number: String) -> ReportSection {
        var paragraphs: [String] = []
        let below = report.coverage.filter { ($0.gap ?? 0) > 0 }
        if !report.coverage.contains(where: { $0.gap != nil }) {
            paragraphs.append(t("report.assessment.no_targets"))
        } else if below.isEmpty {
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

    /// "10/12/2026": the short form used inside a sentence and in an appendix's reference line.
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
