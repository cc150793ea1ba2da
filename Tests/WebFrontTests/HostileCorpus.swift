import Foundation

/// The hostile corpus, `Reliability/attack/corpus.json`: one file of hostile requests and their expected
/// refusals, run here in process on every `make test` and by `make reliability` against a live server. This type
/// reads it and holds the rules both runners apply to every answer (the same as `corpus_runner.py`).
struct HostileCorpus {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Reliability/attack/corpus.json")

    /// Each case as the file has it (`id`, `item`, `front`, `steps`, `unchanged`).
    let cases: [[String: Any]]

    static func load() throws -> HostileCorpus {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return HostileCorpus(cases: document?["cases"] as? [[String: Any]] ?? [])
    }

    /// The ids of the cases, for a parameterised test (empty when the file cannot be read; a test checks it can).
    static var caseIDs: [String] { ((try? load())?.cases ?? []).compactMap { $0["id"] as? String } }

    func testCase(_ id: String) -> [String: Any]? { cases.first { $0["id"] as? String == id } }

    /// `staff` under `/can-bo`, `kiosk` elsewhere: whose CSRF token a form there needs.
    static func area(_ path: String) -> String { path.hasPrefix("/can-bo") ? "staff" : "kiosk" }

    /// The first CSRF token of a page.
    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static let vietnameseLetters = Set("àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ")

    static func isVietnamese(_ text: String) -> Bool {
        text.lowercased().contains { vietnameseLetters.contains($0) }
    }

    /// Why a 4xx answer is not a Vietnamese refusal (a `lang="vi"` page, or problem+json with a Vietnamese title
    /// and detail), or nil.
    static func refusalProblem(_ reply: HostileSender.Reply) -> String? {
        if reply.contentType.contains("application/problem+json") {
            guard let problem = try? JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any] else {
                return "problem+json that is not JSON"
            }
            for field in ["title", "detail"] where !isVietnamese(problem[field] as? String ?? "") {
                return "problem \(field) not Vietnamese: \(problem[field] ?? "nil")"
            }
            return nil
        }
        if reply.contentType.contains("text/html") {
            guard reply.text.contains("lang=\"vi\"") else { return "page without lang=\"vi\"" }
            let visible = reply.text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            return isVietnamese(visible) ? nil : "page without Vietnamese text"
        }
        return "a refusal as \(reply.contentType.isEmpty ? "no content type" : reply.contentType) (\(reply.body.count) bytes)"
    }

    /// What a developer's error says and a person must never read.
    static let leakWords = ["SQLite", "SQLITE_", "GRDB", "DatabaseError", "DecodingError", "EncodingError", "Swift.",
                            "Foundation.", "NIOCore", "HTTPError", "Error Domain", "Optional(", "Fatal error", "{{", "}}"]
    /// A message key of `Content/strings/vi.yaml` shown as is.
    static let rawKey = "(?<![\\w/.-])(?:diagnostic|diagnostics|categories|cli|staff|errors|import|learner|merge|report"
        + "|web|terminal|can_bo)\\.[a-z0-9_]+(?:[.-][a-z0-9_]+)*"

    static func leaks(_ text: String) -> [String] {
        var found = leakWords.filter { text.contains($0) }
        let stripped = text.replacingOccurrences(of: "<(link|script|meta)[^>]*>", with: " ", options: .regularExpression)
        if let range = stripped.range(of: rawKey, options: .regularExpression) { found.append(String(stripped[range])) }
        return found
    }

    /// A dotted path into JSON: `questions.0.id`, or `questions.?kind=text.id` (the first item whose kind is text).
    static func lookup(_ value: Any?, _ path: String) -> Any? {
        var value = value
        for part in path.split(separator: ".").map(String.init) {
            if part.hasPrefix("?") {
                let condition = part.dropFirst().split(separator: "=", maxSplits: 1).map(String.init)
                value = (value as? [[String: Any]])?.first { item in
                    condition.count == 2 && item[condition[0]].map { "\($0)" } == condition[1]
                }
            } else if let list = value as? [Any] {
                value = Int(part).flatMap { $0 < list.count ? list[$0] : nil }
            } else if let object = value as? [String: Any] {
                value = object[part]
            } else {
                return nil
            }
            if value == nil || value is NSNull { return nil }
        }
        return value
    }

    /// A form field or path segment as `urllib.parse.quote(…, safe="")` writes it.
    static func percentEncoded(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// A JSON array as `[Any]` (empty when absent).
    static func list(_ value: Any?) -> [Any] { value as? [Any] ?? [] }

    /// A JSON object of strings (other values left out).
    static func strings(_ value: Any?) -> [String: String] {
        (value as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
    }

    static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.filter { !$0.isWhitespace })
        return stride(from: 0, to: digits.count - 1, by: 2).compactMap { UInt8(String(digits[$0...$0 + 1]), radix: 16) }
    }
}
