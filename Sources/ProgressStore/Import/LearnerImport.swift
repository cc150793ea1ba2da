import CSV
import Foundation
import GRDB
import LearningCore

/// Imports a unit's list of learners from CSV, all or nothing: every row is checked first, and only a file
/// with no refused row is written, in one transaction.
///
/// Columns (header row required, UTF-8, a BOM allowed): `ho_ten`, `don_vi`, `doi_tuong`, and optionally
/// `so_dien_thoai` and `ma_pin`. `doi_tuong` takes a category code (`can-bo`, `nguoi-dan` …).
public struct LearnerImport: Sendable {
    /// One refused row: its line in the file, the column, and why (a stable key for the message).
    public struct Problem: Sendable, Hashable {
        public var line: Int
        public var column: String
        public var reason: String
        public var value: String
    }

    /// What an import did.
    public struct Report: Sendable {
        /// Rows that passed every check.
        public var acceptedCount: Int
        public var problems: [Problem]
        /// True only when there was no problem and every row was written.
        public var imported: Bool
    }

    public static let requiredColumns = ["ho_ten", "don_vi", "doi_tuong"]
    public static let optionalColumns = ["so_dien_thoai", "ma_pin"]

    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    public func run(csv text: String, at date: Date) async throws -> Report {
        let units = Dictionary(uniqueKeysWithValues: try await database.units().map { ($0.id, $0) })
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true)
        } catch {
            return Report(acceptedCount: 0, problems: [Problem(line: 1, column: "", reason: "unreadable-csv",
                                                               value: "\(error)")], imported: false)
        }
        let header = (reader.headerRow ?? []).map { TextNormalizer.trimmed($0).lowercased() }
        var problems = Self.requiredColumns.filter { !header.contains($0) }.map {
            Problem(line: 1, column: $0, reason: "missing-column", value: "")
        }
        problems += header.filter { !(Self.requiredColumns + Self.optionalColumns).contains($0) }.map {
            Problem(line: 1, column: $0, reason: "unknown-column", value: "")
        }
        guard problems.isEmpty else { return Report(acceptedCount: 0, problems: problems, imported: false) }

        var accepted: [LearnerRecord] = []
        var seen: Set<String> = []
        var line = 1
        while let row = reader.next() {
            line += 1
            if row.allSatisfy({ $0.isEmpty }) { continue }
            let field = { (name: String) -> String in
                guard let index = header.firstIndex(of: name), index < row.count else { return "" }
                return TextNormalizer.nfc(TextNormalizer.trimmed(row[index]))
            }
            var rowProblems: [Problem] = []
            func refuse(_ column: String, _ reason: String) {
                rowProblems.append(Problem(line: line, column: column, reason: reason, value: field(column)))
            }
            let name = try? LearnerValidation.name(field("ho_ten"))
            if name == nil { refuse("ho_ten", ProgressError.Kind.invalidName.rawValue) }
            let unitID = field("don_vi")
            if units[unitID] == nil || units[unitID]?.retiredAt != nil {
                refuse("don_vi", ProgressError.Kind.unknownUnit.rawValue)
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
            let identity = "\(name ?? "")|\(unitID)|\(phone ?? "")"
            if rowProblems.isEmpty, !seen.insert(identity).inserted { refuse("ho_ten", "duplicate-row") }
            problems += rowProblems
            if rowProblems.isEmpty, let name, let category {
                accepted.append(LearnerRecord(
                    id: nil, displayName: name, unitId: unitID, category: category.rawValue, phone: phone,
                    pinHash: pin.isEmpty ? nil : pin, createdAt: date, anonymisedAt: nil))
            }
        }
        guard problems.isEmpty else {
            return Report(acceptedCount: accepted.count, problems: problems, imported: false)
        }
        // Hash PINs outside the write transaction: bcrypt is slow on purpose.
        let hashing = database.hashing
        let records = accepted.map { record in
            var record = record
            record.pinHash = record.pinHash.map(hashing.hashPIN)
            return record
        }
        try await database.writer.write { db in
            for var record in records {
                try record.insert(db)
            }
        }
        return Report(acceptedCount: records.count, problems: [], imported: true)
    }
}
