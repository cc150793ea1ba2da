import Foundation
import ZIPFoundation

/// Why a DOCX or XLSX file could not be written.
public struct OfficeFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        /// The zip container of the file could not be assembled in memory.
        case archive = "office-archive"
    }

    /// What went wrong.
    public let kind: Kind
    /// The part concerned and the underlying reason.
    public let detail: String

    /// An error of `kind` about `detail`.
    public init(_ kind: Kind, _ detail: String = "") {
        self.kind = kind
        self.detail = detail
    }

    /// `office-archive: word/document.xml: …`.
    public var description: String { detail.isEmpty ? kind.rawValue : "\(kind.rawValue): \(detail)" }
}

/// Text helpers shared by the DOCX and XLSX renderers: escaping, and the package parts both formats need.
enum OfficeXML {
    /// The declaration every part starts with.
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    /// Namespace of package relationships (`_rels/*.rels`).
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    /// Namespace of the `r:id` attributes that point at relationships.
    static let officeRelationshipsNamespace =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    /// Prefix of the relationship types (`…/officeDocument`, `…/styles` …).
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    /// One relationship of a `.rels` part.
    struct Relationship {
        var id: String
        /// The last segment of the type: `officeDocument`, `styles`, `worksheet` …
        var type: String
        var target: String
    }

    /// A `.rels` part listing `relationships`.
    static func relationships(_ relationships: [Relationship]) -> String {
        var xml = declaration + #"<Relationships xmlns="\#(relationshipsNamespace)">"#
        for relationship in relationships {
            xml += #"<Relationship Id="\#(MarkupEscaping.escape(relationship.id))" "#
                + #"Type="\#(relationshipType)\#(relationship.type)" Target="\#(MarkupEscaping.escape(relationship.target))"/>"#
        }
        return xml + "</Relationships>"
    }

    /// `[Content_Types].xml`: the `rels` and `xml` defaults, and one override per part listed.
    static func contentTypes(overrides: [(partName: String, contentType: String)]) -> String {
        var xml = declaration
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
        for (partName, contentType) in overrides {
            xml += #"<Override PartName="\#(MarkupEscaping.escape(partName))" ContentType="\#(contentType)"/>"#
        }
        return xml + "</Types>"
    }
}

/// The parts of an Office Open XML file, zipped in memory in the order they were added.
struct OfficePackage {
    /// Every entry gets this date, so rendering the same report twice gives the same bytes.
    private static let entryDate = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01

    private var parts: [(path: String, content: Data)] = []

    /// Adds the part at `path` (no leading slash) with `xml` as its UTF-8 content.
    mutating func add(_ path: String, _ xml: String) {
        parts.append((path, Data(xml.utf8)))
    }

    /// The zip file: deflated entries, `[Content_Types].xml` first when it was added first.
    func zipped() throws(OfficeFileError) -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw OfficeFileError(.archive, "cannot create an archive in memory: \(error)")
        }
        for (path, content) in parts {
            do {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(content.count),
                    modificationDate: Self.entryDate, compressionMethod: .deflate
                ) { position, size in
                    let start = Int(position)
                    return content.subdata(in: start..<min(start + size, content.count))
                }
            } catch {
                throw OfficeFileError(.archive, "\(path): \(error)")
            }
        }
        guard let data = archive.data else {
            throw OfficeFileError(.archive, "the archive in memory has no data")
        }
        return data
    }
}
