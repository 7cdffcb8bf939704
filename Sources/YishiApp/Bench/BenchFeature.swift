import Vapor

/// `yishi bench …`: benchmarks that print one JSON line.
struct BenchFeature: Feature {
    var commands: [FeatureCommand] { [.init(name: "bench", command: BenchCommand())] }
}
