// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "disclose",
    products: [
        .library(name: "Disclose", targets: ["Disclose"]),
        .executable(name: "disclose", targets: ["DiscloseCLI"]),
        // For tools not written in Swift: C functions over JSON strings (include/disclose.h).
        .library(name: "DiscloseC", type: .dynamic, targets: ["DiscloseC"]),
    ],
    targets: [
        .target(name: "Disclose"),
        .target(name: "DiscloseLanguageServer", dependencies: ["Disclose"]),
        .target(name: "DiscloseC", dependencies: ["Disclose"], exclude: ["include"]),
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
        .testTarget(name: "DiscloseCTests", dependencies: ["Disclose", "DiscloseC"]),
    ],
    swiftLanguageModes: [.v6]
)
