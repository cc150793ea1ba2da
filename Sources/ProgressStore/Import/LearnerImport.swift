import CSV
public import Foundation
import GRDB
public import LearningCore

/// Imports a unit's list of learners from CSV, all or nothing: every row is checked first, and only a file
/// with no refused row is written, in one transaction. Importing the same file again adds nobody: a row whose
/// learner is already there (same unit, same name compared as a kiosk compares it, same category, same phone or
/// both without one, not anonymised) is skipped and counted.
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

        /// A refused row, as the import reports it.
        public init(line: Int, column: String, reason: String, value: String) {
            self.line = line
            self.column = column
            self.reason = reason
            self.value = value
        }
    }

    /// What an import did.
    public struct Report: Sendable {
        /// Rows that passed every check; once imported, the learners written (those already there excluded).
        public var acceptedCount: Int
        public var problems: [Problem]
        /// True only when there was no problem and every new row was written.
        public var imported: Bool
        /// Rows whose learner was already in the store, so not added again.
        public var alreadyPresentCount: Int = 0
    }

    /// Called as PINs are hashed (from any thread): how many are done, out of how many.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    public static let requiredColumns = ["ho_ten", "don_vi", "doi_tuong"]
    public static let optionalColumns = ["so_dien_thoai", "ma_pin"]

    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Checks every row of `text`, then writes the new learners in one transaction if no row was refused,
    /// hashing their PINs on every core first (reporting to `progress`).
    public func run(csv text: String, at date: Date, progress: Progress? = nil) async throws -> Report {
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
            if name == nil {
                if LearnerValidation.hasForbiddenCharacters(field("ho_ten")) {
                    // Shown as <U+202E>: printed raw, the value would turn the message around too.
                    rowProblems.append(Problem(line: line, column: "ho_ten", reason: "invalid-name-characters",
                                               value: LearnerValidation.visible(field("ho_ten"))))
                } else {
                    refuse("ho_ten", ProgressError.Kind.invalidName.rawValue)
                }
            }
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
            let identity = [unitID, TextNormalizer.comparisonKey(name ?? ""), category?.rawValue ?? "", phone ?? ""]
                .joined(separator: "\u{1F}")
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
        // Rows already there are neither hashed nor written; checked again inside the write transaction.
        let present = try await database.writer.read { db in try Self.presentIdentities(db) }
        let fresh = accepted.filter { !present.contains(Self.identity(of: $0)) }
        // Hash PINs outside the write transaction, on every core: bcrypt is slow on purpose.
        let records = await Self.hashingPINs(of: fresh, with: database.hashing, progress: progress)
        let written = try await database.writer.write { db in
            let present = try Self.presentIdentities(db)
            var written = 0
            for var record in records where !present.contains(Self.identity(of: record)) {
                try record.insert(db)
                written += 1
            }
            return written
        }
        return Report(acceptedCount: written, problems: [], imported: true,
                      alreadyPresentCount: accepted.count - written)
    }

    /// What makes two learners the same person for an import: unit, name as a kiosk compares it, category, phone.
    static func identity(of record: LearnerRecord) -> String {
        [record.unitId, TextNormalizer.comparisonKey(record.displayName ?? ""), record.category, record.phone ?? ""]
            .joined(separator: "\u{1F}")
    }

    /// The identities of every learner not anonymised.
    static func presentIdentities(_ db: Database) throws -> Set<String> {
        Set(try LearnerRecord.filter(Column("anonymisedAt") == nil).fetchAll(db).map(identity(of:)))
    }

    /// `records` with their PINs (still in clear in `pinHash`) hashed in parallel, off Swift's cooperative
    /// threads: `DispatchQueue.concurrentPerform` runs one worker per core on Dispatch's own threads.
    static func hashingPINs(of records: [LearnerRecord], with hashing: SecretHashing,
                            progress: Progress?) async -> [LearnerRecord] {
        let pins = records.enumerated().compactMap { index, record in record.pinHash.map { (index, $0) } }
        guard !pins.isEmpty else { return records }
        let hashes = await withCheckedContinuation { (continuation: CheckedContinuation<[String], Never>) in
            DispatchQueue.global(qos: .userInitiated).async {
                let results = HashResults(count: pins.count)
                DispatchQueue.concurrentPerform(iterations: pins.count) { slot in
                    let done = results.store(hashing.hashPIN(pins[slot].1), at: slot)
                    progress?(done, pins.count)
                }
                continuation.resume(returning: results.values)
            }
        }
        var records = records
        for (slot, (index, _)) in pins.enumerated() {
            records[index].pinHash = hashes[slot]
        }
        return records
    }
}
