/// The report figures a staff member may read, as `StaffService.reporting(_:unitID:over:)` grants them: the
/// whole commune's, or one unit's (a clerk's own unit, always).
public struct StaffReportScope: Sendable {
    /// The unit the figures are restricted to; nil for the whole commune.
    public let unitID: String?
    /// The figures, already restricted to `unitID` when there is one.
    public let figures: any ReportingRepository
}

extension StaffService {
    /// The unit whose figures `staff` may read when asking for `unitID`: nil for the whole commune, or a
    /// clerk's own unit when they name none. A unit clerk asking for the commune or for another unit is refused
    /// with `forbidden`; an unknown unit with `unknownUnit` (`units` are the units a report may be made for).
    public func reportUnit(_ staff: StaffIdentity, unitID: String?, units: [CommuneUnit]) throws -> String? {
        let unit = unitID ?? (staff.role == .unitClerk ? staff.unitID : nil)
        guard let unit else {
            guard staff.role != .unitClerk else { throw LearningError(.forbidden, "*") }
            return nil
        }
        guard staff.covers(unitID: unit) else { throw LearningError(.forbidden, unit) }
        guard units.contains(where: { $0.id == unit }) else { throw ProgressError(.unknownUnit, unit) }
        return unit
    }

    /// The figures `staff` may read for `unitID` (see `reportUnit`), restricted to that unit when there is one.
    public func reporting(_ staff: StaffIdentity, unitID: String?, units: [CommuneUnit],
                          over figures: any ReportingRepository) throws -> StaffReportScope {
        guard let unit = try reportUnit(staff, unitID: unitID, units: units) else {
            return StaffReportScope(unitID: nil, figures: figures)
        }
        return StaffReportScope(unitID: unit, figures: UnitScopedReporting(base: figures, unitID: unit))
    }
}
