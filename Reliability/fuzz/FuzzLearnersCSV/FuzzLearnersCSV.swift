// libFuzzer harness for the learners CSV reader (`CommaSeparatedText`, `LearnerImportRules`): part 1 of
// `make reliability`. An input is the bytes of an uploaded learner list; like the staff import it is read as UTF-8
// (other bytes are refused before the reader), then checked as a unit clerk's and as an admin's import. Traps
// when a property of the reader fails: records written back as quoted CSV must read back to the same fields, and
// every problem must have its Vietnamese message. Built with -DFUZZING it runs libFuzzer's driver; otherwise it is a
// reproducer that replays the files given as arguments.
import CourseContent
import Foundation
import LearningCore
#if FUZZING
import CLibFuzzer
#endif

/// The units an input's rows may name, one of them retired.
enum FuzzLearners {
    static let units = [
        CommuneUnit(id: "thon-1", name: "Thôn 1", kind: .village),
        CommuneUnit(id: "thon-2", name: "Thôn 2", kind: .village),
        CommuneUnit(id: "thon-cu", name: "Thôn cũ", kind: .village, retiredAt: Date(timeIntervalSince1970: 0)),
    ]
    static let messages = MessageCatalog.bundled

    /// Runs the harness once on a valid input of each kind.
    static func warmUp() {
        // Globals made on first use (the units, the messages) are made before libFuzzer counts allocations:
        // LeakSanitizer cannot follow Swift's tagged pointers into them and would report them.
        Array(LearnerImportRules.templateCSV.utf8).withUnsafeBufferPointer { run($0) }
    }

    static func run(_ input: UnsafeBufferPointer<UInt8>) {
        guard let text = String(validating: input, as: UTF8.self) else { return }
        if let records = try? CommaSeparatedText.records(text) {
            // Written back with every field quoted, the records read back to the same fields.
            // Quotes doubled scalar by scalar: a quote followed by a combining mark is one Character.
            let written = records.map { record in
                record.fields.map { field in
                    "\"" + String(String.UnicodeScalarView(field.unicodeScalars.flatMap {
                        $0 == "\"" ? [$0, $0] : [$0]
                    })) + "\""
                }.joined(separator: ",") + "\n"
            }.joined()
            guard let again = try? CommaSeparatedText.records(written),
                  again.map(\.fields) == records.map(\.fields) else {
                fatalError("records do not survive being written back as CSV")
            }
            guard zip(records, records.dropFirst()).allSatisfy({ $0.line < $1.line }),
                  records.first.map({ $0.line >= 1 }) ?? true else {
                fatalError("record lines out of order")
            }
        }
        for allowedUnitID in [nil, "thon-1"] {
            let checked = LearnerImportRules.check(csv: text, units: units, allowedUnitID: allowedUnitID)
            for problem in checked.problems {
                guard messages.contains(problem.messageKey), problem.line >= 1 else {
                    fatalError("problem without its message or line: \(problem)")
                }
            }
            for row in checked.rows where row.learner.displayName.isEmpty || row.learner.unitID != "thon-1"
                && (allowedUnitID != nil || row.learner.unitID != "thon-2") {
                fatalError("a row passed that should not have: \(row)")
            }
        }
    }
}

/// With -DFUZZING (and -sanitize=fuzzer) libFuzzer's driver with its usual options; otherwise a reproducer that
/// replays inputs (a crash file, a corpus) without libFuzzer: `FuzzLearnersCSV FILE…`.
@main
enum Harness {
    static func main() throws {
        #if FUZZING
        FuzzLearners.warmUp()
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzLearners.run(UnsafeBufferPointer(start: data, count: size))
            return 0
        })
        #else
        for path in CommandLine.arguments.dropFirst() {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            bytes.withUnsafeBufferPointer { FuzzLearners.run($0) }
            print("ok \(path)")
        }
        #endif
    }
}
