// swift-tools-version:6.0
// A separate package so that the main package never depends on the benchmark.
// Build and run it with `bench/run.sh` (release builds only).
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder (here the checkout's folder, whatever
// it is called), not after its manifest's `name`; work it out so that any clone builds.
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let package = Package(
    name: "disclose-bench",
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "disclose-bench",
            dependencies: [.product(name: "Disclose", package: mainPackage)]
        ),
    ],
    swiftLanguageModes: [.v6]
)
