public import ArgumentParser

/// The `hoctap` command tree.
public struct HocTapCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "hoctap",
        abstract: "Học tập số: nền tảng học kỹ năng số của phong trào \"học tập số\" xã Kiến Thụy.",
        version: "0.1.0",
        subcommands: [Serve.self, Learn.self, Progress.self, Check.self, Courses.self, Learners.self, Staff.self, Units.self, Database.self, Report.self, Demo.self]
    )

    public init() {}
}

extension HocTapCommand {
    /// Parses the arguments and runs the chosen command, awaiting the asynchronous ones. (Called from the thin
    /// `@main`; ArgumentParser's own async `main()` is only chosen for a root marked `@main` itself.)
    public static func start() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
