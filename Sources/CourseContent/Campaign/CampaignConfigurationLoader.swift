public import Foundation
public import LearningCore
import Yams

/// Reads `Content/campaign.yaml`.
public enum CampaignConfigurationLoader {
    /// Why the file could not be used, with the Vietnamese message key and the value concerned.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var key: String
        public var detail: String
        public var description: String { "\(key): \(detail)" }
    }

    private struct File: Decodable {
        struct Campaign: Decodable {
            var name: String
            var period: String
            var plan: String
            var issuer: String
            var place: String
        }

        struct UnitEntry: Decodable {
            var id: String
            var name: String
            var kind: String
            var retired: String?
            var population: [String: Int]?
            var report: UnitReport?
        }

        /// A unit's own report: `{ superior: …, symbol: …, authority: [TRƯỞNG PHÒNG], signer: … }`.
        struct UnitReport: Decodable {
            var superior: String?
            var symbol: String?
            var authority: [String]?
            var signer: String?
        }

        struct Awards: Decodable {
            struct Individual: Decodable {
                var min_courses: Int
                var min_average: Int
            }

            struct UnitRule: Decodable {
                var content: Int
                var min_percent: Int
            }

            var individual: Individual
            var unit: UnitRule
        }

        struct Report: Decodable {
            var symbol: String
            var sent_to: String?
            var recipients: [String]
            var authority: [String]
            var signer: String?
        }

        struct Calendar: Decodable {
            var yearly_deadline: String
            var time_zone: String
            var mid_term_review: Int
            var final_review: Int
            var start_year: Int
        }

        var campaign: Campaign
        var units: [UnitEntry]
        var basic_level: [String: [String]]
        var calendar: Calendar
        var privacy_notice_version: String
        var targets: [Int: [String: Int]]?
        var awards: Awards
        var report: Report
    }

    private static func category(_ code: String) throws -> LearnerCategory {
        guard let category = LearnerCategory(rawValue: code) else {
            throw Failure(key: "campaign.unknown_category", detail: code)
        }
        return category
    }

    public static func load(contentDirectory: URL) throws -> CampaignConfiguration {
        let url = contentDirectory.appendingPathComponent("campaign.yaml")
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw Failure(key: "campaign.unreadable", detail: url.path)
        }
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: text)
        } catch {
            throw Failure(key: "campaign.invalid", detail: "\(error)")
        }
        let timeZone = TimeZone(identifier: file.calendar.time_zone)
        let deadline = file.calendar.yearly_deadline.split(separator: "-").compactMap { Int($0) }
        guard let timeZone, deadline.count == 2, (1...12).contains(deadline[0]), (1...31).contains(deadline[1])
        else { throw Failure(key: "campaign.invalid", detail: "calendar") }

        var units: [CommuneUnit] = []
        let dates = ISO8601DateFormatter()
        dates.formatOptions = [.withFullDate]
        dates.timeZone = timeZone
        for entry in file.units {
            guard let kind = UnitKind(rawValue: entry.kind) else {
                throw Failure(key: "campaign.unknown_unit_kind", detail: "\(entry.id): \(entry.kind)")
            }
            let retired = try entry.retired.map { raw in
                guard let date = dates.date(from: raw) else { throw Failure(key: "campaign.invalid", detail: raw) }
                return date
            }
            units.append(CommuneUnit(id: entry.id, name: TextNormalizer.nfc(entry.name), kind: kind, retiredAt: retired))
        }
        guard Set(units.map(\.id)).count == units.count else {
            throw Failure(key: "campaign.duplicate_unit", detail: "units")
        }
        var basicLevel: [LearnerCategory: [String]] = [:]
        for (code, courses) in file.basic_level {
            basicLevel[try category(code)] = courses
        }
        var population: [String: [LearnerCategory: Int]] = [:]
        for entry in file.units {
            for (code, count) in entry.population ?? [:] {
                population[entry.id, default: [:]][try category(code)] = count
            }
        }
        var percentByYear: [Int: [LearnerCategory: Int]] = [:]
        for (year, targets) in file.targets ?? [:] {
            for (code, percent) in targets {
                percentByYear[year, default: [:]][try category(code)] = percent
            }
        }
        var unitReports: [String: UnitReportSettings] = [:]
        for entry in file.units {
            guard let own = entry.report else { continue }
            unitReports[entry.id] = UnitReportSettings(
                superiorBody: own.superior.map(TextNormalizer.nfc), symbol: own.symbol,
                authority: (own.authority ?? []).map(TextNormalizer.nfc), signer: TextNormalizer.nfc(own.signer ?? ""))
        }
        guard let content = ContentArea(rawValue: file.awards.unit.content) else {
            throw Failure(key: "campaign.invalid", detail: "awards.unit.content")
        }
        let awards = AwardCriteria(
            individualMinimumCourses: file.awards.individual.min_courses,
            individualMinimumAverage: file.awards.individual.min_average,
            unitMinimumPercent: file.awards.unit.min_percent, unitContent: content)
        let report = ReportSettings(
            symbol: file.report.symbol, sentTo: file.report.sent_to.map(TextNormalizer.nfc),
            recipients: file.report.recipients.map(TextNormalizer.nfc),
            authority: file.report.authority.map(TextNormalizer.nfc),
            signer: TextNormalizer.nfc(file.report.signer ?? ""))
        return CampaignConfiguration(
            name: TextNormalizer.nfc(file.campaign.name), period: file.campaign.period,
            plan: TextNormalizer.nfc(file.campaign.plan), issuer: TextNormalizer.nfc(file.campaign.issuer),
            place: TextNormalizer.nfc(file.campaign.place), units: units, basicLevel: basicLevel,
            yearlyDeadline: (deadline[0], deadline[1]), timeZone: timeZone,
            midTermReviewYear: file.calendar.mid_term_review, finalReviewYear: file.calendar.final_review,
            startYear: file.calendar.start_year, privacyNoticeVersion: file.privacy_notice_version,
            targets: CampaignTargets(population: population, percentByYear: percentByYear), awards: awards,
            report: report, unitReports: unitReports)
    }
}
