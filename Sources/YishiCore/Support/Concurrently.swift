import Foundation

/// Runs a pure function of `input` on another thread; `wait()` gives its value, once.
/// For splitting independent halves of CPU-bound work across two cores.
final class Concurrently<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written by the worker before `signal`, read only after `wait`: the semaphore orders them.
    private var result: Output?

    init(_ input: Input, _ work: @escaping @Sendable (Input) -> Output) {
        Thread.detachNewThread { [self] in
            result = work(input)
            done.signal()
        }
    }

    /// Waits for the other thread and returns its value. Call once.
    func wait() -> Output {
        done.wait()
        return result!
    }
}
