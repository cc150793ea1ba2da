import Foundation
import HTTPTypes
import Hummingbird
import LearningCore
import MultipartKit
import NIOCore

/// "Nhập danh sách": a learners CSV uploaded from the browser (`multipart/form-data`, up to 2 MiB), imported all
/// or nothing by `StaffService.importLearners`: when any row is wrong, the page lists every wrong row by line and
/// column and nothing is imported. A clerk may import only their own unit's rows. A template CSV to download.
struct StaffImportRoutes: Sendable {
    let pages: StaffPages
    var services: KioskServices { pages.services }
    /// The largest CSV accepted: about 20,000 rows.
    static let maxUploadBytes = 2 * 1024 * 1024

    /// The multipart form: the CSRF token and the file.
    struct Upload: Decodable {
        var csrf: String
        var file: Data
    }

    func register(on router: Router<KioskRequestContext>) {
        router.get("/can-bo/nhap-danh-sach") { _, context in
            let session = try await pages.requireStaff(context)
            return try pages.render("staff-import", page(session))
        }
        router.get("/can-bo/nhap-danh-sach/mau.csv") { _, context in
            _ = try await pages.requireStaff(context)
            return Response(status: .ok, headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"mau-danh-sach-nguoi-hoc.csv\"",
            ], body: ResponseBody(byteBuffer: ByteBuffer(string: LearnerImportRules.templateCSV)))
        }
        router.post("/can-bo/nhap-danh-sach") { request, context in try await upload(request, context) }
    }

    func page(_ session: StaffSession) -> [String: Any] {
        var page = pages.base(services.messages.text("can_bo.menu.import"), session, current: "/can-bo/nhap-danh-sach")
        page["maxMiB"] = Self.maxUploadBytes / 1024 / 1024
        page["isClerk"] = session.identity.role == .unitClerk
        page["clerkUnit"] = session.identity.unitID.map(pages.unitName) ?? ""
        page["units"] = pages.units(for: session.identity, selected: nil)
        return page
    }

    func upload(_ request: Request, _ context: KioskRequestContext) async throws -> Response {
        let session = try await pages.requireStaff(context)
        let type = request.headers[.contentType] ?? ""
        guard type.lowercased().hasPrefix("multipart/form-data"),
              let boundary = type.split(separator: ";").lazy
                .map({ $0.trimmingCharacters(in: .whitespaces) })
                .first(where: { $0.lowercased().hasPrefix("boundary=") })
                .map({ String($0.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) })
        else { throw WebInputError(.unsupportedType) }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.maxUploadBytes)
        } catch {
            throw WebInputError(.uploadTooLarge, String(Self.maxUploadBytes / 1024 / 1024))
        }
        let form: Upload
        do {
            form = try FormDataDecoder().decode(Upload.self, from: body, boundary: boundary)
        } catch {
            throw WebInputError(.malformed, "file")
        }
        guard SessionToken.matches(form.csrf, session.csrfToken) else { throw WebInputError(.csrf) }
        var page = page(session)
        guard let text = String(data: form.file, encoding: .utf8) else {
            page["error"] = services.messages.text("web.input.not-utf8")
            return try pages.render("staff-import", page, status: .badRequest)
        }
        let report = try await services.staff.importLearners(session.identity, csv: text)
        page["done"] = true
        page["imported"] = report.imported
        page["acceptedCount"] = report.acceptedCount
        page["alreadyPresentCount"] = report.alreadyPresentCount
        page["hasAlreadyPresent"] = report.alreadyPresentCount > 0
        page["problems"] = report.problems.map { problem -> [String: Any] in
            ["line": problem.line, "column": problem.column, "value": problem.value,
             "reason": services.messages.text(problem.messageKey)]
        }
        page["hasProblems"] = !report.problems.isEmpty
        return try pages.render("staff-import", page, status: report.imported ? .ok : .unprocessableContent)
    }
}
