public import Foundation

/// The formats a report is written in, by the CLI and by the staff area alike, each through its renderer.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    case html, docx, md, csv, xlsx, json

    /// The file name extension.
    public var fileExtension: String { rawValue }

    /// The media type a download is served with.
    public var contentType: String {
        switch self {
        case .html: "text/html; charset=utf-8"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .md: "text/markdown; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .json: "application/json"
        }
    }

    /// The report in this format: the document through its renderer, or the figures as JSON (what the city
    /// merges).
    public func render(_ report: CampaignReport, as document: ReportDocument) throws -> Data {
        switch self {
        case .html: Data(HTMLRenderer.render(document).utf8)
        case .md: Data(MarkdownRenderer.render(document).utf8)
        case .csv: Data(CSVRenderer.render(document).utf8)
        case .json: try JSONReportCoder.encode(report)
        case .docx: try DOCXRenderer.render(document)
        case .xlsx: try XLSXRenderer.render(document)
        }
    }
}
