import Foundation

/// Certificate codes: 10 characters without look-alikes (no 0/O, 1/I/L), 31 symbols each, about 49.5 bits: with
/// lookups rate-limited by the fronts, they cannot be guessed. Codes made before (8 characters) stay valid.
public enum VerificationCode {
    /// The symbols a code is made of.
    public static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    /// How many symbols a new code has.
    public static let length = 10

    /// A new random code.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// A code as typed (lower case, with dashes or spaces) in the form it is stored.
    public static func normalized(_ typed: String) -> String {
        typed.uppercased().filter { !$0.isWhitespace && $0 != "-" }
    }
}
