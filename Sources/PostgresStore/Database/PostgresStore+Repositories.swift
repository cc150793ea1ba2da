public import LearningCore

// The four storage protocols of LearningCore, met by the methods of the other `PostgresStore+…` files.
extension PostgresStore: ProgressRepository, StaffRepository, ReportingRepository, ItemAnalysisRepository {}
