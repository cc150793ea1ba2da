import GRDB

/// The schema, as numbered migrations. A migration is never edited once shipped: a change is a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("001-initial-schema", migrate: createInitialSchema)
        migrator.registerMigration("002-reporting-indexes", migrate: createReportingIndexes)
        migrator.registerMigration("003-covering-reporting-indexes", migrate: createCoveringReportingIndexes)
        migrator.registerMigration("004-clustered-answers-and-progress", migrate: clusterAnswersAndProgress)
        migrator.registerMigration("005-attempts-by-id-sign-in-audit", migrate: addAttemptsByIDSignInAndAudit)
        migrator.registerMigration("006-recorded-placement-and-rollups", migrate: addRecordedPlacementAndRollups)
        migrator.registerMigration("007-active-day-spans-and-basic-level", migrate: addActiveDaySpansAndBasicLevel)
        return migrator
    }

    /// Raw events (lesson events, attempts, consent) and the summaries rebuilt from them kept apart.
    private static func createInitialSchema(_ db: Database) throws {
        try db.create(table: "unit") { t in
            t.primaryKey("id", .text)
            t.column("name", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("retiredAt", .datetime)
        }
        try db.create(table: "learner") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("displayName", .text)
            t.column("unitId", .text).notNull().references("unit")
            t.column("category", .text).notNull()
            t.column("phone", .text)
            t.column("pinHash", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("anonymisedAt", .datetime)
        }
        try db.create(index: "learner_on_unit_category", on: "learner", columns: ["unitId", "category"])
        try db.create(table: "consentEvent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("learnerId", .integer).notNull().references("learner")
            t.column("purpose", .text).notNull()
            t.column("noticeVersion", .text).notNull()
            t.column("given", .boolean).notNull()
            t.column("at", .datetime).notNull()
        }
        try db.create(index: "consentEvent_on_learner", on: "consentEvent", columns: ["learnerId"])
        try db.create(table: "lessonEvent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("learnerId", .integer).notNull().references("learner")
            t.column("courseId", .text).notNull()
            t.column("lessonId", .text).notNull()
            t.column("kind", .text).notNull()  // visit | complete
            t.column("at", .datetime).notNull()
        }
        try db.create(index: "lessonEvent_on_learner_course", on: "lessonEvent", columns: ["learnerId", "courseId"])
        try db.create(table: "attempt") { t in
            t.primaryKey("id", .text)  // the client-made submission id
            t.column("learnerId", .integer).notNull().references("learner")
            t.column("courseId", .text).notNull()
            t.column("courseVersion", .integer).notNull()
            t.column("quizId", .text).notNull()
            t.column("isFinal", .boolean).notNull()
            t.column("seed", .integer).notNull()
            t.column("startedAt", .datetime).notNull()
            t.column("submittedAt", .datetime).notNull()
            t.column("earnedNumerator", .integer).notNull()
            t.column("earnedDenominator", .integer).notNull()
            t.column("possible", .integer).notNull()
            t.column("percent", .integer).notNull()
            t.column("passMark", .integer).notNull()
            t.column("passed", .boolean).notNull()
        }
        try db.create(index: "attempt_on_learner_quiz", on: "attempt", columns: ["learnerId", "quizId"])
        try db.create(index: "attempt_on_learner_course", on: "attempt", columns: ["learnerId", "courseId"])
        try db.create(index: "attempt_on_submittedAt", on: "attempt", columns: ["submittedAt"])
        try db.create(table: "attemptAnswer") { t in
            t.column("attemptId", .text).notNull().references("attempt", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("questionId", .text).notNull()
            t.column("contentHash", .text).notNull()
            t.column("response", .text)  // JSON of LearningCore.Response, null when unanswered
            t.column("creditNumerator", .integer).notNull()
            t.column("creditDenominator", .integer).notNull()
            t.primaryKey(["attemptId", "position"])
        }
        try db.create(table: "attemptDraft") { t in
            t.primaryKey("attemptId", .text)
            t.column("learnerId", .integer).notNull().references("learner")
            t.column("courseId", .text).notNull()
            t.column("quizId", .text).notNull()
            t.column("seed", .integer).notNull()
            t.column("startedAt", .datetime).notNull()
        }
        try db.create(table: "draftAnswer") { t in
            t.column("attemptId", .text).notNull().references("attemptDraft", onDelete: .cascade)
            t.column("questionId", .text).notNull()
            t.column("response", .text).notNull()
            t.column("savedAt", .datetime).notNull()
            t.primaryKey(["attemptId", "questionId"])
        }
        try db.create(table: "courseCompletion") { t in
            t.column("learnerId", .integer).notNull().references("learner")
            t.column("courseId", .text).notNull()
            t.column("courseVersion", .integer).notNull()
            t.column("completedAt", .datetime).notNull()
            t.column("percent", .integer)
            t.column("verificationCode", .text).notNull().unique()
            t.primaryKey(["learnerId", "courseId"])
        }
        try db.create(index: "courseCompletion_on_completedAt", on: "courseCompletion", columns: ["completedAt"])
        try db.create(table: "staffAccount") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("username", .text).notNull().unique()
            t.column("displayName", .text).notNull()
            t.column("passwordHash", .text).notNull()
            t.column("role", .text).notNull()
            t.column("unitId", .text).references("unit")
            t.column("createdAt", .datetime).notNull()
            t.column("disabledAt", .datetime)
        }
        // Summaries: rebuilt from the events by `hoctap db rebuild-summaries`.
        try db.create(table: "lessonProgress") { t in
            t.column("learnerId", .integer).notNull().references("learner")
            t.column("courseId", .text).notNull()
            t.column("lessonId", .text).notNull()
            t.column("visits", .integer).notNull()
            t.column("firstVisitedAt", .datetime)
            t.column("lastVisitedAt", .datetime)
            t.column("completedAt", .datetime)
            t.primaryKey(["learnerId", "courseId", "lessonId"])
        }
        try db.create(table: "courseProgress") { t in
            t.column("learnerId", .integer).notNull().references("learner")
            t.column("courseId", .text).notNull()
            t.column("firstActivityAt", .datetime).notNull()
            t.column("lastActivityAt", .datetime).notNull()
            t.column("lessonsCompleted", .integer).notNull()
            t.column("finalAttempts", .integer).notNull()
            t.column("bestPercent", .integer)
            t.column("passedFinalAt", .datetime)
            t.primaryKey(["learnerId", "courseId"])
        }
        try db.create(index: "courseProgress_on_firstActivityAt", on: "courseProgress", columns: ["firstActivityAt"])
    }

    /// What the period figures filter on: event and completion times.
    private static func createReportingIndexes(_ db: Database) throws {
        try db.create(index: "lessonEvent_on_at", on: "lessonEvent", columns: ["at"])
        try db.create(index: "lessonProgress_on_completedAt", on: "lessonProgress", columns: ["completedAt"])
        try db.create(index: "learner_on_createdAt", on: "learner", columns: ["createdAt"])
    }

    /// Indexes that hold every column the period figures read, so a year's millions of rows are read from the
    /// index alone instead of one table lookup each. Each replaces an index its columns begin with.
    private static func createCoveringReportingIndexes(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX lessonEvent_on_learner_course;
            CREATE INDEX lessonEvent_on_learner_course_at ON lessonEvent(learnerId, courseId, at);
            DROP INDEX attempt_on_learner_course;
            CREATE INDEX attempt_on_learner_course_submittedAt ON attempt(learnerId, courseId, submittedAt);
            CREATE INDEX attempt_final_on_submittedAt
                ON attempt(submittedAt, learnerId, courseId, isFinal, passed, percent) WHERE isFinal;
            DROP INDEX lessonProgress_on_completedAt;
            CREATE INDEX lessonProgress_on_completedAt ON lessonProgress(completedAt, learnerId, courseId);
            DROP INDEX courseCompletion_on_completedAt;
            CREATE INDEX courseCompletion_on_completedAt ON courseCompletion(completedAt, learnerId, courseId);
            CREATE INDEX courseProgress_on_lastActivityAt ON courseProgress(lastActivityAt, firstActivityAt);
            """)
    }

    /// Tables keyed by a composite primary key stored WITHOUT ROWID: the rows live in the key's own B-tree, so a
    /// submission writes one tree per table instead of a table and its key index.
    private static func clusterAnswersAndProgress(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE attemptAnswer_clustered (
                attemptId TEXT NOT NULL REFERENCES attempt(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                questionId TEXT NOT NULL,
                contentHash TEXT NOT NULL,
                response TEXT,
                creditNumerator INTEGER NOT NULL,
                creditDenominator INTEGER NOT NULL,
                PRIMARY KEY (attemptId, position)
            ) WITHOUT ROWID;
            INSERT INTO attemptAnswer_clustered
                SELECT attemptId, position, questionId, contentHash, response, creditNumerator, creditDenominator
                FROM attemptAnswer;
            DROP TABLE attemptAnswer;
            ALTER TABLE attemptAnswer_clustered RENAME TO attemptAnswer;

            CREATE TABLE courseProgress_clustered (
                learnerId INTEGER NOT NULL REFERENCES learner(id),
                courseId TEXT NOT NULL,
                firstActivityAt DATETIME NOT NULL,
                lastActivityAt DATETIME NOT NULL,
                lessonsCompleted INTEGER NOT NULL,
                finalAttempts INTEGER NOT NULL,
                bestPercent INTEGER,
                passedFinalAt DATETIME,
                PRIMARY KEY (learnerId, courseId)
            ) WITHOUT ROWID;
            INSERT INTO courseProgress_clustered
                SELECT learnerId, courseId, firstActivityAt, lastActivityAt, lessonsCompleted, finalAttempts,
                       bestPercent, passedFinalAt
                FROM courseProgress;
            DROP TABLE courseProgress;
            ALTER TABLE courseProgress_clustered RENAME TO courseProgress;
            CREATE INDEX courseProgress_on_firstActivityAt ON courseProgress(firstActivityAt);
            CREATE INDEX courseProgress_on_lastActivityAt ON courseProgress(lastActivityAt, firstActivityAt);
            """)
    }

    /// What the fronts' use cases need: attempts stored at their start with a deadline, submission ids apart
    /// from attempt ids, completions linked to the attempt that earned them, durable sign-in throttling, quizzes
    /// closed by staff, and the audit log of staff actions on people's data.
    private static func addAttemptsByIDSignInAndAudit(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE attemptDraft ADD COLUMN deadline DATETIME;
            CREATE INDEX attemptDraft_on_learner_quiz ON attemptDraft(learnerId, quizId);
            CREATE INDEX attemptDraft_on_deadline ON attemptDraft(deadline) WHERE deadline IS NOT NULL;
            ALTER TABLE attempt ADD COLUMN submissionId TEXT;
            CREATE UNIQUE INDEX attempt_on_submissionId ON attempt(submissionId) WHERE submissionId IS NOT NULL;
            ALTER TABLE courseCompletion ADD COLUMN attemptId TEXT;
            CREATE TABLE signInThrottle (
                key TEXT PRIMARY KEY NOT NULL,
                failures INTEGER NOT NULL,
                lastFailureAt DATETIME NOT NULL,
                lockedUntil DATETIME
            ) WITHOUT ROWID;
            CREATE TABLE quizClosure (
                quizId TEXT PRIMARY KEY NOT NULL,
                closedAt DATETIME NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE auditEvent (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at DATETIME NOT NULL,
                staffName TEXT NOT NULL,
                action TEXT NOT NULL,
                learnerId INTEGER REFERENCES learner(id),
                detail TEXT NOT NULL
            );
            CREATE INDEX auditEvent_on_learner ON auditEvent(learnerId);
            """)
    }

    /// Every lesson event, attempt and completion records the learner's unit and category at that moment (filled
    /// for existing rows from today's values); registrations and moves are dated placements; and the rollups the
    /// reports read, kept in each event's transaction (see `Rollups`), filled from the raw events.
    private static func addRecordedPlacementAndRollups(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE lessonEvent ADD COLUMN unitId TEXT;
            ALTER TABLE lessonEvent ADD COLUMN category TEXT;
            ALTER TABLE attempt ADD COLUMN unitId TEXT;
            ALTER TABLE attempt ADD COLUMN category TEXT;
            ALTER TABLE courseCompletion ADD COLUMN unitId TEXT;
            ALTER TABLE courseCompletion ADD COLUMN category TEXT;
            UPDATE lessonEvent SET (unitId, category) = (SELECT unitId, category FROM learner WHERE id = learnerId);
            UPDATE attempt SET (unitId, category) = (SELECT unitId, category FROM learner WHERE id = learnerId);
            UPDATE courseCompletion
                SET (unitId, category) = (SELECT unitId, category FROM learner WHERE id = learnerId);
            DROP INDEX courseCompletion_on_completedAt;
            CREATE INDEX courseCompletion_on_completedAt
                ON courseCompletion(completedAt, learnerId, courseId, percent, unitId, category);
            CREATE INDEX attempt_final_on_submittedAt_recorded
                ON attempt(submittedAt, unitId, category, courseId, passed, percent) WHERE isFinal;
            DROP INDEX attempt_final_on_submittedAt;

            CREATE TABLE learnerPlacement (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                learnerId INTEGER NOT NULL REFERENCES learner(id),
                unitId TEXT NOT NULL,
                category TEXT NOT NULL,
                at DATETIME NOT NULL
            );
            CREATE INDEX learnerPlacement_on_learner_at ON learnerPlacement(learnerId, at);
            CREATE INDEX learnerPlacement_on_at ON learnerPlacement(at);
            INSERT INTO learnerPlacement (learnerId, unitId, category, at)
                SELECT id, unitId, category, createdAt FROM learner ORDER BY id;

            CREATE TABLE rollupCalendar (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                timeZone TEXT NOT NULL,
                deadlineMonth INTEGER NOT NULL,
                deadlineDay INTEGER NOT NULL
            );
            INSERT INTO rollupCalendar VALUES (1, 'Asia/Ho_Chi_Minh', 12, 10);

            CREATE TABLE registrationDay (
                day INTEGER NOT NULL, unitId TEXT NOT NULL, category TEXT NOT NULL, delta INTEGER NOT NULL,
                PRIMARY KEY (day, unitId, category)
            ) WITHOUT ROWID;
            CREATE TABLE dayFigures (
                day INTEGER NOT NULL, unitId TEXT NOT NULL, category TEXT NOT NULL, courseId TEXT NOT NULL,
                lessonCompletions INTEGER NOT NULL DEFAULT 0, courseCompletions INTEGER NOT NULL DEFAULT 0,
                finalAttempts INTEGER NOT NULL DEFAULT 0, passedAttempts INTEGER NOT NULL DEFAULT 0,
                percentSum INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (day, unitId, category, courseId)
            ) WITHOUT ROWID;
            CREATE TABLE yearFigures (
                year INTEGER NOT NULL, unitId TEXT NOT NULL, category TEXT NOT NULL, courseId TEXT NOT NULL,
                active INTEGER NOT NULL DEFAULT 0, enrolments INTEGER NOT NULL DEFAULT 0,
                lessonCompletions INTEGER NOT NULL DEFAULT 0, courseCompletions INTEGER NOT NULL DEFAULT 0,
                finalAttempts INTEGER NOT NULL DEFAULT 0, passedAttempts INTEGER NOT NULL DEFAULT 0,
                percentSum INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (year, unitId, category, courseId)
            ) WITHOUT ROWID;
            CREATE TABLE activityDay (
                unitId TEXT NOT NULL, category TEXT NOT NULL, day INTEGER NOT NULL, learnerId INTEGER NOT NULL,
                courseId TEXT NOT NULL,
                PRIMARY KEY (unitId, category, day, learnerId, courseId)
            ) WITHOUT ROWID;
            CREATE TABLE activityYear (
                year INTEGER NOT NULL, unitId TEXT NOT NULL, category TEXT NOT NULL, learnerId INTEGER NOT NULL,
                courseId TEXT NOT NULL,
                PRIMARY KEY (year, unitId, category, learnerId, courseId)
            ) WITHOUT ROWID;
            CREATE TABLE completionYear (
                year INTEGER NOT NULL, learnerId INTEGER NOT NULL, completions INTEGER NOT NULL,
                percentSum INTEGER NOT NULL, lastAt DATETIME NOT NULL, lastCourseId TEXT NOT NULL,
                unitId TEXT NOT NULL, category TEXT NOT NULL,
                PRIMARY KEY (year, learnerId)
            ) WITHOUT ROWID;
            """)
        // The rollups are filled by 007's rebuild, which writes the columns it adds: `Rollups.rebuild` is today's
        // code, and must only run on today's schema.
    }

    /// Each active (year, unit, category, learner, course) keeps its first and last active day of the year and a
    /// bitmap of its active days (`d0`…`d5`, see `ActiveDays`), so that any period inside a year is counted from `activityYear`
    /// alone; the people who reached the basic level
    /// of their category are kept one row each (`basicLevelReach`, for the course lists in `basicLevelCourse`,
    /// which the server sets from the configuration); then every rollup is rebuilt from the raw events.
    private static func addActiveDaySpansAndBasicLevel(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE activityYear ADD COLUMN firstDay INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE activityYear ADD COLUMN lastDay INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE activityYear ADD COLUMN d0 INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE activityYear ADD COLUMN d1 INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE activityYear ADD COLUMN d2 INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE activityYear ADD COLUMN d3 INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE activityYear ADD COLUMN d4 INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE activityYear ADD COLUMN d5 INTEGER NOT NULL DEFAULT 0;
            CREATE TABLE basicLevelCourse (
                category TEXT NOT NULL, courseId TEXT NOT NULL,
                PRIMARY KEY (category, courseId)
            ) WITHOUT ROWID;
            CREATE INDEX basicLevelCourse_on_courseId ON basicLevelCourse(courseId, category);
            CREATE TABLE basicLevelReach (
                category TEXT NOT NULL, learnerId INTEGER NOT NULL, reachedAt DATETIME NOT NULL,
                unitId TEXT NOT NULL,
                PRIMARY KEY (category, learnerId)
            ) WITHOUT ROWID;
            """)
        try Rollups.rebuild(calendar: Rollups.calendar(db), db)
    }
}
