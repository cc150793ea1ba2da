import CampaignReports
import CourseContent
import Foundation
import HTTPTypes
import Hummingbird
import LearningCore

/// The printable certificate of completion (giấy chứng nhận hoàn thành khoá học): the page `certificate`
/// (one A4 landscape sheet when printed, `certificate.css`) with the issuing body's administrative header,
/// the person, their unit, the course, the date, the score, the code, and the QR code of the public
/// verification address. Shared by every route that shows a certificate: the learner's own at
/// `/chung-nhan/{code}`, and the staff area's (which gets the view from `LearningService.certificate(for:code:)`
/// and calls `render` with its own page base and back link).
enum CertificatePage {
    /// The certificate page as an HTML response.
    ///
    /// - Parameters:
    ///   - view: the certificate, from `LearningService.certificate(_:code:)` or `certificate(for:code:)`.
    ///   - verificationURL: the public address its QR code points to (`verificationURL(code:request:context:configuration:)`).
    ///   - pages: the page helpers (templates, campaign, strings).
    ///   - context: the request's context (session, cookie).
    ///   - base: the page's base context; nil for the learner's (`pages.base`, with the learner's header).
    ///   - backURL: where "Quay lại" goes (the learner's results by default).
    static func render(view: CertificateView, verificationURL: String, pages: Pages, context: KioskRequestContext,
                       base: [String: Any]? = nil, backURL: String = "/ket-qua-cua-toi") throws -> Response {
        let messages = pages.services.messages
        var page = base ?? pages.base(messages.text("web.certificate.title"), context)
        page.merge(try Self.context(view, verificationURL: verificationURL, campaign: pages.services.campaign,
                                    messages: messages)) { _, new in new }
        page["backUrl"] = backURL
        return try pages.render("certificate", page, context)
    }

    /// What the `certificate` template sees (without the page base).
    static func context(_ view: CertificateView, verificationURL: String, campaign: CampaignConfiguration,
                        messages: MessageCatalog) throws -> [String: Any] {
        let qr = try QRCodeSVG(verificationURL)
        let day = Self.dayMonthYear(view.completedAt, timeZone: campaign.timeZone)
        var page: [String: Any] = [
            "issuer": campaign.issuer, "issuerLines": IssuerName.lines(campaign.issuer), "place": campaign.place,
            "holderName": view.learnerName, "unitName": view.unitName, "courseTitle": view.courseTitle,
            "date": Pages.date(view.completedAt), "day": day.day, "month": day.month, "year": day.year,
            "code": view.verificationCode, "verificationUrl": verificationURL,
            "qrSVG": qr.svg(title: messages.text("web.certificate.qr_title", [verificationURL])),
        ]
        if let percent = view.percent { page["percent"] = percent }
        // Long ones get smaller type, so that the sheet stays one page.
        page["longName"] = view.learnerName.count > Self.longNameLength
        page["longCourseTitle"] = view.courseTitle.count > Self.longCourseTitleLength
        return page
    }

    /// Names longer than this many characters are set smaller (names may have up to 100).
    static let longNameLength = 26
    /// Course titles longer than this many characters are set smaller.
    static let longCourseTitleLength = 40

    /// `/xac-minh/{code}`: the public check of a code.
    static func verificationPath(_ code: String) -> String { "/xac-minh/\(PageContext.pathSegment(code))" }

    /// The address a certificate's QR code points to: `WebConfiguration.publicBaseURL` when set, otherwise the
    /// address the request was made to (its `Host`, http, or https when the request came over TLS), and the
    /// listening address when the request names none usable. Nothing else the client sends is used.
    static func verificationURL(code: String, request: Request, context: KioskRequestContext,
                                configuration: WebConfiguration) -> String {
        let base: String
        if let configured = configuration.publicBaseURL {
            base = configured.absoluteString
        } else if let host = request.head.authority, Self.isPlainHost(host) {
            base = "\(context.isSecure ? "https" : "http")://\(host.lowercased())"
        } else {
            base = configuration.address
        }
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        return trimmed + verificationPath(code)
    }

    /// Whether a `Host` value is a host name or address with an optional port and nothing else, so that no
    /// path, user or markup can ride into the printed address.
    static func isPlainHost(_ host: String) -> Bool {
        guard (1...255).contains(host.utf8.count) else { return false }
        let port: Substring?
        if host.hasPrefix("[") {
            // An IPv6 literal: hex digits, colons and dots between the brackets.
            guard let close = host.firstIndex(of: "]") else { return false }
            let literal = host[host.index(after: host.startIndex)..<close]
            guard !literal.isEmpty, literal.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                return false
            }
            let rest = host[host.index(after: close)...]
            guard rest.isEmpty || rest.first == ":" else { return false }
            port = rest.isEmpty ? nil : rest.dropFirst()
        } else {
            let parts = host.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0]
            guard let first = name.first, first != ".", first != "-",
                  name.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "." || $0 == "-" })
            else { return false }
            port = parts.count == 2 ? parts[1] : nil
        }
        guard let port else { return true }
        return (1...5).contains(port.count) && port.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Day and month with two digits, and the year, in the campaign's time zone ("ngày 05 tháng 12 năm 2026").
    static func dayMonthYear(_ date: Date, timeZone: TimeZone) -> (day: String, month: String, year: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.day, .month, .year], from: date)
        func twoDigits(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : String(value)
        }
        return (twoDigits(parts.day), twoDigits(parts.month), String(parts.year ?? 0))
    }
}
