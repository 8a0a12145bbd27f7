// Runs independent per-item work on every core; results come back in input order so output stays deterministic.

import Dispatch
import Foundation

public enum Parallel {
    /// `transform` applied to each element, on all cores, results in the order of `items`.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let results = ResultBuffer<R>(count: items.count)
        let chunk = chunkSize(items.count)
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
    /// How many of `count` items `map` hands a thread at a time: a 64th of them. Chunks keep scheduling overhead low
    /// for tiny items and still balance uneven ones. Callers that keep state per chunk cut their items the same way.
    public static func chunkSize(_ count: Int) -> Int { max(1, count / 64) }

    /// `map`, run on other threads while the caller goes on: for overlapping a serial step with reading the next items.
    /// Items are handed out one at a time, and the caller, once it asks for the results, takes what is left
    /// itself: a thread that waits never leaves a core idle (the pool may not lend a second thread while the
    /// caller works), and waiting never depends on a free thread.
    public final class Pending<R: Sendable>: @unchecked Sendable {
        private let count: Int
        private let results: ResultBuffer<R>
        private let transform: @Sendable (Int) -> R
        private var next = 0, finished = 0   // guarded by `lock`
        private let lock = NSLock()
        private let done = DispatchSemaphore(value: 0)

        public init<T: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) {
            count = items.count
            results = ResultBuffer(count: items.count)
            self.transform = { transform(items[$0]) }
            for _ in 0..<ProcessInfo.processInfo.activeProcessorCount {
                DispatchQueue.global().async { [self] in work() }
            }
        }

        /// The results, in the order of the items, once all are made.
        public func wait() -> [R] {
            work()
            if count > 0 { done.wait() }
            return results.values()
        }

        private func work() {
            while let i = take() {
                results.set(i, transform(i))
                let last = lock.withLock { finished += 1; return finished == count }
                if last { done.signal() }
            }
        }

        private func take() -> Int? {
            lock.withLock {
                guard next < count else { return nil }
                next += 1
                return next - 1
            }
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

extension Array {
    /// `Array(repeating: value, count: count)`, made by reserving and appending. `Array(repeating:count:)` looks its
    /// storage type up in the runtime's metadata cache on every call (it is not specialised), and on two cores that
    /// shared cache was 1 % of a build's samples, from the arrays made for every paragraph.
    @inlinable public static func filled(with value: Element, count: Int) -> [Element] {
        var array: [Element] = []
        array.reserveCapacity(count)
        array.append(contentsOf: repeatElement(value, count: count))
        return array
    }
}
