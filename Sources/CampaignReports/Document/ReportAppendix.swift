import Foundation

/// An appendix (phụ lục) after the closing, on a page of its own: "PHỤ LỤC", its title in capitals, the line
/// "(Kèm theo Báo cáo số …)" tying it to the document, then one table. The list of named people goes here,
/// not in the body, so the body can be passed around without it.
public struct ReportAppendix: Sendable, Hashable {
    /// "PHỤ LỤC" (or "PHỤ LỤC I" when there are several).
    public var label: String
    /// "DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG".
    public var title: String
    /// "(Kèm theo Báo cáo số 12/BC-UBND ngày 05 tháng 12 năm 2026 của Ủy ban nhân dân xã Kiến Thụy)".
    public var reference: String
    /// The appendix's table; its own title is for spreadsheets and CSV, the document shows `title` instead.
    public var table: ReportTable

    /// An appendix of `table` under `label` and `title`, tied to its document by `reference`.
    public init(label: String, title: String, reference: String, table: ReportTable) {
        self.label = label
        self.title = title
        self.reference = reference
        self.table = table
    }
}
