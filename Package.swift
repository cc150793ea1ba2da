// swift-tools-version:6.1
// Học tập số: the learning platform of the commune's "học tập số" movement.

import PackageDescription

/// Strict settings for every target (as the anchors use them).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "HocTapSo",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hoctap", targets: ["hoctap"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // Thin @main over the command tree.
        .executableTarget(
            name: "hoctap",
            dependencies: ["HocTapCLI"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "HocTapCLI",
            dependencies: [
                "LearningCore",
                "CourseContent",
                "ProgressStore",
                "PostgresStore",
                "CampaignReports",
                "WebFront",
                "TerminalFront",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // The HTTP front: kiosk pages, static files and the JSON API, over the use cases of LearningCore.
        .target(
            name: "WebFront",
            dependencies: [
                "LearningCore",
                "CourseContent",
                "CampaignReports",
                "CQRencode",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            swiftSettings: strictSettings
        ),
        // The terminal front: `hoctap learn`, over the use cases of LearningCore; never the store itself.
        .target(
            name: "TerminalFront",
            dependencies: ["LearningCore", "CourseContent"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "CourseContent",
            dependencies: [
                "LearningCore",
                "CMarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "CampaignReports",
            dependencies: [
                "LearningCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ProgressStore",
            dependencies: [
                "LearningCore",
                "StoreSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // The city's store: the same protocols on PostgreSQL (postgres-nio), one commune per tenant under
        // row-level security. Only the composition root imports it.
        .target(
            name: "PostgresStore",
            dependencies: [
                "LearningCore",
                "StoreSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // What both stores share and no front needs: bcrypt hashing of PINs and passwords off the cooperative
        // pool, certificate codes, responses as stored JSON.
        .target(
            name: "StoreSupport",
            dependencies: [
                "LearningCore",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LearningCore",
            swiftSettings: strictSettings
        ),
        // libcmark-gfm and its extensions, from Debian's -dev packages.
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libqrencode, from Debian's -dev package: the QR code of a certificate's verification address.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // libFuzzer harnesses of `make reliability` (Reliability/fuzz/run.sh builds them with -DFUZZING and the
        // fuzzer and address sanitizers); in an ordinary build each is a reproducer that replays input files.
        .executableTarget(
            name: "FuzzCourseLoader",
            dependencies: ["CourseContent", "LearningCore", "CLibFuzzer"],
            path: "Reliability/fuzz/FuzzCourseLoader",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "FuzzLearnersCSV",
            dependencies: ["CourseContent", "LearningCore", "CLibFuzzer"],
            path: "Reliability/fuzz/FuzzLearnersCSV",
            swiftSettings: strictSettings
        ),
        // libFuzzer's driver function, declared for the harnesses (the toolchain's libFuzzer defines it).
        .target(name: "CLibFuzzer", path: "Reliability/fuzz/CLibFuzzer"),
        // Tests' access to a PostgreSQL server (HOCTAP_TEST_POSTGRES): a fresh database per test.
        .target(
            name: "PostgresTestSupport",
            dependencies: [
                "PostgresStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TestSupport",
            dependencies: ["LearningCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LearningCoreTests",
            dependencies: ["LearningCore", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HocTapCLITests",
            dependencies: [
                "HocTapCLI", "CampaignReports", "ProgressStore", "CourseContent", "LearningCore", "TestSupport",
                "WebFront", "hoctap", "PostgresStore", "PostgresTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CampaignReportsTests",
            dependencies: [
                "CampaignReports", "LearningCore", "TestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ProgressStoreTests",
            dependencies: [
                "ProgressStore", "LearningCore", "TestSupport", "hoctap", "PostgresStore", "PostgresTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PostgresStoreTests",
            dependencies: [
                "PostgresStore", "PostgresTestSupport", "LearningCore", "CourseContent", "TestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WebFrontTests",
            dependencies: [
                "WebFront", "LearningCore", "CourseContent", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TerminalFrontTests",
            dependencies: ["TerminalFront", "LearningCore", "CourseContent", "TestSupport", "hoctap"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CourseContentTests",
            dependencies: ["CourseContent", "LearningCore", "TestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ]
)
