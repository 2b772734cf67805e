// swift-tools-version: 6.1
// PesaGate: the channel gateway of a mobile-money system (USSD in, Kafka pipeline, SMS out over SMPP).
// The folder tree follows ../shared/ARCHITECTURE.md: one module per concern.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "PesaGate",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pesagate", targets: ["PesaGate"]),
        .executable(name: "smsc-sim", targets: ["smsc-sim"]),
        .executable(name: "handset", targets: ["handset"]),
        .executable(name: "smpp-interop", targets: ["smpp-interop"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: ["YAML"]),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // The only module that sees C: Debian's librdkafka 2.0.x and its mock cluster.
        .systemLibrary(
            name: "CRdKafka",
            pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]
        ),
        // A safe, Sendable async API over librdkafka: producer, consumer groups, admin, embedded cluster.
        .target(
            name: "Kafka",
            dependencies: [
                "CRdKafka",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // The domain: money, MSISDNs, transaction ids, the seed's events, topic catalog, decision matrix.
        .target(name: "Payments", swiftSettings: strict),
        // GSM 03.38, UCS-2 and Latin-1 text: shared by USSD screen limits and SMS encoding.
        .target(name: "GSM0338", swiftSettings: strict),
        // SMPP 3.4: pure codec, plus the ESME client and the SMSC simulator core over SwiftNIO.
        .target(
            name: "SMPP",
            dependencies: [
                "GSM0338",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: strict
        ),
        // The *334# dialogue: menus as data, the menu compiler, the pure dialogue engine.
        .target(
            name: "USSD",
            dependencies: ["GSM0338", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        // Accounts, PIN verifiers, double-entry postings, reservations and the outbox on SQLite.
        // How every PesaGate SQLite file is opened and migrated: commits synced (FULL) for real, unsynced
        // bookkeeping writes, migrations safe when several processes start at once.
        .target(
            name: "SQLiteStore",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .target(
            name: "Ledger",
            dependencies: [
                "Payments",
                "SQLiteStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // Typed publishing of the seed's events on Kafka, with the W3C trace context as a header.
        .target(
            name: "Messaging",
            dependencies: ["Kafka", "Payments", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        // The compliance archive of `audit-trail`: month partitions, a hash chain per topic partition, retention.
        .target(
            name: "AuditArchive",
            dependencies: [
                "Payments",
                "SQLiteStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // Real-time analytics of the event streams and the live dashboard page.
        .target(name: "Analytics", dependencies: ["Payments"], swiftSettings: strict),
        // The pipeline's services (fraud, revenue, core, orchestrator, dead letters), the SMS notifications,
        // archival and analytics.
        .target(
            name: "Services",
            dependencies: [
                "Kafka", "Messaging", "Payments", "Ledger", "SQLiteStore", "SMPP", "AuditArchive", "Analytics",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // The USSD callback over HTTP (Africa's Talking convention): sessions, PIN, payment requests.
        .target(
            name: "USSDGateway",
            dependencies: [
                "USSD", "Payments", "Ledger", "Messaging", "Kafka",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // The `pesagate` command: configuration, wiring, service lifecycle.
        .executableTarget(
            name: "PesaGate",
            dependencies: [
                "Analytics",
                "AuditArchive",
                "HandsetKit",
                "Kafka",
                "Ledger",
                "Messaging",
                "Payments",
                "Services",
                "SMPP",
                "USSD",
                "USSDGateway",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                // bench smpp's HTTP client to Kannel's smsbox.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // Drives our ESME against any SMSC for simulators/interop-checks/run.sh (third-party interop checks).
        .executableTarget(
            name: "smpp-interop",
            dependencies: ["SMPP", .product(name: "Logging", package: "swift-log")],
            path: "simulators/Interop",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "smsc-sim",
            dependencies: ["SMPP", .product(name: "Logging", package: "swift-log")],
            path: "simulators/SMSC",
            swiftSettings: strict
        ),
        // The handset simulator's parts: USSD client playing the aggregator, SMS receiver, scripted dialogues, load.
        .target(
            name: "HandsetKit",
            dependencies: [
                "SMPP", "GSM0338",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "handset",
            dependencies: ["HandsetKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "simulators/Handset",
            swiftSettings: strict
        ),
        .testTarget(
            name: "HandsetTests",
            dependencies: [
                "HandsetKit", "SMPP",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "PaymentsTests", dependencies: ["Payments"], swiftSettings: strict),
        .testTarget(
            name: "AuditArchiveTests",
            dependencies: ["AuditArchive", "Payments", "SQLiteStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        .testTarget(name: "AnalyticsTests", dependencies: ["Analytics", "Payments"], swiftSettings: strict),
        .testTarget(name: "KafkaTests", dependencies: ["Kafka"], swiftSettings: strict),
        .testTarget(
            name: "NotificationTests",
            dependencies: [
                "Services", "Kafka", "Messaging", "Payments", "SMPP", "SQLiteStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: [
                "Services", "Kafka", "Messaging", "Payments", "Ledger",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "USSDGatewayTests",
            dependencies: [
                "USSDGateway", "USSD", "Payments", "Ledger", "Messaging", "Kafka",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PesaGateTests", dependencies: ["PesaGate", "AuditArchive", "Ledger", "Payments"], swiftSettings: strict),
        .testTarget(name: "MessagingTests", dependencies: ["Messaging"], swiftSettings: strict),
        .testTarget(name: "GSM0338Tests", dependencies: ["GSM0338"], swiftSettings: strict),
        .testTarget(
            name: "SMPPTests",
            dependencies: [
                "SMPP",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SMPPNetworkTests",
            dependencies: [
                "SMPP",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "USSDTests", dependencies: ["USSD", "GSM0338"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(
            name: "LedgerTests",
            dependencies: ["Ledger", "Payments", "SQLiteStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
