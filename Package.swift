// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "yishi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "yishi", targets: ["yishi"]),
        .library(name: "YishiCore", targets: ["YishiCore"]),
        .library(name: "YishiAtlas", targets: ["YishiAtlas"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .target(name: "YishiCore"),
        // The system zlib (Debian's zlib1g-dev) for the zlib-compressed blocks of .osm.pbf files.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "YishiAtlas", dependencies: ["CZlib"]),
        .target(
            name: "YishiApp",
            dependencies: [
                "YishiCore",
                "YishiAtlas",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            // The shipped workflow templates: data, one file each, checked when the platform starts.
            resources: [.copy("Projects/Workflows")]
        ),
        .executableTarget(name: "yishi", dependencies: ["YishiApp"]),
        .testTarget(
            name: "YishiCoreTests",
            dependencies: ["YishiCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "YishiAtlasTests", dependencies: ["YishiAtlas"]),
        .testTarget(
            name: "YishiAppTests",
            dependencies: [
                "YishiApp",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)
