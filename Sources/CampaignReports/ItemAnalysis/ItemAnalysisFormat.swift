import Foundation

/// The formats of the item analysis (`hoctap report items --format`): a page for reading, tables for a
/// spreadsheet, JSON for other programs.
public enum ItemAnalysisFormat: String, Sendable, Hashable, CaseIterable {
    case html, csv, xlsx, json

    /// The file name extension.
    public var fileExtension: String { rawValue }

    /// The media type a download is served with.
    public var contentType: String {
        switch self {
        case .html: ReportFormat.html.contentType
        case .csv: ReportFormat.csv.contentType
        case .xlsx: ReportFormat.xlsx.contentType
        case .json: ReportFormat.json.contentType
        }
    }
}
