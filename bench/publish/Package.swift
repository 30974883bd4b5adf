// swift-tools-version:6.0
// The publish benchmark's helper: generates one-country data sets with the project's own
// sample generator and exports every rule period of a country for the peer engines.
// A package of its own so that the main package never depends on it; bench/run.sh builds it.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, not its manifest's `name`: work out
// the checkout's folder name so that any clone builds (as bench/Package.swift does).
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "publish-bench",
    dependencies: [
        .package(path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "publish-bench",
            dependencies: [.product(name: "Disclose", package: mainPackage)]
        ),
    ],
    swiftLanguageModes: [.v6]
)
