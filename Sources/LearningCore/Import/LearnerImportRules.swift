/// The rules a learner list (CSV) must meet before anything is imported, the same for every store: the columns,
/// each row's name, unit, category, phone and PIN, no row twice, and for a unit clerk, only their own unit.
///
/// Columns (header row required, UTF-8, a BOM allowed): `ho_ten`, `don_vi`, `doi_tuong`, and optionally
/// `so_dien_thoai` and `ma_pin`. `doi_tuong` takes a category code (`can-bo`, `nguoi-dan` …).
public enum LearnerImportRules {
    /// Columns every list has.
    public static let requiredColumns = ["ho_ten", "don_vi", "doi_tuong"]
    /// Columns a list may have.
    public static let optionalColumns = ["so_dien_thoai", "ma_pin"]

    /// A list to fill in (the staff area's "download a template"): the header and one example row. It starts
    /// with a byte order mark so that Excel opens it as UTF-8 and keeps the diacritics; the import skips it.
    public static let templateCSV = "\u{FEFF}ho_ten,don_vi,doi_tuong,so_dien_thoai,ma_pin\n"
        + "Nguyễn Thị Lan,thon-1,nguoi-dan,0912345678,2468\n"

    /// One row that passed every check.
    public struct Row: Sendable, Hashable {
        /// Its line in the file.
        public var line: Int
        /// The learner to add: name trimmed and in NFC, phone compacted, PIN still in clear.
        public var learner: NewLearner

        /// A row to import.
        public init(line: Int, learner: NewLearner) {
            self.line = line
            self.learner = learner
        }

        /// The row's identity for "already there" (see `identity(unitID:displayName:category:phone:)`).
        public var identity: String {
            LearnerImportRules.identity(unitID: learner.unitID, displayName: learner.displayName,
                                        category: learner.category.rawValue, phone: learner.phone)
        }
    }

    /// The rows that passed and the problems found; nothing may be imported unless `problems` is empty.
    public struct Checked: Sendable, Hashable {
        /// The rows to import, in the order of the file.
        public var rows: [Row]
        /// Every refused cell, in the order of the file.
        public var problems: [LearnerImportProblem]
    }

    /// Checks every row of `csv` against the active `units`. With `allowedUnitID` (a unit clerk's import), a row
    /// of any other unit is a problem (`other-unit`).
    public static func check(csv: String, units: [CommuneUnit], allowedUnitID: String?) -> Checked {
        let records: [CommaSeparatedText.Record]
        do throws(CommaSeparatedText.Unreadable) {
            records = try CommaSeparatedText.records(csv)
        } catch {
            return Checked(rows: [], problems: [
                LearnerImportProblem(line: error.line, column: "", reason: "unreadable-csv", value: ""),
            ])
        }
        let header = (records.first?.fields ?? []).map { TextNormalizer.trimmed($0).lowercased() }
        var problems = requiredColumns.filter { !header.contains($0) }.map {
            LearnerImportProblem(line: 1, column: $0, reason: "missing-column", value: "")
        }
        problems += header.filter { !(requiredColumns + optionalColumns).contains($0) }.map {
            LearnerImportProblem(line: 1, column: LearnerValidation.visible($0), reason: "unknown-column", value: "")
        }
        guard problems.isEmpty else { return Checked(rows: [], problems: problems) }

        let active = Set(units.filter { $0.retiredAt == nil }.map(\.id))
        var rows: [Row] = []
        var seen: Set<String> = []
        for record in records.dropFirst() where !record.fields.allSatisfy({ $0.isEmpty }) {
            let field = { (name: String) -> String in
                guard let index = header.firstIndex(of: name), index < record.fields.count else { return "" }
                return TextNormalizer.nfc(TextNormalizer.trimmed(record.fields[index]))
            }
            var rowProblems: [LearnerImportProblem] = []
            func refuse(_ column: String, _ reason: String) {
                rowProblems.append(LearnerImportProblem(line: record.line, column: column, reason: reason,
                                                        value: LearnerValidation.visible(field(column))))
            }
            let name = try? LearnerValidation.name(field("ho_ten"))
            if name == nil {
                refuse("ho_ten", LearnerValidation.hasForbiddenCharacters(field("ho_ten"))
                    ? ProgressError.Kind.invalidNameCharacters.rawValue : ProgressError.Kind.invalidName.rawValue)
            }
            let unitID = field("don_vi")
            if !active.contains(unitID) {
                refuse("don_vi", ProgressError.Kind.unknownUnit.rawValue)
            } else if let allowedUnitID, unitID != allowedUnitID {
                refuse("don_vi", "other-unit")
            }
            let category = LearnerCategory(rawValue: field("doi_tuong"))
            if category == nil { refuse("doi_tuong", "unknown-category") }
            var phone: String?
            do { phone = try LearnerValidation.phone(field("so_dien_thoai")) } catch {
                refuse("so_dien_thoai", ProgressError.Kind.invalidPhone.rawValue)
            }
            let pin = field("ma_pin")
            if !pin.isEmpty, (try? LearnerValidation.pin(pin)) == nil {
                refuse("ma_pin", ProgressError.Kind.invalidPIN.rawValue)
            }
            if rowProblems.isEmpty, let name, let category {
                let row = Row(line: record.line, learner: NewLearner(
                    displayName: name, unitID: unitID, category: category, phone: phone, pin: pin.isEmpty ? nil : pin))
                if seen.insert(row.identity).inserted {
                    rows.append(row)
                } else {
                    refuse("ho_ten", "duplicate-row")
                }
            }
            problems += rowProblems
        }
        return Checked(rows: rows, problems: problems)
    }

    /// What makes two learners the same person for an import: unit, name as a kiosk compares it, category and
    /// phone (or both without one).
    public static func identity(unitID: String, displayName: String, category: String, phone: String?) -> String {
        [unitID, TextNormalizer.comparisonKey(displayName), category, phone ?? ""].joined(separator: "\u{1F}")
    }
}
