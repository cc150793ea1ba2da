import CampaignReports
import CourseContent
import Foundation
import HTTPTypes
import Hummingbird
import LearningCore

/// "Báo cáo": the yearly report, the reviews and the award proposals, for the commune or a unit, in every
/// format the CLI writes, through the same `ReportRequest` and renderers. The clerk may fill in the document
/// number and date first. Downloads carry a safe file name; a clerk asking for another unit is refused (403).
struct StaffReportRoutes: Sendable {
    let pages: StaffPages
    var services: KioskServices { pages.services }

    func register(on router: Router<KioskRequestContext>) {
        router.get("/can-bo/bao-cao") { _, context in try await form(context) }
        router.get("/can-bo/bao-cao/tai") { request, context in try await download(request, context) }
        router.get("/can-bo/bao-cao/cau-hoi") { request, context in try await itemAnalysis(request, context) }
    }

    func form(_ context: KioskRequestContext) async throws -> Response {
        let session = try await pages.requireStaff(context)
        var page = pages.base(services.messages.text("can_bo.menu.reports"), session, current: "/can-bo/bao-cao")
        let campaign = services.campaign
        let thisYear = StaffPeriod.reportingYear(containing: services.learning.clock.now(), campaign)
        page["years"] = (campaign.startYear...campaign.finalReviewYear).map { ["year": $0, "selected": $0 == thisYear] }
        page["startYear"] = campaign.startYear
        page["midTermYear"] = campaign.midTermReviewYear
        page["finalYear"] = campaign.finalReviewYear
        page["units"] = pages.units(for: session.identity, selected: session.identity.unitID)
        page["allUnits"] = session.identity.role != .unitClerk
        page["formats"] = ReportFormat.allCases.map {
            ["id": $0.rawValue, "name": services.messages.text("can_bo.format.\($0.rawValue)")]
        }
        if services.reporting == nil { page["unavailable"] = services.messages.text("can_bo.reports_unavailable") }
        // The item analysis counts the whole commune's attempts: offered to commune staff only.
        if services.itemAnalysis != nil && session.identity.role != .unitClerk {
            page["itemAnalysis"] = [
                "courses": services.learning.catalog.courses.filter { !$0.quizzes.isEmpty }
                    .map { ["id": $0.id, "title": $0.title] },
                "formats": ItemAnalysisFormat.allCases.map {
                    ["id": $0.rawValue, "name": services.messages.text("can_bo.format.\($0.rawValue)")]
                },
            ]
        }
        return try pages.render("staff-reports", page)
    }

    func download(_ request: Request, _ context: KioskRequestContext) async throws -> Response {
        let session = try await pages.requireStaff(context)
        let query = request.uri.queryParameters
        let campaign = services.campaign
        guard let kind = query["loai"].flatMap({ CampaignReport.Kind(rawValue: String($0)) }) else {
            throw WebInputError(.malformed, "loai")
        }
        guard let format = query["dinh-dang"].flatMap({ ReportFormat(rawValue: String($0)) }) else {
            throw WebInputError(.malformed, "dinh-dang")
        }
        guard let year = query["nam"].flatMap({ Int($0) }), (campaign.startYear...campaign.finalReviewYear).contains(year)
        else { throw WebInputError(.malformed, "nam") }
        let unitID = query["don-vi"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        _ = try services.staff.reportUnit(session.identity, unitID: unitID, units: campaign.units)
        guard let reporting = services.reporting else { throw WebInputError(.reportsUnavailable) }
        let scope = try services.staff.reporting(session.identity, unitID: unitID, units: campaign.units,
                                                 over: reporting)
        let number = query["so"].map { TextNormalizer.nfc(TextNormalizer.trimmed($0)) }.flatMap { $0.isEmpty ? nil : $0 }
        var date: Date?
        if let raw = query["ngay"], !raw.isEmpty {
            guard let day = StaffPeriod.day(String(raw), campaign) else { throw WebInputError(.malformed, "ngay") }
            date = day
        }
        let report = ReportRequest(kind: kind, year: year, unitID: scope.unitID, number: number, date: date)
        let data = try await report.render(format, figures: scope.figures, catalog: services.learning.catalog,
                                           campaign: campaign, clock: services.learning.clock,
                                           words: services.messages)
        return Response(status: .ok, headers: [
            .contentType: format.contentType,
            .contentDisposition: "attachment; filename=\"\(report.fileName(format))\"",
        ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// "Phân tích câu hỏi": a course's item analysis for a reporting year, as `hoctap report items` writes it.
    func itemAnalysis(_ request: Request, _ context: KioskRequestContext) async throws -> Response {
        let session = try await pages.requireStaff(context)
        let query = request.uri.queryParameters
        let campaign = services.campaign
        guard let courseID = query["khoa"].map(String.init), !courseID.isEmpty else {
            throw WebInputError(.malformed, "khoa")
        }
        guard let format = query["dinh-dang"].flatMap({ ItemAnalysisFormat(rawValue: String($0)) }) else {
            throw WebInputError(.malformed, "dinh-dang")
        }
        guard let year = query["nam"].flatMap({ Int($0) }), (campaign.startYear...campaign.finalReviewYear).contains(year)
        else { throw WebInputError(.malformed, "nam") }
        guard let repository = services.itemAnalysis else { throw WebInputError(.reportsUnavailable) }
        let period = ReportingPeriod.year(year, deadline: campaign.yearlyDeadline, timeZone: campaign.timeZone)
        let analysis = try await services.staff.itemAnalysis(
            session.identity, courseID: courseID, period: period, catalog: services.learning.catalog,
            over: repository)
        let data = try ItemAnalysisRenderer.render(analysis, as: format, words: services.messages,
                                                   timeZone: campaign.timeZone)
        // The course id is a folder name (letters, digits, hyphens), safe in a file name.
        let name = "phan-tich-cau-hoi-\(analysis.courseID)-\(year).\(format.fileExtension)"
        return Response(status: .ok, headers: [
            .contentType: format.contentType,
            .contentDisposition: "attachment; filename=\"\(name)\"",
        ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
