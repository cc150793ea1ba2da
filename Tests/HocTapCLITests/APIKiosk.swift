import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One simulated kiosk talking to a real `hoctap serve` through the JSON API, as a kiosk app would: it registers
/// its learner, signs in again when its token is refused (the server restarted), and retries a request the
/// connection lost (the server was killed) until it is answered or `stepLimit` has passed.
actor APIKiosk {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What the server acknowledged for one submission.
    struct Acknowledged: Sendable {
        var attemptID: String
        var submissionID: String
        var quizID: String
        var percent: Int
        var passed: Bool
    }

    let base: URL
    let name: String
    let unitID: String
    let pin: String
    let stepLimit: Duration
    private var token = ""
    private let session: URLSession
    /// Requests the connection lost (a kill): retried, counted for the test's own check that kills hit.
    private(set) var interrupted = 0
    /// Every attempt the server started for this kiosk's learner.
    private(set) var started: Set<String> = []
    /// Answers with a status other than expected (a 5xx among them): each is a failure of the test.
    private(set) var unexpected: [String] = []

    init(base: URL, name: String, unitID: String, pin: String, stepLimit: Duration = .seconds(60)) {
        self.base = base
        self.name = name
        self.unitID = unitID
        self.pin = pin
        self.stepLimit = stepLimit
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 30
        session = URLSession(configuration: configuration)
    }

    func register(category: String) async throws {
        let body: [String: Any] = ["unitId": unitID, "name": name, "category": category, "pin": pin,
                                   "consent": ["learning": true]]
        token = try await call("POST", "/api/v1/learners", body, authorized: false, expect: 201)["token"] as? String ?? ""
    }

    func signIn() async throws {
        let body = ["unitId": unitID, "name": name, "pin": pin]
        token = try await call("POST", "/api/v1/session", body, authorized: false, expect: 201)["token"] as? String ?? ""
    }

    /// Starts an attempt at `quizID`, answers every question with its first choice (or "1"), and submits it with
    /// `submissionID`; with `twice`, submits it again with the same id and requires the same reply.
    func submit(courseID: String, quizID: String, submissionID: String, twice: Bool) async throws -> Acknowledged {
        let attempt = try await call("POST", "/api/v1/attempts", ["courseId": courseID, "quizId": quizID])
        guard let attemptID = attempt["attemptId"] as? String,
              let questions = attempt["questions"] as? [[String: Any]] else {
            throw Failure(description: "an attempt without id or questions: \(attempt)")
        }
        started.insert(attemptID)
        for question in questions {
            let id = question["id"] as? String ?? ""
            let choices = (question["choices"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            let response: Any = choices.first ?? "1"
            let encoded = id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-", "_"])) ?? id
            _ = try await call("PUT", "/api/v1/attempts/\(attemptID)/answers/\(encoded)", ["response": response])
        }
        let path = "/api/v1/attempts/\(attemptID)/submission"
        let reply = try await send("POST", path, ["submissionId": submissionID])
        if twice {
            // The server writes the same result the same way: the two replies are compared byte for byte.
            let again = try await send("POST", path, ["submissionId": submissionID])
            guard again == reply else {
                throw Failure(description: "submission \(submissionID) sent twice got two different replies")
            }
        }
        let result = try JSONSerialization.jsonObject(with: reply) as? [String: Any] ?? [:]
        guard result["attemptId"] as? String == attemptID, let percent = result["percent"] as? Int,
              let passed = result["passed"] as? Bool else {
            throw Failure(description: "submission \(submissionID) acknowledged for something else: \(result)")
        }
        return Acknowledged(attemptID: attemptID, submissionID: submissionID, quizID: quizID, percent: percent,
                            passed: passed)
    }

    /// The ids of the units a learner may pick (a public GET).
    func unitIDs() async throws -> [String] {
        let units = try await call("GET", "/api/v1/units", nil, authorized: false)["units"] as? [[String: Any]]
        return (units ?? []).compactMap { $0["id"] as? String }
    }

    /// The quiz ids of a course's lesson checks, in lesson order (a public GET).
    func lessonCheckIDs(courseID: String) async throws -> [String] {
        let course = try await call("GET", "/api/v1/courses/\(courseID)", nil, authorized: false)
        return (course["lessons"] as? [[String: Any]] ?? []).compactMap {
            ($0["check"] as? [String: Any])?["id"] as? String
        }
    }

    private func call(_ method: String, _ path: String, _ body: [String: Any]?, authorized: Bool = true,
                      expect: Int = 200) async throws -> [String: Any] {
        let data = try await send(method, path, body, authorized: authorized, expect: expect)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The body of the reply with status `expect`, after as many retries as the step allows.
    private func send(_ method: String, _ path: String, _ body: [String: Any]?, authorized: Bool = true,
                      expect: Int = 200) async throws -> Data {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: stepLimit)
        while clock.now < deadline {
            var request = URLRequest(url: URL(string: path, relativeTo: base)!)
            request.httpMethod = method
            if authorized { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            if let body {
                request.httpBody = try JSONSerialization.data(withJSONObject: body)
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            let data: Data
            let response: URLResponse
            do {
                (data, response) = try await session.data(for: request)
            } catch let error as URLError where error.code != .timedOut {
                // Refused or cut: the server is down or was killed mid-request. Ask again once it is back.
                interrupted += 1
                try await Task.sleep(for: .milliseconds(Int.random(in: 30...120)))
                continue
            }
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            if status == expect { return data }
            if status == 401, authorized {
                try await signIn()
                continue
            }
            unexpected.append("\(method) \(path): \(status) \(String(decoding: data.prefix(200), as: UTF8.self))")
            throw Failure(description: unexpected.last!)
        }
        throw Failure(description: "\(method) \(path): no answer within \(stepLimit)")
    }
}
