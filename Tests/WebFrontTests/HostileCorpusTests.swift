import CourseContent
import Foundation
import HTTPTypes
import HummingbirdTesting
import LearningCore
import Testing
import TestSupport
import WebFront

/// Every case of the hostile corpus (`Reliability/attack/corpus.json`) against the app in process, each on a
/// fresh commune: the fixture course (its lesson 2 given a short-answer check whose answer is "Tải xuống", with no
/// diacritic folding, so an NFD answer is right only if it is compared in NFC), learners A–F (C in the other
/// unit), a clerk of thôn 1 and an attempt of B's. Each step's status and body are checked as the live runner
/// checks them, and the stored data a case names under `unchanged` is compared before and after. "Waiting idle"
/// moves the test clock past both time-outs. `make reliability` runs the same file against `hoctap serve`.
@Suite struct HostileCorpusTests {
    static let items = [
        "oversized bodies", "invalid UTF-8", "NFD and NFC of the same name and answer are equal",
        "control and direction-override characters in names", "SQL and HTML in every text field",
        "path traversal in static and certificate paths", "forged and missing CSRF tokens",
        "a session replayed after Kết thúc", "a session replayed after the idle time-out",
        "another learner's attempt id", "a clerk's request for another unit", "PIN guessing past the limit",
        "a session of a learner whose data was deleted meanwhile",
    ]

    @Test func theCorpusCoversEveryHostileInputOnEveryFront() throws {
        let corpus = try HostileCorpus.load()
        #expect(corpus.cases.count >= 40)
        let items = Set(corpus.cases.compactMap { $0["item"] as? String })
        #expect(items == Set(Self.items))
        let fronts = Set(corpus.cases.compactMap { $0["front"] as? String })
        #expect(fronts.isSuperset(of: ["api", "kiosk", "staff"]))
        #expect(Set(HostileCorpus.caseIDs).count == corpus.cases.count, "case ids are unique")
    }

    @Test(arguments: HostileCorpus.caseIDs)
    func hostileInputIsRefusedAsExpected(_ id: String) async throws {
        _ = try #require(try HostileCorpus.load().testCase(id))
        let commune = try await Commune.make()
        let failures = try await WebTestApp.test(repository: commune.repository, catalog: commune.catalog,
                                                 clock: commune.clock) { client in
            let testCase = try HostileCorpus.load().testCase(id) ?? [:]
            return try await CaseRun(commune: commune, testCase: testCase, client: client).run()
        }
        #expect(failures == [], "\(id)")
    }

    /// Found by the corpus: a refused name came back in the form's field with the very direction and zero-width
    /// characters the message asks the person to remove, where they cannot see them.
    @Test func aRefusedNameIsOfferedAgainWithoutItsInvisibleCharacters() async throws {
        try await WebTestApp.test { client in
            let browser = KioskBrowser(client)
            let form = try await browser.get("/dang-ky?don-vi=thon-1")
            let csrf = try #require(KioskBrowser.csrf(form))
            let page = try await browser.post("/dang-ky", [
                ("csrf", csrf), ("unitId", "thon-1"), ("name", "Lê\u{2066} Văn\u{2069} Tí\u{200F}"),
                ("category", "nguoi-dan"), ("pin", "6063"), ("pinAgain", "6063"), ("consentLearning", "1"),
            ])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("&lt;U+2066&gt;") || page.body.contains("<U+2066>"), "the message shows it")
            #expect(!page.body.contains("\u{2066}") && !page.body.contains("\u{2069}") && !page.body.contains("\u{200F}"))
            #expect(page.body.contains("value=\"Lê Văn Tí\""))
        }
    }

    /// The commune a case runs in, and the values the corpus's placeholders name.
    struct Commune: Sendable {
        let repository = InMemoryProgressRepository()
        let clock = TestClock()
        let catalog: InMemoryCourseCatalog
        var context: [String: String] = [:]
        var learnerIDs: [Int64] = []

        static let learners: [(key: String, name: String, unit: String, pin: String)] = [
            ("A", "Nguyễn Thị Lan", "thon-1", "2468"), ("B", "Trần Văn Bình", "thon-1", "1357"),
            ("C", "Lê Thị Cúc", "thon-2", "8642"), ("D", "Phạm Văn Dũng", "thon-1", "9753"),
            ("E", "Hoàng Thị Ểnh", "thon-1", "3141"), ("F", "Đỗ Văn Phúc", "thon-1", "5792"),
        ]
        static let clerk = (username: "thuky-thon-1", password: "mat-khau-thu-ky-1")
        static let quizzes = ["khoa/quiz", "khoa/01-mot", "khoa/02-hai"]

        static func make() async throws -> Commune {
            var course = CourseFixtures.course()
            course.lessons[1].check = Quiz(
                id: "khoa/02-hai", title: "Kiểm tra bài 2",
                settings: QuizSettings(passMark: 100, feedback: .afterEachQuestion),
                questions: [QuestionBuilder.text("khoa/02-hai/1", accepted: ["Tải xuống"])])
            var commune = Commune(catalog: InMemoryCourseCatalog(courses: [course]))
            let repository = commune.repository
            try await repository.saveUnits(CourseFixtures.units)
            let signIn = SignInService(repository: repository, clock: commune.clock)
            var identities: [String: LearnerIdentity] = [:]
            for learner in learners {
                let identity = try await signIn.register(
                    NewLearner(displayName: learner.name, unitID: learner.unit, category: .citizens, pin: learner.pin),
                    consent: CourseFixtures.consent)
                identities[learner.key] = identity
                commune.learnerIDs.append(identity.learnerID)
                commune.context["name\(learner.key)"] = learner.name
                commune.context["pin\(learner.key)"] = learner.pin
                commune.context["learner\(learner.key)"] = String(identity.learnerID)
            }
            _ = try await repository.createStaffAccount(username: clerk.username, displayName: "Thư ký thôn Đông",
                                                        password: clerk.password, role: .unitClerk,
                                                        unitID: "thon-1", at: commune.clock.now())
            let learning = LearningService(repository: repository, catalog: commune.catalog, clock: commune.clock,
                                           random: SeededRandomSource(seed: 11))
            let attempt = try await learning.startAttempt(try #require(identities["B"]), courseID: "khoa",
                                                          quizID: "khoa/quiz")
            commune.context.merge([
                "unit": "thon-1", "otherUnit": "thon-2", "course": "khoa", "lesson": "01-mot", "quizId": "khoa/quiz",
                "quizKey": "quiz", "textCourse": "khoa", "textQuizId": "khoa/02-hai", "textAnswer": "Tải xuống",
                "otherAttempt": attempt.attemptID, "otherQuestion": try #require(attempt.questions.first?.id),
                "clerkUser": clerk.username, "clerkPassword": clerk.password,
            ]) { _, new in new }
            return commune
        }

        /// The stored data the corpus names, in a form to compare (views in the audit log left out).
        func snapshot(_ tables: [String]) async throws -> [String: [String]] {
            var result: [String: [String]] = [:]
            for table in tables {
                switch table {
                case "learner":
                    result[table] = try await repository.learners(unitID: nil).map { "\($0)" }
                case "consentEvent":
                    result[table] = await repository.consents().map { "\($0)" }
                case "staffAccount":
                    result[table] = try await repository.staffAccounts().map { "\($0)" }
                case "auditEvent":
                    result[table] = try await repository.auditLog(limit: 1_000_000)
                        .filter { !$0.action.rawValue.hasPrefix("xem-") }.map { "\($0)" }
                case "attempt":
                    var counts: [String] = []
                    for learner in learnerIDs {
                        for quiz in Self.quizzes {
                            counts.append("\(learner) \(quiz) \(try await repository.attemptCount(learnerID: learner, quizID: quiz))")
                        }
                        counts.append("\(try await repository.completions(learnerID: learner))")
                    }
                    result[table] = counts
                case "draftAnswer":
                    var drafts: [String] = []
                    for learner in learnerIDs {
                        // The answers saved in drafts (the table draftAnswer), not the drafts themselves.
                        for draft in try await repository.openAttempts(learnerID: learner) {
                            drafts += draft.responses.map { "\(draft.attemptID) \($0.key) \($0.value)" }
                        }
                    }
                    result[table] = drafts
                default:
                    result[table] = ["no snapshot for \(table)"]
                    Issue.record("the in-process runner cannot read \(table)")
                }
                result[table]?.sort()
            }
            return result
        }
    }

    /// One case: its senders signed in, its steps sent in order, every answer checked; returns the failures.
    final class CaseRun: @unchecked Sendable {
        let commune: Commune
        let testCase: [String: Any]
        let client: any TestClientProtocol
        var saved: [String: String] = [:]
        var senders: [String: HostileSender] = [:]
        var failures: [String] = []

        init(commune: Commune, testCase: [String: Any], client: any TestClientProtocol) {
            self.commune = commune
            self.testCase = testCase
            self.client = client
        }

        func run() async throws -> [String] {
            let steps = HostileCorpus.list(testCase["steps"]).compactMap { $0 as? [String: Any] }
            for name in Set(steps.compactMap { $0["as"] as? String }) {
                senders[name] = try await signIn(name)
            }
            let tables = HostileCorpus.list(testCase["unchanged"]).compactMap { $0 as? String }
            let before = try await commune.snapshot(tables)
            for (index, step) in steps.enumerated() {
                if step["wait"] as? String == "idle" {
                    commune.clock.advance(seconds: 31 * 60)  // past the kiosk's 5 and the staff's 30 minutes
                    continue
                }
                try await send(index + 1, step)
            }
            let after = try await commune.snapshot(tables)
            for table in tables where before[table] != after[table] {
                failures.append("\(table) changed: \(before[table]?.count ?? 0) before, \(after[table]?.count ?? 0) after")
            }
            return failures
        }

        func signIn(_ name: String) async throws -> HostileSender {
            let sender = HostileSender(client)
            let learner = Commune.learners.first { name == "api\($0.key)" || name == "learner\($0.key)" }
            let fields = learner.map { ["unitId": $0.unit, "name": $0.name, "pin": $0.pin] } ?? [:]
            switch name {
            case "visitor":
                break
            case _ where name.hasPrefix("api") && learner != nil:
                let body = try JSONSerialization.data(withJSONObject: fields)
                let reply = try await sender.send("POST", "/api/v1/session", body: Array(body),
                                                  contentType: "application/json")
                #expect(reply.status == 201, "\(name) signs in")
                let session = try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any]
                sender.token = session?["token"] as? String
            case _ where name.hasPrefix("learner") && learner != nil:
                try await sender.send("GET", "/dang-nhap?don-vi=\(fields["unitId"] ?? "")")
                let reply = try await sender.send(
                    "POST", "/dang-nhap", body: Array(form(fields.merging(["csrf": sender.csrf["kiosk"] ?? ""]) { $1 }).utf8),
                    contentType: "application/x-www-form-urlencoded")
                #expect(reply.status == 303, "\(name) signs in")
                sender.csrf["kiosk"] = nil
            case "clerk":
                try await sender.send("GET", "/can-bo/dang-nhap")
                let fields = ["csrf": sender.csrf["staff"] ?? "", "username": Commune.clerk.username,
                              "password": Commune.clerk.password]
                let reply = try await sender.send("POST", "/can-bo/dang-nhap", body: Array(form(fields).utf8),
                                                  contentType: "application/x-www-form-urlencoded")
                #expect(reply.status == 303, "the clerk signs in")
                sender.csrf["staff"] = nil
            default:
                Issue.record("no sender \(name)")
            }
            return sender
        }

        func form(_ fields: [String: String]) -> String {
            fields.sorted { $0.key < $1.key }
                .map { "\(HostileCorpus.percentEncoded($0.key))=\(HostileCorpus.percentEncoded($0.value))" }
                .joined(separator: "&")
        }

        /// `text` with its placeholders filled: `{csrf}`, `{token}`, `{nfd:…}`, `{url:…}`, saved values, context.
        func fill(_ text: String, _ sender: HostileSender? = nil, path: String = "") async throws -> String {
            var result = ""
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{") {
                result += rest[..<open]
                let after = rest[rest.index(after: open)...]
                guard let close = after.firstIndex(of: "}"),
                      let first = after.first, first.isLetter, first.isASCII,
                      after[..<close].allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == ":" })
                else {
                    result += "{"
                    rest = after
                    continue
                }
                result += try await value(String(after[..<close]), sender, path: path)
                rest = after[after.index(after: close)...]
            }
            return result + rest
        }

        func value(_ name: String, _ sender: HostileSender?, path: String) async throws -> String {
            if name == "csrf", let sender { return try await csrf(sender, path: path) }
            if name == "token" { return sender?.token ?? "" }
            if name.hasPrefix("nfd:") { return try await value(String(name.dropFirst(4)), sender, path: path).decomposedStringWithCanonicalMapping }
            if name.hasPrefix("url:") { return HostileCorpus.percentEncoded(try await value(String(name.dropFirst(4)), sender, path: path)) }
            if let saved = saved[name] { return saved }
            if let known = commune.context[name] { return known }
            failures.append("no value for {\(name)}")
            return ""
        }

        func csrf(_ sender: HostileSender, path: String) async throws -> String {
            let area = HostileCorpus.area(path)
            for page in area == "staff" ? ["/can-bo/nguoi-hoc"] : ["/dang-nhap", "/cua-toi"] where sender.csrf[area] == nil {
                try await sender.send("GET", page)
            }
            return sender.csrf[area] ?? ""
        }

        func fillJSON(_ value: Any, _ sender: HostileSender, path: String) async throws -> Any {
            switch value {
            case let text as String: return try await fill(text, sender, path: path)
            case let list as [Any]:
                var filled: [Any] = []
                for item in list { filled.append(try await fillJSON(item, sender, path: path)) }
                return filled
            case let object as [String: Any]:
                var filled: [String: Any] = [:]
                for (key, item) in object { filled[key] = try await fillJSON(item, sender, path: path) }
                return filled
            default: return value
            }
        }

        func send(_ number: Int, _ step: [String: Any]) async throws {
            guard let who = step["as"] as? String, let sender = senders[who], let method = step["method"] as? String,
                  let rawPath = step["path"] as? String else {
                failures.append("step \(number) is not a request")
                return
            }
            let path = try await fill(rawPath, sender, path: rawPath)
            var contentType = step["contentType"] as? String
            var body: [UInt8]?
            if let json = step["json"] {
                let filled = try await fillJSON(json, sender, path: path)
                body = Array(try JSONSerialization.data(withJSONObject: filled))
                contentType = contentType ?? "application/json"
            } else if let fields = step["form"] {
                let text: String
                if let raw = fields as? String {
                    text = try await fill(raw, sender, path: path)
                } else {
                    var filled: [String: String] = [:]
                    for (key, item) in HostileCorpus.strings(fields) { filled[key] = try await fill(item, sender, path: path) }
                    text = form(filled)
                }
                body = Array(text.utf8)
                contentType = contentType ?? "application/x-www-form-urlencoded"
            } else if let text = step["text"] as? String {
                body = Array(try await fill(text, sender, path: path).utf8)
            } else if let hex = step["hex"] as? String {
                body = HostileCorpus.bytes(hex: hex)
            } else if let spec = step["repeat"] as? [String: Any] {
                let unit = try await fill(spec["unit"] as? String ?? "", sender, path: path)
                let text = try await fill(spec["prefix"] as? String ?? "", sender, path: path)
                    + String(repeating: unit, count: spec["count"] as? Int ?? 0)
                    + (try await fill(spec["suffix"] as? String ?? "", sender, path: path))
                body = Array(text.utf8)
            }
            let reply = try await sender.send(method, path, body: body, contentType: contentType,
                                              headers: HostileCorpus.strings(step["headers"]))
            try await check(reply, step, sender: sender, path: path, at: "step \(number) (\(method) \(path.prefix(80)))")
        }

        func check(_ reply: HostileSender.Reply, _ step: [String: Any], sender: HostileSender, path: String,
                   at place: String) async throws {
            let expect = step["expect"] as? [String: Any] ?? [:]
            let wanted = (expect["status"] as? Int).map { [$0] } ?? HostileCorpus.list(expect["status"]).compactMap { $0 as? Int }
            if reply.status >= 500 {
                failures.append("\(place): server error \(reply.status)")
            } else if !wanted.isEmpty, !wanted.contains(reply.status) {
                failures.append("\(place): status \(reply.status), expected \(wanted): \(reply.text.prefix(200))")
            }
            if reply.status >= 400 {
                if let problem = HostileCorpus.refusalProblem(reply) { failures.append("\(place): \(problem)") }
                let leaks = HostileCorpus.leaks(reply.text)
                if !leaks.isEmpty { failures.append("\(place): internal text reached the person: \(leaks)") }
            }
            if let location = expect["location"] as? String, reply.headers[.location] != location {
                failures.append("\(place): Location \(reply.headers[.location] ?? "none"), expected \(location)")
            }
            for text in HostileCorpus.list(expect["bodyContains"]).compactMap({ $0 as? String }) {
                let filled = try await fill(text)
                if !reply.text.contains(filled) { failures.append("\(place): body lacks \(filled)") }
            }
            for text in HostileCorpus.list(expect["bodyLacks"]).compactMap({ $0 as? String }) {
                let filled = try await fill(text)
                if reply.text.contains(filled) { failures.append("\(place): body shows \(filled.debugDescription)") }
            }
            for name in HostileCorpus.strings(expect["header"]).keys {
                if let field = HTTPField.Name(name), reply.headers[field] == nil {
                    failures.append("\(place): no \(name) header")
                }
            }
            let document = try? JSONSerialization.jsonObject(with: Data(reply.body))
            for (key, wantedValue) in expect["json"] as? [String: Any] ?? [:] {
                let got = HostileCorpus.lookup(document, key)
                let matches: Bool
                if !(wantedValue is String), let flag = wantedValue as? Bool {
                    matches = (got as? Bool) == flag
                } else {
                    matches = got.map { "\($0)" } == (try await fill("\(wantedValue)"))
                }
                if !matches { failures.append("\(place): \(key) is \(got.map { "\($0)" } ?? "nil"), expected \(wantedValue)") }
            }
            for (name, key) in HostileCorpus.strings(step["save"]) {
                let value = key == "csrf" ? sender.csrf[HostileCorpus.area(path)] : HostileCorpus.lookup(document, key).map { "\($0)" }
                if let value { saved[name] = value } else { failures.append("\(place): nothing at \(key) to save as \(name)") }
            }
        }
    }
}
