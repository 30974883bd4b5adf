// swift-tools-version:6.0
// An example of another tool linking the disclose library by path: it publishes factories,
// assessments and answers held in memory, through the public API only (no @testable import).
import PackageDescription

let package = Package(
    name: "publish-from-values",
    dependencies: [.package(name: "disclose", path: "../..")],
    targets: [
        .executableTarget(name: "publish-from-values", dependencies: [.product(name: "Disclose", package: "disclose")]),
    ],
    swiftLanguageModes: [.v6]
)
