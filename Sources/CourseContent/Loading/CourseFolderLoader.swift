import Foundation
import LearningCore

/// Loads one course folder: `course.md`, lessons `NN-slug.md` in order, and `quiz.md`.
struct CourseFolderLoader {
    let url: URL
    let displayPath: String
    let folder: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Where the course's `id` is written, for duplicate reports across folders.
    private(set) var idPosition: Diagnostic?
    private var questionPositions: [(id: String, at: Diagnostic)] = []
    /// The names in the course folder, listed once (links to them need no file-system call).
    private var folderFiles: Set<String> = []

    /// The folder's files by name when it is loaded from memory (`CourseLoader.load(folder:files:)`), not disk.
    private let memoryFiles: [String: Data]?

    init(url: URL, displayPath: String, folder: String, memoryFiles: [String: Data]? = nil) {
        self.url = url
        self.displayPath = displayPath
        self.folder = folder
        self.memoryFiles = memoryFiles
    }

    mutating func load() -> Course? {
        let files = memoryFiles.map { $0.keys.sorted() }
            ?? ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
        folderFiles = Set(files)
        guard files.contains("course.md") else {
            diagnostics.append(Diagnostic(path: "\(displayPath)/course.md", line: 1, column: 1, code: .missingCourseFile))
            return nil
        }
        // A broken course.md still lets the lessons be checked, so the author sees every problem at once.
        let described = loadCourseFile()
        var course = described ?? Course(
            id: folder, title: folder, summary: "", audience: [], contents: [], competences: [], level: .basic,
            estimatedMinutes: 0, passMark: 80, version: 1, language: "vi", introductionHTML: "",
            introductionMarkdown: "", lessons: [], finalQuiz: nil)

        var lessonNumbers: [Int: String] = [:]
        for file in files where file.hasSuffix(".md") && file != "course.md" && file != "quiz.md" {
            guard let number = LessonFileName.number(of: file) else {
                diagnostics.append(Diagnostic(path: "\(displayPath)/\(file)", line: 1, column: 1, code: .unknownFile,
                                              arguments: [file]))
                continue
            }
            if let first = lessonNumbers[number] {
                diagnostics.append(Diagnostic(path: "\(displayPath)/\(file)", line: 1, column: 1,
                                              code: .duplicateLessonNumber, arguments: [first]))
                continue
            }
            lessonNumbers[number] = file
            if let lesson = loadLesson(file: file, number: number, course: course) {
                course.lessons.append(lesson)
            }
        }
        if files.contains("quiz.md") {
            course.finalQuiz = loadFinalQuiz(course: course)
        }
        reportDuplicateQuestionIDs()
        let coursePath = "\(displayPath)/course.md"
        diagnostics += ItemWritingCheck.course(course) { code, arguments in
            Diagnostic(path: coursePath, line: 1, column: 1, code: code, arguments: arguments)
        }
        return described == nil ? nil : course
    }

    // MARK: - course.md

    private mutating func loadCourseFile() -> Course? {
        guard let source = read("course.md") else { return nil }
        var frontMatter = FrontMatter(
            source: source, allowed: CourseLoader.courseKeys, required: CourseLoader.courseKeys.sorted())
        let id = frontMatter.string("id")
        if let id {
            let (line, column) = frontMatter.position(of: "id")
            idPosition = source.diagnostic(line: line, column: column, .duplicateCourseID)
            if id != folder { frontMatter.report(.idMismatch, at: "id", [id, folder]) }
        }
        let title = frontMatter.string("title")
        let summary = frontMatter.string("summary")
        let audience = readAudience(&frontMatter)
        let contents = readContents(&frontMatter)
        let competences = readCompetences(&frontMatter)
        var level: ProficiencyLevel?
        if let raw = frontMatter.string("level") {
            level = ProficiencyLevel(rawValue: raw)
            if level == nil {
                frontMatter.report(.unknownLevel, at: "level",
                                   [raw, ProficiencyLevel.allCases.map(\.rawValue).joined(separator: ", ")])
            }
        }
        let minutes = frontMatter.int("minutes", in: 1...6000)
        let passMark = frontMatter.int("pass_mark", in: 1...100, rangeCode: .passMarkRange)
        let version = frontMatter.int("version", in: 1...1_000_000)
        let language = frontMatter.string("language")
        diagnostics += frontMatter.diagnostics

        let document = MarkdownDocument(source)
        checkMarkup(document.root, source: source)
        guard let id, let title else { return nil }
        return Course(
            id: id, title: title, summary: summary ?? "", audience: audience, contents: contents,
            competences: competences, level: level ?? .basic, estimatedMinutes: minutes ?? 0,
            passMark: passMark ?? 80, version: version ?? 1, language: language ?? "vi",
            introductionHTML: document.html(of: document.root.children), introductionMarkdown: source.body,
            lessons: [], finalQuiz: nil)
    }

    private func readAudience(_ frontMatter: inout FrontMatter) -> [LearnerCategory] {
        var audience: [LearnerCategory] = []
        for item in frontMatter.list("audience") ?? [] {
            if let category = LearnerCategory(rawValue: item.text) {
                audience.append(category)
            } else {
                frontMatter.report(.unknownAudience, line: item.line, column: item.column,
                                   [item.text, LearnerCategory.allCases.map(\.rawValue).joined(separator: ", ")])
            }
        }
        return audience
    }

    private func readContents(_ frontMatter: inout FrontMatter) -> [ContentArea] {
        var contents: [ContentArea] = []
        for item in frontMatter.list("contents") ?? [] {
            if let number = Int(item.text), let area = ContentArea(rawValue: number) {
                contents.append(area)
            } else {
                frontMatter.report(.unknownContent, line: item.line, column: item.column, [item.text])
            }
        }
        return contents.sorted()
    }

    private func readCompetences(_ frontMatter: inout FrontMatter) -> [CompetenceCode] {
        var competences: [CompetenceCode] = []
        for item in frontMatter.list("competences") ?? [] {
            if let code = CompetenceCode(item.text) {
                competences.append(code)
            } else {
                frontMatter.report(.unknownCompetence, line: item.line, column: item.column, [item.text])
            }
        }
        return competences.sorted()
    }

    // MARK: - Lessons

    private mutating func loadLesson(file: String, number: Int, course: Course) -> Lesson? {
        guard let source = read(file) else { return nil }
        var frontMatter = FrontMatter(source: source, allowed: CourseLoader.lessonKeys, required: ["title", "minutes"])
        let title = frontMatter.string("title")
        let minutes = frontMatter.int("minutes", in: 1...600)
        let required = frontMatter.bool("required") ?? true
        var checkSettings = QuizSettings(passMark: course.passMark, feedback: .afterEachQuestion)
        if let node = frontMatter.nested("check") {
            var nested = FrontMatter(source: source, node: node, allowed: QuizSettingsReader.keys)
            checkSettings = QuizSettingsReader.read(&nested, defaults: checkSettings)
            diagnostics += nested.diagnostics
        }
        diagnostics += frontMatter.diagnostics

        let document = MarkdownDocument(source)
        checkMarkup(document.root, source: source)
        let blocks = document.root.children
        let checkStart = blocks.firstIndex {
            $0.kind == .heading && $0.headingLevel == 1
                && TextNormalizer.trimmed($0.plainText).lowercased().hasPrefix(CourseLoader.checkHeadingPrefix)
        }
        let bodyBlocks = Array(blocks[..<(checkStart ?? blocks.endIndex)])
        if bodyBlocks.isEmpty {
            let line = checkStart.map { blocks[$0].line } ?? source.bodyStartLine
            diagnostics.append(source.diagnostic(line: line, column: 1, .emptyLesson))
        }
        let stem = String(file.dropLast(3))
        var check: Quiz?
        if let checkStart {
            let heading = blocks[checkStart]
            let parsed = parseQuestions(Array(blocks[(checkStart + 1)...]), document: document,
                                        source: source, courseID: course.id, stem: stem)
            check = makeQuiz(id: "\(course.id)/\(stem)", title: heading.plainText, settings: checkSettings,
                             parsed: parsed, source: source, at: heading, drawAt: frontMatter)
        }
        let bodyMarkdown = source.text(
            fromLine: source.bodyStartLine, toLine: checkStart.map { blocks[$0].line } ?? source.lineCount + 1)
        guard let title, let minutes else { return nil }
        return Lesson(
            id: stem, number: number, title: title, estimatedMinutes: minutes, isRequired: required,
            bodyHTML: document.html(of: bodyBlocks), bodyMarkdown: bodyMarkdown, check: check)
    }

    // MARK: - quiz.md

    private mutating func loadFinalQuiz(course: Course) -> Quiz? {
        guard let source = read("quiz.md") else { return nil }
        var frontMatter = FrontMatter(source: source, allowed: CourseLoader.quizKeys, required: ["title"])
        let title = frontMatter.string("title")
        let settings = QuizSettingsReader.read(&frontMatter, defaults: QuizSettings(passMark: course.passMark))
        diagnostics += frontMatter.diagnostics
        let document = MarkdownDocument(source)
        checkMarkup(document.root, source: source)
        let parsed = parseQuestions(document.root.children, document: document, source: source,
                                    courseID: course.id, stem: "quiz")
        return makeQuiz(id: "\(course.id)/quiz", title: title ?? "", settings: settings, parsed: parsed,
                        source: source, at: nil, drawAt: frontMatter)
    }

    // MARK: - Shared

    /// The questions that parsed, and whether the section had any question heading at all.
    private mutating func parseQuestions(
        _ blocks: [MarkdownNode], document: MarkdownDocument, source: SourceFile, courseID: String, stem: String
    ) -> (questions: [Question], headings: Int) {
        var parser = QuestionParser(document: document, source: source, courseID: courseID, fileStem: stem)
        let questions = parser.parse(blocks)
        diagnostics += parser.diagnostics
        questionPositions += parser.positions
        return (questions, parser.headingCount)
    }

    /// A quiz, after checking it has questions and that its draw fits its pool. A section whose questions
    /// are all broken is not reported empty: the broken questions already say what is wrong.
    private mutating func makeQuiz(
        id: String, title: String, settings: QuizSettings, parsed: (questions: [Question], headings: Int),
        source: SourceFile, at heading: MarkdownNode?, drawAt frontMatter: FrontMatter
    ) -> Quiz {
        let questions = parsed.questions
        if parsed.headings == 0 {
            diagnostics.append(heading.map { source.diagnostic(at: $0, .emptyQuiz) }
                ?? source.diagnostic(line: source.bodyStartLine, column: 1, .emptyQuiz))
        }
        if let draw = settings.drawCount, draw > questions.count, !questions.isEmpty {
            let position = frontMatter.has("draw")
                ? frontMatter.position(of: "draw") : frontMatter.position(of: "draw", under: "check")
            diagnostics.append(source.diagnostic(line: position.line, column: position.column, .drawExceedsPool,
                                                 [String(draw), String(questions.count)]))
        }
        return Quiz(id: id, title: title, settings: settings, questions: questions)
    }

    /// Reports raw HTML (dropped when rendered) and relative links or images that point at nothing.
    private mutating func checkMarkup(_ root: MarkdownNode, source: SourceFile) {
        let files = folderFiles
        root.forEachDescendant { node in
            switch node.kind {
            case .htmlBlock, .htmlInline:
                diagnostics.append(source.diagnostic(at: node, .rawHTML))
            case .link, .image:
                guard let target = node.url else { break }
                if LinkTarget.isUnsafe(target) {
                    diagnostics.append(source.diagnostic(at: node, .unsafeLink, [target]))
                } else if !LinkTarget.resolves(target, from: url, files: files, onDisk: memoryFiles == nil) {
                    diagnostics.append(source.diagnostic(at: node, .brokenLink, [target]))
                }
            default:
                break
            }
        }
    }

    private mutating func reportDuplicateQuestionIDs() {
        var seen: Set<String> = []
        for (id, position) in questionPositions {
            if seen.contains(id) {
                diagnostics.append(position)
            } else {
                seen.insert(id)
            }
        }
    }

    private mutating func read(_ file: String) -> SourceFile? {
        if let memoryFiles {
            guard let data = memoryFiles[file] else { return nil }
            return SourceFile.decode(Array(data), displayPath: "\(displayPath)/\(file)", diagnostics: &diagnostics)
        }
        return SourceFile.read(path: url.path + "/" + file, displayPath: "\(displayPath)/\(file)", diagnostics: &diagnostics)
    }
}
