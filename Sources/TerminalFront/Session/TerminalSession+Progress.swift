import CourseContent
import Foundation
import LearningCore

extension TerminalSession {
    /// `hoctap progress`: asks the PIN of the person named, then prints where they stand in every course and
    /// their completions with verification codes. Returns false when they could not be signed in (said).
    public func showProgress(unitID: String, name: String) async -> Bool {
        do {
            let pin = try askSecret(text("terminal.sign_in.pin"))
            guard let identity = try await attempt({
                try await signIn.signIn(unitID: unitID, name: name, pin: pin, clientKey: clientKey)
            }) else { return false }
            guard let standings = try await attempt({ try await learning.courses(for: identity) }),
                  let completions = try await attempt({ try await learning.certificates(identity) })
            else { return false }
            blank()
            say("terminal.progress.title", [identity.displayName], style: .heading)
            for standing in standings {
                item("•", standing.title, style: .bold)
                write(describe(standing.state), indent: 2)
            }
            blank()
            if completions.isEmpty { say("terminal.progress.no_completions", style: .bold) }
            else { say("terminal.progress.completions", [String(completions.count)], style: .bold) }
            for completion in completions.sorted(by: { $0.completedAt < $1.completedAt }) {
                let title = (try? learning.course(id: completion.courseID).title) ?? completion.courseID
                say("terminal.progress.completion",
                    [title, date(completion.completedAt), completion.percent.map(String.init) ?? "—",
                     completion.verificationCode], indent: 2)
            }
            return true
        } catch {
            blank()
            return false
        }
    }
}
