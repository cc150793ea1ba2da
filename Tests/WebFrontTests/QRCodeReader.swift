import Foundation

/// Reads QR codes back the way a phone would: the SVG drawn to a PNG by `rsvg-convert` (librsvg2-bin), then
/// decoded by `zbarimg` (zbar-tools). Both are system packages that `make deps` installs; when one is missing
/// the test fails and says so, rather than passing without having read anything.
enum QRCodeReader {
    /// A tool the reader needs is not installed.
    struct MissingTool: Error, CustomStringConvertible {
        var tool: String
        var package: String
        var description: String {
            "\(tool) is not installed (Debian package \(package)): run `make deps` (or apt-get install \(package))"
        }
    }

    /// A tool ran but did not give what was expected.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The text of the one QR code in `svg`.
    static func decode(svg: String) throws -> String {
        let rsvg = try tool("rsvg-convert", package: "librsvg2-bin")
        let zbar = try tool("zbarimg", package: "zbar-tools")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoctap-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svgFile = folder.appendingPathComponent("qr.svg")
        let pngFile = folder.appendingPathComponent("qr.png")
        try Data(svg.utf8).write(to: svgFile)
        // 8 pixels a module or more, on white, as a printed page or a screen shows it.
        let drawn = try run(rsvg, ["--width", "600", "--background-color", "white", "--output", pngFile.path,
                                   svgFile.path])
        guard drawn.status == 0 else { throw Failure(description: "rsvg-convert failed: \(drawn.errors)") }
        let read = try run(zbar, ["--raw", "-q", pngFile.path])
        guard read.status == 0 else {
            throw Failure(description: "zbarimg found no QR code (exit \(read.status)): \(read.errors)")
        }
        // zbarimg ends each symbol's text with a line break.
        return read.output.hasSuffix("\n") ? String(read.output.dropLast()) : read.output
    }

    /// The first SVG element of an HTML page.
    static func firstSVG(in html: String) -> String? {
        guard let start = html.range(of: "<svg"), let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The executable `name` on the `PATH`.
    static func tool(_ name: String, package: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw MissingTool(tool: name, package: package)
    }

    private static func run(_ executable: URL, _ arguments: [String]) throws
        -> (status: Int32, output: String, errors: String)
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self),
                String(decoding: errData, as: UTF8.self))
    }
}
