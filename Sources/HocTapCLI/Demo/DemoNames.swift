import Foundation
import LearningCore
import ProgressStore

/// Vietnamese names for demonstration learners.
enum DemoNames {
    static let family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Phan", "Đào"]
    static let middle = ["Văn", "Thị", "Hữu", "Đức", "Thanh", "Minh", "Ngọc", "Quang", "Thu", "Xuân"]
    static let given = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hoa", "Hùng", "Hương", "Khánh", "Lan",
                        "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn",
                        "Vân", "Yến"]

    static func name(_ index: Int, using random: inout SplitMix64) -> String {
        "\(family.randomElement(using: &random)!) \(middle.randomElement(using: &random)!) \(given.randomElement(using: &random)!)"
    }
}
