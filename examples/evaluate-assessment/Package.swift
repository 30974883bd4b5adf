// swift-tools-version:6.0
// An example of another tool linking the disclose library by path: it evaluates one
// assessment through the public API only (no @testable import).
import PackageDescription

let package = Package(
    name: "evaluate-assessment",
    dependencies: [.package(name: "disclose", path: "../..")],
    targets: [
        .executableTarget(name: "evaluate-assessment", dependencies: [.product(name: "Disclose", package: "disclose")]),
    ],
    swiftLanguageModes: [.v6]
)
