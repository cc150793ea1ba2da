import ArgumentParser

/// The `hoctap` command tree.
public struct HocTapCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "hoctap",
        abstract: "Học tập số: nền tảng học kỹ năng số của phong trào \"học tập số\" xã Kiến Thụy.",
        version: "0.1.0",
        subcommands: [Check.self, Courses.self]
    )

    public init() {}
}
