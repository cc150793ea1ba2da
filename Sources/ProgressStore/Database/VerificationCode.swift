import Foundation
import GRDB
import LearningCore

/// Short certificate codes: 8 characters without look-alikes (no 0/O, 1/I/L).
enum VerificationCode {
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<8).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
