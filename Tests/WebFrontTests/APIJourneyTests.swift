import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LearningCore
import NIOCore
import Testing
import TestSupport
import WebFront

/// The JSON API from sign-in to certificate, and its refusals.
@Suite struct APIJourneyTests {
    struct Reply {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        }
    }

    static func call(_ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String,
                     token: String? = nil, json: Any? = nil, raw: ByteBuffer? = nil,
                     contentType: String = "application/json") async throws -> Reply {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body = raw
        if let json {
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
        }
        if body != nil { headers[.contentType] = contentType }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
            Reply(status: response.status, headers: response.headers, body: Data(String(buffer: response.body).utf8))
        }
    }

    static func signIn(_ client: some TestClientProtocol, name: String = "Nguyễn Thị Lan") async throws -> String {
        let reply = try await call(client, .post, "/api/v1/session",
                                   json: ["unitId": "thon-1", "name": name, "pin": "2468"])
        #expect(reply.status == .created)
        return try #require(try reply.json()["token"] as? String)
    }

    @Test func aWholeJourneyThroughTheAPIStoresOneAttemptAndOneCompletion() async throws {
        let repository = InMemoryProgressRepository()
        let learner = try await WebTestApp.registerLearner(repository)
        try await WebTestApp.test(repository: repository) { client in
            let units = try await Self.call(client, .get, "/api/v1/units")
            #expect((try units.json()["units"] as? [[String: Any]])?.map { $0["id"] as? String } == ["thon-1", "thon-2"])
            let token = try await Self.signIn(client)

            let lesson = try await Self.call(client, .get, "/api/v1/courses/khoa/lessons/01-mot", token: token)
            #expect(lesson.status == .ok)
            #expect(try lesson.json()["bodyHtml"] as? String == "<p>Một</p>")
            #expect(try lesson.json()["recorded"] as? Bool == true)
            let read = try await Self.call(client, .post, "/api/v1/courses/khoa/lessons/01-mot/completion", token: token)
            #expect(read.status == .ok)

            let started = try await Self.call(client, .post, "/api/v1/attempts", token: token,
                                              json: ["courseId": "khoa", "quizId": "khoa/quiz"])
            #expect(started.status == .ok)
            let attempt = try started.json()
            let attemptID = try #require(attempt["attemptId"] as? String)
            let questions = try #require(attempt["questions"] as? [[String: Any]])
            #expect(questions.count == 5)
            #expect(!started.text.contains("Giải thích bí mật"))
            #expect(!started.text.contains("isCorrect"))
            #expect(!started.text.contains("rightChoice"))
            #expect(!started.text.contains("feedback"))
            // An open attempt is returned, not a new one.
            let reopened = try await Self.call(client, .post, "/api/v1/attempts", token: token,
                                               json: ["courseId": "khoa", "quizId": "khoa/quiz"])
            #expect(try reopened.json()["attemptId"] as? String == attemptID)

            for question in questions {
                #expect(question["kind"] as? String == "single")
                #expect(question["prompt"] as? String != nil)
                let choices = try #require(question["choices"] as? [[String: Any]])
                let right = try #require(choices.first { ($0["text"] as? String)?.hasPrefix("Đúng") == true }?["id"])
                let id = try #require(question["id"] as? String)
                let encoded = id.replacingOccurrences(of: "/", with: "%2F")
                let saved = try await Self.call(client, .put, "/api/v1/attempts/\(attemptID)/answers/\(encoded)",
                                                token: token, json: ["response": right])
                #expect(saved.status == .ok)
                #expect(!saved.text.contains("Giải thích bí mật"))
            }
            let submission = ["submissionId": "kiosk-1-0001"]
            let first = try await Self.call(client, .post, "/api/v1/attempts/\(attemptID)/submission", token: token,
                                            json: submission)
            #expect(first.status == .ok)
            let graded = try first.json()
            #expect(graded["percent"] as? Int == 100)
            #expect(graded["passed"] as? Bool == true)
            let code = try #require((graded["completion"] as? [String: Any])?["verificationCode"] as? String)
            let second = try await Self.call(client, .post, "/api/v1/attempts/\(attemptID)/submission", token: token,
                                             json: submission)
            #expect(second.status == .ok)
            #expect(try second.json()["percent"] as? Int == 100)
            #expect(try await repository.attemptCount(learnerID: learner.learnerID, quizID: "khoa/quiz") == 1)
            #expect(try await repository.completions(learnerID: learner.learnerID).count == 1)

            let progress = try await Self.call(client, .get, "/api/v1/me/progress", token: token)
            let courses = try #require(try progress.json()["courses"] as? [[String: Any]])
            #expect(courses.first?["state"] as? String == "completed")
            #expect(courses.first?["verificationCode"] as? String == code)

            let certificate = try await Self.call(client, .get, "/api/v1/certificates/\(code)")
            #expect(certificate.status == .ok)
            #expect(try certificate.json()["learnerName"] as? String == "Nguyễn Thị Lan")
            #expect(try certificate.json()["courseTitle"] as? String == "Khoá học thử")
            #expect(try certificate.json().keys.sorted() == ["completedAt", "courseTitle", "learnerName", "verificationCode"])

            let ended = try await Self.call(client, .delete, "/api/v1/session", token: token)
            #expect(ended.status == .noContent)
            let after = try await Self.call(client, .get, "/api/v1/me/progress", token: token)
            #expect(after.status == .unauthorized)
            #expect(after.headers[.contentType] == "application/problem+json; charset=utf-8")
        }
    }

    @Test func aShortAnswerAndANameInNFDAreGradedAsNFC() async throws {
        let quiz = Quiz(id: "khoa/quiz", title: "Bài gõ chữ", settings: QuizSettings(passMark: 100),
                        questions: [QuestionBuilder.text("khoa/t1", accepted: ["Điện thoại"]),
                                    QuestionBuilder.number("khoa/n1", value: 2.5)])
        var course = CourseFixtures.course()
        course.finalQuiz = quiz
        let repository = InMemoryProgressRepository()
        try await WebTestApp.registerLearner(repository)
        try await WebTestApp.test(repository: repository, catalog: InMemoryCourseCatalog(courses: [course])) { client in
            let token = try await Self.signIn(client, name: "Nguyễn Thị Lan".decomposedStringWithCanonicalMapping)
            let started = try await Self.call(client, .post, "/api/v1/attempts", token: token,
                                              json: ["courseId": "khoa", "quizId": "khoa/quiz"])
            let attemptID = try #require(try started.json()["attemptId"] as? String)
            let text = try await Self.call(client, .put, "/api/v1/attempts/\(attemptID)/answers/khoa%2Ft1", token: token,
                                           json: ["response": "Điện thoại".decomposedStringWithCanonicalMapping])
            #expect(text.status == .ok)
            let number = try await Self.call(client, .put, "/api/v1/attempts/\(attemptID)/answers/khoa%2Fn1",
                                             token: token, json: ["response": "2,5"])
            #expect(number.status == .ok)
            let graded = try await Self.call(client, .post, "/api/v1/attempts/\(attemptID)/submission", token: token,
                                             json: ["submissionId": "s-1"])
            #expect(try graded.json()["percent"] as? Int == 100)
        }
    }

    @Test func badBodiesAreRefusedWith4xxProblems() async throws {
        let repository = InMemoryProgressRepository()
        try await WebTestApp.registerLearner(repository)
        try await WebTestApp.test(repository: repository) { client in
            let big = ByteBuffer(string: "{\"unitId\":\"" + String(repeating: "a", count: 70_000) + "\"}")
            let cases: [(ByteBuffer, String, HTTPResponse.Status)] = [
                (big, "application/json", .contentTooLarge),
                (ByteBuffer(string: "{\"unitId\": "), "application/json", .badRequest),
                (ByteBuffer(string: "{\"unitId\": 3, \"name\": \"a\", \"pin\": \"1\"}"), "application/json", .badRequest),
                (ByteBuffer(bytes: [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x7D]), "application/json", .badRequest),
                (ByteBuffer(string: "unitId=thon-1"), "application/x-www-form-urlencoded", .unsupportedMediaType),
            ]
            for (body, type, status) in cases {
                let reply = try await Self.call(client, .post, "/api/v1/session", raw: body, contentType: type)
                #expect(reply.status == status)
                #expect(reply.headers[.contentType] == "application/problem+json; charset=utf-8")
                let problem = try JSONDecoder().decode(ProblemDetails.self, from: reply.body)
                #expect(problem.status == Int(status.code))
                #expect(!problem.detail.isEmpty)
                #expect(!problem.detail.contains("DecodingError"))
            }
            // The pages: oversize, malformed escapes and non-UTF-8 forms.
            let browser = KioskBrowser(client)
            let form = try await browser.get("/dang-nhap?don-vi=thon-1")
            let csrf = KioskBrowser.csrf(form) ?? ""
            let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            let bad: [(ByteBuffer, HTTPResponse.Status)] = [
                (ByteBuffer(string: "csrf=\(csrf)&name=" + String(repeating: "a", count: 70_000)), .contentTooLarge),
                (ByteBuffer(string: "csrf=\(csrf)&name=%E1%BB"), .badRequest),
                (ByteBuffer(string: "csrf=\(csrf)&name=%zz"), .badRequest),
                (ByteBuffer(bytes: Array("csrf=\(csrf)&name=".utf8) + [0xFF, 0xFE]), .badRequest),
            ]
            for (body, status) in bad {
                let page = try await browser.send("/dang-nhap", method: .post, headers: formType, body: body)
                #expect(page.status == status)
                #expect(page.body.contains("<html lang=\"vi\">"))
            }
        }
    }

    @Test func theAPIRefusesWithoutABearerTokenEvenWithTheCookie() async throws {
        let repository = InMemoryProgressRepository()
        try await WebTestApp.registerLearner(repository)
        try await WebTestApp.test(repository: repository) { client in
            let browser = KioskBrowser(client)
            try await KioskJourneyTests.signIn(browser)
            let reply = try await browser.send("/api/v1/me/progress", method: .get, headers: [:], body: nil)
            #expect(reply.status == .unauthorized)
            #expect(reply.body.contains("\"detail\""))
        }
    }

    /// A kiosk whose token died with a restarted server must hear 401 and sign in again; read as "no token", its
    /// lesson visits were silently no longer recorded (found by the load suite's kills, Reliability/load).
    @Test func aTokenThatNamesNoSessionIsRefusedOnTheCatalogueAndLessonsNotTakenAsNone() async throws {
        let repository = InMemoryProgressRepository()
        let learner = try await WebTestApp.registerLearner(repository)
        try await WebTestApp.test(repository: repository) { client in
            let stale = "0123456789abcdef0123456789abcdef"
            for uri in ["/api/v1/courses", "/api/v1/courses/khoa/lessons/01-mot"] {
                let reply = try await Self.call(client, .get, uri, token: stale)
                #expect(reply.status == .unauthorized, "\(uri)")
                #expect(reply.headers[.contentType] == "application/problem+json; charset=utf-8")
            }
            #expect(try await repository.courseProgress(learnerID: learner.learnerID, courseID: "khoa")
                .lessonsVisited.isEmpty)
            // Without a token both stay open to anyone, and a valid token still records the visit.
            #expect(try await Self.call(client, .get, "/api/v1/courses").status == .ok)
            let anonymous = try await Self.call(client, .get, "/api/v1/courses/khoa/lessons/01-mot")
            #expect(try anonymous.json()["recorded"] as? Bool == false)
            let token = try await Self.signIn(client)
            let lesson = try await Self.call(client, .get, "/api/v1/courses/khoa/lessons/01-mot", token: token)
            #expect(try lesson.json()["recorded"] as? Bool == true)
        }
    }

    @Test func certificateLookupsAreRateLimitedPerAddress() async throws {
        try await WebTestApp.test { client in
            var statuses: [HTTPResponse.Status] = []
            var retryAfter: String?
            for _ in 0..<25 {
                let reply = try await Self.call(client, .get, "/api/v1/certificates/ABCDEFGHJK")
                statuses.append(reply.status)
                if reply.status == .tooManyRequests { retryAfter = reply.headers[.retryAfter] }
            }
            #expect(statuses.prefix(20).allSatisfy { $0 == .notFound })
            #expect(statuses.last == .tooManyRequests)
            #expect(Int(retryAfter ?? "") ?? 0 >= 1)
        }
    }

    @Test func registeringThroughTheAPIRecordsConsentAndReturnsAToken() async throws {
        let repository = InMemoryProgressRepository()
        try await WebTestApp.test(repository: repository) { client in
            let refused = try await Self.call(client, .post, "/api/v1/learners", json: [
                "unitId": "thon-1", "name": "Lê Văn Nam", "category": "nguoi-dan", "pin": "5555",
                "consent": ["learning": false],
            ])
            #expect(refused.status == .unprocessableContent)
            let reply = try await Self.call(client, .post, "/api/v1/learners", json: [
                "unitId": "thon-1", "name": "Lê Văn Nam", "category": "nguoi-dan", "pin": "5555",
                "consent": ["learning": true, "reporting": false],
            ])
            #expect(reply.status == .created)
            let token = try #require(try reply.json()["token"] as? String)
            let progress = try await Self.call(client, .get, "/api/v1/me/progress", token: token)
            #expect(progress.status == .ok)
            #expect(await repository.consents().map(\.purpose) == [.learning])
        }
    }
}
