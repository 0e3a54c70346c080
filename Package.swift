// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "pda",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pda", targets: ["pda"]),
        .library(name: "PDAKit", targets: ["AccountModel", "AccountStore", "Readers", "Importers", "Portability", "LaborLedger", "Reports", "Collective", "Rights"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .target(name: "AccountModel"),
        .target(name: "AccountStore", dependencies: [
            "AccountModel", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Readers: the export reader (the security boundary) and the general readers any importer
        // or mapping uses: CSV, XLSX, text encodings, times, amounts. No platform knowledge.
        // libxml2's HTML parser (Debian libxml2-dev), for HTML exports (Takeout My Activity, Meta).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .target(name: "Readers", dependencies: [
            "AccountModel", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "Importers", dependencies: [
            "AccountModel", "AccountStore", "Readers",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "Portability", dependencies: [
            "AccountModel", "AccountStore",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "LaborLedger", dependencies: ["AccountModel", "AccountStore"]),
        .target(name: "Reports", dependencies: ["AccountModel", "AccountStore", "LaborLedger"]),
        .target(name: "Collective", dependencies: [
            "AccountModel", "AccountStore", "Readers", "Importers", "LaborLedger", "Portability", "Reports",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Data requests under the GDPR, CCPA and PIPL, and the completeness audit of exports.
        .target(name: "Rights", dependencies: ["AccountModel", "AccountStore", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(name: "pda", dependencies: [
            "AccountModel", "AccountStore", "Readers", "Importers", "Portability", "LaborLedger", "Reports", "Collective", "Rights",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "AccountModelTests", dependencies: ["AccountModel"]),
        .testTarget(name: "AccountStoreTests", dependencies: ["AccountStore"]),
        // Builders of test inputs (workbooks …) shared by the readers' and importers' tests.
        .target(name: "TestFixtures", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")], path: "Tests/TestFixtures"),
        .testTarget(name: "ReadersTests", dependencies: ["Readers", "TestFixtures"]),
        .testTarget(name: "ImportersTests", dependencies: ["Importers", "Readers", "AccountStore", "TestFixtures"]),
        .testTarget(name: "PortabilityTests", dependencies: ["Portability", "LaborLedger"]),
        .testTarget(name: "LaborLedgerTests", dependencies: ["LaborLedger", "Reports", "AccountStore"]),
        .testTarget(name: "RightsTests", dependencies: ["Rights", "AccountStore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "CollectiveTests", dependencies: ["Collective", "AccountStore", "LaborLedger"]),
    ]
)

// `make fuzz` sets PDA_FUZZ=1: libFuzzer harnesses (fuzz/README.md), built with -sanitize=fuzzer
// into .build-fuzz. They are left out otherwise, so `swift build` and `swift test` never see them.
if ProcessInfo.processInfo.environment["PDA_FUZZ"] == "1" {
    let harnesses: [(String, [Target.Dependency])] = [
        ("FuzzJSON", ["AccountModel", "Portability"]),
        ("FuzzCSV", ["Importers", "Readers"]),
        ("FuzzXLSX", ["Importers", "Readers"]),
        ("FuzzExportReader", ["Importers", "Readers", "AccountModel"]),
        ("FuzzVerify", ["Portability"]),
        ("FuzzClaim", ["Portability", "AccountModel"]),
        ("FuzzHTML", ["Readers"]),
    ]
    package.targets.append(.target(name: "FuzzDriver", path: "fuzz/Sources/FuzzDriver"))
    for (name, dependencies) in harnesses {
        package.targets.append(.executableTarget(name: name, dependencies: dependencies + ["FuzzDriver"], path: "fuzz/Sources/\(name)"))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
