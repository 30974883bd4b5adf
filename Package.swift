// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "disclose",
    products: [
        .library(name: "Disclose", targets: ["Disclose"]),
        .executable(name: "disclose", targets: ["DiscloseCLI"]),
    ],
    targets: [
        .target(name: "Disclose"),
        .executableTarget(name: "DiscloseCLI", dependencies: ["Disclose"]),
        .testTarget(
            name: "DiscloseTests",
            dependencies: ["Disclose"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
