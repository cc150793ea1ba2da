/// 008: the index the coverage and award reads walk. They take each learner's last completion (by time, then
/// course id in byte order) with their count of completions; in this order, with the columns they read included,
/// PostgreSQL reads a commune's completions from the index alone, already sorted, instead of sorting them.
enum PostgresReportIndexes {
    static let statements: [String] = [
        """
        CREATE INDEX course_completion_by_learner_last ON course_completion
            (commune_id, learner_id, completed_at DESC, course_id COLLATE "C" DESC)
            INCLUDE (unit_id, category, percent)
        """,
    ]
}
