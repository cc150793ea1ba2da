import Foundation
import LearningCore
import Testing
import TestSupport
import WebFront

/// The in-memory sessions: random tokens, kept hashed, ended by sitting idle.
@Suite struct SessionStoreTests {
    static let identity = LearnerIdentity(learnerID: 1, unitID: "thon-1", displayName: "Lan")

    @Test func tokensAreRandom128BitHexAndFindTheirSession() async {
        let store = SessionStore(clock: TestClock())
        let first = await store.open(identity: Self.identity)
        let second = await store.open(identity: nil)
        #expect(first.token.count == 32)
        #expect(first.token.allSatisfy { $0.isHexDigit })
        #expect(first.token != second.token)
        #expect(first.session.csrfToken != second.session.csrfToken)
        #expect(await store.session(token: first.token)?.session.identity == Self.identity)
        #expect(await store.session(token: second.token)?.session.identity == nil)
        // One character changed (never to itself, whatever the token starts with) finds nothing.
        let altered = (first.token.hasPrefix("0") ? "1" : "0") + first.token.dropFirst()
        #expect(await store.session(token: altered) == nil)
    }

    @Test func anIdleSessionEndsAndUseKeepsItAlive() async {
        let clock = TestClock()
        let store = SessionStore(clock: clock, idleTimeout: 300)
        let handle = await store.open(identity: Self.identity)
        clock.advance(seconds: 240)
        #expect(await store.session(token: handle.token) != nil)
        clock.advance(seconds: 240)
        #expect(await store.session(token: handle.token) != nil, "used 240 s ago: still alive")
        clock.advance(seconds: 301)
        #expect(await store.session(token: handle.token) == nil)
        #expect(await store.count == 0)
    }

    @Test func endingASessionForgetsIt() async {
        let store = SessionStore(clock: TestClock())
        let handle = await store.open(identity: Self.identity)
        await store.end(token: handle.token)
        #expect(await store.session(token: handle.token) == nil)
    }
}
