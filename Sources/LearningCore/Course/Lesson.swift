import Foundation

/// One lesson (bài học) of a course: a Markdown file `NN-slug.md`, with an optional check quiz at its end.
public struct Lesson: Sendable, Hashable, Identifiable {
    /// Stable id within the course: the file name without `.md` (`01-dung-dien-thoai`).
    public var id: String
    /// Position in reading order, from the file name's number.
    public var number: Int
    public var title: String
    public var estimatedMinutes: Int
    /// Whether the lesson must be read for the course to count as completed.
    public var isRequired: Bool
    /// The body rendered to safe HTML (no raw HTML, no `javascript:` links).
    public var bodyHTML: String
    /// The body as Markdown source, for the terminal front.
    public var bodyMarkdown: String
    /// The short check (kiểm tra) after the lesson.
    public var check: Quiz?

    public init(
        id: String, number: Int, title: String, estimatedMinutes: Int, isRequired: Bool,
        bodyHTML: String, bodyMarkdown: String, check: Quiz?
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.estimatedMinutes = estimatedMinutes
        self.isRequired = isRequired
        self.bodyHTML = bodyHTML
        self.bodyMarkdown = bodyMarkdown
        self.check = check
    }
}
