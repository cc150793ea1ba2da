import CampaignReports
import CourseContent
import Foundation
@testable import HocTapCLI
import LearningCore
import PostgresStore
import PostgresTestSupport
import ProgressStore
import Testing
import TestSupport

/// The city's report from PostgreSQL equals `report merge` of the communes' own JSON reports, figure for figure:
/// three communes with generated histories in their SQLite files, the same histories copied into one city
/// database, and every kind of report (yearly, review, awards) built from each side and merged; and
/// `hoctap report … --city` prints byte for byte what `hoctap report merge` prints for the communes' files.
@Suite("The city's reports from PostgreSQL equal the merge of the communes' reports",
       .enabled(if: PostgresTestServer.isAvailable, Comment(rawValue: PostgresTestServer.skipReason)))
struct CityReportTests {
    /// A commune: the fixture's hand-counted history, and more learners, attempts and completions drawn from
    /// `seed`, so that no two communes are alike.
    static func commune(seed: UInt64) async throws -> ReportFixture {
        let fixture = try await ReportFixture()
        var random = SplitMix64(seed: seed)
        let units = ReportFixture.campaign.units.map(\.id)
        for index in 0..<(8 + Int(seed) * 3) {
            let at = ReportFixture.local(2025 + Int.random(in: 0...2, using: &random),
                                         Int.random(in: 1...12, using: &random), Int.random(in: 1...28, using: &random))
            let learner = try await fixture.store.register(NewLearner(
                displayName: "Người \(seed)-\(index)", unitID: units.randomElement(using: &random)!,
                category: Bool.random(using: &random) ? .citizens : .officials), at: at.addingTimeInterval(-86_400 * 30))
            if Bool.random(using: &random) {
                try await fixture.store.recordConsent(ConsentEvent(learnerID: learner.id, purpose: .reporting,
                                                                   noticeVersion: "2026-01", given: true, at: at))
            }
            for course in ["c1", "c2", "c3"] where Int.random(in: 0..<3, using: &random) > 0 {
                let correct = Int.random(in: 2...5, using: &random)
                let questions = (0..<5).map {
                    QuestionResult(questionID: "\(course)/q\($0)", contentHash: "h", response: .choices(["a"]),
                                   credit: $0 < correct ? .full : .zero)
                }
                _ = try await fixture.store.recordAttempt(AttemptRecord(
                    attemptID: "\(seed)-\(index)-\(course)", learnerID: learner.id, courseID: course,
                    courseVersion: 1, quizID: "\(course)/quiz", isFinalQuiz: true, seed: 1,
                    startedAt: at.addingTimeInterval(-600), submittedAt: at,
                    result: QuizResult(questions: questions, passMark: 80)))
                if correct >= 4 {
                    _ = try await fixture.store.recordCompletion(learnerID: learner.id, courseID: course,
                                                                 courseVersion: 1, percent: correct * 20, at: at)
                }
            }
        }
        return fixture
    }

    /// The fixture's campaign as commune `index` issues its reports.
    static func campaign(_ index: Int) -> CampaignConfiguration {
        var campaign = ReportFixture.campaign
        campaign.issuer = "Ủy ban nhân dân xã Thử \(index)"
        return campaign
    }

    /// The report as JSON with every learner id blanked.
    static func withoutLearnerIDs(_ report: CampaignReport) throws -> String {
        String(decoding: try JSONReportCoder.encode(report), as: UTF8.self)
            .replacing(#/"learnerID" ?: ?[0-9]+/#, with: "\"learnerID\": 0")
    }

    @Test func everyKindOfReportMergesToTheSameFiguresFromBothSides() async throws {
        let location = try await PostgresTestServer.freshDatabase()
        var fromFiles: [[(name: String, report: CampaignReport)]] = [[], [], []]
        var fromCity: [[(name: String, report: CampaignReport)]] = [[], [], []]
        var stores: [PostgresStore] = []
        defer { stores.forEach { $0.shutdown() } }
        for index in 1...3 {
            let fixture = try await Self.commune(seed: UInt64(index))
            let city = try await PostgresStore(location: location, commune: CommuneID("xa-thu-\(index)")!,
                                               hashing: .fastForTests)
            stores.append(city)
            try await city.copy(try await fixture.store.history())
            // Two communes keep who reached the basic level (their servers started); the third counts it from the
            // completions.
            if index < 3 { try await city.keepBasicLevel(Self.campaign(index).basicLevel) }
            for (kind, source) in [(0, fixture.store as any ReportingRepository), (1, city as any ReportingRepository)] {
                let builder = fixture.builder(now: ReportFixture.after2027, campaign: Self.campaign(index),
                                              repository: source)
                let reports = [try await builder.yearly(2026), try await builder.review(until: 2027),
                               try await builder.awardsReport(2026)]
                for (slot, report) in reports.enumerated() {
                    if kind == 0 {
                        fromFiles[slot].append((name: "xa-\(index).json", report: report))
                    } else {
                        fromCity[slot].append((name: "xa-thu-\(index)", report: report))
                    }
                }
                if kind == 1 {
                    // Each commune's own reports are its file's, but for the learners' ids (the city numbers them).
                    for slot in 0..<3 {
                        #expect(try Self.withoutLearnerIDs(reports[slot])
                            == Self.withoutLearnerIDs(try #require(fromFiles[slot].last?.report)),
                            "commune \(index), report \(slot)")
                    }
                }
            }
        }
        for slot in 0..<3 {
            let merged = try ReportMerger.merge(fromFiles[slot])
            #expect(try ReportMerger.merge(fromCity[slot]) == merged)
            #expect(merged.communes.count == 3 && merged.totals.registered > 3 * 7)
        }
        try await PostgresTestServer.drop(location)
    }

    /// `hoctap report KIND --city` against `hoctap report merge` of each commune's own JSON report (the report
    /// its server writes from its SQLite file, with the repository's campaign and courses, named by its code).
    /// A review is asked for by its last year, 2027, refused until that year runs: the suite's first test merges
    /// reviews through the same `ReportMerger`.
    @Test(arguments: [("yearly", "--year", 2026), ("awards", "--year", 2026)])
    func theCityCommandPrintsWhatMergeOfTheCommunesFilesPrints(kind: String, yearFlag: String, year: Int)
        async throws
    {
        let location = try await PostgresTestServer.freshDatabase()
        let folder = try ReadOnlyCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let configured = try CampaignConfigurationLoader.load(
            contentDirectory: URL(fileURLWithPath: ReadOnlyCommandTests.content))
        let catalog = CourseLoader().load(directory: URL(fileURLWithPath: ReadOnlyCommandTests.courses),
                                          displayPath: "Courses").catalog
        var files: [String] = []
        for index in 1...3 {
            let fixture = try await Self.commune(seed: UInt64(index))
            let code = "xa-thu-\(index)"
            let city = try await PostgresStore(location: location, commune: CommuneID(code)!, hashing: .fastForTests)
            try await city.copy(try await fixture.store.history())
            try await city.keepBasicLevel(configured.basicLevel)
            city.shutdown()
            var campaign = configured.withUnits(storedIn: try await fixture.store.units())
            campaign.issuer = code
            let builder = ReportBuilder(repository: fixture.store, catalog: catalog, campaign: campaign,
                                        clock: SystemWallClock())
            let report = kind == "yearly" ? try await builder.yearly(year) : try await builder.awardsReport(year)
            let file = folder.appendingPathComponent("\(code).json")
            try JSONReportCoder.encode(report).write(to: file)
            files.append(file.path)
        }
        let merge = try HoctapExecutable.run(["report", "merge"] + files + ["--content", ReadOnlyCommandTests.content])
        #expect(merge.status == 0, "\(merge.error)")
        let address = "postgres://\(location.username)@\(location.host):\(location.port)/\(location.database)"
        let city = try HoctapExecutable.run([
            "report", kind, yearFlag, String(year), "--city", "--format", "json", "--database", address,
            "--content", ReadOnlyCommandTests.content, "--courses", ReadOnlyCommandTests.courses,
        ])
        #expect(city.status == 0, "\(city.error)")
        #expect(String(decoding: city.output, as: UTF8.self) == String(decoding: merge.output, as: UTF8.self))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let merged = try decoder.decode(ReportMerger.Merged.self, from: city.output)
        #expect(merged.communes.map(\.commune) == ["xa-thu-1", "xa-thu-2", "xa-thu-3"])
        #expect(merged.totals.registered > 3 * 7 && merged.totals.courseCompletions > 0)
        try await PostgresTestServer.drop(location)
    }

    @Test func theCityCommandSaysInVietnameseWhatItNeeds() throws {
        let common = ["report", "yearly", "--year", "2026", "--city", "--content", ReadOnlyCommandTests.content,
                      "--courses", ReadOnlyCommandTests.courses]
        let address = "postgres://hoctap@127.0.0.1:1/city"
        let cases: [([String], String)] = [
            (common + ["--format", "json"], "hãy cho --database postgres://…"),
            (common + ["--format", "json", "--database", address, "--commune", "xa-1"], "không đi cùng mã một xã"),
            (common + ["--format", "json", "--database", address + "?commune=xa-1"], "không đi cùng mã một xã"),
            (common + ["--format", "json", "--database", address, "--unit", "thon-a"], "không lập cho một đơn vị"),
            (common + ["--format", "html", "--database", address], "chỉ có dạng JSON"),
            (common + ["--format", "json", "--database", address], "Không kết nối được máy chủ PostgreSQL"),
        ]
        for (arguments, message) in cases {
            let result = try HoctapExecutable.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.error.contains(message), "\(arguments): \(result.error)")
            #expect(result.output.isEmpty)
        }
    }
}
