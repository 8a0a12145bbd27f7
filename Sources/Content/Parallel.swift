// Runs independent per-item work on every core; results come back in input order so output stays deterministic.

import Dispatch

public enum Parallel {
    /// `transform` applied to each element, on all cores, results in the order of `items`.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let results = ResultBuffer<R>(count: items.count)
        // Chunks keep scheduling overhead low for tiny items and still balance uneven ones.
        let chunk = max(1, items.count / 64)
        let chunks = (items.count + chunk - 1) / chunk
        items.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let start = c * chunk
                for i in start..<min(start + chunk, input.count) { results.set(i, transform(input[i])) }
            }
        }
        return results.values()
    }
}

extension Parallel {
    /// `map`, run on other threads while the caller goes on: for overlapping a serial step with reading the next items.
    /// If no thread has taken it up by the time the caller asks for the results, the caller makes them itself,
    /// so waiting never depends on a free thread.
    public final class Pending<R: Sendable>: @unchecked Sendable {
        private var results: [R] = []        // written once, by whoever claimed the work, read only after `done`
        private var claimed = false          // read and written only on `claims`
        private let claims = DispatchQueue(label: "Parallel.Pending")
        private let done = DispatchGroup()
        private let work: @Sendable () -> [R]

        public init<T: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) {
            work = { Parallel.map(items, transform) }
            done.enter()
            DispatchQueue.global().async { [self] in runIfUnclaimed() }
        }

        /// The results, in the order of the items, once all are made.
        public func wait() -> [R] {
            runIfUnclaimed()
            done.wait()
            return results
        }

        private func runIfUnclaimed() {
            let mine = claims.sync { () -> Bool in
                defer { claimed = true }
                return !claimed
            }
            guard mine else { return }
            results = work()
            done.leave()
        }
    }
}

/// Each slot written by exactly one iteration, read only after all finished: no lock needed.
private final class ResultBuffer<R>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<R?>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func set(_ index: Int, _ value: R) { slots[index] = value }
    func values() -> [R] { (0..<count).map { slots[$0]! } }
}
