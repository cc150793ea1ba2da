import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WebFront

/// The JSON API and the health check of this slice.
@Suite struct APITests {
    static func get(_ client: some TestClientProtocol, _ uri: String) async throws
        -> (status: HTTPResponse.Status, headers: HTTPFields, body: Data)
    {
        try await client.execute(uri: uri, method: .get) { response in
            (response.status, response.headers, Data(String(buffer: response.body).utf8))
        }
    }

    static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func healthzAnswersOKWhenTheDatabaseAnswers() async throws {
        try await WebTestApp.test { client in
            let response = try await Self.get(client, "/healthz")
            #expect(response.status == .ok)
            #expect(String(decoding: response.body, as: UTF8.self) == "ok")
        }
    }

    @Test func versionNamesTheProductAndTheAPI() async throws {
        try await WebTestApp.test { client in
            let response = try await Self.get(client, "/api/v1/version")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let version = try JSONDecoder().decode(VersionJSON.self, from: response.body)
            #expect(version == VersionJSON(name: "Học tập số", version: "0.1.0", apiVersion: "v1"))
        }
    }

    @Test func coursesListsTheFixtureCourseInCamelCase() async throws {
        try await WebTestApp.test { client in
            let response = try await Self.get(client, "/api/v1/courses")
            #expect(response.status == .ok)
            let list = try JSONDecoder().decode(CourseListJSON.self, from: response.body)
            #expect(list.courses.map(\.id) == ["khoa"])
            #expect(list.courses.first?.title == "Khoá học thử")
            #expect(list.courses.first?.lessonCount == 2)
            #expect(list.courses.first?.state == "notStarted")
            let raw = try #require(try Self.object(response.body)["courses"] as? [[String: Any]]).first
            #expect(raw?["estimatedMinutes"] as? Int == 30)
            #expect(raw?["estimated_minutes"] == nil)
        }
    }

    @Test func courseDetailListsLessonsAndQuizzesWithoutAnswers() async throws {
        try await WebTestApp.test { client in
            let response = try await Self.get(client, "/api/v1/courses/khoa")
            #expect(response.status == .ok)
            let course = try JSONDecoder().decode(CourseDetailJSON.self, from: response.body)
            #expect(course.title == "Khoá học thử")
            #expect(course.lessons.map(\.id) == ["01-mot", "02-hai"])
            #expect(course.lessons.first?.check?.questionCount == 1)
            #expect(course.finalQuiz?.questionCount == 5)
            #expect(course.finalQuiz?.passMark == 80)
            let text = String(decoding: response.body, as: UTF8.self)
            #expect(!text.contains("Giải thích bí mật"))
            #expect(!text.contains("isCorrect"))
        }
    }

    @Test func unknownCourseIsAProblemInVietnamese() async throws {
        try await WebTestApp.test { client in
            let response = try await Self.get(client, "/api/v1/courses/khong-co")
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/problem+json; charset=utf-8")
            let problem = try JSONDecoder().decode(ProblemDetails.self, from: response.body)
            #expect(problem.status == 404)
            #expect(problem.detail == "Không có khoá học \"khong-co\".")
            #expect(problem.title == "Không tìm thấy trang")
        }
    }

    @Test func unknownAPIRouteIsAProblemToo() async throws {
        try await WebTestApp.test { client in
            let response = try await Self.get(client, "/api/v1/khong-co")
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/problem+json; charset=utf-8")
            let problem = try JSONDecoder().decode(ProblemDetails.self, from: response.body)
            #expect(!problem.detail.isEmpty)
        }
    }
}
