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
        .target(name: "DiscloseLanguageServer", dependencies: ["Disclose"]),
        .executableTarget(name: "DiscloseCLI", dependencies: ["Disclose", "DiscloseLanguageServer"]),
        .testTarget(
            name: "DiscloseTests",
            dependencies: ["Disclose"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "DiscloseLanguageServerTests",
            dependencies: ["Disclose", "DiscloseLanguageServer"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
