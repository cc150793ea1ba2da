import CourseContent
import Foundation
import LearningCore

extension TerminalSession {
    /// Unit, name and PIN (not echoed); nil after a refusal, which is said.
    func signInFlow() async throws -> LearnerIdentity? {
        blank()
        say("terminal.sign_in.title", style: .heading)
        guard let unit = try await chooseUnit() else { return nil }
        let name = try ask(text("terminal.sign_in.name"))
        let pin = try askSecret(text("terminal.sign_in.pin"))
        let identity = try await attempt {
            try await signIn.signIn(unitID: unit.id, name: name, pin: pin, clientKey: clientKey)
        }
        if let identity { say("terminal.sign_in.welcome", [identity.displayName], style: .good) }
        return identity
    }

    /// A new learner: unit, name, category, PIN twice, then the privacy notice and consent given by a key.
    func registerFlow() async throws -> LearnerIdentity? {
        blank()
        say("terminal.register.title", style: .heading)
        guard let unit = try await chooseUnit() else { return nil }
        let name = try ask(text("terminal.register.name"))
        blank()
        let categories = LearnerCategory.allCases
        for (index, category) in categories.enumerated() {
            item("\(index + 1).", text("categories.\(category.rawValue)"), indent: 2)
        }
        let category = categories[try choose(count: categories.count, allowZero: false,
                                             prompt: text("terminal.register.category")) - 1]
        var pin = ""
        while true {
            pin = try askSecret(text("terminal.register.pin"))
            if (try? LearnerValidation.pin(pin)) == nil {
                say("errors.invalid-pin", style: .bad)
                continue
            }
            if try askSecret(text("terminal.register.pin_again")) == pin { break }
            say("terminal.register.pin_mismatch", style: .bad)
        }
        blank()
        say("terminal.register.notice_title", [noticeVersion], style: .heading)
        say("terminal.register.notice")
        blank()
        guard try confirm(text("terminal.register.consent_learning")) else {
            say("errors.consent-not-given")
            return nil
        }
        let reporting = try confirm(text("terminal.register.consent_reporting"))
        let new = NewLearner(displayName: name, unitID: unit.id, category: category, pin: pin)
        let identity = try await attempt {
            try await signIn.register(new, consent: ConsentChoices(learning: true, reporting: reporting,
                                                                   noticeVersion: noticeVersion))
        }
        if let identity { say("terminal.register.done", [identity.displayName, unit.name], style: .good) }
        return identity
    }

    /// A unit from the numbered list, or by typing part of its name (diacritics optional).
    func chooseUnit() async throws -> CommuneUnit? {
        guard let units = try await attempt({ try await signIn.activeUnits() }), !units.isEmpty else {
            say("terminal.sign_in.no_units", style: .bad)
            return nil
        }
        blank()
        for (index, unit) in units.enumerated() { item("\(index + 1).", unit.name, indent: 2) }
        while true {
            let answer = try ask(text("terminal.sign_in.unit"))
            if let number = Int(answer), units.indices.contains(number - 1) { return units[number - 1] }
            let matches = answer.isEmpty ? [] : try await signIn.units(matching: answer)
            let exact = matches.filter {
                TextNormalizer.comparisonKey($0.name, ignoringDiacritics: true)
                    == TextNormalizer.comparisonKey(answer, ignoringDiacritics: true)
            }
            if matches.count == 1 || exact.count == 1 {
                let unit = exact.first ?? matches[0]
                say("terminal.sign_in.unit_chosen", [unit.name])
                return unit
            }
            if matches.isEmpty {
                say("terminal.sign_in.unit_none", [answer], style: .bad)
            } else {
                say("terminal.sign_in.unit_many")
                for unit in matches {
                    let number = (units.firstIndex(of: unit) ?? 0) + 1
                    item("\(number).", unit.name, indent: 2)
                }
            }
        }
    }
}
