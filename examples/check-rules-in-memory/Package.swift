// swift-tools-version:6.0
// An example of another tool linking the disclose library by path: it checks rule files held in
// memory (as a tool that keeps them in a database would) through the public API only.
import PackageDescription

let package = Package(
    name: "check-rules-in-memory",
    dependencies: [.package(name: "disclose", path: "../..")],
    targets: [
        .executableTarget(name: "check-rules-in-memory", dependencies: [.product(name: "Disclose", package: "disclose")]),
    ],
    swiftLanguageModes: [.v6]
)
