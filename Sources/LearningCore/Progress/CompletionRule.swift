/// When a course counts as completed: every required lesson read, and the final quiz passed if it has one.
public enum CompletionRule {
    public static func isComplete(_ course: Course, lessonsCompleted: Set<String>, passedFinalQuiz: Bool) -> Bool {
        let required = course.lessons.filter(\.isRequired).map(\.id)
        guard required.allSatisfy(lessonsCompleted.contains) else { return false }
        return course.finalQuiz == nil || passedFinalQuiz
    }
}
