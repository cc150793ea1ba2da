import CampaignReports
import CourseContent
import Foundation
import Hummingbird
import LearningCore

/// "Tổng quan": for a period (the reporting year by default, or chosen dates), per unit and per course the
/// registered, active, completions, completion rate and average score; coverage against the targets per
/// category with the gap in people; the days left until the yearly deadline; units with no activity. The
/// figures are the reports' own (`ReportBuilder`, over the store's aggregates), read through
/// `StaffService.reporting`, which restricts a clerk to their unit. Charts are the reports' inline SVG.
struct StaffDashboardRoutes: Sendable {
    let pages: StaffPages
    var services: KioskServices { pages.services }

    func register(on router: Router<KioskRequestContext>) {
        router.get("/can-bo/tong-quan") { request, context in try await dashboard(request, context) }
    }

    func dashboard(_ request: Request, _ context: KioskRequestContext) async throws -> Response {
        let session = try await pages.requireStaff(context)
        let staff = session.identity
        let query = request.uri.queryParameters
        let requestedUnit = query["don-vi"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        var page = pages.base(services.messages.text("can_bo.menu.dashboard"), session, current: "/can-bo/tong-quan")
        // The role first: a clerk asking for another unit is refused whatever the server holds.
        _ = try services.staff.reportUnit(staff, unitID: requestedUnit, units: services.campaign.units)
        guard let reporting = services.reporting else {
            page["unavailable"] = services.messages.text("can_bo.reports_unavailable")
            return try pages.render("staff-dashboard", page, status: .serviceUnavailable)
        }
        let scope = try services.staff.reporting(staff, unitID: requestedUnit, units: services.campaign.units,
                                                 over: reporting)
        let span = try StaffPeriod.read(from: query["tu"].map(String.init), to: query["den"].map(String.init),
                                        campaign: services.campaign, now: services.learning.clock.now())
        let builder = ReportBuilder(repository: scope.figures, catalog: services.learning.catalog,
                                    campaign: services.campaign, clock: services.learning.clock, unitID: scope.unitID)
        let report = try await builder.overview(period: span.period, year: span.year, label: span.label)

        page["units"] = pages.units(for: staff, selected: scope.unitID)
        page["allUnits"] = staff.role != .unitClerk
        page["from"] = span.from
        page["to"] = span.to
        page["periodLabel"] = span.label
        page["scopeName"] = scope.unitID.map(pages.unitName) ?? services.campaign.issuer
        page["totals"] = figures(report.totals)
        page["byUnit"] = report.byUnit.map { row -> [String: Any] in
            var item = figures(row.figures)
            item["name"] = row.name
            item["inactive"] = row.figures.active == 0
            return item
        }
        page["byCourse"] = report.byCourse.map { row -> [String: Any] in
            var item = figures(row.figures)
            item["name"] = row.title
            return item
        }
        page["coverage"] = report.coverage.map { row -> [String: Any] in
            [
                "category": pages.categoryName(row.category.rawValue), "population": row.population,
                "reached": row.reachedByEnd, "percent": percent(row.percent),
                "target": row.targetPercent.map { "\($0)%" } ?? "—",
                "gap": row.gap.map(String.init) ?? "—", "met": row.gap == 0,
            ]
        }
        page["hasCoverage"] = !report.coverage.isEmpty
        if let deadline = report.deadline {
            page["daysLeft"] = services.messages.text("can_bo.dashboard.days_left",
                                                      [String(deadline.daysLeft), Pages.date(deadline.deadline)])
            page["inactiveUnits"] = deadline.inactiveUnits.map(pages.unitName).joined(separator: ", ")
            page["hasInactive"] = !deadline.inactiveUnits.isEmpty
        }
        let unitBars = report.byUnit.map { BarChart.Bar(label: $0.name, value: $0.figures.completionRate ?? 0) }
        if report.byUnit.count > 1 {
            page["unitChart"] = BarChart(title: services.messages.text("can_bo.dashboard.chart_units"),
                                         bars: unitBars).svg
        }
        page["courseChart"] = BarChart(
            title: services.messages.text("can_bo.dashboard.chart_courses"),
            bars: report.byCourse.map { BarChart.Bar(label: $0.title, value: $0.figures.completionRate ?? 0) }).svg
        return try pages.render("staff-dashboard", page)
    }

    /// The columns every row shows.
    func figures(_ figures: ActivityFigures) -> [String: Any] {
        [
            "registered": figures.registered, "active": figures.active, "enrolments": figures.enrolments,
            "completions": figures.courseCompletions, "rate": percent(figures.completionRate),
            "average": figures.averageScore.map(VietnameseFormat.decimal) ?? "—",
        ]
    }

    func percent(_ value: Double?) -> String {
        value.map { VietnameseFormat.decimal($0) + "%" } ?? "—"
    }
}
