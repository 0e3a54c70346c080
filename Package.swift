// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "pda",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pda", targets: ["pda"]),
        .library(name: "PDAKit", targets: ["AccountModel", "AccountStore", "Importers", "Portability", "LaborLedger", "Reports", "Collective"]),
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
        .target(name: "Importers", dependencies: [
            "AccountModel", "AccountStore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "Portability", dependencies: [
            "AccountModel", "AccountStore", "LaborLedger",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "LaborLedger", dependencies: ["AccountModel", "AccountStore"]),
        .target(name: "Reports", dependencies: ["AccountModel", "AccountStore", "LaborLedger", "Collective"]),
        .target(name: "Collective", dependencies: [
            "AccountModel", "AccountStore", "Importers", "LaborLedger", "Portability",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "pda", dependencies: [
            "AccountModel", "AccountStore", "Importers", "Portability", "LaborLedger", "Reports", "Collective",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "AccountStoreTests", dependencies: ["AccountStore"]),
        .testTarget(name: "ImportersTests", dependencies: ["Importers", "AccountStore"]),
        .testTarget(name: "PortabilityTests", dependencies: ["Portability"]),
        .testTarget(name: "LaborLedgerTests", dependencies: ["LaborLedger", "Reports", "AccountStore"]),
        .testTarget(name: "CollectiveTests", dependencies: ["Collective", "AccountStore", "LaborLedger"]),
    ]
)

// `make fuzz` sets PDA_FUZZ=1: libFuzzer harnesses (fuzz/README.md), built with -sanitize=fuzzer
// into .build-fuzz. They are left out otherwise, so `swift build` and `swift test` never see them.
if ProcessInfo.processInfo.environment["PDA_FUZZ"] == "1" {
    let harnesses: [(String, [Target.Dependency])] = [
        ("FuzzJSON", ["AccountModel", "Portability"]),
        ("FuzzCSV", ["Importers"]),
        ("FuzzXLSX", ["Importers"]),
        ("FuzzExportReader", ["Importers", "AccountModel"]),
        ("FuzzVerify", ["Portability"]),
        ("FuzzClaim", ["Portability", "AccountModel"]),
    ]
    package.targets.append(.target(name: "FuzzDriver", path: "fuzz/Sources/FuzzDriver"))
    for (name, dependencies) in harnesses {
        package.targets.append(.executableTarget(name: name, dependencies: dependencies + ["FuzzDriver"], path: "fuzz/Sources/\(name)"))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
