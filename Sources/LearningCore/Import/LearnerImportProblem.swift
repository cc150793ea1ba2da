/// One refused cell of a learner list: the line of the file, the column, why (a stable key worded under `import.`
/// in `Content/strings/vi.yaml`) and the value found, made safe to print.
public struct LearnerImportProblem: Sendable, Hashable, Codable {
    /// The line of the file, from 1 (the header); a quoted field spanning lines counts from its record's start.
    public var line: Int
    /// The column's header (`ho_ten`, `don_vi` …); empty when the whole file is concerned.
    public var column: String
    /// Why: `missing-column`, `unknown-column`, `unreadable-csv`, `invalid-name`, `invalid-name-characters`,
    /// `unknown-unit`, `other-unit`, `unknown-category`, `invalid-phone`, `invalid-pin` or `duplicate-row`.
    public var reason: String
    /// The value refused (control and direction characters shown as `<U+XXXX>`).
    public var value: String

    /// A refused cell, as the import reports it.
    public init(line: Int, column: String, reason: String, value: String) {
        self.line = line
        self.column = column
        self.reason = reason
        self.value = value
    }

    /// The key of the reason's wording (`import.unknown-unit`).
    public var messageKey: String { "import.\(reason)" }
}
