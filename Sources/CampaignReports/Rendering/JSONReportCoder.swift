public import Foundation

/// The machine-readable report the city merges across communes: `CampaignReport` as JSON, schema in
/// `docs/report-schema.json`, dates in ISO 8601.
public enum JSONReportCoder {
    public static func encode(_ report: CampaignReport) throws -> Data {
        try encoder.encode(report)
    }

    public static func decode(_ data: Data) throws -> CampaignReport {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(CampaignReport.self, from: data)
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
