// Parallel work must give the results a serial loop gives, in the items' order, however the threads share it.

import Foundation
import Testing
@testable import Content

@Suite struct ParallelTests {
    @Test func mapKeepsTheOrderOfTheItems() {
        for count in [0, 1, 2, 63, 64, 65, 1000] {
            let items = Array(0..<count)
            #expect(Parallel.map(items) { $0 * $0 } == items.map { $0 * $0 })
        }
    }

    /// Discovery reads the next batch of articles while it decides this one, and then waits for it: the results
    /// come back whole and in order whether the waiting thread or the pool's threads made them.
    @Test func pendingWorkGivesEveryResultInOrder() {
        for count in [0, 1, 2, 7, 256, 1000] {
            let items = (0..<count).map { "item \($0)" }
            let pending = Parallel.Pending(items) { text -> Int in
                if text.hasSuffix("3") { usleep(200) }          // uneven items, as articles are
                return text.utf8.count
            }
            #expect(pending.wait() == items.map(\.utf8.count), "\(count)")
        }
        // Asked for at once, before any thread took an item: the caller makes them all itself.
        let immediate = Parallel.Pending(Array(0..<10_000)) { $0 + 1 }
        #expect(immediate.wait() == (1...10_000).map { $0 })
    }
}
